//! `sitrep merge`: group the stored reports of one event again over a range
//! of days, as `sitrep ingest` does for the days it touches. For a store
//! filled by a watcher that was stopped before the end of its round, or
//! after the merge rules change.

use sitrep_store::SqliteStore;

use super::events::{day, EventsError};
use crate::args::MergeArgs;

/// Run `merge`; returns how many events changed group.
///
/// # Errors
/// A malformed or reversed date range (usage), or a store failure.
pub fn run(args: &MergeArgs) -> Result<usize, EventsError> {
    let (since, until) = (day("since", &args.since)?, day("until", &args.until)?);
    if since > until {
        return Err(EventsError::Usage(format!("--since {since} is after --until {until}")));
    }
    let mut store = SqliteStore::open(&args.db)?;
    Ok(crate::grouping::merge_days(&mut store, Some((since, until)))?)
}
