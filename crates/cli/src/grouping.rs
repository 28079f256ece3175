//! Grouping the stored reports of one event (the merge stage over the
//! store), shared by every command that stores documents: `ingest`, `watch`,
//! the server's ingest, and `merge` itself.

use chrono::{Days, NaiveDate};
use sitrep_code::merge::{record::report_of_record, representing, Grouper};
use sitrep_model::Event;
use sitrep_store::{MergeStore, SqliteStore, StoreError};

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
    // Days a stopped run left ungrouped are grouped too (replayed).
    let days = match (days, store.pending_days()?) {
        (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
        (x, y) => x.or(y),
    };
    let Some((first, last)) = days else { return Ok(0) };
    let margin = Days::new(MERGE_MARGIN_DAYS);
    let mut grouper = Grouper::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut disorder = None;
    let since = first.checked_sub_days(margin).unwrap_or(NaiveDate::MIN);
    let until = last.checked_add_days(margin).unwrap_or(NaiveDate::MAX);
    store.scan_window(since, until, &mut |r, outlet| {
        let Some(report) = report_of_record(&r, outlet) else { return };
        if let Err(e) = grouper.push(report) {
            disorder.get_or_insert(e);
        }
        grouper.take_closed().iter().for_each(|g| pairs.extend(id_pairs(g)));
    })?;
    if let Some(e) = disorder {
        return Err(StoreError::Corrupt { location: "merge window".into(), what: "event order", value: e.to_string() });
    }
    grouper.finish().iter().for_each(|g| pairs.extend(id_pairs(g)));
    let changed = store.set_representatives(&pairs)?;
    store.clear_pending(first, last)?;
    Ok(changed)
}

/// (member, representative) ids of one group, as the store keeps them.
fn id_pairs(group: &[sitrep_code::merge::Report]) -> impl Iterator<Item = (String, String)> {
    representing(group).into_iter().map(|(m, r)| (m.as_str().to_owned(), r.as_str().to_owned()))
}
