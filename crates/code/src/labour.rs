//! A labour strike is a protest, not an attack. "Strike" is both a blow
//! and a stoppage of work; the trigger table resolves "on strike", "general
//! strike" and "hunger strike" by their phrases, but the adjective and the
//! noun before workers take modifiers no phrase lists: "striking Kurdish
//! healthcare workers protested", "a strike by teachers". This finder reads
//! "striking" or "strike(s) by" and, a few words on within the clause, a
//! noun of working people; the codebook's peaceful protest includes strikes
//! ("demonstrations, … strikes").

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

use crate::triggers::{TriggerHit, TriggerKind};
use crate::words::{object_after, one_of, prefilter, words_if};

/// Nouns of people who strike.
const WORKERS: &[&str] = &[
    "workers",
    "employees",
    "doctors",
    "nurses",
    "teachers",
    "staff",
    "drivers",
    "miners",
    "physicians",
    "labourers",
    "laborers",
    "dockers",
    "truckers",
    "unionists",
    "servants",
    "lecturers",
    "pilots",
];

/// How many words the workers' modifiers may take ("striking Kurdish
/// healthcare workers").
const WINDOW: usize = 4;

static PREFILTER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| prefilter(&["striking", "strike by", "strikes by"]));

/// Labour strikes in `text[within]`: a protest trigger from the strike
/// word to the workers.
#[must_use]
pub fn hits(text: &str, within: Span) -> Vec<TriggerHit> {
    let w = words_if(PREFILTER.as_ref(), text, within);
    let mut out = Vec::new();
    for (k, (word_span, word)) in w.iter().enumerate() {
        let by = w.get(k + 1).is_some_and(|(_, x)| x.eq_ignore_ascii_case("by"));
        let strike = word.eq_ignore_ascii_case("striking") || (one_of(word, &["strike", "strikes"]) && by);
        if !strike {
            continue;
        }
        let (from, n) = if by { (k + 1, WINDOW - 1) } else { (k, WINDOW) };
        let workers = object_after(text, &w, from, n, false).into_iter().find(|(_, x)| one_of(x, WORKERS));
        if let Some((noun, _)) = workers {
            out.push(TriggerHit { span: Span::new(word_span.start, noun.end), kind: TriggerKind::Protest });
        }
    }
    out
}

/// `found` with the strikes of `text[within]`, which take the place of the
/// attack word inside them.
#[must_use]
pub fn with_strikes(text: &str, within: Span, found: Vec<TriggerHit>) -> Vec<TriggerHit> {
    crate::triggers::with_overriding(found, hits(text, within))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<TriggerKind> {
        hits(text, Span::new(0, text.len())).into_iter().map(|h| h.kind).collect()
    }

    #[test]
    fn labour_strikes() {
        assert_eq!(kinds("Striking Kurdish healthcare workers protested in Khurmal."), [TriggerKind::Protest]);
        assert_eq!(kinds("A strike by teachers closed the schools."), [TriggerKind::Protest]);
        assert!(kinds("Drone strikes by the coalition hit workers in the field.").is_empty(), "the coalition's");
        assert!(kinds("Strikes by warplanes killed farm workers.").is_empty(), "the warplanes'");
        assert!(kinds("Warplanes kept striking the town.").is_empty());
    }
}
