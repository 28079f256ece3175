//! Several stores on one file: a writer, a reader and a second writer that
//! puts the same documents. WAL mode and immediate transactions must keep
//! every document whole, store each once, and leave the file intact.

use sitrep_store::{EventStore, PutOutcome, SqliteStore, StoreStats};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crate::builder::{doc, event, hash};

const DOCS: usize = 150;
const EVENTS_PER_DOC: usize = 3;

/// Puts documents 0..DOCS in the given order; returns how many it inserted.
fn writer(path: &Path, order: impl Iterator<Item = usize>) -> usize {
    let mut store = SqliteStore::open(path).unwrap();
    let mut inserted = 0;
    for i in order {
        let id = format!("doc-{i}");
        let d = doc(&id, &format!("Body {i}. More text."));
        let events: Vec<_> = (0..EVENTS_PER_DOC).map(|k| event(&id, k * 10).build()).collect();
        if let PutOutcome::Inserted { .. } = store.put_document(&d, &hash(&d), &events).unwrap() {
            inserted += 1;
        }
    }
    inserted
}

/// Counts a finished writer when dropped, even when the writer panicked, so
/// the reader always stops and the panic surfaces at `join`.
struct Finished<'a>(&'a AtomicUsize);

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::AcqRel);
    }
}

/// Reads until both writers finished: every snapshot holds whole documents
/// only, and counts never go down.
fn reader(path: &Path, finished: &AtomicUsize) -> usize {
    let store = SqliteStore::open(path).unwrap();
    let (mut last, mut reads) = (0, 0);
    loop {
        let stop = finished.load(Ordering::Acquire) == 2;
        let s = store.stats().unwrap();
        assert_eq!(s.events, s.documents * EVENTS_PER_DOC as u64, "a half-stored document was visible");
        assert!(s.documents >= last);
        last = s.documents;
        let page = store.events(&sitrep_store::EventFilter { limit: Some(30), ..Default::default() }).unwrap();
        assert!(page.len() <= 30);
        reads += 1;
        if stop {
            return reads;
        }
    }
}

#[test]
fn a_writer_a_duplicate_writer_and_a_reader_share_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let finished = AtomicUsize::new(0);
    let (a, b, reads) = thread::scope(|s| {
        let r = s.spawn(|| reader(&path, &finished));
        let a = s.spawn(|| {
            let _done = Finished(&finished);
            writer(&path, 0..DOCS)
        });
        let b = s.spawn(|| {
            let _done = Finished(&finished);
            writer(&path, (0..DOCS).rev())
        });
        (a.join().unwrap(), b.join().unwrap(), r.join().unwrap())
    });
    assert_eq!(a + b, DOCS, "each document inserted by exactly one writer");
    assert!(reads > 0);
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap(), StoreStats { documents: DOCS as u64, events: (DOCS * EVENTS_PER_DOC) as u64 });
    let raw = rusqlite::Connection::open(&path).unwrap();
    let check: String = raw.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[test]
fn stores_opening_a_new_file_at_once_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|i| {
                s.spawn({
                    let path = &path;
                    move || writer(path, i..i + 1)
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), 1);
        }
    });
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, 4);
}
