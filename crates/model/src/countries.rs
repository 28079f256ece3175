//! Country codes: ISO 3166-1 alpha-2 and alpha-3 of every country, read once
//! from the GeoNames `countryInfo.txt` embedded at build time. Places carry
//! alpha-2 codes (GeoNames), actors alpha-3 codes (CAMEO).

use std::collections::HashMap;

use crate::{Iso2, Iso3};

const COUNTRY_INFO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/gazetteer/countryInfo.txt"));

/// Both ways between a country's alpha-2 and alpha-3 codes.
#[derive(Debug, Clone)]
pub struct Countries {
    iso3: HashMap<Iso2, Iso3>,
    iso2: HashMap<Iso3, Iso2>,
}

impl Countries {
    #[must_use]
    pub fn embedded() -> Self {
        let pairs: Vec<(Iso2, Iso3)> = COUNTRY_INFO
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((Iso2::new(cols.next()?).ok()?, Iso3::new(cols.next()?).ok()?))
            })
            .collect();
        Self { iso3: pairs.iter().copied().collect(), iso2: pairs.iter().map(|(a, b)| (*b, *a)).collect() }
    }

    /// The alpha-3 code of a country.
    #[must_use]
    pub fn iso3_of(&self, iso2: Iso2) -> Option<Iso3> {
        self.iso3.get(&iso2).copied()
    }

    /// The alpha-2 code of a country.
    #[must_use]
    pub fn iso2_of(&self, iso3: Iso3) -> Option<Iso2> {
        self.iso2.get(&iso3).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_both_ways() {
        let c = Countries::embedded();
        let sy = Iso2::new("SY").ok();
        let syr = sy.and_then(|s| c.iso3_of(s));
        assert_eq!(syr.map(|c| c.to_string()), Some("SYR".into()));
        assert_eq!(syr.and_then(|s| c.iso2_of(s)), sy);
        assert_eq!(Iso2::new("QQ").ok().and_then(|q| c.iso3_of(q)), None);
        assert_eq!(Iso3::new("EUR").ok().and_then(|q| c.iso2_of(q)), None);
    }
}
