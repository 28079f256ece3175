//! The merge stage: reports of the same event in different documents become
//! one canonical event that keeps every report as a source.
//!
//! Two events are the same event ([`compat`]) when they come from different
//! documents and have the same event type, the same day (a coarser date
//! allows its span), places within 10 km of each other or the same region
//! when one is only known to the region (precision 3), and actors that do not
//! contradict each other. Only reports within a week that share a block
//! are compared ([`block`]: type, grid cell or region), so the work grows
//! with the reports of one week and place, not with every pair. Groups are
//! the connected components of that relation, found as the reports stream
//! in date order ([`group`]: a group is handed out once its last report has
//! left the week's window), so memory is the window's and the result does
//! not depend on the order of the input; the canonical event's fields are
//! chosen from its members by rules that do not depend on order either
//! ([`pick`]).
//!
//! "Within a day" is read as the same reported day: in conflict reporting a
//! strike on the same town by the same air force a day later is usually a new
//! event, and relative dates ("yesterday") are already resolved against each
//! report's publication date.

pub mod block;
pub mod compat;
pub mod group;
pub mod pick;
pub mod record;

pub use group::{Grouper, OutOfOrder};
use sitrep_model::{Canonical, Event, EventId, Source};

/// An event and the outlet of the document it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub event: Event,
    pub outlet: Option<String>,
}

/// Merge reports into canonical events, in a deterministic order (date,
/// then canonical id).
#[must_use]
pub fn merge(reports: Vec<Report>) -> Vec<Canonical> {
    let mut out: Vec<Canonical> = groups(reports).iter().map(|g| canonical(g)).collect();
    out.sort_by(|a, b| (a.event.date, a.event.id.as_str()).cmp(&(b.event.date, b.event.id.as_str())));
    out
}

/// For every report, the report that represents its event (the first of its
/// group in [`pick::order`]: factual, most precise place, then by id), as
/// (member, representative) event ids. What a store keeps to list each
/// event once; the same for any order of the reports.
#[must_use]
pub fn representatives(reports: Vec<Report>) -> Vec<(EventId, EventId)> {
    let mut out: Vec<(EventId, EventId)> = groups(reports).iter().flat_map(|g| representing(g)).collect();
    out.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    out
}

/// (member, representative) ids of one group sorted by [`pick::order`].
#[must_use]
pub fn representing(group: &[Report]) -> Vec<(EventId, EventId)> {
    group.iter().map(|r| (r.event.id.clone(), group[0].event.id.clone())).collect()
}

/// The groups of reports of one event (connected components of
/// [`compat::same_event`] among reports within a week), each sorted by
/// [`pick::order`]. The same reports twice count once.
fn groups(mut reports: Vec<Report>) -> Vec<Vec<Report>> {
    reports.sort_by(pick::total);
    reports.dedup();
    reports.sort_by_key(|r| r.event.date.map(|d| d.day));
    let mut grouper = Grouper::new();
    for r in reports {
        // Sorted by day just above, so never out of order.
        let _ = grouper.push(r);
    }
    grouper.finish()
}

fn canonical(group: &[Report]) -> Canonical {
    let event = pick::representative(group);
    let sources = group
        .iter()
        .map(|r| Source {
            doc_id: r.event.doc_id.clone(),
            event_id: r.event.id.clone(),
            outlet: r.outlet.clone(),
            modality: r.event.modality,
            attribution: r.event.attribution.clone(),
            evidence: r.event.evidence.clone(),
        })
        .collect();
    Canonical { event, sources }
}
