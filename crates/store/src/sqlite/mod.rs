//! The SQLite backend: one file per store (`./sitrep.db` by default), through
//! rusqlite's bundled SQLite, so nothing needs installing.
//!
//! The file is opened in WAL mode (readers never block the writer and see
//! only committed documents), with foreign keys on, `synchronous = NORMAL`
//! (WAL's recommended setting: a power cut may lose the last commits, never
//! consistency) and a busy timeout, so several processes may share one file.
//! The schema is created and upgraded by [`migrate`] on open.

mod browse;
mod feeds;
mod merge;
mod migrate;
mod query;
mod rows;
mod write;

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, params_from_iter, Connection, ErrorCode, OpenFlags, OptionalExtension};
use sitrep_model::place::distance_km;
use sitrep_model::record::EventRecord;
use sitrep_model::{Doc, DocId, Event, Lat, Lon};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{FilterError, StoreError};
use crate::filter::EventFilter;
use crate::hash::ContentHash;
use crate::{
    ActorListQuery, ActorSummary, Count, CountBy, DocumentQuery, DocumentSummary, EventPage, EventQuery, EventStore,
    Measure, PutOutcome, StoreStats,
};

pub use migrate::SCHEMA_VERSION;

/// How long a statement waits for another process's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How much of the file a reader maps into memory (SQLite caps it at its
/// compile-time maximum, 2 GiB). A mapped page is read in place, shared by
/// every reader through the OS page cache, instead of copied into each
/// connection's 64 MiB cache: on the million-event store (1 GB), 240 month
/// queries cycling over four countries took 1.09 s instead of 1.17 s, and
/// their system time fell from 0.35 s to nothing.
const READER_MMAP_BYTES: i64 = 1 << 32;

/// Prepared statements kept per connection: a page costs two (the page and
/// the `EXPLAIN` that chose its form), and the API sends a dozen shapes.
const STATEMENT_CACHE: usize = 64;

/// An event store in one SQLite database.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    /// The file path as given, or `:memory:`; every error names it.
    location: String,
}

impl SqliteStore {
    /// Open (creating if needed) the store at `path` and bring its schema up
    /// to date.
    ///
    /// # Errors
    /// When the file cannot be opened or is not an SQLite database
    /// ([`StoreError::Database`]), was written by a newer sitrep
    /// ([`StoreError::TooNew`]), or a migration fails.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let location = path.as_ref().display().to_string();
        let conn = Connection::open(path.as_ref()).map_err(|e| db_error(&location, e))?;
        Self::setup(conn, location)
    }

    /// A store that lives in memory and is gone when dropped (for tests and
    /// one-off runs).
    ///
    /// # Errors
    /// When SQLite cannot allocate the database.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let location = ":memory:".to_owned();
        let conn = Connection::open_in_memory().map_err(|e| db_error(&location, e))?;
        Self::setup(conn, location)
    }

    /// Open an existing store for reading only: what a server's readers use,
    /// so that no request can change the file whatever the code path. The
    /// schema must be the current one (open it once with [`Self::open`] to
    /// upgrade it).
    ///
    /// # Errors
    /// When the file does not exist or is not an SQLite database
    /// ([`StoreError::Database`]), or its schema is not [`SCHEMA_VERSION`]
    /// ([`StoreError::TooNew`], [`StoreError::TooOld`]).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let location = path.as_ref().display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path.as_ref(), flags).map_err(|e| db_error(&location, e))?;
        configure_common(&conn).map_err(|e| db_error(&location, e))?;
        conn.pragma_update(None, "mmap_size", READER_MMAP_BYTES).map_err(|e| db_error(&location, e))?;
        let found = migrate::user_version(&conn, &location)?;
        match found.cmp(&SCHEMA_VERSION) {
            std::cmp::Ordering::Equal => Ok(Self { conn, location }),
            std::cmp::Ordering::Greater => Err(StoreError::TooNew { location, found, known: SCHEMA_VERSION }),
            std::cmp::Ordering::Less => Err(StoreError::TooOld { location, found, known: SCHEMA_VERSION }),
        }
    }

    fn setup(mut conn: Connection, location: String) -> Result<Self, StoreError> {
        configure(&conn).map_err(|e| db_error(&location, e))?;
        migrate::migrate(&mut conn, &location, migrate::MIGRATIONS)?;
        Ok(Self { conn, location })
    }

    /// The file path (or `:memory:`) errors name.
    #[must_use]
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The database's schema version (`PRAGMA user_version`).
    ///
    /// # Errors
    /// When the database cannot be read.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        migrate::user_version(&self.conn, &self.location)
    }

    /// The look-ups that choose how to run a query (see [`query::Plan`]).
    fn plan(&self, f: &crate::filter::Resolved) -> Result<query::Plan, StoreError> {
        let actors = f.actor.as_ref().map(|a| query::match_actors(&self.conn, a)).transpose().map_err(self.db())?;
        let dense_near = match &f.near {
            Some((_, boxes)) => query::dense(&self.conn, boxes).map_err(self.db())?,
            None => false,
        };
        let after = match &f.after {
            Some(id) => Some(
                query::sort_key(&self.conn, id)
                    .map_err(self.db())?
                    .ok_or_else(|| FilterError::UnknownCursor(id.clone()))?,
            ),
            None => None,
        };
        Ok(query::Plan { actors, dense_near, after })
    }

    /// The events a resolved filter lets through.
    fn select(&self, f: &crate::filter::Resolved) -> Result<Vec<EventRecord>, StoreError> {
        let plan = self.plan(f)?;
        if plan.actors.as_ref().is_some_and(|m| m.ids.is_empty()) {
            return Ok(Vec::new());
        }
        let sql = query::select_events(&self.conn, f, &plan).map_err(self.db())?;
        let mut st = self.conn.prepare_cached(&sql.text).map_err(self.db())?;
        let rows = st.query_map(params_from_iter(&sql.params), rows::read_event).map_err(self.db())?;
        rows.map(|r| rows::finish_event(&self.location, r.map_err(self.db())?)).collect()
    }

    fn db(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        |e| db_error(&self.location, e)
    }
}

/// Pragmas and the distance function, set on every writing connection.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    set_wal(conn)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    configure_common(conn)
}

/// What reading and writing connections share: the cache and the distance function.
fn configure_common(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // 64 MiB of page cache (the default is 2 MiB): an event touches a leaf of
    // each index, and a million events' indexes do not fit in 2 MiB.
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.create_scalar_function(
        query::DISTANCE_FN,
        4,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let point = |i: usize| -> rusqlite::Result<Option<(Lat, Lon)>> {
                let (lat, lon): (Option<f64>, Option<f64>) = (ctx.get(i)?, ctx.get(i + 1)?);
                Ok(lat.zip(lon).and_then(|(la, lo)| Some((Lat::new(la).ok()?, Lon::new(lo).ok()?))))
            };
            // NULL (no location, or invalid degrees) compares false with any distance.
            Ok(point(0)?.zip(point(2)?).map(|(a, b)| distance_km(a, b)))
        },
    )
}

/// Switch to WAL mode. Two connections switching a new file at once can
/// deadlock (each holds a read lock and wants the exclusive one); SQLite then
/// answers "busy" at once without waiting, so retry until the busy timeout.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let start = Instant::now();
    loop {
        // Answers "memory" for an in-memory database, which is fine.
        match conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())) {
            Err(e) if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy) && start.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => return other,
        }
    }
}

pub(crate) fn db_error(location: &str, e: rusqlite::Error) -> StoreError {
    StoreError::Database { location: location.to_owned(), source: e.into() }
}

impl EventStore for SqliteStore {
    fn has_document(&self, content_hash: &ContentHash) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM documents WHERE content_hash = ?)")
            .and_then(|mut st| st.query_row(params![content_hash.as_str()], |r| r.get(0)))
            .map_err(self.db())
    }

    fn put_document(&mut self, doc: &Doc, hash: &ContentHash, events: &[Event]) -> Result<PutOutcome, StoreError> {
        write::put(&mut self.conn, &self.location, doc, hash, events)
    }

    fn events(&self, filter: &EventFilter) -> Result<Vec<EventRecord>, StoreError> {
        self.select(&filter.resolve()?)
    }

    fn events_page(&self, query: &EventQuery) -> Result<EventPage, StoreError> {
        let mut f = query.resolve()?;
        // One more than the page, to tell whether another page follows.
        f.limit = f.limit.map(|n| n.saturating_add(1));
        let mut events = self.select(&f)?;
        let more = query.filter.limit.is_some_and(|n| events.len() > n);
        events.truncate(query.filter.limit.unwrap_or(usize::MAX));
        let next = if more { events.last().map(|e| e.event_id.clone()) } else { None };
        Ok(EventPage { events, next })
    }

    fn counts(&self, query: &EventQuery, by: CountBy, measure: Measure) -> Result<Vec<Count>, StoreError> {
        let mut f = query.resolve()?;
        (f.limit, f.offset, f.after) = (None, 0, None);
        let plan = self.plan(&f)?;
        if plan.actors.as_ref().is_some_and(|m| m.ids.is_empty()) {
            return Ok(Vec::new());
        }
        browse::counts(&self.conn, &f, &plan, by, measure).map_err(self.db())
    }

    fn actors(&self, query: &ActorListQuery) -> Result<Vec<ActorSummary>, StoreError> {
        browse::actors(&self.conn, query).map_err(self.db())
    }

    fn documents(&self, query: &DocumentQuery) -> Result<Vec<DocumentSummary>, StoreError> {
        browse::documents(&self.conn, query).map_err(self.db())
    }

    fn reports_of(&self, event_id: &str) -> Result<Vec<EventRecord>, StoreError> {
        self.group_of(event_id)
    }

    fn event(&self, id: &str) -> Result<Option<EventRecord>, StoreError> {
        let sql = format!("SELECT {} {} WHERE e.event_id = ?", rows::EVENT_COLUMNS, rows::EVENT_FROM);
        let row = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut st| st.query_row(params![id], rows::read_event).optional())
            .map_err(self.db())?;
        row.map(|r| rows::finish_event(&self.location, r)).transpose()
    }

    fn document(&self, id: &DocId) -> Result<Option<Doc>, StoreError> {
        let sql = format!("SELECT {} FROM documents WHERE doc_id = ?", rows::DOC_COLUMNS);
        let row = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut st| st.query_row(params![id.as_str()], rows::read_doc).optional())
            .map_err(self.db())?;
        row.map(|r| rows::finish_doc(&self.location, r)).transpose()
    }

    fn stats(&self) -> Result<StoreStats, StoreError> {
        // One statement, so both counts come from the same snapshot.
        let sql = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)";
        let (documents, events): (i64, i64) =
            self.conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?))).map_err(self.db())?;
        let count = |n: i64| u64::try_from(n).unwrap_or(0);
        Ok(StoreStats { documents: count(documents), events: count(events) })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn readers_map_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mapped.db");
        drop(SqliteStore::open(&path).unwrap());
        let reader = SqliteStore::open_read_only(&path).unwrap();
        let mapped: i64 = reader.conn.query_row("PRAGMA mmap_size", [], |r| r.get(0)).unwrap();
        assert!(mapped >= 1 << 30, "mmap_size {mapped}");
    }
}
