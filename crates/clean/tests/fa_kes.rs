//! The cleaner on the FA-KES corpus (full-text Syrian-war articles from 15
//! outlets, flattened to one paragraph with datelines and footers inside).
//! Reads `../shared/dev/fa-kes/fa-kes.csv` and skips when it is absent; the
//! corpus is never copied into the repository.
//!
//! Checks: every article cleans, the invariants hold, almost all words are
//! kept (datelines and footers are a small share), and most articles yield a
//! publication date from their dateline. `SITREP_DUMP=path` writes the
//! cleaned articles there for reading.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; skips are reported

mod common;

use std::fs;
use std::path::Path;

use sitrep_clean::clean;
use sitrep_model::{DocId, Format, Hints, RawDoc};

/// Rows of a CSV file with quoted fields ("" escapes a quote).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn fa_kes_articles_clean_well() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dev/fa-kes/fa-kes.csv");
    let Ok(text) = fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let rows = csv_rows(&text);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id_col, content_col) = (col("unit_id"), col("article_content"));
    let (mut words_in, mut words_out, mut dated, mut dump) = (0usize, 0usize, 0usize, String::new());
    let articles = &rows[1..];
    for row in articles {
        let body = row[content_col].clone();
        let raw = RawDoc {
            id: DocId::new(row[id_col].clone()),
            origin: row[id_col].clone(),
            format: Format::Text,
            body,
            hints: Hints::default(),
        };
        let doc = match clean(&raw) {
            Ok(doc) => doc,
            // A few rows hold only a headline and a date.
            Err(e) => {
                assert!(raw.body.split_whitespace().count() < 20, "{e}");
                continue;
            }
        };
        common::check_invariants(&doc);
        words_in += raw.body.split_whitespace().count();
        words_out += doc.text.split_whitespace().count();
        dated += usize::from(doc.published.is_some());
        dump.push_str(&format!("=== {}\n{}\n{}\n\n", raw.id, common::render(&doc), raw.body));
    }
    if let Ok(out) = std::env::var("SITREP_DUMP") {
        fs::write(out, dump).unwrap();
    }
    let kept = words_out as f64 / words_in as f64;
    let dated_share = dated as f64 / articles.len() as f64;
    assert!(articles.len() > 300, "{} articles", articles.len());
    assert!(kept > 0.95, "kept {kept:.3} of the words");
    assert!(dated_share > 0.6, "dated {dated_share:.3} of the articles");
}

/// Throughput on the corpus, best of five passes; run with
/// `cargo test --release -p sitrep-clean --test fa_kes -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn fa_kes_throughput() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dev/fa-kes/fa-kes.csv");
    let Ok(text) = fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let rows = csv_rows(&text);
    let docs: Vec<RawDoc> = rows[1..]
        .iter()
        .map(|r| RawDoc {
            id: DocId::new("x"),
            origin: "x".into(),
            format: Format::Text,
            body: r[2].clone(),
            hints: Hints::default(),
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let best = (0..5)
        .map(|_| {
            let start = std::time::Instant::now();
            let kept: usize = docs.iter().filter_map(|d| clean(d).ok()).map(|d| d.text.len()).sum();
            assert!(kept > 0);
            start.elapsed()
        })
        .min()
        .unwrap();
    let mb_s = bytes as f64 / best.as_secs_f64() / 1e6;
    eprintln!(
        "{} docs, {bytes} bytes, best pass {best:?}: {mb_s:.1} MB/s, {:.0} µs per doc",
        docs.len(),
        best.as_micros() as f64 / docs.len() as f64
    );
}
