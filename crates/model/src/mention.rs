//! What the recognisers find: typed mentions, each with its byte span.

use serde::{Deserialize, Serialize};

use crate::actor::Actor;
use crate::date::EventDate;
use crate::quantity::Quantity;
use crate::span::Span;

/// An actor named in the text ("the Russian Air Force", "ISIS", "civilians").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMention {
    pub span: Span,
    pub actor: Actor,
}

/// A word or phrase next to a place name that says what kind of place it is
/// or how the event relates to it. The geocoder uses these for the choice of
/// candidate and the coder for the location precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceCue {
    /// "the village of X", "X village", "the town of X", "X city": a settlement.
    Settlement,
    /// "X province", "X governorate", "the province of X", "X region".
    Province,
    /// "X district", "X county", "X parish".
    District,
    /// "X countryside", "the outskirts of X", "near X", "the vicinity of X",
    /// "around X", "X area": the event happened near the place, not in it.
    Near,
    /// "Mount X", "Jabal X", "X mountains", "X valley".
    Landform,
    /// "X border", "the X-Y border".
    Border,
}

/// A candidate gazetteer entry for a place mention: an index into the
/// gazetteer that produced it. Opaque outside `geo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlaceCandidate(pub u32);

/// A place name in the text with its gazetteer candidates and context cues.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMention {
    pub span: Span,
    /// Gazetteer entries whose names match the mention, unordered.
    pub candidates: Vec<PlaceCandidate>,
    /// Context words around the mention.
    pub cues: Vec<PlaceCue>,
    /// Spans of other place names this one is qualified by
    /// ("Alexandria, Louisiana"; "Marzaf in Deir ez Zor province").
    pub qualifier: Option<Span>,
}

/// A date expression resolved against the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub date: EventDate,
    /// True for dates given relative to publication ("yesterday", "on Tuesday").
    pub relative: bool,
}

/// A counted quantity ("16 sorties", "killed at least 12").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuantityMention {
    pub span: Span,
    pub quantity: Quantity,
}

/// What a cue word says about the clause it sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// may, could, might, indications, expected, reportedly, possible.
    Hedge,
    /// "X said", "according to X", "X claimed": the source is `source`.
    Attribution,
    /// denied, did not, no, never.
    Negation,
    /// will, plans, intends, prepares, threatens.
    Future,
    /// if, would, unless: a hypothetical.
    Conditional,
    /// it's clear, needs, should, in order to: opinion or argument.
    Opinion,
}

/// A cue word or phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CueMention {
    pub span: Span,
    pub kind: CueKind,
    /// For attribution: the span of who says so, when the text names them.
    pub source: Option<Span>,
}

/// Every mention found in one document, each list sorted by span start.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    pub actors: Vec<ActorMention>,
    pub places: Vec<PlaceMention>,
    pub dates: Vec<DateMention>,
    pub quantities: Vec<QuantityMention>,
    pub cues: Vec<CueMention>,
}

impl Mentions {
    /// Sort every list by span, as the invariant above requires.
    pub fn sort(&mut self) {
        self.actors.sort_by_key(|m| m.span);
        self.places.sort_by_key(|m| m.span);
        self.dates.sort_by_key(|m| m.span);
        self.quantities.sort_by_key(|m| m.span);
        self.cues.sort_by_key(|m| m.span);
    }
}

/// The mentions of one kind that lie wholly inside `within`, given a list
/// sorted by span start (a binary search finds the first one).
pub fn inside<'a, T>(
    list: &'a [T],
    within: Span,
    span_of: impl Fn(&T) -> Span + Copy + 'a,
) -> impl Iterator<Item = &'a T> + 'a {
    let lo = list.partition_point(|m| span_of(m).start < within.start);
    list[lo..].iter().take_while(move |m| span_of(m).start < within.end).filter(move |m| within.contains(span_of(m)))
}
