//! `sitrep events`: query the store.

use std::io::{self, Write};

use chrono::NaiveDate;
use sitrep_model::{Lat, Lon, Modality};
use sitrep_store::{EventFilter, EventStore, Near, SqliteStore, StoreError};
use thiserror::Error;

use crate::args::EventsArgs;
use crate::output::{choose, EventWriter};

/// Why an events query failed.
#[derive(Debug, Error)]
pub enum EventsError {
    /// A filter value is malformed (exit code 2).
    #[error("{0}")]
    Usage(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] io::Error),
}

pub(crate) fn day(flag: &str, s: &str) -> Result<NaiveDate, EventsError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| EventsError::Usage(format!("--{flag} {s:?}: expected a date as YYYY-MM-DD")))
}

fn near(s: &str) -> Result<Near, EventsError> {
    let bad = || EventsError::Usage(format!("--near {s:?}: expected LAT,LON,KM (for example 35.3,40.1,25)"));
    let parts: Vec<f64> = s.split(',').map(|p| p.trim().parse::<f64>()).collect::<Result<_, _>>().map_err(|_| bad())?;
    let [lat, lon, km] = parts[..] else { return Err(bad()) };
    Ok(Near { lat: Lat::new(lat).map_err(|_| bad())?, lon: Lon::new(lon).map_err(|_| bad())?, km })
}

fn modality(s: &str) -> Result<Modality, EventsError> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase())).map_err(|_| {
        EventsError::Usage(format!("--modality {s:?}: expected asserted, attributed, speculative, negated or planned"))
    })
}

/// The store filter the flags ask for.
///
/// # Errors
/// [`EventsError::Usage`] naming a malformed flag value.
pub fn filter(args: &EventsArgs) -> Result<EventFilter, EventsError> {
    let f = &args.filter;
    Ok(EventFilter {
        since: f.since.as_deref().map(|s| day("since", s)).transpose()?,
        until: f.until.as_deref().map(|s| day("until", s)).transpose()?,
        types: f.types.clone(),
        actor: f.actor.clone(),
        near: args.near.as_deref().map(near).transpose()?,
        country: f.country.clone(),
        modality: f.modality.as_deref().map(modality).transpose()?,
        limit: args.limit,
        offset: 0,
        merged: f.merged,
    })
}

/// Run `events`; returns how many were written.
///
/// # Errors
/// A bad flag, a missing store, or a failed write.
pub fn run(args: &EventsArgs, out: &mut dyn Write) -> Result<usize, EventsError> {
    let filter = filter(args)?;
    if !args.db.exists() {
        return Err(EventsError::Usage(format!("{}: no such store (run `sitrep ingest` first)", args.db.display())));
    }
    let store = SqliteStore::open(&args.db)?;
    let records = store.events(&filter)?;
    let mut w = EventWriter::new(out, choose(args.format))?;
    for r in &records {
        w.write(r)?;
    }
    w.finish()?;
    Ok(records.len())
}
