//! What goes in comes back out: every record field and every document field.

use sitrep_model::quantity::Qualifier;
use sitrep_model::record::EventRecord;
use sitrep_model::{DocId, Precision, SubEventType, Unit};
use sitrep_store::{EventFilter, EventStore, PutOutcome, SqliteStore, StoreStats};

use crate::builder::{actor, doc, event, hash, place};

/// One event with every field set (non-ASCII text included), one with none.
fn full_and_empty() -> (sitrep_model::Doc, Vec<sitrep_model::Event>) {
    let text = "Les frappes russes ont touché Deir ez-Zōr. Nothing else happened.";
    let d = doc("rt-doc", text);
    let full = event("rt-doc", 0)
        .month_of("2016-01-01")
        .kind(SubEventType::ShellingArtilleryMissile)
        .actor1(actor("Military Forces of Russia", "RUSMIL", Some("RUS")))
        .actor2(actor("Islamic State", "IMGMUSISI", None))
        .at(place("Deir ez-Zōr", "SY", 35.335_884_9, 40.140_841), Precision::Near)
        .fatalities(7)
        .quantity(16, None, Qualifier::Exact, Unit::Sorties)
        .quantity(10, Some(15), Qualifier::About, Unit::Other("vehicles".into()))
        .quantity(3, None, Qualifier::AtLeast, Unit::Killed)
        .attributed_to("the Russian Ministry of Defence")
        .evidence("Les frappes russes ont touché Deir ez-Zōr.", 0)
        .label("rule-full")
        .build();
    let mut empty = event("rt-doc", 44).date(None).kind(SubEventType::Other).label("").build();
    empty.cameo = String::new();
    (d, vec![full, empty])
}

#[test]
fn records_and_documents_read_back_equal() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let (d, events) = full_and_empty();
    assert_eq!(store.put_document(&d, &hash(&d), &events).unwrap(), PutOutcome::Inserted { events: 2 });

    let want: Vec<EventRecord> = events.iter().map(EventRecord::from).collect();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), want, "undated last");
    for w in &want {
        assert_eq!(store.event(&w.event_id).unwrap().as_ref(), Some(w));
    }
    // The wire form is byte-identical too.
    let got = store.event(&want[0].event_id).unwrap().unwrap();
    assert_eq!(serde_json::to_string(&got).unwrap(), serde_json::to_string(&want[0]).unwrap());

    assert_eq!(store.document(&d.id).unwrap(), Some(d));
    assert_eq!(store.document(&DocId::new("absent")).unwrap(), None);
    assert_eq!(store.event("0000000000000000").unwrap(), None);
}

#[test]
fn a_document_without_metadata_or_events_reads_back_equal() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut d = doc("bare", "");
    (d.title, d.published, d.outlet, d.url) = (None, None, None, None);
    assert_eq!(store.put_document(&d, &hash(&d), &[]).unwrap(), PutOutcome::Inserted { events: 0 });
    assert_eq!(store.document(&d.id).unwrap(), Some(d));
    assert_eq!(store.stats().unwrap(), StoreStats { documents: 1, events: 0 });
}

#[test]
fn the_same_content_twice_is_stored_once() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let (d, events) = full_and_empty();
    let h = hash(&d);
    assert!(!store.has_document(&h).unwrap());
    store.put_document(&d, &h, &events).unwrap();
    assert!(store.has_document(&h).unwrap());
    // Same hash under another id (the same article from two feeds): still a duplicate.
    let mut again = d.clone();
    again.id = DocId::new("rt-doc-copy");
    assert_eq!(store.put_document(&again, &h, &[]).unwrap(), PutOutcome::Duplicate);
    assert_eq!(store.put_document(&d, &h, &events).unwrap(), PutOutcome::Duplicate);
    assert_eq!(store.stats().unwrap(), StoreStats { documents: 1, events: 2 });
}
