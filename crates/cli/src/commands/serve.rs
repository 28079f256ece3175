//! `sitrep serve`: the HTTP API and web map over a store. Read-only unless
//! a token is given (`--token-file FILE` or the `SITREP_TOKEN` environment
//! variable, never on the command line where `ps` shows it); then
//! `POST /api/ingest` runs posted documents through the pipeline into the
//! store.

use std::io::Cursor;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sitrep_ingest::{Documents, Input, Limits};
use sitrep_model::RawDoc;
use sitrep_serve::{AppState, IngestFailure, IngestReport, Ingestor, Pool, ServeConfig, Token};
use sitrep_store::{ContentHash, EventStore, PutOutcome, SqliteStore, StoreError};

use super::report::FrontEndError;
use crate::args::ServeArgs;
use sitrep_pipeline::{Pipeline, Resources};

fn token(args: &ServeArgs) -> Result<Option<Token>, FrontEndError> {
    let secret = match &args.token_file {
        Some(path) => {
            Some(std::fs::read_to_string(path).map_err(|e| FrontEndError::Usage(format!("{}: {e}", path.display())))?)
        }
        None => std::env::var("SITREP_TOKEN").ok(),
    };
    secret
        .map(|s| Token::new(&s).ok_or_else(|| FrontEndError::Usage("the token must be at least 16 characters".into())))
        .transpose()
}

/// Run `serve` until interrupted; `report` is told where it listens.
///
/// # Errors
/// A bad token, a missing store (read-only), a failed bind.
pub fn run(args: &ServeArgs, report: &mut dyn FnMut(&str)) -> Result<(), FrontEndError> {
    let token = token(args)?;
    let ingestor: Option<Arc<dyn Ingestor>> = match &token {
        // With a token the store may be created; it is opened for writing once, which also migrates it.
        Some(_) => Some(Arc::new(PipelineIngestor::new(SqliteStore::open(&args.db)?)?)),
        None => None,
    };
    let db = args.db.clone();
    let open: sitrep_serve::OpenStore = Box::new(move || Ok(Box::new(SqliteStore::open_read_only(&db)?)));
    if token.is_none() {
        super::report::open_store(&args.db)?;
    }
    let config = ServeConfig {
        addr: args.addr,
        token,
        max_ingest_bytes: args.max_ingest_bytes,
        timeout: Duration::from_secs(args.timeout.max(1)),
        readers: args.readers.max(1),
        ..ServeConfig::default()
    };
    let pool = Arc::new(Pool::new(open, config.readers)?);
    let mode = if config.token.is_some() { "ingest open with the token" } else { "read-only" };
    let state = AppState { pool, config: Arc::new(config), ingestor };
    sitrep_serve::serve(state, |addr| report(&format!("serving {} on http://{addr}/ ({mode})", args.db.display())))?;
    Ok(())
}

/// Runs posted documents through the pipeline into the store, one batch at
/// a time (SQLite has one writer).
struct PipelineIngestor {
    res: Resources,
    store: Mutex<SqliteStore>,
}

impl PipelineIngestor {
    fn new(store: SqliteStore) -> Result<Self, FrontEndError> {
        let res = Resources::load().map_err(|e| FrontEndError::Usage(format!("loading shipped data: {e}")))?;
        Ok(Self { res, store: Mutex::new(store) })
    }
}

impl Ingestor for PipelineIngestor {
    fn ingest(&self, jsonl: &[u8]) -> Result<IngestReport, String> {
        let pipeline = Pipeline::new(&self.res);
        let mut store = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        let mut report = IngestReport::default();
        let mut days = None;
        let docs = Documents::with_stdin(&[Input::Stdin], &Limits::default(), Box::new(Cursor::new(jsonl.to_vec())));
        for (i, item) in docs.enumerate() {
            report.documents += 1;
            let stored = match item {
                Ok(raw) => store_one(&pipeline, &mut store, &raw, &mut days),
                Err(e) => Err(IngestFailure { at: format!("document {}", i + 1), message: e.to_string() }),
            };
            match stored {
                Ok(PutOutcome::Inserted { events }) => {
                    (report.inserted, report.events) = (report.inserted + 1, report.events + events)
                }
                Ok(PutOutcome::Duplicate) => report.duplicates += 1,
                Err(f) if f.at.is_empty() => return Err(f.message),
                Err(f) => report.failed.push(f),
            }
        }
        // Reports of one event in this batch and the store are grouped.
        crate::grouping::merge_days(&mut store, days).map_err(|e| e.to_string())?;
        Ok(report)
    }
}

/// Process and store one document. A failure of the document is named by
/// its id; a failure of the store (no id: the batch stops) is not.
fn store_one(
    pipeline: &Pipeline<'_>,
    store: &mut SqliteStore,
    raw: &RawDoc,
    days: &mut Option<(chrono::NaiveDate, chrono::NaiveDate)>,
) -> Result<PutOutcome, IngestFailure> {
    let fail = |at: &str, message: String| IngestFailure { at: at.to_owned(), message };
    let processed = crate::batch::unpanicked(|| pipeline.extract(raw))
        .map_err(|defect| fail(raw.id.as_str(), defect))?
        .map_err(|e| fail(raw.id.as_str(), e.to_string()))?;
    let hash = ContentHash::of(raw.body.as_bytes());
    crate::grouping::widen(days, &processed.events);
    store.put_document(&processed.doc, &hash, &processed.events).map_err(|e| match e {
        StoreError::DocIdTaken { .. } | StoreError::DuplicateEventId { .. } | StoreError::ForeignEvent { .. } => {
            fail(raw.id.as_str(), e.to_string())
        }
        other => fail("", other.to_string()),
    })
}
