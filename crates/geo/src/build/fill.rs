//! Filling what the merged sources leave open: coordinates for admin areas
//! and countries that no source gave a point for, and parent admin codes for
//! places whose source has none (Who's On First localities).

use std::collections::HashMap;

use super::entry::RawEntry;
use super::format::Kind;
use super::merge::km;

/// Running sums for a mean point.
#[derive(Debug, Default, Clone, Copy)]
struct Mean {
    lat: f64,
    lon: f64,
    n: f64,
}

impl Mean {
    fn add(&mut self, (lat, lon): (f64, f64)) {
        self.lat += lat;
        self.lon += lon;
        self.n += 1.0;
    }

    fn point(self) -> Option<(f64, f64)> {
        (self.n > 0.0).then(|| (self.lat / self.n, self.lon / self.n))
    }
}

/// Admin areas without a point get the mean point of the places inside them.
pub fn admin_points(entries: &mut [RawEntry]) {
    let mut means: HashMap<String, Mean> = HashMap::new();
    for e in entries.iter().filter(|e| e.kind == Kind::PopulatedPlace) {
        let Some(p) = e.point else { continue };
        for code in [&e.admin1, &e.admin2].into_iter().flatten() {
            means.entry(code.clone()).or_default().add(p);
        }
    }
    for e in entries.iter_mut().filter(|e| e.point.is_none()) {
        e.point = e.code.as_ref().and_then(|c| means.get(c)).and_then(|m| m.point());
    }
}

/// Countries get the mean point of their admin-1 areas, or of their places.
pub fn country_points(entries: &mut [RawEntry]) {
    let mut admin1: HashMap<[u8; 2], Mean> = HashMap::new();
    let mut places: HashMap<[u8; 2], Mean> = HashMap::new();
    for e in entries.iter() {
        let (Some(cc), Some(p)) = (e.country, e.point) else { continue };
        match e.kind {
            Kind::Admin1 => admin1.entry(cc).or_default().add(p),
            Kind::PopulatedPlace => places.entry(cc).or_default().add(p),
            _ => {}
        }
    }
    for e in entries.iter_mut().filter(|e| e.kind == Kind::Country && e.point.is_none()) {
        let Some(cc) = e.country else { continue };
        e.point = admin1.get(&cc).and_then(|m| m.point()).or_else(|| places.get(&cc).and_then(|m| m.point()));
    }
}

/// Admin-1 areas without a population get the sum of the populations of
/// their populated places (not neighbourhoods: their people are counted in
/// their city). A lower bound, but a fair prominence signal: the sources
/// give none for provinces and states. An area with a place of its own
/// name gets none: a bare "Kabul" or "Deir ez-Zor" means the city more
/// often than the province named after it, and the kind prior already
/// favours the province.
pub fn area_populations(entries: &mut [RawEntry]) {
    let mut places: HashMap<String, Vec<(String, u64)>> = HashMap::new();
    for e in entries.iter().filter(|e| e.kind == Kind::PopulatedPlace) {
        let (Some(code), Some(p)) = (&e.admin1, e.population) else { continue };
        places.entry(code.clone()).or_default().push((crate::normalise::fold(&e.name), p));
    }
    for e in entries.iter_mut().filter(|e| e.kind == Kind::Admin1 && e.population.is_none()) {
        let Some(list) = e.code.as_ref().and_then(|c| places.get(c)) else { continue };
        let keys = super::merge::name_keys(&e.name, e.kind);
        if list.iter().any(|(n, _)| keys.contains(n)) {
            continue;
        }
        let total: u64 = list.iter().map(|(_, p)| p).sum();
        e.population = Some(total).filter(|t| *t > 0);
    }
}

/// Grid cell of a point, half a degree square.
fn cell((lat, lon): (f64, f64)) -> (i32, i32) {
    ((lat * 2.0).floor() as i32, (lon * 2.0).floor() as i32)
}

/// Places without parent admin codes take them from the nearest place of the
/// same country that has them: admin-1 within 150 km, admin-2 within 25 km.
pub fn admin_codes_from_neighbours(entries: &mut [RawEntry]) {
    let mut grid: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let (Some(p), Some(_)) = (e.point, &e.admin1) {
            grid.entry(cell(p)).or_default().push(i);
        }
    }
    let mut fills = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if e.admin1.is_some() || !matches!(e.kind.family(), 0 | 3 | 4 | 5) {
            continue;
        }
        let (Some(p), Some(cc)) = (e.point, e.country) else { continue };
        if let Some((d, j)) = nearest(entries, &grid, p, cc) {
            let a2 = if d <= 25.0 && e.kind != Kind::Admin2 { entries[j].admin2.clone() } else { None };
            if d <= 150.0 {
                fills.push((i, entries[j].admin1.clone(), a2));
            }
        }
    }
    for (i, a1, a2) in fills {
        entries[i].admin1 = a1;
        entries[i].admin2 = entries[i].admin2.take().or(a2);
    }
}

/// The nearest entry of country `cc` in the grid around `p`, with its distance.
fn nearest(
    entries: &[RawEntry],
    grid: &HashMap<(i32, i32), Vec<usize>>,
    p: (f64, f64),
    cc: [u8; 2],
) -> Option<(f64, usize)> {
    let (r, c) = cell(p);
    let mut best: Option<(f64, usize)> = None;
    for dr in -3..=3 {
        for dc in -3..=3 {
            for &j in grid.get(&(r + dr, c + dc)).into_iter().flatten() {
                let (Some(q), Some(true)) = (entries[j].point, entries[j].country.map(|x| x == cc)) else { continue };
                let d = km(p, q);
                if best.is_none_or(|(bd, _)| d < bd) {
                    best = Some((d, j));
                }
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: Kind, point: Option<(f64, f64)>) -> RawEntry {
        let mut e = RawEntry::new("t:1".into(), "X", kind);
        e.country = Some(*b"AF");
        e.point = point;
        e
    }

    #[test]
    fn admin_areas_get_the_mean_of_their_places() {
        let mut a = entry(Kind::Admin2, None);
        a.code = Some("AF.30.1".into());
        let mut p1 = entry(Kind::PopulatedPlace, Some((36.0, 66.0)));
        p1.admin2 = Some("AF.30.1".into());
        let mut p2 = p1.clone();
        p2.point = Some((37.0, 67.0));
        let mut v = vec![a, p1, p2];
        admin_points(&mut v);
        assert_eq!(v[0].point, Some((36.5, 66.5)));
    }

    #[test]
    fn codes_come_from_the_nearest_neighbour() {
        let mut coded = entry(Kind::PopulatedPlace, Some((36.7, 67.1)));
        coded.admin1 = Some("AF.30".into());
        coded.admin2 = Some("AF.30.9".into());
        let near = entry(Kind::PopulatedPlace, Some((36.75, 67.15)));
        let far = entry(Kind::PopulatedPlace, Some((31.0, 62.0)));
        let mut v = vec![coded, near, far];
        admin_codes_from_neighbours(&mut v);
        assert_eq!(v[1].admin1.as_deref(), Some("AF.30"));
        assert_eq!(v[1].admin2.as_deref(), Some("AF.30.9"));
        assert_eq!(v[2].admin1, None);
    }
}
