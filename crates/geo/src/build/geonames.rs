//! Readers for the GeoNames files: countries, admin-1 and admin-2 codes, and
//! `cities500` (populated places with population ≥ 500), plus the country
//! names and demonyms of `countries_nationalities.csv`.

use std::collections::HashMap;

use super::entry::{iso2, point, RawEntry};
use super::format::Kind;
use crate::normalise;

/// Tab-separated fields of the non-comment lines of a GeoNames file.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// `countryInfo.txt`: one entry per country, without coordinates yet (they
/// are filled from its admin-1 areas after merging).
pub fn countries(text: &str) -> Vec<RawEntry> {
    rows(text)
        .filter_map(|f| {
            let cc = iso2(f.first()?)?;
            let mut e = RawEntry::new(format!("geonames:{}", f.get(16)?.trim()), f.get(4)?, Kind::Country);
            e.country = Some(cc);
            e.geonames = f.get(16)?.trim().parse().ok();
            e.population = f.get(7).and_then(|p| p.trim().parse().ok());
            Some(e)
        })
        .collect()
}

/// Split one CSV line, honouring double quotes.
pub fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => fields.last_mut().into_iter().for_each(|f| f.push(c)),
        }
    }
    fields
}

/// Country names and nationality words from `countries_nationalities.csv`.
#[derive(Debug, Default)]
pub struct Nationalities {
    /// (country, name or alias) pairs: the `Name` column, and items of the
    /// `Nationality` column that are abbreviations of the country or contain
    /// its name ("U.S.", "Syrian Arab Republic").
    pub aliases: Vec<([u8; 2], String)>,
    /// Folded demonyms and nationality adjectives ("syrian", "turks"), with
    /// the country (the first listed, for a word several countries share).
    pub demonyms: HashMap<String, [u8; 2]>,
}

/// Read `countries_nationalities.csv`. The `Nationality` column mixes
/// adjectives, plurals, long names and dependent territories, so an item is
/// only an alias when it is clearly a name of this country, and only a
/// demonym when it is one word with a demonym's ending. A row is read only
/// when its alpha-3 code is the one `countryInfo.txt` gives its alpha-2
/// code: the file lists organisations (the European Union, the United
/// Nations) under "NA", which is also Namibia's code.
pub fn nationalities(text: &str, country_info: &str) -> Nationalities {
    let iso3: HashMap<[u8; 2], &str> =
        rows(country_info).filter_map(|f| Some((iso2(f.first()?)?, f.get(1)?.trim()))).collect();
    let mut out = Nationalities::default();
    for line in text.lines().skip(1) {
        let f = csv_fields(line);
        let (Some(cc), Some(name), Some(nat)) = (f.first().and_then(|c| iso2(c)), f.get(1), f.get(3)) else {
            continue;
        };
        if f.get(2).map(|c| c.trim()) != iso3.get(&cc).copied() {
            continue;
        }
        out.aliases.push((cc, name.trim().to_owned()));
        for item in nat.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            classify_nationality(cc, name, item, &mut out);
        }
    }
    out
}

fn classify_nationality(cc: [u8; 2], country: &str, item: &str, out: &mut Nationalities) {
    let letters: String = item.chars().filter(|c| c.is_alphabetic()).collect();
    let abbreviation = letters.len() <= 3 && letters.chars().all(|c| c.is_ascii_uppercase());
    let stem: String = country.chars().take(4).collect();
    let long_name = item.contains(' ') && (item.contains(country) || item.starts_with(&stem));
    if abbreviation || long_name {
        out.aliases.push((cc, item.to_owned()));
    } else if !item.contains(' ') && is_demonym_shaped(item) {
        out.demonyms.entry(normalise::fold(item)).or_insert(cc);
    }
}

/// Endings of nationality adjectives and their plurals.
fn is_demonym_shaped(word: &str) -> bool {
    ["an", "ans", "ian", "ese", "ish", "i", "is", "ic", "ch", "er", "ers", "s"].iter().any(|e| word.ends_with(e))
}

/// `admin1CodesASCII.txt`: `CC.A1  name  asciiname  geonameid`.
pub fn admin1(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| admin_area(&f, Kind::Admin1)).collect()
}

/// `admin2Codes.txt`: `CC.A1.A2  name  asciiname  geonameid`.
pub fn admin2(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| admin_area(&f, Kind::Admin2)).collect()
}

fn admin_area(f: &[&str], kind: Kind) -> Option<RawEntry> {
    let code = f.first()?.trim();
    let gid: u32 = f.get(3)?.trim().parse().ok()?;
    let mut e = RawEntry::new(format!("geonames:{gid}"), f.get(1)?, kind);
    e.country = iso2(code.get(..2)?);
    e.code = Some(code.to_owned());
    if kind == Kind::Admin2 {
        e.admin1 = code.rsplit_once('.').map(|(a1, _)| a1.to_owned());
    }
    e.geonames = Some(gid);
    e.add_aliases(f.get(2).copied());
    Some(e)
}

/// `cities500.txt`: the 19-column GeoNames table.
pub fn cities(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| city(&f)).collect()
}

fn city(f: &[&str]) -> Option<RawEntry> {
    let gid: u32 = f.first()?.trim().parse().ok()?;
    let kind = if *f.get(7)? == "PPLX" { Kind::Neighbourhood } else { Kind::PopulatedPlace };
    let mut e = RawEntry::new(format!("geonames:{gid}"), f.get(1)?, kind);
    e.geonames = Some(gid);
    e.capital = *f.get(7)? == "PPLC";
    e.point = point(f.get(4)?, f.get(5)?);
    let cc = f.get(8)?.trim();
    e.country = iso2(cc);
    let a1 = f.get(10).map(|s| s.trim()).filter(|s| !s.is_empty());
    let a2 = f.get(11).map(|s| s.trim()).filter(|s| !s.is_empty());
    e.admin1 = a1.map(|a| format!("{cc}.{a}"));
    e.admin2 = a1.zip(a2).map(|(a, b)| format!("{cc}.{a}.{b}"));
    e.population = f.get(14).and_then(|p| p.trim().parse().ok()).filter(|p| *p > 0);
    e.add_aliases(f.get(2).copied());
    e.add_aliases(f.get(3).map_or("", |a| a).split(','));
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CITY: &str = "1123004\tTaloqan\tTaloqan\tTalugan,TQN,تالقان,Таликан\t36.73605\t69.53451\tP\tPPLA\tAF\t\t26\t1201\t\t\t64256\t\t801\tAsia/Kabul\t2018-02-17";

    #[test]
    fn a_city_row_becomes_an_entry() {
        let e = &cities(CITY)[0];
        assert_eq!(e.id, "geonames:1123004");
        assert_eq!(e.kind, Kind::PopulatedPlace);
        assert_eq!(e.country, Some(*b"AF"));
        assert_eq!(e.admin1.as_deref(), Some("AF.26"));
        assert_eq!(e.admin2.as_deref(), Some("AF.26.1201"));
        assert_eq!(e.population, Some(64256));
        assert_eq!(e.aliases, vec!["Taloqan", "Talugan", "تالقان"]);
    }

    #[test]
    fn nationality_items_are_sorted_into_aliases_and_demonyms() {
        let csv = "CCA2,Name,CCA3,Nationality\nSY,Syria,SYR,\"Syrian,Syrians,Syrian Arab Republic\"\nGB,United Kingdom,GBR,\"British, UK, Gibraltar\"\n";
        let info = "#ISO\tISO3\nSY\tSYR\nGB\tGBR\nNA\tNAM\n";
        let n = nationalities(&format!("{csv}NA,European Union,EUR,\"European Union, EU\"\n"), info);
        let names: Vec<&str> = n.aliases.iter().map(|(_, a)| a.as_str()).collect();
        assert_eq!(names, vec!["Syria", "Syrian Arab Republic", "United Kingdom", "UK"]);
        assert_eq!((n.demonyms.get("syrian"), n.demonyms.get("british")), (Some(b"SY"), Some(b"GB")));
        assert!(!n.demonyms.contains_key("gibraltar"));
    }

    #[test]
    fn admin_codes_link_to_their_parent() {
        let e = &admin2("SY.07.170793\tDeir ez-Zor District\tDeir ez-Zor District\t170793")[0];
        assert_eq!(e.code.as_deref(), Some("SY.07.170793"));
        assert_eq!(e.admin1.as_deref(), Some("SY.07"));
        assert_eq!(e.kind, Kind::Admin2);
    }
}
