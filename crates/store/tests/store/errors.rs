//! Errors name the file and the value that was wrong; a failed put stores nothing.

use sitrep_model::DocId;
use sitrep_store::{EventStore, SqliteStore, StoreError, StoreStats};

use crate::builder::{doc, event, hash};

#[test]
fn open_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("no-such-dir").join("sitrep.db");
    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, "this is not an SQLite database, just some text that is long enough ".repeat(20)).unwrap();
    for path in [missing_dir, garbage, dir.path().to_path_buf()] {
        let err = SqliteStore::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Database { .. }), "{path:?}: {err}");
        assert!(err.to_string().starts_with(&path.display().to_string()), "{err}");
    }
}

#[test]
fn another_content_under_a_stored_id_is_refused() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let first = doc("same-id", "First version.");
    store.put_document(&first, &hash(&first), &[]).unwrap();
    let second = doc("same-id", "Edited version.");
    let err = store.put_document(&second, &hash(&second), &[event("same-id", 0).build()]).unwrap_err();
    assert!(matches!(&err, StoreError::DocIdTaken { doc_id, .. } if doc_id == "same-id"), "{err}");
    assert!(err.to_string().contains("\"same-id\"") && err.to_string().contains(hash(&first).as_str()), "{err}");
    assert_eq!(store.stats().unwrap(), StoreStats { documents: 1, events: 0 });
}

#[test]
fn a_failed_put_stores_nothing() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let d = doc("dup", "Text.");
    let twice = event("dup", 0).build();
    let err = store.put_document(&d, &hash(&d), &[event("dup", 5).build(), twice.clone(), twice.clone()]).unwrap_err();
    assert!(
        matches!(&err, StoreError::DuplicateEventId { event_id, .. } if *event_id == twice.id.to_string()),
        "{err}"
    );
    assert_eq!(store.stats().unwrap(), StoreStats::default());
    assert_eq!(store.document(&DocId::new("dup")).unwrap(), None);
    assert!(!store.has_document(&hash(&d)).unwrap(), "a retry must not look like a duplicate");
}

#[test]
fn events_of_another_document_are_refused() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let d = doc("mine", "Text.");
    let err = store.put_document(&d, &hash(&d), &[event("theirs", 0).build()]).unwrap_err();
    assert!(matches!(&err, StoreError::ForeignEvent { event_doc, .. } if event_doc == "theirs"), "{err}");
    assert_eq!(store.stats().unwrap(), StoreStats::default());
}
