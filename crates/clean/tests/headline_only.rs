//! Documents that are only a headline (`<title> <agency> <date>`,
//! `<date> <title>`, or a title the source's title hint repeats): the headline is
//! kept as the text, one paragraph and one sentence, instead of failing
//! with `NoText`, which stays for empty documents and furniture. The cases
//! are data: `tests/cases/headline_only.json`.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

mod common;

use serde::Deserialize;
use sitrep_clean::{clean, CleanError};
use sitrep_model::{DocId, Format, Hints, RawDoc};

#[derive(Debug, Deserialize)]
struct Case {
    name: String,
    text: String,
    title_hint: Option<String>,
    /// The clean text, when the document has one.
    text_out: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
    /// How many sentences the text has (one paragraph each time).
    sentences: Option<usize>,
    #[serde(default)]
    no_text: bool,
}

/// What went wrong with one case, if anything.
fn failure(case: &Case) -> Option<String> {
    let hints = Hints { title: case.title_hint.clone(), ..Hints::default() };
    let raw =
        RawDoc { id: DocId::new("h"), origin: "h.txt".into(), format: Format::Text, body: case.text.clone(), hints };
    let got = clean(&raw);
    if case.no_text {
        return match got {
            Err(CleanError::NoText { .. }) => None,
            other => Some(format!("want NoText, got {other:?}")),
        };
    }
    let doc = match got {
        Ok(doc) => doc,
        Err(e) => return Some(format!("failed: {e}")),
    };
    common::check_invariants(&doc);
    let seen =
        (Some(doc.text.clone()), doc.published.map(|d| d.to_string()), doc.outlet.clone(), Some(doc.sentences.len()));
    let want = (case.text_out.clone(), case.published.clone(), case.outlet.clone(), case.sentences);
    if seen != want || doc.paragraphs.len() != 1 {
        return Some(format!("got {seen:?} in {} paragraphs, want {want:?} in one", doc.paragraphs.len()));
    }
    None
}

#[test]
fn headline_only_documents() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("cases/headline_only.json")).unwrap();
    let failures: Vec<String> = cases.iter().filter_map(|c| failure(c).map(|f| format!("{}: {f}", c.name))).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
