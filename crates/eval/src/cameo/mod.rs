//! CAMEO verb coding: the PETRARCH2 verb dictionary applied with light
//! syntax to code any sentence's events with a CAMEO code, mapped to PLOVER.
//!
//! The ACLED rules of this crate code armed-conflict events from trigger
//! words; this module codes the whole CAMEO ontology (diplomacy, demands,
//! threats, aid, protest, force) the way PETRARCH2 does, without a parser:
//!
//! 1. [`tokens`] cuts the sentence into words;
//! 2. [`lexicon`] finds every verb form, pattern word and synset phrase of
//!    the dictionary ([`dictionary`], forms from [`inflect`]) in one
//!    Aho-Corasick pass;
//! 3. [`verbs`] keeps the forms used as verbs and codes each from its
//!    block's most specific matching [`pattern`] (a verb that codes nothing
//!    takes the code of an event noun after it: [`nouns`]);
//! 4. [`reading`] pairs governing verbs with their complements ("agreed to
//!    withdraw", "said that ...") and applies markers ("will", "not") via
//!    [`combine`];
//! 5. [`parties`] picks the source and target from the clause: subject
//!    before the verb, object after, the "by" phrase of a passive, one event
//!    per member of a compound ("Arnor and Gondor").
//!
//! [`CameoCoder::code`] is built once and is pure: the same sentence and
//! mentions always give the same events.

pub mod code;
pub mod combine;
pub mod dictionary;
pub mod inflect;
pub mod lexicon;
pub mod nouns;
pub mod parties;
pub mod pattern;
pub mod plover;
pub mod reading;
pub mod tokens;
pub mod verbs;

use sitrep_model::{Doc, Mentions, Span};

/// The names of the days and months: time words for the verb coder's
/// time expressions, never the start of an actor's name.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
use thiserror::Error;

pub use code::CameoCode;
pub use plover::Plover;

use combine::{Governor, Governors};
use dictionary::{Dictionary, Verb, VerbCode};
use lexicon::{Lexed, Lexicon};
use parties::Unit;
use plover::PloverMap;
use reading::Reading;

/// The coder's shipped data could not be read (a build defect).
#[derive(Debug, Error)]
pub enum CameoError {
    #[error("data/dictionaries/petrarch2/CAMEO.2.0.txt.gz:{line}: {what}")]
    Dictionary { line: usize, what: String },
    #[error("data/dictionaries/plover/CAMEO2PLOVER-2021.txt:{line}: {what}")]
    Plover { line: usize, what: String },
    #[error("data/rules/cameo_governors.tsv:{line}: {what}")]
    Governors { line: usize, what: String },
    #[error("building the CAMEO verb automaton: {0}")]
    Automaton(String),
}

/// A party of an event: the words that name it, and the actor mention
/// they are (index into `Mentions::actors`) when the recogniser knew them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Party {
    pub span: Span,
    pub actor: Option<usize>,
}

/// An event coded from a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CameoEvent {
    pub code: CameoCode,
    /// The PLOVER category and mode (`None` for public statements, root 01,
    /// which PLOVER does not code).
    pub plover: Option<Plover>,
    /// The verb whose code decided (the governor of a combined reading).
    pub verb: Span,
    pub source: Option<Party>,
    pub target: Option<Party>,
    /// The text says it did not happen ("did not attack", "denied").
    pub negated: bool,
    /// True when a pattern, a governing verb or a marker decided the code;
    /// false when it is only the verb block's default (a weaker reading).
    pub specific: bool,
}

/// The CAMEO verb coder, built once.
#[derive(Debug)]
pub struct CameoCoder {
    dict: Dictionary,
    lexicon: Lexicon,
    plover: PloverMap,
    /// The governor class of each verb of the dictionary.
    governors: Vec<Option<Governor>>,
    nouns: nouns::NounCodes,
}

impl CameoCoder {
    /// Load the shipped dictionary, mapping and governor table.
    ///
    /// # Errors
    /// When shipped data is corrupt.
    pub fn new() -> Result<Self, CameoError> {
        let mut dict = Dictionary::embedded()?;
        let table = Governors::embedded()?;
        add_missing_governors(&mut dict, &table);
        let governors =
            dict.verbs.iter().map(|v| table.get(&v.lemma).or_else(|| table.get(v.lemma.split(' ').next()?))).collect();
        Ok(Self {
            lexicon: Lexicon::new(&dict)?,
            plover: PloverMap::embedded()?,
            nouns: nouns::NounCodes::new(&dict),
            dict,
            governors,
        })
    }

    /// The events of the sentence at `sentence` in `doc`, in text order.
    #[must_use]
    pub fn code(&self, doc: &Doc, sentence: Span, mentions: &Mentions) -> Vec<CameoEvent> {
        let s = self.lexicon.scan(&doc.text, tokens::tokenize(&doc.text, sentence));
        let governor = |v: u32| self.governors.get(v as usize).copied().flatten();
        let mut verbs = verbs::find(&self.dict, &s, s.tokens.len());
        for v in verbs.iter_mut().filter(|v| v.code.is_none() && !v.patterned && governor(v.verb).is_none()) {
            v.code = self.nouns.after(&s, v.end);
        }
        let readings = reading::readings(&s, &verbs, &governor);
        let scene = Scene { s: &s, verbs: &verbs, units: parties::units(&s, &mentions.actors), governor: &governor };
        let compounds = parties::compounds(&s, &scene.units);
        readings.iter().flat_map(|r| self.events(&scene, &compounds, r)).collect()
    }

    /// One event per source and target member of a reading's parties.
    fn events(&self, scene: &Scene<'_>, compounds: &[(usize, usize)], r: &Reading) -> Vec<CameoEvent> {
        let (sources, targets) = scene.parties(compounds, r);
        let party = |u: Option<&Unit>| u.map(|u| Party { span: u.span, actor: u.actor });
        let v = scene.verbs[r.anchor];
        let verb = Span::new(scene.s.tokens[v.first].span.start, scene.s.tokens[v.end - 1].span.end);
        let one = |src: Option<&Unit>, tgt: Option<&Unit>| CameoEvent {
            code: r.code,
            plover: self.plover.get(r.code),
            verb,
            source: party(src),
            target: party(tgt),
            negated: r.negated,
            specific: r.specific,
        };
        let srcs: Vec<Option<&Unit>> = if sources.is_empty() { vec![None] } else { sources.iter().map(Some).collect() };
        // "Arnor and Gondor renewed ties": with no target, the members of a
        // compound source act on each other.
        let reciprocal = targets.is_empty() && sources.len() > 1;
        let tgts: Vec<Option<&Unit>> = match (targets.is_empty(), reciprocal) {
            (_, true) => srcs.clone(),
            (true, false) => vec![None],
            (false, _) => targets.iter().map(Some).collect(),
        };
        let mut out = Vec::with_capacity(srcs.len() * tgts.len());
        for src in &srcs {
            // A member of a compound does not act on itself.
            out.extend(tgts.iter().filter(|t| t.is_none() || *t != src).map(|t| one(*src, *t)));
        }
        out
    }
}

/// Add the governors the dictionary lacks ("urge") with their class's code.
fn add_missing_governors(dict: &mut Dictionary, table: &Governors) {
    let mut missing: Vec<(&str, Governor)> =
        table.iter().filter(|(l, _)| !dict.verbs.iter().any(|v| v.lemma == *l)).collect();
    missing.sort_by_key(|(l, _)| *l);
    for (lemma, g) in missing {
        let block = dict.blocks.len();
        dict.blocks.push(dictionary::Block {
            name: lemma.to_ascii_uppercase(),
            code: g.default_code(),
            patterns: Vec::new(),
        });
        dict.verbs.push(Verb {
            lemma: lemma.to_owned(),
            forms: inflect::verb_forms(lemma),
            block,
            code: VerbCode::Inherit,
        });
    }
}

/// What the party search of one sentence sees.
struct Scene<'a> {
    s: &'a Lexed<'a>,
    verbs: &'a [verbs::VerbUse],
    units: Vec<Unit>,
    governor: &'a dyn Fn(u32) -> Option<Governor>,
}

impl Scene<'_> {
    /// The sources and targets of a reading.
    fn parties(&self, compounds: &[(usize, usize)], r: &Reading) -> (Vec<Unit>, Vec<Unit>) {
        let action = self.verbs[r.action];
        let limit = self.target_limit(r);
        let subject = self.subject(compounds, r);
        let passive =
            r.anchor == r.action && action.form == inflect::Form::Past && parties::is_passive(self.s, action.first);
        let (src, tgt) = if passive {
            (parties::agent(self.s, &self.units, compounds, action.end, limit), subject)
        } else {
            let object = parties::first_in(&self.units, compounds, r.target_from, limit);
            (subject, object)
        };
        let members = |c: Option<(usize, usize)>| c.map(|(a, b)| self.units[a..b].to_vec()).unwrap_or_default();
        (members(src), members(tgt))
    }

    /// The subject of the reading's anchor, or of its reporter.
    fn subject(&self, compounds: &[(usize, usize)], r: &Reading) -> Option<(usize, usize)> {
        let v = self.verbs[r.anchor];
        let from = match r.reporter {
            Some(g) => self.verbs[g].end,
            None => self.clause_start(r.anchor),
        };
        let own = parties::first_in(&self.units, compounds, parties::subject_start(self.s, from, v.first), v.first);
        own.or_else(|| {
            let g = r.reporter?;
            let start = parties::subject_start(self.s, self.clause_start(g), self.verbs[g].first);
            parties::first_in(&self.units, compounds, start, self.verbs[g].first)
        })
    }

    /// The first word of verb `i`'s clause: after the last ";" before it.
    fn clause_start(&self, i: usize) -> usize {
        let first = self.verbs[i].first;
        (0..first).rev().find(|k| self.s.is_punct(*k, ';')).map_or(0, |k| k + 1)
    }

    /// Where the target search stops: the clause end, or the comma before a
    /// trailing report ("..., a senior official said").
    fn target_limit(&self, r: &Reading) -> usize {
        let end = parties::clause_end(self.s, r.target_from);
        let report = self
            .verbs
            .iter()
            .skip(r.anchor + 1)
            .find(|v| v.first >= r.target_from && (self.governor)(v.verb) == Some(Governor::Report));
        let tail = report.and_then(|v| (r.target_from..v.first).rev().find(|k| self.s.is_punct(*k, ',')));
        tail.map_or(end, |t| t.min(end))
    }
}

#[cfg(test)]
mod tests;
