//! A city's quarter is in the city. "Shells fell on the Bab Nour
//! neighbourhood in the city", "the Tell Amra neighbourhood of Ain Sarab":
//! the gazetteers rarely list a city's neighbourhoods, and where the name is
//! not found, or is found as a town out of town (a village that happens to
//! share the name), the event is in the city the text puts the quarter in,
//! at the city's point (ACLED codes an event in a city's neighbourhood at
//! the city, with precision 1), as a place of its own ([`in_city`]).
//!
//! A quarter is a capitalised name before "neighbourhood" or "quarter", or
//! after "neighbourhood of", and each name of a list before the plural
//! ("the A and B neighbourhoods in Ain Sarab"); its city is the one named right after ("in
//! Ain Sarab", "of Ain Sarab", "in Ain Sarab city"; where the geocoder read
//! the province of that name, the city of that name named elsewhere in the
//! document), or "the city", the last city named before (else the first
//! named after, in the same sentence). A
//! quarter found in the gazetteer out of town, with no city named, is in the
//! city of the document nearest to the entry found. A city is a populated
//! place of at least [`CITY_POPULATION`] people.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use sitrep_model::place::distance_km;
use sitrep_model::{Doc, GazetteerId, Place, PlaceKind, PlaceMention, Span};

use crate::location::Resolved;

/// The fewest people a populated place has to be a city.
pub const CITY_POPULATION: u64 = 50_000;

/// How far (km) a quarter may lie from its city's point.
const QUARTER_KM: f64 = 15.0;

/// How far (km) a town found for a quarter may lie from the city it is
/// moved to (farther, it is not that city's quarter mistaken for a town).
const MISTAKEN_KM: f64 = 40.0;

/// Words that say the name before them is a city's quarter.
const QUARTER_WORDS: &[&str] =
    &["neighbourhood", "neighborhood", "quarter", "neighbourhoods", "neighborhoods", "quarters"];

/// The stems all of [`QUARTER_WORDS`] share, any case: a document without
/// one has no quarter, and is not split into words to say so.
static STEMS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::builder().ascii_case_insensitive(true).build(["quarter", "neighbo"]).ok());

/// The plural ones, after a list of names ("the A and B neighbourhoods").
const PLURAL_WORDS: &[&str] = &["neighbourhoods", "neighborhoods", "quarters"];

/// A quarter's mention (its span the name and the city phrase after it)
/// and the city it is placed at.
#[derive(Debug, Clone)]
pub struct Quarter {
    pub mention: PlaceMention,
    pub place: Place,
    /// The quarter's own name, without the city phrase.
    pub name: Span,
}

/// The quarters of a document that the gazetteer does not place in their
/// city; `resolved` are its resolved place mentions, in text order.
#[must_use]
pub fn quarters(doc: &Doc, resolved: &[Resolved<'_>]) -> Vec<Quarter> {
    let text = doc.text.as_str();
    if STEMS.as_ref().is_some_and(|ac| !ac.is_match(text)) {
        return Vec::new();
    }
    let words = crate::words::words(text, Span::new(0, text.len()));
    let mut out = Vec::new();
    for (i, (span, w)) in words.iter().enumerate() {
        if !QUARTER_WORDS.iter().any(|q| w.eq_ignore_ascii_case(q)) {
            continue;
        }
        let Some((name, rest)) = name_around(text, &words, i) else { continue };
        let Some(sentence) = doc.sentence_at(span.start).map(|s| doc.sentences[s].span) else { continue };
        let plural = PLURAL_WORDS.iter().any(|q| w.eq_ignore_ascii_case(q));
        let mut names = if plural { listed_before(text, &words, name) } else { Vec::new() };
        names.push(name);
        let last = names.len() - 1;
        for (k, name) in names.into_iter().enumerate() {
            if let Some(q) = quarter(text, resolved, (name, rest, k == last), sentence) {
                out.push(q);
            }
        }
    }
    out
}

/// The names coordinated before `last` in a list of quarters ("the Bab
/// Nour, Karm Lauz and Bab Amr neighbourhoods"), in text order.
fn listed_before(text: &str, words: &[(Span, &str)], last: Span) -> Vec<Span> {
    let joined = |a: usize, b: usize| text.get(words[a].0.end..words[b].0.start) == Some(" ");
    let mut out = Vec::new();
    let mut end = words.partition_point(|(s, _)| s.start < last.start);
    while end > 0 {
        let comma = text.get(words[end - 1].0.end..words[end].0.start).is_some_and(|g| g.trim() == ",");
        let stop = if words[end - 1].1 == "and" {
            end - 1
        } else if comma {
            end
        } else {
            break;
        };
        let mut first = stop;
        while first > 0
            && stop - first < 4
            && capitalised(words[first - 1].1)
            && (first == stop || joined(first - 1, first))
        {
            first -= 1;
        }
        if first == stop {
            break;
        }
        out.push(Span::new(words[first].0.start, words[stop - 1].0.end));
        end = first;
    }
    out.reverse();
    out
}

/// The document's resolved places with its quarters: a quarter's mention
/// replaces the mentions it covers, in text order.
#[must_use]
pub fn with_quarters<'a>(resolved: Vec<Resolved<'a>>, quarters: &'a [Quarter]) -> Vec<Resolved<'a>> {
    let covered = |s: Span| quarters.iter().any(|q| q.mention.span.contains(s) && !is_city_span(q, s));
    let mut out: Vec<Resolved<'a>> = resolved.into_iter().filter(|r| !covered(r.mention.span)).collect();
    out.extend(quarters.iter().map(|q| Resolved { mention: &q.mention, place: &q.place }));
    out.sort_by_key(|r| r.mention.span);
    out
}

/// True when `s` is the city phrase's own mention: it stays a mention. A
/// name inside the quarter's own ("Nour" of "Bab Nour") is part of it.
fn is_city_span(q: &Quarter, s: Span) -> bool {
    s.start >= q.name.end && q.mention.span.end == s.end
}

/// The name of the quarter whose word is `words[i]`, and where the text
/// after it goes on: "Bab Nour neighbourhood" (the name before) or
/// "neighbourhood of Bab Nour" (after).
fn name_around(text: &str, words: &[(Span, &str)], i: usize) -> Option<(Span, usize)> {
    let joined = |a: usize, b: usize| text.get(words[a].0.end..words[b].0.start) == Some(" ");
    let mut first = i;
    while first > 0 && i - first < 4 && capitalised(words[first - 1].1) && joined(first - 1, first) {
        first -= 1;
    }
    if first < i {
        return Some((Span::new(words[first].0.start, words[i - 1].0.end), words[i].0.end));
    }
    words.get(i + 1).filter(|(_, w)| *w == "of")?;
    let mut last = i + 1;
    while last + 1 < words.len() && last - i < 5 && capitalised(words[last + 1].1) && joined(last, last + 1) {
        last += 1;
    }
    (last > i + 1).then(|| (Span::new(words[i + 2].0.start, words[last].0.end), words[last].0.end))
}

/// A capitalised word, or one with a lower-case article joined by a hyphen
/// ("al-Nour").
fn capitalised(word: &str) -> bool {
    let word = match word.split_once('-') {
        Some((article, rest)) if article.len() <= 3 && article.chars().all(char::is_lowercase) => rest,
        _ => word,
    };
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The quarter named at `name` (the text after it going on at `rest`), when
/// it needs placing at its city.
/// `rest` is where the text after the quarter word goes on, and `phrase`
/// says whether the quarter's mention takes in the city phrase there (the
/// last name of a list does; the names before it stop at their end).
fn quarter(
    text: &str,
    resolved: &[Resolved<'_>],
    (name, rest, phrase): (Span, usize, bool),
    sentence: Span,
) -> Option<Quarter> {
    let found: Vec<&Resolved<'_>> = resolved.iter().filter(|r| name.contains(r.mention.span)).collect();
    let stated = stated_city(text, resolved, (name.start, rest), sentence);
    let named_city = found.iter().find(|r| is_city(r.place));
    if named_city.is_some_and(|c| stated.is_none_or(|(s, _)| s.gazetteer_id == c.place.gazetteer_id)) {
        return None; // "a neighbourhood of Ain Sarab": the city itself
    }
    let city = match (found.first(), stated) {
        (_, Some((city, _))) => city,
        (Some(r), None) => nearest_city(resolved, r.place)?,
        (None, None) => return None,
    };
    let in_town = |r: &&&Resolved<'_>| distance_km(r.place.point(), city.point()) <= QUARTER_KM;
    if found.iter().any(|r| in_town(&r)) {
        return None; // the gazetteer has it, in its city
    }
    let end = stated.filter(|_| phrase).map_or(name.end, |(_, end)| end);
    let mention =
        PlaceMention { span: Span::new(name.start, end), candidates: Vec::new(), cues: Vec::new(), qualifier: None };
    Some(Quarter { mention, place: in_city(city, text.get(name.start..name.end).unwrap_or("")), name })
}

/// The quarter `name` of `city`, at the city's point and with its name (as
/// ACLED names the location), a place of its own: two quarters of one city
/// are two places, and each is part of the city (`coreference`). Its id is
/// the city's with the quarter's name: `quarter:<city id>/<name>`.
fn in_city(city: &Place, name: &str) -> Place {
    let key: String = name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    Place {
        gazetteer_id: GazetteerId::new("quarter", &format!("{}/{key}", city.gazetteer_id)),
        kind: PlaceKind::Neighbourhood,
        population: None,
        ..city.clone()
    }
}

/// The city named right after a quarter ("in Ain Sarab", "of Ain Sarab
/// city", "in the city"), with where the phrase ends.
fn stated_city<'a>(
    text: &str,
    resolved: &[Resolved<'a>],
    (name, rest): (usize, usize),
    sentence: Span,
) -> Option<(&'a Place, usize)> {
    let after = text.get(rest..sentence.end)?;
    let trimmed = after.trim_start();
    let skipped = after.len() - trimmed.len();
    let (prep, tail) = trimmed.split_once(' ')?;
    if !(prep == "in" || prep == "of") {
        return None;
    }
    let tail_at = rest + skipped + prep.len() + 1;
    if let Some(t) = tail.strip_prefix("the city") {
        let end = tail_at + "the city".len();
        let ends_word = !t.starts_with(|c: char| c.is_alphanumeric());
        return ends_word.then(|| anaphoric_city(resolved, (name, end), sentence)).flatten().map(|c| (c, end));
    }
    let lead = if tail.starts_with("the ") { 4 } else { 0 };
    let c = resolved.iter().find(|r| r.mention.span.start == tail_at + lead)?;
    let place = if is_city(c.place) { c.place } else { city_named(resolved, c.place)? };
    let city_word = text.get(c.mention.span.end..).is_some_and(|t| t.starts_with(" city"));
    Some((place, c.mention.span.end + if city_word { " city".len() } else { 0 }))
}

/// The city of the same name as an area, named elsewhere in the document:
/// "a neighbourhood in Ain Sarab" is in the city, where the geocoder read
/// the province of that name.
fn city_named<'a>(resolved: &[Resolved<'a>], area: &Place) -> Option<&'a Place> {
    let same = |p: &Place| p.name == area.name && p.country == area.country;
    resolved.iter().map(|r| r.place).find(|p| is_city(p) && same(p))
}

/// "The city": the last city named before the quarter's name (which starts
/// at `name`), else the first named after the phrase (which ends at `end`)
/// in the sentence.
fn anaphoric_city<'a>(resolved: &[Resolved<'a>], (name, end): (usize, usize), sentence: Span) -> Option<&'a Place> {
    let before = resolved.iter().rev().filter(|r| r.mention.span.end <= name).find(|r| is_city(r.place));
    let after = || {
        resolved
            .iter()
            .filter(|r| r.mention.span.start >= end && sentence.contains(r.mention.span))
            .find(|r| is_city(r.place))
    };
    before.or_else(after).map(|r| r.place)
}

/// The document's city nearest to `place`, within [`MISTAKEN_KM`].
fn nearest_city<'a>(resolved: &[Resolved<'a>], place: &Place) -> Option<&'a Place> {
    let km = |c: &Place| distance_km(c.point(), place.point());
    resolved
        .iter()
        .map(|r| r.place)
        .filter(|c| is_city(c) && km(c) <= MISTAKEN_KM)
        .min_by(|a, b| km(a).total_cmp(&km(b)))
}

/// A populated place of at least [`CITY_POPULATION`] people.
#[must_use]
pub fn is_city(p: &Place) -> bool {
    p.kind == PlaceKind::PopulatedPlace && p.population.is_some_and(|n| n >= CITY_POPULATION)
}
