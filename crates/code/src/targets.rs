//! Separate targets: one event per place a sentence names as a separate
//! target or front.
//!
//! ACLED codebook: an event is one act at one location on one day, so an
//! act told of several places is one event per place. A report says so with a coordination of equally specific places ("jets
//! struck the towns of Tell Amra and Kafr Sela", "shelled Beit Noura, Ain
//! Sarab and Tell Amra", "struck A as well as B"), or with a second clause of
//! the same event that names its own target ("… while a monitor said the
//! district centre was hit too").
//!
//! What is not a coordination, and stays one place:
//! - a chain, one place qualified by another ("Kafr Sela, Wadi Nour";
//!   two names side by side): a list needs a conjunction ("and", "as well
//!   as") or at least two commas; "in A or B" is one place, uncertain;
//! - a span between two places ("fighting between A and B") or an origin
//!   ("fighters from A and B attacked C");
//! - names that are each a city and its province's ("in Ain Sarab and
//!   Tell Amra"): the provinces, most often, over which a campaign goes;
//! - an actor's name, which never reaches here (`reading::own_places`).

use sitrep_model::Span;

use crate::location::Resolved;

/// Nouns of a kind of place that may stand next to coordinated names ("the
/// towns of A and B", "A village and B town", "A and B neighbourhoods").
const KIND_NOUNS: &[&str] = &[
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "cities",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "district",
    "districts",
    "area",
    "areas",
    "camp",
    "camps",
    "suburb",
    "suburbs",
    "quarter",
    "quarters",
];

/// Words that open a coordination of places.
/// ("or" is not one: "in A or B" is one event whose place is uncertain.)
const CONJUNCTIONS: &[&str] = &["and"];

/// Words before a list that make it a span or an origin, not targets.
const NOT_TARGETS: &[&str] = &["between", "from"];

/// What stands between two places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// "and", ", and", "as well as", "and the town of".
    Conjunction,
    /// A comma only (perhaps with kind nouns: "A village, B").
    Comma,
    /// White space only: two names side by side.
    Adjacent,
    /// Anything else: the places are not coordinated.
    Other,
}

/// The places of `chosen` (equally specific, in text order, the first one
/// the event's place) that are separate targets: the first place with the
/// places coordinated with it, then the target of each other clause in
/// `clauses` (the event's clauses that tell its act, not only its toll).
/// Never empty when `chosen` is not; never the same entry twice.
#[must_use]
pub fn separate<'a>(text: &str, chosen: &[Resolved<'a>], clauses: &[Span]) -> Vec<Resolved<'a>> {
    let chosen = &without_containers(text, chosen)[..];
    let Some(first) = chosen.first() else { return Vec::new() };
    let runs = runs(text, chosen);
    let run_of = |i: usize| runs.iter().find(|r| r.contains(&i)).cloned().unwrap_or_else(|| vec![i]);
    let mut picked: Vec<usize> = targets_of(text, chosen, run_of(0));
    // Other clauses name targets of their own only when the first place is
    // the act's ("19 people were killed in A as the army pressed on towards
    // B": B is where the campaign goes, not a second place of the deaths).
    let first_clause = clauses.iter().find(|c| c.contains(first.mention.span));
    let others = clauses.iter().filter(|c| first_clause.is_some() && Some(*c) != first_clause);
    for clause in others {
        let Some(i) = chosen.iter().position(|p| clause.contains(p.mention.span)) else { continue };
        if !picked.contains(&i) {
            picked.extend(targets_of(text, chosen, run_of(i)));
        }
    }
    let mut out: Vec<Resolved<'a>> = Vec::with_capacity(picked.len());
    for i in picked {
        if !out.iter().any(|p| p.place.gazetteer_id == chosen[i].place.gazetteer_id) {
            out.push(chosen[i]);
        }
    }
    out
}

/// The members of a run that are targets: all of them when the run is a
/// list, else its first.
fn targets_of(text: &str, chosen: &[Resolved<'_>], run: Vec<usize>) -> Vec<usize> {
    let gaps: Vec<Gap> =
        run.windows(2).map(|w| gap(text, chosen[w[0]].mention.span, chosen[w[1]].mention.span)).collect();
    let conjunction = gaps.contains(&Gap::Conjunction);
    let commas = gaps.iter().filter(|g| **g == Gap::Comma).count();
    let list = (conjunction || commas >= 2) && !introduced_by(text, chosen[run[0]].mention.span, NOT_TARGETS);
    if list && !run.iter().all(|&i| province_named(&chosen[i])) {
        run
    } else {
        run.into_iter().take(1).collect()
    }
}

/// True for a city whose province bears its name (Ain Sarab, capital of
/// Ain Sarab province), written with no word saying it is the city: a list
/// of such names only ("gained ground in Ain Sarab and Tell Amra") most
/// often names the provinces, a campaign over areas, not separate targets.
fn province_named(p: &Resolved<'_>) -> bool {
    let settlement = p.mention.cues.contains(&sitrep_model::PlaceCue::Settlement);
    p.place.kind == sitrep_model::PlaceKind::PopulatedPlace
        && p.place.admin1.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(&p.place.name))
        && !settlement
}

/// The indices of `chosen` grouped into maximal runs of places with no
/// [`Gap::Other`] between neighbours.
fn runs(text: &str, chosen: &[Resolved<'_>]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for i in 0..chosen.len() {
        let joined = i > 0 && gap(text, chosen[i - 1].mention.span, chosen[i].mention.span) != Gap::Other;
        match out.last_mut() {
            Some(run) if joined => run.push(i),
            _ => out.push(vec![i]),
        }
    }
    out
}

/// A word of the text between two places.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Comma,
    /// A capitalised word: a name inside a conjunct ("and villages in the
    /// Wadi Nour countryside including …").
    Name,
    /// Any other word, lower-cased.
    Word(String),
}

/// Words that may stand in a conjunct before its place, after the
/// conjunction: "A and numerous villages in the northern countryside
/// including B", "A and then B".
const IN_CONJUNCT: &[&str] = &[
    "in",
    "on",
    "at",
    "also",
    "then",
    "into",
    "numerous",
    "several",
    "many",
    "other",
    "some",
    "nearby",
    "neighbouring",
    "neighboring",
    "northern",
    "southern",
    "eastern",
    "western",
    "rural",
    "countryside",
    "outskirts",
    "including",
];

/// Words between a place and a more specific one that make the first its
/// container ("the Wadi Nour countryside including B").
const INCLUDING: &[&str] = &["including", "like"];

/// What stands between the place at `a` and the next one at `b`.
fn gap(text: &str, a: Span, b: Span) -> Gap {
    let Some(between) = text.get(a.end..b.start) else { return Gap::Other };
    if between.is_empty() {
        return Gap::Other; // one word cut in two, not two names
    }
    let tokens = tokens(between);
    if tokens.is_empty() {
        return Gap::Adjacent;
    }
    let word = |t: &Token, list: &[&str]| matches!(t, Token::Word(w) if list.contains(&w.as_str()));
    let plain = |t: &Token| *t == Token::Comma || word(t, &["the", "of"]) || word(t, KIND_NOUNS);
    let as_well_as =
        |c: usize| tokens.get(c..c + 3).is_some_and(|w| w.iter().zip(["as", "well", "as"]).all(|(t, x)| word(t, &[x])));
    let conj = tokens
        .iter()
        .position(|t| word(t, CONJUNCTIONS))
        .map(|c| (c, 1))
        .or_else(|| (0..tokens.len()).find(|&c| as_well_as(c)).map(|c| (c, 3)));
    match conj {
        Some((c, n)) => {
            let before = tokens[..c].iter().all(plain);
            let after = tokens[c + n..].iter().all(|t| plain(t) || word(t, IN_CONJUNCT) || *t == Token::Name);
            if before && after {
                Gap::Conjunction
            } else {
                Gap::Other
            }
        }
        None if tokens.iter().all(plain) && tokens.contains(&Token::Comma) => Gap::Comma,
        None => Gap::Other,
    }
}

/// The places of `chosen` without those that only contain the next one
/// ("villages of the Wadi Nour countryside including Tell Amra": the
/// countryside is where Tell Amra is, not another target).
fn without_containers<'a>(text: &str, chosen: &[Resolved<'a>]) -> Vec<Resolved<'a>> {
    let container = |i: usize| {
        chosen.get(i + 1).is_some_and(|next| {
            let between = text.get(chosen[i].mention.span.end..next.mention.span.start).unwrap_or("");
            let tokens = tokens(between);
            let Some((last, head)) = tokens.split_last() else { return false };
            let filler = |t: &Token| {
                matches!(t, Token::Comma) || matches!(t, Token::Word(w) if w == "the" || w == "countryside" || KIND_NOUNS.contains(&w.as_str()))
            };
            matches!(last, Token::Word(w) if INCLUDING.contains(&w.as_str())) && head.iter().all(filler)
        })
    };
    (0..chosen.len()).filter(|&i| !container(i)).map(|i| chosen[i]).collect()
}

/// The gap's words and commas.
fn tokens(gap: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for piece in gap.split_whitespace() {
        let word = piece.trim_matches(|c: char| !c.is_alphanumeric());
        if word.starts_with(char::is_uppercase) {
            out.push(Token::Name);
        } else if !word.is_empty() {
            out.push(Token::Word(word.to_lowercase()));
        }
        if piece.ends_with(',') {
            out.push(Token::Comma);
        }
    }
    out
}

/// True when the words before `span` (past "the", "of" and kind nouns)
/// end in one of `words` ("between the towns of A and B").
fn introduced_by(text: &str, span: Span, words: &[&str]) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    before
        .split_whitespace()
        .rev()
        .take(5)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase())
        .find(|w| !(w == "the" || w == "of" || KIND_NOUNS.contains(&w.as_str())))
        .is_some_and(|w| words.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gap_of(text: &str, a: &str, b: &str) -> Gap {
        let (i, j) = (text.find(a).unwrap_or(0), text.rfind(b).unwrap_or(0));
        gap(text, Span::new(i, i + a.len()), Span::new(j, j + b.len()))
    }

    #[test]
    fn gaps() {
        assert_eq!(gap_of("struck Alpha and Beta", "Alpha", "Beta"), Gap::Conjunction);
        assert_eq!(gap_of("struck Alpha, and Beta", "Alpha", "Beta"), Gap::Conjunction);
        assert_eq!(gap_of("Alpha village and the town of Beta", "Alpha", "Beta"), Gap::Conjunction);
        assert_eq!(gap_of("Alpha as well as Beta", "Alpha", "Beta"), Gap::Conjunction);
        assert_eq!(gap_of("Alpha and also in Beta", "Alpha", "Beta"), Gap::Conjunction);
        assert_eq!(gap_of("Alpha, Beta", "Alpha", "Beta"), Gap::Comma);
        assert_eq!(gap_of("Alpha Beta", "Alpha", "Beta"), Gap::Adjacent);
        assert_eq!(gap_of("Alpha in Beta", "Alpha", "Beta"), Gap::Other);
        assert_eq!(gap_of("Alpha as Beta", "Alpha", "Beta"), Gap::Other);
        assert_eq!(gap_of("Alpha and fled to Beta", "Alpha", "Beta"), Gap::Other);
        assert_eq!(gap_of("AlphaBeta", "Alpha", "Beta"), Gap::Other);
    }

    #[test]
    fn spans_and_origins_are_not_lists() {
        let t = "fighting between the towns of Alpha and Beta";
        let at = t.find("Alpha").unwrap_or(0);
        assert!(introduced_by(t, Span::new(at, at + 5), NOT_TARGETS));
        let t = "fighters from Alpha and Beta attacked";
        let at = t.find("Alpha").unwrap_or(0);
        assert!(introduced_by(t, Span::new(at, at + 5), NOT_TARGETS));
        let t = "jets struck the towns of Alpha and Beta";
        let at = t.find("Alpha").unwrap_or(0);
        assert!(!introduced_by(t, Span::new(at, at + 5), NOT_TARGETS));
    }
}
