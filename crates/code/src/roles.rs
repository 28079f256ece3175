//! Who acts and who is acted upon, from light syntax inside a clause.
//!
//! Each actor mention gets a relation from the words around it:
//! - agent: after "by" ("killed by gunmen", "an attack by Taliban militants"),
//!   or glued to a verb of doing ("Taliban-planted", "ISIS-fired");
//! - owner: the target's holder ("a camp held by ISIS", "the ISIS-controlled
//!   town", "the terrorists' positions");
//! - associate: a supporter, not the actor ("supported by the Russian
//!   Airspace Forces", "Ankara-backed");
//! - plain: anything else.
//!
//! actor1 is the first agent, else (active voice) the last plain actor before
//! the trigger. actor2 is, in the passive, the plain actor before the trigger
//! (the subject: "3 soldiers were killed"); in the active, the first plain or
//! owner actor after it.

use sitrep_model::{ActorMention, ActorRole, Span};

use crate::triggers::{TriggerHit, TriggerKind};

/// How an actor mention relates to the event in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Agent,
    Owner,
    Associate,
    /// A country named as where, not who ("in Syria", "the border with
    /// Syria"): not a party.
    Locative,
    Plain,
}

/// The roles found in a clause: indices into the actor list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles {
    pub actor1: Option<usize>,
    pub actor2: Option<usize>,
    /// The trigger is a passive with no agent named ("were targeted").
    pub agentless_passive: bool,
}

const OWNER_VERBS: &[&str] =
    &["held by", "controlled by", "occupied by", "run by", "belonging to", "used by", "manned by"];
const ASSOCIATE_VERBS: &[&str] = &[
    "supported by",
    "backed by",
    "aided by",
    "assisted by",
    "with the support of",
    "escorted by",
    "accompanied by",
    "allied with",
];
const AGENT_SUFFIXES: &[&str] = &["-planted", "-fired", "-led", "-launched", "-laid"];
/// The possessive marks the actor as owning the head noun after it: "'s",
/// and the bare "s" of a possessive that lost its apostrophe ("Al-Qaedas
/// Syrian affiliate", read by the actor recogniser as the phrase and an "s").
const OWNER_SUFFIXES: &[&str] = &["-controlled", "-held", "-occupied", "-run", "'s", "' ", "\u{2019}s", "s "];
const ASSOCIATE_SUFFIXES: &[&str] = &["-backed", "-supported", "-allied", "-affiliated", "-linked"];
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "into",
    "across",
    "toward",
    "towards",
    "within",
    "throughout",
    "through",
    "from",
    "with",
    "over",
    "to",
    "of",
    "along",
    "outside",
    "around",
];
/// Past participles of trigger verbs that do not end in "-ed".
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "hit", "struck", "shot", "slain", "taken", "overrun", "hurt", "beaten", "blown", "burnt", "caught", "held",
    "stolen",
];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got", "get"];

/// The relation of the actor at `span` in `text`.
#[must_use]
pub fn relation(text: &str, span: Span) -> Relation {
    let before = strip_determiners(window_before(text, span.start, 40).trim_end()).to_ascii_lowercase();
    let after_l = window_after(text, span.end, 16).to_ascii_lowercase();
    if ASSOCIATE_VERBS.iter().any(|v| before.ends_with(v)) || ASSOCIATE_SUFFIXES.iter().any(|s| after_l.starts_with(s))
    {
        Relation::Associate
    } else if OWNER_VERBS.iter().any(|v| before.ends_with(v)) || OWNER_SUFFIXES.iter().any(|s| after_l.starts_with(s)) {
        Relation::Owner
    } else if before.ends_with(" by") || before == "by" || AGENT_SUFFIXES.iter().any(|s| after_l.starts_with(s)) {
        Relation::Agent
    } else {
        Relation::Plain
    }
}

/// "… held by the" → "… held by": articles and possessives between a verb
/// and its actor do not change the relation, nor do up to
/// [`MAX_MODIFIERS`] modifiers of the actor's head noun ("shot dead by
/// unidentified motorcycle-riding assailants", "by two armed men"): a noun
/// phrase's premodifiers are numerals, adjectives and hyphenated compounds,
/// never the verb that would end the phrase.
fn strip_determiners(before: &str) -> &str {
    let mut s = before;
    let mut modifiers = 0;
    loop {
        let trimmed = ["the", "a", "an", "its", "their", "his", "her", "some", "unknown", "suspected"]
            .iter()
            .find_map(|d| strip_word(s, d))
            .map(str::trim_end);
        let modifier = || {
            let (rest, last) = s.rsplit_once(' ')?;
            (modifiers < MAX_MODIFIERS && is_modifier(last)).then(|| rest.trim_end())
        };
        match trimmed {
            Some(t) => s = t,
            None => match modifier() {
                Some(t) => {
                    s = t;
                    modifiers += 1;
                }
                None => return s,
            },
        }
    }
}

/// `s` without its last word when that word is `word` (any case).
fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(word.len())?;
    let rest = s.get(..cut)?;
    let last = s.get(cut..)?;
    (last.eq_ignore_ascii_case(word) && (rest.is_empty() || rest.ends_with(' '))).then_some(rest)
}

/// How many premodifiers of an actor's head noun [`strip_determiners`] looks past.
const MAX_MODIFIERS: usize = 3;

/// Premodifiers of a perpetrator noun that ACLED notes and news use.
const MODIFIERS: &[&str] = &[
    "unidentified",
    "armed",
    "masked",
    "alleged",
    "presumed",
    "several",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "heavily",
    "more",
    "other",
];

/// True for a numeral, a hyphenated compound ("motorcycle-riding",
/// "pro-government"), a listed modifier, or an acronym ("by presumed LNA
/// forces": a group's initials before the head noun the recogniser knows).
fn is_modifier(word: &str) -> bool {
    let numeral = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    let compound = word.contains('-') && word.chars().all(|c| c.is_alphanumeric() || c == '-');
    let acronym = word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase());
    numeral || compound || acronym || MODIFIERS.contains(&word.to_ascii_lowercase().as_str())
}

/// Up to `n` bytes of `text` before `at`, cut on a character boundary.
fn window_before(text: &str, at: usize, n: usize) -> &str {
    let mut from = at.saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}

/// Up to `n` bytes of `text` after `at`, cut on a character boundary.
fn window_after(text: &str, at: usize, n: usize) -> &str {
    let mut to = (at + n).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[at..to]
}

/// True when the word before `span` is a locative preposition.
/// Also after a noun of a settlement in apposition ("the Kazakh capital
/// Astana", "the town Jarablus"): the name is that settlement's.
pub(crate) fn after_locative(text: &str, span: Span) -> bool {
    let before = window_before(text, span.start, 16);
    let word = before.split_whitespace().next_back().unwrap_or("").to_ascii_lowercase();
    LOCATIVE.contains(&word.as_str()) || SETTLEMENT_NOUNS.contains(&word.as_str())
}

/// Nouns of a settlement that a name may follow in apposition.
const SETTLEMENT_NOUNS: &[&str] = &["capital", "city", "town", "village"];

/// True when the trigger at `trigger` reads as a passive: a form of "be"
/// within the three words before it ("were also targeted", "was killed").
#[must_use]
pub fn is_passive(text: &str, clause: Span, trigger: Span) -> bool {
    let before = &text[clause.start.min(trigger.start)..trigger.start];
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    // The participle of a trigger of several words is its first ("shot
    // dead", "beaten to death").
    let word = text[trigger.start..trigger.end].split(' ').next().unwrap_or("");
    let participle = word.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&word);
    participle && words.iter().any(|w| is_be(w))
}

/// True for a form of "be", not an acronym spelt like one ("IS militants
/// attacked": the Islamic State).
fn is_be(word: &str) -> bool {
    let word = word.trim_matches(',');
    let acronym = word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase());
    !acronym && BE.contains(&word.to_ascii_lowercase().as_str())
}

/// True when `span` sits inside an open parenthesis: "(Rafi LGA, Niger)"
/// after a place is its admin chain, and a country or state named there is
/// where, not who.
fn in_parenthesis(text: &str, span: Span) -> bool {
    let from = span.start.saturating_sub(80);
    let Some(before) = text.get(from..span.start).or_else(|| text.get(..span.start)) else { return false };
    match (before.rfind('('), before.rfind(')')) {
        (Some(open), Some(close)) => open > close,
        (Some(_), None) => true,
        _ => false,
    }
}

/// True when an actor mention is a place: a country ("in Syria", "(Rafi
/// LGA, Niger)"), or a capital that the dictionaries list as its government
/// ("Belgrade said"), written as one capitalised word ("protested in
/// Belgrade"), not "in the government's name", after a locative or inside
/// a place's parenthesis.
pub(crate) fn locative_name(text: &str, m: &ActorMention) -> bool {
    let word = text.get(m.span.start..m.span.end).unwrap_or("");
    let capital_name = m.actor.role == ActorRole::Government
        && !word.contains(' ')
        && word.chars().next().is_some_and(char::is_uppercase);
    let place_word = after_locative(text, m.span) || in_parenthesis(text, m.span) || qualifies_place(text, m.span);
    (m.actor.role == ActorRole::State || capital_name) && place_word
}

/// True when the name at `span` follows a place after a locative and a
/// comma, "In Kisumu, Kenya, police seized …": the country in apposition
/// qualifies the place (the "X, Y" chain of news place names).
fn qualifies_place(text: &str, span: Span) -> bool {
    let Some(before) = text.get(..span.start).and_then(|b| b.strip_suffix(", ")) else { return false };
    let word = before.rsplit(' ').next().unwrap_or("");
    let start = before.len() - word.len();
    word.chars().next().is_some_and(char::is_uppercase) && after_locative(text, Span::new(start, before.len()))
}

/// Assign roles in a clause. `actors` are the clause's actor mentions (with
/// their indices in the document's list), in text order.
#[must_use]
pub fn assign(text: &str, clause: Span, hit: TriggerHit, actors: &[(usize, &ActorMention)]) -> Roles {
    let trigger = hit.span;
    let rel: Vec<(usize, Span, Relation)> = actors
        .iter()
        .map(|(i, m)| {
            let r = if locative_name(text, m) { Relation::Locative } else { relation(text, m.span) };
            (*i, m.span, r)
        })
        .collect();
    let passive = is_passive(text, clause, trigger);
    // The agent of this trigger: the first "by X" after it, else the nearest
    // before it ("villages taken by government forces had been recaptured by
    // the rebels": the rebels recaptured them).
    let agents = || rel.iter().filter(|r| r.2 == Relation::Agent);
    let agent = agents().find(|r| r.1.start >= trigger.start).or_else(|| agents().next_back()).map(|r| r.0);
    let mut befores =
        rel.iter().rev().filter(|r| (r.1.start < trigger.start || r.1.contains(trigger)) && r.2 == Relation::Plain);
    let nearest = befores.next();
    let before = match (nearest, befores.next()) {
        (Some(n), Some(subject)) if hit.kind == TriggerKind::Posture && premodifies(text, n.1, trigger) => {
            Some(subject.0)
        }
        (Some(n), Some(first)) if coordinated(text, first.1, n.1) => Some(first.0),
        (n, _) => n.map(|r| r.0),
    };
    let after = rel
        .iter()
        .find(|r| r.1.start >= trigger.end && matches!(r.2, Relation::Plain | Relation::Owner) && Some(r.0) != agent)
        .map(|r| r.0);
    let owner = rel.iter().find(|r| r.2 == Relation::Owner).map(|r| r.0);
    let actor1 = agent.or(if passive { None } else { before });
    let actor2 = if passive { before.or(owner) } else { after.or(owner) };
    if actor1.is_none() {
        if let Some((a, b)) = reciprocal(text, clause, &rel) {
            return Roles { actor1: Some(a), actor2: b, agentless_passive: false };
        }
    }
    Roles { actor1, actor2: actor2.filter(|a| Some(*a) != actor1), agentless_passive: passive && agent.is_none() }
}

/// "Malian and French forces entered": a coordinated subject's first
/// conjunct leads (ACLED's actor1; the other is its ally, not its target).
fn coordinated(text: &str, first: Span, second: Span) -> bool {
    text.get(first.end..second.start).is_some_and(|g| matches!(g.trim(), "and" | "," | ", and"))
}

/// True when the actor at `actor` stands right before the trigger as its
/// modifier: "military reinforcements", "army convoy". Before a noun of
/// posture such a modifier says what kind of force moved, not whose: "Turkish
/// forces brought military reinforcements" names the mover as the subject.
fn premodifies(text: &str, actor: Span, trigger: Span) -> bool {
    text.get(actor.end..trigger.start) == Some(" ")
}

/// The armed party named right before a noun of violence in the clause
/// ("killed in rebel shelling of the district", "government shelling",
/// "Taliban attacks", "a police raid"): a noun's modifier is its agent. Not
/// before a participle ("soldiers killed", "militants shot dead": that is
/// the one acted upon), nor before a noun of movement or posture ("military
/// reinforcements" names no party). `hits` are the clause's triggers.
#[must_use]
pub fn premodifier_agent(text: &str, hits: &[TriggerHit], actors: &[(usize, &ActorMention)]) -> Option<usize> {
    premodified(text, hits, actors, false)
}

/// [`premodifier_agent`] where the noun is plainly a noun, its target
/// given by a preposition ("government shelling of the town", "rebel
/// attacks on the base"), not a verb's object ("the regime bombing
/// ISIS-held parts", where the party may be one of several subjects).
#[must_use]
pub fn nominal_agent(text: &str, hits: &[TriggerHit], actors: &[(usize, &ActorMention)]) -> Option<usize> {
    premodified(text, hits, actors, true)
}

fn premodified(
    text: &str,
    hits: &[TriggerHit],
    actors: &[(usize, &ActorMention)],
    with_preposition: bool,
) -> Option<usize> {
    let armed = |r: ActorRole| {
        matches!(
            r,
            ActorRole::Military
                | ActorRole::Police
                | ActorRole::Rebel
                | ActorRole::Militant
                | ActorRole::Militia
                | ActorRole::Unidentified
                // "government shelling": its forces' (`parties::acting`).
                | ActorRole::Government
                | ActorRole::State
        )
    };
    let violence = |h: &TriggerHit| {
        matches!(
            h.kind,
            TriggerKind::Attack
                | TriggerKind::Clash
                | TriggerKind::Air
                | TriggerKind::Shelling
                | TriggerKind::Explosive
                | TriggerKind::Suicide
                | TriggerKind::Grenade
        )
    };
    let preposition = |h: &TriggerHit| {
        let next = text.get(h.span.end..).and_then(|r| r.split_whitespace().next()).unwrap_or("");
        matches!(next, "of" | "on" | "against")
    };
    let noun = |h: &TriggerHit| {
        let word = text.get(h.span.start..h.span.end).unwrap_or("");
        let first = word.split(' ').next().unwrap_or(word);
        violence(h)
            && !(first.ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&first))
            && (!with_preposition || preposition(h))
    };
    actors
        .iter()
        .filter(|(_, m)| armed(m.actor.role))
        .find(|(_, m)| hits.iter().any(|h| text.get(m.span.end..h.span.start) == Some(" ") && noun(h)))
        .map(|(i, _)| *i)
}

/// "Clashes erupted between A and B", "fighting between A and B": the
/// reciprocal "between" names both sides, the first as actor1.
fn reciprocal(text: &str, clause: Span, rel: &[(usize, Span, Relation)]) -> Option<(usize, Option<usize>)> {
    let slice = clause.slice(text)?;
    let at = clause.start + slice.as_bytes().windows(8).position(|w| w.eq_ignore_ascii_case(b"between "))?;
    let mut sides = rel.iter().filter(|r| r.1.start > at && r.2 == Relation::Plain).map(|r| r.0);
    let first = sides.next()?;
    Some((first, sides.next()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, what: &str) -> Span {
        let i = text.find(what).unwrap_or(0);
        Span::new(i, i + what.len())
    }

    #[test]
    fn between_names_both_sides() {
        let t = "Clashes erupted between rebels and soldiers.";
        let actors = [(0, span_of(t, "rebels")), (1, span_of(t, "soldiers"))];
        let rel: Vec<(usize, Span, Relation)> = actors.iter().map(|(i, s)| (*i, *s, Relation::Plain)).collect();
        assert_eq!(reciprocal(t, Span::new(0, t.len()), &rel), Some((0, Some(1))));
        assert_eq!(reciprocal("Rebels attacked soldiers.", Span::new(0, 25), &rel), None);
    }

    #[test]
    fn relations() {
        let t = "a camp held by ISIS; killed by gunmen; the ISIS-controlled town; supported by the Russian Airspace Forces; a Taliban-planted IED; Ankara-backed groups";
        for (what, rel) in [
            ("ISIS", Relation::Owner),
            ("gunmen", Relation::Agent),
            ("Russian Airspace Forces", Relation::Associate),
            ("Taliban", Relation::Agent),
            ("Ankara", Relation::Associate),
        ] {
            assert_eq!(relation(t, span_of(t, what)), rel, "{what}");
        }
        let t5 = "indiscriminate shells fired by presumed LNA forces";
        assert_eq!(relation(t5, span_of(t5, "forces")), Relation::Agent);
        let t3 = "a reporter was shot dead by unidentified motorcycle-riding assailants";
        assert_eq!(relation(t3, span_of(t3, "assailants")), Relation::Agent);
        let t4 = "shelling by the army killed two rebels";
        assert_eq!(relation(t4, span_of(t4, "rebels")), Relation::Plain);
        let t2 = "the ISIS-controlled town";
        assert_eq!(relation(t2, span_of(t2, "ISIS")), Relation::Owner);
    }

    #[test]
    fn action_nouns_take_their_modifier_as_agent() {
        use sitrep_model::{Actor, ActorCode};
        let m = |t: &str, what: &str, role| ActorMention {
            span: span_of(t, what),
            actor: Actor { name: what.into(), code: ActorCode::new("REB").expect("valid"), country: None, role },
        };
        let t = "Six were killed in rebel shelling of the district.";
        let rebels = m(t, "rebel", ActorRole::Rebel);
        let hit = |t: &str, w: &str, kind| TriggerHit { span: span_of(t, w), kind };
        let hits = [hit(t, "killed", TriggerKind::Kill), hit(t, "shelling", TriggerKind::Shelling)];
        assert_eq!(premodifier_agent(t, &hits, &[(4, &rebels)]), Some(4));
        let t = "Six soldiers killed in the ambush.";
        let soldiers = m(t, "soldiers", ActorRole::Military);
        assert_eq!(premodifier_agent(t, &[hit(t, "killed", TriggerKind::Kill)], &[(2, &soldiers)]), None);
        let t = "Troops brought military reinforcements.";
        let military = m(t, "military", ActorRole::Military);
        assert_eq!(premodifier_agent(t, &[hit(t, "reinforcements", TriggerKind::Posture)], &[(0, &military)]), None);
    }

    #[test]
    fn passives() {
        let t = "the positions were also targeted";
        assert!(is_passive(t, Span::new(0, t.len()), span_of(t, "targeted")));
        let t = "Russian jets hit the terrorists";
        assert!(!is_passive(t, Span::new(0, t.len()), span_of(t, "hit")));
        let t = "three traders were shot dead";
        assert!(is_passive(t, Span::new(0, t.len()), span_of(t, "shot dead")));
        let t = "a thief was beaten to death";
        assert!(is_passive(t, Span::new(0, t.len()), span_of(t, "beaten to death")));
        let t = "IS militants attacked Iraqi forces";
        assert!(!is_passive(t, Span::new(0, t.len()), span_of(t, "attacked")));
    }
}
