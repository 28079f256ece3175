//! Country names and ISO numeric codes for the alpha-2 codes the record
//! stores: ACLED's `country` column holds a name ("Syria") and its `iso`
//! column the ISO 3166 numeric code (760).
//!
//! Read once from GeoNames' `countryInfo.txt` (CC BY 4.0, see
//! `data/SOURCES.md`).

use std::collections::HashMap;
use std::sync::LazyLock;

const COUNTRY_INFO: &str = include_str!("../../../data/gazetteer/countryInfo.txt");

/// Alpha-2 code -> (name, numeric code).
static COUNTRIES: LazyLock<HashMap<&'static str, (&'static str, u16)>> = LazyLock::new(|| {
    COUNTRY_INFO
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            match cols[..] {
                [iso2, _, numeric, _, name, ..] => Some((iso2, (name, numeric.parse().ok()?))),
                _ => None,
            }
        })
        .collect()
});

/// The English short name of a country given by its ISO alpha-2 code
/// (either case); `None` for an unknown code.
#[must_use]
pub fn country_name(iso2: &str) -> Option<&'static str> {
    COUNTRIES.get(iso2.to_ascii_uppercase().as_str()).map(|c| c.0)
}

/// The ISO 3166 numeric code of a country given by its alpha-2 code.
#[must_use]
pub fn country_numeric(iso2: &str) -> Option<u16> {
    COUNTRIES.get(iso2.to_ascii_uppercase().as_str()).map(|c| c.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_countries() {
        let cases = [
            ("SY", Some("Syria"), Some(760)),
            ("af", Some("Afghanistan"), Some(4)),
            ("ZM", Some("Zambia"), Some(894)),
            ("XX", None, None),
            ("", None, None),
        ];
        for (code, name, numeric) in cases {
            assert_eq!((country_name(code), country_numeric(code)), (name, numeric), "{code:?}");
        }
    }
}
