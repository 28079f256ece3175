//! Capturing people is not capturing ground. "Rebels captured two
//! soldiers", "they killed a pilot they had captured": the capture verb's
//! object is people, so the act is a taking of people (ACLED: abduction or
//! forced disappearance, or an arrest by a state's forces), never a change
//! of territory, which needs a place as the thing taken. A capture trigger
//! with a person as its object (right after it, past a number or a
//! determiner) or as the head it modifies ("a pilot they captured") is read
//! as an abduction.

use std::collections::HashSet;
use std::sync::LazyLock;

use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{in_set, list, words};

/// Nouns of people who can be taken: the civilian nouns and combatants.
static PEOPLE: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut set = list(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/civilian_nouns.txt")));
    set.extend(COMBATANTS);
    set
});

/// Combatants, singular and plural.
const COMBATANTS: &[&str] = &[
    "soldier",
    "soldiers",
    "pilot",
    "pilots",
    "fighter",
    "fighters",
    "officer",
    "officers",
    "militant",
    "militants",
    "commander",
    "commanders",
    "troops",
    "guard",
    "guards",
    "policeman",
    "policemen",
    "hostage",
    "hostages",
    "prisoner",
    "prisoners",
    "member",
    "members",
];

/// Words that may stand between a verb and its object's noun.
const BETWEEN: &[&str] = &["a", "an", "the", "two", "three", "four", "five", "several", "dozens", "of", "its", "their"];

/// Pronouns that open an object relative clause after its head noun.
const RELATIVE: &[&str] = &["they", "he", "she", "who", "whom", "that", "had", "have", "been", "was", "were"];

/// `hits` with each capture of people read as an abduction.
#[must_use]
pub fn as_abductions(text: &str, sentence: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    if !hits.iter().any(|h| h.kind == TriggerKind::Capture) {
        return hits;
    }
    let ws = words(text, sentence);
    hits.into_iter()
        .map(|h| {
            let people = h.kind == TriggerKind::Capture && takes_people(&ws, h.span);
            if people {
                TriggerHit { kind: TriggerKind::Abduct, ..h }
            } else {
                h
            }
        })
        .collect()
}

fn takes_people(ws: &[(Span, &str)], trigger: Span) -> bool {
    let Some(at) = ws.iter().position(|(s, _)| s.overlaps(trigger)) else { return false };
    let person = |w: &str| in_set(&PEOPLE, &w.to_ascii_lowercase());
    let skip = |w: &str| BETWEEN.iter().any(|b| w.eq_ignore_ascii_case(b)) || w.bytes().all(|b| b.is_ascii_digit());
    let object = ws[at + 1..].iter().map(|(_, w)| *w).find(|w| !skip(w)).is_some_and(person);
    let head =
        ws[..at].iter().rev().map(|(_, w)| *w).skip_while(|w| RELATIVE.iter().any(|r| w.eq_ignore_ascii_case(r)));
    let before = ws[..at].iter().rev().take(1).any(|(_, w)| RELATIVE.iter().any(|r| w.eq_ignore_ascii_case(r)));
    object || (before && head.take(1).any(person)) || passive_subject(ws, at, person)
}

/// "3 PKK militants were killed, injured or captured": the subject of a
/// passive capture is what was taken. The nearest "was"/"were" within
/// [`PASSIVE_REACH`] words before the trigger, with a person noun right
/// before it.
fn passive_subject(ws: &[(Span, &str)], at: usize, person: impl Fn(&str) -> bool) -> bool {
    let from = at.saturating_sub(PASSIVE_REACH);
    let be = ws[from..at].iter().rposition(|(_, w)| w.eq_ignore_ascii_case("were") || w.eq_ignore_ascii_case("was"));
    be.and_then(|b| (from + b).checked_sub(1)).is_some_and(|s| person(ws[s].1))
}

/// How many words a passive's "were" may stand before its capture verb
/// ("were killed, injured or captured").
const PASSIVE_REACH: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triggers::Triggers;

    fn kinds(text: &str) -> Vec<TriggerKind> {
        let t = Triggers::new().expect("lexicon compiles");
        let all = Span::new(0, text.len());
        as_abductions(text, all, t.find(text, all)).iter().map(|h| h.kind).collect()
    }

    #[test]
    fn people_taken_are_abducted_ground_taken_is_captured() {
        use TriggerKind as K;
        assert_eq!(kinds("Rebels captured two soldiers near the town."), [K::Abduct]);
        assert_eq!(kinds("Rebels killed a pilot they captured."), [K::Kill, K::Abduct]);
        assert_eq!(kinds("Rebels captured the town of Kafr Nabl."), [K::Capture]);
        assert_eq!(kinds("Troops captured 3 villages."), [K::Capture]);
        assert_eq!(kinds("3 militants were killed, injured or captured."), [K::Kill, K::Injure, K::Abduct]);
        assert_eq!(kinds("The town was captured."), [K::Capture]);
    }
}
