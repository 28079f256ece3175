//! Cues: words and phrases that say how sure a clause is — hedges ("may",
//! "reportedly"), attributions ("X said", "according to X"), negations
//! ("denied", "did not"), plans ("will", "is preparing"), conditionals ("if")
//! and opinions ("it's clear that", "should") — each a [`CueMention`] with its
//! byte span, and for attributions the span of who says so.
//!
//! Matching: the lexicon `data/lexicon/cues.tsv` is compiled into one
//! Aho-Corasick automaton, ASCII case-insensitive, **leftmost-longest**: at a
//! position the longest phrase wins, so "could not" (negation) beats "could"
//! (hedge) and the block "will of" (kind `none`) beats the modal "will". A
//! match must sit on word boundaries; when it does not ("no" in "nothing"),
//! the search resumes one character later, so no shorter match is lost.
//!
//! Context rules, keyed by the phrase, that a table cannot say:
//! - "May" capitalised inside a sentence, or before a number, is the month.
//! - "Will" capitalised inside a sentence is a name; "the will", "his will" a noun.
//! - "No." and "No 5" are numbers.
//! - "would" is Future in reported speech (after an attribution or a plan in
//!   the same sentence: "said it would withdraw") and Conditional otherwise
//!   ("it would also prevent").
//! - "needs" after a determiner or adjective is a noun ("humanitarian needs").
//! - A reporting verb after a determiner is an adjective ("the reported attack").
//! - "statement", "report", "announcement" attribute only with their source:
//!   "the ministry's statement", "a statement by the ministry".
//! - "is expected to" is both Future and Hedge: two mentions with one span.
//!
//! The source of an attribution is a noun phrase found with a little syntax
//! on word tokens: left of a reporting verb ("the Syrian Observatory for Human
//! Rights said"), right of "according to"/"citing", right of an inverted verb
//! after a quote or comma (`", said the monitor"`), and after a passive "by"
//! ("claimed by the group"). Pronouns ("he said") give no source.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};
use sitrep_model::{CueKind, CueMention, Doc, Span};

use crate::quantities::token::{self, Kind, Token};
use crate::quantities::tsv_rows;

const CUES: &str = include_str!("../../../data/lexicon/cues.tsv");

/// Most tokens in a source noun phrase.
const MAX_SOURCE_TOKENS: usize = 10;
/// Most lower-case words in a source noun phrase ("the state news agency").
const MAX_SOURCE_LOWER: usize = 3;

/// A row of the cue lexicon that could not be read, or an automaton that
/// could not be built from it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cues.tsv line {line}: {reason}")]
pub struct CueLexiconError {
    pub line: usize,
    pub reason: String,
}

/// Finds cues. Build once, apply to many documents.
#[derive(Debug, Clone)]
pub struct CueRecogniser {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

/// One lexicon phrase: what it signals and where its source is.
#[derive(Debug, Clone)]
struct Entry {
    /// Empty for a block (kind `none`).
    kinds: Vec<CueKind>,
    side: Side,
    rule: Rule,
}

/// Where the source noun phrase of an attribution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    None,
    Left,
    Right,
    /// Left, or right after a quote or comma.
    Either,
    /// "X's statement" or "statement by X"; no cue without one.
    Possessive,
}

/// The context rule a phrase needs (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    None,
    May,
    Will,
    No,
    Would,
    Needs,
}

impl Rule {
    fn for_phrase(phrase: &str) -> Self {
        match phrase {
            "may" => Self::May,
            "will" => Self::Will,
            "no" => Self::No,
            "would" => Self::Would,
            "needs" => Self::Needs,
            _ => Self::None,
        }
    }
}

const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your"];
/// Words before "will" or "needs" that make it a noun.
const NOUN_MAKERS: &[&str] = &[
    "the",
    "a",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "political",
    "good",
    "free",
    "ill",
    "popular",
    "own",
    "basic",
    "humanitarian",
    "urgent",
    "medical",
    "special",
    "immediate",
    "daily",
    "security",
    "military",
];
/// Words between a subject and its reporting verb ("the ministry has also said").
const BEFORE_VERB: &[&str] = &[
    "also",
    "later",
    "earlier",
    "previously",
    "separately",
    "further",
    "has",
    "have",
    "had",
    "officially",
    "publicly",
    "initially",
    "repeatedly",
    "again",
    "then",
    "now",
    "already",
    "recently",
    "reportedly",
    "once",
];
/// [`SOURCE_BOUNDARY`] as a set of lower-case bytes, for the scans that test
/// every token of a phrase.
static BOUNDARY_SET: LazyLock<HashSet<&'static [u8]>> =
    LazyLock::new(|| SOURCE_BOUNDARY.iter().map(|w| w.as_bytes()).collect());

/// Words that end a source noun phrase.
const SOURCE_BOUNDARY: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "when",
    "while",
    "as",
    "because",
    "since",
    "and",
    "but",
    "or",
    "if",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "after",
    "before",
    "said",
    "says",
    "than",
    "where",
    "what",
    "however",
    "meanwhile",
    "yet",
    "so",
    "not",
    "there",
    "here",
    "of",
    "for",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
];
/// "-ed" words that are adjectives in a source ("unnamed sources", "armed groups").
const ADJECTIVES_IN_ED: &[&str] =
    &["armed", "concerned", "informed", "united", "based", "affiliated", "related", "led", "backed"];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "one", "this", "someone"];

impl CueRecogniser {
    /// The recogniser with the shipped lexicon.
    pub fn new() -> Result<Self, CueLexiconError> {
        Self::from_tsv(CUES)
    }

    /// A recogniser from a lexicon in the shipped format (see `cues.tsv`).
    pub fn from_tsv(tsv: &str) -> Result<Self, CueLexiconError> {
        let mut phrases = Vec::new();
        let mut entries = Vec::new();
        for (line, cols) in tsv_rows(tsv) {
            let bad = |reason: &str| CueLexiconError { line, reason: reason.to_owned() };
            let [phrase, kind, side, ..] = cols[..] else {
                return Err(bad("expected phrase, kind, source"));
            };
            let entry = Entry {
                kinds: parse_kinds(kind).ok_or_else(|| bad("unknown kind"))?,
                side: parse_side(side).ok_or_else(|| bad("source is not left, right, either, possessive or -"))?,
                rule: Rule::for_phrase(&phrase.to_ascii_lowercase()),
            };
            // Typographic apostrophes match like straight ones ("didn’t").
            if phrase.contains('\'') {
                phrases.push(phrase.replace('\'', "’"));
                entries.push(entry.clone());
            }
            phrases.push(phrase.to_owned());
            entries.push(entry);
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&phrases)
            .map_err(|e| CueLexiconError { line: 0, reason: e.to_string() })?;
        Ok(Self { automaton, entries })
    }

    /// Every cue in the document, sorted by span.
    #[must_use]
    pub fn find(&self, doc: &Doc) -> Vec<CueMention> {
        let mut out = Vec::new();
        let mut toks = WindowTokens::default();
        let text = doc.text.as_str();
        let mut pos = 0;
        while let Some(m) = self.automaton.find(Input::new(text).range(pos..)) {
            let span = Span::new(m.start(), m.end());
            if !on_word_boundaries(text, span) {
                pos = next_char(text, m.start());
                continue;
            }
            pos = m.end();
            let entry = &self.entries[m.pattern().as_usize()];
            let sentence = sentence_of(doc, span.start);
            for &kind in &entry.kinds {
                if let Some(kind) = apply_rule(entry, kind, text, span, sentence, &out) {
                    push(&mut out, kind, entry, span, sentence, doc, &mut toks);
                }
            }
        }
        out
    }
}

/// Add a cue, finding its source if it is an attribution.
fn push(
    out: &mut Vec<CueMention>,
    kind: CueKind,
    entry: &Entry,
    span: Span,
    sentence: Span,
    doc: &Doc,
    toks: &mut WindowTokens,
) {
    if kind != CueKind::Attribution {
        out.push(CueMention { span, kind, source: None });
        return;
    }
    let toks = toks.around(&doc.text, span, sentence);
    match attribution_source(&doc.text, toks, span, entry.side) {
        Attributed::Source(source) => out.push(CueMention { span, kind, source }),
        Attributed::NotACue => {}
    }
}

/// How far a source phrase can reach from its cue, in bytes.
const REACH: usize = 12 * MAX_SOURCE_TOKENS;

/// The tokens of a window of the text around the last attribution cue,
/// reused while later cues fall well inside it: long sentences are never
/// tokenized whole, nor twice.
#[derive(Debug, Default)]
struct WindowTokens {
    window: Option<Span>,
    toks: Vec<Token>,
}

impl WindowTokens {
    fn around(&mut self, text: &str, cue: Span, sentence: Span) -> &[Token] {
        // Half the reach either way: a window's ends are cut back to white space.
        let half = REACH / 2;
        let needed = Span::new(cue.start.saturating_sub(half).max(sentence.start), (cue.end + half).min(sentence.end));
        if !self.window.is_some_and(|w| w.contains(needed)) {
            let w = window(text, cue, sentence, 4 * REACH);
            token::tokenize(text, w, &mut self.toks);
            self.window = Some(w);
        }
        &self.toks
    }
}

/// The part of `sentence` from `REACH` before a cue to `ahead` after it, cut
/// at white space.
fn window(text: &str, cue: Span, sentence: Span, ahead: usize) -> Span {
    let from = cue.start.saturating_sub(REACH).max(sentence.start);
    let to = (cue.end + ahead).min(sentence.end);
    let head = text.get(from..cue.start).unwrap_or("");
    let start =
        if from == sentence.start { from } else { head.find(char::is_whitespace).map_or(cue.start, |i| from + i) };
    let tail = text.get(cue.end..to).unwrap_or("");
    let end = if to == sentence.end { to } else { tail.rfind(char::is_whitespace).map_or(cue.end, |i| cue.end + i) };
    Span::new(start, end)
}

fn parse_kinds(kind: &str) -> Option<Vec<CueKind>> {
    if kind == "none" {
        return Some(Vec::new());
    }
    kind.split('+')
        .map(|k| match k {
            "hedge" => Some(CueKind::Hedge),
            "attribution" => Some(CueKind::Attribution),
            "negation" => Some(CueKind::Negation),
            "future" => Some(CueKind::Future),
            "conditional" => Some(CueKind::Conditional),
            "opinion" => Some(CueKind::Opinion),
            _ => None,
        })
        .collect()
}

fn parse_side(side: &str) -> Option<Side> {
    Some(match side {
        "-" => Side::None,
        "left" => Side::Left,
        "right" => Side::Right,
        "either" => Side::Either,
        "possessive" => Side::Possessive,
        _ => return None,
    })
}

/// True when no letter, digit or hyphen touches a word-like end of the match.
fn on_word_boundaries(text: &str, span: Span) -> bool {
    let attached = |c: char| c.is_alphanumeric() || c == '-';
    let matched = span.slice(text).unwrap_or("");
    let head = text.get(..span.start).unwrap_or("");
    let tail = text.get(span.end..).unwrap_or("");
    let start_ok = !matched.starts_with(char::is_alphanumeric) || !head.chars().next_back().is_some_and(attached);
    let end_ok = !matched.ends_with(char::is_alphanumeric) || !tail.chars().next().is_some_and(attached);
    start_ok && end_ok
}

/// The byte offset of the character after the one at `pos`.
fn next_char(text: &str, pos: usize) -> usize {
    text.get(pos..).and_then(|t| t.chars().next()).map_or(text.len(), |c| pos + c.len_utf8())
}

/// The span of the sentence holding `pos`, or the whole text.
fn sentence_of(doc: &Doc, pos: usize) -> Span {
    doc.sentence_at(pos).map_or(Span::new(0, doc.text.len()), |i| doc.sentences[i].span)
}

/// The kind a cue has in its context, or `None` when the context shows it is
/// no cue (see the module doc).
fn apply_rule(
    entry: &Entry,
    kind: CueKind,
    text: &str,
    span: Span,
    sentence: Span,
    before: &[CueMention],
) -> Option<CueKind> {
    let matched = span.slice(text).unwrap_or("");
    let capital_inside = matched.starts_with(char::is_uppercase) && !starts_sentence(text, span.start, sentence);
    let prev = word_before(text, span.start, sentence.start).to_ascii_lowercase();
    let next = text.get(span.end..).unwrap_or("").trim_start();
    let keep = match entry.rule {
        Rule::None => true,
        Rule::May => !(capital_inside || (matched.starts_with('M') && next.starts_with(|c: char| c.is_ascii_digit()))),
        Rule::Will => !(capital_inside || NOUN_MAKERS.contains(&prev.as_str())),
        Rule::No => !(next.starts_with('.') || next.starts_with(|c: char| c.is_ascii_digit())),
        Rule::Needs => !NOUN_MAKERS.contains(&prev.as_str()),
        Rule::Would => return Some(if reported_speech(before, sentence) { kind } else { CueKind::Conditional }),
    };
    let adjective = entry.side == Side::Either && DETERMINERS.contains(&prev.as_str());
    (keep && !adjective).then_some(kind)
}

/// True when an attribution or plan precedes in the same sentence.
fn reported_speech(before: &[CueMention], sentence: Span) -> bool {
    before
        .iter()
        .rev()
        .take_while(|m| m.span.start >= sentence.start)
        .any(|m| matches!(m.kind, CueKind::Attribution | CueKind::Future))
}

/// True when only white space or an opening quote lies between the sentence
/// start and `pos`.
fn starts_sentence(text: &str, pos: usize, sentence: Span) -> bool {
    let before = text.get(sentence.start.min(pos)..pos).unwrap_or("");
    before.chars().all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘' | '(' | '['))
}

/// The word ending just before `pos`, not looking before `floor`.
fn word_before(text: &str, pos: usize, floor: usize) -> &str {
    let head = text.get(floor.min(pos)..pos).unwrap_or("").trim_end();
    let start = head.rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')).map_or(0, |i| i + 1);
    head.get(start..).unwrap_or("")
}

/// What an attribution cue's context says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attributed {
    /// A cue, with its source when the text names one.
    Source(Option<Span>),
    /// A "statement" or "report" with no one's name on it: no cue.
    NotACue,
}

/// The source of an attribution cue at `span`, looked for on its `side`.
fn attribution_source(text: &str, toks: &[Token], span: Span, side: Side) -> Attributed {
    let first = toks.partition_point(|t| t.start < span.start);
    let after = toks.partition_point(|t| t.start < span.end);
    let w = Words { text, toks };
    if w.is(after, "by") && side != Side::Right {
        return Attributed::Source(w.right_phrase(after + 1));
    }
    match side {
        Side::None => Attributed::Source(None),
        Side::Left => Attributed::Source(w.left_phrase(first)),
        Side::Right => Attributed::Source(w.right_phrase(after)),
        Side::Either => Attributed::Source(w.either_phrase(first, after)),
        Side::Possessive => w.possessor(first, after),
    }
}

/// Word tokens of one sentence, read around a cue.
struct Words<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl Words<'_> {
    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(i, w))
    }

    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn span(&self, first: usize, last: usize) -> Option<Span> {
        Some(Span::new(self.toks.get(first)?.start, self.toks.get(last)?.end))
    }

    /// Left of a verb, else right of it when a quote or comma comes first
    /// (`"…," said the monitor`).
    fn either_phrase(&self, first: usize, after: usize) -> Option<Span> {
        let mut k = first;
        while k > 0 && self.is_any(k - 1, BEFORE_VERB) {
            k -= 1;
        }
        if k == 0 || self.kind(k - 1) == Some(Kind::Punct) {
            return self.right_phrase(after);
        }
        self.left_phrase(first)
    }

    /// The noun phrase ending just before token `first` (the verb).
    fn left_phrase(&self, first: usize) -> Option<Span> {
        let mut k = first;
        while k > 0 && self.is_any(k - 1, BEFORE_VERB) {
            k -= 1;
        }
        let end = k;
        let start = self.phrase_start(end)?;
        let single_pronoun = end - start == 1 && self.is_any(start, PRONOUNS);
        if single_pronoun {
            return None;
        }
        self.span(start, end - 1)
    }

    /// Where the noun phrase that ends before token `end` begins.
    fn phrase_start(&self, end: usize) -> Option<usize> {
        let mut start = None;
        let mut lower = 0;
        let mut k = end;
        while k > 0 && end - k < MAX_SOURCE_TOKENS {
            let t = k - 1;
            match self.left_step(t, &mut lower) {
                Step::Take => start = Some(t),
                Step::TakeAndStop => return Some(t),
                Step::Pass => {}
                Step::Jump(to) => {
                    k = to;
                    continue;
                }
                Step::Stop => break,
            }
            k = t;
        }
        start
    }

    /// What the leftward scan does with token `t`.
    fn left_step(&self, t: usize, lower: &mut usize) -> Step {
        match self.kind(t) {
            Some(Kind::Punct) if self.word(t) == ")" => self.open_paren(t).map_or(Step::Stop, Step::Jump),
            Some(Kind::Punct) | None => Step::Stop,
            Some(Kind::Number) => Step::TakeAndStop,
            Some(Kind::Word) if self.is_any(t, DETERMINERS) => {
                if t > 0 && self.is_any(t - 1, &["of", "for"]) {
                    Step::Take
                } else {
                    Step::TakeAndStop
                }
            }
            Some(Kind::Word) if self.is_any(t, &["of", "for"]) => Step::Pass,
            Some(Kind::Word) => self.content_step(t, lower),
        }
    }

    /// A content word joins the phrase: any capitalised word, up to
    /// [`MAX_SOURCE_LOWER`] lower-case ones, no verb forms.
    fn content_step(&self, t: usize, lower: &mut usize) -> Step {
        let word = self.word(t);
        if token::with_lowercase(word, |w| BOUNDARY_SET.contains(w)) {
            return Step::Stop;
        }
        if word.starts_with(char::is_uppercase) || word.contains('-') {
            return Step::Take;
        }
        *lower += 1;
        let adjective = word.starts_with("un") || ADJECTIVES_IN_ED.contains(&word);
        let verbish = (word.ends_with("ed") || word.ends_with("ing")) && !adjective;
        if verbish || *lower > MAX_SOURCE_LOWER {
            Step::Stop
        } else {
            Step::Take
        }
    }

    /// The "(" that opens the ")" at `close`, a few tokens back.
    fn open_paren(&self, close: usize) -> Option<usize> {
        (close.saturating_sub(6)..close).rev().find(|&k| self.word(k) == "(")
    }

    /// The noun phrase starting at token `from`.
    fn right_phrase(&self, from: usize) -> Option<Span> {
        let (mut last, mut lower, mut k) = (None, 0, from);
        while k < self.toks.len() && k < from + MAX_SOURCE_TOKENS {
            let taken = last.is_some();
            match self.kind(k) {
                Some(Kind::Punct) if self.word(k) == "(" && taken => match (k..k + 6).find(|&c| self.word(c) == ")") {
                    Some(close) => {
                        last = Some(close);
                        k = close + 1;
                        continue;
                    }
                    None => break,
                },
                Some(Kind::Punct) | None => break,
                Some(Kind::Number) if taken => break,
                Some(Kind::Number) => last = Some(k),
                Some(Kind::Word) if self.is_any(k, DETERMINERS) => {
                    if taken || k > from {
                        break;
                    }
                }
                Some(Kind::Word) if self.is_any(k, &["of", "for"]) && taken => {}
                Some(Kind::Word) => match self.content_step(k, &mut lower) {
                    Step::Take => last = Some(k),
                    _ => break,
                },
            }
            k += 1;
        }
        let single_pronoun = last == Some(from) && self.is_any(from, PRONOUNS);
        last.filter(|_| !single_pronoun).and_then(|l| self.span(from, l))
    }

    /// "the ministry's statement" or "a statement by the ministry".
    fn possessor(&self, first: usize, after: usize) -> Attributed {
        let possessive = first > 0 && {
            let w = self.word(first - 1);
            w.ends_with("'s") || w.ends_with("’s")
        };
        if possessive {
            return Attributed::Source(self.left_phrase(first).map(|s| strip_possessive(self.text, s)));
        }
        if self.is_any(after, &["by", "from"]) {
            return Attributed::Source(self.right_phrase(after + 1));
        }
        Attributed::NotACue
    }
}

/// "the ministry's" → "the ministry" (either apostrophe).
fn strip_possessive(text: &str, span: Span) -> Span {
    let s = span.slice(text).unwrap_or("");
    let cut = ["'s", "’s"].iter().find(|suffix| s.ends_with(*suffix)).map_or(0, |suffix| suffix.len());
    Span::new(span.start, span.end - cut)
}

/// What a scan over a source phrase does with one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The token belongs to the phrase.
    Take,
    /// The token opens the phrase ("the", a number).
    TakeAndStop,
    /// The token may be inside the phrase ("of", "for") if more comes.
    Pass,
    /// A parenthesis: the phrase goes on before the token given.
    Jump(usize),
    Stop,
}
