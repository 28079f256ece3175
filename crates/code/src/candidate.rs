//! Candidate events: the clauses of a sentence that hold triggers, with
//! their roles, merged into one candidate unless they name different acting
//! parties ("Russian jets hit the terrorists … as they fled, being attacked by
//! the SAA" is two events; "3 soldiers were killed following an attack by
//! Taliban militants" is one).

use sitrep_model::{ActorMention, ActorRole, Span};

use crate::clause::{clauses, tells_prior_event};
use crate::roles::{assign, relation, Relation, Roles};
use crate::triggers::{KindSet, TriggerHit, Triggers};

/// One candidate event of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The clauses it was read from.
    pub spans: Vec<Span>,
    pub triggers: Vec<TriggerHit>,
    pub kinds: KindSet,
    /// Indices into the document's actor mentions.
    pub actor1: Option<usize>,
    pub actor2: Option<usize>,
    /// Every clause was a passive without an agent ("were targeted").
    pub agentless: bool,
}

impl Candidate {
    /// The first trigger, the anchor for modality.
    #[must_use]
    pub fn anchor(&self) -> Span {
        self.triggers.first().map_or_else(|| self.spans[0], |t| t.span)
    }

    fn absorb(&mut self, other: Candidate) {
        self.spans.extend(other.spans);
        self.triggers.extend(other.triggers);
        for t in &self.triggers {
            self.kinds.insert(t.kind);
        }
        self.actor1 = self.actor1.or(other.actor1);
        self.actor2 = self.actor2.or(other.actor2).filter(|a| Some(*a) != self.actor1);
        self.agentless &= other.agentless;
    }
}

/// The triggers of one sentence the coder reads: the trigger words, the
/// recognisers of restrictions, gatherings, burnings, seizures, weapon fire,
/// interceptions and strikes, less the causes, expectations, charges,
/// settings and accidents that tell no event. None, and the sentence holds no event.
#[must_use]
pub fn triggered(text: &str, sentence: Span, triggers: &Triggers) -> Vec<TriggerHit> {
    let found = crate::restriction::with_restrictions(text, sentence, triggers.find(text, sentence));
    let found = crate::gathering::with_gatherings(text, sentence, found);
    let found = crate::arson::with_burnings(text, sentence, found);
    let found = crate::seizure::with_seizures(text, sentence, found);
    let found = crate::weapon_fire::with_fire(text, sentence, found);
    let found = crate::interception::with_interceptions(text, sentence, found);
    let found = crate::labour::with_strikes(text, sentence, found);
    let all = crate::grievance::without_causes(text, found);
    let all = crate::anticipated::without_expected(text, sentence, all);
    let all = crate::accused::without_charges(text, sentence, all);
    let all = crate::setting::without_setting(text, sentence, all);
    let all = crate::accident::without_accidents(text, sentence, all);
    crate::captives::as_abductions(text, sentence, all)
}

/// The candidates of one sentence. `actors` are the document's actor
/// mentions, sorted by span; those overlapping a span of `speakers` (the
/// non-combatant sources of attributions: "rescue workers said") take no
/// part in the event.
#[must_use]
pub fn candidates(
    text: &str,
    sentence: Span,
    triggers: &Triggers,
    actors: &[ActorMention],
    speakers: &[Span],
) -> Vec<Candidate> {
    let all = triggered(text, sentence, triggers);
    if all.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Candidate> = Vec::new();
    let mut subject: Option<usize> = None;
    for clause in clauses(text, sentence) {
        let lo = actors.partition_point(|m| m.span.start < clause.start);
        let in_clause: Vec<(usize, &ActorMention)> = actors[lo..]
            .iter()
            .enumerate()
            .map(|(k, m)| (lo + k, m))
            .take_while(|(_, m)| m.span.start < clause.end)
            .filter(|(_, m)| clause.contains(m.span) && !speakers.iter().any(|s| s.overlaps(m.span)))
            .collect();
        let hits: Vec<TriggerHit> = all.iter().filter(|h| clause.contains(h.span)).copied().collect();
        let Some(first) = hits.first().copied() else {
            subject = subject_of(text, &in_clause).or(subject);
            continue;
        };
        let mut roles: Roles = assign(text, clause, first, &in_clause);
        roles.actor1 = roles.actor1.map(|a| crate::affiliation::named(text, a, &in_clause));
        roles.actor2 = roles.actor2.map(|a| crate::affiliation::named(text, a, &in_clause));
        let unarmed = |i: usize| matches!(actors[i].actor.role, ActorRole::Civilian | ActorRole::Protester);
        if roles.actor1.is_none_or(unarmed) {
            // A noun's armed premodifier is its agent, never its target:
            // "two medics were among 31 killed in government shelling of
            // the town" is the government's shelling, and the medics, read
            // as the subject, are among those it hit.
            // In a passive the party after the verb is no object: "a suspect
            // was killed during a police raid" is the police's raid.
            let passive = crate::roles::is_passive(text, clause, first.span);
            let agent = crate::roles::premodifier_agent(text, &hits, &in_clause)
                .filter(|a| Some(*a) != roles.actor2 || passive)
                .or_else(|| crate::roles::nominal_agent(text, &hits, &in_clause));
            if let Some(agent) = agent {
                let subject = roles.actor1.replace(agent);
                roles.actor2 = roles.actor2.filter(|a| *a != agent).or(subject);
            }
        }
        if roles.actor1.is_none() && !roles.agentless_passive {
            roles.actor1 = subject.filter(|s| Some(*s) != roles.actor2);
        }
        let mut kinds = KindSet::default();
        hits.iter().for_each(|h| kinds.insert(h.kind));
        let cand = Candidate {
            spans: vec![clause],
            triggers: hits,
            kinds,
            actor1: roles.actor1,
            actor2: roles.actor2,
            agentless: roles.agentless_passive,
        };
        match out.last_mut() {
            Some(prev)
                if compatible(prev, &cand, actors)
                    && !tells_prior_event(text, clause)
                    && !another_scene(text, clause, prev, &cand) =>
            {
                prev.absorb(cand);
            }
            _ => out.push(cand),
        }
    }
    out
}

/// The subject of a clause without triggers ("Turkish-backed rebels entered
/// the town" before "after heavy clashes with the SDF"): its first plain
/// actor, which a following trigger clause without an actor of its own takes.
fn subject_of(text: &str, actors: &[(usize, &ActorMention)]) -> Option<usize> {
    actors.iter().find(|(_, m)| relation(text, m.span) == Relation::Plain).map(|(i, _)| *i)
}

/// Reporting verbs that open a claim of its own inside a clause.
const REPORTING: &[&str] = &["says", "said", "say", "claims", "claimed", "reports", "reported"];

/// True for a relative "where" clause that carries a claim of its own, by
/// an acting party of its own, of another kind of act than the
/// unattributed act before it: "the bombardment struck the town, where the
/// army says rebels killed a pilot" tells what else a source says happened
/// at the place, not who bombarded it.
fn another_scene(text: &str, clause: Span, prev: &Candidate, cand: &Candidate) -> bool {
    let Some(s) = clause.slice(text) else { return false };
    let mut words = s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    let opens = words.next().is_some_and(|w| w.eq_ignore_ascii_case("where"));
    let claim = words.take(6).any(|w| REPORTING.iter().any(|r| w.eq_ignore_ascii_case(r)));
    let other_kind = cand.triggers.iter().all(|t| !prev.kinds.has(t.kind));
    opens && claim && prev.actor1.is_none() && cand.actor1.is_some() && other_kind
}

/// Two clauses tell one event unless both name an acting party and the
/// parties differ.
fn compatible(a: &Candidate, b: &Candidate, actors: &[ActorMention]) -> bool {
    match (a.actor1, b.actor1) {
        (Some(x), Some(y)) => actors[x].actor.code == actors[y].actor.code,
        _ => true,
    }
}
