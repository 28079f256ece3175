//! Who acts and who is acted upon, from light syntax.
//!
//! A party is a noun phrase the sentence names: an actor mention from the
//! recogniser, or a run of capitalised words (a name the dictionaries do not
//! know, "Minas Tirith", "Bree Prime Minister Romendacil"). Parties joined by
//! "and", "or", "nor" or commas form one compound ("Mordor, Rohan and
//! Bree"): each member is a source or target of its own event.
//!
//! The source is the first compound of the verb's clause before the verb
//! (a leading adverbial "In a letter to the UN on Monday," is skipped); the
//! target the first compound after it, up to the end of the clause. In the
//! passive ("X was opposed by Y") the subject is the target and the phrase
//! after "by" the source.

use sitrep_model::{mention::inside, ActorMention, Span};

use super::lexicon::Lexed;
use super::tokens::Kind;

/// A party named in the sentence: words `first..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub first: usize,
    pub end: usize,
    pub span: Span,
    /// The actor mention it is (index into the document's actor list).
    pub actor: Option<usize>,
}

/// Capitalised words that start no name.
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "but",
    "and",
    "or",
    "nor",
    "neither",
    "either",
    "both",
    "in",
    "on",
    "at",
    "for",
    "with",
    "after",
    "before",
    "during",
    "since",
    "while",
    "when",
    "as",
    "if",
    "despite",
    "according",
    "under",
    "following",
    "meanwhile",
    "however",
    "also",
    "some",
    "many",
    "several",
    "up",
    "about",
    "there",
    "what",
    "who",
    "mr",
    "mrs",
    "ms",
    "dr",
    "today",
    "yesterday",
    "tonight",
    "last",
    "next",
    "earlier",
];
/// Words that may sit inside a name between capitalised words.
const NAME_JOINERS: &[&str] = &["'s", "\u{2019}s", "of", "al", "bin", "de", "el"];
/// Words that end a clause for the search of a target.
pub const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "while", "because", "since", "until", "unless", "if", "although", "though", "whereas",
    "as", "where", "who", "which",
];
/// Leading words of an adverbial that precedes the subject.
const LEADING: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "despite",
    "following",
    "with",
    "under",
    "according",
    "since",
    "amid",
    "as",
    "while",
    "when",
    "although",
    "unlike",
    "like",
    "earlier",
    "later",
    "meanwhile",
];
const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"];

/// The parties of a sentence in text order.
#[must_use]
pub fn units(s: &Lexed<'_>, actors: &[ActorMention]) -> Vec<Unit> {
    let mut out = names(s);
    let span = match (s.tokens.first(), s.tokens.last()) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => return out,
    };
    let lo = actors.partition_point(|m| m.span.start < span.start);
    for (k, m) in inside(actors, span, |m| m.span).enumerate() {
        add_actor(s, &mut out, lo + k, m.span);
    }
    out.sort_by_key(|u| u.first);
    out
}

/// Runs of capitalised words.
fn names(s: &Lexed<'_>) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.tokens.len() {
        if !starts_name(s, i) || generic_head(s, i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if capitalised(s, end) {
                end += 1;
            } else if s.is_any(end, NAME_JOINERS) && capitalised(s, end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        out.push(Unit { first: i, end, span: words_span(s, i, end), actor: None });
        i = end;
    }
    out
}

fn capitalised(s: &Lexed<'_>, i: usize) -> bool {
    s.tokens.get(i).is_some_and(|t| t.kind == Kind::Word) && s.word(i).starts_with(|c: char| c.is_uppercase())
}

/// A capitalised word that can start a name: not a function word, and not
/// a sentence-initial verb ("Rebuked by ...").
fn starts_name(s: &Lexed<'_>, i: usize) -> bool {
    let initial_verb = i == 0 && s.verb_form_at(0);
    capitalised(s, i) && !initial_verb && !s.is_any(i, NOT_NAMES) && !s.is_any(i, super::CALENDAR)
}

/// A capitalised first word that is a common noun heading a phrase about
/// a named party ("Soldiers from Gondor", "Lawmakers and officials in
/// Arnor"): the named party stands for it.
fn generic_head(s: &Lexed<'_>, i: usize) -> bool {
    if i != 0 || capitalised(s, 1) {
        return false;
    }
    let mut k = 1;
    if s.is(k, "and") && !capitalised(s, k + 1) {
        k += 2;
    }
    s.is_any(k, &["in", "from", "of"]) && (k + 1..k + 3).any(|j| capitalised(s, j))
}

/// Merge an actor mention into the names, or add it as a party.
fn add_actor(s: &Lexed<'_>, out: &mut Vec<Unit>, index: usize, span: Span) {
    let first = s.tokens.partition_point(|t| t.span.end <= span.start);
    let end = s.tokens.partition_point(|t| t.span.start < span.end);
    if first >= end {
        return;
    }
    match out.iter_mut().find(|u| u.first < end && first < u.end) {
        Some(u) => {
            u.first = u.first.min(first);
            u.end = u.end.max(end);
            u.span = words_span(s, u.first, u.end);
            u.actor = u.actor.or(Some(index));
        }
        None => out.push(Unit { first, end, span: words_span(s, first, end), actor: Some(index) }),
    }
}

fn words_span(s: &Lexed<'_>, first: usize, end: usize) -> Span {
    Span::new(s.tokens[first].span.start, s.tokens[end - 1].span.end)
}

/// The compounds: runs of units joined by "and", "or", "nor" or commas,
/// as ranges of unit indices.
#[must_use]
pub fn compounds(s: &Lexed<'_>, units: &[Unit]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for i in 0..units.len() {
        match out.last_mut() {
            Some(last) if last.1 == i && joined(s, units[i - 1].end, units[i].first) => last.1 = i + 1,
            _ => out.push((i, i + 1)),
        }
    }
    out
}

/// True when the words `from..to` between two parties join them: a
/// conjunction or comma, with at most a few modifiers ("and the evil").
fn joined(s: &Lexed<'_>, from: usize, to: usize) -> bool {
    let between = from..to;
    let connector = between.clone().any(|i| s.is_any(i, &["and", "or", "nor"]) || s.is_punct(i, ','));
    let plain =
        between.clone().all(|i| s.is_any(i, &["and", "or", "nor", "the"]) || s.is_punct(i, ',') || modifier(s, i));
    connector && plain && between.len() <= 5
}

/// A lower-case word that can modify a name ("evil", "neighbouring").
fn modifier(s: &Lexed<'_>, i: usize) -> bool {
    let w = s.word(i);
    s.tokens[i].kind == Kind::Word
        && w.starts_with(|c: char| c.is_lowercase())
        && !s.is_any(i, super::verbs::PREPOSITIONS)
        && !s.is_any(i, SUBORDINATORS)
        && !s.verb_form_at(i)
}

/// Where the subject of a clause starting at `from` may begin: after a
/// leading adverbial that ends in a comma.
#[must_use]
pub fn subject_start(s: &Lexed<'_>, from: usize, verb: usize) -> usize {
    if !s.is_any(from, LEADING) {
        return from;
    }
    (from..verb).find(|i| s.is_punct(*i, ',')).map_or(from, |c| c + 1)
}

/// The first compound with its first unit in `from..to`, cut at `to`.
#[must_use]
pub fn first_in(units: &[Unit], compounds: &[(usize, usize)], from: usize, to: usize) -> Option<(usize, usize)> {
    let (a, b) = *compounds.iter().find(|(a, _)| units[*a].first >= from && units[*a].first < to)?;
    let b = (a..b).take_while(|k| units[*k].end <= to).last().map_or(a + 1, |k| k + 1);
    Some((a, b))
}

/// The word ending the clause that starts at `from`, for a target search.
#[must_use]
pub fn clause_end(s: &Lexed<'_>, from: usize) -> usize {
    (from..s.tokens.len()).find(|i| s.is_punct(*i, ';') || s.is_any(*i, SUBORDINATORS)).unwrap_or(s.tokens.len())
}

/// True when the verb at word `verb` (a past participle) is passive: a form
/// of "be" within the three words before it.
#[must_use]
pub fn is_passive(s: &Lexed<'_>, verb: usize) -> bool {
    (verb.saturating_sub(3)..verb).any(|i| s.is_any(i, BE))
}

/// The agent of a passive: the compound after "by" shortly after the verb.
#[must_use]
pub fn agent(
    s: &Lexed<'_>,
    units: &[Unit],
    compounds: &[(usize, usize)],
    after: usize,
    limit: usize,
) -> Option<(usize, usize)> {
    let by = (after..limit.min(after + 6)).find(|i| s.is(*i, "by"))?;
    first_in(units, compounds, by + 1, limit.min(by + 5))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cameo::dictionary::Dictionary;
    use crate::cameo::lexicon::Lexicon;
    use crate::cameo::tokens::tokenize;

    fn texts(text: &str, actors: &[&str]) -> Vec<Vec<String>> {
        let d = Dictionary::parse("---  X   [---]  ---\nREBUKE\n").expect("parses");
        let lex = Lexicon::new(&d).expect("compiles");
        let s = lex.scan(text, tokenize(text, Span::new(0, text.len())));
        let actors: Vec<ActorMention> =
            actors.iter().map(|a| text.find(a).map_or(mention(0, 0), |i| mention(i, i + a.len()))).collect();
        let us = units(&s, &actors);
        compounds(&s, &us)
            .iter()
            .map(|&(a, b)| us[a..b].iter().map(|u| u.span.slice(text).unwrap_or("").to_owned()).collect())
            .collect()
    }

    fn mention(a: usize, b: usize) -> ActorMention {
        let actor = sitrep_model::Actor {
            name: "x".into(),
            code: sitrep_model::ActorCode::new("XXX").expect("code"),
            country: None,
            role: sitrep_model::ActorRole::Rebel,
        };
        ActorMention { span: Span::new(a, b), actor }
    }

    #[test]
    fn names_actors_and_compounds() {
        for (text, actors, want) in [
            (
                "Mordor, Rohan, Fornost and Bree welcomed Gondor.",
                vec![],
                vec![vec!["Mordor", "Rohan", "Fornost", "Bree"], vec!["Gondor"]],
            ),
            (
                "The Calenardhon government met rebels on Monday.",
                vec!["Calenardhon government", "rebels"],
                vec![vec!["Calenardhon government"], vec!["rebels"]],
            ),
            ("Fornost and the evil awful Gondor met.", vec![], vec![vec!["Fornost", "Gondor"]]),
            ("Gondor's Prime Minister Falastur noted it.", vec![], vec![vec!["Gondor's Prime Minister Falastur"]]),
            ("Rebuked by Eriador, Osgiliath left on Sunday.", vec![], vec![vec!["Eriador", "Osgiliath"]]),
            (
                "Arnor met Gondor in the Bay of Belfalas.",
                vec![],
                vec![vec!["Arnor"], vec!["Gondor"], vec!["Bay of Belfalas"]],
            ),
            ("Soldiers from Gondor left.", vec![], vec![vec!["Gondor"]]),
            ("Lawmakers and officials in Fornost and Gondor met.", vec![], vec![vec!["Fornost", "Gondor"]]),
        ] {
            assert_eq!(texts(text, &actors), want, "{text}");
        }
    }
}
