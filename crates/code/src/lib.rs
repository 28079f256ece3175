//! The event coder: sentences and their mentions in, events out.
//!
//! For each sentence the coder finds trigger words ([`triggers`]), cuts the
//! sentence into clauses ([`clause`]), assigns actor roles from light syntax
//! ([`roles`]) and merges clauses that tell one event ([`candidate`]). The
//! event rules ([`rules`], one per sub-event type) then choose the type from
//! the trigger kinds and the actors; [`modality`] reads how sure the text is,
//! [`location`] where it happened, and [`discourse`] carries the acting party,
//! type, place and date of a report from one sentence to the next.
//!
//! The coder never invents an event without a trigger in its sentence, and
//! every event keeps its sentence as evidence.

pub mod candidate;
pub mod clause;
pub mod discourse;
pub mod focus;
pub mod location;
pub mod modality;
pub mod roles;
pub mod rules;
pub mod triggers;

use sitrep_model::{
    mention::inside, Actor, ActorRole, DatePrecision, Doc, Event, EventDate, EventId, Evidence, Iso3,
    Location, Mentions, Modality, Place, Quantity, Span, SubEventType, Unit,
};
use sitrep_recognise::actors::naming::Naming;
use sitrep_recognise::actors::ActorDataError;
use thiserror::Error;

use candidate::Candidate;
use discourse::{Discourse, Last};
use location::Resolved;
use rules::Clue;
use triggers::{TriggerError, TriggerKind, Triggers};

/// The coder's shipped data could not be loaded (a build defect).
#[derive(Debug, Error)]
pub enum CodeError {
    #[error(transparent)]
    Triggers(#[from] TriggerError),
    #[error(transparent)]
    Naming(#[from] ActorDataError),
}

/// Words that say aircraft are the actor or instrument.
const AERIAL: &[&str] = &["warplane", "jet", "air force", "aircraft", "aerospace", "airspace forces", "helicopter", "drone", "bomber", "air strike", "airstrike", "sortie", "aerial"];

/// The event coder, built once.
#[derive(Debug)]
pub struct Coder {
    triggers: Triggers,
    naming: Naming,
}

/// One document's inputs to the coder.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub doc: &'a Doc,
    pub mentions: &'a Mentions,
    /// The geocoder's resolution of each place mention, aligned with
    /// `mentions.places`.
    pub places: &'a [Option<Place>],
}

/// What one sentence's coding needs to see.
struct Scene<'a> {
    input: Input<'a>,
    resolved: Vec<Resolved<'a>>,
    focus: Option<Iso3>,
}

impl Coder {
    /// # Errors
    /// When shipped data is corrupt.
    pub fn new() -> Result<Self, CodeError> {
        Ok(Self { triggers: Triggers::new()?, naming: Naming::embedded()? })
    }

    /// Code every event of a document, in text order.
    #[must_use]
    pub fn code(&self, input: Input<'_>) -> Vec<Event> {
        let resolved = input
            .mentions
            .places
            .iter()
            .zip(input.places)
            .filter_map(|(mention, p)| p.as_ref().map(|place| Resolved { mention, place }))
            .collect();
        let focus = focus::country(input.places).and_then(focus::iso3_of);
        let scene = Scene { input, resolved, focus };
        let mut discourse = Discourse::default();
        let mut events = Vec::new();
        for (si, sentence) in input.doc.sentences.iter().enumerate() {
            for cand in candidate::candidates(&input.doc.text, sentence.span, &self.triggers, &input.mentions.actors) {
                events.extend(self.events_of(&scene, &cand, si, &mut discourse));
            }
            if let Some(d) = inside(&input.mentions.dates, sentence.span, |m| m.span).next() {
                discourse.date = Some(d.date);
            }
        }
        events
    }

    fn events_of(&self, scene: &Scene<'_>, cand: &Candidate, si: usize, discourse: &mut Discourse) -> Vec<Event> {
        let doc = scene.input.doc;
        let sentence = doc.sentences[si];
        let actors = &scene.input.mentions.actors;
        let mut actor1 = cand.actor1.map(|i| self.complete(&actors[i].actor, scene.focus));
        let mut actor2 = cand.actor2.map(|i| self.complete(&actors[i].actor, scene.focus));
        let mut aerial = cand.actor1.is_some_and(|i| is_aerial(doc.slice(actors[i].span))) || clause_aerial(doc, cand);
        let continued = self.continuation(cand, doc, si, discourse);
        if let Some(last) = &continued {
            actor1 = actor1.or_else(|| last.actor1.clone());
            aerial |= last.aerial;
            actor2 = coref(actor2, last.actor2.as_ref());
        }
        let clue = Clue {
            kinds: cand.kinds,
            actor1: actor1.as_ref().map(|a| a.role),
            actor2: actor2.as_ref().map(|a| a.role),
            aerial,
            inherited: continued.as_ref().map(|l| l.sub_event_type),
        };
        let Some(rule) = rules::classify(&clue) else { return Vec::new() };
        let sub = rule.sub_event_type();
        let cues: Vec<_> = inside(&scene.input.mentions.cues, sentence.span, |m| m.span).collect();
        let (modality, attribution) = modality::modality(&doc.text, &cues, sentence.span, cand.anchor());
        let mut locations = location::locate(&doc.text, &scene.resolved, &cand.spans, sentence.span);
        if locations.is_empty() {
            locations = continued.as_ref().map(|l| l.locations.clone()).unwrap_or_default();
        }
        let date = self.date(scene, cand, sentence.span, discourse);
        let (fatalities, quantities) = counts(scene.input.mentions, sentence.span);
        if modality.is_factual() {
            discourse.last = Some(Last {
                actor1: actor1.clone(),
                actor2: actor2.clone(),
                sub_event_type: sub,
                aerial,
                locations: locations.clone(),
                paragraph: sentence.paragraph,
                sentence: si,
            });
        }
        let evidence = Evidence { text: doc.slice(sentence.span).to_owned(), span: sentence.span };
        let proto = Proto { sub, actor1, actor2, date, fatalities, quantities, modality, attribution, evidence, rule: rule.code() };
        if locations.is_empty() {
            vec![proto.event(doc, None)]
        } else {
            locations.into_iter().map(|l| proto.event(doc, Some(l))).collect()
        }
    }

    /// The last event when this candidate continues it: it names no acting
    /// party of its own and is a passive without agent or says "also".
    fn continuation(&self, cand: &Candidate, doc: &Doc, si: usize, d: &Discourse) -> Option<Last> {
        if cand.actor1.is_some() {
            return None;
        }
        let sentence = doc.sentences[si];
        let text = doc.slice(sentence.span);
        let also = text.split(|c: char| !c.is_alphanumeric()).any(|w| w.eq_ignore_ascii_case("also"));
        (cand.agentless || also).then(|| d.continuable(sentence.paragraph, si).cloned()).flatten()
    }

    fn complete(&self, actor: &Actor, focus: Option<Iso3>) -> Actor {
        match focus {
            Some(c) => self.naming.complete(actor, c),
            None => actor.clone(),
        }
    }

    /// The candidate's own date, else its sentence's, else the report's
    /// current date, else the publication date (week precision).
    fn date(&self, scene: &Scene<'_>, cand: &Candidate, sentence: Span, d: &Discourse) -> Option<EventDate> {
        let dates = &scene.input.mentions.dates;
        let own = cand.spans.iter().find_map(|s| inside(dates, *s, |m| m.span).next());
        let in_sentence = || inside(dates, sentence, |m| m.span).next();
        own.or_else(in_sentence)
            .map(|m| m.date)
            .or(d.date)
            .or_else(|| scene.input.doc.published.map(|day| EventDate { day, precision: DatePrecision::Week }))
    }
}

/// A generic hostile label ("the terrorists") in a continuing sentence is
/// the group the report was already talking about.
fn coref(actor2: Option<Actor>, last: Option<&Actor>) -> Option<Actor> {
    match (actor2, last) {
        (Some(a), Some(l)) if is_generic_label(&a) && !is_generic_label(l) && l.role != ActorRole::Civilian => Some(l.clone()),
        (None, _) => None,
        (a, _) => a,
    }
}

fn is_generic_label(a: &Actor) -> bool {
    matches!(a.role, ActorRole::Rebel | ActorRole::Unidentified) && a.code.as_str().ends_with("REB")
        || a.code.as_str() == "REB"
        || a.code.as_str() == "UAF"
}

fn is_aerial(surface: &str) -> bool {
    let l = surface.to_ascii_lowercase();
    AERIAL.iter().any(|w| l.contains(w))
}

fn clause_aerial(doc: &Doc, cand: &Candidate) -> bool {
    cand.kinds.has(TriggerKind::Air) || cand.spans.iter().any(|s| is_aerial(doc.slice(*s)))
}

/// Fatalities (the sum of "killed" counts outside brackets) and the other
/// counted quantities of a sentence.
fn counts(mentions: &Mentions, sentence: Span) -> (Option<u32>, Vec<Quantity>) {
    let mut killed: Option<u32> = None;
    let mut others = Vec::new();
    for q in inside(&mentions.quantities, sentence, |m| m.span) {
        match q.quantity.unit {
            Unit::Killed => killed = Some(killed.unwrap_or(0).saturating_add(q.quantity.value)),
            Unit::People => {}
            _ => others.push(q.quantity.clone()),
        }
    }
    (killed, others)
}

/// An event before its location is known.
struct Proto {
    sub: SubEventType,
    actor1: Option<Actor>,
    actor2: Option<Actor>,
    date: Option<EventDate>,
    fatalities: Option<u32>,
    quantities: Vec<Quantity>,
    modality: Modality,
    attribution: Option<String>,
    evidence: Evidence,
    rule: &'static str,
}

impl Proto {
    fn event(&self, doc: &Doc, location: Option<Location>) -> Event {
        let gid = location.as_ref().map(|l| l.place.gazetteer_id.as_str().to_owned());
        Event {
            doc_id: doc.id.clone(),
            id: EventId::compute(&doc.id, self.evidence.span, self.sub, gid.as_deref()),
            date: self.date,
            sub_event_type: self.sub,
            cameo: self.sub.cameo().to_owned(),
            actor1: self.actor1.clone(),
            actor2: self.actor2.clone(),
            location,
            fatalities: self.fatalities,
            quantities: self.quantities.clone(),
            modality: self.modality,
            attribution: self.attribution.clone(),
            evidence: self.evidence.clone(),
            rule: self.rule.to_owned(),
        }
    }
}
