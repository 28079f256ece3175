//! Date recogniser: the cases in `tests/data/dates.json` (text and
//! publication day in, every date out), the seed article, and a never-panics
//! property.

#![allow(clippy::unwrap_used)] // a test fails loudly on a bad fixture

use chrono::NaiveDate;
mod common;

use common::doc;
use proptest::prelude::*;
use serde_json::Value;
use sitrep_model::{DateMention, Doc};
use sitrep_recognise::dates::DateRecogniser;

/// A found date in the case files' shape.
fn row(d: &Doc, m: &DateMention) -> Value {
    serde_json::json!([d.slice(m.span), m.date.day.to_string(), m.date.precision.as_str(), m.relative])
}

#[test]
fn cases_from_the_table() {
    let rec = DateRecogniser::new().unwrap();
    common::run_cases(include_str!("data/dates.json"), |d| rec.find(d).iter().map(|m| row(d, m)).collect());
}

#[test]
fn seed_article_dates_the_strikes_to_the_day_before_publication() {
    let text = include_str!("../../../examples/corpus/2016-01-21-southfront-military-review-syria.txt");
    let d = doc(text, Some(NaiveDate::from_ymd_opt(2016, 1, 21).unwrap()));
    let got: Vec<Value> = DateRecogniser::new().unwrap().find(&d).iter().map(|m| row(&d, m)).collect();
    assert!(got.contains(&serde_json::json!(["Jan. 20", "2016-01-20", "day", false])), "{got:?}");
}

const VOCABULARY: &[&str] = &[
    "January",
    "Jan.",
    "May",
    "20",
    "21st",
    "2016",
    "-",
    "2016-02-30",
    "on",
    "in",
    "Tuesday",
    "last",
    "week",
    "yesterday",
    "the",
    "day",
    "before",
    "two",
    "days",
    "ago",
    "31/02/2016",
    "Ünïcödé",
    "’s",
    "—",
    "overnight",
    "mid-",
    "Today",
    "9999-99-99",
    "February 30",
    "later",
];

proptest! {
    #[test]
    fn never_panics_and_spans_are_sorted_on_char_boundaries(
        words in prop::collection::vec(
            prop_oneof![
                prop::sample::select(VOCABULARY).prop_map(str::to_owned),
                "[a-zA-Z0-9 ,./'’\\-–\u{e9}\u{4e2d}]{0,12}",
            ],
            0..40,
        ),
        published in prop::option::of((1i32..9999, 1u32..13, 1u32..29)),
    ) {
        let text = words.join(" ");
        let published = published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        let d = doc(&text, published);
        let found = DateRecogniser::new().unwrap().find(&d);
        for m in &found {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
        }
        prop_assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }
}
