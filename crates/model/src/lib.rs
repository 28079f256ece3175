//! The types every sitrep stage shares.
//!
//! `model` is the vocabulary of the pipeline: a [`RawDoc`] comes in, becomes a
//! clean [`Doc`] with sentences as byte [`Span`]s, recognisers add mentions
//! ([`ActorMention`], [`PlaceMention`], [`DateMention`], [`QuantityMention`],
//! [`CueMention`]), the geocoder turns place mentions into [`Location`]s and the
//! coder emits [`Event`]s. [`record`] holds the wire format of the event record,
//! kept apart from the internal types so that the contract in `docs/record.md`
//! can only change on purpose.
//!
//! Invariant: every span in every type here points into `Doc::text`, the clean
//! text of its document, and no stage rewrites it.

pub mod actor;
pub mod canonical;
pub mod countries;
pub mod date;
pub mod doc;
pub mod event;
pub mod fnv;
pub mod mention;
pub mod modality;
pub mod nationalities;
pub mod ontology;
pub mod place;
pub mod quantity;
pub mod record;
pub mod span;

pub use actor::{Actor, ActorCode, ActorRole, Iso3};
pub use canonical::{Canonical, Source};
pub use countries::{Countries, CountryInfo};
pub use date::{DatePrecision, EventDate};
pub use doc::{Doc, DocId, Format, Hints, Paragraph, RawDoc, Sentence};
pub use event::{Event, EventId, Evidence};
pub use mention::{
    ActorMention, CueKind, CueMention, DateMention, Mentions, PlaceCandidate, PlaceCue, PlaceMention, QuantityMention,
};
pub use modality::Modality;
pub use nationalities::Nationality;
pub use ontology::{EventType, PloverCategory, SubEventType};
pub use place::{GazetteerId, Iso2, Lat, Location, Lon, Place, PlaceKind, Precision};
pub use quantity::{Quantity, Unit};
pub use span::Span;
