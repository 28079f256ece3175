//! Finding gazetteer names in text: the [`PlaceLexicon`] of the recogniser,
//! as a word-by-word walk of the index's name automata.
//!
//! Why not Aho–Corasick. Building an `aho-corasick` automaton
//! (`MatchKind::LeftmostLongest`) over the gazetteer's 729,234 folded names
//! at start-up took 5.3 s and 255 MiB peak memory in a release build on the
//! 2-core development machine (the ignored test `tests/matcher_cost.rs`),
//! which breaks the whole-program budget of one second. The fst walk needs
//! no start-up work: loading the embedded index took 2.5 µs (7 MiB peak
//! memory for the whole test process) and matching a 9 kB text 0.5 ms. The names are already in an fst (a
//! minimal automaton, built at compile time and read in place), so matching
//! walks it instead: at each word that may start a name, follow the folded
//! words (joined by one space) through the fst and remember the last position
//! where a key ends and the word may end a name. That is leftmost-longest at
//! word boundaries, the semantics documented in `sitrep_recognise::places`,
//! at a cost of one fst walk of a few words per word of text.
//!
//! A demonym alone ("Syrian", "Turks") is never a name, though a longer name
//! may start with one ("Saudi Arabia"). The same walk also runs over the
//! skeleton automaton (word skeletons concatenated) when the first word has
//! four letters or more and is not a stop word; its match is used where no
//! folded name starts, or where it covers more words ("Mohmand Darah" for
//! "Mohmand Dara", not "Mohmand"). Such matches are marked `loose`. Names
//! never run across a line break or punctuation other than hyphens and
//! apostrophes.

use sitrep_model::{PlaceCandidate, Span};
use sitrep_recognise::normalise::{self, Case, Token};
use sitrep_recognise::places::{NameMatch, PlaceLexicon};

use crate::build::format::BLOCK_DEMONYM;
use crate::gazetteer::Gazetteer;
use crate::index::Cursor;

/// The most words a name may have.
const MAX_WORDS: usize = 8;

/// True when a name may start at word `i`: a capitalised word, or an article
/// before one ("al-Baghiliyah").
fn can_start(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if t.article {
        return toks.get(i + 1).is_some_and(|n| n.case != Case::Lower);
    }
    t.case != Case::Lower
}

/// True when a name may end at word `j`: capitalised and not an article.
fn can_end(t: &Token) -> bool {
    t.case != Case::Lower && !t.article
}

/// True when words `a` and `b` (consecutive) may belong to one name: only
/// spaces, hyphens and apostrophes between them, or the dot of an
/// abbreviation ("St. Louis").
fn joinable(text: &str, a: &Token, b: &Token) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or(".");
    let abbreviation = a.end - a.start <= 3 && gap.trim() == ".";
    abbreviation || gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}'))
}

/// The longest match starting at word `i` in one automaton: the index of its
/// last word and the fst value. `key_of` gives each word's bytes ("" skips a
/// word that cannot end a name).
fn longest(
    fst: &fst::raw::Fst<&'static [u8]>,
    text: &str,
    toks: &[Token],
    i: usize,
    key_of: &dyn Fn(&Token, bool) -> String,
) -> Option<(usize, u64)> {
    let mut cur = Cursor::root(fst);
    let mut best = None;
    for j in i..toks.len().min(i + MAX_WORDS) {
        if j > i && !joinable(text, &toks[j - 1], &toks[j]) {
            break;
        }
        let key = key_of(&toks[j], j > i);
        if key.is_empty() {
            continue;
        }
        let Some(next) = cur.feed(fst, key.as_bytes()) else { break };
        cur = next;
        if can_end(&toks[j]) {
            best = cur.value().map(|v| (j, v)).or(best);
        }
    }
    best
}

/// Folded word bytes, with the separating space before every word but the first.
fn folded_key(t: &Token, not_first: bool) -> String {
    if not_first {
        format!(" {}", t.folded)
    } else {
        t.folded.clone()
    }
}

/// Skeleton bytes of a word; words too short to be told apart give nothing.
fn skeleton_key(t: &Token, _not_first: bool) -> String {
    normalise::token_skeleton(t)
}

impl Gazetteer {
    /// The best match starting at word `i`, if any: (last word, candidates, loose).
    fn match_at(&self, text: &str, toks: &[Token], i: usize) -> Option<(usize, Vec<PlaceCandidate>, bool)> {
        let first_content = toks[i..].iter().find(|t| !t.article)?;
        let blocked = self.index().blocked(&first_content.folded);
        let demonym = blocked == Some(BLOCK_DEMONYM);
        let exact = longest(self.index().names(), text, toks, i, &folded_key);
        let words = |j: usize| toks[i..=j].iter().filter(|t| !t.article).count();
        if demonym {
            return exact.filter(|(j, _)| words(*j) > 1).map(|(j, v)| (j, self.postings(v), false));
        }
        let loose = if blocked.is_some() || first_content.folded.chars().count() < 4 {
            None
        } else {
            longest(self.index().skeletons(), text, toks, i, &skeleton_key)
        };
        match (exact, loose) {
            (Some(e), Some(l)) if words(l.0) > words(e.0) => Some((l.0, self.postings(l.1), true)),
            (Some(e), _) => Some((e.0, self.postings(e.1), false)),
            (None, l) => l.map(|(j, v)| (j, self.postings(v), true)),
        }
    }
}

impl PlaceLexicon for Gazetteer {
    fn find_names(&self, text: &str) -> Vec<NameMatch> {
        let toks = normalise::tokens(text);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let found = if can_start(&toks, i) { self.match_at(text, &toks, i) } else { None };
            match found {
                Some((j, candidates, loose)) if toks[i].end.max(toks[j].end) - toks[i].start >= 3 => {
                    out.push(NameMatch { span: Span::new(toks[i].start, toks[j].end), candidates, loose });
                    i = j + 1;
                }
                _ => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, bool)> {
        let g = Gazetteer::load().unwrap();
        g.find_names(text).into_iter().map(|m| (text[m.span.start..m.span.end].to_owned(), m.loose)).collect()
    }

    #[test]
    fn leftmost_longest_at_word_boundaries() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("strikes in Deir ez-Zor and Latakia", &[("Deir ez-Zor", false), ("Latakia", false)]),
            ("in may they hit the march", &[]),
            ("near the village of Bgelia", &[("Bgelia", true)]),
            ("the Syrian town of Jarabulus", &[("Jarabulus", false)]),
            ("Turkey, Saudi Arabia, Qatar", &[("Turkey", false), ("Saudi Arabia", false), ("Qatar", false)]),
            ("Dawlat Abad district, Balkh", &[("Dawlat Abad", false), ("Balkh", false)]),
        ];
        for (text, want) in cases {
            let want: Vec<(String, bool)> = want.iter().map(|(s, l)| ((*s).to_owned(), *l)).collect();
            assert_eq!(names(text), want, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_fit(text in "\\PC{0,120}") {
            let g = Gazetteer::load().unwrap();
            for m in g.find_names(&text) {
                proptest::prop_assert!(text.get(m.span.start..m.span.end).is_some());
                proptest::prop_assert!(!m.candidates.is_empty());
            }
        }
    }
}
