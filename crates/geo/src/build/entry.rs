//! A gazetteer entry while the index is being built, and the small rules that
//! decide which names an entry keeps.

use super::format::Kind;
use crate::normalise;

/// One place as read from one source, before merging.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    /// Namespaced id: `geonames:170794`, `wof:85678345`, `ucdp:…`, `ne:SY-DY`.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub country: Option<[u8; 2]>,
    /// The entry's own GeoNames admin code (`SY.07`, `SY.07.123`) when it is
    /// an admin area.
    pub code: Option<String>,
    /// Parent admin codes, when the source gives them.
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    /// Parent admin names, when the source gives names instead of codes.
    pub admin1_name: Option<String>,
    pub admin2_name: Option<String>,
    /// (lat, lon) in degrees.
    pub point: Option<(f64, f64)>,
    pub population: Option<u64>,
    pub aliases: Vec<String>,
    pub geonames: Option<u32>,
    pub wikidata: Option<String>,
    /// How many names the source knows the place by, in every script and
    /// language (a prominence signal: a place the world writes about has
    /// names in many languages).
    pub names_known: u32,
    /// True for a country's capital (GeoNames' feature code `PPLC`).
    pub capital: bool,
}

impl RawEntry {
    /// An entry with only the required fields set.
    pub fn new(id: String, name: &str, kind: Kind) -> Self {
        RawEntry {
            id,
            name: name.trim().to_owned(),
            kind,
            country: None,
            code: None,
            admin1: None,
            admin2: None,
            admin1_name: None,
            admin2_name: None,
            point: None,
            population: None,
            aliases: Vec::new(),
            geonames: None,
            wikidata: None,
            names_known: 1,
            capital: false,
        }
    }

    /// Add every alias in `names` that [`keep_alias`] accepts.
    pub fn add_aliases<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        let mut known = 0;
        for a in names.into_iter().map(str::trim).filter(|a| !a.is_empty()) {
            known += 1;
            if keep_alias(a) {
                self.aliases.push(a.to_owned());
            }
        }
        self.names_known = self.names_known.saturating_add(known);
    }

    /// True for a settlement or district known only from Who's On First,
    /// with no population: a bulk gazetteer of every hamlet, where most
    /// names are also the names of places elsewhere or common words. Such
    /// an entry is evidence of a place only where the document's context
    /// supports it (the geocoder's `unattested_village` rule). A place
    /// GeoNames or UCDP also list has their id first, so it is not flagged.
    pub fn unattested(&self) -> bool {
        let bulk = matches!(self.kind, Kind::PopulatedPlace | Kind::Neighbourhood | Kind::Admin2);
        bulk && self.population.is_none() && self.id.starts_with("wof:")
    }

    /// The primary name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Parse an ISO 3166-1 alpha-2 code.
pub fn iso2(s: &str) -> Option<[u8; 2]> {
    match s.trim().as_bytes() {
        [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some([*a, *b]),
        _ => None,
    }
}

/// Parse a latitude/longitude pair, refusing values out of range.
pub fn point(lat: &str, lon: &str) -> Option<(f64, f64)> {
    let (lat, lon) = (lat.trim().parse::<f64>().ok()?, lon.trim().parse::<f64>().ok()?);
    (lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some((lat, lon))
}

/// The script of a name, as far as the index cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Arabic,
    Other,
}

/// The script of the first letter that is not a plain ASCII letter decides:
/// Latin (with diacritics), Arabic, or anything else.
pub fn script(name: &str) -> Script {
    for c in name.chars().filter(|c| c.is_alphabetic()) {
        match c as u32 {
            0..=0x24F | 0x1E00..=0x1EFF | 0x2B0..=0x2FF => continue,
            0x600..=0x6FF | 0x750..=0x77F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => return Script::Arabic,
            _ => return Script::Other,
        }
    }
    Script::Latin
}

/// Which alternate names are worth indexing: Latin- or Arabic-script names of
/// three letters or more, without digits, that are not codes (all-capital
/// words of up to five letters: `TQN`, `OSKL`, `NYC`).
pub fn keep_alias(alias: &str) -> bool {
    let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
    let code_like = letters <= 5 && alias.chars().all(|c| !c.is_lowercase());
    letters >= 3 && !code_like && !alias.chars().any(|c| c.is_ascii_digit()) && script(alias) != Script::Other
}

/// Generic words that name the kind of an admin area and are left out of the
/// name in running text ("Balkh" for "Balkh Province").
const ADMIN_WORDS: &[&str] = &[
    "district",
    "governorate",
    "province",
    "county",
    "parish",
    "municipality",
    "region",
    "state",
    "department",
    "prefecture",
    "oblast",
    "subdistrict",
    "muhafazat",
    "wilayah",
    "vilayeti",
    "viloyati",
    "ilcesi",
    "city",
    "borough",
];

/// The name without a leading or trailing generic admin word, if it had one
/// and something is left: `Deir ez-Zor Governorate` → `Deir ez-Zor`,
/// `Muhafazat Hims` → `Hims`.
pub fn strip_admin_word(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let generic = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let folded = if w.is_ascii() { w.to_ascii_lowercase() } else { normalise::fold(w) };
        ADMIN_WORDS.contains(&folded.as_str())
    };
    let (first, last) = (words.first()?, words.last()?);
    let kept: &[&str] = if words.len() >= 2 && generic(last) {
        &words[..words.len() - 1]
    } else if words.len() >= 2 && generic(first) {
        &words[1..]
    } else {
        return None;
    };
    let kept = kept.join(" ");
    let kept = kept.trim_end_matches([',', ' ']).trim_start_matches(['-', ' ']);
    (!kept.is_empty() && kept.chars().any(char::is_alphabetic)).then(|| kept.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_kept_and_dropped() {
        let cases = [
            ("Taloqan", true),
            ("تالقان", true),
            ("Tâloqân", true),
            ("Таликан", false),
            ("TQN", false),
            ("OSKL", false),
            ("Ur", false),
            ("Route 66", false),
            ("Ḩalab", true),
        ];
        for (alias, keep) in cases {
            assert_eq!(keep_alias(alias), keep, "{alias}");
        }
    }

    #[test]
    fn admin_words_are_stripped() {
        let cases = [
            ("Deir ez-Zor Governorate", Some("Deir ez-Zor")),
            ("Muhafazat Hims", Some("Hims")),
            ("Autauga County", Some("Autauga")),
            ("Balkh", None),
            ("District", None),
        ];
        for (name, want) in cases {
            assert_eq!(strip_admin_word(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn points_are_validated() {
        assert_eq!(point("35.3", "40.1"), Some((35.3, 40.1)));
        assert_eq!(point("95", "40.1"), None);
        assert_eq!(point("x", "1"), None);
    }
}
