//! Keyword lists of the furniture rules ("our newsletter", "we use
//! cookies", "paypal") matched with one Aho-Corasick automaton instead of a
//! regular expression each.
//!
//! A list is written as the expression it stands for, in the small subset
//! of regex syntax such lists need: literal text, `(?:a|b)` groups, `?`
//! after a character or a group, `\` before a punctuation character.
//! [`Phrases::is_match`] answers what `(?i)(?-u:\b)(?:LIST)(?-u:\b)` would
//! (the final boundary only with [`End::Word`]). ASCII case folding is
//! exact except for the two non-ASCII characters that `(?i)` folds to ASCII
//! letters (`ſ`, the Kelvin sign): text holding one is given to that
//! expression, compiled on first need. Compiled up front, such lists cost
//! five to ten times more than the automaton.

use std::iter::Peekable;
use std::str::Chars;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;

use crate::charclass::ascii_word_boundary;

/// What must follow a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// A word boundary, as after `\b`.
    Word,
    /// Anything: the phrase may run on into a longer word.
    Any,
}

/// A compiled phrase list.
#[derive(Debug)]
pub(crate) struct Phrases {
    spec: &'static str,
    end: End,
    automaton: AhoCorasick,
    expression: OnceLock<Regex>,
}

impl Phrases {
    /// Compile `spec` (see the module documentation); a malformed spec is a
    /// programming error caught by the rules' tests.
    pub(crate) fn new(spec: &'static str, end: End) -> Self {
        let literals = expand(spec);
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&literals)
            .expect("valid phrase list");
        Self { spec, end, automaton, expression: OnceLock::new() }
    }

    /// Whether some phrase of the list occurs in `text` at word boundaries.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        if folds_to_ascii(text) {
            return self.expression().is_match(text);
        }
        self.automaton.find_overlapping_iter(text).any(|m| {
            ascii_word_boundary(text, m.start()) && (self.end == End::Any || ascii_word_boundary(text, m.end()))
        })
    }

    fn expression(&self) -> &Regex {
        self.expression.get_or_init(|| Regex::new(&self.pattern()).expect("valid phrase list"))
    }

    /// The expression the list stands for.
    fn pattern(&self) -> String {
        let end = if self.end == End::Word { r"(?-u:\b)" } else { "" };
        format!(r"(?i)(?-u:\b)(?:{}){end}", self.spec)
    }
}

/// Whether `text` holds `ſ` (`C5 BF`) or the Kelvin sign (`E2 84 AA`).
fn folds_to_ascii(text: &str) -> bool {
    memchr::memchr2(0xc5, 0xe2, text.as_bytes()).is_some() && (text.contains('ſ') || text.contains('\u{212a}'))
}

/// Every literal `spec` stands for.
fn expand(spec: &str) -> Vec<String> {
    alternatives(&mut spec.chars().peekable())
}

/// `a|b|…` up to a closing bracket or the end.
fn alternatives(chars: &mut Peekable<Chars>) -> Vec<String> {
    let mut out = sequence(chars);
    while chars.next_if_eq(&'|').is_some() {
        out.extend(sequence(chars));
    }
    out
}

/// Items up to `|`, `)` or the end, each perhaps optional.
fn sequence(chars: &mut Peekable<Chars>) -> Vec<String> {
    let mut acc = vec![String::new()];
    while let Some(c) = chars.next_if(|&c| c != '|' && c != ')') {
        let mut options = match c {
            '(' => group(chars),
            '\\' => chars.next().map(String::from).into_iter().collect(),
            c => vec![String::from(c)],
        };
        if chars.next_if_eq(&'?').is_some() {
            options.push(String::new());
        }
        acc = acc.iter().flat_map(|head| options.iter().map(move |tail| format!("{head}{tail}"))).collect();
    }
    acc
}

/// `(?:…)` after its opening bracket.
fn group(chars: &mut Peekable<Chars>) -> Vec<String> {
    chars.next_if_eq(&'?');
    chars.next_if_eq(&':');
    let inner = alternatives(chars);
    chars.next_if_eq(&')');
    inner
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SPEC: &str =
        r"our (?:news|app)|ko-?fi|buy ?me a coffee|donat(?:e|ion)s?|e\-mail|sign ?in to (?:read|comment)";

    #[test]
    fn specs_expand_to_every_literal() {
        let mut got = expand(r"a(?:b|c)?d|e\.f?");
        got.sort();
        assert_eq!(got, ["abd", "acd", "ad", "e.", "e.f"]);
    }

    #[test]
    fn matches() {
        let words = Phrases::new(SPEC, End::Word);
        let any = Phrases::new(SPEC, End::Any);
        let cases = [
            ("Read OUR NEWS today", true, true),
            ("Read our newsletter", false, true),
            ("yourapp", false, false),
            ("Buy me a coffee", true, true),
            ("via KOFI.", true, true),
            ("Donations welcome", true, true),
            ("xſign in to read", true, true),
            ("ſign in to read", false, false),
            ("Signing in to read", false, false),
        ];
        for (text, word, anything) in cases {
            assert_eq!((words.is_match(text), any.is_match(text)), (word, anything), "{text}");
        }
    }

    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("our "),
            Just("news"),
            Just("app"),
            Just("ko"),
            Just("-"),
            Just("fi"),
            Just("KO-FI"),
            Just("buy"),
            Just(" "),
            Just("me a coffee"),
            Just("donat"),
            Just("e"),
            Just("ion"),
            Just("s"),
            Just("x"),
            Just("_"),
            Just("é"),
            Just("ſ"),
            Just("\u{212a}"),
            Just("sign"),
            Just("in to "),
            Just("read"),
            Just("comment"),
            Just("e-mail"),
            Just("."),
        ];
        proptest::collection::vec(piece, 0..10).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn agrees_with_the_expression(text in pieces()) {
            for end in [End::Word, End::Any] {
                let phrases = Phrases::new(SPEC, end);
                let expression = Regex::new(&phrases.pattern()).unwrap();
                prop_assert_eq!(phrases.is_match(&text), expression.is_match(&text), "{:?}", end);
            }
        }
    }
}
