//! Finding the lexicon's phrases in text, word start by word start.
//!
//! At each word start the longest phrase that ends at a word boundary is
//! taken (a word start has no letter or digit before it; a boundary has none
//! after it), and the search goes on after it. A phrase that opens with a
//! mark ("'Arbaki'") starts at that mark. Phrases and text are both
//! ASCII-lowercased, which keeps byte offsets.
//!
//! The index is a hash map of every phrase and every prefix of a phrase that
//! ends at a boundary of the phrase ("al" and "al-qaeda" for "al-qaeda"), so
//! most words cost one lookup that fails. It replaces an Aho–Corasick
//! automaton whose construction over the dictionaries' 100,000-odd phrases
//! was most of the program's start-up; matches are the same but for one
//! case: where the longest phrase at a word start ends inside a word ("Abu
//! Sayyafs"), a shorter phrase that ends at a boundary ("Abu") is found
//! instead of nothing.

use sitrep_model::fnv::FnvHashMap;

/// What the index knows of a key: the phrase it completes, and whether
/// longer phrases continue it.
#[derive(Debug, Clone, Copy)]
struct Key {
    phrase: Option<u32>,
    longer: bool,
}

/// Phrases and their boundary prefixes.
#[derive(Debug, Default)]
pub struct PhraseIndex {
    keys: FnvHashMap<Box<str>, Key>,
    /// The characters other than letters and digits that open a phrase
    /// ("'" of "'Arbaki'"): a phrase may start at one of them too.
    openers: Vec<char>,
}

impl PhraseIndex {
    /// Index `phrases` (already lowercased), each with its number. Of equal
    /// phrases the first is kept.
    pub fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, u32)>) -> Self {
        let mut keys: FnvHashMap<Box<str>, Key> = FnvHashMap::default();
        let mut openers = Vec::new();
        for (phrase, i) in phrases {
            if let Some(c) = phrase.chars().next().filter(|c| !c.is_alphanumeric() && !openers.contains(c)) {
                openers.push(c);
            }
            for (e, c) in phrase.char_indices().skip(1) {
                if !c.is_alphanumeric() {
                    keys.entry(phrase[..e].into()).or_insert(Key { phrase: None, longer: true }).longer = true;
                }
            }
            let key = keys.entry(phrase.into()).or_insert(Key { phrase: None, longer: false });
            key.phrase = key.phrase.or(Some(i));
        }
        PhraseIndex { keys, openers }
    }

    /// The longest phrase starting at byte `start` of `text` (whose
    /// lowercase is `lower`) and ending at a word boundary: its end and its
    /// number.
    pub fn longest_at(&self, text: &str, lower: &str, start: usize) -> Option<(usize, u32)> {
        let mut best = None;
        let mut end = next_char(text, start);
        loop {
            end = boundary_from(text, end);
            let Some(key) = lower.get(start..end).and_then(|k| self.keys.get(k)) else {
                if best.is_none() {
                    return self.possessive_at(text, lower, start..end);
                }
                break;
            };
            if let Some(p) = key.phrase {
                best = Some((end, p));
            }
            if !key.longer || end >= text.len() {
                break;
            }
            end = next_char(text, end);
        }
        best
    }

    /// A one-word phrase whose possessive lost its apostrophe ("Russias
    /// military", as pages flattened to text write "Russia's"): the phrase
    /// without the final "s", when the word as written is no phrase.
    fn possessive_at(&self, text: &str, lower: &str, word: std::ops::Range<usize>) -> Option<(usize, u32)> {
        let stem = word.end.checked_sub(1).filter(|e| *e >= word.start + 3 && text.as_bytes()[*e] == b's')?;
        let key = lower.get(word.start..stem).and_then(|k| self.keys.get(k))?;
        key.phrase.map(|p| (stem, p))
    }

    /// Every phrase found in `text` that `accept` takes, left to right:
    /// (start, end, phrase). A phrase `accept` refuses is passed over, and
    /// the search goes on at the next word start.
    pub fn find_all(&self, text: &str, mut accept: impl FnMut(usize, usize, u32) -> bool) -> Vec<(usize, usize, u32)> {
        let lower = text.to_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let (mut prev_alnum, mut p) = (false, 0);
        while p < bytes.len() {
            let (c, len) = match bytes[p] {
                b if b.is_ascii() => (char::from(b), 1),
                _ => text[p..].chars().next().map_or((' ', 1), |c| (c, c.len_utf8())),
            };
            let alnum = if len == 1 { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
            if !prev_alnum && (alnum || self.openers.contains(&c)) {
                if let Some((end, phrase)) = self.longest_at(text, &lower, p).filter(|(e, f)| accept(p, *e, *f)) {
                    out.push((p, end, phrase));
                    prev_alnum = text[..end].chars().next_back().is_some_and(char::is_alphanumeric);
                    p = end;
                    continue;
                }
            }
            (prev_alnum, p) = (alnum, p + len);
        }
        out
    }
}

/// The byte after the character at `at` (the text's length at its end).
fn next_char(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        None => text.len(),
        Some(b) if b.is_ascii() => at + 1,
        Some(_) => text[at..].chars().next().map_or(text.len(), |c| at + c.len_utf8()),
    }
}

/// The first word boundary at or after byte `at`: a character that is not
/// a letter or a digit, or the end of the text.
fn boundary_from(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                return at;
            }
            at += 1;
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            if !c.is_alphanumeric() {
                return at;
            }
            at += c.len_utf8();
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_phrase_at_word_starts() {
        let index = PhraseIndex::new(
            ["al-qaeda", "al", "u.s.", "u.s. army", "islamic state", "army", "'arbaki'", "arbaki"].into_iter().zip(0..),
        );
        let found = |text: &'static str| -> Vec<&'static str> {
            index.find_all(text, |_, _, _| true).into_iter().map(|(s, e, _)| &text[s..e]).collect::<Vec<_>>()
        };
        let cases: &[(&str, &[&str])] = &[
            ("Al-Qaeda's fighters", &["Al-Qaeda"]),
            ("the U.S. Army said", &["U.S. Army"]),
            ("the U.S. said", &["U.S."]),
            ("the US army said", &["army"]),
            ("Islamic State fighters and the Islamic Statehood", &["Islamic State"]),
            ("armyworms", &[]),
            ("an al-Qaedist", &["al"]),
            ("", &[]),
            ("army", &["army"]),
            ("1 'Arbaki' commander and an Arbaki", &["'Arbaki'", "Arbaki"]),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), *want, "{text}");
        }
    }

    #[test]
    fn phrases_keep_their_numbers() {
        let index = PhraseIndex::new(["army", "navy", "army"].into_iter().zip(0..));
        let numbers: Vec<u32> =
            index.find_all("navy and army", |_, _, _| true).into_iter().map(|(_, _, p)| p).collect();
        assert_eq!(numbers, vec![1, 0]);
        let refused: Vec<u32> =
            index.find_all("navy and army", |_, _, p| p != 1).into_iter().map(|(_, _, p)| p).collect();
        assert_eq!(refused, vec![0], "a refused phrase is passed over");
    }
}
