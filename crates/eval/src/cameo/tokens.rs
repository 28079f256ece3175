//! Words and punctuation of a sentence, with byte spans into the document.
//!
//! A word is a run of letters and digits with inner hyphens, dots and
//! apostrophes ("al-Qaeda", "U.S", "Gondor's"). The clitics the coder reads
//! are split off: "n't" (negation: "didn't" → "did" + "n't") and the
//! possessive "'s" (so "Gondor's" gives the name "Gondor").

use sitrep_model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// One punctuation character.
    Punct(char),
}

/// A token of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
}

/// The tokens of `text[within]`, spans relative to `text`.
#[must_use]
pub fn tokenize(text: &str, within: Span) -> Vec<Token> {
    let Some(s) = within.slice(text) else { return Vec::new() };
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                let joins = matches!(d, '-' | '.' | '\'' | '\u{2019}')
                    && s[j + d.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric);
                if !(d.is_alphanumeric() || joins) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            push_word(&mut out, s, i, end, within.start);
        } else if !c.is_whitespace() {
            out.push(Token { span: Span::new(i, i + c.len_utf8()).shift(within.start), kind: Kind::Punct(c) });
        }
    }
    out
}

/// Push the word `s[start..end]`, splitting off "n't" and "'s".
fn push_word(out: &mut Vec<Token>, s: &str, start: usize, end: usize, base: usize) {
    let w = &s.as_bytes()[start..end];
    let ends = |c: &str| w.len() > c.len() && w[w.len() - c.len()..].eq_ignore_ascii_case(c.as_bytes());
    let cut = ["n't", "n\u{2019}t", "'s", "\u{2019}s"].iter().find(|c| ends(c)).map(|c| end - c.len());
    let word = |a: usize, b: usize| Token { span: Span::new(a + base, b + base), kind: Kind::Word };
    match cut {
        Some(c) => {
            out.push(word(start, c));
            out.push(word(c, end));
        }
        None => out.push(word(start, end)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len())).iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn splits_words_clitics_and_punctuation() {
        for (text, want) in [
            ("Gondor's army didn't attack.", vec!["Gondor", "'s", "army", "did", "n't", "attack", "."]),
            ("al-Qaeda, the U.S. and Arnor", vec!["al-Qaeda", ",", "the", "U.S", ".", "and", "Arnor"]),
            ("Deir ez-Zōr’s “camp”", vec!["Deir", "ez-Zōr", "’s", "“", "camp", "”"]),
            ("won't", vec!["wo", "n't"]),
            ("", vec![]),
        ] {
            assert_eq!(texts(text), want, "{text}");
        }
    }

    #[test]
    fn spans_are_relative_to_the_document() {
        let text = "Skip. Arnor said.";
        let toks = tokenize(text, Span::new(6, text.len()));
        assert_eq!(toks[0].span, Span::new(6, 11));
        assert_eq!(toks.len(), 3);
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_slice(text in "\\PC{0,60}") {
            for t in tokenize(&text, Span::new(0, text.len())) {
                prop_assert!(t.span.slice(&text).is_some());
                prop_assert!(!t.span.is_empty());
            }
        }
    }
}
