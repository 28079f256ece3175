//! Finding gazetteer names in text: the [`PlaceLexicon`] of the recogniser,
//! as a word-by-word walk of the index's name automata.
//!
//! Why not Aho–Corasick. Building an `aho-corasick` automaton
//! (`MatchKind::LeftmostLongest`) over the gazetteer's 729,234 folded names
//! at start-up took 5.3 s and 255 MiB peak memory in a release build on the
//! 2-core development machine (the ignored test `tests/geo/matcher_cost.rs`),
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
//! "Mohmand Dara", not "Mohmand"). Such matches are marked `loose`, and one
//! that won over a shorter exact name carries it as its `fallback`, which
//! the recogniser takes when it drops the guess. Names
//! never run across a line break or punctuation other than hyphens and
//! apostrophes.
//!
//! Cost. The text is folded once into [`Words`] (no allocation per word).
//! What the automata say about a word as the first of a name (the cursor
//! after it, whether it is blocked) is kept per text and word, since texts
//! repeat their names; and a walk stops as soon as no word ahead within
//! reach may end a name, which gives the same matches with fewer fst steps.

use sitrep_model::fnv::FnvHashMap;
use sitrep_model::{Iso2, PlaceCandidate, PlaceKind, Span};
use sitrep_recognise::normalise::{self, Case, Word, Words};
use sitrep_recognise::places::{NameMatch, PlaceLexicon};

use crate::build::format::BLOCK_DEMONYM;
use crate::gazetteer::{Entry, Gazetteer};
use crate::index::Cursor;

/// The most words a name may have.
const MAX_WORDS: usize = 8;

/// True when a name may start at word `i`: a capitalised word, or an article
/// before one ("al-Baghiliyah").
fn can_start(words: &[Word], i: usize) -> bool {
    let t = &words[i];
    if t.article {
        return words.get(i + 1).is_some_and(|n| n.case != Case::Lower);
    }
    t.case != Case::Lower
}

/// True when a name may end at word `j`: capitalised and not an article.
fn can_end(t: &Word) -> bool {
    t.case != Case::Lower && !t.article
}

/// True when words `a` and `b` (consecutive) may belong to one name: only
/// spaces, hyphens and apostrophes between them, or the dot of an
/// abbreviation ("St. Louis").
fn joinable(text: &str, a: &Word, b: &Word) -> bool {
    let gap = text.get(a.end..b.start).unwrap_or(".");
    if gap == " " {
        return true;
    }
    let abbreviation = a.end - a.start <= 3 && gap.trim() == ".";
    abbreviation
        || gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}'))
}

/// How one automaton is keyed: the folded words joined by spaces, or the
/// word skeletons concatenated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Folded,
    Skeleton,
}

/// What feeding a word to an automaton gave: `Ok(None)` when the word adds
/// no bytes (it is skipped), `Err(())` when no key continues that way.
type Fed<'f> = Result<Option<Cursor<'f>>, ()>;

/// Follow word `j` of `words` through the automaton from `cur`; `first`
/// when it is the first word of the name. `scratch` holds a skeleton.
fn feed_word<'f>(
    fst: &'f fst::raw::Fst<&'static [u8]>,
    cur: Cursor<'f>,
    words: &Words,
    (j, first): (usize, bool),
    key: Key,
    scratch: &mut String,
) -> Fed<'f> {
    let folded = words.folded(j);
    let bytes = match key {
        Key::Folded if first && folded.is_empty() => return Ok(None),
        Key::Folded if first => folded,
        Key::Folded => return cur.feed(fst, b" ").and_then(|c| c.feed(fst, folded.as_bytes())).map(Some).ok_or(()),
        Key::Skeleton => {
            scratch.clear();
            normalise::word_skeleton(folded, words.as_slice()[j].article, scratch);
            if scratch.is_empty() {
                return Ok(None);
            }
            scratch.as_str()
        }
    };
    cur.feed(fst, bytes.as_bytes()).map(Some).ok_or(())
}

/// What the automata say about a word as the first word of a name, worked
/// out once per text and word: a text names the same places (and people,
/// and sentence-initial words) again and again.
#[derive(Clone, Copy, Default)]
struct FirstWord<'f> {
    exact: Option<Fed<'f>>,
    skeleton: Option<Fed<'f>>,
    blocked: Option<Option<(u64, Option<u32>)>>,
}

/// One text's name walk: its words and the first-word facts seen so far.
struct Walk<'a> {
    gazetteer: &'a Gazetteer,
    text: &'a str,
    words: &'a Words,
    /// Per word: the last word reachable from it through joinable gaps.
    chain_end: Vec<usize>,
    /// Per word: the first word at or after it that may end a name.
    next_end: Vec<usize>,
    /// Keyed by a word's folded form and whether it is an article.
    firsts: FnvHashMap<(&'a str, bool), FirstWord<'a>>,
    scratch: String,
}

impl<'a> Walk<'a> {
    fn new(gazetteer: &'a Gazetteer, text: &'a str, words: &'a Words) -> Self {
        let toks = words.as_slice();
        let (mut chain_end, mut next_end) = (vec![0; toks.len()], vec![usize::MAX; toks.len()]);
        for j in (0..toks.len()).rev() {
            let joined = toks.get(j + 1).is_some_and(|n| joinable(text, &toks[j], n));
            chain_end[j] = if joined { chain_end[j + 1] } else { j };
            next_end[j] = if can_end(&toks[j]) { j } else { next_end.get(j + 1).copied().unwrap_or(usize::MAX) };
        }
        Walk { gazetteer, text, words, chain_end, next_end, firsts: FnvHashMap::default(), scratch: String::new() }
    }

    /// True when the walk from word `i` may go on to word `j`: joined to
    /// it, and a word that may end a name still lies ahead within reach.
    fn goes_on(&self, i: usize, j: usize) -> bool {
        let last = self.chain_end[i].min(i + MAX_WORDS - 1);
        j <= last && self.next_end[j] <= last
    }

    fn fst(&self, key: Key) -> &'a fst::raw::Fst<&'static [u8]> {
        match key {
            Key::Folded => self.gazetteer.index().names(),
            Key::Skeleton => self.gazetteer.index().skeletons(),
        }
    }

    /// Word `i` fed from the root of the `key` automaton (cached).
    fn first(&mut self, i: usize, key: Key) -> Fed<'a> {
        let (words, fst) = (self.words, self.fst(key));
        let entry = self.firsts.entry((words.folded(i), words.as_slice()[i].article)).or_default();
        let slot = if key == Key::Folded { &mut entry.exact } else { &mut entry.skeleton };
        *slot.get_or_insert_with(|| feed_word(fst, Cursor::root(fst), words, (i, true), key, &mut self.scratch))
    }

    /// Why word `i` is blocked, if it is (cached).
    fn blocked(&mut self, i: usize) -> Option<(u64, Option<u32>)> {
        let (words, index) = (self.words, self.gazetteer.index());
        let entry = self.firsts.entry((words.folded(i), words.as_slice()[i].article)).or_default();
        *entry.blocked.get_or_insert_with(|| index.blocked(words.folded(i)))
    }

    /// True when words `i..=j` may be an abbreviation as written: all
    /// capitals ("US", "UAE"), or followed by a dot and either initials
    /// ("S.C.", "W.Va.") or one word after a comma (", Kan.").
    fn abbreviation_at(&self, i: usize, j: usize) -> bool {
        let toks = self.words.as_slice();
        if toks[i..=j].iter().all(|t| matches!(t.case, Case::Upper | Case::Initial)) {
            return true;
        }
        let dot = self.text.as_bytes().get(toks[j].end) == Some(&b'.');
        let after_comma = || self.text.get(..toks[i].start).is_some_and(|b| b.trim_end().ends_with(','));
        dot && (j > i || after_comma())
    }

    /// The longest match starting at word `i` in one automaton: the index
    /// of its last word, the fst value, and whether it is an abbreviation
    /// (a key ending in `.`, see `build::write`).
    fn longest(&mut self, i: usize, key: Key) -> Option<(usize, u64, bool)> {
        let (words, fst) = (self.words, self.fst(key));
        let toks = words.as_slice();
        let mut cur = Cursor::root(fst);
        let mut best = None;
        for (j, tok) in toks.iter().enumerate().take(i + MAX_WORDS).skip(i) {
            if j > i && !self.goes_on(i, j) {
                break;
            }
            let fed = if j == i {
                self.first(i, key)
            } else {
                feed_word(fst, cur, words, (j, false), key, &mut self.scratch)
            };
            let Ok(next) = fed else { break };
            let Some(next) = next else { continue };
            cur = next;
            if !can_end(tok) {
                continue;
            }
            let abbreviation = key == Key::Folded && self.abbreviation_at(i, j);
            let abbreviated = abbreviation.then(|| cur.feed(fst, b".").and_then(|c| c.value())).flatten();
            best = abbreviated.map(|v| (j, v, true)).or_else(|| cur.value().map(|v| (j, v, false))).or(best);
        }
        best
    }

    /// The best match starting at word `i`, if any.
    fn match_at(&mut self, i: usize) -> Option<Found> {
        let toks = self.words.as_slice();
        let first = i + toks[i..].iter().position(|t| !t.article)?;
        let blocked = self.blocked(first);
        let demonym = blocked.is_some_and(|(kind, _)| kind == BLOCK_DEMONYM);
        let exact = self.longest(i, Key::Folded);
        let count = |j: usize| toks[i..=j].iter().filter(|t| !t.article).count();
        let found = |(last, value, abbreviation): (usize, u64, bool), loose| Found {
            last,
            value,
            loose,
            abbreviation,
            shadowed: None,
        };
        if demonym {
            return exact.filter(|(j, _, _)| count(*j) > 1).map(|e| found(e, false));
        }
        let loose = if blocked.is_some() || self.words.folded(first).chars().count() < 4 {
            None
        } else {
            self.longest(i, Key::Skeleton)
        };
        match (exact, loose) {
            (Some(e), Some(l)) if count(l.0) > count(e.0) => Some(Found { shadowed: Some(e), ..found(l, true) }),
            (Some(e), _) => Some(found(e, false)),
            (None, l) => l.map(|l| found(l, true)),
        }
    }
}

/// A match found by the walk: its last word, the fst value of its
/// posting list, and how it matched.
#[derive(Clone, Copy)]
struct Found {
    last: usize,
    value: u64,
    loose: bool,
    abbreviation: bool,
    /// The shorter exact match a loose one won over: (last word, value,
    /// abbreviation).
    shadowed: Option<(usize, u64, bool)>,
}

/// How many of a name's candidates [`PlaceLexicon::countries_named`] reads.
const REGION_SCAN: usize = 64;

impl PlaceLexicon for Gazetteer {
    fn is_demonym(&self, word: &str) -> bool {
        let folded = normalise::fold(word);
        self.index().blocked(&folded).is_some_and(|(kind, _)| kind == BLOCK_DEMONYM)
    }

    fn names_region(&self, candidates: &[PlaceCandidate]) -> bool {
        let region = |c: &PlaceCandidate| self.entry(*c).map(|e| e.kind);
        candidates.iter().any(|c| matches!(region(c), Some(PlaceKind::Country | PlaceKind::Admin1)))
    }

    /// Only the first [`REGION_SCAN`] candidates are read: posting lists
    /// are in entry order, and the build adds countries and states before
    /// any settlement, so a name's regions come first.
    fn countries_named(&self, candidates: &[PlaceCandidate]) -> Vec<Iso2> {
        let region = |e: &Entry| matches!(e.kind, PlaceKind::Country | PlaceKind::Admin1);
        candidates
            .iter()
            .take(REGION_SCAN)
            .filter_map(|c| self.entry(*c))
            .filter(region)
            .filter_map(|e| e.country)
            .collect()
    }

    fn countries_of(&self, candidates: &[PlaceCandidate]) -> Vec<Iso2> {
        candidates.iter().filter_map(|c| self.entry(*c)?.country).collect()
    }

    /// Capitalised words that are demonyms ("Russian", "Palestinians"),
    /// each with its country as the only candidate.
    fn find_demonyms(&self, text: &str) -> Vec<NameMatch> {
        self.demonyms_in(&Words::of(text))
    }

    fn find_names(&self, text: &str) -> Vec<NameMatch> {
        self.names_in(text, &Words::of(text))
    }

    fn find_names_and_demonyms(&self, text: &str) -> (Vec<NameMatch>, Vec<NameMatch>) {
        let words = Words::of(text);
        (self.names_in(text, &words), self.demonyms_in(&words))
    }
}

impl Gazetteer {
    /// [`PlaceLexicon::find_demonyms`] over the words of a text.
    fn demonyms_in(&self, words: &Words) -> Vec<NameMatch> {
        let mut seen: FnvHashMap<&str, Option<u32>> = FnvHashMap::default();
        let mut out = Vec::new();
        for (k, w) in words.as_slice().iter().enumerate().filter(|(_, w)| w.case != Case::Lower && !w.article) {
            let folded = words.folded(k);
            let country = *seen.entry(folded).or_insert_with(|| {
                self.index().blocked(folded).filter(|(kind, _)| *kind == BLOCK_DEMONYM).and_then(|(_, c)| c)
            });
            if let Some(c) = country {
                out.push(NameMatch {
                    span: Span::new(w.start, w.end),
                    candidates: vec![PlaceCandidate(c)],
                    loose: false,
                    unattested: false,
                    abbreviation: false,
                    fallback: None,
                });
            }
        }
        out
    }

    /// True when every candidate is unattested (see `RawEntry::unattested`).
    fn all_unattested(&self, candidates: &[PlaceCandidate]) -> bool {
        !candidates.is_empty() && candidates.iter().all(|c| self.entry(*c).is_some_and(|e| e.unattested))
    }

    /// The match of words `i..=last` with the posting list at `value`.
    fn name_match(
        &self,
        toks: &[Word],
        i: usize,
        (last, value, abbreviation): (usize, u64, bool),
        loose: bool,
    ) -> NameMatch {
        let (span, candidates) = (Span::new(toks[i].start, toks[last].end), self.postings(value));
        let unattested = self.all_unattested(&candidates);
        NameMatch { span, candidates, loose, unattested, abbreviation, fallback: None }
    }

    /// [`PlaceLexicon::find_names`] over `words`, the words of `text`.
    fn names_in(&self, text: &str, words: &Words) -> Vec<NameMatch> {
        let toks = words.as_slice();
        let mut walk = Walk::new(self, text, words);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let found = if can_start(toks, i) { walk.match_at(i) } else { None };
            match found {
                Some(f) if f.abbreviation || toks[i].end.max(toks[f.last].end) - toks[i].start >= 3 => {
                    let mut m = self.name_match(toks, i, (f.last, f.value, f.abbreviation), f.loose);
                    let long_enough = |(last, _, abbreviation): &(usize, u64, bool)| {
                        *abbreviation || toks[i].end.max(toks[*last].end) - toks[i].start >= 3
                    };
                    let shadowed = f.shadowed.filter(long_enough);
                    m.fallback = shadowed.map(|e| Box::new(self.name_match(toks, i, e, false)));
                    out.push(m);
                    i = f.last + 1;
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
            ("near the village of Kafranbil", &[("Kafranbil", true)]),
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
