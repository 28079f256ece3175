//! The event coder: sentences and their mentions in, events out.
//!
//! For each sentence the coder finds trigger words ([`triggers`]), cuts the
//! sentence into clauses ([`clause`]), assigns actor roles from light syntax
//! ([`roles`]) and merges clauses that tell one event ([`candidate`]). The
//! event rules ([`rules`], one per sub-event type) then choose the type from
//! the trigger kinds and the actors; [`modality`] reads how sure the text is,
//! [`location`] where it happened, [`parties`] applies ACLED's naming of the
//! parties, and [`discourse`] carries the acting party, type, place and date
//! of a report from one sentence to the next.
//!
//! A sentence that only adds to the previous event ("He said six militants
//! were also killed in the fighting"; "Police later arrested five
//! protesters") is folded into it instead of becoming another event.
//!
//! The coder never invents an event without a trigger in its sentence, and
//! every event keeps its sentence as evidence.

pub mod accident;
pub mod accused;
pub mod affiliation;
pub mod anticipated;
pub mod arson;
pub mod background;
pub mod bearing;
pub mod candidate;
pub mod captives;
pub mod clause;
pub mod coreference;
pub mod crowd;
pub mod dating;
pub mod discourse;
pub mod fatalities;
pub mod fire;
pub mod focus;
pub mod forces;
pub mod gathering;
pub mod grievance;
pub mod ids;
pub mod inherit;
pub mod interception;
pub mod labour;
pub mod location;
pub mod merge;
pub mod modality;
pub mod parties;
pub mod proto;
pub mod quarter;
pub mod quotes;
mod reading;
pub mod restriction;
pub mod roles;
pub mod rules;
pub mod seizure;
pub mod setting;
pub mod striker;
pub mod targets;
pub mod toll;
pub mod triggers;
pub mod victim;
pub mod weapon_fire;
pub mod words;

use sitrep_model::{mention::inside, ActorRole, CueKind, Doc, Event, Iso3, Mentions, Place, Span, SubEventType};
use sitrep_recognise::actors::naming::Naming;
use sitrep_recognise::actors::ActorDataError;
use thiserror::Error;

use discourse::{Discourse, Last};
use location::Resolved;
use reading::{Fold, Reading};
use triggers::{TriggerError, Triggers};

/// The coder's shipped data could not be loaded (a build defect).
#[derive(Debug, Error)]
pub enum CodeError {
    #[error(transparent)]
    Triggers(#[from] TriggerError),
    #[error(transparent)]
    Naming(#[from] ActorDataError),
}

/// The event coder, built once.
#[derive(Debug)]
pub struct Coder {
    triggers: Triggers,
    naming: Naming,
    countries: sitrep_model::Countries,
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

/// What the coding of one document sees.
#[derive(Debug)]
pub(crate) struct Scene<'a> {
    pub input: Input<'a>,
    pub resolved: Vec<Resolved<'a>>,
    pub focus: Option<Iso3>,
    /// The country the document's places name most, if any.
    pub place_country: Option<sitrep_model::Iso2>,
    pub naming: &'a Naming,
    /// Per sentence, whether it reads as background by its wording
    /// ([`background::retrospective`]), found the first time it is asked:
    /// every candidate of a sentence, and the dating of every later one,
    /// asks it again.
    retrospective: Vec<std::cell::OnceCell<bool>>,
}

impl Scene<'_> {
    /// True when sentence `si` reads as background by its wording.
    pub fn retrospective(&self, si: usize) -> bool {
        let Some(cell) = self.retrospective.get(si) else { return false };
        let doc = self.input.doc;
        *cell.get_or_init(|| background::retrospective(doc.slice(doc.sentences[si].span)))
    }
}

impl Coder {
    /// # Errors
    /// When shipped data is corrupt.
    pub fn new() -> Result<Self, CodeError> {
        Ok(Self {
            triggers: Triggers::new()?,
            naming: Naming::embedded()?,
            countries: sitrep_model::Countries::embedded(),
        })
    }

    /// Whether some sentence of `doc` holds a trigger the coder reads
    /// ([`candidate::triggered`]). When none does, [`Coder::code`] finds no
    /// event whatever the mentions, so a caller that wants only events need
    /// not recognise or geocode the document: most of a day's news is not
    /// about conflict.
    #[must_use]
    pub fn may_code(&self, doc: &Doc) -> bool {
        doc.sentences.iter().any(|s| !candidate::triggered(&doc.text, s.span, &self.triggers).is_empty())
    }

    /// Code every event of a document, in text order.
    #[must_use]
    pub fn code(&self, input: Input<'_>) -> Vec<Event> {
        let resolved: Vec<Resolved<'_>> = input
            .mentions
            .places
            .iter()
            .zip(input.places)
            .filter_map(|(mention, p)| p.as_ref().map(|place| Resolved { mention, place }))
            .collect();
        let quarters = quarter::quarters(input.doc, &resolved);
        let resolved = quarter::with_quarters(resolved, &quarters);
        let place_country = focus::country(input.places);
        let focus = place_country
            .and_then(|c| self.countries.iso3_of(c))
            .or_else(|| focus::actor_country(&input.mentions.actors));
        let retrospective = vec![std::cell::OnceCell::new(); input.doc.sentences.len()];
        let scene = Scene { input, resolved, focus, place_country, naming: &self.naming, retrospective };
        let mut discourse = Discourse::default();
        let mut events = Vec::new();
        // Events before this index already had their fatalities stated.
        let mut coded = 0;
        let speakers = speakers(input.mentions);
        for (si, sentence) in input.doc.sentences.iter().enumerate() {
            for cand in
                candidate::candidates(&input.doc.text, sentence.span, &self.triggers, &input.mentions.actors, &speakers)
            {
                match reading::read(&scene, &cand, si, &discourse) {
                    Reading::New(new) => {
                        let start = events.len();
                        events.extend(new.locations().map(|l| new.proto.event(input.doc, l)));
                        shared_toll(&mut events[start..]);
                        if new.proto.modality.is_factual() {
                            discourse.last = Some(new.last(start..events.len()));
                        }
                    }
                    Reading::Fold(fold) => {
                        apply(&scene, &mut events, discourse.last.as_mut(), &fold, (sentence.paragraph, si));
                    }
                    Reading::Nothing => {}
                }
            }
            if let Some(n) = fatalities::explicit(input.doc.slice(sentence.span)) {
                events[coded..].iter_mut().for_each(|e| e.fatalities = Some(n));
                coded = events.len();
            }
            if let Some(d) = inside(&input.mentions.dates, sentence.span, |m| m.span).next() {
                discourse.date = Some(d.date);
            }
        }
        let lead = || inherit::lead(input.doc, &scene.resolved, place_country);
        assemble(input.doc, events, place_country, lead)
    }
}

/// The spans of attribution sources that are not armed parties ("rescue
/// workers said", "local officials said", "activists said"): they report,
/// they do not act. An armed group that speaks ("the Taliban said they
/// attacked") stays a party.
fn speakers(m: &Mentions) -> Vec<Span> {
    let non_combatant = |s: Span| {
        m.actors.iter().filter(|a| a.span.overlaps(s)).all(|a| {
            matches!(
                a.actor.role,
                ActorRole::Civilian
                    | ActorRole::Protester
                    | ActorRole::Other
                    | ActorRole::Government
                    | ActorRole::International
            )
        })
    };
    m.cues
        .iter()
        .filter(|c| c.kind == CueKind::Attribution)
        .filter_map(|c| c.source)
        .filter(|s| non_combatant(*s))
        .collect()
}

/// The document's events from its mentions: events told inside a quotation
/// that closes later attributed to its speaker ([`quotes`]), coreferent
/// mentions folded into
/// one event ([`coreference`]), then places inherited from the discourse
/// where a sentence names none ([`inherit`]), then folded again, since an
/// inherited place can show two mentions to be one event; last, air strikes
/// told without a striker take the report's one striker ([`striker`]), and
/// every event gets an id of its own ([`ids`]).
fn assemble(
    doc: &Doc,
    mut events: Vec<Event>,
    country: Option<sitrep_model::Iso2>,
    lead: impl FnOnce() -> Option<sitrep_model::Location>,
) -> Vec<Event> {
    quotes::attribute(doc, &mut events);
    let mut events = coreference::fold(events);
    inherit::places(doc, &mut events, country, lead);
    let mut events = coreference::fold(events);
    striker::attribute(&mut events);
    ids::make_unique(&mut events);
    events
}

/// One toll told of an act at several places goes on the first place's
/// record only: the report gives one count for all of them and does not say
/// how it divides, and on every record it would be counted once per place.
fn shared_toll(records: &mut [Event]) {
    for e in records.iter_mut().skip(1) {
        e.fatalities = None;
    }
}

/// Fold a sentence's additions into the last event's records (a toll into
/// the first of them, [`shared_toll`]); an upgrade of the type names the
/// parties as the new type's convention does (a demonstration turned
/// violent is the rioters'). The sentence at `at` (paragraph,
/// sentence) keeps the report on the last event: a later one may still
/// continue it.
fn apply(scene: &Scene<'_>, events: &mut [Event], last: Option<&mut Last>, fold: &Fold, at: (usize, usize)) {
    let Some(last) = last else { return };
    (last.paragraph, last.sentence) = at;
    for (i, e) in events[last.events.clone()].iter_mut().enumerate() {
        if let Some(f) = fold.fatalities.filter(|_| i == 0) {
            e.fatalities = Some(e.fatalities.unwrap_or(0).saturating_add(f));
        }
        e.quantities.extend(fold.quantities.iter().cloned());
        if let Some((sub, rule)) = fold.upgrade {
            e.sub_event_type = sub;
            e.cameo = proto::cameo_for(sub, &e.evidence.text).to_owned();
            e.rule = rule.to_owned();
            e.actor1 = parties::acting(scene.naming, e.actor1.take(), sub, scene.focus);
            if sub == SubEventType::Attack && e.actor2.is_none() {
                e.actor2 = parties::civilians(scene.naming, scene.focus);
            }
        }
    }
    if let Some((sub, _)) = fold.upgrade {
        last.sub_event_type = sub;
        last.actor1 = parties::acting(scene.naming, last.actor1.take(), sub, scene.focus);
    }
}
