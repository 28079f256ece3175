//! Crowds acting: violence by an unorganised group of people ("a group of
//! youths clashed with residents", "a thief was beaten up by locals",
//! "two groups of drivers clashed") is mob violence, not a battle between
//! armed organised groups (ACLED codebook: Riots, Mob violence).
//!
//! The crowd noun must be the doer: before an active trigger, after "by"
//! behind the trigger, or a side of a reciprocal "clash between two groups"; "armed group" is no crowd,
//! nor an "Islamist-led group" (a body with leaders is organised). The nouns are
//! `data/rules/crowd_nouns.txt`.

use std::collections::HashSet;
use std::sync::LazyLock;

use sitrep_model::Span;

use crate::words::{armed_before, by_before, in_set, list, words};

static NOUNS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| list(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/rules/crowd_nouns.txt"))));

/// True when a crowd is the doer of the trigger at `anchor` in `clause`.
#[must_use]
pub fn acting(text: &str, clause: Span, anchor: Span) -> bool {
    let passive = crate::roles::is_passive(text, clause, anchor);
    let ws = words(text, clause);
    ws.iter().enumerate().any(|(i, (span, w))| {
        let agent = span.start >= anchor.end && by_before(&ws, i);
        let reciprocal = ws[i.saturating_sub(4)..i].iter().any(|(_, w)| w.eq_ignore_ascii_case("between"));
        let subject = !passive && span.end <= anchor.start && !placed(&ws, i) && !armed_after(&ws, i, anchor);
        let doer = agent || reciprocal || subject;
        doer && in_set(&NOUNS, w) && !armed_before(&ws, i, 2)
    })
}

/// True when the noun at `i` is in a place phrase ("in El Vado
/// community", "near the community"): a locative within the
/// three words before it.
fn placed(ws: &[(Span, &str)], i: usize) -> bool {
    let from = i.saturating_sub(3);
    ws[from..i].iter().enumerate().any(|(j, (_, w))| {
        let quantity = ws
            .get(from + j + 1)
            .is_some_and(|(_, n)| n.eq_ignore_ascii_case("least") || n.eq_ignore_ascii_case("most"));
        ["in", "at", "near", "inside"].iter().any(|p| w.eq_ignore_ascii_case(p)) && !quantity
    })
}

/// True when an armed noun phrase stands between the noun at `i` and the
/// trigger: it, not the crowd, is the subject ("in El Vado community,
/// unidentified armed individuals shot dead a leader").
fn armed_after(ws: &[(Span, &str)], i: usize, anchor: Span) -> bool {
    let between = ws[i + 1..].iter().take_while(|(s, _)| s.end <= anchor.start);
    between.clone().enumerate().any(|(j, _)| armed_before(ws, i + 1 + j + 1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crowd(text: &str, trigger: &str) -> bool {
        let at = text.find(trigger).expect("trigger in text");
        acting(text, Span::new(0, text.len()), Span::new(at, at + trigger.len()))
    }

    #[test]
    fn crowds_as_doers() {
        assert!(crowd("A group of youths clashed with residents of the quarter.", "clashed"));
        assert!(crowd("A suspected thief was beaten by locals.", "beaten"));
        assert!(crowd("A clash took place between two groups of the village over land.", "clash"));
        assert!(!crowd("An armed group attacked the village.", "attacked"));
        assert!(!crowd("Gunmen attacked a group of villagers.", "attacked"));
        assert!(!crowd("Several Islamist-led groups launched an offensive.", "offensive"));
        assert!(!crowd("In El Vado community, unidentified armed individuals shot dead a leader.", "shot dead"));
        assert!(crowd("Dozens of villagers beat a suspected thief to death.", "beat"));
        assert!(crowd("At least 5 citizens attacked police officers.", "attacked"), "a count, not a place");
    }
}
