//! The store's errors. Each names the database it concerns (a file path, or
//! `:memory:`) and the value that was wrong, so a batch run can report it and
//! go on.

use thiserror::Error;

/// A backend error kept opaque, so the trait does not expose one backend's
/// driver types.
pub type BackendError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a store operation failed.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error("{location}: {source}")]
    Database {
        location: String,
        #[source]
        source: BackendError,
    },
    /// The database was written by a newer sitrep with a schema this one does
    /// not know; opening it could damage it.
    #[error("{location}: schema version {found} is newer than this sitrep knows ({known}); use a newer sitrep")]
    TooNew { location: String, found: i64, known: i64 },
    /// A store opened read-only has an older schema, which only a writer may upgrade.
    #[error("{location}: schema version {found} is older than this sitrep's ({known}); open it once for writing (e.g. `sitrep ingest`) to upgrade it")]
    TooOld { location: String, found: i64, known: i64 },
    /// A schema migration failed; the database is left at its previous version.
    #[error("{location}: migration {migration} failed: {source}")]
    Migration {
        location: String,
        migration: &'static str,
        #[source]
        source: BackendError,
    },
    /// Another content is already stored under this document id.
    #[error("{location}: document {doc_id:?} is already stored with other content (content hash {stored_hash})")]
    DocIdTaken { location: String, doc_id: String, stored_hash: String },
    /// An event given with a document names another document.
    #[error("event {event_id} names document {event_doc:?}, but was given with document {doc_id:?}")]
    ForeignEvent { doc_id: String, event_id: String, event_doc: String },
    /// Two events share an event id (the coder must keep ids unique).
    #[error("{location}: event id {event_id} of document {doc_id:?} is already taken")]
    DuplicateEventId { location: String, doc_id: String, event_id: String },
    /// A stored value does not parse back (the file was edited or damaged).
    #[error("{location}: stored {what} {value:?} is invalid")]
    Corrupt { location: String, what: &'static str, value: String },
    /// The query's filter names something that does not exist.
    #[error("invalid filter: {0}")]
    Filter(#[from] FilterError),
}

/// A filter value that cannot be used, with the value as given.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum FilterError {
    #[error("unknown event type {0:?} (expected an ACLED event type or sub-event type, e.g. \"Battles\" or \"Air/drone strike\")")]
    UnknownType(String),
    #[error("unknown country {0:?} (expected an ISO 3166 code such as \"SY\" or a country name)")]
    UnknownCountry(String),
    #[error("distance {0} km is not a finite, non-negative number")]
    BadDistance(f64),
    /// A page cursor that names no stored event.
    #[error("unknown cursor {0:?} (expected the `next` value of a previous page)")]
    UnknownCursor(String),
    #[error("unknown grouping {0:?} (expected day, event_type, sub_event_type, modality, country or admin1)")]
    UnknownGrouping(String),
}
