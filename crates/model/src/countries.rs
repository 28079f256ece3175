//! Countries: the rows of the GeoNames `countryInfo.txt` embedded at build
//! time ([`CountryInfo::embedded`], the one reader of that file), and the
//! ISO 3166-1 alpha-2 <-> alpha-3 mapping built from them ([`Countries`]).
//! Places carry alpha-2 codes (GeoNames), actors alpha-3 codes (CAMEO).

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::{Iso2, Iso3};

const COUNTRY_INFO: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/gazetteer/countryInfo.txt"));

/// The rows of the embedded `countryInfo.txt`, read once.
static ROWS: LazyLock<Vec<CountryInfo>> = LazyLock::new(|| CountryInfo::parse(COUNTRY_INFO));

/// One country of GeoNames' `countryInfo.txt` (CC BY 4.0, see
/// `data/SOURCES.md`): the columns sitrep reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryInfo {
    /// Column `ISO`: the ISO 3166-1 alpha-2 code (`SY`).
    pub iso2: Iso2,
    /// Column `ISO3`: the alpha-3 code (`SYR`).
    pub iso3: Iso3,
    /// Column `ISO-Numeric`: the numeric code (760).
    pub numeric: u16,
    /// Column `Country`: the English short name (`Syria`).
    pub name: String,
}

impl CountryInfo {
    /// Every country of the embedded `countryInfo.txt`, in file order.
    #[must_use]
    pub fn embedded() -> &'static [CountryInfo] {
        &ROWS
    }

    /// Read a GeoNames country table: tab-separated, no quoting, `#` comment
    /// lines (the header among them). A row whose codes or numeric code do
    /// not parse is skipped.
    #[must_use]
    pub fn parse(text: &str) -> Vec<CountryInfo> {
        csv::ReaderBuilder::new()
            .delimiter(b'\t')
            .comment(Some(b'#'))
            .quoting(false)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .filter_map(|r| {
                let r = r.ok()?;
                Some(CountryInfo {
                    iso2: Iso2::new(r.get(0)?).ok()?,
                    iso3: Iso3::new(r.get(1)?).ok()?,
                    numeric: r.get(2)?.parse().ok()?,
                    name: r.get(4)?.to_owned(),
                })
            })
            .collect()
    }
}

/// Both ways between a country's alpha-2 and alpha-3 codes.
#[derive(Debug, Clone)]
pub struct Countries {
    iso3: HashMap<Iso2, Iso3>,
    iso2: HashMap<Iso3, Iso2>,
}

impl Countries {
    #[must_use]
    pub fn embedded() -> Self {
        let rows = CountryInfo::embedded();
        Self {
            iso3: rows.iter().map(|c| (c.iso2, c.iso3)).collect(),
            iso2: rows.iter().map(|c| (c.iso3, c.iso2)).collect(),
        }
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

    #[test]
    fn embedded_table_has_every_country() {
        let rows = CountryInfo::embedded();
        // GeoNames lists 252 countries and territories (250 ISO codes plus
        // the withdrawn AN and CS); every data line of the file is read.
        let data_lines = COUNTRY_INFO.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(rows.len(), data_lines);
        assert!((240..=260).contains(&rows.len()), "{}", rows.len());
        let mut codes: Vec<Iso2> = rows.iter().map(|c| c.iso2).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), rows.len(), "alpha-2 codes are unique");
    }

    #[test]
    fn known_rows() {
        let find = |code: &str| CountryInfo::embedded().iter().find(|c| c.iso2.as_str() == code);
        let cases = [
            ("SY", "SYR", 760, "Syria"),
            ("AF", "AFG", 4, "Afghanistan"),
            ("CD", "COD", 180, "Democratic Republic of the Congo"),
            ("ZM", "ZMB", 894, "Zambia"),
        ];
        for (iso2, iso3, numeric, name) in cases {
            let row = find(iso2);
            assert_eq!(
                row.map(|c| (c.iso3.as_str(), c.numeric, c.name.as_str())),
                Some((iso3, numeric, name)),
                "{iso2}"
            );
        }
    }

    #[test]
    fn comments_crlf_and_bad_rows() {
        let text = "# ISO\tISO3\tISO-Numeric\tfips\tCountry\r\n\
                    SY\tSYR\t760\tSY\tSyria\tDamascus\r\n\
                    \r\n\
                    xx\tXXX\t1\t\tLower case\r\n\
                    QQ\tQQQ\tnone\t\tNo number\r\n\
                    FR\tFRA\t250\tFR\t\"France\"\r\n\
                    SH\tSHN\t654\tSH\tSaint Helena\n";
        let rows = CountryInfo::parse(text);
        let names: Vec<&str> = rows.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Syria", "\"France\"", "Saint Helena"]);
        assert_eq!(rows[0].numeric, 760);
    }
}
