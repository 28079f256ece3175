//! Cue recogniser: the cases in `tests/data/cues.json` (text in, every cue
//! out), the seed article's speculation, and a never-panics property.

#![allow(clippy::unwrap_used)] // a test fails loudly on a bad fixture

use proptest::prelude::*;
use serde_json::Value;
use sitrep_model::{CueKind, CueMention, Doc, DocId, Paragraph, Sentence, Span};
use sitrep_recognise::cues::CueRecogniser;

/// A one-paragraph document with sentences split after ". ", "! ", "? "
/// before a capital letter.
fn doc(text: &str) -> Doc {
    let mut sentences = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        let ends = matches!(bytes[i], b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase);
        if ends || i + 1 == bytes.len() {
            sentences.push(Sentence {
                span: Span::new(start, i + 1),
                paragraph: 0,
            });
            start = i + 2;
        }
    }
    Doc {
        id: DocId::new("test"),
        title: None,
        published: None,
        outlet: None,
        byline: None,
        url: None,
        text: text.to_owned(),
        paragraphs: vec![Paragraph {
            span: Span::new(0, text.len()),
        }],
        sentences,
    }
}

/// A found cue in the case files' shape.
fn row(d: &Doc, m: &CueMention) -> Value {
    let kind = serde_json::to_value(m.kind).unwrap();
    serde_json::json!([d.slice(m.span), kind, m.source.map(|s| d.slice(s))])
}

#[test]
fn cases_from_the_table() {
    let cases: Value = serde_json::from_str(include_str!("data/cues.json")).unwrap();
    let rec = CueRecogniser::new().unwrap();
    let mut failures = Vec::new();
    for case in cases["cases"].as_array().unwrap() {
        let d = doc(case["text"].as_str().unwrap());
        let got: Vec<Value> = rec.find(&d).iter().map(|m| row(&d, m)).collect();
        if Value::Array(got.clone()) != case["expect"] {
            failures.push(format!(
                "{}\n  want {}\n  got  {}",
                d.text,
                case["expect"],
                Value::Array(got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn seed_article_marks_its_speculation() {
    let text =
        include_str!("../../../../shared/seed/2016-01-21-southfront-military-review-syria.txt");
    let d = doc(text);
    let found = CueRecogniser::new().unwrap().find(&d);
    let has = |phrase: &str, kind: CueKind| {
        found
            .iter()
            .any(|m| d.slice(m.span) == phrase && m.kind == kind)
    };
    assert!(has("indications", CueKind::Hedge));
    assert!(has("is preparing", CueKind::Future));
    assert!(has("It's clear that", CueKind::Opinion));
    assert!(has("may", CueKind::Hedge));
    assert!(has("would", CueKind::Conditional));
}

#[test]
fn a_malformed_lexicon_row_is_an_error_naming_its_line() {
    let err = CueRecogniser::from_tsv("# comment\nmay\thedge\t-\nsaid\tboast\t-\n").unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.to_string().contains("cues.tsv line 3"), "{err}");
}

const VOCABULARY: &[&str] = &[
    "said",
    "according to",
    "the",
    "Ministry's",
    "statement",
    "by",
    "(",
    ")",
    "May",
    "may",
    "5",
    "No.",
    "will",
    "would",
    "not",
    "could not",
    "didn’t",
    "—",
    "Ünïcödé",
    "\"",
    ",",
    ".",
    "of",
    "for",
    "is expected to",
    "’s",
    "needs",
    "if",
    "claimed",
    "denied",
];

proptest! {
    #[test]
    fn never_panics_and_spans_are_sorted_on_char_boundaries(
        words in prop::collection::vec(
            prop_oneof![
                prop::sample::select(VOCABULARY).prop_map(str::to_owned),
                "[a-zA-Z0-9 ,.;:'’\"()\\-\u{e9}\u{4e2d}]{0,12}",
            ],
            0..40,
        )
    ) {
        let text = words.join(" ");
        let d = doc(&text);
        let found = CueRecogniser::new().unwrap().find(&d);
        for m in &found {
            for span in [Some(m.span), m.source].into_iter().flatten() {
                prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                prop_assert!(span.start < span.end && span.end <= text.len());
            }
        }
        prop_assert!(found.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }
}
