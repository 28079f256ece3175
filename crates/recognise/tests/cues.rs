//! Cue recogniser: the cases in `tests/data/cues.json` (text in, every cue
//! out), the seed article's speculation, and a never-panics property.

#![allow(clippy::unwrap_used)] // a test fails loudly on a bad fixture

mod common;

use common::doc;
use proptest::prelude::*;
use serde_json::Value;
use sitrep_model::{CueKind, CueMention, Doc};
use sitrep_recognise::cues::CueRecogniser;

/// A found cue in the case files' shape.
fn row(d: &Doc, m: &CueMention) -> Value {
    let kind = serde_json::to_value(m.kind).unwrap();
    serde_json::json!([d.slice(m.span), kind, m.source.map(|s| d.slice(s))])
}

#[test]
fn cases_from_the_table() {
    let rec = CueRecogniser::new().unwrap();
    common::run_cases(include_str!("data/cues.json"), |d| rec.find(d).iter().map(|m| row(d, m)).collect());
}

#[test]
fn seed_article_marks_its_speculation() {
    let text = include_str!("../../../examples/corpus/2016-01-21-southfront-military-review-syria.txt");
    let d = doc(text, None);
    let found = CueRecogniser::new().unwrap().find(&d);
    let has = |phrase: &str, kind: CueKind| found.iter().any(|m| d.slice(m.span) == phrase && m.kind == kind);
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
        let d = doc(&text, None);
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
