//! Canonical actor names, ACLED-style, from codes.
//!
//! A code made of a country and an agent (`RUSMIL`, `AFGCOP`, `SYRCVL`) is
//! named from the agent's template in `data/dictionaries/overlay/agents.tsv`
//! ("Military Forces of {country}") and the country's name from
//! `countries_nationalities.csv`. Named groups keep their own names.

use std::collections::HashMap;

use sitrep_model::{Actor, ActorCode, ActorRole, Iso3, Nationality};

use super::ActorDataError;

/// An agent's name template and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentTemplate {
    pub template: String,
    pub role: ActorRole,
}

/// Country names and agent templates.
#[derive(Debug, Clone, Default)]
pub struct Naming {
    /// Each country's name, and whether "of" takes "the" before it.
    countries: HashMap<Iso3, (String, bool)>,
    agents: HashMap<String, AgentTemplate>,
}

impl Naming {
    /// Build from the text of `countries_nationalities.csv` and `agents.tsv`.
    ///
    /// # Errors
    /// When a row of `agents.tsv` is malformed.
    pub fn parse(countries_csv: &str, agents_tsv: &str) -> Result<Self, ActorDataError> {
        Self::from_rows(&Nationality::parse(countries_csv), agents_tsv)
    }

    /// Build from rows of `countries_nationalities.csv` and the text of
    /// `agents.tsv`.
    ///
    /// # Errors
    /// When a row of `agents.tsv` is malformed.
    pub fn from_rows(countries: &[Nationality], agents_tsv: &str) -> Result<Self, ActorDataError> {
        let countries = countries
            .iter()
            .filter_map(|n| {
                let name = short_name(&n.name);
                Some((n.iso3?, (name.to_owned(), takes_article(name))))
            })
            .collect();
        let mut agents = HashMap::new();
        for (i, line) in data_lines(agents_tsv) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [agent, template, role] = cols[..] else {
                return Err(ActorDataError::row("agents.tsv", i, "expected 3 columns"));
            };
            let role = parse_role(role).ok_or_else(|| ActorDataError::row("agents.tsv", i, "unknown role"))?;
            agents.insert(agent.to_owned(), AgentTemplate { template: template.to_owned(), role });
        }
        Ok(Self { countries, agents })
    }

    /// The naming tables embedded in the binary (the same the recogniser uses).
    ///
    /// # Errors
    /// When a shipped table is corrupt (a build defect).
    pub fn embedded() -> Result<Self, ActorDataError> {
        Self::from_rows(Nationality::embedded(), &String::from_utf8_lossy(super::AGENT_NAMES))
    }

    /// Complete an actor named without a country ("Opposition Rebels", code `REB`)
    /// with `country`; an actor that has a country, or is not an agent, is
    /// returned unchanged.
    #[must_use]
    pub fn complete(&self, actor: &Actor, country: Iso3) -> Actor {
        match (actor.country, self.agent(actor.code.as_str())) {
            (None, Some(t)) => {
                let code = ActorCode::new(&format!("{country}{}", actor.code)).unwrap_or_else(|_| actor.code.clone());
                Actor { name: self.fill(&t.template, Some(country)), code, country: Some(country), role: actor.role }
            }
            _ => actor.clone(),
        }
    }

    /// The country's English name.
    #[must_use]
    pub fn country_name(&self, iso3: Iso3) -> Option<&str> {
        self.countries.get(&iso3).map(|(name, _)| name.as_str())
    }

    /// The template of an agent code (`MIL`).
    #[must_use]
    pub fn agent(&self, agent: &str) -> Option<&AgentTemplate> {
        self.agents.get(agent)
    }

    /// Fill a template's `{country}`; with no country the parenthesised or
    /// "of {country}" part is dropped ("Military Forces", "Civilians").
    #[must_use]
    pub fn fill(&self, template: &str, country: Option<Iso3>) -> String {
        // Most names have no placeholder: no substring search for them
        // (this runs for every actor mention).
        if !template.as_bytes().contains(&b'{') {
            return template.to_owned();
        }
        match country.and_then(|c| self.countries.get(&c)) {
            Some((name, true)) => template.replace("of {country}", "of the {country}").replace("{country}", name),
            Some((name, false)) => template.replace("{country}", name),
            None => template.replace(" ({country})", "").replace(" of {country}", "").replace("{country}", ""),
        }
    }

    /// Split a code into a known country and a known agent (`RUSMIL` →
    /// RUS + MIL), when it is one.
    #[must_use]
    pub fn split_code<'c>(&self, code: &'c str) -> Option<(Iso3, &'c str)> {
        let (country, agent) = (code.get(..3)?, code.get(3..)?);
        let iso = Iso3::new(country).ok().filter(|c| self.countries.contains_key(c))?;
        self.agents.contains_key(agent).then_some((iso, agent))
    }
}

/// Non-comment, non-empty lines with their 1-based line numbers.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// `model::ActorRole` from its snake_case spelling.
#[must_use]
pub fn parse_role(s: &str) -> Option<ActorRole> {
    Some(match s.trim() {
        "military" => ActorRole::Military,
        "police" => ActorRole::Police,
        "government" => ActorRole::Government,
        "rebel" => ActorRole::Rebel,
        "militant" => ActorRole::Militant,
        "militia" => ActorRole::Militia,
        "civilian" => ActorRole::Civilian,
        "protester" => ActorRole::Protester,
        "rioter" => ActorRole::Rioter,
        "international" => ActorRole::International,
        "state" => ActorRole::State,
        "unidentified" => ActorRole::Unidentified,
        "other" => ActorRole::Other,
        _ => return None,
    })
}

/// A country's short name without the bracketed alternative that
/// GeoNames adds ("Myanmar [Burma]" is "Myanmar" in ACLED's actor names).
fn short_name(name: &str) -> &str {
    name.split(" [").next().unwrap_or(name).trim()
}

/// English puts "the" before country names that are plural or descriptive
/// ("the Philippines", "the United Kingdom", "the Central African
/// Republic"), as ACLED's "Police Forces of the Philippines" does; never in
/// a parenthesis ("Civilians (Philippines)").
fn takes_article(name: &str) -> bool {
    const WORDS: &[&str] = &["Republic", "Kingdom", "United", "Islands", "Emirates", "Federation"];
    const PLURAL: &[&str] = &["Philippines", "Netherlands", "Bahamas", "Maldives", "Comoros", "Gambia"];
    !name.starts_with("Republic of") && (name.split(' ').any(|w| WORDS.contains(&w)) || PLURAL.contains(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naming() -> Naming {
        let csv = "CCA2,Name,CCA3,Nationality\nRU,Russia,RUS,\"Russian,Russians\"\n";
        let tsv = "# comment\nMIL\tMilitary Forces of {country}\tmilitary\nCVL\tCivilians ({country})\tcivilian\n";
        Naming::parse(csv, tsv).unwrap_or_default()
    }

    #[test]
    fn templates_fill_with_and_without_country() {
        let n = naming();
        let rus = Iso3::new("RUS").ok();
        assert_eq!(n.fill("Military Forces of {country}", rus), "Military Forces of Russia");
        assert_eq!(n.fill("Military Forces of {country}", None), "Military Forces");
        assert_eq!(n.fill("Civilians ({country})", None), "Civilians");
    }

    #[test]
    fn codes_split_into_country_and_agent() {
        let n = naming();
        assert_eq!(n.split_code("RUSMIL").map(|(c, a)| (c.to_string(), a)), Some(("RUS".into(), "MIL")));
        assert_eq!(n.split_code("RUSXYZ"), None);
        assert_eq!(n.split_code("IMGMUSISI"), None);
    }

    #[test]
    fn malformed_agent_rows_are_errors() {
        assert!(Naming::parse("", "MIL\tonly two").is_err());
        assert!(Naming::parse("", "MIL\tX\tpirate").is_err());
    }
}
