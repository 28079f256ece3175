//! Merging entries from several sources so that one place is one entry with
//! the union of its names, then filling what some sources lack: parent admin
//! codes, and coordinates for admin areas and countries.
//!
//! Two entries are one place when they share a GeoNames id, an admin code, or
//! a Wikidata id; otherwise when they share a folded name (or an alias), the
//! country and the kind family, and lie within a distance that depends on the
//! kind (8 km for towns, 100 km for provinces). The first source to give a
//! field keeps it, so sources are added best first.

use std::collections::HashMap;

use super::entry::{strip_admin_word, RawEntry};
use super::format::Kind;
use crate::normalise;

/// Great-circle distance in km (haversine), for merging only.
pub fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// How far apart two records of one place of this kind family may lie.
fn merge_radius_km(family: u8) -> f64 {
    match family {
        0 => 8.0,
        1 => 20_000.0,
        2 => 100.0,
        3 => 40.0,
        4 => 15.0,
        _ => 3.0,
    }
}

/// The folded keys a name is known by: itself, without a generic admin word
/// for admin areas, and without a leading article.
pub fn name_keys(name: &str, kind: Kind) -> Vec<String> {
    let toks = normalise::tokens(name);
    let mut keys = vec![normalise::join(&toks)];
    if toks.len() >= 2 && toks[0].article {
        keys.push(normalise::join(&toks[1..]));
    }
    if matches!(kind, Kind::Admin1 | Kind::Admin2 | Kind::Region | Kind::Country) {
        if let Some(stripped) = strip_admin_word(name) {
            let toks = normalise::tokens(&stripped);
            keys.push(normalise::join(&toks));
            if toks.len() >= 2 && toks[0].article {
                keys.push(normalise::join(&toks[1..]));
            }
        }
    }
    keys.retain(|k| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}

type NameKey = (String, [u8; 2], u8);

/// The merging builder: entries plus the indexes used to find duplicates.
#[derive(Debug, Default)]
pub struct Merger {
    pub entries: Vec<RawEntry>,
    by_geonames: HashMap<u32, usize>,
    by_code: HashMap<String, usize>,
    /// Codes of entries merged into another entry, for [`Merger::resolve_code_aliases`].
    code_aliases: HashMap<String, usize>,
    by_wikidata: HashMap<String, usize>,
    by_name: HashMap<NameKey, Vec<usize>>,
}

impl Merger {
    /// Add every entry of one source.
    pub fn add_all(&mut self, entries: Vec<RawEntry>) {
        for e in entries {
            self.add(e);
        }
    }

    /// Add every entry of a source whose ids are authoritative (GeoNames
    /// cities): an entry merges by id only, never by name, which also saves
    /// folding every alias twice.
    pub fn add_all_by_id(&mut self, entries: Vec<RawEntry>) {
        for e in entries {
            let family = e.kind.family();
            let same = e
                .geonames
                .and_then(|g| self.by_geonames.get(&g).copied())
                .filter(|i| self.entries[*i].kind.family() == family);
            match same {
                Some(i) => self.merge_into(i, e),
                None => {
                    let i = self.entries.len();
                    self.entries.push(e);
                    self.register(i);
                }
            }
        }
    }

    /// Add one entry, merging it into an existing one when it is the same place.
    pub fn add(&mut self, e: RawEntry) {
        match self.find_same(&e) {
            Some(i) => self.merge_into(i, e),
            None => {
                let i = self.entries.len();
                self.entries.push(e);
                self.register(i);
            }
        }
    }

    fn find_same(&self, e: &RawEntry) -> Option<usize> {
        let family = e.kind.family();
        let same_family = |i: &usize| self.entries[*i].kind.family() == family;
        e.geonames
            .and_then(|g| self.by_geonames.get(&g).copied().filter(same_family))
            .or_else(|| e.code.as_ref().and_then(|c| self.by_code.get(c).copied().filter(same_family)))
            .or_else(|| e.wikidata.as_ref().and_then(|w| self.by_wikidata.get(w).copied().filter(same_family)))
            .or_else(|| self.same_name_nearby(e))
    }

    /// The nearest entry sharing a name key, country and kind family within
    /// the merge radius; or the only one of that name when it has no point.
    fn same_name_nearby(&self, e: &RawEntry) -> Option<usize> {
        let country = e.country?;
        let family = e.kind.family();
        let mut best: Option<(f64, usize)> = None;
        for key in e.names().flat_map(|n| name_keys(n, e.kind)) {
            let Some(list) = self.by_name.get(&(key, country, family)) else { continue };
            for &i in list {
                let d = match (e.point, self.entries[i].point) {
                    (Some(a), Some(b)) => km(a, b),
                    _ if list.len() == 1 => 0.0,
                    _ => continue,
                };
                if d <= merge_radius_km(family) && best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, i));
                }
            }
        }
        best.map(|(_, i)| i)
    }

    fn merge_into(&mut self, i: usize, e: RawEntry) {
        if let Some(c) = e.code.clone() {
            self.code_aliases.entry(c).or_insert(i);
        }
        let first_new_alias = self.entries[i].aliases.len();
        let t = &mut self.entries[i];
        t.aliases.push(e.name);
        t.aliases.extend(e.aliases);
        t.point = t.point.or(e.point);
        t.population = t.population.max(e.population);
        t.geonames = t.geonames.or(e.geonames);
        t.names_known = t.names_known.max(e.names_known);
        t.capital |= e.capital;
        t.wikidata = t.wikidata.take().or(e.wikidata);
        t.code = t.code.take().or(e.code);
        t.admin1 = t.admin1.take().or(e.admin1);
        t.admin2 = t.admin2.take().or(e.admin2);
        t.admin1_name = t.admin1_name.take().or(e.admin1_name);
        t.admin2_name = t.admin2_name.take().or(e.admin2_name);
        t.country = t.country.or(e.country);
        self.register_from(i, first_new_alias);
    }

    fn register(&mut self, i: usize) {
        self.register_from(i, 0);
        let e = &self.entries[i];
        let (g, c, w) = (e.geonames, e.code.clone(), e.wikidata.clone());
        if let Some(g) = g {
            self.by_geonames.entry(g).or_insert(i);
        }
        if let Some(c) = c {
            self.by_code.entry(c).or_insert(i);
        }
        if let Some(w) = w {
            self.by_wikidata.entry(w).or_insert(i);
        }
    }

    /// Index the names of entry `i` (the primary name when `from` is 0, and
    /// the aliases from position `from` on).
    fn register_from(&mut self, i: usize, from: usize) {
        let e = &self.entries[i];
        let Some(country) = e.country else { return };
        let family = e.kind.family();
        let names: Vec<&str> =
            if from == 0 { e.names().collect() } else { e.aliases[from..].iter().map(String::as_str).collect() };
        let keys: Vec<String> = names.iter().flat_map(|n| name_keys(n, e.kind)).collect();
        for key in keys {
            let list = self.by_name.entry((key, country, family)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }

    /// The admin code of the admin area of `family` called `name` in `country`.
    fn code_by_name(&self, name: &str, country: [u8; 2], kind: Kind) -> Option<String> {
        name_keys(name, kind).into_iter().find_map(|k| {
            let list = self.by_name.get(&(k, country, kind.family()))?;
            list.iter().find_map(|&i| self.entries[i].code.clone().filter(|_| self.entries[i].kind == kind))
        })
    }

    /// Parent admin codes that name an area merged under another code
    /// become that area's code (an imported `US.KS` merged into an entry
    /// whose code is `#12`); codes of no area are dropped, so that
    /// [`super::fill::admin_codes_from_neighbours`] fills them.
    pub fn resolve_code_aliases(&mut self) {
        let code_of = |c: &String, entries: &[RawEntry]| {
            self.code_aliases.get(c).or_else(|| self.by_code.get(c)).and_then(|&k| entries[k].code.clone())
        };
        let mut fixes = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let a1 = e.admin1.as_ref().and_then(|c| code_of(c, &self.entries));
            let a2 = e.admin2.as_ref().and_then(|c| code_of(c, &self.entries));
            if a1 != e.admin1 || a2 != e.admin2 {
                fixes.push((i, a1, a2));
            }
        }
        for (i, a1, a2) in fixes {
            (self.entries[i].admin1, self.entries[i].admin2) = (a1, a2);
        }
    }

    /// Admin areas that no source gave a code (Who's On First districts
    /// that GeoNames does not list) take their own id as their code, so
    /// that places naming them as their parent ([`Merger::resolve_admin_names`])
    /// link to them like places with GeoNames codes.
    pub fn code_uncoded_areas(&mut self) {
        for e in &mut self.entries {
            if e.code.is_none() && matches!(e.kind, Kind::Admin1 | Kind::Admin2) {
                e.code = Some(e.id.clone());
            }
        }
    }

    /// Turn parent admin names (UCDP and Who's On First give names) into admin codes.
    pub fn resolve_admin_names(&mut self) {
        for i in 0..self.entries.len() {
            let e = &self.entries[i];
            let Some(cc) = e.country else { continue };
            let a1 = e
                .admin1_name
                .as_deref()
                .filter(|_| e.admin1.is_none())
                .and_then(|n| self.code_by_name(n, cc, Kind::Admin1));
            let a2 = e
                .admin2_name
                .as_deref()
                .filter(|_| e.admin2.is_none())
                .and_then(|n| self.code_by_name(n, cc, Kind::Admin2));
            let e = &mut self.entries[i];
            e.admin1 = e.admin1.take().or(a1);
            e.admin2 = e.admin2.take().or(a2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn town(id: &str, name: &str, lat: f64, lon: f64) -> RawEntry {
        let mut e = RawEntry::new(id.into(), name, Kind::PopulatedPlace);
        e.country = Some(*b"SY");
        e.point = Some((lat, lon));
        e
    }

    #[test]
    fn same_name_nearby_merges_and_far_away_does_not() {
        let mut m = Merger::default();
        m.add(town("geonames:1", "Manbij", 36.528, 37.955));
        m.add(town("ucdp:manbij-town", "Manbij", 36.53, 37.96));
        m.add(town("ucdp:other", "Manbij", 33.0, 36.0));
        assert_eq!(m.entries.len(), 2);
        assert_eq!(m.entries[0].id, "geonames:1");
        assert!(m.entries[0].aliases.iter().any(|a| a == "Manbij"));
    }

    #[test]
    fn geonames_ids_merge_across_sources() {
        let mut m = Merger::default();
        let mut a = RawEntry::new("geonames:173578".into(), "Latakia", Kind::Admin1);
        a.geonames = Some(173_578);
        a.code = Some("SY.02".into());
        a.country = Some(*b"SY");
        m.add(a);
        let mut b = RawEntry::new("wof:85678345".into(), "Lattakia", Kind::Admin1);
        b.geonames = Some(173_578);
        b.point = Some((35.6, 36.0));
        m.add(b);
        assert_eq!(m.entries.len(), 1);
        assert_eq!(m.entries[0].point, Some((35.6, 36.0)));
        assert_eq!(m.entries[0].aliases, vec!["Lattakia"]);
    }

    #[test]
    fn admin_names_resolve_to_codes() {
        let mut m = Merger::default();
        let mut a = RawEntry::new("geonames:170792".into(), "Deir ez-Zor", Kind::Admin1);
        a.code = Some("SY.07".into());
        a.country = Some(*b"SY");
        m.add(a);
        let mut v = town("ucdp:x", "Al Mariiyah", 35.27, 40.22);
        v.admin1_name = Some("Deir ez Zor Governorate".into());
        m.add(v);
        m.resolve_admin_names();
        assert_eq!(m.entries[1].admin1.as_deref(), Some("SY.07"));
    }

    #[test]
    fn areas_without_codes_are_parents_by_their_id() {
        let mut m = Merger::default();
        let mut district = RawEntry::new("wof:1108".into(), "Arbor District", Kind::Admin2);
        district.country = Some(*b"SY");
        district.point = Some((35.0, 38.0));
        m.add(district);
        let mut v = town("wof:2", "Qaryat Tin", 35.1, 38.1);
        v.admin2_name = Some("Arbor".into());
        m.add(v);
        m.resolve_admin_names();
        assert_eq!(m.entries[1].admin2, None, "no code, no link");
        m.code_uncoded_areas();
        m.resolve_admin_names();
        assert_eq!(m.entries[1].admin2.as_deref(), Some("wof:1108"));
    }

    #[test]
    fn name_keys_strip_admin_words_and_articles() {
        assert_eq!(
            name_keys("Ar Raqqah Governorate", Kind::Admin1),
            vec!["al raqqah", "al raqqah governorate", "raqqah", "raqqah governorate"]
        );
        assert_eq!(name_keys("Manbij", Kind::PopulatedPlace), vec!["manbij"]);
    }
}
