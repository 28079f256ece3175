//! A surname is not a place: "Jim Harrison of the Chamber", "Ernie Hardeman,
//! who", "Elliot Ferguson photo". A one-word place name written right after
//! a capitalised word that is not a place word is read as the second half of
//! a person's name, unless the next word is capitalised too (a headline in
//! title case: "Rodeo Gainesville Returns") or the name is a country's or a
//! state's (a person called Georgia is rarer than "Northeast Georgia").
//! Words that often stand before a place name ("Northeast", "Metro",
//! "Historic", "While") are listed in `data/lexicon/place_preceders.txt`.

use std::collections::HashSet;

use crate::normalise::Words;
use sitrep_model::Span;

const PRECEDERS: &str = include_str!("../../../../data/lexicon/place_preceders.txt");

/// The words after which a name stays a place.
#[derive(Debug)]
pub struct Preceders(HashSet<String>);

impl Preceders {
    #[must_use]
    pub fn embedded() -> Self {
        let words = PRECEDERS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        Preceders(words.map(str::to_ascii_lowercase).collect())
    }

    /// True for a word after which a name stays a place: a listed word, or
    /// a compass word ("Northeast", "Southwestern").
    fn keeps(&self, word: &str) -> bool {
        let lower = word.to_ascii_lowercase();
        let compass = ["north", "south", "east", "west"].iter().any(|c| lower.starts_with(c));
        compass || self.0.contains(&lower)
    }
}

/// True when the one-word name at `span` (its words in `name`) reads as a
/// surname: right after a capitalised word (one space between) that is not
/// a place word, and not followed by another capitalised word.
#[must_use]
pub fn surname_shaped(text: &str, span: Span, name: &Words, preceders: &Preceders) -> bool {
    if name.len() != 1 {
        return false;
    }
    let Some(head) = text.get(..span.start).and_then(|t| t.strip_suffix(' ')) else { return false };
    let given = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let capitalised = given.chars().next().is_some_and(char::is_uppercase)
        && given.chars().skip(1).any(char::is_lowercase)
        && given.chars().count() >= 2;
    capitalised && !preceders.keeps(given) && !title_case_after(text.get(span.end..).unwrap_or(""))
}

/// True when the next word after a name (past one space) is capitalised.
fn title_case_after(rest: &str) -> bool {
    rest.strip_prefix(' ').and_then(|r| r.chars().next()).is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, name, surname-shaped)
    const CASES: &[(&str, &str, bool)] = &[
        ("said Jim Harrison of the chamber", "Harrison", true),
        ("from Oxford MPP Ernie Hardeman, who", "Hardeman", true),
        ("Officials in Northeast Georgia said", "Georgia", false),
        ("in the Metro Vancouver area", "Vancouver", false),
        ("Rodeo Gainesville Returns To Town", "Gainesville", false),
        ("He lives in Harrison now", "Harrison", false),
        ("Jim  Harrison said", "Harrison", false),
        ("the village of Harrison", "Harrison", false),
        ("While Clarke said", "Clarke", false),
    ];

    #[test]
    fn surnames_and_places() {
        let p = Preceders::embedded();
        for (text, name, want) in CASES {
            let start = text.find(name).unwrap_or(0);
            let span = Span::new(start, start + name.len());
            let words = Words::of(name);
            assert_eq!(surname_shaped(text, span, &words, &p), *want, "{text}");
        }
    }
}
