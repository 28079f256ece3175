//! Reading one candidate: is it a new event, an addition to the last one,
//! or nothing? And if new: its type, parties, modality, places and date.

use std::ops::Range;

use sitrep_model::{
    mention::inside, Actor, ActorRole, Doc, Evidence, Location, Modality, Quantity, Span, SubEventType,
};

use crate::candidate::Candidate;
use crate::discourse::{Discourse, Last};
use crate::location::{self, Resolved};
use crate::modality::modality;
use crate::parties::{self, is_aerial};
use crate::proto::{counts, Proto};
use crate::rules::{self, Clue};
use crate::triggers::TriggerKind;
use crate::Scene;

/// What a candidate turned out to be.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one short-lived value per candidate: boxing buys nothing
pub(crate) enum Reading {
    New(New),
    Fold(Fold),
    Nothing,
}

/// The mark on an event's rule when its acting party is the codebook's
/// default for an unnamed one (an unidentified armed group, the
/// protesters), not a party the text names.
pub const UNNAMED: &str = "+actor1:unnamed";

/// A new event.
#[derive(Debug)]
pub(crate) struct New {
    pub proto: Proto,
    locations: Vec<Location>,
    aerial: bool,
    /// Fighting is named ("clashed", "fought"), not only an attack.
    fought: bool,
    paragraph: usize,
    sentence: usize,
}

impl New {
    /// One record per location (one without a location when none is known).
    pub fn locations(&self) -> impl Iterator<Item = Option<Location>> + '_ {
        let none = self.locations.is_empty().then_some(None);
        self.locations.iter().cloned().map(Some).chain(none)
    }

    /// The discourse state this event leaves, given the records it became.
    pub fn last(&self, events: Range<usize>) -> Last {
        Last {
            actor1: self.proto.actor1.clone(),
            actor2: self.proto.actor2.clone(),
            sub_event_type: self.proto.sub,
            aerial: self.aerial,
            fought: self.fought,
            locations: self.locations.clone(),
            paragraph: self.paragraph,
            sentence: self.sentence,
            events,
        }
    }
}

/// What a sentence adds to the last event.
#[derive(Debug, Default)]
pub(crate) struct Fold {
    pub fatalities: Option<u32>,
    pub quantities: Vec<Quantity>,
    pub upgrade: Option<(SubEventType, &'static str)>,
}

/// Words that open a separate incident: never folded into the last one.
const SEPARATE: &[&str] = &["separately", "another", "separate", "elsewhere", "meanwhile"];

/// Read a candidate of sentence `si`.
pub(crate) fn read(scene: &Scene<'_>, cand: &Candidate, si: usize, d: &Discourse) -> Reading {
    let doc = scene.input.doc;
    let sentence = doc.sentences[si];
    if background(scene, cand, si) {
        return Reading::Nothing; // history, context or a toll: no event of the report's day
    }
    let places = own_places(scene, cand);
    let (modality, attribution) = sentence_modality(scene, cand, sentence.span);
    if anaphoric(scene, cand, &places, sentence.span) {
        // "due to the attack", "fleeing the fighting": the event the report
        // already told, or none; never a new one.
        let fold = Fold { fatalities: counts(&doc.text, scene.input.mentions, sentence.span).0, ..Fold::default() };
        return if d.last.is_some() && modality.is_factual() { Reading::Fold(fold) } else { Reading::Nothing };
    }
    let ongoing = d.continuable(sentence.paragraph, si);
    if ongoing.is_some() && told_participants(doc.slice(sentence.span)) {
        // "The attackers fled after a gunfight": the event just told, as
        // its participants go on; never a new one.
        let fold = Fold { fatalities: counts(&doc.text, scene.input.mentions, sentence.span).0, ..Fold::default() };
        return if modality.is_factual() { Reading::Fold(fold) } else { Reading::Nothing };
    }
    let continued = continuation(cand, doc, si, d);
    if let Some(fold) = ongoing.and_then(|last| intervention(scene, cand, si, last)) {
        return Reading::Fold(fold);
    }
    if ongoing.is_some_and(|last| continues_protest(scene, cand, si, last, &places)) {
        // "The workers marched to the administration block": the protest
        // just told, going on; never a second one.
        return Reading::Fold(Fold::default());
    }
    if let Some(last) = continued {
        if let Some(fold) = fold(scene, cand, sentence.span, &places, modality).map(|f| exchange(scene, cand, last, f))
        {
            return if modality.is_factual() { Reading::Fold(fold) } else { Reading::Nothing };
        }
    }
    if generic_only(cand) && statistic(scene, doc.slice(sentence.span), sentence.span) {
        return Reading::Nothing; // "more than 170,000 people have been killed in the war"
    }
    if !modality.is_factual() && generic_only(cand) && cand.actor1.is_none() && cand.actor2.is_none() {
        return Reading::Nothing; // "No injuries were reported": no event to deny
    }
    let Some(mut new) = new_event(scene, cand, si, continued, &places) else { return Reading::Nothing };
    new.proto.modality = modality;
    new.proto.attribution = attribution;
    Reading::New(new)
}

/// True when the candidate tells background ([`crate::background`]) or a
/// toll ([`crate::toll`]), not an event. The complement naming a protest's
/// cause is left out of the reading: "protested to demand their salaries
/// for the past four months", "held a demonstration to commemorate those
/// killed in 1977" tell a protest of the day; the duration and the year are
/// the grievance's ([`crate::grievance::cause_start`]).
fn background(scene: &Scene<'_>, cand: &Candidate, si: usize) -> bool {
    let doc = scene.input.doc;
    let sentence = doc.sentences[si].span;
    let text = doc.slice(sentence);
    let before_trigger = doc.text.get(sentence.start..cand.anchor().start).unwrap_or("");
    let protest = cand.triggers.iter().find(|t| t.kind == TriggerKind::Protest);
    let cause = protest.and_then(|p| crate::grievance::cause_start(&doc.text, p.span.end, sentence.end));
    let retrospective = match cause {
        Some(at) => {
            scene.retrospective(si) && doc.text.get(sentence.start..at).is_some_and(crate::background::retrospective)
        }
        None => scene.retrospective(si),
    };
    let dates = &scene.input.mentions.dates;
    let dated_past = match cause {
        Some(at) => {
            let own: Vec<Span> =
                cand.spans.iter().filter(|s| s.start < at).map(|s| Span::new(s.start, s.end.min(at))).collect();
            crate::background::dated_past(dates, &own, doc.published)
        }
        None => crate::background::dated_past(dates, &cand.spans, doc.published),
    };
    retrospective
        || dated_past
        || crate::dating::since_long_ago(scene, cand, sentence)
        || crate::toll::is_toll(text, before_trigger)
        || crate::toll::running_total(text)
        || crate::background::recent_past(before_trigger)
}

/// Determiners that make a trigger noun refer back to an event already told.
const DEFINITE: &[&str] = &["the", "this", "that", "these", "those", "its", "their", "such"];

/// True when the candidate only refers back to an event: violence named by a
/// definite noun ("the attack", "the fighting", "the shelling"), with no
/// acting party and no place of its own.
fn anaphoric(scene: &Scene<'_>, cand: &Candidate, places: &[Resolved<'_>], sentence: Span) -> bool {
    let text = &scene.input.doc.text;
    let anchor = cand.anchor();
    // A determiner, then at most two lower-case modifiers: "the deadly raid".
    let before: Vec<&str> = text[sentence.start..anchor.start].split_whitespace().rev().take(4).collect();
    let definite = before.iter().take(3).enumerate().any(|(i, w)| {
        DEFINITE.iter().any(|d| w.eq_ignore_ascii_case(d))
            && before[..i].iter().all(|m| m.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
    });
    let placed = places.iter().any(|p| cand.spans.iter().any(|s| s.contains(p.mention.span)));
    let violent = cand.triggers.iter().all(|t| {
        matches!(
            t.kind,
            TriggerKind::Attack
                | TriggerKind::Kill
                | TriggerKind::Injure
                | TriggerKind::Clash
                | TriggerKind::Invasion
                | TriggerKind::Air
                | TriggerKind::Shelling
                | TriggerKind::Explosive
                // "The attack lasted two hours before reinforcements
                // arrived": the same fight, told on.
                | TriggerKind::Posture
        )
    });
    let noun_of_toll = cand.triggers.iter().all(|t| matches!(t.kind, TriggerKind::Kill | TriggerKind::Injure));
    let in_phrase = before
        .iter()
        .skip_while(|w| !DEFINITE.iter().any(|d| w.eq_ignore_ascii_case(d)))
        .nth(1)
        .is_some_and(|w| PREPOSITIONS.iter().any(|p| w.eq_ignore_ascii_case(p)));
    definite && violent && !placed && (cand.actor1.is_none() || noun_of_toll || in_phrase)
}

/// Nouns for the parties of violence that a report names again with "the"
/// once it has told the event ("The attackers fled...").
const PARTICIPANTS: &[&str] =
    &["attackers", "attacker", "assailants", "assailant", "gunmen", "gunman", "raiders", "kidnappers", "abductors"];

/// True when the sentence opens with "The" and a participant noun: it goes
/// on about the event just told.
fn told_participants(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let the = words.next().is_some_and(|w| w == "The");
    the && words
        .next()
        .is_some_and(|w| PARTICIPANTS.iter().any(|p| w.trim_end_matches([',', '.']).eq_ignore_ascii_case(p)))
}

/// Prepositions before a definite reference ("declined to comment on the
/// attack"): the sentence's subject is not the attacker.
const PREPOSITIONS: &[&str] =
    &["on", "about", "over", "after", "since", "for", "of", "from", "during", "following", "despite", "amid", "in"];

fn sentence_modality(scene: &Scene<'_>, cand: &Candidate, sentence: Span) -> (Modality, Option<String>) {
    let cues: Vec<_> = inside(&scene.input.mentions.cues, sentence, |m| m.span).collect();
    modality(&scene.input.doc.text, &cues, sentence, cand.anchor())
}

/// True when the name goes on past the match ("Dasht" of "Dasht-e-Abdan",
/// "Band" of "Band-e-Barq"): a hyphen and a lower-case letter join the rest
/// of a longer name the gazetteer does not have.
fn continues_name(text: &str, span: Span) -> bool {
    let rest = &text.as_bytes()[span.end..];
    rest.first() == Some(&b'-') && rest.get(1).is_some_and(u8::is_ascii_lowercase)
}

/// Arabic articles that open the second part of a name ("Saadallah
/// al-Nour", "Jamiyat al Nour").
const ARTICLES: &[&str] = &["al-", "al ", "el-", "el ", "ad-", "ar-", "as-", "ash-", "at-", "az-"];

/// True when the match is the tail of a longer name: it opens with an
/// article and follows a capitalised word of the same name ("al-Nour" of
/// "Jamiyat al-Nour"; Arabic joins a noun to the definite name after it,
/// and the gazetteer knows only the short one). Not at the start of its
/// sentence ("In al-Nour", "Near al-Nour": the word before is no name).
fn tail_of_name(text: &str, span: Span, sentence_start: usize) -> bool {
    let name = text.get(span.start..span.end).unwrap_or("");
    let article =
        ARTICLES.iter().any(|a| name.len() > a.len() && name.get(..a.len()).is_some_and(|p| p.eq_ignore_ascii_case(a)));
    if !article {
        return false;
    }
    let Some(head) = text.get(sentence_start..span.start).and_then(|h| h.strip_suffix(' ')) else { return false };
    let (rest, word) = head.rsplit_once(' ').unwrap_or(("", head));
    let capitalised = word.chars().next().is_some_and(char::is_uppercase) && word.chars().all(char::is_alphabetic);
    capitalised && !rest.trim().is_empty()
}

/// Nouns of streets and facilities that take a place's name ("Tell Amra
/// Station", "Ain Sarab Street", "the Homs Gate").
const FACILITY_NOUNS: &[&str] = &["Station", "Street", "Square", "Road", "Gate", "Bridge", "Roundabout", "Circle"];

/// True when the name is the first part of a street's or facility's name
/// ("Ain Sarab Street"): named after a city of another country than the
/// report's, it lies in a city of the report's (a "Baghdad Street" of
/// Cairo), not in the city it is named after.
fn names_facility(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    let next = rest.strip_prefix(' ').and_then(|r| r.split(|c: char| !c.is_alphanumeric()).next()).unwrap_or("");
    FACILITY_NOUNS.contains(&next)
}

/// Words that frame a count as the toll of a whole war, not of an event.
const WAR_FRAME: &[&str] = &[
    "the war",
    "civil war",
    "the conflict",
    "since 2011",
    "since the start",
    "since the beginning",
    "so far this year",
    "to date",
];

/// A statistic, not an event: a war's cumulative toll, or a count of
/// thousands.
fn statistic(scene: &Scene<'_>, text: &str, sentence: Span) -> bool {
    let lower = text.to_ascii_lowercase();
    let framed = WAR_FRAME.iter().any(|w| holds_phrase(&lower, w));
    let thousands = inside(&scene.input.mentions.quantities, sentence, |m| m.span).any(|q| q.quantity.value >= 1000);
    framed || thousands
}

/// True when `phrase` occurs in `text` as whole words ("the war", not "the
/// warring clans").
fn holds_phrase(text: &str, phrase: &str) -> bool {
    let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase)
        .any(|(i, _)| boundary(text[..i].chars().next_back()) && boundary(text[i + phrase.len()..].chars().next()))
}

/// The resolved places a candidate may be located at: not its parties
/// ("Turkey has ramped up …" does not happen in Turkey), not a country named
/// as a party anywhere in the text ("Russia and the regime rejected …"; "in
/// Syria" is a place), not an organisation ("the United Nations"), and not
/// a part of a longer name (`continues_name`, `tail_of_name`,
/// `names_facility`).
fn own_places<'a>(scene: &Scene<'a>, cand: &Candidate) -> Vec<Resolved<'a>> {
    let actors = &scene.input.mentions.actors;
    let parties: Vec<Span> = [cand.actor1, cand.actor2].into_iter().flatten().map(|i| actors[i].span).collect();
    let text = &scene.input.doc.text;
    let is_actor = |s: Span| {
        let lo = actors.partition_point(|a| a.span.end <= s.start);
        actors[lo..].iter().take_while(|a| a.span.start < s.end).any(|a| match a.actor.role {
            // A capital stands for its government ("Belgrade said"), but
            // after a locative it is the city ("marched through Belgrade").
            ActorRole::Government if a.span == s => !crate::roles::locative_name(text, a),
            ActorRole::International | ActorRole::Other | ActorRole::Government => true,
            ActorRole::State => !crate::roles::after_locative(text, a.span),
            _ => false,
        })
    };
    scene
        .resolved
        .iter()
        .filter(|r| !parties.iter().any(|p| p.overlaps(r.mention.span)) && !is_actor(r.mention.span))
        .filter(|r| !continues_name(text, r.mention.span))
        .filter(|r| {
            let start = scene
                .input
                .doc
                .sentence_at(r.mention.span.start)
                .map_or(0, |i| scene.input.doc.sentences[i].span.start);
            !tail_of_name(text, r.mention.span, start)
        })
        .filter(|r| r.place.country == scene.place_country || !names_facility(text, r.mention.span))
        .copied()
        .collect()
}

/// The last event when this candidate continues it: it names no acting
/// party of its own, and is a passive without agent, says "also", or only
/// names violence ("the attack", "the fighting").
fn continuation<'d>(cand: &Candidate, doc: &Doc, si: usize, d: &'d Discourse) -> Option<&'d Last> {
    if cand.actor1.is_some() {
        return None;
    }
    let sentence = doc.sentences[si];
    let words = || doc.slice(sentence.span).split(|c: char| !c.is_alphanumeric());
    let also = words().any(|w| w.eq_ignore_ascii_case("also"));
    (cand.agentless || also || generic_only(cand)).then(|| d.continuable(sentence.paragraph, si)).flatten()
}

fn generic_only(cand: &Candidate) -> bool {
    cand.triggers
        .iter()
        .all(|t| matches!(t.kind, TriggerKind::Attack | TriggerKind::Kill | TriggerKind::Injure | TriggerKind::Clash))
}

/// The fold of a sentence into the last event, when it only adds to it: a
/// toll without a new place ("six militants were also killed"), or police
/// intervening in the protest just reported.
fn fold(scene: &Scene<'_>, cand: &Candidate, sentence: Span, places: &[Resolved<'_>], m: Modality) -> Option<Fold> {
    let doc = scene.input.doc;
    let text = doc.slice(sentence);
    let separate =
        text.split(|c: char| !c.is_alphanumeric()).any(|w| SEPARATE.iter().any(|s| w.eq_ignore_ascii_case(s)));
    let placed = places.iter().any(|p| sentence.contains(p.mention.span));
    if separate || placed {
        return None;
    }
    let (fatalities, quantities) = counts(&doc.text, scene.input.mentions, sentence);
    generic_only(cand).then(|| Fold { fatalities: fatalities.filter(|_| m.is_factual()), quantities, upgrade: None })
}

/// Nouns of fire from both sides: the victims were armed.
const EXCHANGES: &[&str] = &["shoot-out", "shootout", "gunfight", "gun battle", "firefight", "exchange of fire"];

/// A shoot-out told after violence against civilians makes it a battle
/// (codebook: an armed clash is between armed, organised groups; civilians
/// are "unarmed and not engaged in political violence"): "Police raided the
/// community. Two suspects were killed in a shoot-out." And civilians
/// killed in a fight told with no opponent make it an attack on them.
fn exchange(scene: &Scene<'_>, cand: &Candidate, last: &Last, mut fold: Fold) -> Fold {
    let text = &scene.input.doc.text;
    let fire = cand.triggers.iter().any(|t| {
        let surface = text.get(t.span.start..t.span.end).unwrap_or("");
        EXCHANGES.iter().any(|e| surface.get(..e.len()).is_some_and(|w| w.eq_ignore_ascii_case(e)))
    });
    if fire && last.sub_event_type == SubEventType::Attack {
        fold.upgrade = Some((SubEventType::ArmedClash, "armed-clash"));
    } else if !fire
        && !last.fought
        && last.sub_event_type == SubEventType::ArmedClash
        && last.actor2.is_none()
        && civilians_hit(scene, cand)
    {
        fold.upgrade = Some((SubEventType::Attack, "attack"));
    }
    fold
}

/// The toll of a fight with no named opponent is of civilians ("gunmen
/// attacked Danhono. 1 resident was killed"): the attack was on unarmed
/// people, violence against civilians (codebook), not a battle.
fn civilians_hit(scene: &Scene<'_>, cand: &Candidate) -> bool {
    let text = &scene.input.doc.text;
    cand.kinds.any(&[TriggerKind::Kill, TriggerKind::Injure])
        && cand.spans.iter().any(|c| crate::victim::names_civilian(text, *c, cand.anchor()))
}

/// The codebook's sides of a protest: the protesters are the first actor
/// and the forces that disperse, arrest or shoot them the second ("Police
/// dispersed the protesters": Protesters, then Police Forces).
fn protest_sides(sub: SubEventType, actor1: Option<Actor>, actor2: Option<Actor>) -> (Option<Actor>, Option<Actor>) {
    let protest = sub.event_type() == sitrep_model::EventType::Protests;
    let state = actor1.as_ref().is_some_and(|a| rules::STATE.contains(&a.role));
    let protesters = actor2.as_ref().is_some_and(|a| a.role == ActorRole::Protester);
    if protest && state && protesters {
        (actor2, actor1)
    } else {
        (actor1, actor2)
    }
}

/// What a later sentence tells of the protest just reported (ACLED
/// codebook, Protests and Riots): demonstrators turning to barricades,
/// burning tyres or destruction make it a violent demonstration; police
/// dispersing them, or arresting them, one with intervention. An arrest of
/// someone else ("He was arrested in connection with …", the grievance told
/// again) changes nothing.
fn intervention(scene: &Scene<'_>, cand: &Candidate, si: usize, last: &Last) -> Option<Fold> {
    let doc = scene.input.doc;
    let protest = matches!(last.sub_event_type, SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention);
    let k = cand.kinds;
    let sentence = doc.slice(doc.sentences[si].span);
    let damage =
        k.any(&[TriggerKind::Barricade, TriggerKind::Riot, TriggerKind::Loot]) || participants_violent(scene, cand);
    // A sentence with a protest of its own tells another demonstration
    // ("after the protests and riots in the prisons last week").
    // A road block is the demonstrators' tactic, not another protest.
    let own_protest = cand.triggers.iter().any(|t| {
        t.kind == TriggerKind::Protest && !doc.slice(t.span).get(..5).is_some_and(|w| w.eq_ignore_ascii_case("block"))
    });
    let upgrade = if protest && damage && !own_protest && (names_participants(sentence) || starts_with_they(sentence)) {
        (SubEventType::ViolentDemonstration, "violent-demonstration")
    } else if last.sub_event_type == SubEventType::PeacefulProtest
        && (k.has(TriggerKind::Disperse) || (k.has(TriggerKind::Arrest) && names_participants(sentence)))
    {
        (SubEventType::ProtestWithIntervention, "protest-with-intervention")
    } else {
        return None;
    };
    Some(Fold { upgrade: Some(upgrade), ..Fold::default() })
}

/// The demonstrators themselves are violent: the doer of an attack, a
/// clash or a wounding is the protesters ("The demonstrators destroyed
/// the control posts", "journalists were beaten up by demonstrators"). The
/// codebook's violent demonstration includes "physical clashes" and
/// attacks by demonstrators; police attacking them is an intervention.
fn participants_violent(scene: &Scene<'_>, cand: &Candidate) -> bool {
    let doer = cand.actor1.map(|i| scene.input.mentions.actors[i].actor.role);
    let violence = cand.kinds.any(&[TriggerKind::Attack, TriggerKind::Clash, TriggerKind::Injure]);
    violence && matches!(doer, Some(ActorRole::Protester | ActorRole::Rioter))
}

/// A sentence that only tells more of the demonstration just reported: its
/// triggers are protest words, it names no armed or state party and no
/// place of its own ("The workers marched to the administration block").
fn continues_protest(scene: &Scene<'_>, cand: &Candidate, si: usize, last: &Last, places: &[Resolved<'_>]) -> bool {
    let sentence = scene.input.doc.sentences[si].span;
    let actors = &scene.input.mentions.actors;
    let demonstrators = cand
        .actor1
        .is_none_or(|i| matches!(actors[i].actor.role, ActorRole::Civilian | ActorRole::Protester | ActorRole::Other));
    last.sub_event_type.event_type() == sitrep_model::EventType::Protests
        && cand.triggers.iter().all(|t| t.kind == TriggerKind::Protest)
        && demonstrators
        && !places.iter().any(|p| sentence.contains(p.mention.span))
}

/// Words that refer to a demonstration's participants.
const DEMONSTRATORS: &[&str] = &[
    "protesters",
    "protestors",
    "demonstrators",
    "participants",
    "marchers",
    "strikers",
    "them",
    "crowd",
    "rioters",
    "organisers",
    "organizers",
    "activists",
    "group",
];

/// "They burned tyres": the demonstrators just told are the subject.
fn starts_with_they(sentence: &str) -> bool {
    let first = sentence.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    first.eq_ignore_ascii_case("they")
        || first.eq_ignore_ascii_case("the")
            && sentence.split(|c: char| !c.is_alphanumeric()).nth(1).is_some_and(|w| w.eq_ignore_ascii_case("group"))
}

fn names_participants(sentence: &str) -> bool {
    sentence.split(|c: char| !c.is_alphanumeric()).any(|w| DEMONSTRATORS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// A new event, when a rule codes the candidate.
fn new_event(
    scene: &Scene<'_>,
    cand: &Candidate,
    si: usize,
    continued: Option<&Last>,
    places: &[Resolved<'_>],
) -> Option<New> {
    let doc = scene.input.doc;
    let sentence = doc.sentences[si];
    let actors = &scene.input.mentions.actors;
    let party = |i: Option<usize>| i.map(|i| parties::complete(scene.naming, &actors[i].actor, scene.focus));
    let (mut actor1, mut actor2) = (party(cand.actor1), party(cand.actor2));
    // Aircraft as the actor or the weapon, not as a target ("a helicopter
    // being shot down" is no air strike).
    let mut aerial = cand.actor1.is_some_and(|i| is_aerial(doc.slice(actors[i].span)))
        || cand.kinds.has(TriggerKind::Air)
        || aircraft_act(doc, cand);
    if let Some(last) = continued {
        actor1 = actor1.or_else(|| last.actor1.clone());
        aerial |= last.aerial && generic_only(cand);
        actor2 = parties::coref(actor2, last.actor2.as_ref());
    }
    let unit_owner =
        |i: usize| actors[i].actor.role == ActorRole::Government && crate::forces::owns_unit(&doc.text, actors[i].span);
    if cand.actor2.is_some_and(unit_owner) {
        // "a member of the regime's 4th Division": the state's forces.
        actor2 = parties::forces(scene.naming, actor2.as_ref().and_then(|a| a.country).or(scene.focus));
    }
    if actor2.as_ref().is_some_and(|b| actor1.as_ref().is_some_and(|a| a.code == b.code)) {
        actor2 = None; // "the army … a military source": one party, not two
    }
    let mut clue = clue(doc, cand, (actor1.as_ref(), actor2.as_ref()), aerial, continued);
    if clue.violent() && actor2.is_none() && clauses_any(doc, cand, crate::victim::names_civilian) {
        actor2 = parties::civilians(scene.naming, scene.focus);
        clue.actor2 = actor2.as_ref().map(|a| a.role);
    }
    // Only violence or destruction by a crowd is read (mob violence), so
    // only then is the crowd looked for.
    let harm = clue.violent() || clue.has(TriggerKind::Loot);
    clue.crowd = harm && unarmed(clue.actor1) && unarmed(clue.actor2) && clauses_any(doc, cand, crate::crowd::acting);
    if clue.violent() && !clue.crowd && clue.actor1 == Some(ActorRole::Civilian) {
        // "Two men on a motorcycle shot a trader": whoever takes up arms
        // against civilians is, for the codebook, an (unidentified) armed
        // group, not a civilian; a crowd is read by the mob violence rule.
        clue.actor1 = Some(ActorRole::Unidentified);
    }
    let rule = rules::classify(&clue)?;
    let sub = rule.sub_event_type();
    let acts = acts(cand);
    let mut locations = location::locate(&doc.text, places, &cand.spans, &acts, sentence.span);
    if locations.is_empty() {
        locations = continued.map(|l| l.locations.clone()).unwrap_or_default();
    }
    let (fatalities, quantities) = counts(&doc.text, scene.input.mentions, sentence.span);
    let (actor1, actor2) = protest_sides(sub, actor1, actor2);
    let named = actor1.is_some();
    let actor1 = parties::acting(scene.naming, actor1, sub, scene.focus);
    let mut code = rule.code().to_owned();
    if !named && actor1.is_some() {
        // The codebook's party for a perpetrator the text does not name.
        code.push_str(UNNAMED);
    }
    let proto = Proto {
        sub,
        cameo: crate::proto::cameo_for(sub, doc.slice(sentence.span)),
        actor1,
        actor2,
        date: crate::dating::date(scene, cand, sentence.span),
        fatalities,
        quantities,
        modality: Modality::Asserted,
        attribution: None,
        evidence: Evidence { text: doc.slice(sentence.span).to_owned(), span: sentence.span },
        rule: code,
    };
    let fought = cand.kinds.has(TriggerKind::Clash);
    Some(New { proto, locations, aerial, fought, paragraph: sentence.paragraph, sentence: si })
}

/// The candidate's clauses that tell its act: the clause of its first
/// trigger that is not a toll ("killed", "wounded": ", killing five people
/// in the village" says where the dead were, not a second target), and the
/// other clauses with a trigger of the same kind ("… while the monitor
/// reported strikes on the town").
fn acts(cand: &Candidate) -> Vec<Span> {
    let toll = |k: TriggerKind| matches!(k, TriggerKind::Kill | TriggerKind::Injure);
    let Some(main) = cand.triggers.iter().find(|t| !toll(t.kind)) else { return Vec::new() };
    let Some(clause) = cand.spans.iter().find(|c| c.contains(main.span)) else { return Vec::new() };
    let mut kinds = crate::triggers::KindSet::default();
    cand.triggers.iter().filter(|t| clause.contains(t.span) && !toll(t.kind)).for_each(|t| kinds.insert(t.kind));
    cand.spans
        .iter()
        .filter(|c| cand.triggers.iter().any(|t| c.contains(t.span) && kinds.has(t.kind)))
        .copied()
        .collect()
}

/// True when `test` holds for a clause of the candidate and that clause's
/// first trigger.
fn clauses_any(doc: &Doc, cand: &Candidate, test: fn(&str, Span, Span) -> bool) -> bool {
    cand.spans.iter().any(|clause| {
        cand.triggers.iter().find(|t| clause.contains(t.span)).is_some_and(|t| test(&doc.text, *clause, t.span))
    })
}

/// No armed organised group in this role (state forces may face a crowd).
fn unarmed(role: Option<ActorRole>) -> bool {
    !role.is_some_and(|r| {
        matches!(r, ActorRole::Rebel | ActorRole::Militant | ActorRole::Militia | ActorRole::Unidentified)
    })
}

/// Aircraft named as the doer: before an active trigger ("its jets struck"),
/// or after "by" behind a passive one ("was bombed by jets"); not an
/// aircraft that is hit ("a helicopter being shot down").
fn aircraft_act(doc: &Doc, cand: &Candidate) -> bool {
    let anchor = cand.anchor();
    let Some(clause) = cand.spans.iter().find(|s| s.contains(anchor)) else { return false };
    let before = doc.slice(Span::new(clause.start, anchor.start));
    let after = doc.slice(Span::new(anchor.end, clause.end));
    if crate::roles::is_passive(&doc.text, *clause, anchor) {
        after.to_ascii_lowercase().find(" by ").is_some_and(|i| is_aerial(&after[i..]))
    } else {
        is_aerial(before)
    }
}

fn clue(
    doc: &Doc,
    cand: &Candidate,
    (a1, a2): (Option<&Actor>, Option<&Actor>),
    aerial: bool,
    continued: Option<&Last>,
) -> Clue {
    Clue {
        kinds: crate::fire::kinds(&doc.text, &cand.triggers, cand.kinds, a2.map(|a| a.role)),
        actor1: a1.map(|a| a.role),
        actor2: a2.map(|a| a.role),
        aerial,
        inherited: continued.map(|l| l.sub_event_type),
        crowd: false,
    }
}
