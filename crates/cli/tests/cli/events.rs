//! Data-driven coding cases: `testdata/events.json` holds short texts with
//! their publication date and the events they must (and must not) yield.
//! Each expected event must be met by a distinct extracted event that has
//! every field the case gives; `exact` cases allow no other event;
//! `no_asserted` cases allow no asserted event at all.

use crate::common;

use chrono::NaiveDate;
use serde::Deserialize;
use sitrep_model::record::EventRecord;
use sitrep_model::{DocId, Format, Hints, RawDoc};

#[derive(Debug, Deserialize)]
struct Case {
    note: String,
    published: String,
    text: String,
    #[serde(default)]
    events: Vec<Expected>,
    #[serde(default)]
    exact: bool,
    #[serde(default)]
    no_asserted: bool,
}

#[derive(Debug, Deserialize)]
struct Expected {
    sub_event_type: Option<String>,
    actor1: Option<String>,
    near: Option<(f64, f64, f64)>,
    precision: Option<u8>,
    modality: Option<String>,
    attribution: Option<String>,
    date: Option<String>,
    fatalities: Option<u32>,
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// The fields of `e` that `r` fails, empty when it matches.
fn mismatches(e: &Expected, r: &EventRecord) -> Vec<String> {
    let mut bad = Vec::new();
    let mut check = |what: &str, want: Option<String>, got: Option<String>| {
        if want.is_some() && want != got {
            bad.push(format!("{what}: want {want:?}, got {got:?}"));
        }
    };
    check("sub_event_type", e.sub_event_type.clone(), Some(r.sub_event_type.clone()));
    check("actor1", e.actor1.clone(), r.actor1.as_ref().map(|a| a.name.clone()));
    check("precision", e.precision.map(|p| p.to_string()), r.location.as_ref().map(|l| l.precision.to_string()));
    check("modality", e.modality.clone(), Some(r.modality.clone()));
    check("attribution", e.attribution.clone(), r.attribution.clone());
    check("date", e.date.clone(), r.date.clone());
    check("fatalities", e.fatalities.map(|f| f.to_string()), r.fatalities.map(|f| f.to_string()));
    if let Some((lat, lon, tol)) = e.near {
        let d = r.location.as_ref().map(|l| km((lat, lon), (l.lat, l.lon)));
        if !d.is_some_and(|d| d <= tol) {
            bad.push(format!(
                "place: want within {tol} km of {lat},{lon}, got {:?} ({d:?} km)",
                r.location.as_ref().map(|l| &l.name)
            ));
        }
    }
    bad
}

fn run(case: &Case) -> Vec<EventRecord> {
    let raw = RawDoc {
        id: DocId::new("case"),
        origin: "testdata/events.json".into(),
        format: Format::Text,
        body: case.text.clone(),
        hints: Hints {
            published: NaiveDate::parse_from_str(&case.published, "%Y-%m-%d").ok(),
            title: Some(String::new()),
            ..Hints::default()
        },
    };
    let p = common::pipeline().process(&raw).expect("case text cleans");
    p.events.iter().map(EventRecord::from).collect()
}

fn check(case: &Case) -> Vec<String> {
    let got = run(case);
    let mut used = vec![false; got.len()];
    let mut problems = Vec::new();
    for e in &case.events {
        let hit = got.iter().enumerate().position(|(i, r)| !used[i] && mismatches(e, r).is_empty());
        match hit {
            Some(i) => used[i] = true,
            None => {
                let nearest = got.iter().map(|r| mismatches(e, r)).min_by_key(Vec::len);
                problems.push(format!("missing {e:?}; nearest differs in {nearest:?}"));
            }
        }
    }
    if case.exact && got.len() != case.events.len() {
        let extra: Vec<String> = got
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(r, _)| format!("{} {} {:?}", r.sub_event_type, r.modality, r.actor1.as_ref().map(|a| &a.name)))
            .collect();
        problems.push(format!("{} events, expected {}; extra: {extra:?}", got.len(), case.events.len()));
    }
    if case.no_asserted {
        let asserted: Vec<&str> =
            got.iter().filter(|r| r.modality == "asserted").map(|r| r.sub_event_type.as_str()).collect();
        if !asserted.is_empty() {
            problems.push(format!("asserted events where none may be: {asserted:?}"));
        }
    }
    problems
}

#[test]
fn coding_cases() {
    let path = common::root().join("testdata/events.json");
    let cases: Vec<Case> =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("cases readable")).expect("cases parse");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let p = check(c);
            (!p.is_empty()).then(|| format!("{}\n  {}\n  {}", c.note, c.text, p.join("\n  ")))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
