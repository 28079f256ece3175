//! [`FeedStore`] on SQLite: the `feeds` and `feed_entries` tables of
//! migration 0002.

use rusqlite::{params, OptionalExtension};

use crate::error::StoreError;
use crate::feeds::{FeedState, FeedStore};
use crate::sqlite::SqliteStore;

impl FeedStore for SqliteStore {
    fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        let sql = "SELECT url, etag, last_modified, last_polled, failures FROM feeds WHERE url = ?";
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| {
                st.query_row(params![url], |r| {
                    Ok(FeedState {
                        url: r.get(0)?,
                        etag: r.get(1)?,
                        last_modified: r.get(2)?,
                        last_polled: r.get(3)?,
                        failures: r.get(4)?,
                    })
                })
                .optional()
            })
            .map_err(self.db())
    }

    fn save_feed_state(&mut self, s: &FeedState) -> Result<(), StoreError> {
        let sql =
            "INSERT OR REPLACE INTO feeds (url, etag, last_modified, last_polled, failures) VALUES (?, ?, ?, ?, ?)";
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(params![s.url, s.etag, s.last_modified, s.last_polled, s.failures]))
            .map(drop)
            .map_err(self.db())
    }

    fn entry_seen(&self, feed_url: &str, entry_id: &str) -> Result<bool, StoreError> {
        let sql = "SELECT EXISTS (SELECT 1 FROM feed_entries WHERE feed_url = ? AND entry_id = ?)";
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| st.query_row(params![feed_url, entry_id], |r| r.get(0)))
            .map_err(self.db())
    }

    fn mark_entry_seen(
        &mut self,
        feed_url: &str,
        entry_id: &str,
        doc_id: Option<&str>,
        at: i64,
    ) -> Result<(), StoreError> {
        let sql = "INSERT OR IGNORE INTO feed_entries (feed_url, entry_id, doc_id, seen_at) VALUES (?, ?, ?, ?)";
        self.conn
            .prepare_cached(sql)
            .and_then(|mut st| st.execute(params![feed_url, entry_id, doc_id, at]))
            .map(drop)
            .map_err(self.db())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn feed_state_round_trips_and_entries_are_marked_once() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        assert_eq!(store.feed_state("https://example.org/feed").unwrap(), None);
        let state = FeedState {
            url: "https://example.org/feed".into(),
            etag: Some("\"abc\"".into()),
            last_modified: Some("Mon, 23 Mar 2020 08:00:00 GMT".into()),
            last_polled: Some(1_584_950_400),
            failures: 2,
        };
        store.save_feed_state(&state).unwrap();
        assert_eq!(store.feed_state(&state.url).unwrap(), Some(state.clone()));
        let reset = FeedState { failures: 0, ..state.clone() };
        store.save_feed_state(&reset).unwrap();
        assert_eq!(store.feed_state(&state.url).unwrap(), Some(reset));

        assert!(!store.entry_seen(&state.url, "e1").unwrap());
        store.mark_entry_seen(&state.url, "e1", Some("doc-1"), 1).unwrap();
        store.mark_entry_seen(&state.url, "e1", None, 2).unwrap();
        assert!(store.entry_seen(&state.url, "e1").unwrap());
        assert!(!store.entry_seen("https://other.example/feed", "e1").unwrap());
    }

    #[test]
    fn state_survives_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        {
            let mut store = SqliteStore::open(&path).unwrap();
            store.mark_entry_seen("f", "e", Some("d"), 1).unwrap();
        }
        let store = SqliteStore::open(&path).unwrap();
        assert!(store.entry_seen("f", "e").unwrap());
    }
}
