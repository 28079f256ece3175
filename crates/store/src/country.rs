//! Country names for the `country` filter: "SY", "SYR", "Syria" and
//! "Syrian Arab Republic" all mean the ISO alpha-2 code stored with a location.
//!
//! From the shipped data, as read by `sitrep_model`: GeoNames `countryInfo.txt`
//! (CC BY 4.0, [`CountryInfo::embedded`]) and NGEC's
//! `countries_nationalities.csv` (MIT, [`Nationality::embedded`]); see
//! `data/SOURCES.md`.

use sitrep_model::{CountryInfo, Iso2, Nationality};
use std::collections::HashMap;
use std::sync::LazyLock;

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
    for c in CountryInfo::embedded() {
        add(&mut names, c.iso2, [c.iso2.as_str(), c.iso3.as_str(), &c.name]);
    }
    for n in Nationality::embedded() {
        let Some(iso2) = n.iso2 else { continue };
        let iso3 = n.iso3.as_ref().map(|c| c.as_str());
        let aliases = n.aliases.iter().map(String::as_str);
        add(&mut names, iso2, std::iter::once(n.name.as_str()).chain(iso3).chain(aliases));
    }
    names
}

fn add<'a>(names: &mut HashMap<String, Iso2>, code: Iso2, aliases: impl IntoIterator<Item = &'a str>) {
    for alias in aliases.into_iter().filter(|a| !a.trim().is_empty()) {
        names.entry(fold(alias)).or_insert(code);
    }
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
            // Listed as dependencies in countries_nationalities.csv
            // (under DK, MA): GeoNames' own codes win.
            ("Greenland", Some("GL")),
            ("Western Sahara", Some("EH")),
            ("Atlantis", None),
            ("XX", None),
            ("", None),
        ];
        for (input, want) in cases {
            assert_eq!(resolve(input).map(|c| c.as_str().to_owned()).as_deref(), want, "{input:?}");
        }
    }
}
