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
        let (mut start, mut end) = ([0u8; 20], [0u8; 20]);
        let parts: [&[u8]; 5] = [
            doc.as_str().as_bytes(),
            decimal(evidence.start, &mut start),
            decimal(evidence.end, &mut end),
            kind.as_str().as_bytes(),
            place.unwrap_or("").as_bytes(),
        ];
        for part in parts {
            h.update(part);
            h.update([0u8]);
        }
        Self(hex(&h.finalize()[..8]))
    }

    /// [`EventId::compute`] for an event at `location` (its gazetteer id).
    #[must_use]
    pub fn at(doc: &DocId, evidence: Span, kind: SubEventType, location: Option<&Location>) -> Self {
        Self::compute(doc, evidence, kind, location.map(|l| l.place.gazetteer_id.as_str()))
    }

    /// The id of the `n`-th (from 1) later event of a document that
    /// [`EventId::compute`] gave the same id as an earlier one: one sentence
    /// read as two events of one type at one place, with different parties.
    /// A hash of the shared id and `n`, so that it is as stable as the first.
    #[must_use]
    pub fn nth_twin(&self, n: usize) -> Self {
        let mut buf = [0u8; 20];
        let mut h = Sha256::new();
        h.update(self.0.as_bytes());
        h.update([0u8]);
        h.update(decimal(n, &mut buf));
        Self(hex(&h.finalize()[..8]))
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
        Self(hex(&h.finalize()[..8]))
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

/// `n` in decimal, written at the end of `buf`: the bytes of `n.to_string()`
/// without the allocation (an id is computed for every event).
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

/// Lower-case hexadecimal, two digits a byte.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
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
    fn ids_are_the_first_eight_bytes_of_the_hash_in_hex() {
        // The hash of the parts, each followed by a zero byte, as ids have
        // been computed since the first release (stored ids depend on it).
        let input = b"doc\x003\x0040\x00Air/drone strike\x00geonames:1\x00";
        let want: String = Sha256::digest(input).iter().take(8).map(|b| format!("{b:02x}")).collect();
        let got =
            EventId::compute(&DocId::new("doc"), Span::new(3, 40), SubEventType::AirDroneStrike, Some("geonames:1"));
        assert_eq!(got.as_str(), want);
        let mut buf = [0u8; 20];
        for n in [0, 7, 10, 12_345, usize::MAX] {
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }

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
        assert_ne!(a.nth_twin(1), a);
        assert_ne!(a.nth_twin(1), a.nth_twin(2));
        assert_eq!(a.nth_twin(1), b.nth_twin(1));
    }
}
