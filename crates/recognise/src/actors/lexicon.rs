//! The actor lexicon: every surface phrase the actor recogniser matches, with
//! what it means, built from the PETRARCH2/Phoenix dictionaries, the country
//! list and sitrep's overlay.
//!
//! Matching semantics (what `ActorRecogniser` guarantees):
//! - ASCII case-insensitive, whole words only (a match may not start or end
//!   inside a word; "'s" after a match is allowed): at each word start, left
//!   to right, the longest phrase that ends at a word boundary
//!   ([`super::phrases`]).
//! - Proper names (dictionary actors, countries, capitalised overlay forms)
//!   must begin with a capital letter in the text; short acronyms ("IS",
//!   "SAA", "UN", up to 5 letters) must appear in capitals. Generic nouns
//!   (agents such as "soldiers", lower-case overlay forms) match in any case.
//! - When several senses share a phrase the overlay wins, then dictionary
//!   names, then countries, then agents.
//! - Country blocks of the dictionary list their cities as synonyms (SYRIA:
//!   DAMASCUS, ALEPPO, …); those are places, not actors, and are dropped: a
//!   synonym is kept only when it shares its first three letters with the
//!   country's name or a nationality, or is a long form ("… REPUBLIC …").

use sitrep_model::fnv::FnvHashMap;

use sitrep_model::{ActorRole, Iso3, Nationality};

use super::naming::{data_lines, parse_role};
use super::petrarch::{ActorEntry, AgentEntry, DatedCode};
use super::ActorDataError;

/// The country an overlay row's actor belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountrySpec {
    Fixed(Iso3),
    /// The document's country focus (the coder fills it in).
    Focus,
    None,
}

/// One row of `overlay/actors.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlayRow {
    pub name: String,
    pub code: String,
    pub country: CountrySpec,
    pub role: ActorRole,
}

/// What a phrase means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sense {
    /// A named actor of the dictionaries, with its dated codes.
    Named {
        header: String,
        codes: Vec<DatedCode>,
    },
    /// A country's name, or a nationality (`adjective`: "Syrian"; a plural
    /// such as "Syrians" counts as a name).
    Country {
        iso3: Iso3,
        adjective: bool,
    },
    /// A generic agent noun ("soldiers" → MIL).
    Agent {
        agent: String,
    },
    Overlay(OverlayRow),
}

impl Sense {
    fn priority(&self) -> u8 {
        match self {
            Self::Overlay(_) => 3,
            Self::Named { .. } => 2,
            Self::Country { .. } => 1,
            Self::Agent { .. } => 0,
        }
    }
}

/// How the case of the text must look for a phrase to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    Any,
    /// The first letter must be a capital.
    Capitalised,
    /// Letters must be capitals (acronyms).
    Upper,
}

/// A phrase to match and the index of its sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    pub text: String,
    pub sense: usize,
    pub case: CaseRule,
}

/// All patterns and senses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub patterns: Vec<Pattern>,
    pub senses: Vec<Sense>,
    /// The sense of the bare military agent (`MIL`), for a nationality
    /// before a noun of armed force ("a Russian airstrike").
    pub military: Option<usize>,
    index: FnvHashMap<String, usize>,
}

impl Lexicon {
    /// True when `word` is a nationality adjective ("Russian").
    #[must_use]
    pub fn is_adjective(&self, word: &str) -> bool {
        let sense = self.index.get(&word.to_ascii_lowercase()).map(|p| &self.senses[self.patterns[*p].sense]);
        matches!(sense, Some(Sense::Country { adjective: true, .. }))
    }

    /// Every phrase, ASCII-lowercased as it is keyed, with the number of its
    /// pattern.
    pub fn keys(&self) -> impl Iterator<Item = (&str, u32)> {
        self.index.iter().filter_map(|(k, i)| Some((k.as_str(), u32::try_from(*i).ok()?)))
    }

    /// Add a phrase with a sense; a phrase already held by a sense of higher
    /// or equal priority keeps that one.
    pub fn add(&mut self, phrase: &str, sense: usize, case: CaseRule) {
        let key = phrase.to_ascii_lowercase();
        if key.len() < 2 || key.split_whitespace().count() == 0 {
            return;
        }
        match self.index.get(&key) {
            Some(&i) if self.senses[self.patterns[i].sense].priority() >= self.senses[sense].priority() => {}
            Some(&i) => self.patterns[i] = Pattern { text: phrase.to_owned(), sense, case },
            None => {
                self.index.insert(key, self.patterns.len());
                self.patterns.push(Pattern { text: phrase.to_owned(), sense, case });
            }
        }
    }

    /// Add a phrase and its spelling variants (hyphen/space, typographic
    /// apostrophe).
    pub fn add_variants(&mut self, phrase: &str, sense: usize, case: CaseRule) {
        self.add(phrase, sense, case);
        if phrase.contains('-') {
            self.add(&phrase.replace('-', " "), sense, case);
        }
        if phrase.contains('\'') {
            self.add(&phrase.replace('\'', "\u{2019}"), sense, case);
            self.add(&phrase.replace('\'', ""), sense, case);
        }
    }

    fn sense(&mut self, s: Sense) -> usize {
        self.senses.push(s);
        self.senses.len() - 1
    }

    /// Add the named entries of a dictionary; country blocks (a bare
    /// three-letter code) become country senses.
    pub fn add_dictionary(&mut self, entries: Vec<ActorEntry>, nationalities: &Nationalities, stop: &[String]) {
        for e in entries {
            match country_block_code(&e) {
                Some(iso3) => self.add_country_block(&e, iso3, nationalities),
                None => self.add_named(e, stop),
            }
        }
    }

    fn add_named(&mut self, e: ActorEntry, stop: &[String]) {
        let phrases = e.phrases.clone();
        let s = self.sense(Sense::Named { header: e.header, codes: e.codes });
        for p in phrases.iter().filter(|p| keep_named(p, stop)) {
            self.add_variants(p, s, proper_case(p));
        }
    }

    fn add_country_block(&mut self, e: &ActorEntry, iso3: Iso3, nat: &Nationalities) {
        let head = &e.header;
        for p in e.phrases.iter().filter(|p| same_country_word(p, head, nat.of(iso3))) {
            let adjective = nat.is_adjective(p);
            let s = self.sense(Sense::Country { iso3, adjective });
            self.add_variants(p, s, proper_case(p));
        }
    }

    /// Add agent nouns, except those in `stop` (places and things).
    pub fn add_agents(&mut self, agents: Vec<AgentEntry>, stop: &[String]) {
        self.military = Some(self.sense(Sense::Agent { agent: "MIL".to_owned() }));
        for a in agents.into_iter().filter(|a| !stop.iter().any(|s| s.eq_ignore_ascii_case(&a.phrase))) {
            let s = self.sense(Sense::Agent { agent: a.agent });
            for p in std::iter::once(&a.phrase).chain(&a.variants) {
                self.add_variants(p, s, CaseRule::Any);
            }
        }
    }

    /// Add countries and nationalities from `countries_nationalities.csv`.
    pub fn add_countries(&mut self, nat: &Nationalities) {
        for (iso3, names) in &nat.by_country {
            for (form, adjective) in names {
                let s = self.sense(Sense::Country { iso3: *iso3, adjective: *adjective });
                self.add_variants(form, s, proper_case(form));
            }
        }
    }

    /// Add the overlay rows of `overlay/actors.tsv`.
    ///
    /// # Errors
    /// When a row is malformed (the error names the line).
    pub fn add_overlay(&mut self, tsv: &str) -> Result<(), ActorDataError> {
        for (line_no, line) in data_lines(tsv) {
            let (patterns, row) = parse_overlay_row(line_no, line)?;
            let s = self.sense(Sense::Overlay(row));
            for p in patterns.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                self.add_variants(p, s, overlay_case(p));
            }
        }
        Ok(())
    }
}

fn parse_overlay_row(line_no: usize, line: &str) -> Result<(&str, OverlayRow), ActorDataError> {
    let err = |what| ActorDataError::row("overlay/actors.tsv", line_no, what);
    let cols: Vec<&str> = line.split('\t').collect();
    let [patterns, name, code, country, role] = cols[..] else {
        return Err(err("expected 5 tab-separated columns"));
    };
    let country = match country.trim() {
        "" => CountrySpec::None,
        "*" => CountrySpec::Focus,
        c => CountrySpec::Fixed(Iso3::new(c).map_err(|_| err("bad country code"))?),
    };
    let role = parse_role(role).ok_or_else(|| err("unknown role"))?;
    let row = OverlayRow { name: name.to_owned(), code: code.to_owned(), country, role };
    Ok((patterns, row))
}

/// The country of a dictionary block coded with a bare country code (dated
/// or not, with period variants such as IRQ / IRQOCC): such blocks list the
/// country's names and its places.
fn country_block_code(e: &ActorEntry) -> Option<Iso3> {
    let bare = e.codes.iter().find(|c| c.code.len() == 3)?;
    let same = e.codes.iter().all(|c| c.code.starts_with(bare.code.as_str()));
    same.then(|| Iso3::new(&bare.code).ok()).flatten()
}

/// True for a country-block synonym that names the country rather than one
/// of its cities (see the module doc).
fn same_country_word(p: &str, head: &str, nationalities: &[(String, bool)]) -> bool {
    let prefix = |a: &str, b: &str| match (a.get(..3), b.get(..3)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        _ => false,
    };
    let long_form =
        ["REPUBLIC", "KINGDOM", "EMIRATE", "FEDERATION", "STATE OF", "UNITED"].iter().any(|w| p.contains(w));
    prefix(p, head) || long_form || nationalities.iter().any(|(n, _)| prefix(p, n))
}

/// Dictionary names worth matching: not too short, not a stop word.
fn keep_named(p: &str, stop: &[String]) -> bool {
    let letters = p.chars().filter(char::is_ascii_alphabetic).count();
    letters >= 3 && !stop.iter().any(|s| s.eq_ignore_ascii_case(p))
}

/// Case rule for a proper name given in capitals by the dictionaries, which
/// cannot tell "IRAN" from "UN": up to three letters, or dotted, is taken for
/// an acronym.
fn proper_case(p: &str) -> CaseRule {
    let letters = p.chars().filter(char::is_ascii_alphabetic).count();
    if !p.contains(' ') && (letters <= 3 || p.contains('.')) {
        CaseRule::Upper
    } else {
        CaseRule::Capitalised
    }
}

/// Case rule for an overlay form, read from how the overlay writes it.
fn overlay_case(p: &str) -> CaseRule {
    let first_upper = p.chars().find(char::is_ascii_alphabetic).is_some_and(|c| c.is_ascii_uppercase());
    if is_acronym(p) && p.chars().filter(char::is_ascii_alphabetic).all(|c| c.is_ascii_uppercase()) {
        CaseRule::Upper
    } else if first_upper {
        CaseRule::Capitalised
    } else {
        CaseRule::Any
    }
}

/// One word of at most five letters (dots and hyphens aside): "IS", "U.N.", "ISIS-K".
fn is_acronym(p: &str) -> bool {
    !p.contains(' ') && p.chars().filter(char::is_ascii_alphabetic).count() <= 5
}

/// Nationalities and country names by country, from `countries_nationalities.csv`.
#[derive(Debug, Clone, Default)]
pub struct Nationalities {
    /// Each country's forms, with `true` for a singular adjective.
    pub by_country: Vec<(Iso3, Vec<(String, bool)>)>,
}

impl Nationalities {
    /// Parse `CCA2,Name,CCA3,"Nationality, Nationalities"`.
    #[must_use]
    pub fn parse(csv: &str) -> Self {
        Self::from_rows(&Nationality::parse(csv))
    }

    /// From the embedded `countries_nationalities.csv`.
    #[must_use]
    pub fn embedded() -> Self {
        Self::from_rows(Nationality::embedded())
    }

    /// From rows of `countries_nationalities.csv`; a row without an alpha-3
    /// code is left out.
    #[must_use]
    pub fn from_rows(rows: &[Nationality]) -> Self {
        let by_country = rows.iter().filter_map(|n| Some((n.iso3?, forms(&n.name, &n.aliases)))).collect();
        Self { by_country }
    }

    fn of(&self, iso3: Iso3) -> &[(String, bool)] {
        self.by_country.iter().find(|(c, _)| *c == iso3).map_or(&[], |(_, f)| f)
    }

    /// True when `form` is a singular nationality adjective of some country.
    #[must_use]
    pub fn is_adjective(&self, form: &str) -> bool {
        self.by_country.iter().flat_map(|(_, f)| f).any(|(n, adj)| *adj && n.eq_ignore_ascii_case(form))
    }
}

/// A country's name and its nationality words, with `true` for a singular
/// adjective.
fn forms(name: &str, demonyms: &[String]) -> Vec<(String, bool)> {
    let mut forms = vec![(name.to_owned(), false)];
    for d in demonyms {
        let plural = d.ends_with('s') && demonyms.iter().any(|s| *s == d[..d.len() - 1]);
        let adjective = !plural && d.split_whitespace().count() == 1 && !d.eq_ignore_ascii_case(name);
        forms.push((d.clone(), adjective));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nationalities_tell_adjectives_from_names() {
        let n =
            Nationalities::parse("CCA2,Name,CCA3,Nationality\nSY,Syria,SYR,\"Syrian,Syrians,Syrian Arab Republic\"\n");
        let forms = &n.by_country[0].1;
        assert!(forms.contains(&("Syria".into(), false)));
        assert!(forms.contains(&("Syrian".into(), true)));
        assert!(forms.contains(&("Syrians".into(), false)));
        assert!(forms.contains(&("Syrian Arab Republic".into(), false)));
        assert!(n.is_adjective("SYRIAN"));
    }

    #[test]
    fn country_block_drops_city_synonyms() {
        let nat = vec![("Syrian".to_owned(), true)];
        assert!(same_country_word("SYRIAN", "SYRIA", &nat));
        assert!(same_country_word("SYRIAN ARAB REPUBLIC", "SYRIA", &nat));
        assert!(!same_country_word("DAMASCUS", "SYRIA", &nat));
        assert!(!same_country_word("ALEPPO", "SYRIA", &nat));
    }

    #[test]
    fn overlay_case_rules() {
        assert_eq!(overlay_case("IS"), CaseRule::Upper);
        assert_eq!(overlay_case("Taliban"), CaseRule::Capitalised);
        assert_eq!(overlay_case("rebels"), CaseRule::Any);
        assert_eq!(overlay_case("Daesh"), CaseRule::Capitalised);
    }

    #[test]
    fn higher_priority_sense_keeps_a_shared_phrase() {
        let mut l = Lexicon::default();
        let agent = l.sense(Sense::Agent { agent: "MIL".into() });
        let named = l.sense(Sense::Named { header: "X".into(), codes: vec![] });
        l.add("Army", agent, CaseRule::Any);
        l.add("ARMY", named, CaseRule::Capitalised);
        l.add("army", agent, CaseRule::Any);
        assert_eq!(l.patterns.len(), 1);
        assert_eq!(l.patterns[0].sense, named);
    }
}
