//! Country names and nationality words: the rows of NGEC's
//! `countries_nationalities.csv` (MIT, see `data/SOURCES.md`) embedded at
//! build time. [`Nationality::embedded`] is the one reader of that file.

use std::sync::LazyLock;

use crate::{Iso2, Iso3};

const NATIONALITIES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/dictionaries/countries_nationalities.csv"));

/// The rows of the embedded `countries_nationalities.csv`, read once.
static ROWS: LazyLock<Vec<Nationality>> = LazyLock::new(|| Nationality::parse(NATIONALITIES));

/// One row of `countries_nationalities.csv`
/// (`CCA2,Name,CCA3,"Nationality, Nationalities, ..."`).
///
/// Not only countries: the European Union and the United Nations are listed
/// under `NA` (also Namibia's code), and breakaway regions at the end of the
/// file have no alpha-2 code and a CAMEO-style code (`GEOPRE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nationality {
    /// Column `CCA2`: the ISO 3166-1 alpha-2 code; `None` when blank.
    pub iso2: Option<Iso2>,
    /// Column `CCA3`: the alpha-3 code; `None` when it is not three letters.
    pub iso3: Option<Iso3>,
    /// Column `Name`: the English short name (`Syria`).
    pub name: String,
    /// Column `Nationality`, split at commas and trimmed, empty items
    /// dropped: adjectives, plurals and other names, in file order
    /// (`Syrian`, `Syrians`, `Syrian Arab Republic`).
    pub aliases: Vec<String>,
}

impl Nationality {
    /// Every row of the embedded `countries_nationalities.csv`, in file order.
    #[must_use]
    pub fn embedded() -> &'static [Nationality] {
        &ROWS
    }

    /// Read a table with the columns of `countries_nationalities.csv` (CSV
    /// with a header line). A row with fewer than three columns is skipped;
    /// the `Nationality` column may be missing.
    #[must_use]
    pub fn parse(text: &str) -> Vec<Nationality> {
        csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .filter_map(|r| {
                let r = r.ok()?;
                let (iso2, name, iso3) = (r.get(0)?, r.get(1)?, r.get(2)?);
                // An unquoted list spills over into further columns: they are
                // items of the same list.
                let aliases = r
                    .iter()
                    .skip(3)
                    .flat_map(|list| list.split(','))
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect();
                Some(Nationality {
                    iso2: Iso2::new(iso2).ok(),
                    iso3: Iso3::new(iso3).ok(),
                    name: name.to_owned(),
                    aliases,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(iso3: &str) -> Option<&'static Nationality> {
        Nationality::embedded().iter().find(|n| n.iso3.is_some_and(|c| c.as_str() == iso3))
    }

    #[test]
    fn embedded_table_has_every_row() {
        let rows = Nationality::embedded();
        // One row per data line (the file has no multi-line fields).
        assert_eq!(rows.len(), NATIONALITIES.lines().skip(1).filter(|l| !l.trim().is_empty()).count());
        assert!((190..=230).contains(&rows.len()), "{}", rows.len());
        assert!(rows.iter().all(|n| !n.name.is_empty()));
        assert!(rows.iter().filter(|n| n.iso2.is_some()).all(|n| n.iso3.is_some()));
    }

    #[test]
    fn known_rows() {
        let sy = row("SYR");
        assert_eq!(sy.and_then(|n| n.iso2).map(|c| c.to_string()).as_deref(), Some("SY"));
        assert_eq!(sy.map(|n| n.name.as_str()), Some("Syria"));
        assert_eq!(
            sy.map(|n| n.aliases.clone()),
            Some(vec!["Syrian".into(), "Syrians".into(), "Syrian Arab Republic".into()])
        );

        let cd = row("COD");
        assert_eq!(cd.map(|n| n.name.as_str()), Some("Democratic Republic of the Congo"));
        assert!(cd.is_some_and(|n| n.aliases.iter().any(|a| a == "DRC")));

        // Organisations share Namibia's "NA".
        let eu = row("EUR");
        assert_eq!(eu.and_then(|n| n.iso2).map(|c| c.to_string()).as_deref(), Some("NA"));
        assert_eq!(eu.map(|n| n.aliases.clone()), Some(vec!["European Union".into(), "EU".into()]));

        // A breakaway region: no alpha-2 code, no ISO alpha-3 code.
        let ossetia = Nationality::embedded().iter().find(|n| n.name == "South Ossetia");
        assert_eq!(ossetia.map(|n| (n.iso2, n.iso3)), Some((None, None)));
        assert_eq!(ossetia.map(|n| n.aliases.clone()), Some(vec!["South Ossetian".into()]));
    }

    #[test]
    fn quoted_alias_list_splits_into_aliases() {
        let text = "CCA2,Name,CCA3,Nationality\n\
                    AF,Afghanistan,AFG,\"Afghan, Afghani,, Afghans , Islamic Republic of Afghanistan\"\n\
                    JP,Japan,JPN,Japanese\n\
                    KR,\"Korea, South\",KOR,\"South Korean\"\n\
                    XX,Unquoted,XXX,One, Two\n\
                    BQ,No list,BES\n\
                    short,row\n";
        let rows = Nationality::parse(text);
        let got: Vec<(&str, Vec<&str>)> =
            rows.iter().map(|n| (n.name.as_str(), n.aliases.iter().map(String::as_str).collect())).collect();
        assert_eq!(
            got,
            [
                ("Afghanistan", vec!["Afghan", "Afghani", "Afghans", "Islamic Republic of Afghanistan"]),
                ("Japan", vec!["Japanese"]),
                ("Korea, South", vec!["South Korean"]),
                ("Unquoted", vec!["One", "Two"]),
                ("No list", vec![]),
            ]
        );
        assert_eq!(rows[0].iso3.map(|c| c.to_string()).as_deref(), Some("AFG"));
    }
}
