//! Text folding for matching names of places and actors.
//!
//! Two keys are defined here, and both sides of a match (the gazetteer or
//! dictionary name, and the document text) are always folded by the same code:
//!
//! **The folded key** ([`fold`], [`tokens`], [`fold_with_offsets`]) is the
//! "exact-ish" key. It is the text split into word tokens and joined by single
//! spaces, where
//! - characters are decomposed (NFKD) and combining marks dropped (`Ḥamāh` →
//!   `hamah`), a few letters that do not decompose are spelled out (`ß` → `ss`,
//!   `ø` → `o`, `æ` → `ae`, `ı` → `i`), Arabic letter variants are unified
//!   (`أ إ آ` → `ا`, `ة` → `ه`, `ى` → `ي`) and everything is lower-cased;
//! - anything that is not a letter or digit separates words (hyphens, commas,
//!   brackets, …), except apostrophes *inside* a word, which vanish, because
//!   transliterations write the Arabic `ʿayn`/`hamza` with them or leave them out
//!   (`Ma'arrat` = `Maʿarrat` = `Maarrat`), and the possessive `'s`, which is
//!   dropped (`Aleppo's` → `aleppo`);
//! - every form of the Arabic article becomes the token `al`: `al-`, `el-` and the
//!   assimilated forms `ad- ar- as- az- ash- at- an- adh- ath- ed- er- es- ez- et-
//!   en- esh-` when the next word starts with the assimilated consonant, hyphen or
//!   not (`Deir ez-Zor` = `Deir ez Zor` = `deir al zor`). The lower-case English
//!   words `at`, `an`, `as` are never taken for an article when written apart;
//! - the abbreviations `St`, `Ste`, `Mt` become `saint`, `sainte`, `mount`.
//!
//! **The skeleton** ([`skeleton`]) is a loose key for transliteration variants
//! of Arabic, Persian and Pashto names, meant to be used only where the folded
//! key finds nothing and only over gazetteer entries of countries where such
//! variation is the norm (over the whole world it would join unrelated names).
//! It drops articles (also glued ones: `Alqusayr`, `Ezzor`), keeps consonants
//! only, and merges the consonants that transliterations confuse:
//! `q c ck kh` → `k` (ق/ك/خ), `gh` → `g` (غ), `sh ch` → one sibilant (ش/چ),
//! `th` → `t`, `dh` → `d`, `ph` → `f`, `dj` → `j`, `p` → `b`, `v` → `w`, `x` → `ks`.
//! `w` and `y` count as vowels except at the start of a word (they write the
//! long vowels and diphthongs: `Dayr` = `Deir` = `Dair`, `Zawr` = `Zor` = `Zour`).
//! A word-initial vowel is kept as a single `a` (so `Amr` ≠ `Mr`), a final `h`
//! after a vowel is dropped (tā' marbūṭa: `Raqqah` = `Raqqa`), doubled consonants
//! are written once, and word boundaries vanish (`Ma arrat` = `Maarrat`).
//! Kept apart on purpose: `j` and `g` (ج and غ are different letters), `s` and
//! `sh`, `s` and `z`, `d` and `z`. Examples: `Bgelia`, `Al Bogeleyyah` and
//! `al-Baghiliyah` all give `bgl`; `Mreya`, `Al Mariiyah`, `al-Muraiya` give `mr`.
//!
//! Cost: [`Words`] holds the words of a text with their folded forms as
//! ranges of one buffer (the text's folded key), with an ASCII fast path, so
//! folding a document costs no allocation per word; [`tokens`] and [`fold`]
//! are built on it.
//!
//! Offsets: [`Token`]s carry the byte range of the word in the original text;
//! [`Folded`] maps any byte range of the folded text back to the original, at
//! word granularity (a folded range always maps to whole original words).
//!
//! This file uses only `std` and `unicode-normalization` on purpose: the
//! gazetteer's build script in `sitrep-geo` includes it by path so that the
//! index is folded by exactly the code that folds documents.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// How a word was written in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Starts with a lower-case letter (`village`, `al`).
    Lower,
    /// Starts with an upper-case letter, not all upper-case (`Aleppo`, `McAllen`).
    Capitalised,
    /// Two or more letters, all upper-case (`SYRIA`, `SAA`).
    Upper,
    /// A single upper-case letter (`A`, `I`).
    Initial,
    /// No cased letter first: digits, or a script without case (Arabic).
    Uncased,
}

/// A word of the original text with its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded word (`al` for every article form).
    pub folded: String,
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just past the word's last character (before any possessive).
    pub end: usize,
    pub case: Case,
    /// True when this word is a form of the Arabic article.
    pub article: bool,
}

/// Apostrophe-like characters: ASCII and typographic quotes, the modifier
/// letters used for `ʿayn` and `hamza`, acute and grave accents used alike.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{2BF}' | '\u{2BE}' | '\u{B4}' | '\u{2BC}' | '\u{2BB}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

/// Letters that neither decompose nor lower-case to ASCII but have a
/// conventional Latin spelling, and Arabic letter variants.
fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ø' | 'Ø' => "o",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ł' | 'Ł' => "l",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'ŧ' | 'Ŧ' => "t",
        'ة' => "ه",
        'ى' => "ي",
        'ـ' => "",
        _ => return None,
    })
}

/// Append the folded form of `c` (possibly empty) to `out`.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = special_fold(c) {
        out.push_str(s);
        return;
    }
    decompose_compatible(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        match special_fold(d) {
            Some(s) => out.push_str(s),
            None => out.extend(d.to_lowercase()),
        }
    });
}

/// True when `c` belongs to a word (a letter or digit that is not an apostrophe).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_apostrophe(c)
}

/// The case class of an original word.
fn case_of(word: &str) -> Case {
    if word.is_ascii() {
        return ascii_case_of(word.as_bytes());
    }
    letters_case(word.chars().filter(|c| c.is_alphabetic()).map(|c| (c.is_uppercase(), c.is_lowercase())))
}

/// [`case_of`] for an ASCII word (the common case, without decoding).
fn ascii_case_of(word: &[u8]) -> Case {
    letters_case(
        word.iter().filter(|b| b.is_ascii_alphabetic()).map(|b| (b.is_ascii_uppercase(), b.is_ascii_lowercase())),
    )
}

/// The case class of a word's letters, given as (upper, lower) pairs.
fn letters_case(mut letters: impl Iterator<Item = (bool, bool)>) -> Case {
    let Some((upper, lower)) = letters.next() else { return Case::Uncased };
    if !upper {
        return if lower { Case::Lower } else { Case::Uncased };
    }
    let mut more = false;
    for (_, lower) in letters {
        if lower {
            return Case::Capitalised;
        }
        more = true;
    }
    if more {
        Case::Upper
    } else {
        Case::Initial
    }
}

/// The character at byte `i` of `text` (a character boundary) and its length.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// True when the character at byte `i` of `text` belongs to a word.
fn word_char_at(text: &str, i: usize) -> bool {
    char_at(text, i).is_some_and(|(c, _)| is_word_char(c))
}

/// Read the word starting at byte `i` (a word character), appending its
/// folded form to `out`: runs of word characters, joined across inner
/// apostrophes; a possessive `'s` ends the word and is skipped. Returns the
/// end of the word and the byte to go on from.
fn read_word(text: &str, mut i: usize, out: &mut String) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut end = i;
    loop {
        let run = bytes.get(i..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count());
        if run > 0 {
            let at = out.len();
            out.push_str(text.get(i..i + run).unwrap_or(""));
            if let Some(pushed) = out.get_mut(at..) {
                pushed.make_ascii_lowercase();
            }
            i += run;
            end = i;
        }
        let Some((c, len)) = char_at(text, i) else { break };
        if is_word_char(c) {
            fold_char(c, out);
            i += len;
            end = i;
        } else if is_apostrophe(c) && word_char_at(text, i + len) {
            let next = i + len;
            let possessive = matches!(text.as_bytes().get(next), Some(b's' | b'S')) && !word_char_at(text, next + 1);
            if possessive {
                return (end, next + 1);
            }
            i = next;
        } else {
            break;
        }
    }
    (end, i)
}

/// The assimilated article forms and the consonant each assimilates to.
const SUN_ARTICLES: &[(&str, &str)] = &[
    ("ad", "d"),
    ("adh", "dh"),
    ("ar", "r"),
    ("as", "s"),
    ("ash", "sh"),
    ("at", "t"),
    ("ath", "th"),
    ("az", "z"),
    ("an", "n"),
    ("ed", "d"),
    ("er", "r"),
    ("es", "s"),
    ("esh", "sh"),
    ("et", "t"),
    ("ez", "z"),
    ("en", "n"),
    ("ul", "l"),
];

/// True when the folded word `w` (written with `case`, followed by a hyphen
/// or not) is an article before the folded word `next`.
fn is_article(w: &str, case: Case, hyphen_after: bool, next: Option<&str>) -> bool {
    if !(2..=3).contains(&w.len()) || !matches!(w.as_bytes().first(), Some(b'a' | b'e' | b'u')) {
        return false;
    }
    let Some(next) = next else { return false };
    if !next.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    match w {
        "al" | "el" => true,
        "at" | "an" | "as" if case == Case::Lower && !hyphen_after => false,
        f => SUN_ARTICLES.iter().any(|(a, c)| *a == f && next.starts_with(c)),
    }
}

/// Abbreviations spelled out in the folded key.
fn expand_abbreviation(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "st" => "saint",
        "ste" => "sainte",
        "mt" => "mount",
        _ => return None,
    })
}

/// A word of [`Words`]: a [`Token`] whose folded form lives in the shared
/// folded key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word's first character in the original text.
    pub start: usize,
    /// Byte offset just past the word's last character (before any possessive).
    pub end: usize,
    pub case: Case,
    /// True when this word is a form of the Arabic article.
    pub article: bool,
    /// The folded word's byte range in [`Words::key`].
    key_start: usize,
    key_end: usize,
    /// True when a hyphen follows the word (read before articles are known).
    hyphen_after: bool,
}

/// The words of a text, folded, without an allocation per word: every folded
/// word is a range of one buffer, the text's folded key ([`fold`]). The same
/// words as [`tokens`]; a `Words` can be refilled to reuse its buffers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    key: String,
    words: Vec<Word>,
}

impl Words {
    /// The words of `text`.
    #[must_use]
    pub fn of(text: &str) -> Self {
        let mut w = Words::default();
        w.read(text);
        w
    }

    /// Replace the contents with the words of `text`.
    pub fn read(&mut self, text: &str) {
        self.key.clear();
        self.words.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() && !b.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let Some((c, len)) = char_at(text, i) else { break };
            if !is_word_char(c) {
                i += len;
                continue;
            }
            if !self.key.is_empty() {
                self.key.push(' ');
            }
            let key_start = self.key.len();
            let (end, next) = read_word(text, i, &mut self.key);
            let case = case_of(text.get(i..end).unwrap_or(""));
            let hyphen_after = char_at(text, end).is_some_and(|(c, _)| is_hyphen(c));
            self.words.push(Word {
                start: i,
                end,
                case,
                article: false,
                key_start,
                key_end: self.key.len(),
                hyphen_after,
            });
            if self.words.len() > 1 {
                self.settle(self.words.len() - 2);
            }
            i = next;
        }
        if !self.words.is_empty() {
            self.settle(self.words.len() - 1);
        }
    }

    /// Decide whether word `k` is an article (now that the next word is
    /// read) and rewrite its folded form to `al` or a spelled-out abbreviation.
    fn settle(&mut self, k: usize) {
        let w = self.words[k];
        if w.key_end - w.key_start > 3 {
            return; // longer than any article or abbreviation
        }
        let folded = self.key.get(w.key_start..w.key_end).unwrap_or("");
        let next = self.words.get(k + 1).map(|n| self.key.get(n.key_start..n.key_end).unwrap_or(""));
        let article = is_article(folded, w.case, w.hyphen_after, next);
        self.words[k].article = article;
        let new = if article { Some("al") } else { expand_abbreviation(folded) };
        let Some(new) = new.filter(|n| *n != folded) else { return };
        self.key.replace_range(w.key_start..w.key_end, new);
        let grown = new.len().wrapping_sub(w.key_end - w.key_start);
        self.words[k].key_end = w.key_start + new.len();
        for n in &mut self.words[k + 1..] {
            n.key_start = n.key_start.wrapping_add(grown);
            n.key_end = n.key_end.wrapping_add(grown);
        }
    }

    /// The folded key of the whole text: the folded words joined as by [`join`].
    #[must_use]
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The folded key, taken out.
    #[must_use]
    pub fn into_key(self) -> String {
        self.key
    }

    /// The words, in order.
    #[must_use]
    pub fn as_slice(&self) -> &[Word] {
        &self.words
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The folded form of word `k` ("" when there is no such word).
    #[must_use]
    pub fn folded(&self, k: usize) -> &str {
        self.words.get(k).and_then(|w| self.key.get(w.key_start..w.key_end)).unwrap_or("")
    }
}

/// The words of `text`, folded, with their original byte ranges and case.
#[must_use]
pub fn tokens(text: &str) -> Vec<Token> {
    let words = Words::of(text);
    let token = |(k, w): (usize, &Word)| Token {
        folded: words.folded(k).to_owned(),
        start: w.start,
        end: w.end,
        case: w.case,
        article: w.article,
    };
    words.as_slice().iter().enumerate().map(token).collect()
}

/// The folded key of a name or any text: its folded words joined by one space.
#[must_use]
pub fn fold(text: &str) -> String {
    Words::of(text).into_key()
}

/// Folded words joined by single spaces.
#[must_use]
pub fn join(tokens: &[Token]) -> String {
    let mut s = String::new();
    for t in tokens {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&t.folded);
    }
    s
}

/// A folded document text with a map back to the original byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text: folded words joined by single spaces.
    pub text: String,
    /// The words, in order, with their original ranges.
    pub tokens: Vec<Token>,
    /// For each byte of `text`, the index of its word (a space belongs to the
    /// word after it).
    word_of: Vec<u32>,
}

impl Folded {
    /// The original byte range covering the folded range `start..end`, widened
    /// to whole words; `None` when the range is empty or out of bounds.
    #[must_use]
    pub fn original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end || end > self.text.len() {
            return None;
        }
        let first = self.tokens.get(*self.word_of.get(start)? as usize)?;
        let last = self.tokens.get(*self.word_of.get(end - 1)? as usize)?;
        Some((first.start, last.end))
    }
}

/// Fold a document's text keeping the way back to original offsets.
#[must_use]
pub fn fold_with_offsets(text: &str) -> Folded {
    let tokens = tokens(text);
    let mut folded = String::new();
    let mut word_of = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let idx = u32::try_from(i).unwrap_or(u32::MAX);
        if i > 0 {
            folded.push(' ');
            word_of.push(idx);
        }
        folded.push_str(&t.folded);
        word_of.extend(std::iter::repeat_n(idx, t.folded.len()));
    }
    Folded { text: folded, tokens, word_of }
}

/// The skeleton key of a name (see the module doc): the skeletons of its
/// non-article words, concatenated.
#[must_use]
pub fn skeleton(text: &str) -> String {
    let words = Words::of(text);
    let mut out = String::new();
    for (k, w) in words.as_slice().iter().enumerate() {
        word_skeleton(words.folded(k), w.article, &mut out);
    }
    out
}

/// The Persian ezafe written as a word of its own (`Nahr-e Shahi`, `Chashmah-ye
/// Duzakh`): transliterations write it, leave it out or glue it on.
fn is_ezafe(word: &str) -> bool {
    matches!(word, "e" | "i" | "ye" | "yi" | "y")
}

/// The skeleton of one word of a text ("" for an article or an ezafe), for
/// walking a skeleton index word by word; [`skeleton`] is the concatenation.
#[must_use]
pub fn token_skeleton(t: &Token) -> String {
    let mut out = String::new();
    word_skeleton(&t.folded, t.article, &mut out);
    out
}

/// Append the skeleton of one folded word (nothing for an article or an
/// ezafe) to `out`: [`token_skeleton`] without the allocation.
pub fn word_skeleton(folded: &str, article: bool, out: &mut String) {
    if !article && !is_ezafe(folded) {
        skeleton_word(folded, out);
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Remove a glued article: `alqusayr` → `qusayr`, `ezzor` → `zor`.
fn strip_glued_article(w: &[u8]) -> &[u8] {
    let glued_al = (w.starts_with(b"al") || w.starts_with(b"el")) && w.len() >= 6 && !is_vowel(w[2]) && w[2] != b'l';
    let assimilated =
        w.len() >= 5 && is_vowel(w[0]) && w[1] == w[2] && matches!(w[1], b't' | b'd' | b'r' | b'z' | b's' | b'n');
    if glued_al || assimilated {
        &w[2..]
    } else {
        w
    }
}

/// The consonant class of the letter (or digraph) at `w[i]`, and its length.
/// `None` for a vowel. `w` and `y` are vowels except at the start of a word.
fn consonant_at(w: &[u8], i: usize) -> (Option<u8>, usize) {
    let next = w.get(i + 1).copied();
    let class = match (w[i], next) {
        (b'k', Some(b'h')) | (b'c', Some(b'k')) => return (Some(b'k'), 2),
        (b'g', Some(b'h')) => return (Some(b'g'), 2),
        (b's' | b'c', Some(b'h')) => return (Some(b'S'), 2),
        (b't', Some(b'h')) => return (Some(b't'), 2),
        (b'd', Some(b'h')) => return (Some(b'd'), 2),
        (b'p', Some(b'h')) => return (Some(b'f'), 2),
        (b'd', Some(b'j')) => return (Some(b'j'), 2),
        (b'a' | b'e' | b'i' | b'o' | b'u', _) => None,
        (b'w' | b'v' | b'y', _) if i > 0 => None,
        (b'v', _) => Some(b'w'),
        (b'q' | b'c', _) => Some(b'k'),
        (b'p', _) => Some(b'b'),
        (b, _) => Some(b),
    };
    (class, 1)
}

/// A single `h` after a vowel is silent in the skeleton at the end of a word
/// (tā' marbūṭa: `Raqqah`) and between vowels (`Chahar` = `Char`).
fn silent_h(w: &[u8], i: usize) -> bool {
    let after_vowel = consonant_at(w, i - 1).0.is_none();
    let before_vowel_or_end = i + 1 == w.len() || consonant_at(w, i + 1).0.is_none();
    after_vowel && before_vowel_or_end
}

/// Append the skeleton of one folded word to `out`.
fn skeleton_word(word: &str, out: &mut String) {
    if !word.is_ascii() {
        out.push_str(word);
        return;
    }
    let w = strip_glued_article(word.as_bytes());
    let mut last: Option<u8> = None;
    let mut i = 0;
    while i < w.len() {
        let (class, len) = consonant_at(w, i);
        match class {
            None if i == 0 => out.push('a'),
            None => last = None,
            Some(b'h') if i > 0 && silent_h(w, i) => {}
            Some(b'x') => out.push_str("ks"),
            Some(c) if last != Some(c) => out.push(char::from(c)),
            Some(_) => {}
        }
        if class.is_some() {
            last = class;
        }
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (relation, a, b) rows of `testdata/spellings.tsv`.
    fn spellings(relation: &str) -> Vec<(&'static str, &'static str)> {
        const SPELLINGS: &str = include_str!("../../../testdata/spellings.tsv");
        let rows = SPELLINGS.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect::<Vec<_>>());
        let found: Vec<_> = rows.filter(|f| f.first() == Some(&relation)).map(|f| (f[1], f[2])).collect();
        assert!(!found.is_empty(), "no {relation} rows in testdata/spellings.tsv");
        found
    }

    #[test]
    fn folded_key_variants_meet() {
        for (a, b) in spellings("same_fold") {
            assert_eq!(fold(a), fold(b), "{a:?} and {b:?} must fold alike");
        }
        for (a, b) in spellings("different_fold") {
            assert_ne!(fold(a), fold(b), "{a:?} and {b:?} must fold apart");
        }
    }

    #[test]
    fn skeleton_variants_meet() {
        for (a, b) in spellings("same_skeleton") {
            assert_eq!(skeleton(a), skeleton(b), "{a:?} and {b:?} must share a skeleton");
        }
        for (a, b) in spellings("different_skeleton") {
            assert_ne!(skeleton(a), skeleton(b), "{a:?} and {b:?} must not share a skeleton");
        }
    }

    #[test]
    fn skeletons_of_the_documented_examples() {
        let cases = spellings("skeleton");
        assert_eq!(cases.len(), 3);
        for (name, want) in cases {
            assert_eq!(skeleton(name), want, "{name}");
        }
    }

    #[test]
    fn tokens_keep_original_offsets_and_case() {
        let text = "near Deir ez-Zor's SYRIA";
        let toks = tokens(text);
        let got: Vec<(&str, &str, Case, bool)> =
            toks.iter().map(|t| (t.folded.as_str(), &text[t.start..t.end], t.case, t.article)).collect();
        assert_eq!(
            got,
            vec![
                ("near", "near", Case::Lower, false),
                ("deir", "Deir", Case::Capitalised, false),
                ("al", "ez", Case::Lower, true),
                ("zor", "Zor", Case::Capitalised, false),
                ("syria", "SYRIA", Case::Upper, false),
            ]
        );
    }

    #[test]
    fn folded_offsets_map_back_to_whole_words() {
        let text = "Strikes on Ḥamāh and Deir ez-Zor.";
        let f = fold_with_offsets(text);
        assert_eq!(f.text, "strikes on hamah and deir al zor");
        let at = f.text.find("deir al zor").unwrap_or(0);
        let (s, e) = f.original(at, at + "deir al zor".len()).unwrap_or((0, 0));
        assert_eq!(&text[s..e], "Deir ez-Zor");
        let at = f.text.find("hamah").unwrap_or(0);
        let (s, e) = f.original(at + 1, at + 3).unwrap_or((0, 0));
        assert_eq!(&text[s..e], "Ḥamāh", "a partial range widens to the word");
        assert_eq!(f.original(3, 3), None);
        assert_eq!(f.original(0, 999), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_offsets_fit(text in "\\PC{0,80}") {
            let f = fold_with_offsets(&text);
            for t in &f.tokens {
                proptest::prop_assert!(text.get(t.start..t.end).is_some());
            }
            let _ = skeleton(&text);
            let _ = f.original(0, f.text.len());
        }
    }
}
