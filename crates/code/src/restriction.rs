//! A restriction imposed is a strategic development: the codebook's
//! "Change to group/activity" covers authorities imposing curfews,
//! lockdowns, states of emergency and bans on movement. News names the
//! restriction with its own modifiers between the verb and the noun ("began
//! enforcing a 2-day curfew", "declared the imposition of a three day
//! comprehensive curfew", "instituted a ban on all travel"), which no fixed
//! phrase list covers; this finder reads an imposing verb and, within a few
//! words after it, a restriction noun.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{may_hold, words};

/// Verbs that put a restriction in force.
const IMPOSE: &[&str] = &[
    "impose",
    "imposed",
    "imposes",
    "imposing",
    "declare",
    "declared",
    "declares",
    "declaring",
    "announce",
    "announced",
    "announces",
    "announcing",
    "enforce",
    "enforced",
    "enforces",
    "enforcing",
    "institute",
    "instituted",
    "institutes",
    "instituting",
    "order",
    "ordered",
    "orders",
    "extend",
    "extended",
    "extends",
    "extending",
    "introduce",
    "introduced",
    "introduces",
    "imposition",
];

/// Restrictions on a population's movement or assembly.
const RESTRICTIONS: &[&str] = &["curfew", "curfews", "lockdown", "lockdowns", "emergency", "ban", "bans"];

/// The restriction nouns anywhere in a text, case-insensitively: a sentence
/// with none is not read word by word.
static NOUNS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::builder().ascii_case_insensitive(true).build(RESTRICTIONS).ok());

/// How many words after the verb the restriction noun may come.
const WINDOW: usize = 6;

/// Posture triggers for restrictions imposed in `text[within]`, from the
/// verb to the restriction noun.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    if !may_hold(NOUNS.as_ref(), text, within) {
        return Vec::new();
    }
    let w = words(text, within);
    let is = |word: &str, list: &[&str]| list.iter().any(|x| word.eq_ignore_ascii_case(x));
    let mut out: Vec<TriggerHit> = Vec::new();
    // The noun first: most sentences name no restriction, and the verb
    // list is long.
    for (k, (end, _)) in w.iter().enumerate().filter(|(_, (_, x))| is(x, RESTRICTIONS)) {
        let verbs = w[k.saturating_sub(WINDOW)..k].iter().filter(|(_, x)| is(x, IMPOSE));
        for (verb, _) in verbs {
            if !out.iter().any(|h| h.span.start == verb.start) {
                out.push(TriggerHit { span: Span::new(verb.start, end.end), kind: TriggerKind::Posture });
            }
        }
    }
    out.sort_by_key(|h| h.span.start);
    out
}

/// `hits` with the restrictions of `text[within]` that no other trigger
/// overlaps, in text order.
#[must_use]
pub fn with_restrictions(text: &str, within: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    crate::triggers::with_extra(hits, self::hits(text, within))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> usize {
        hits(text, Span::new(0, text.len())).len()
    }

    #[test]
    fn restrictions_with_modifiers() {
        assert_eq!(found("The government began enforcing a 2-day curfew in 24 provinces."), 1);
        assert_eq!(found("The council declared the imposition of a three day comprehensive curfew."), 1);
        assert_eq!(found("The governor instituted a ban on all travel."), 1);
        assert_eq!(found("Protesters defied the curfew."), 0);
        assert_eq!(found("He ordered the troops to advance towards the town and its curfew."), 0);
    }
}
