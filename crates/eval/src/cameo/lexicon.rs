//! Every spelling the dictionary knows (verb forms, pattern words, synset
//! phrases) in one Aho-Corasick automaton, so a sentence is scanned once.
//!
//! Match semantics: ASCII case-insensitive, leftmost-longest, whole words.
//! Leftmost-longest makes the multi-word verb "set up" win over "set", and
//! "air strike" over "air"; the whole-word check keeps "war" out of
//! "warship". One spelling can be several things at once ("attack" is a verb
//! form and a pattern noun): its entry lists them all.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::dictionary::{Dictionary, TermId};
use super::inflect::Form;
use super::pattern::Terms;
use super::tokens::{Kind, Token};
use super::CameoError;

/// Spellings, each with what it is, in one automaton.
#[derive(Debug)]
struct Spellings<T> {
    automaton: AhoCorasick,
    meanings: Vec<Vec<T>>,
}

impl<T: PartialEq> Spellings<T> {
    fn new(pairs: impl Iterator<Item = (String, T)>) -> Result<Self, CameoError> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut meanings: Vec<Vec<T>> = Vec::new();
        for (spelling, meaning) in pairs {
            let next = index.len();
            let i = *index.entry(spelling).or_insert(next);
            if i == meanings.len() {
                meanings.push(Vec::new());
            }
            if !meanings[i].contains(&meaning) {
                meanings[i].push(meaning);
            }
        }
        let mut keys: Vec<(String, usize)> = index.into_iter().collect();
        keys.sort_by_key(|(_, i)| *i);
        // A DFA: a few megabytes built once, for the fastest scan of every
        // sentence.
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(keys.iter().map(|(k, _)| k))
            .map_err(|e| CameoError::Automaton(e.to_string()))?;
        Ok(Self { automaton, meanings })
    }

    /// Whole-word matches in the text the tokens cover. A match that does
    /// not start and end on word boundaries is dropped (leftmost-longest
    /// never lets it hide a whole-word match that starts at the same word).
    fn find(&self, text: &str, tokens: &[Token]) -> Vec<Hit> {
        let mut hits = Vec::new();
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return hits };
        let input = aho_corasick::Input::new(text).range(first.span.start..last.span.end);
        let mut tok = 0;
        for m in self.automaton.find_iter(input) {
            tok += tokens[tok..].partition_point(|t| t.span.start < m.start());
            let end = tok + tokens[tok..].partition_point(|t| t.span.end < m.end());
            let whole = tokens.get(tok).is_some_and(|t| t.span.start == m.start() && t.kind == Kind::Word)
                && tokens.get(end).is_some_and(|t| t.span.end == m.end() && t.kind == Kind::Word);
            if whole {
                hits.push(Hit { first: tok, end: end + 1, entry: m.pattern().as_u32() });
            }
        }
        hits
    }
}

/// The compiled spellings: verb forms, multi-word terms and one-word terms
/// apart, so that a pattern phrase ("to withdraw") never hides a verb
/// inside it, nor a synset phrase ("peacekeeping force") the word a
/// pattern names ("{PEACEKEEPING FORCES}").
#[derive(Debug)]
pub struct Lexicon {
    verbs: Spellings<(u32, Form)>,
    phrases: Spellings<TermId>,
    words: Spellings<TermId>,
    /// The number of terms.
    terms: usize,
}

/// A spelling found in a sentence: words `first..end` spell `entry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub first: usize,
    pub end: usize,
    pub entry: u32,
}

/// A sentence scanned against the lexicon.
#[derive(Debug)]
pub struct Lexed<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    /// Verb forms, in text order.
    pub verb_hits: Vec<Hit>,
    phrase_hits: Vec<Hit>,
    word_hits: Vec<Hit>,
    /// For each token, 1 + the index of the phrase and the word hit
    /// starting there (0: none).
    term_starts: Vec<[u32; 2]>,
    /// For each token, whether a verb form starts there.
    verb_starts: Vec<bool>,
    /// A bit per term: set when the sentence spells it somewhere.
    present: Vec<u64>,
    lexicon: &'a Lexicon,
}

impl Lexicon {
    /// Compile the spellings of a dictionary.
    ///
    /// # Errors
    /// When an automaton cannot be built.
    pub fn new(dict: &Dictionary) -> Result<Self, CameoError> {
        let verb_forms = dict
            .verbs
            .iter()
            .enumerate()
            .flat_map(|(v, verb)| verb.forms.iter().map(move |(f, form)| (f.clone(), (v as u32, *form))));
        let spellings = |multi: bool| {
            dict.terms.iter().enumerate().flat_map(move |(t, term)| {
                term.spellings.iter().filter(move |s| s.contains(' ') == multi).map(move |s| (s.clone(), t as TermId))
            })
        };
        Ok(Self {
            verbs: Spellings::new(verb_forms)?,
            phrases: Spellings::new(spellings(true))?,
            words: Spellings::new(spellings(false))?,
            terms: dict.terms.len(),
        })
    }

    /// The verbs a verb hit is a form of.
    #[must_use]
    pub fn verbs_of(&self, hit: &Hit) -> &[(u32, Form)] {
        self.verbs.meanings.get(hit.entry as usize).map_or(&[], Vec::as_slice)
    }

    /// Scan the tokens of a sentence.
    #[must_use]
    pub fn scan<'a>(&'a self, text: &'a str, tokens: Vec<Token>) -> Lexed<'a> {
        let verb_hits = self.verbs.find(text, &tokens);
        let phrase_hits = self.phrases.find(text, &tokens);
        let word_hits = self.words.find(text, &tokens);
        let mut term_starts = vec![[0; 2]; tokens.len()];
        for (k, hits) in [&phrase_hits, &word_hits].into_iter().enumerate() {
            for (h, hit) in hits.iter().enumerate() {
                term_starts[hit.first][k] = h as u32 + 1;
            }
        }
        let mut present = vec![0u64; self.terms / 64 + 1];
        let groups = [(&phrase_hits, &self.phrases), (&word_hits, &self.words)];
        for t in groups
            .iter()
            .flat_map(|(hits, sp)| hits.iter().flat_map(|h| sp.meanings.get(h.entry as usize).into_iter().flatten()))
        {
            if let Some(w) = present.get_mut(*t as usize / 64) {
                *w |= 1 << (t % 64);
            }
        }
        let mut verb_starts = vec![false; tokens.len()];
        for hit in &verb_hits {
            verb_starts[hit.first] = true;
        }
        Lexed { text, tokens, verb_hits, phrase_hits, word_hits, term_starts, verb_starts, present, lexicon: self }
    }
}

impl Lexed<'_> {
    /// The text of token `i`.
    #[must_use]
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).and_then(|t| t.span.slice(self.text)).unwrap_or("")
    }

    /// True when token `i` is the word `w` (ASCII case-insensitive).
    #[must_use]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    /// True when token `i` is one of `ws`.
    #[must_use]
    pub fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let w = self.word(i);
        ws.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// True when token `i` is the punctuation `c`.
    #[must_use]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// True when a verb form starts at token `i`.
    #[must_use]
    pub fn verb_form_at(&self, i: usize) -> bool {
        self.verb_starts.get(i).copied().unwrap_or(false)
    }

    /// The verbs a verb hit is a form of.
    #[must_use]
    pub fn verbs_of(&self, hit: &Hit) -> &[(u32, Form)] {
        self.lexicon.verbs_of(hit)
    }
}

impl<'a> Lexed<'a> {
    /// The terms of hit `start - 1` of `hits` (none for 0).
    fn group(&self, start: u32, hits: &[Hit], spellings: &'a Spellings<TermId>) -> Option<(&'a [TermId], usize)> {
        let hit = hits.get(start.checked_sub(1)? as usize)?;
        Some((spellings.meanings.get(hit.entry as usize)?.as_slice(), hit.end))
    }
}

impl Terms for Lexed<'_> {
    fn words(&self) -> usize {
        self.tokens.len()
    }

    fn at(&self, i: usize) -> [Option<(&[TermId], usize)>; 2] {
        let Some(starts) = self.term_starts.get(i) else { return [None, None] };
        [
            self.group(starts[0], &self.phrase_hits, &self.lexicon.phrases),
            self.group(starts[1], &self.word_hits, &self.lexicon.words),
        ]
    }

    fn has(&self, t: TermId) -> bool {
        self.present.get(t as usize / 64).is_some_and(|w| w & (1 << (t % 64)) != 0)
    }

    fn temporal(&self, i: usize) -> bool {
        const TIME: &[&str] = &["today", "yesterday", "tomorrow", "last", "next", "this", "the", "time"];
        let w = self.word(i);
        // "the" starts a time expression only before one ("the next day").
        let the = w.eq_ignore_ascii_case("the");
        let time = |list: &[&str]| list.iter().any(|t| w.eq_ignore_ascii_case(t));
        (time(super::CALENDAR) || time(TIME)) && (!the || self.temporal(i + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::tokens::tokenize;
    use sitrep_model::Span;

    const DICT: &str = "\
&AIRCRAFT
+JET
---  SET   [---]  ---
SET {SETS SETTING}
+SET_UP {+SETS_UP +SETTING_UP}
---  ATTACK   [190]  ---
ATTACK
- * WAR [190]
- * TO_ATTACK [190]
- * (TO) [190]
";

    #[test]
    fn longest_whole_words() {
        let d = Dictionary::parse(DICT).expect("parses");
        let lex = Lexicon::new(&d).expect("compiles");
        let text = "Jets set up a base; the warship ATTACKED, then sets war to attack.";
        let lexed = lex.scan(text, tokenize(text, Span::new(0, text.len())));
        let spell = |h: &Hit| {
            Span::new(lexed.tokens[h.first].span.start, lexed.tokens[h.end - 1].span.end)
                .slice(text)
                .unwrap_or("")
                .to_owned()
        };
        let verbs: Vec<String> = lexed.verb_hits.iter().map(spell).collect();
        assert_eq!(verbs, ["set up", "ATTACKED", "sets", "attack"]);
        let terms: Vec<String> = (0..lexed.tokens.len())
            .flat_map(|i| lexed.at(i).into_iter().flatten().map(move |(_, end)| Hit { first: i, end, entry: 0 }))
            .map(|h| spell(&h))
            .collect();
        assert_eq!(
            terms,
            ["Jets", "war", "to attack", "to"],
            "the phrase term hides neither the verb nor its first word"
        );
    }
}
