//! Quantity recogniser: the cases in `tests/data/quantities.json` (text in,
//! every quantity out), the seed article, and a never-panics property.

#![allow(clippy::unwrap_used)] // a test fails loudly on a bad fixture

mod common;

use common::doc;
use proptest::prelude::*;
use serde_json::Value;
use sitrep_model::Doc;
use sitrep_recognise::quantities::QuantityRecogniser;

/// A found quantity in the case files' shape.
fn row(d: &Doc, m: &sitrep_model::QuantityMention) -> Value {
    let q = &m.quantity;
    let qualifier = serde_json::to_value(q.qualifier).unwrap();
    serde_json::json!([d.slice(m.span), q.value, q.max, qualifier, q.unit.as_str()])
}

#[test]
fn cases_from_the_table() {
    let rec = QuantityRecogniser::new().unwrap();
    common::run_cases(include_str!("data/quantities.json"), |d| rec.find(d).iter().map(|m| row(d, m)).collect());
}

#[test]
fn seed_article_counts_sorties_and_targets() {
    let text = include_str!("../../../examples/corpus/2016-01-21-southfront-military-review-syria.txt");
    let d = doc(text, None);
    let got: Vec<Value> = QuantityRecogniser::new().unwrap().find(&d).iter().map(|m| row(&d, m)).collect();
    assert!(got.contains(&serde_json::json!(["16 sorties", 16, null, "exact", "sorties"])), "{got:?}");
    assert!(got.contains(&serde_json::json!(["57 terrorist targets", 57, null, "exact", "targets"])), "{got:?}");
}

#[test]
fn a_malformed_table_row_is_an_error_naming_its_line() {
    let err = QuantityRecogniser::from_tables("one\t1\tnum\ntwo\tx\tnum\n", "", "").unwrap_err();
    assert_eq!(err.line, 2);
    assert!(err.to_string().contains("number_words.tsv line 2"), "{err}");
}

const VOCABULARY: &[&str] = &[
    "12",
    "1,200",
    "3.5",
    "million",
    "killed",
    "were",
    "a",
    "dozens",
    "of",
    "soldiers",
    "at least",
    "to",
    "-",
    "twenty-three",
    "hundred",
    "and",
    "\u{2003}",
    ".",
    "including",
    "Ünïcödé",
    "—",
    "’s",
    "March",
    "%",
    "2015",
    "toll",
    "one",
    "No.",
    "$",
    "10-15",
];

proptest! {
    #[test]
    fn never_panics_and_spans_are_sorted_on_char_boundaries(
        words in prop::collection::vec(
            prop_oneof![
                prop::sample::select(VOCABULARY).prop_map(str::to_owned),
                "[a-zA-Z0-9 ,.;:'’\\-–\u{e9}\u{4e2d}]{0,12}",
            ],
            0..40,
        )
    ) {
        let text = words.join(" ");
        let d = doc(&text, None);
        let found = QuantityRecogniser::new().unwrap().find(&d);
        for m in &found {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
        }
        prop_assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }
}
