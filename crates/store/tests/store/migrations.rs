//! Schema creation and upgrades of a store file.

use sitrep_store::sqlite::SCHEMA_VERSION;
use sitrep_store::{EventStore, SqliteStore, StoreError, StoreStats};

use crate::builder::{doc, event, hash};

#[test]
fn a_new_file_gets_the_current_schema_and_keeps_data_across_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sitrep.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let d = doc("m", "Some text.");
        store.put_document(&d, &hash(&d), &[event("m", 0).build()]).unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.stats().unwrap(), StoreStats { documents: 1, events: 1 });
}

#[test]
fn the_file_is_in_wal_mode_with_the_expected_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sitrep.db");
    drop(SqliteStore::open(&path).unwrap());
    let raw = rusqlite::Connection::open(&path).unwrap();
    let mode: String = raw.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let mut st = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'event_points_%' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(tables, ["actors", "documents", "event_points", "events", "feed_entries", "feeds", "pending_merge"]);
}

#[test]
fn a_file_from_a_newer_sitrep_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(SqliteStore::open(&path).unwrap());
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
    drop(raw);

    let err = SqliteStore::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::TooNew { found, known, .. } if found == SCHEMA_VERSION + 1 && known == SCHEMA_VERSION),
        "{err}"
    );
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()) && message.contains("newer"), "{message}");
    let raw = rusqlite::Connection::open(&path).unwrap();
    let v: i64 = raw.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION + 1);
}
