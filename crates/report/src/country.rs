//! Country names and ISO numeric codes for the alpha-2 codes the record
//! stores: ACLED's `country` column holds a name ("Syria") and its `iso`
//! column the ISO 3166 numeric code (760).
//!
//! From GeoNames' `countryInfo.txt` (CC BY 4.0, see `data/SOURCES.md`), as
//! read by [`CountryInfo::embedded`].

use std::collections::HashMap;
use std::sync::LazyLock;

use sitrep_model::CountryInfo;

/// Alpha-2 code -> its row of `countryInfo.txt`.
static COUNTRIES: LazyLock<HashMap<&'static str, &'static CountryInfo>> =
    LazyLock::new(|| CountryInfo::embedded().iter().map(|c| (c.iso2.as_str(), c)).collect());

/// The English short name of a country given by its ISO alpha-2 code
/// (either case); `None` for an unknown code.
#[must_use]
pub fn country_name(iso2: &str) -> Option<&'static str> {
    COUNTRIES.get(iso2.to_ascii_uppercase().as_str()).map(|c| c.name.as_str())
}

/// The ISO 3166 numeric code of a country given by its alpha-2 code.
#[must_use]
pub fn country_numeric(iso2: &str) -> Option<u16> {
    COUNTRIES.get(iso2.to_ascii_uppercase().as_str()).map(|c| c.numeric)
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
