//! Shared by the recognisers' test files: a test document, and the runner of
//! a case table (`tests/data/*.json`: text in, the expected rows out).

#![allow(dead_code, clippy::unwrap_used)] // each test file uses a part

use chrono::NaiveDate;
use serde_json::Value;
use sitrep_model::{Doc, DocId, Paragraph, Sentence, Span};

/// A one-paragraph document with sentences split after ". ", "! ", "? "
/// before a capital letter.
pub fn doc(text: &str, published: Option<NaiveDate>) -> Doc {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        let ends = matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase);
        if ends || i + 1 == bytes.len() {
            sentences.push(Sentence { span: Span::new(start, i + 1), paragraph: 0 });
            start = i + 2;
        }
    }
    Doc {
        published,
        paragraphs: vec![Paragraph { span: Span::new(0, text.len()) }],
        sentences,
        ..Doc::bare(DocId::new("test"), text)
    }
}

/// Run every case of a table: `rows` turns a case's document into the rows
/// it is compared with; all failures are reported together.
pub fn run_cases(table: &str, rows: impl Fn(&Doc) -> Vec<Value>) {
    let cases: Value = serde_json::from_str(table).unwrap();
    let mut failures = Vec::new();
    for case in cases["cases"].as_array().unwrap() {
        let published = case["published"].as_str().map(|p| p.parse().unwrap());
        let d = doc(case["text"].as_str().unwrap(), published);
        let got = Value::Array(rows(&d));
        if got != case["expect"] {
            failures.push(format!("{}\n  want {}\n  got  {got}", d.text, case["expect"]));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n{}", failures.len(), failures.join("\n"));
}
