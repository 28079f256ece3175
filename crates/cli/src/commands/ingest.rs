//! `sitrep ingest`: extract and store; the same document twice is stored once
//! (content hash of its raw body). Then the merge stage runs over the days
//! the new events fall on, so that reports of one event in several
//! documents (stored now or before) share a representative.

use std::io;

use chrono::NaiveDate;
use sitrep_model::RawDoc;
use sitrep_store::{ContentHash, EventStore, PutOutcome, SqliteStore, StoreError};
use thiserror::Error;

use crate::args::IngestArgs;
use crate::batch::{self, Summary};
use crate::pipeline::{Pipeline, Processed, Resources};

/// Why an ingest run stopped.
#[derive(Debug, Error)]
pub enum IngestRunError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] io::Error),
}

fn hash(raw: &RawDoc) -> ContentHash {
    ContentHash::of(raw.body.as_bytes())
}

/// Run `ingest`.
///
/// # Errors
/// When the store cannot be opened or written.
pub fn run(args: &IngestArgs, res: &Resources, report: &mut dyn FnMut(&str)) -> Result<Summary, IngestRunError> {
    let mut store = SqliteStore::open(&args.db)?;
    let pipeline = Pipeline::new(res);
    let (inputs, limits) = super::inputs(&args.read);
    let mut store_error: Option<StoreError> = None;
    let mut days: Option<(NaiveDate, NaiveDate)> = None;
    let probe = SqliteStore::open(&args.db)?;
    let summary = batch::run_filtered(
        &inputs,
        &limits,
        |raw| !probe.has_document(&hash(raw)).unwrap_or(false),
        |raw| pipeline.process(raw).map(|p| (hash(raw), p)).map_err(|e| super::clean_failure(&e)),
        |(h, p): (ContentHash, Processed)| match store.put_document(&p.doc, &h, &p.events) {
            Ok(PutOutcome::Inserted { events }) => {
                crate::grouping::widen(&mut days, &p.events);
                Ok(events)
            }
            Ok(PutOutcome::Duplicate) => Ok(0),
            Err(e) => {
                let msg = format!("{}: {e}", p.doc.id);
                store_error.get_or_insert(e);
                Err(io::Error::other(msg))
            }
        },
        report,
    );
    match (summary, store_error) {
        (_, Some(e)) => Err(e.into()),
        (s, None) => {
            let s = s?;
            crate::grouping::merge_days(&mut store, days)?;
            Ok(s)
        }
    }
}
