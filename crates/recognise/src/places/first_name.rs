//! A given name is not a place: "Rami Abdul Rahman, head of the monitor",
//! "Ahmed Hassan said". A one-word place name that is a listed given name
//! (`data/lexicon/first_names.txt`, derived from the PETRARCH2 person entries
//! with a short hand-written supplement; see `data/SOURCES.md`) and is
//! followed by a capitalised word opens a person's name, unless its sentence
//! is in title case (a headline: "Rami Village Shelled").
//!
//! The same holds one word on: a one-word place name right after a listed
//! given name is that person's surname ("Rami Khalil said", "Ahmed Rahman
//! told"), under the same headline exception.
//!
//! A given name before a lower-case word ("in Salah on Monday") or at the end
//! of a phrase stays a place: it needs the surname after it to read as a
//! person.

use std::collections::HashSet;

use crate::normalise::Words;
use sitrep_model::Span;

const FIRST_NAMES: &str = include_str!("../../../../data/lexicon/first_names.txt");

/// The shipped given names, folded to lower case.
#[derive(Debug)]
pub struct FirstNames(HashSet<String>);

impl FirstNames {
    #[must_use]
    pub fn embedded() -> Self {
        let names = FIRST_NAMES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        FirstNames(names.map(str::to_ascii_lowercase).collect())
    }

    /// True when the one-word name at `span` (its words in `name`) is a
    /// given name that opens a person's name: a capitalised word follows
    /// after one space, and the sentence (asked only then) is not a headline.
    #[must_use]
    pub fn opens_person<'s>(&self, text: &str, span: Span, name: &Words, sentence: impl FnOnce() -> &'s str) -> bool {
        if name.len() != 1 || !self.0.contains(name.folded(0)) {
            return false;
        }
        let rest = text.get(span.end..).unwrap_or("");
        let Some(next) = rest.strip_prefix(' ') else { return false };
        let capitalised =
            next.chars().next().is_some_and(char::is_uppercase) && next.chars().nth(1).is_some_and(char::is_lowercase);
        capitalised && !super::person::title_case(sentence())
    }

    /// True when the one-word name at `span` (its words in `name`) follows a
    /// listed, capitalised given name after one space: a surname.
    #[must_use]
    pub fn closes_person<'s>(&self, text: &str, span: Span, name: &Words, sentence: impl FnOnce() -> &'s str) -> bool {
        if name.len() != 1 {
            return false;
        }
        let Some(head) = text.get(..span.start).and_then(|h| h.strip_suffix(' ')) else { return false };
        let given = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let capitalised = given.chars().next().is_some_and(char::is_uppercase);
        capitalised && self.0.contains(&given.to_lowercase()) && !super::person::title_case(sentence())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, name, opens a person's name)
    const CASES: &[(&str, &str, bool)] = &[
        ("Rami Khoury, a spokesman, said", "Rami", true),
        ("the monitor's head Ahmed Farouk told reporters", "Ahmed", true),
        ("shelling hit Rami on Monday", "Rami", false),
        ("the village of Rami.", "Rami", false),
        ("Rami Village Shelled By Army Jets", "Rami", false),
        ("Aleppo City was hit", "Aleppo", false),
        ("Rami  Khoury said", "Rami", false),
        ("Rami AFP reported", "Rami", false),
    ];

    #[test]
    fn given_names_open_persons() {
        let names = FirstNames::embedded();
        for (text, name, want) in CASES {
            let start = text.find(name).unwrap_or(0);
            let span = Span::new(start, start + name.len());
            let words = Words::of(name);
            assert_eq!(names.opens_person(text, span, &words, || text), *want, "{text}");
        }
    }

    /// (text, name, closes a person's name)
    const SURNAMES: &[(&str, &str, bool)] = &[
        ("Rami Khalil said", "Khalil", true),
        ("spokesman Ahmed Rahman told reporters", "Rahman", true),
        ("shelling hit Khalil on Monday", "Khalil", false),
        ("Jets Shell Rami Khalil Village Again", "Khalil", false),
    ];

    #[test]
    fn surnames_after_given_names() {
        let names = FirstNames::embedded();
        for (text, name, want) in SURNAMES {
            let start = text.find(name).unwrap_or(0);
            let span = Span::new(start, start + name.len());
            assert_eq!(names.closes_person(text, span, &Words::of(name), || text), *want, "{text}");
        }
    }

    #[test]
    fn the_list_is_loaded_and_holds_no_place_particles() {
        let names = FirstNames::embedded();
        assert!(names.0.len() > 1000);
        for word in ["abu", "al", "sheikh", "tal", "deir", "said"] {
            assert!(!names.0.contains(word), "{word}");
        }
    }
}
