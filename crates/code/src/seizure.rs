//! Seizing, confiscating or burning goods is a strategic development, not a
//! battle. The ACLED codebook's Looting/property destruction covers "looting
//! or seizing goods or property" (a state's seizure too: police seizing a
//! ton of marijuana, forces confiscating a mall), and its Disrupted weapons
//! use covers the seizure of weapons and caches. English puts determiners,
//! numbers and modifiers between the verb and the thing ("seized a GATIA
//! vehicle", "seized about 5 tons of marijuana", "burnt the tribune of
//! honour"), so this finder reads the verb and, a few words on with no
//! punctuation between, a noun of `data/rules/seized_things.tsv`. Seizing a
//! town or control is territory: those nouns are not listed.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{object_after, one_of, prefilter, words_if};

/// Verbs of taking goods from their owners.
const SEIZE: &[&str] = &[
    "seized",
    "seize",
    "seizes",
    "seizing",
    "confiscated",
    "confiscate",
    "confiscates",
    "confiscating",
    "impounded",
    "commandeered",
];

/// Verbs of burning or destroying: only goods count (weapons destroyed are
/// not seized, and a position destroyed is a battle's).
const BURN: &[&str] = &["burnt", "burned", "burning", "torched"];

/// Verbs of destroying, which may only tell what an act of violence did.
const DESTROY: &[&str] = &["destroyed", "destroying", "damaged", "demolished"];

/// Words that end the object: an infinitive of aim or a new clause or
/// adjunct ("burned tires to demand food": the food is what they want).
const ENDS: &[&str] = &["to", "for", "during", "by", "while", "when", "after"];

/// Words that, right after the verb, show it has no direct object.
const NO_OBJECT: &[&str] = &["and", "or", "in", "on", "at", "by", "with", "as", "but", "since", "because"];

/// How many words may come between the verb and the noun ("seized more
/// than a ton of marijuana").
const WINDOW: usize = 6;

static THINGS: LazyLock<HashMap<&'static str, TriggerKind>> = LazyLock::new(|| {
    let table = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/seized_things.tsv"));
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter_map(|(noun, kind)| Some((noun.trim(), TriggerKind::parse(kind.trim())?)))
        .collect()
});

static VERBS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    prefilter(&["seiz", "confiscat", "impound", "commandeer", "burn", "torch", "destroy", "damage", "demolish"])
});

/// Seizures and burnings of goods in `text[within]`: a trigger from the
/// verb to the noun. Weapons among the things make it a disrupted use of
/// weapons.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    let w = words_if(VERBS.as_ref(), text, within);
    let mut out = Vec::new();
    for (k, (verb, word)) in w.iter().enumerate() {
        let (seize, burn) = (one_of(word, SEIZE), one_of(word, BURN) || one_of(word, DESTROY));
        if !(seize || burn) {
            continue;
        }
        let object: Vec<_> =
            object_after(text, &w, k, WINDOW, false).into_iter().take_while(|(_, x)| !one_of(x, ENDS)).collect();
        if object.first().is_some_and(|(_, x)| one_of(x, NO_OBJECT)) {
            continue; // a passive or intransitive use: "have been badly damaged and …"
        }
        if !seize && object.iter().any(|(_, x)| military(x)) {
            continue; // "destroyed an ammunition and weapons-loaded vehicle": a battle's target
        }
        let things: Vec<(Span, TriggerKind)> = object
            .into_iter()
            .filter_map(|(s, x)| Some((s, *THINGS.get(x.to_ascii_lowercase().as_str())?)))
            .filter(|(_, kind)| seize || *kind == TriggerKind::Loot)
            .collect();
        let weapons = things.iter().find(|(_, kind)| *kind == TriggerKind::Demining);
        if let Some((noun, kind)) = weapons.or(things.first()) {
            out.push(TriggerHit { span: Span::new(verb.start, noun.end), kind: *kind });
        }
    }
    out
}

/// A word that makes the thing destroyed a fighting party's: weapons
/// ("ammunition", "weapons-loaded"), a military modifier, or the fighters
/// themselves ("destroyed gatherings and vehicles of the terrorists").
fn military(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    THINGS.get(lower.as_str()) == Some(&TriggerKind::Demining)
        || lower.starts_with("weapon")
        || FIGHTING.contains(&lower.as_str())
}

const FIGHTING: &[&str] = &[
    "military",
    "army",
    "armoured",
    "armored",
    "tank",
    "tanks",
    "gatherings",
    "fighters",
    "terrorists",
    "militants",
    "positions",
    "fortifications",
    "hideouts",
    "dens",
];

/// True for a seizure hit that only tells what an earlier act of violence
/// of the sentence did ("the strike destroyed a building", "shelling
/// damaged houses"): the damage is that act's, not an event of its own.
fn damage_of_violence(text: &str, seizure: &TriggerHit, found: &[TriggerHit]) -> bool {
    let verb = text.get(seizure.span.start..seizure.span.end).and_then(|s| s.split(' ').next()).unwrap_or("");
    let destroying = DESTROY.iter().any(|v| verb.eq_ignore_ascii_case(v));
    destroying && found.iter().any(|h| h.span.end <= seizure.span.start && VIOLENCE.contains(&h.kind))
}

const VIOLENCE: &[TriggerKind] = &[
    TriggerKind::Attack,
    TriggerKind::Clash,
    TriggerKind::Air,
    TriggerKind::Shelling,
    TriggerKind::Explosive,
    TriggerKind::Suicide,
    TriggerKind::Grenade,
];

/// `found` with the seizures of `text[within]`, which take the place of
/// the phrases inside them: "seized bombs" is a seizure, not a bombing, and
/// "destroyed a bridge" property destruction, not an attack.
#[must_use]
pub fn with_seizures(text: &str, within: Span, found: Vec<TriggerHit>) -> Vec<TriggerHit> {
    let own: Vec<TriggerHit> =
        hits(text, within).into_iter().filter(|s| !damage_of_violence(text, s, &found)).collect();
    crate::triggers::with_overriding(found, own)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TriggerKind> {
        hits(text, Span::new(0, text.len())).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn seizures_and_burnings() {
        assert_eq!(kinds("Unknown gunmen on motorbikes seized a GATIA vehicle in Takalout."), [TriggerKind::Loot]);
        assert_eq!(
            kinds("Federal police forces seized about 5 tons of marijuana hidden in a truck."),
            [TriggerKind::Loot]
        );
        assert_eq!(
            kinds("Police seized eight hundred military munitions in a deserted house."),
            [TriggerKind::Demining]
        );
        assert_eq!(kinds("Taxi bike riders burnt one vehicle in the town."), [TriggerKind::Loot]);
        assert!(kinds("Militants seized the town of Kafr Nabl.").is_empty(), "territory");
        assert!(kinds("The man was burned to death, and his house was spared.").is_empty(), "a person, then a break");
        assert!(kinds("They burned weapons found in the house.").iter().all(|k| *k == TriggerKind::Loot));
        assert_eq!(kinds("Gendarmerie forces destroyed 9 PKK shelters near the village."), [TriggerKind::Loot]);
        assert!(kinds("Residents burned tires to demand food.").is_empty(), "the food is the demand");
        assert!(kinds("Stations have been badly damaged and humanitarian aid has not arrived.").is_empty(), "passive");
        assert!(kinds("Troops destroyed rebel positions.").is_empty(), "a battle's");
        assert!(kinds("An army unit destroyed an ammunition and weapons-loaded vehicle.").is_empty(), "a battle's");
    }
}
