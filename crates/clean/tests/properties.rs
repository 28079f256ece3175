//! Properties of `clean` on any input: it never panics, and every document
//! it returns satisfies the `Doc` span invariants. Plus the precedence of
//! source hints over what the text says.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; skips are reported

mod common;

use chrono::NaiveDate;
use proptest::prelude::*;
use sitrep_clean::{clean, CleanError};
use sitrep_model::{DocId, Format, Hints, RawDoc};

fn raw(body: String, format: Format, hints: Hints) -> RawDoc {
    RawDoc { id: DocId::new("p"), origin: "p.txt".into(), format, body, hints }
}

/// Text built from pieces that exercise the cleaner's special cases.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Jan. 20, 2016 ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("Gen. ".to_owned()),
        Just("1.5 ".to_owned()),
        Just("... ".to_owned()),
        Just("\n\n".to_owned()),
        Just("\n".to_owned()),
        Just("[link](#) ".to_owned()),
        Just("<http://x.org> ".to_owned()),
        Just("BEIRUT (Reuters) - ".to_owned()),
        Just("- AFP".to_owned()),
        Just("Copyright © ".to_owned()),
        Just("Wed 05 Apr 2017 ".to_owned()),
        Just("\"Quoted.\" ".to_owned()),
        Just("&amp; &#x41; ".to_owned()),
        Just("<p>".to_owned()),
        Just("é ü — ".to_owned()),
        "[A-Za-z]{1,8}[ .!?]{0,2}",
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,400}", html in any::<bool>()) {
        let format = if html { Format::Html } else { Format::Text };
        if let Ok(doc) = clean(&raw(body, format, Hints::default())) {
            common::check_invariants(&doc);
        }
    }

    #[test]
    fn newsy_text_keeps_the_invariants(body in newsy_text(), html in any::<bool>()) {
        let format = if html { Format::Html } else { Format::Text };
        match clean(&raw(body, format, Hints::default())) {
            Ok(doc) => {
                common::check_invariants(&doc);
                prop_assert!(!doc.text.trim().is_empty());
            }
            Err(CleanError::NoText { origin }) => prop_assert_eq!(origin, "p.txt"),
        }
    }
}

#[test]
fn hints_win_over_the_text() {
    let body = "Title From the Text\n\nBy [Some Desk](#)\n\nSome Desk, 5 May 2018\n\nThe army said it had repelled an attack on the base overnight, killing ten fighters.\n";
    let hints = Hints {
        title: Some("Hinted title".into()),
        published: NaiveDate::from_ymd_opt(2018, 5, 6),
        outlet: Some("Hinted Outlet".into()),
        url: Some("http://example.org/a".into()),
    };
    let doc = clean(&raw(body.into(), Format::Text, hints)).unwrap();
    assert_eq!(doc.title.as_deref(), Some("Hinted title"));
    assert_eq!(doc.published, NaiveDate::from_ymd_opt(2018, 5, 6));
    assert_eq!(doc.outlet.as_deref(), Some("Hinted Outlet"));
    assert_eq!(doc.url.as_deref(), Some("http://example.org/a"));
    assert_eq!(doc.text, "The army said it had repelled an attack on the base overnight, killing ten fighters.");
}

#[test]
fn a_hinted_title_repeated_in_the_text_is_not_body() {
    let body =
        "Sat 12 Oct 2019 Car bomb kills six in border town. A car bomb exploded near a market, killing six people.";
    let hints = Hints { title: Some("Car bomb kills six in border town".into()), ..Hints::default() };
    let doc = clean(&raw(body.into(), Format::Text, hints)).unwrap();
    assert_eq!(doc.text, "A car bomb exploded near a market, killing six people.");
}

#[test]
fn only_furniture_is_an_error() {
    let body = "Subscribe!\n\n<http://example.org>\n\nCopyright © 2020 Example";
    let err = clean(&raw(body.into(), Format::Text, Hints::default())).unwrap_err();
    assert_eq!(err.to_string(), "p.txt: no main text left after cleaning");
}
