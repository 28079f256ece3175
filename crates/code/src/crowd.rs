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
        let doer = agent || reciprocal || (!passive && span.end <= anchor.start);
        doer && in_set(&NOUNS, w) && !armed_before(&ws, i, 2)
    })
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
    }
}
