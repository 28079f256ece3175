//! Canonical events: one event told by many reports. The merge stage groups
//! the events of different documents that describe the same happening; the
//! canonical event keeps every report as a [`Source`] with its evidence.

use serde::{Deserialize, Serialize};

use crate::doc::DocId;
use crate::event::{Event, EventId, Evidence};
use crate::modality::Modality;

/// One report of a canonical event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub doc_id: DocId,
    pub event_id: EventId,
    pub outlet: Option<String>,
    pub modality: Modality,
    pub attribution: Option<String>,
    pub evidence: Evidence,
}

/// An event as all its reports tell it: representative fields chosen from
/// the reports (see the merge stage), and every report kept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Canonical {
    /// The representative event; its `id` is the canonical id (a hash of the
    /// member event ids, so it does not depend on input order).
    pub event: Event,
    pub sources: Vec<Source>,
}

impl Canonical {
    /// Distinct outlets among the sources (reports without an outlet count
    /// once per document).
    #[must_use]
    pub fn outlets(&self) -> usize {
        let mut names: Vec<String> =
            self.sources.iter().map(|s| s.outlet.clone().unwrap_or_else(|| format!("doc:{}", s.doc_id))).collect();
        names.sort();
        names.dedup();
        names.len()
    }
}
