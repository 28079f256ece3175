//! Words of a clause with their byte offsets, and the word lists the
//! participant rules read (one lowercase word per line, `#` comments).

use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use sitrep_model::Span;

/// False only when `prefilter` is built and finds none of its words in
/// `text[within]`: a finder that reads word by word skips such a text. A
/// prefilter that failed to build never hides a match.
#[must_use]
pub fn may_hold(prefilter: Option<&AhoCorasick>, text: &str, within: Span) -> bool {
    prefilter.is_none_or(|ac| within.slice(text).is_some_and(|s| ac.is_match(s)))
}

/// A prefilter for a finder that reads word by word: its key words, any
/// case. `None` only if the automaton fails to build (then nothing is hidden).
#[must_use]
pub fn prefilter(keys: &[&str]) -> Option<AhoCorasick> {
    AhoCorasick::builder().ascii_case_insensitive(true).build(keys).ok()
}

/// The words of `text[within]` ([`words`]), or none when `prefilter` finds
/// none of its keys there: the finder then has nothing to read.
#[must_use]
pub fn words_if<'t>(prefilter: Option<&AhoCorasick>, text: &'t str, within: Span) -> Vec<(Span, &'t str)> {
    if may_hold(prefilter, text, within) {
        words(text, within)
    } else {
        Vec::new()
    }
}

/// True when `s` ends with `suffix`, ignoring ASCII case (no allocation).
#[must_use]
pub fn ends_with_ci(s: &str, suffix: &str) -> bool {
    let at = s.len().wrapping_sub(suffix.len());
    s.len() >= suffix.len() && s.get(at..).is_some_and(|t| t.eq_ignore_ascii_case(suffix))
}

/// True when `word` is one of `list`, ignoring ASCII case.
#[must_use]
pub fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|x| word.eq_ignore_ascii_case(x))
}

/// The words (runs of letters, digits, `-` and `'`) of `text[span]`, with
/// spans into `text`.
#[must_use]
pub fn words(text: &str, span: Span) -> Vec<(Span, &str)> {
    let Some(slice) = span.slice(text) else { return Vec::new() };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in slice.char_indices().chain(std::iter::once((slice.len(), ' '))) {
        let inside = c.is_alphanumeric() || c == '-' || c == '\'';
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((Span::new(span.start + s, span.start + i), &slice[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// A word list file's entries.
#[must_use]
pub fn list(text: &'static str) -> HashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// True when `word`, lowercased, is in `set` (a lowercase copy is made only
/// for a word with capitals, and only when it is short enough to be listed).
#[must_use]
pub fn in_set(set: &HashSet<&'static str>, word: &str) -> bool {
    if set.contains(word) {
        return true;
    }
    word.len() <= 16 && word.bytes().any(|b| b.is_ascii_uppercase()) && set.contains(word.to_ascii_lowercase().as_str())
}

/// Words that make the noun after them a fighter, not a civilian or a
/// crowd ("armed men", "police guard", "rebel group").
pub const ARMED_WORDS: &[&str] = &[
    "armed",
    "police",
    "army",
    "military",
    "security",
    "militia",
    "rebel",
    "rebels",
    "militant",
    "militants",
    "terrorist",
    "jihadist",
    "insurgent",
    "criminal",
    "gang",
    "prison",
    "border",
    "paramilitary",
];

/// True when one of the `n` words before index `i` is an armed word, or a
/// leadership ("Islamist-led groups", "a Kurdish-led alliance": a body with
/// leaders is organised, no crowd).
#[must_use]
pub fn armed_before(words: &[(Span, &str)], i: usize, n: usize) -> bool {
    let led = |w: &str| w.len() > 4 && w.get(w.len() - 4..).is_some_and(|e| e.eq_ignore_ascii_case("-led"));
    // A conjunction ends the noun's modifiers: "police and shopkeepers"
    // are two parties, not police shopkeepers.
    let joint = |w: &str| ["and", "or", "with", "between", "against"].iter().any(|c| w.eq_ignore_ascii_case(c));
    words[i.saturating_sub(n)..i]
        .iter()
        .rev()
        .take_while(|(_, w)| !joint(w))
        .any(|(_, w)| led(w) || ARMED_WORDS.iter().any(|a| w.eq_ignore_ascii_case(a)))
}

/// "by" within the three words before index `i` ("by a group of locals").
#[must_use]
pub fn by_before(words: &[(Span, &str)], i: usize) -> bool {
    words[i.saturating_sub(3)..i].iter().any(|(_, w)| w.eq_ignore_ascii_case("by"))
}

/// The words after index `k`, at most `n`, up to the first clause break
/// (`;`, `:`, a parenthesis, a comma unless `commas` may join a list, or a
/// full stop followed by a space; a calibre's "14.5mm" is no break): the
/// object a finder reads after its verb.
#[must_use]
pub fn object_after<'t>(
    text: &str,
    words: &[(Span, &'t str)],
    k: usize,
    n: usize,
    commas: bool,
) -> Vec<(Span, &'t str)> {
    let Some((verb, _)) = words.get(k) else { return Vec::new() };
    let unbroken = |to: usize| {
        text.get(verb.end..to)
            .is_some_and(|s| !s.contains([';', ':', '(', ')']) && !s.contains(". ") && (commas || !s.contains(',')))
    };
    words[k + 1..].iter().take(n).take_while(|(s, _)| unbroken(s.start)).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_offsets() {
        let text = "Two men, a farmer's son.";
        let w: Vec<&str> = words(text, Span::new(4, text.len())).into_iter().map(|(_, w)| w).collect();
        assert_eq!(w, ["men", "a", "farmer's", "son"]);
        let (span, _) = words(text, Span::new(0, text.len()))[1];
        assert_eq!(&text[span.start..span.end], "men");
    }

    #[test]
    fn objects_stop_at_a_clause_break() {
        let text = "They fired 14.5mm, 12.7mm machine guns at the town. Then they left.";
        let w = words(text, Span::new(0, text.len()));
        let with_commas: Vec<&str> = object_after(text, &w, 1, 20, true).into_iter().map(|(_, w)| w).collect();
        assert_eq!(with_commas, ["14", "5mm", "12", "7mm", "machine", "guns", "at", "the", "town"]);
        assert_eq!(object_after(text, &w, 1, 20, false).len(), 2, "the comma ends it");
    }
}
