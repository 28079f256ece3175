//! Country names for the `country` filter: "SY", "SYR", "Syria" and
//! "Syrian Arab Republic" all mean the ISO alpha-2 code stored with a location.
//!
//! Read once from the shipped data (GeoNames `countryInfo.txt`, CC BY 4.0, and
//! NGEC's `countries_nationalities.csv`, MIT; see `data/SOURCES.md`).

use sitrep_model::Iso2;
use std::collections::HashMap;
use std::sync::LazyLock;

const COUNTRY_INFO: &str = include_str!("../../../data/gazetteer/countryInfo.txt");
const NATIONALITIES: &str = include_str!("../../../data/dictionaries/countries_nationalities.csv");

/// Folded name or code -> alpha-2 code.
static NAMES: LazyLock<HashMap<String, Iso2>> = LazyLock::new(build);

/// The alpha-2 code a country name or ISO code (alpha-2 or alpha-3) stands
/// for, case-insensitively; `None` when it names no country.
pub(crate) fn resolve(name: &str) -> Option<Iso2> {
    NAMES.get(&fold(name)).copied()
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase()
}

fn build() -> HashMap<String, Iso2> {
    let mut names = HashMap::new();
    // GeoNames first: its names win where the two sources disagree.
    for line in COUNTRY_INFO.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [iso2, iso3, _, _, name, ..] = cols[..] {
            add(&mut names, iso2, &[iso2, iso3, name]);
        }
    }
    for line in NATIONALITIES.lines().skip(1) {
        if let Some((iso2, aliases)) = nationality_row(line) {
            add(&mut names, iso2, &aliases);
        }
    }
    names
}

fn add(names: &mut HashMap<String, Iso2>, iso2: &str, aliases: &[&str]) {
    let Ok(code) = Iso2::new(iso2) else { return };
    for alias in aliases.iter().filter(|a| !a.trim().is_empty()) {
        names.entry(fold(alias)).or_insert(code);
    }
}

/// `CCA2,Name,CCA3,"alias, alias, ..."` -> (CCA2, [Name, CCA3, aliases...]).
fn nationality_row(line: &str) -> Option<(&str, Vec<&str>)> {
    let mut cols = line.splitn(4, ',');
    let (iso2, name, iso3) = (cols.next()?, cols.next()?, cols.next()?);
    let rest = cols.next().unwrap_or("").trim_matches('"');
    let mut aliases = vec![name, iso3];
    aliases.extend(rest.split(',').map(str::trim));
    Some((iso2, aliases))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_resolve() {
        let cases = [
            ("SY", Some("SY")),
            ("sy", Some("SY")),
            ("SYR", Some("SY")),
            ("Syria", Some("SY")),
            (" syrian arab republic ", Some("SY")),
            ("Russia", Some("RU")),
            ("DRC", Some("CD")),
            ("Ivory Coast", Some("CI")),
            ("Atlantis", None),
            ("XX", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(resolve(input).map(|c| c.as_str().to_owned()).as_deref(), want, "{input:?}");
        }
    }
}
