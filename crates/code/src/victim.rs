//! Unarmed victims: violence done to a person named by sex, age, kinship,
//! trade or condition ("a taxi driver was shot", "gunmen killed two
//! farmers", "the body of a man was found") is violence against civilians
//! (ACLED codebook: "violence ... upon unarmed non-combatants"; bodies found
//! with signs of violence are coded as attacks by an unidentified group).
//!
//! The noun must not be in an agent phrase ("by 15 men", "armed men"); a
//! crowd as the doer is read first, by the mob violence rule. The nouns are
//! `data/rules/civilian_nouns.txt`.

use std::collections::HashSet;
use std::sync::LazyLock;

use sitrep_model::Span;

use crate::words::{armed_before, by_before, in_set, list, words};

static NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| list(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/civilian_nouns.txt"))));

/// Civilian places as the direct object of an attack ("attacked the village
/// of X", "raided houses"): the people there are the target (codebook,
/// Attack: an armed group "attacks unarmed civilians", villages included).
const TARGETS: &[&str] =
    &["village", "villages", "hamlet", "hamlets", "house", "houses", "home", "homes", "residence", "market"];

/// How close after the trigger a civilian place must be to be its object.
const OBJECT_WORDS: usize = 3;

/// True when the clause `clause`, with its trigger at `anchor`, names an
/// unarmed person as the one the violence was done to, or a civilian place
/// as the attack's direct object.
#[must_use]
pub fn names_civilian(text: &str, clause: Span, anchor: Span) -> bool {
    let ws = words(text, clause);
    let person = ws.iter().enumerate().any(|(i, (span, w))| {
        !anchor.overlaps(*span) && in_set(&NOUNS, w) && !armed_before(&ws, i, 3) && !by_before(&ws, i)
    });
    let after = ws.iter().skip_while(|(span, _)| span.start < anchor.end).take(OBJECT_WORDS);
    person || after.into_iter().any(|(_, w)| TARGETS.iter().any(|t| w.eq_ignore_ascii_case(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn civilian(text: &str, trigger: &str) -> bool {
        let at = text.find(trigger).expect("trigger in text");
        names_civilian(text, Span::new(0, text.len()), Span::new(at, at + trigger.len()))
    }

    #[test]
    fn patients_that_are_unarmed_people() {
        assert!(civilian("A gendarme shot and killed a taxi driver after a dispute.", "shot and killed"));
        assert!(civilian("A shepherd was killed by soldiers.", "killed"));
        assert!(civilian("The body of a man was found under a bridge.", "body of a"));
        assert!(!civilian("A soldier was killed by armed men.", "killed"));
        assert!(!civilian("Rebels attacked an army post near the village.", "attacked"));
        assert!(civilian("Militiamen attacked the village of Foo.", "attacked"));
        assert!(!civilian("The officer was stabbed to death by four armed inmates.", "stabbed to death"));
    }
}
