//! A surname is not a place: "Jim Harrison of the Chamber", "Ernie Hardeman,
//! who", "Elliot Ferguson photo". A one-word place name written right after
//! a capitalised word that is not a place word is read as the second half of
//! a person's name, unless
//! - the next word is capitalised too, or most words of the sentence are (a
//!   headline in title case: "Rodeo Gainesville Returns", "Russian Jets
//!   Strike Aleppo");
//! - the word before is a demonym ("Kurdish Afrin");
//! - or the name is a country's or a state's (a person called Georgia is
//!   rarer than "Northeast Georgia");
//! - or the word before is a place name that opens a list written without
//!   its commas ("the towns of Tell Amra Kafr Sela and Ain Sarab", text
//!   whose punctuation was stripped): [`listed_after`].
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

/// Plural kind nouns that open a list of places ("the towns of").
const LIST_KINDS: &[&str] = &["towns", "villages", "cities", "neighbourhoods", "neighborhoods", "districts", "areas"];

/// True when the name at `span` follows the place name at `prev` after one
/// space, in a list: the capitalised words from the name on are followed by
/// "and" ("Tell Amra Kafr Sela and Ain Sarab"), or the list opens with a
/// plural kind noun ("the villages of Tell Amra Kafr Sela").
#[must_use]
pub fn listed_after(text: &str, prev: Span, span: Span) -> bool {
    if text.get(prev.end..span.start) != Some(" ") {
        return false;
    }
    let rest = text.get(span.end..).unwrap_or("");
    let next = rest.split_whitespace().find(|w| !w.chars().next().is_some_and(char::is_uppercase)).unwrap_or("");
    let opening = text.get(..prev.start).unwrap_or("").trim_end().strip_suffix(" of").unwrap_or("");
    let kind = opening.rsplit(' ').next().unwrap_or("");
    next == "and" || LIST_KINDS.iter().any(|k| kind.eq_ignore_ascii_case(k))
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
    fn lists_without_commas() {
        let t = "the towns of Tell Amra Kafr Sela and Ain Sarab";
        let at = |n: &str| {
            let i = t.find(n).unwrap_or(0);
            Span::new(i, i + n.len())
        };
        assert!(listed_after(t, at("Tell Amra"), at("Kafr Sela")));
        let t2 = "said Jim Harrison of the chamber";
        let i = t2.find("Jim").unwrap_or(0);
        let j = t2.find("Harrison").unwrap_or(0);
        assert!(!listed_after(t2, Span::new(i, i + 3), Span::new(j, j + 8)));
    }

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
