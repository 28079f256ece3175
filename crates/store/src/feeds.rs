//! What `sitrep watch` remembers about the feeds it polls: each feed's HTTP
//! validators (ETag, Last-Modified) for conditional requests, and which
//! entries were already handled. Kept in the same store as the documents,
//! so that a watcher killed and restarted picks up exactly where it was.
//!
//! Exactly once: the watcher stores an entry's document (idempotent by
//! content hash) *before* it marks the entry seen. A crash between the two
//! makes the restarted watcher handle the entry again, and the store
//! answers "duplicate": no entry is lost, none stored twice.

use crate::error::StoreError;

/// One feed's polling state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Unix seconds of the last poll that got an answer.
    pub last_polled: Option<i64>,
    /// Polls that failed in a row.
    pub failures: u32,
}

/// A store of feed state. Implemented by every backend beside
/// [`EventStore`](crate::EventStore).
pub trait FeedStore {
    /// The state of the feed at `url`, if it was polled before.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError>;

    /// Save (insert or replace) a feed's state.
    ///
    /// # Errors
    /// When the backend cannot be written.
    fn save_feed_state(&mut self, state: &FeedState) -> Result<(), StoreError>;

    /// True when the entry `entry_id` of the feed at `feed_url` was handled.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn entry_seen(&self, feed_url: &str, entry_id: &str) -> Result<bool, StoreError>;

    /// Record that an entry was handled, and the document it became (none
    /// when it failed for good). Marking twice keeps the first record.
    ///
    /// # Errors
    /// When the backend cannot be written.
    fn mark_entry_seen(
        &mut self,
        feed_url: &str,
        entry_id: &str,
        doc_id: Option<&str>,
        at: i64,
    ) -> Result<(), StoreError>;
}
