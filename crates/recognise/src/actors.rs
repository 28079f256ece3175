//! Actor recogniser: who is named in a document, as canonical actors with
//! CAMEO-style codes.
//!
//! Built once from the shipped PETRARCH2/Phoenix dictionaries (countries,
//! international actors, armed non-state groups, agents), the country list
//! and sitrep's overlay (`data/dictionaries/overlay/`); all embedded in the
//! binary. Matching semantics are documented in [`lexicon`]; composition of
//! nationality + agent in [`compose`]; names in [`naming`]. Date-bounded codes
//! (a leader's office) are chosen by the document's publication date.
//!
//! An agent met without a country ("rebels", "regime forces", "civilians")
//! yields an actor whose `country` is `None` and whose code is the agent code
//! alone (`REB`); the coder completes it with the document's country focus.

pub mod compose;
pub mod lexicon;
pub mod naming;
pub mod petrarch;
pub mod phrases;

use std::io::Read;

use chrono::NaiveDate;
use sitrep_model::fnv::FnvHashMap;
use sitrep_model::{Actor, ActorCode, ActorMention, ActorRole, Doc, Iso3, Nationality, Span};
use thiserror::Error;

use compose::{Hit, Unit};
use lexicon::{CaseRule, CountrySpec, Lexicon, Nationalities, OverlayRow, Sense};
use naming::Naming;
use petrarch::DatedCode;
use phrases::PhraseIndex;

/// A shipped actor data file could not be read.
#[derive(Debug, Error)]
pub enum ActorDataError {
    #[error("{file}:{line}: {what}")]
    Row { file: &'static str, line: usize, what: &'static str },
    #[error("{file}: {source}")]
    Io { file: &'static str, source: std::io::Error },
}

impl ActorDataError {
    pub(crate) fn row(file: &'static str, line: usize, what: &'static str) -> Self {
        Self::Row { file, line, what }
    }
}

macro_rules! data {
    ($path:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/dictionaries/", $path))
    };
}

const COUNTRIES_GZ: &[u8] = data!("petrarch2/Phoenix.Countries.actors.txt.gz");
const INTERNATIONAL_GZ: &[u8] = data!("petrarch2/Phoenix.International.actors.txt.gz");
const NONSTATE_GZ: &[u8] = data!("petrarch2/Phoenix.MilNonState.actors.txt.gz");
const AGENTS_GZ: &[u8] = data!("petrarch2/Phoenix.agents.txt.gz");
const OVERLAY: &[u8] = data!("overlay/actors.tsv");
const AGENT_NAMES: &[u8] = data!("overlay/agents.tsv");
const STOPWORDS: &[u8] = data!("overlay/actor_stopwords.txt");
const AGENT_STOPWORDS: &[u8] = data!("overlay/agent_stopwords.txt");

/// Finds actors in documents.
#[derive(Debug)]
pub struct ActorRecogniser {
    lexicon: Lexicon,
    phrases: PhraseIndex,
    naming: Naming,
}

impl ActorRecogniser {
    /// Build from the embedded dictionaries.
    ///
    /// # Errors
    /// When a shipped file is corrupt (a build defect, not a user error).
    pub fn new() -> Result<Self, ActorDataError> {
        let nationalities = Nationalities::embedded();
        let naming = Naming::from_rows(Nationality::embedded(), &String::from_utf8_lossy(AGENT_NAMES))?;
        let stop = word_list(STOPWORDS);
        let mut lexicon = Lexicon::default();
        lexicon.add_overlay(&String::from_utf8_lossy(OVERLAY))?;
        for (file, gz) in [
            ("Phoenix.MilNonState.actors.txt", NONSTATE_GZ),
            ("Phoenix.International.actors.txt", INTERNATIONAL_GZ),
            ("Phoenix.Countries.actors.txt", COUNTRIES_GZ),
        ] {
            lexicon.add_dictionary(petrarch::parse_actors(&gunzip(file, gz)?), &nationalities, &stop);
        }
        lexicon.add_countries(&nationalities);
        let agents = petrarch::parse_agents(&gunzip("Phoenix.agents.txt", AGENTS_GZ)?);
        lexicon.add_agents(agents, &word_list(AGENT_STOPWORDS));
        let phrases = PhraseIndex::new(lexicon.keys());
        Ok(Self { lexicon, phrases, naming })
    }

    /// Number of phrases the recogniser matches.
    #[must_use]
    pub fn len(&self) -> usize {
        self.lexicon.patterns.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.lexicon.patterns.is_empty()
    }

    /// Every actor mention in the document, sorted by span.
    #[must_use]
    pub fn find(&self, doc: &Doc) -> Vec<ActorMention> {
        let hits = self.scan(&doc.text);
        // A document names the same few actors again and again: each
        // (phrase sense, country) is turned into an actor once.
        let mut seen: FnvHashMap<(Option<usize>, Option<Iso3>), Option<Actor>> = FnvHashMap::default();
        compose::compose(&doc.text, &hits, &self.lexicon)
            .into_iter()
            .filter_map(|u| {
                let span = u.span;
                let actor =
                    seen.entry((u.head, u.country)).or_insert_with(|| self.actor_of(u, doc.published).map(|m| m.actor));
                actor.clone().map(|actor| ActorMention { span, actor })
            })
            .collect()
    }

    /// The actor a single phrase names, as if it stood alone in a document
    /// published on `day` (used by evaluation to canonicalise gold names).
    #[must_use]
    pub fn lookup(&self, phrase: &str, day: Option<NaiveDate>) -> Option<Actor> {
        let hits = self.scan(phrase);
        let units = compose::compose(phrase, &hits, &self.lexicon);
        units.into_iter().find_map(|u| self.actor_of(u, day).map(|m| m.actor))
    }

    /// Lexicon hits in `text`: longest at each word start, whole words,
    /// case rules ([`phrases`]).
    fn scan(&self, text: &str) -> Vec<Hit> {
        let pattern = |p: u32| &self.lexicon.patterns[p as usize];
        let found = self.phrases.find_all(text, |s, e, p| case_ok(&text[s..e], pattern(p).case));
        found.into_iter().map(|(s, e, p)| Hit { span: Span::new(s, e), sense: pattern(p).sense }).collect()
    }

    fn actor_of(&self, unit: Unit, day: Option<NaiveDate>) -> Option<ActorMention> {
        let actor = match unit.head.map(|h| &self.lexicon.senses[h]) {
            None => self.state(unit.country?),
            Some(Sense::Agent { agent }) => self.agent_actor(agent, unit.country),
            Some(Sense::Overlay(row)) => self.overlay_actor(row, unit.country),
            Some(Sense::Named { header, codes }) => self.named_actor(header, codes, day),
            Some(Sense::Country { iso3, .. }) => self.state(*iso3),
        }?;
        Some(ActorMention { span: unit.span, actor })
    }

    fn state(&self, iso3: Iso3) -> Option<Actor> {
        let name = self.naming.country_name(iso3)?.to_owned();
        Some(Actor { name, code: ActorCode::new(iso3.as_str()).ok()?, country: Some(iso3), role: ActorRole::State })
    }

    fn agent_actor(&self, agent: &str, country: Option<Iso3>) -> Option<Actor> {
        let t = self.naming.agent(agent)?;
        let code = country.map_or_else(|| agent.to_owned(), |c| format!("{c}{agent}"));
        Some(Actor {
            name: self.naming.fill(&t.template, country),
            code: ActorCode::new(&code).ok()?,
            country,
            role: t.role,
        })
    }

    fn overlay_actor(&self, row: &OverlayRow, adjective: Option<Iso3>) -> Option<Actor> {
        let country = match row.country {
            CountrySpec::Fixed(c) => Some(c),
            CountrySpec::Focus => adjective,
            CountrySpec::None => None,
        };
        let agent_only = row.country == CountrySpec::Focus && self.naming.agent(&row.code).is_some();
        let code = match (agent_only, country) {
            (true, Some(c)) => format!("{c}{}", row.code),
            _ => row.code.clone(),
        };
        let name = self.naming.fill(&row.name, country);
        Some(Actor { name, code: ActorCode::new(&code).ok()?, country, role: row.role })
    }

    fn named_actor(&self, header: &str, codes: &[DatedCode], day: Option<NaiveDate>) -> Option<Actor> {
        let code = pick_code(codes, day)?;
        let code = ActorCode::new(code).ok()?;
        if let Some((country, agent)) = self.naming.split_code(code.as_str()) {
            let t = self.naming.agent(agent)?;
            if matches!(t.role, ActorRole::Military | ActorRole::Police | ActorRole::Government) {
                let name = self.naming.fill(&t.template, Some(country));
                return Some(Actor { name, code, country: Some(country), role: t.role });
            }
        }
        let country = Iso3::new(code.country_prefix()).ok().filter(|c| self.naming.country_name(*c).is_some());
        // A bare country code: the dictionaries list a country's cities
        // under it ("MINSK_", "KHARKIV_" under BELARUS and UKRAINE). A city
        // that acts stands for its government ("Minsk said"); after a
        // locative it is the city ("protested in Minsk"), which the coder
        // reads from the Government role.
        if let Some(c) = country.filter(|c| c.as_str() == code.as_str()) {
            return self.state(c).map(|a| Actor { role: ActorRole::Government, ..a });
        }
        Some(Actor { name: title_case(header), role: role_of_code(code.as_str()), code, country })
    }
}

/// The code valid on `day`: a dated code that covers it, else the undated
/// one; with no day, the undated one, else the latest-starting.
fn pick_code(codes: &[DatedCode], day: Option<NaiveDate>) -> Option<&str> {
    let dated = day.and_then(|d| codes.iter().find(|c| !c.undated() && c.valid_on(d)));
    let undated = codes.iter().find(|c| c.undated());
    let latest = codes.iter().max_by_key(|c| c.from);
    match day {
        Some(_) => dated.or(undated),
        None => undated.or(latest),
    }
    .map(|c| c.code.as_str())
}

fn role_of_code(code: &str) -> ActorRole {
    if code.starts_with("IGO") {
        ActorRole::International
    } else if code.starts_with("IMG") {
        ActorRole::Militant
    } else if code.contains("REB") || code.contains("INS") {
        ActorRole::Rebel
    } else if code.contains("MIL") {
        ActorRole::Military
    } else if code.contains("GOV") {
        ActorRole::Government
    } else {
        ActorRole::Other
    }
}

/// "JABHAT AL NUSRA" → "Jabhat al Nusra"; a header of one short word is
/// initials and keeps its capitals ("PKK", "UN").
fn title_case(header: &str) -> String {
    if !header.contains(' ') && header.chars().count() <= 4 {
        return header.to_owned();
    }
    const LOWER: &[&str] = &["al", "el", "ad", "ash", "of", "the", "and", "for", "in", "bin", "ibn", "de", "wa"];
    header
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && LOWER.contains(&lower.as_str()) {
                lower
            } else {
                let mut c = lower.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn case_ok(surface: &str, rule: CaseRule) -> bool {
    let mut letters = surface.chars().filter(|c| c.is_alphabetic());
    match rule {
        CaseRule::Any => true,
        CaseRule::Capitalised => letters.next().is_some_and(char::is_uppercase),
        CaseRule::Upper => letters.all(char::is_uppercase),
    }
}

/// The non-comment lines of a word-list file.
fn word_list(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

fn gunzip(file: &'static str, gz: &[u8]) -> Result<String, ActorDataError> {
    let mut out = String::new();
    flate2::read::GzDecoder::new(gz).read_to_string(&mut out).map_err(|source| ActorDataError::Io { file, source })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_particles_lower() {
        assert_eq!(title_case("JABHAT AL NUSRA"), "Jabhat al Nusra");
        assert_eq!(title_case("TALIBAN"), "Taliban");
        assert_eq!(title_case("PKK"), "PKK");
    }

    #[test]
    fn dated_codes_follow_the_publication_date() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let codes = vec![
            DatedCode { code: "SYRELI".into(), from: d(1983, 1, 1), until: d(2000, 1, 1) },
            DatedCode { code: "SYRGOV".into(), from: d(2000, 7, 17), until: None },
        ];
        assert_eq!(pick_code(&codes, d(2016, 1, 21)), Some("SYRGOV"));
        assert_eq!(pick_code(&codes, d(1990, 1, 1)), Some("SYRELI"));
        assert_eq!(pick_code(&codes, None), Some("SYRGOV"));
        assert_eq!(pick_code(&codes, d(1970, 1, 1)), None);
    }

    #[test]
    fn case_rules() {
        assert!(case_ok("IS", CaseRule::Upper));
        assert!(!case_ok("is", CaseRule::Upper));
        assert!(!case_ok("taliban", CaseRule::Capitalised));
    }
}

#[cfg(test)]
mod debug_tests {
    #[test]
    #[ignore = "debugging aid"]
    #[allow(clippy::print_stderr)] // printing is its purpose
    fn senses_of() {
        let r = super::ActorRecogniser::new().expect("loads");
        let q = std::env::var("ACTOR_PHRASE").unwrap_or_default().to_ascii_lowercase();
        for p in r.lexicon.patterns.iter().filter(|p| p.text.to_ascii_lowercase() == q) {
            eprintln!("{:?} {:?} {:?}", p.text, p.case, r.lexicon.senses[p.sense]);
        }
    }
}
