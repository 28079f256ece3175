//! The document's country focus: the country most of its resolved places lie
//! in. It completes actors named without a country ("rebels", "regime
//! forces", "civilians" in a report about Syria).

use std::collections::HashMap;

use sitrep_model::{Iso2, Place, PlaceKind};

/// The country of most resolved places (a country named as such counts
/// double); ties go to the country named first.
#[must_use]
pub fn country(places: &[Option<Place>]) -> Option<Iso2> {
    let mut votes: HashMap<Iso2, (usize, usize)> = HashMap::new();
    for (i, p) in places.iter().flatten().enumerate() {
        if let Some(c) = p.country {
            let weight = if p.kind == PlaceKind::Country { 2 } else { 1 };
            let e = votes.entry(c).or_insert((0, i));
            e.0 += weight;
        }
    }
    votes.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(c, _)| c)
}

/// ISO alpha-2 to alpha-3 for the countries whose actors the coder completes.
/// Read from the GeoNames `countryInfo.txt` columns embedded at build time.
#[must_use]
pub fn iso3_of(iso2: Iso2) -> Option<sitrep_model::Iso3> {
    COUNTRY_INFO
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find(|l| l.starts_with(iso2.as_str()) && l.as_bytes().get(2) == Some(&b'\t'))
        .and_then(|l| l.split('\t').nth(1))
        .and_then(|c| sitrep_model::Iso3::new(c).ok())
}

const COUNTRY_INFO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/gazetteer/countryInfo.txt"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso3_lookup() {
        let sy = Iso2::new("SY").ok();
        assert_eq!(sy.and_then(iso3_of).map(|c| c.to_string()), Some("SYR".into()));
        assert_eq!(Iso2::new("QQ").ok().and_then(iso3_of), None);
    }
}
