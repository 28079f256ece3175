//! The front end's queries: cursor pages, the extra conditions of an
//! `EventQuery`, counts checked against the events themselves, and the
//! actors and documents lists. Uses the fixture of `filters`.

use sitrep_model::Modality;
use sitrep_store::{
    ActorListQuery, CountBy, DocumentQuery, EventFilter, EventQuery, EventStore, FilterError, Measure, SqliteStore,
    StoreError,
};
use std::collections::BTreeMap;

use crate::builder::{doc, event, hash};
use crate::filters::fixture;

fn labels(store: &SqliteStore, q: &EventQuery) -> Vec<String> {
    store.events_page(q).unwrap().events.into_iter().map(|r| r.rule).collect()
}

/// Filters whose pages are walked; the fixture's undated events are in most.
fn filters() -> Vec<EventFilter> {
    let f = EventFilter::default;
    vec![
        f(),
        EventFilter { country: Some("SY".into()), ..f() },
        EventFilter { types: vec!["Battles".into()], ..f() },
        EventFilter { actor: Some("russia".into()), ..f() },
        EventFilter { modality: Some(Modality::Asserted), ..f() },
    ]
}

#[test]
fn cursor_pages_walk_the_whole_answer_once() {
    let store = fixture();
    for filter in filters() {
        let all: Vec<String> = store.events(&filter).unwrap().into_iter().map(|r| r.event_id).collect();
        for size in 1..=4 {
            let mut q = EventQuery::of(EventFilter { limit: Some(size), ..filter.clone() });
            let (mut walked, mut pages) = (Vec::new(), 0);
            loop {
                let page = store.events_page(&q).unwrap();
                assert!(page.events.len() <= size);
                walked.extend(page.events.iter().map(|r| r.event_id.clone()));
                pages += 1;
                match page.next {
                    Some(next) => q.after = Some(next),
                    None => break,
                }
            }
            assert_eq!(walked, all, "{filter:?}, pages of {size}");
            assert_eq!(pages, all.len().div_ceil(size).max(1), "no empty last page: {filter:?}, {size}");
        }
    }
}

#[test]
fn a_page_without_a_limit_is_the_whole_answer() {
    let store = fixture();
    let page = store.events_page(&EventQuery::default()).unwrap();
    assert_eq!((page.events.len(), page.next), (9, None));
}

#[test]
fn an_unknown_cursor_is_named() {
    let store = fixture();
    let q = EventQuery { after: Some("no-such-event".into()), ..EventQuery::default() };
    match store.events_page(&q) {
        Err(StoreError::Filter(FilterError::UnknownCursor(c))) => assert_eq!(c, "no-such-event"),
        other => panic!("want an unknown cursor, got {other:?}"),
    }
}

#[test]
fn front_end_conditions_select_the_expected_events() {
    let store = fixture();
    let q = |text: Option<&str>, admin1: Option<&str>, doc_id: Option<&str>| EventQuery {
        text: text.map(str::to_owned),
        admin1: admin1.map(str::to_owned),
        doc_id: doc_id.map(str::to_owned),
        ..EventQuery::default()
    };
    let cases: Vec<(&str, EventQuery, &[&str])> = vec![
        ("text in the evidence", q(Some("EVIDENCE AT 300"), None, None), &["a4"]),
        ("text in the place name", q(Some("jabal al"), None, None), &["a3"]),
        ("text matches nothing", q(Some("zzz"), None, None), &[]),
        ("admin-1, any ASCII case", q(None, Some("deir ez-zor governorate"), None), &["a1"]),
        ("admin-1 must match whole", q(None, Some("Deir"), None), &[]),
        ("one document", q(None, None, Some("b")), &["b1", "b3", "b2"]),
        ("no such document", q(None, None, Some("zz")), &[]),
        ("conditions are and-ed", q(Some("evidence"), None, Some("c")), &["c2", "c1"]),
    ];
    for (name, query, want) in cases {
        assert_eq!(labels(&store, &query), want, "{name}");
    }
}

/// The key of an event under a grouping, computed from its record.
fn key_of(r: &sitrep_model::record::EventRecord, by: CountBy) -> (Option<String>, Option<String>) {
    let loc = r.location.as_ref();
    match by {
        CountBy::Day => (r.date.clone(), None),
        CountBy::EventType => (Some(r.event_type.clone()), None),
        CountBy::SubEventType => (Some(r.sub_event_type.clone()), None),
        CountBy::Modality => (Some(r.modality.clone()), None),
        CountBy::Country => (loc.and_then(|l| l.country.clone()), None),
        CountBy::Admin1 => (loc.and_then(|l| l.admin1.clone()), loc.and_then(|l| l.country.clone())),
    }
}

/// A count as (key, country) -> (events, fatalities).
type Row = ((Option<String>, Option<String>), (u64, u64));

/// Keys in the store's order: no key first, except undated days, which come last.
fn store_order(by: CountBy, mut keys: Vec<Row>) -> Vec<Row> {
    if by == CountBy::Day && keys.first().is_some_and(|(k, _)| k.0.is_none()) {
        let undated = keys.remove(0);
        keys.push(undated);
    }
    keys
}

#[test]
fn counts_agree_with_the_events_they_count() {
    let store = fixture();
    for filter in filters() {
        let events = store.events(&filter).unwrap();
        for by in CountBy::ALL {
            let mut want: BTreeMap<(Option<String>, Option<String>), (u64, u64)> = BTreeMap::new();
            for r in &events {
                let e = want.entry(key_of(r, by)).or_default();
                *e = (e.0 + 1, e.1 + u64::from(r.fatalities.unwrap_or(0)));
            }
            let want = store_order(by, want.into_iter().collect());
            let query = EventQuery::of(EventFilter { limit: Some(1), ..filter.clone() });
            let got: Vec<_> = store
                .counts(&query, by, Measure::EventsAndFatalities)
                .unwrap()
                .into_iter()
                .map(|c| ((c.key, c.country), (c.events, c.fatalities.unwrap())))
                .collect();
            assert_eq!(got, want, "{by:?} of {filter:?}");
            let events_only = store.counts(&query, by, Measure::Events).unwrap();
            assert!(events_only.iter().all(|c| c.fatalities.is_none()));
            assert_eq!(events_only.len(), want.len());
        }
    }
}

#[test]
fn actors_come_most_mentioned_first() {
    let store = fixture();
    let names = |q: ActorListQuery| -> Vec<(String, u64)> {
        store.actors(&q).unwrap().into_iter().map(|a| (a.name, a.mentions)).collect()
    };
    let all = names(ActorListQuery::default());
    assert_eq!(all[0], ("Military Forces of Russia".to_owned(), 2));
    assert_eq!(all[1], ("Military Forces of Turkey".to_owned(), 2));
    assert_eq!(all.len(), 8);
    let q = ActorListQuery { contains: Some("MILITARY".into()), limit: Some(1) };
    assert_eq!(names(q), [("Military Forces of Russia".to_owned(), 2)]);
    let q = ActorListQuery { contains: Some("syrcvl".into()), limit: None };
    assert_eq!(names(q), [("Civilians (Syria)".to_owned(), 1)]);
}

#[test]
fn documents_list_in_id_order_with_their_event_counts() {
    let mut store = fixture();
    let empty = doc("0-empty", "Nothing happened.");
    store.put_document(&empty, &hash(&empty), &[]).unwrap();
    let list = |q: DocumentQuery| -> Vec<(String, u64)> {
        store.documents(&q).unwrap().into_iter().map(|d| (d.doc_id, d.events)).collect()
    };
    let owned = |v: &[(&str, u64)]| v.iter().map(|(d, n)| ((*d).to_owned(), *n)).collect::<Vec<_>>();
    assert_eq!(list(DocumentQuery::default()), owned(&[("0-empty", 0), ("a", 4), ("b", 3), ("c", 2)]));
    assert_eq!(list(DocumentQuery { after: Some("a".into()), limit: Some(1), ids: None }), owned(&[("b", 3)]));
    let ids = Some(vec!["c".to_owned(), "zz".to_owned(), "0-empty".to_owned()]);
    assert_eq!(list(DocumentQuery { ids, ..DocumentQuery::default() }), owned(&[("0-empty", 0), ("c", 2)]));
    let first = &store.documents(&DocumentQuery::default()).unwrap()[1];
    assert_eq!((first.title.as_deref(), first.outlet.as_deref()), (Some("Title of a"), Some("Outlet")));
    assert_eq!(first.published, Some(crate::builder::day("2016-01-21")));
}

#[test]
fn a_read_only_store_reads_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ro.db");
    let mut writer = SqliteStore::open(&path).unwrap();
    let d = doc("d", "Text.");
    writer.put_document(&d, &hash(&d), &[event("d", 0).build()]).unwrap();
    let mut reader = SqliteStore::open_read_only(&path).unwrap();
    assert_eq!(reader.stats().unwrap().events, 1);
    let other = doc("e", "Other text.");
    assert!(matches!(reader.put_document(&other, &hash(&other), &[]), Err(StoreError::Database { .. })));
    assert!(matches!(SqliteStore::open_read_only(dir.path().join("missing.db")), Err(StoreError::Database { .. })));
}

#[test]
fn a_read_only_store_refuses_an_old_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    std::fs::write(&path, b"").unwrap();
    match SqliteStore::open_read_only(&path) {
        Err(e @ StoreError::TooOld { found: 0, .. }) => assert!(e.to_string().contains("old.db"), "{e}"),
        other => panic!("want TooOld, got {other:?}"),
    }
}
