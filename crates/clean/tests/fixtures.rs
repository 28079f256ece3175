//! Data-driven tests: every page under `tests/data/` (invented pages in the
//! seed's style, for several kinds of outlet) is cleaned and checked
//! against its `.json` expectation — title, date, outlet, byline, content
//! that must stay, furniture that must go, sentence count — and snapshotted.
//! The seed article and its gold file are checked the same way when
//! `../shared` is present.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; skips are reported

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use sitrep_clean::clean;
use sitrep_model::{DocId, Format, Hints, RawDoc};

#[derive(Debug, Deserialize)]
struct Expect {
    title: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    #[serde(default)]
    byline: Option<Option<String>>,
    content_markers: Vec<String>,
    boilerplate_markers: Vec<String>,
    sentences: Option<usize>,
}

fn raw_doc(path: &Path) -> RawDoc {
    let format = if path.extension().is_some_and(|e| e == "html") { Format::Html } else { Format::Text };
    RawDoc {
        id: DocId::new(path.file_stem().unwrap().to_string_lossy()),
        origin: path.display().to_string(),
        format,
        body: fs::read_to_string(path).unwrap(),
        hints: Hints::default(),
    }
}

/// Check one page against its expectation; returns the failures.
fn failures(page: &Path, expect: &Expect) -> Vec<String> {
    let doc = clean(&raw_doc(page)).unwrap();
    common::check_invariants(&doc);
    let mut bad = Vec::new();
    let mut same = |what: &str, got: Option<String>, want: &Option<String>| {
        if &got != want {
            bad.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    };
    same("title", doc.title.clone(), &expect.title);
    same("published", doc.published.map(|d| d.to_string()), &expect.published);
    same("outlet", doc.outlet.clone(), &expect.outlet);
    if let Some(byline) = &expect.byline {
        same("byline", doc.byline.clone(), byline);
    }
    bad.extend(
        expect
            .content_markers
            .iter()
            .filter(|m| !doc.text.contains(m.as_str()))
            .map(|m| format!("lost content: {m:?}")),
    );
    bad.extend(
        expect
            .boilerplate_markers
            .iter()
            .filter(|m| doc.text.contains(m.as_str()))
            .map(|m| format!("kept furniture: {m:?}")),
    );
    if let Some(n) = expect.sentences.filter(|&n| n != doc.sentences.len()) {
        bad.push(format!("sentences: got {}, want {n}", doc.sentences.len()));
    }
    bad
}

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut pages: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn fixtures_meet_their_expectations() {
    let mut all = Vec::new();
    for page in pages() {
        let expect: Expect = serde_json::from_str(&fs::read_to_string(page.with_extension("json")).unwrap()).unwrap();
        all.extend(failures(&page, &expect).into_iter().map(|f| format!("{}: {f}", page.display())));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}

#[test]
fn fixture_snapshots() {
    for page in pages() {
        let doc = clean(&raw_doc(&page)).unwrap();
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, common::render(&doc));
    }
}

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.join("seed").is_dir().then_some(dir)
}

#[test]
fn the_seed_meets_its_gold() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/seed is absent");
        return;
    };
    let gold_dir = shared.join("gold/dev");
    for entry in fs::read_dir(&gold_dir).unwrap() {
        let gold_path = entry.unwrap().path();
        let gold: serde_json::Value = serde_json::from_str(&fs::read_to_string(&gold_path).unwrap()).unwrap();
        let page = shared.join(gold["file"].as_str().unwrap());
        let expect: Expect = serde_json::from_value(gold).unwrap();
        let bad = failures(&page, &expect);
        assert!(bad.is_empty(), "{}:\n{}", page.display(), bad.join("\n"));
        let doc = clean(&raw_doc(&page)).unwrap();
        insta::assert_snapshot!(page.file_name().unwrap().to_string_lossy().into_owned(), common::render(&doc));
    }
}
