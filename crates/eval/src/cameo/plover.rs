//! CAMEO → PLOVER: the shipped `CAMEO2PLOVER-2021.txt` table
//! (`code: CATEGORY, mode, context # description`), looked up from the most
//! specific code to its root ("1721" → "172" → "17").
//!
//! Root 01 (public statements) and 02 (appeals) have no row: PLOVER has no
//! category for a statement, and the table carries appeals only through
//! REQUEST's root 10. A code of root 02 is therefore read as REQUEST, which
//! is where PLOVER's documentation puts appeals; root 01 stays unmapped.

use std::collections::HashMap;

use sitrep_model::PloverCategory;

use super::code::CameoCode;
use super::CameoError;

const TABLE: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/dictionaries/plover/CAMEO2PLOVER-2021.txt"));

/// A PLOVER category with its mode (`None` when the table leaves it blank).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plover {
    pub category: PloverCategory,
    pub mode: Option<&'static str>,
}

/// The mapping table, keyed by CAMEO code.
#[derive(Debug)]
pub struct PloverMap(HashMap<CameoCode, Plover>);

impl PloverMap {
    /// Parse the embedded table.
    ///
    /// # Errors
    /// When a row names an unknown category.
    pub fn embedded() -> Result<Self, CameoError> {
        let mut map = HashMap::new();
        for (i, line) in TABLE.lines().enumerate() {
            let Some((code, rest)) = line.split_once(':') else { continue };
            let Some(code) = CameoCode::parse(code) else { continue };
            let row = rest.split('#').next().unwrap_or("");
            let mut fields = row.split(',').map(str::trim);
            let name = fields.next().unwrap_or("");
            let category = category(name)
                .ok_or_else(|| CameoError::Plover { line: i + 1, what: format!("unknown category {name:?}") })?;
            let mode = fields.next().filter(|m| !m.is_empty());
            // The table lists 175 twice; the first row stands.
            map.entry(code).or_insert(Plover { category, mode });
        }
        Ok(Self(map))
    }

    /// The PLOVER reading of a CAMEO code, from its most specific row.
    #[must_use]
    pub fn get(&self, code: CameoCode) -> Option<Plover> {
        let mut c = Some(code);
        while let Some(k) = c {
            if let Some(p) = self.0.get(&k) {
                return Some(*p);
            }
            c = k.parent();
        }
        (code.root() == 2).then_some(Plover { category: PloverCategory::Request, mode: None })
    }
}

/// PLOVER's 2021 category names.
fn category(name: &str) -> Option<PloverCategory> {
    use PloverCategory as P;
    let all = [
        P::Agree,
        P::Consult,
        P::Support,
        P::Concede,
        P::Cooperate,
        P::Aid,
        P::Retreat,
        P::Request,
        P::Accuse,
        P::Reject,
        P::Threaten,
        P::Protest,
        P::Sanction,
        P::Mobilize,
        P::Coerce,
        P::Assault,
    ];
    all.into_iter().find(|c| c.as_str() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_from_specific_to_root() {
        let m = PloverMap::embedded().expect("table parses");
        for (code, category, mode) in [
            ("042", Some("CONSULT"), Some("visit")),
            ("0874", Some("RETREAT"), Some("disarm")),
            ("1712", Some("ASSAULT"), Some("seize")),
            ("163", Some("COERCE"), Some("restrict")),
            ("195", Some("ASSAULT"), Some("heavy-weapons")),
            ("090", Some("ACCUSE"), Some("investigate")),
            ("1125", Some("ACCUSE"), Some("allege")),
            ("020", Some("REQUEST"), None),
            ("010", None, None),
        ] {
            let got = CameoCode::parse(code).and_then(|c| m.get(c));
            assert_eq!(got.map(|p| p.category.as_str()), category, "{code}");
            assert_eq!(got.and_then(|p| p.mode), mode, "{code}");
        }
    }
}
