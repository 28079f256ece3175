//! The event record: the wire format of `sitrep extract --format jsonl`.
//!
//! Field names and meanings are a contract, written down in `docs/record.md`:
//! tests, evaluation scripts and users read them, and
//! `tests/record_documented.rs` fails when a field has no row there. These
//! types are kept apart from the internal [`Event`] so the contract changes
//! only on purpose: a new field gets its row on that page, and no field is
//! renamed or dropped.

use serde::{Deserialize, Serialize};

use crate::event::Event;
use crate::quantity::Qualifier;

/// An actor as the record spells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRecord {
    pub name: String,
    pub code: String,
    pub country: Option<String>,
}

/// A location as the record spells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationRecord {
    pub name: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision: u8,
    pub gazetteer_id: String,
}

/// A counted quantity as the record spells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityRecord {
    pub value: u32,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    #[serde(default, skip_serializing_if = "is_exact")]
    pub qualifier: Option<Qualifier>,
}

fn is_exact(q: &Option<Qualifier>) -> bool {
    matches!(q, None | Some(Qualifier::Exact))
}

/// The evidence sentence and its byte offsets into the clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// One event record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    pub doc_id: String,
    pub event_id: String,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub event_type: String,
    pub sub_event_type: String,
    pub cameo: String,
    pub plover: String,
    pub plover_mode: Option<String>,
    pub actor1: Option<ActorRecord>,
    pub actor2: Option<ActorRecord>,
    pub location: Option<LocationRecord>,
    pub fatalities: Option<u32>,
    pub quantities: Vec<QuantityRecord>,
    pub modality: String,
    pub attribution: Option<String>,
    pub evidence: EvidenceRecord,
    #[serde(default)]
    pub rule: String,
}

impl From<&crate::actor::Actor> for ActorRecord {
    fn from(a: &crate::actor::Actor) -> Self {
        Self {
            name: a.name.clone(),
            code: a.code.as_str().to_owned(),
            country: a.country.map(|c| c.as_str().to_owned()),
        }
    }
}

impl From<&crate::place::Location> for LocationRecord {
    fn from(l: &crate::place::Location) -> Self {
        let p = &l.place;
        Self {
            name: p.name.clone(),
            admin1: p.admin1.clone(),
            admin2: p.admin2.clone(),
            country: p.country.map(|c| c.as_str().to_owned()),
            lat: p.lat.rounded(),
            lon: p.lon.rounded(),
            precision: l.precision.into(),
            gazetteer_id: p.gazetteer_id.as_str().to_owned(),
        }
    }
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> Self {
        let t = e.sub_event_type;
        Self {
            doc_id: e.doc_id.as_str().to_owned(),
            event_id: e.id.as_str().to_owned(),
            date: e.date.map(|d| d.day.format("%Y-%m-%d").to_string()),
            date_precision: e.date.map(|d| d.precision.as_str().to_owned()),
            event_type: t.event_type().as_str().to_owned(),
            sub_event_type: t.as_str().to_owned(),
            cameo: e.cameo.clone(),
            plover: t.plover().as_str().to_owned(),
            plover_mode: t.plover_mode().map(str::to_owned),
            actor1: e.actor1.as_ref().map(ActorRecord::from),
            actor2: e.actor2.as_ref().map(ActorRecord::from),
            location: e.location.as_ref().map(LocationRecord::from),
            fatalities: e.fatalities,
            quantities: e
                .quantities
                .iter()
                .map(|q| QuantityRecord {
                    value: q.value,
                    unit: q.unit.as_str().to_owned(),
                    max: q.max,
                    qualifier: Some(q.qualifier),
                })
                .collect(),
            modality: e.modality.as_str().to_owned(),
            attribution: e.attribution.clone(),
            evidence: EvidenceRecord {
                text: e.evidence.text.clone(),
                start: e.evidence.span.start,
                end: e.evidence.span.end,
            },
            rule: e.rule.clone(),
        }
    }
}

/// One report of a canonical event, as the record spells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub doc_id: String,
    pub event_id: String,
    pub outlet: Option<String>,
    pub modality: String,
    pub attribution: Option<String>,
    pub evidence: EvidenceRecord,
}

/// A canonical event: the event record of its representative fields, plus
/// every report (`sources`) and the number of distinct outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonicalRecord {
    #[serde(flatten)]
    pub event: EventRecord,
    pub sources: Vec<SourceRecord>,
    pub source_count: usize,
    pub outlet_count: usize,
}

impl From<&crate::canonical::Canonical> for CanonicalRecord {
    fn from(c: &crate::canonical::Canonical) -> Self {
        let sources: Vec<SourceRecord> = c
            .sources
            .iter()
            .map(|s| SourceRecord {
                doc_id: s.doc_id.as_str().to_owned(),
                event_id: s.event_id.as_str().to_owned(),
                outlet: s.outlet.clone(),
                modality: s.modality.as_str().to_owned(),
                attribution: s.attribution.clone(),
                evidence: EvidenceRecord {
                    text: s.evidence.text.clone(),
                    start: s.evidence.span.start,
                    end: s.evidence.span.end,
                },
            })
            .collect();
        Self { event: EventRecord::from(&c.event), source_count: sources.len(), outlet_count: c.outlets(), sources }
    }
}
