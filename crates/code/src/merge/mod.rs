//! The merge stage: reports of the same event in different documents become
//! one canonical event that keeps every report as a source.
//!
//! Two events are the same event ([`compat`]) when they come from different
//! documents and have the same event type, the same day (a coarser date
//! allows its span), places within 10 km of each other or the same region
//! when one is only known to the region (precision 3), and actors that do not
//! contradict each other. Groups are the connected components of that
//! relation (union–find over pairs), so the result does not depend on the
//! order of the input; the canonical event's fields are chosen from its
//! members by rules that do not depend on order either ([`pick`]).
//!
//! "Within a day" is read as the same reported day: in conflict reporting a
//! strike on the same town by the same air force a day later is usually a new
//! event, and relative dates ("yesterday") are already resolved against each
//! report's publication date.

pub mod compat;
pub mod pick;
pub mod record;

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
pub fn merge(mut reports: Vec<Report>) -> Vec<Canonical> {
    reports.sort_by(pick::total);
    reports.dedup();
    let groups = groups(&reports);
    let mut out: Vec<Canonical> = groups.iter().map(|g| canonical(g)).collect();
    out.sort_by(|a, b| (a.event.date, a.event.id.as_str()).cmp(&(b.event.date, b.event.id.as_str())));
    out
}

/// For every report, the report that represents its event (the first of its
/// group in [`pick::order`]: factual, most precise place, then by id), as
/// (member, representative) event ids. What a store keeps to list each
/// event once; the same for any order of the reports.
#[must_use]
pub fn representatives(mut reports: Vec<Report>) -> Vec<(EventId, EventId)> {
    reports.sort_by(pick::total);
    reports.dedup();
    let mut out: Vec<(EventId, EventId)> =
        groups(&reports).iter().flat_map(|g| g.iter().map(|r| (r.event.id.clone(), g[0].event.id.clone()))).collect();
    out.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    out
}

/// The groups of reports of one event (connected components of
/// [`compat::same_event`]), each sorted by [`pick::order`].
fn groups(reports: &[Report]) -> Vec<Vec<&Report>> {
    let mut sets = UnionFind::new(reports.len());
    for (i, j) in compat::candidate_pairs(reports) {
        if compat::same_event(&reports[i].event, &reports[j].event) {
            sets.union(i, j);
        }
    }
    let mut groups: Vec<Vec<&Report>> =
        sets.groups().into_iter().map(|g| g.into_iter().map(|i| &reports[i]).collect()).collect();
    groups.iter_mut().for_each(|g| g.sort_by(|a, b| pick::order(a, b)));
    groups
}

fn canonical(group: &[&Report]) -> Canonical {
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

/// Disjoint sets over `0..n`, with path halving and union by index (the
/// smaller root wins, so the structure is the same for any union order).
#[derive(Debug)]
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self { parent: (0..n).collect() }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi] = lo;
    }

    /// The sets, each sorted, in order of their smallest member.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            let r = self.find(i);
            by_root[r].push(i);
        }
        by_root.into_iter().filter(|g| !g.is_empty()).collect()
    }
}
