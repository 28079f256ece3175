//! `sitrep ingest`: extract and store; the same document twice is stored once
//! (content hash of its raw body). Then the merge stage runs over the days
//! the new events fall on, so that reports of one event in several
//! documents (stored now or before) share a representative.

use std::io;

use chrono::{Days, NaiveDate};
use sitrep_code::merge::{record::report_of_record, representatives};
use sitrep_model::{Event, RawDoc};
use sitrep_store::{ContentHash, EventStore, MergeStore, PutOutcome, SqliteStore, StoreError};
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
                widen(&mut days, &p.events);
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
            merge_days(&mut store, days)?;
            Ok(s)
        }
    }
}

/// Widen `days` (first, last) to cover the dates of `events`.
pub fn widen(days: &mut Option<(NaiveDate, NaiveDate)>, events: &[Event]) {
    for d in events.iter().filter_map(|e| e.date) {
        *days = Some(days.map_or((d.day, d.day), |(a, b)| (a.min(d.day), b.max(d.day))));
    }
}

/// How far around the new events' days the merge looks: the farthest apart
/// two reports of one event may be (a date known to the week).
const MERGE_MARGIN_DAYS: u64 = 7;

/// Run the merge stage over the stored events of `days` (and the margin
/// around them) and record each event's representative; returns how many
/// events changed group.
///
/// # Errors
/// When the store cannot be read or written.
pub fn merge_days(store: &mut SqliteStore, days: Option<(NaiveDate, NaiveDate)>) -> Result<usize, StoreError> {
    let Some((first, last)) = days else { return Ok(0) };
    let margin = Days::new(MERGE_MARGIN_DAYS);
    let window = store.merge_window(first - margin, last + margin)?;
    let reports = window.into_iter().filter_map(|(r, outlet)| report_of_record(&r, outlet)).collect();
    let pairs: Vec<(String, String)> =
        representatives(reports).into_iter().map(|(m, r)| (m.as_str().to_owned(), r.as_str().to_owned())).collect();
    store.set_representatives(&pairs)
}
