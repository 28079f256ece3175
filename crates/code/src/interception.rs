//! Bringing down a drone or a missile is a disrupted use of weapons, not a
//! battle. The ACLED codebook's Disrupted weapons use covers the
//! interception of drones, missiles and rockets by air defences. News puts
//! the weapon's owner and kind between the verb and the noun ("shot down
//! two pro-Houthi reconnaissance drones", "intercepted a ballistic
//! missile"), so this finder reads the verb and, a few words on within the
//! clause, the thing flown.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{object_after, one_of, prefilter, words_if};

/// Verbs of interception; "shot"/"shut" need "down" after them.
const VERBS: &[&str] = &["intercepted", "intercepting", "downed", "downing"];
const SHOT: &[&str] = &["shot", "shooting", "shut"];

/// What an air defence brings down (a manned aircraft shot down is not
/// read: the codebook has no one rule for it).
const FLOWN: &[&str] =
    &["drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets", "projectile", "projectiles"];

/// How many words the owner and kind may take ("a Turkish air drone").
const WINDOW: usize = 6;

static PREFILTER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| prefilter(&["intercept", "shot down", "shut down", "shooting down", "downed", "downing"]));

/// Interceptions in `text[within]`: a trigger from the verb to the thing.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    let w = words_if(PREFILTER.as_ref(), text, within);
    let mut out = Vec::new();
    for (k, (verb, word)) in w.iter().enumerate() {
        let down = |i: usize| w.get(i).is_some_and(|(_, x)| x.eq_ignore_ascii_case("down"));
        let from = if one_of(word, VERBS) {
            k
        } else if one_of(word, SHOT) && down(k + 1) {
            k + 1
        } else {
            continue;
        };
        if let Some((noun, _)) = object_after(text, &w, from, WINDOW, false).into_iter().find(|(_, x)| one_of(x, FLOWN))
        {
            out.push(TriggerHit { span: Span::new(verb.start, noun.end), kind: TriggerKind::Demining });
        }
    }
    out
}

/// `found` with the interceptions of `text[within]`, which take the place
/// of the phrases inside them ("shot down a drone" is no shooting).
#[must_use]
pub fn with_interceptions(text: &str, within: Span, found: Vec<TriggerHit>) -> Vec<TriggerHit> {
    crate::triggers::with_overriding(found, hits(text, within))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> usize {
        hits(text, Span::new(0, text.len())).len()
    }

    #[test]
    fn interceptions() {
        assert_eq!(found("Government forces shot down two rebel reconnaissance drones over the front."), 1);
        assert_eq!(found("Air defences intercepted a ballistic missile over the capital."), 1);
        assert_eq!(found("Police shot down the suspect near the market."), 0);
        assert_eq!(found("The mayor downed a glass of water; drones flew later."), 0);
    }
}
