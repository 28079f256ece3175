//! sitrep's event store: cleaned documents and the events read from them.
//!
//! The store is the pipeline's memory. `sitrep ingest` and `sitrep watch` put
//! documents into it, `sitrep events`, `report`, `export` and `serve` read
//! events back out. Everything goes through the backend-neutral
//! [`EventStore`] trait; each backend is one module that owns its SQL, its
//! migrations and its row types (today [`sqlite`]; PostgreSQL comes later).
//! Only this crate knows SQL.
//!
//! Semantics every backend keeps:
//! - **Idempotent ingest.** A document is identified by the [`ContentHash`] of
//!   its raw body. Putting the same body twice stores it once and answers
//!   [`PutOutcome::Duplicate`]. A document and its events are stored in one
//!   transaction: a reader sees all of them or none.
//! - **Exact read-back.** An event is read back as the
//!   [`EventRecord`](sitrep_model::record::EventRecord) made from it, equal
//!   field for field to `EventRecord::from(&event)`.
//! - **Deterministic order.** [`EventStore::events`] answers in the order
//!   (date, doc_id, evidence start, event_id); undated events come last.
//!
//! ```
//! use sitrep_store::{EventFilter, EventStore, SqliteStore};
//! let store = SqliteStore::open_in_memory()?;
//! let filter = EventFilter { types: vec!["Battles".into()], ..EventFilter::default() };
//! assert!(store.events(&filter)?.is_empty());
//! assert_eq!(store.stats()?.documents, 0);
//! # Ok::<(), sitrep_store::StoreError>(())
//! ```

mod browse;
mod country;
mod error;
mod feeds;
mod filter;
mod hash;
mod merge;
pub mod sqlite;

use sitrep_model::record::EventRecord;
use sitrep_model::{Doc, DocId, Event};

pub use browse::{
    ActorListQuery, ActorSummary, Count, CountBy, DocumentQuery, DocumentSummary, EventPage, EventQuery, Measure,
};
pub use error::{FilterError, StoreError};
pub use feeds::{FeedState, FeedStore};
pub use filter::{EventFilter, Near};
pub use hash::ContentHash;
pub use merge::MergeStore;
pub use sqlite::SqliteStore;

/// What [`EventStore::put_document`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// The document was new; it and its `events` were stored.
    Inserted { events: usize },
    /// A document with the same content hash was already stored; nothing changed.
    Duplicate,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StoreStats {
    pub documents: u64,
    pub events: u64,
}

/// A place that keeps documents and their events. One implementation per
/// backend; every caller (CLI, server, report) depends on this trait only.
pub trait EventStore {
    /// True when a document with this content hash is already stored.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn has_document(&self, content_hash: &ContentHash) -> Result<bool, StoreError>;

    /// Store a cleaned document and the events read from it, in one
    /// transaction. Idempotent: the same content hash twice stores once and
    /// returns [`PutOutcome::Duplicate`].
    ///
    /// # Errors
    /// [`StoreError::DocIdTaken`] when another content is stored under the same
    /// document id, [`StoreError::ForeignEvent`] when an event names another
    /// document, [`StoreError::DuplicateEventId`] when two events share an id,
    /// or a backend failure. On error nothing is stored.
    fn put_document(&mut self, doc: &Doc, hash: &ContentHash, events: &[Event]) -> Result<PutOutcome, StoreError>;

    /// The events that pass `filter`, in (date, doc_id, evidence start,
    /// event_id) order, undated last, then `offset` skipped and `limit` kept.
    ///
    /// # Errors
    /// [`StoreError::Filter`] naming the bad value (an unknown event type or
    /// country, a negative distance), or a backend failure.
    fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError>;

    /// The reports of the event that `event_id` tells: its merge group (see
    /// [`MergeStore`]), itself included, in answer order; empty when there
    /// is no such event.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn reports_of(&self, event_id: &str) -> Result<Vec<EventRecord>, StoreError>;

    /// One event by its `event_id`.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn event(&self, id: &str) -> Result<Option<EventRecord>, StoreError>;

    /// One document, with its clean text, paragraphs and sentences.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn document(&self, id: &DocId) -> Result<Option<Doc>, StoreError>;

    /// How many documents and events are stored.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn stats(&self) -> Result<StoreStats, StoreError>;

    /// One page of the events that pass `query`, in the order of
    /// [`EventStore::events`], starting after `query.after`; `next` is the
    /// cursor of the following page. Cursor pages stay fast however deep
    /// they go (an offset makes the store count past every skipped event).
    ///
    /// # Errors
    /// As [`EventStore::events`], and [`FilterError::UnknownCursor`] when
    /// `after` names no stored event.
    fn events_page(&self, query: &EventQuery) -> Result<EventPage, StoreError>;

    /// How many events pass `query` (its limit, offset and cursor ignored),
    /// and their fatalities when `measure` asks, per key of `by`; in key
    /// order, no key first (undated days last).
    ///
    /// # Errors
    /// As [`EventStore::events`].
    fn counts(&self, query: &EventQuery, by: CountBy, measure: Measure) -> Result<Vec<Count>, StoreError>;

    /// The actors events name, most mentioned first.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn actors(&self, query: &ActorListQuery) -> Result<Vec<ActorSummary>, StoreError>;

    /// Stored documents without their text, in `doc_id` order.
    ///
    /// # Errors
    /// When the backend cannot be read.
    fn documents(&self, query: &DocumentQuery) -> Result<Vec<DocumentSummary>, StoreError>;
}
