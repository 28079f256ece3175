//! Filters, as a table: a fixture of labelled events, then filter -> the
//! labels expected, in answer order.

use sitrep_model::{Lat, Lon, Modality, Precision, SubEventType as T};
use sitrep_store::{EventFilter, EventStore, FilterError, Near, SqliteStore, StoreError};

use crate::builder::{actor, doc, event, hash, place};

/// Nine events in three documents. Answer order: date, doc_id, evidence start.
pub fn fixture() -> SqliteStore {
    let russia = || actor("Military Forces of Russia", "RUSMIL", Some("RUS"));
    let turkey = || actor("Military Forces of Turkey", "TURMIL", Some("TUR"));
    let deir = || place("Deir ez-Zor", "SY", 35.33588, 40.14084);
    let a = vec![
        event("a", 0)
            .label("a1")
            .actor1(russia())
            .actor2(actor("Islamic State", "IMGMUSISI", None))
            .at(deir(), Precision::Exact),
        event("a", 100).label("a2").actor1(russia()).at(place("Bgelia", "SY", 35.387, 40.086), Precision::Near),
        event("a", 200)
            .label("a3")
            .on("2016-01-21")
            .kind(T::ArmedClash)
            .actor1(actor("Syrian Arab Army", "SYRMIL", Some("SYR")))
            .actor2(actor("Opposition Rebels", "SYRREB", Some("SYR")))
            .at(place("Jabal al-Akrad", "SY", 35.65, 36.2), Precision::Near)
            .modality(Modality::Speculative),
        event("a", 300)
            .label("a4")
            .date(None)
            .kind(T::Other)
            .actor1(turkey())
            .at(place("Jarabulus", "SY", 36.8175, 38.01111), Precision::Exact)
            .modality(Modality::Planned),
    ];
    let b = vec![
        event("b", 0)
            .label("b1")
            .on("2016-01-19")
            .kind(T::ShellingArtilleryMissile)
            .actor1(turkey())
            .at(place("Kilis", "TR", 36.7184, 37.1212), Precision::Exact)
            .attributed_to("SANA"),
        event("b", 50)
            .label("b2")
            .on("2016-02-03")
            .kind(T::PeacefulProtest)
            .actor1(actor("Protesters (Iraq)", "IRQOPP", Some("IRQ")))
            .at(place("Baghdad", "IQ", 33.3152, 44.3661), Precision::Exact),
        event("b", 90).label("b3").kind(T::ArmedClash),
    ];
    let c = vec![
        event("c", 0)
            .label("c1")
            .actor1(actor("Военно-космические силы", "RUSAF", Some("RUS")))
            .at(place("Taveuni", "FJ", -16.8, -179.95), Precision::Exact),
        event("c", 10)
            .label("c2")
            .on("2015-12-31")
            .kind(T::Grenade)
            .actor2(actor("Civilians (Syria)", "SYRCVL", Some("SYR")))
            .at(place("Aleppo", "SY", 36.20124, 37.16117), Precision::Exact)
            .fatalities(2),
    ];
    let mut store = SqliteStore::open_in_memory().unwrap();
    for (id, events) in [("a", a), ("b", b), ("c", c)] {
        let d = doc(id, &format!("Text of {id}."));
        let events: Vec<_> = events.into_iter().map(|e| e.build()).collect();
        store.put_document(&d, &hash(&d), &events).unwrap();
    }
    store
}

fn near(lat: f64, lon: f64, km: f64) -> Option<Near> {
    Some(Near { lat: Lat::new(lat).unwrap(), lon: Lon::new(lon).unwrap(), km })
}

fn types(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

fn cases() -> Vec<(&'static str, EventFilter, &'static [&'static str])> {
    let f = EventFilter::default;
    let d = |s: &str| Some(crate::builder::day(s));
    let s = |s: &str| Some(s.to_owned());
    vec![
        ("everything, undated last", f(), &["c2", "b1", "a1", "a2", "b3", "c1", "a3", "b2", "a4"]),
        ("since is inclusive", EventFilter { since: d("2016-01-20"), ..f() }, &["a1", "a2", "b3", "c1", "a3", "b2"]),
        ("until is inclusive", EventFilter { until: d("2016-01-19"), ..f() }, &["c2", "b1"]),
        ("one day", EventFilter { since: d("2016-01-20"), until: d("2016-01-20"), ..f() }, &["a1", "a2", "b3", "c1"]),
        ("an empty range", EventFilter { since: d("2016-01-21"), until: d("2016-01-20"), ..f() }, &[]),
        ("event type", EventFilter { types: types(&["Battles"]), ..f() }, &["b3", "a3"]),
        ("sub-event type, any case", EventFilter { types: types(&["air/drone STRIKE"]), ..f() }, &["a1", "a2", "c1"]),
        ("types are or-ed", EventFilter { types: types(&["Battles", "Grenade"]), ..f() }, &["c2", "b3", "a3"]),
        ("actor name substring", EventFilter { actor: s("russia"), ..f() }, &["a1", "a2"]),
        ("actor code", EventFilter { actor: s("rusmil"), ..f() }, &["a1", "a2"]),
        ("code must match whole", EventFilter { actor: s("RUSA"), ..f() }, &[]),
        ("actor2 counts", EventFilter { actor: s("Islamic"), ..f() }, &["a1"]),
        ("non-ASCII names fold case", EventFilter { actor: s("ВОЕННО"), ..f() }, &["c1"]),
        ("substring, not word", EventFilter { actor: s("tur"), ..f() }, &["b1", "a4"]),
        ("no such actor", EventFilter { actor: s("nobody"), ..f() }, &[]),
        ("country code", EventFilter { country: s("SY"), ..f() }, &["c2", "a1", "a2", "a3", "a4"]),
        ("country name", EventFilter { country: s("iraq"), ..f() }, &["b2"]),
        ("country alpha-3", EventFilter { country: s("TUR"), ..f() }, &["b1"]),
        ("near, 10 km", EventFilter { near: near(35.33588, 40.14084, 10.0), ..f() }, &["a1", "a2"]),
        ("near, 5 km", EventFilter { near: near(35.33588, 40.14084, 5.0), ..f() }, &["a1"]),
        ("near, 0 km on the point", EventFilter { near: near(36.20124, 37.16117, 0.0), ..f() }, &["c2"]),
        ("near, across the antimeridian", EventFilter { near: near(-16.8, 179.95, 20.0), ..f() }, &["c1"]),
        ("modality", EventFilter { modality: Some(Modality::Speculative), ..f() }, &["a3"]),
        ("attributed", EventFilter { modality: Some(Modality::Attributed), ..f() }, &["b1"]),
        (
            "conditions are and-ed",
            EventFilter { country: s("Syria"), types: types(&["Air/drone strike"]), since: d("2016-01-20"), ..f() },
            &["a1", "a2"],
        ),
        ("limit", EventFilter { limit: Some(2), ..f() }, &["c2", "b1"]),
        ("offset", EventFilter { offset: 7, ..f() }, &["b2", "a4"]),
        ("a page", EventFilter { limit: Some(2), offset: 2, ..f() }, &["a1", "a2"]),
        ("limit zero", EventFilter { limit: Some(0), ..f() }, &[]),
        ("offset past the end", EventFilter { offset: 100, ..f() }, &[]),
        ("filtered page", EventFilter { country: s("SY"), limit: Some(2), offset: 1, ..f() }, &["a1", "a2"]),
    ]
}

#[test]
fn filters_select_the_expected_events_in_order() {
    let store = fixture();
    let mut failures = Vec::new();
    for (name, filter, want) in cases() {
        let got: Vec<String> = store.events(&filter).unwrap().into_iter().map(|r| r.rule).collect();
        if got != want {
            failures.push(format!("{name}: want {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bad_filter_values_are_named() {
    let store = fixture();
    let cases = [
        (
            EventFilter { types: types(&["Battles", "Airstrike"]), ..EventFilter::default() },
            FilterError::UnknownType("Airstrike".into()),
            "Airstrike",
        ),
        (
            EventFilter { country: Some("Narnia".into()), ..EventFilter::default() },
            FilterError::UnknownCountry("Narnia".into()),
            "Narnia",
        ),
        (
            EventFilter { near: near(0.0, 0.0, f64::INFINITY), ..EventFilter::default() },
            FilterError::BadDistance(f64::INFINITY),
            "inf",
        ),
    ];
    for (filter, want, named) in cases {
        match store.events(&filter) {
            Err(StoreError::Filter(e)) => {
                assert!(e.to_string().contains(named), "{e}");
                assert_eq!(e, want);
            }
            other => panic!("{filter:?}: want an error, got {other:?}"),
        }
    }
}
