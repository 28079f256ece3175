//! `sitrep ingest`: extract and store; the same document twice is stored once
//! (content hash of its raw body). Then the merge stage runs over the days
//! the new events fall on, so that reports of one event in several
//! documents (stored now or before) share a representative.

use std::io;

use chrono::NaiveDate;
use sitrep_model::{DocId, EventId, RawDoc};
use sitrep_store::{ContentHash, EventStore, PutOutcome, SqliteStore, StoreError};
use thiserror::Error;

use crate::args::IngestArgs;
use crate::batch::{self, Summary};
use sitrep_pipeline::{Pipeline, Processed, Resources};

/// Why an ingest run stopped.
#[derive(Debug, Error)]
pub enum IngestRunError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] io::Error),
}

/// Store one processed document. A document whose id is already stored
/// with other content (two JSONL lines or WARC records with one id) is
/// stored under its id with its content hash's first digits appended
/// ("j1~5c4b75e6"), so nothing is lost and a second ingest finds it by
/// content; `refused` gets a line saying so.
fn put(
    store: &mut SqliteStore,
    h: &ContentHash,
    p: Processed,
    refused: &mut Vec<String>,
) -> Result<(usize, Processed), StoreError> {
    match store.put_document(&p.doc, h, &p.events) {
        Ok(outcome) => Ok((stored(outcome), p)),
        Err(StoreError::DocIdTaken { .. }) => {
            let old = p.doc.id.clone();
            let p = with_id(p, DocId::new(format!("{}~{}", old.as_str(), &h.as_str()[..8])));
            refused.push(format!(
                "{RENAMED} {:?}: another content has that id; stored as {:?}",
                old.as_str(),
                p.doc.id.as_str()
            ));
            let outcome = store.put_document(&p.doc, h, &p.events)?;
            Ok((stored(outcome), p))
        }
        Err(e) => Err(e),
    }
}

/// The start of the line that reports a renamed document.
const RENAMED: &str = "renamed document";

fn stored(outcome: PutOutcome) -> usize {
    match outcome {
        PutOutcome::Inserted { events } => events,
        PutOutcome::Duplicate => 0,
    }
}

/// `p` under the document id `id`: the document, its events and their ids,
/// derived again as the coder derives them.
fn with_id(mut p: Processed, id: DocId) -> Processed {
    for e in &mut p.events {
        e.id = EventId::at(&id, e.evidence.span, e.sub_event_type, e.location.as_ref());
        e.doc_id = id.clone();
    }
    sitrep_code::ids::make_unique(&mut p.events);
    p.doc.id = id;
    p
}

/// A store error that concerns one document only: reported, and the batch
/// goes on.
fn is_per_document(e: &StoreError) -> bool {
    matches!(e, StoreError::DocIdTaken { .. } | StoreError::DuplicateEventId { .. } | StoreError::ForeignEvent { .. })
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
    let mut refused: Vec<String> = Vec::new();
    let mut days: Option<(NaiveDate, NaiveDate)> = None;
    let probe = SqliteStore::open(&args.db)?;
    let summary = batch::run_filtered(
        &inputs,
        &limits,
        |raw| !probe.has_document(&hash(raw)).unwrap_or(false),
        |raw| pipeline.extract(raw).map(|p| (hash(raw), p)).map_err(|e| super::clean_failure(&e)),
        |(h, p): (ContentHash, Processed)| match put(&mut store, &h, p, &mut refused) {
            Ok((events, p)) => {
                crate::grouping::widen(&mut days, &p.events);
                Ok(events)
            }
            Err(e) if is_per_document(&e) => {
                refused.push(e.to_string());
                Ok(0)
            }
            Err(e) => {
                let msg = e.to_string();
                store_error.get_or_insert(e);
                Err(io::Error::other(msg))
            }
        },
        &mut *report,
    );
    let summary = summary.map(|mut s| {
        for line in &refused {
            report(line);
            if line.starts_with(RENAMED) {
                s.conflicts += 1;
            } else {
                s.fail("store");
            }
        }
        s
    });
    match (summary, store_error) {
        (_, Some(e)) => Err(e.into()),
        (s, None) => {
            let s = s?;
            crate::grouping::merge_days(&mut store, days)?;
            Ok(s)
        }
    }
}
