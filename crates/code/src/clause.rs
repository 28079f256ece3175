//! Clauses: the parts of a sentence that can each state an event.
//!
//! A sentence is cut before a clause marker ("; ", " as ", " when ", " where ", " while ",
//! ", and ", " but ", " after ", " following ", ", killing"). The cuts are
//! generous on purpose: the coder merges clauses of one sentence back into one
//! event unless they name different acting parties (see `candidate`).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use sitrep_model::Span;

/// Markers that open a new clause (with their spaces; case-insensitive).
const MARKERS: &[&str] = &[
    "; ",
    " as ",
    " while ",
    " whereas ",
    " when ",
    " where ",
    ", and ",
    ", but ",
    " but ",
    " after ",
    " following ",
    ", killing ",
    ", wounding ",
    ", injuring ",
    " before ",
    " meanwhile ",
    " in response to ",
    " in retaliation for ",
    " to avenge ",
    " days after ",
    " a day after ",
];

/// Markers whose clause tells an earlier event ("… launched missiles at an
/// air base in response to a gas attack"): it never merges with the clause
/// before it.
const PRIOR_EVENT: &[&str] = &["in response to", "in retaliation for", "to avenge", "days after", "a day after"];

/// True when the clause opens with a marker of an earlier event.
#[must_use]
pub fn tells_prior_event(text: &str, clause: Span) -> bool {
    let Some(s) = clause.slice(text) else { return false };
    let s = s.trim_start_matches([' ', ',', ';']);
    PRIOR_EVENT.iter().any(|m| s.get(..m.len()).is_some_and(|p| p.eq_ignore_ascii_case(m)))
}

/// The markers compiled once (read-only; a constant table cannot fail to build).
static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(MARKERS)
        .ok()
});

/// The clauses of `text[sentence]`, in order, covering the sentence.
#[must_use]
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let Some(s) = sentence.slice(text) else { return Vec::new() };
    let Some(ac) = AUTOMATON.as_ref() else { return vec![sentence] };
    let label = label_end(s);
    let cuts = label.into_iter().chain(ac.find_iter(s).map(|m| cut_at(s, m.start())).filter(|&i| i > 0 && i < s.len()));
    let mut out = Vec::with_capacity(4);
    let mut start = 0;
    for c in cuts.chain(std::iter::once(s.len())) {
        if c > start {
            out.push(Span::new(sentence.start + start, sentence.start + c));
        }
        start = c;
    }
    out
}

/// The words a sentence opens with before a colon, as a heading does
/// ("Arrests: On 8 May …", "Breaking: …", "He said: …"): a label or a
/// speaker, never part of the clause after it, so the actors after the colon
/// are that clause's subject, not objects of the label. At most
/// [`LABEL_WORDS`] words. The offset just after the colon.
fn label_end(s: &str) -> Option<usize> {
    let colon = s.get(..s.len().min(48))?.find(": ")?;
    let words = s[..colon].split_whitespace().count();
    (words > 0 && words <= LABEL_WORDS && s.len() > colon + 2).then_some(colon + 1)
}

/// The most words a label before a colon has ("Movement of forces").
const LABEL_WORDS: usize = 4;

/// Where a marker found at `start` cuts: before it, or after its punctuation
/// for "; " and ", and".
fn cut_at(s: &str, start: usize) -> usize {
    start + usize::from(matches!(s.as_bytes()[start], b';' | b','))
}

/// Comma-delimited segments of a sentence (for the scope of hedges): cut at
/// commas, semicolons, colons, dashes, parentheses and brackets.
#[must_use]
pub fn segments(text: &str, sentence: Span) -> Vec<Span> {
    let Some(s) = sentence.slice(text) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '\u{2013}' | '\u{2014}') {
            if i > start {
                out.push(Span::new(sentence.start + start, sentence.start + i));
            }
            start = i + c.len_utf8();
        }
    }
    if s.len() > start {
        out.push(Span::new(sentence.start + start, sentence.start + s.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| text[s.start..s.end].trim().to_owned()).collect()
    }

    #[test]
    fn clause_cuts() {
        let t = "Russian jets hit the terrorists near X as they fled Y being attacked by the SAA.";
        assert_eq!(
            texts(t, &clauses(t, Span::new(0, t.len()))),
            ["Russian jets hit the terrorists near X", "as they fled Y being attacked by the SAA."]
        );
        let t = "3 soldiers were killed following an attack by Taliban militants; 2 were wounded.";
        assert_eq!(
            texts(t, &clauses(t, Span::new(0, t.len()))),
            ["3 soldiers were killed", "following an attack by Taliban militants;", "2 were wounded."]
        );
    }

    #[test]
    fn a_label_is_its_own_clause() {
        let t = "Arrests: On 8 May, police arrested 3 men; 2 fled.";
        assert_eq!(
            texts(t, &clauses(t, Span::new(0, t.len()))),
            ["Arrests:", "On 8 May, police arrested 3 men;", "2 fled."]
        );
        let t = "On 8 May, police said: 3 men were arrested.";
        assert_eq!(texts(t, &clauses(t, Span::new(0, t.len()))), [t]);
    }

    #[test]
    fn segment_cuts() {
        let t = "In what could be a sign, Turkish vehicles cleared mines (near X).";
        assert_eq!(
            texts(t, &segments(t, Span::new(0, t.len()))),
            ["In what could be a sign", "Turkish vehicles cleared mines", "near X", "."]
        );
    }
}
