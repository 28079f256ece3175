//! Events: what the coder emits.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

use crate::actor::Actor;
use crate::date::EventDate;
use crate::doc::DocId;
use crate::modality::Modality;
use crate::ontology::SubEventType;
use crate::place::Location;
use crate::quantity::Quantity;
use crate::span::Span;

/// A stable event identifier: the first 16 hex digits of the SHA-256 of the
/// document id, the evidence span, the sub-event type and the location's
/// gazetteer id (the last tells apart the events one aggregate sentence yields
/// for several provinces). The same input always gives the same id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(String);

impl EventId {
    #[must_use]
    pub fn compute(doc: &DocId, evidence: Span, kind: SubEventType, place: Option<&str>) -> Self {
        let mut h = Sha256::new();
        for part in
            [doc.as_str(), &evidence.start.to_string(), &evidence.end.to_string(), kind.as_str(), place.unwrap_or("")]
        {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        let digest = h.finalize();
        Self(digest.iter().take(8).map(|b| format!("{b:02x}")).collect())
    }

    /// The id of a canonical event: a hash of its members' ids, sorted, so
    /// that it does not depend on the order reports arrive in.
    #[must_use]
    pub fn of_members(members: &[&EventId]) -> Self {
        let mut ids: Vec<&str> = members.iter().map(|m| m.as_str()).collect();
        ids.sort_unstable();
        let mut h = Sha256::new();
        for id in ids {
            h.update(id.as_bytes());
            h.update([0u8]);
        }
        Self(h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect())
    }

    /// Wrap an id read back from storage.
    #[must_use]
    pub fn from_raw(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The sentence an event was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub text: String,
    pub span: Span,
}

/// One event, as read from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc_id: DocId,
    pub id: EventId,
    pub date: Option<EventDate>,
    pub sub_event_type: SubEventType,
    /// The CAMEO code: the sub-event type's default, or a refinement of it
    /// (190 instead of 193 when no firearm is named).
    pub cameo: String,
    pub actor1: Option<Actor>,
    pub actor2: Option<Actor>,
    pub location: Option<Location>,
    pub fatalities: Option<u32>,
    pub quantities: Vec<Quantity>,
    pub modality: Modality,
    pub attribution: Option<String>,
    pub evidence: Evidence,
    /// The code of the rule that produced the event (for `--explain` and
    /// for reviewing a change of behaviour).
    pub rule: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_are_stable_and_distinguish_places() {
        let d = DocId::new("doc");
        let s = Span::new(3, 40);
        let a = EventId::compute(&d, s, SubEventType::AirDroneStrike, Some("geonames:1"));
        let b = EventId::compute(&d, s, SubEventType::AirDroneStrike, Some("geonames:1"));
        let c = EventId::compute(&d, s, SubEventType::AirDroneStrike, Some("geonames:2"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.as_str().len(), 16);
    }
}
