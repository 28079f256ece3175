//! A surname is not a place: "Jim Harrison of the Chamber", "Ernie Hardeman,
//! who", "Elliot Ferguson photo". A one-word place name written right after
//! a capitalised word that is not a place word is read as the second half of
//! a person's name, unless
//! - the next word is capitalised too, or most words of the sentence are (a
//!   headline in title case: "Rodeo Gainesville Returns", "Russian Jets
//!   Strike Aleppo");
//! - the word before is a demonym ("Kurdish Afrin");
//! - or the name is a country's or a state's (a person called Georgia is
//!   rarer than "Northeast Georgia").
//!
//! Words that often stand before a place name ("Northeast", "Metro",
//! "Historic", "While") are listed in `data/lexicon/place_preceders.txt`;
//! the last two tests are the caller's, which knows the lexicon.

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

/// The capitalised word before the one-word name at `span` (its words in
/// `name`, one space between) when the name reads as a surname: that word
/// is not a place word, the next word is not capitalised, and the name's
/// sentence (given by `sentence`, asked only then) is not in title case.
#[must_use]
pub fn given_name<'t, 's>(
    text: &'t str,
    span: Span,
    name: &Words,
    sentence: impl FnOnce() -> &'s str,
    preceders: &Preceders,
) -> Option<&'t str> {
    if name.len() != 1 {
        return None;
    }
    let head = text.get(..span.start)?.strip_suffix(' ')?;
    let given = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let capitalised = given.chars().next().is_some_and(char::is_uppercase)
        && given.chars().skip(1).any(char::is_lowercase)
        && given.chars().count() >= 2;
    let headline = || title_case_after(text.get(span.end..).unwrap_or("")) || title_case(sentence());
    (capitalised && !preceders.keeps(given) && !headline()).then_some(given)
}

/// True when most words of a sentence (three in four, of four or more)
/// start with a capital: a headline.
fn title_case(sentence: &str) -> bool {
    let words = sentence.split_whitespace().filter_map(|w| w.chars().find(|c| c.is_alphabetic()));
    let (capitals, all) = words.fold((0, 0), |(c, n), first| (c + usize::from(first.is_uppercase()), n + 1));
    all >= 4 && capitals * 4 >= all * 3
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
        ("from Oxford MPP Ernie Hardeman, who said so", "Hardeman", true),
        ("Russian Jets Strike Aleppo", "Aleppo", false),
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
            assert_eq!(given_name(text, span, &words, || text, &p).is_some(), *want, "{text}");
        }
    }
}
