//! A sentence that names no place is about the place its report is about.
//! "Warplanes struck the town of Kafr Nabl on Monday. Four children were
//! among the dead, and the strikes went on until dark." — the second
//! sentence's events are in Kafr Nabl. An event without a place of its own
//! takes the place of the last placed event of the same type in its
//! paragraph (at most [`NEAR`] sentences back: the report goes on about that
//! event), else the document's main place: the place its events name most
//! often (the first on a tie), among those in the country the document's
//! places are in. A report from Syria that quotes Washington once does not
//! move its unplaced events to Washington. When no event has a place in
//! that country, the report's lead place is carried: the place of the first
//! sentence that names one there ("In Irati, Parana, police seized 2 tons
//! of marijuana. A man was arrested."): news says where once, in its lead,
//! and what follows is there until it says otherwise. A country alone is no
//! lead place. A place is not carried to an event of another type, which
//! may be anywhere the report has gone since.
//!
//! The inherited place keeps its own precision; the event's `rule` says
//! that the place was inherited (`+place:paragraph`, `+place:document` or
//! `+place:lead`), so a reader can tell it from a place the sentence names.

use std::collections::HashMap;

use sitrep_model::{Doc, Event, Iso2, Location, PlaceKind};

use crate::location::{locate, Resolved};

/// How many sentences back a paragraph's place still carries.
const NEAR: usize = 3;

/// Give each event without a place the place of its discourse; `country`
/// is the country of most of the document's places, if known.
/// `lead` gives the document's lead place ([`lead`]), asked only when an
/// event needs it and no main place is found.
pub fn places(doc: &Doc, events: &mut [Event], country: Option<Iso2>, lead: impl FnOnce() -> Option<Location>) {
    if events.iter().all(|e| e.location.is_some()) {
        return;
    }
    let main = main_place(events, country).map(|l| (l, "+place:document"));
    let main = main.or_else(|| lead().map(|l| (l, "+place:lead")));
    let at = |e: &Event| doc.sentence_at(e.evidence.span.start);
    for i in 0..events.len() {
        if events[i].location.is_some() {
            continue;
        }
        let Some(si) = at(&events[i]) else { continue };
        let paragraph = doc.sentences[si].paragraph;
        let sub = events[i].sub_event_type;
        let carried = events[..i].iter().rev().filter(|e| e.sub_event_type == sub).find_map(|e| {
            let sj = at(e)?;
            let near = doc.sentences[sj].paragraph == paragraph && si.saturating_sub(sj) <= NEAR;
            e.location.clone().filter(|_| near)
        });
        let Some((location, how)) = carried.map(|l| (l, "+place:paragraph")).or_else(|| main.clone()) else {
            continue;
        };
        events[i].location = Some(location);
        events[i].rule.push_str(how);
    }
}

/// The place the document's factual events name most often, if any, in
/// `country` when it is known.
fn main_place(events: &[Event], country: Option<Iso2>) -> Option<Location> {
    let mut count: HashMap<&str, (usize, usize)> = HashMap::new();
    let at_home = |l: &&Location| country.is_none_or(|c| l.place.country == Some(c));
    let placed = events.iter().filter(|e| e.modality.is_factual()).filter_map(|e| e.location.as_ref()).filter(at_home);
    for (i, l) in placed.clone().enumerate() {
        count.entry(l.place.gazetteer_id.as_str()).or_insert((0, i)).0 += 1;
    }
    let (best, _) = count.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))?;
    placed.into_iter().find(|l| l.place.gazetteer_id.as_str() == best).cloned()
}

/// The place of the first sentence of `doc` that names a place in
/// `country` (any when it is unknown), as that sentence's own event would
/// have it; not a country.
#[must_use]
pub fn lead(doc: &Doc, resolved: &[Resolved<'_>], country: Option<Iso2>) -> Option<Location> {
    let at_home =
        |r: &&Resolved<'_>| r.place.kind != PlaceKind::Country && country.is_none_or(|c| r.place.country == Some(c));
    let home: Vec<Resolved<'_>> = resolved.iter().filter(at_home).copied().collect();
    let sentence = doc.sentences[doc.sentence_at(home.first()?.mention.span.start)?].span;
    locate(&doc.text, &home, &[], &[], sentence).into_iter().next()
}
