//! A gathering that makes a demand is a demonstration. The codebook's
//! protest is "a public demonstration in which the participants do not
//! engage in violence"; news often tells one only as people coming together
//! and what they want: "workers gathered at the square to demand their
//! wages", "merchants gathered in front of City Hall demanding the
//! reopening", "teachers assembled to protest the cuts". A verb of coming
//! together is not a protest alone ("families gathered for the funeral"),
//! so this finder reads the verb and, a few words after it in the same
//! sentence, a word of demand or protest.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{one_of, prefilter, words_if};

/// Verbs of people coming together in public.
const GATHER: &[&str] = &["gathered", "gather", "gathering", "assembled", "converged", "congregated", "marched"];

/// Words that give the gathering a demand or a cause.
const DEMAND: &[&str] =
    &["demand", "demanded", "demanding", "demands", "protest", "protesting", "denounce", "denouncing", "against"];

/// The gathering verbs anywhere in a text: a sentence with none is not read
/// word by word.
static VERBS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| prefilter(GATHER));

/// How many words after the verb the demand may come ("gathered in the
/// Independence Square, to march in demand of").
const WINDOW: usize = 12;

/// Protest triggers for gatherings with a demand in `text[within]`, at the
/// gathering verb.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    let w = words_if(VERBS.as_ref(), text, within);
    w.iter()
        .enumerate()
        .filter(|(k, (_, x))| one_of(x, GATHER) && w[k + 1..].iter().take(WINDOW).any(|(_, y)| one_of(y, DEMAND)))
        .map(|(_, (span, _))| TriggerHit { span: *span, kind: TriggerKind::Protest })
        .collect()
}

/// `hits` with the gatherings of `text[within]` that no other trigger
/// overlaps, in text order; none where a protest is already named.
#[must_use]
pub fn with_gatherings(text: &str, within: Span, hits: Vec<TriggerHit>) -> Vec<TriggerHit> {
    if hits.iter().any(|h| h.kind == TriggerKind::Protest) {
        return hits;
    }
    crate::triggers::with_extra(hits, self::hits(text, within))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> usize {
        hits(text, Span::new(0, text.len())).len()
    }

    #[test]
    fn gatherings_with_a_demand() {
        assert_eq!(found("Around 60 workers gathered in the Government House to demand their unpaid wages."), 1);
        assert_eq!(found("Merchants gathered in front of City Hall demanding the reopening of shops."), 1);
        assert_eq!(found("Families gathered for the funeral of the victims."), 0);
        assert_eq!(found("Ministers met in Geneva on Monday."), 0);
    }
}
