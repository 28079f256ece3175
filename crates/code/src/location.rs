//! Where an event happened: the most specific resolved place of its clauses,
//! with the precision `docs/ontology.md` defines.
//!
//! - The candidate's own clauses are searched first, then its sentence.
//! - The most specific kind wins: a village, town, landform or facility
//!   before a district, before a province, before a country.
//! - An aggregate over several provinces or districts ("in Latakia and Deir
//!   ez-Zor provinces") yields one location per area, and towns or villages
//!   named as separate targets one location each ([`crate::targets`]).
//! - A place resolved far from the town a list names as the area of all it
//!   names ("… in the X city and its countryside") is another place of that
//!   name, and dropped.
//! - So is a place far from "the city" a clause speaks of (the last city
//!   named before).
//! - An area is refined to a point in it named in the same sentence ("fled
//!   Latakia … near Jabal al-Zawiya"), first the place it qualifies ("in
//!   Manaus, Amazonas, a man was …": the city, not the state).
//! - A place that only gives a distance and bearing ("162 kilometers north
//!   of the capital Damascus") is where the event is not ([`crate::bearing`]).
//! - Precision: 2 when the text says "near", "the vicinity of", "outskirts",
//!   "countryside", "area"; 3 for an administrative area or country; else 1.

use sitrep_model::place::distance_km;
use sitrep_model::{Location, Place, PlaceCue, PlaceKind, PlaceMention, Precision, Span};

/// A place mention with its resolution, as the coder sees it.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub mention: &'a PlaceMention,
    pub place: &'a Place,
}

/// Specificity rank: lower is more specific.
fn rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::PopulatedPlace
        | PlaceKind::Neighbourhood
        | PlaceKind::Landform
        | PlaceKind::Facility
        | PlaceKind::Water => 0,
        PlaceKind::Admin2 => 1,
        PlaceKind::Admin1 => 2,
        PlaceKind::Region => 3,
        PlaceKind::Country => 4,
        PlaceKind::Continent => 5,
    }
}

/// The locations of an event whose clauses are `spans`, in `sentence`;
/// `acts` are the clauses among `spans` that tell an act, not only its toll
/// (each may name a separate target, [`crate::targets`]).
#[must_use]
pub fn locate(text: &str, places: &[Resolved<'_>], spans: &[Span], acts: &[Span], sentence: Span) -> Vec<Location> {
    let sited = |p: &&Resolved<'_>| !crate::bearing::reference_point(text, p.mention.span);
    let own: Vec<Resolved<'_>> =
        places.iter().filter(|p| spans.iter().any(|s| s.contains(p.mention.span))).filter(sited).copied().collect();
    let pool: Vec<Resolved<'_>> = if own.is_empty() {
        places.iter().filter(|p| sentence.contains(p.mention.span)).filter(sited).copied().collect()
    } else {
        own
    };
    let pool = in_the_city(text, places, contained(text, pool), sentence);
    let Some(best) = pool.iter().map(|p| rank(p.place.kind)).min() else { return Vec::new() };
    let chosen: Vec<Resolved<'_>> = pool.iter().filter(|p| rank(p.place.kind) == best).copied().collect();
    let chosen = if chosen.len() > 1 && chosen[0].place.kind.is_area() && listed(text, &chosen) {
        dedup(chosen)
    } else if best == 0 && chosen.len() > 1 {
        crate::targets::separate(text, &chosen, acts)
    } else {
        vec![refine(chosen[0], places, sentence)]
    };
    chosen.into_iter().map(location).collect()
}

/// How far (km) a place may lie from the centre of an area it is said to be
/// in, by the area's kind.
fn reach(kind: PlaceKind) -> Option<f64> {
    match kind {
        PlaceKind::Admin2 => Some(60.0),
        PlaceKind::Admin1 => Some(250.0),
        _ => None,
    }
}

/// Drop the more specific places that lie outside every area the same text
/// names ("Band" resolved 400 km away when the sentence says "Ab Kamari
/// district, Badghis"): a village is inside the district and province it is
/// reported in.
fn contained<'a>(text: &str, pool: Vec<Resolved<'a>>) -> Vec<Resolved<'a>> {
    let areas: Vec<Resolved<'_>> = pool.iter().filter(|p| reach(p.place.kind).is_some()).copied().collect();
    let keep: Vec<bool> = pool
        .iter()
        .map(|p| inside_areas(p, &areas) && inside_qualifier(p, &pool) && inside_surroundings(text, p, &pool))
        .collect();
    pool.into_iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| p).collect()
}

/// The points of `pool` near the city that a clause calls "the city" after
/// them ("near Tell Amra at the southern side of the city": the last city
/// named before the sentence). One resolved far from it is another place
/// of that name; when none is left, the event takes the place of its
/// discourse. A place coordinated after the phrase ("… in the city and
/// the town of B") is not framed by it.
fn in_the_city<'a>(text: &str, places: &[Resolved<'a>], pool: Vec<Resolved<'a>>, sentence: Span) -> Vec<Resolved<'a>> {
    let city =
        places.iter().rev().filter(|p| p.mention.span.end <= sentence.start).find(|p| crate::quarter::is_city(p.place));
    let Some(city) = city else { return pool };
    let framed = |p: &Resolved<'_>| {
        let after = text.get(p.mention.span.end..sentence.end).unwrap_or("").to_ascii_lowercase();
        let phrase = ["of the city", "in the city"].iter().filter_map(|f| after.find(f)).min();
        phrase.is_some_and(|at| !after[..at].split_whitespace().any(|w| w == "and" || w.ends_with(',')))
    };
    let near = |p: &Resolved<'_>| {
        rank(p.place.kind) > 0 || !framed(p) || distance_km(p.place.point(), city.place.point()) <= SURROUNDINGS_KM
    };
    pool.into_iter().filter(near).collect()
}

/// How far (km) a place may lie from a town named with its surroundings.
const SURROUNDINGS_KM: f64 = 60.0;

/// Near the town that a list ends with as the area of all it names ("in A,
/// B and C in the Ain Sarab city and its countryside"): the places before
/// it lie in that town or around it, and one resolved far away is another
/// place of that name.
fn inside_surroundings(text: &str, p: &Resolved<'_>, pool: &[Resolved<'_>]) -> bool {
    let frames = |q: &&Resolved<'_>| {
        let after = text.get(q.mention.span.end..).unwrap_or("").to_ascii_lowercase();
        q.mention.span.start > p.mention.span.end
            && rank(q.place.kind) == 0
            && (after.starts_with(" city and its countryside") || after.starts_with(" and its countryside"))
    };
    pool.iter().find(frames).is_none_or(|q| distance_km(p.place.point(), q.place.point()) <= SURROUNDINGS_KM)
}

/// Inside one of the more general areas named, if any is.
fn inside_areas(p: &Resolved<'_>, areas: &[Resolved<'_>]) -> bool {
    let general: Vec<&Resolved<'_>> = areas.iter().filter(|a| rank(a.place.kind) > rank(p.place.kind)).collect();
    general.is_empty()
        || general
            .iter()
            .any(|a| reach(a.place.kind).is_some_and(|r| distance_km(p.place.point(), a.place.point()) <= r))
}

/// Near the place the text qualifies it with ("the Qaisar area of Farah
/// city", "Marzaf in Deir ez Zor province"), when that one is resolved.
fn inside_qualifier(p: &Resolved<'_>, pool: &[Resolved<'_>]) -> bool {
    let Some(q) = p.mention.qualifier.and_then(|q| pool.iter().find(|r| r.mention.span == q)) else { return true };
    let limit = reach(q.place.kind).unwrap_or(if q.place.kind == PlaceKind::Country { f64::INFINITY } else { 30.0 });
    distance_km(p.place.point(), q.place.point()) <= limit
}

/// True when the areas are written as a list ("X and Y", "X, Y and Z").
fn listed(text: &str, areas: &[Resolved<'_>]) -> bool {
    areas.windows(2).all(|w| {
        let gap = text.get(w[0].mention.span.end..w[1].mention.span.start).unwrap_or("x");
        let gap = gap.trim().trim_start_matches(',').trim();
        gap.is_empty() || gap == "and" || gap == "," || gap == "or"
    })
}

fn dedup(mut v: Vec<Resolved<'_>>) -> Vec<Resolved<'_>> {
    v.dedup_by(|a, b| a.place.gazetteer_id == b.place.gazetteer_id);
    v
}

/// An area refined to a point inside it named in the same sentence: near
/// its centre, or qualified by it ("in Manaus, Amazonas": a city named with
/// its state is the city, however large the state), or in it by the
/// gazetteer's admin links. The qualified place comes first.
fn refine<'a>(chosen: Resolved<'a>, places: &[Resolved<'a>], sentence: Span) -> Resolved<'a> {
    let limit = match chosen.place.kind {
        PlaceKind::Admin2 => 40.0,
        PlaceKind::Admin1 => 120.0,
        _ => return chosen,
    };
    let points = || {
        places
            .iter()
            .filter(|p| sentence.contains(p.mention.span) && rank(p.place.kind) == 0)
            .filter(|p| p.place.country == chosen.place.country)
    };
    let near = |p: &&Resolved<'_>| distance_km(p.place.point(), chosen.place.point()) < limit || in_by_link(p, chosen);
    points()
        .find(|p| p.mention.qualifier == Some(chosen.mention.span) && in_by_link(p, chosen))
        .or_else(|| points().find(near))
        .copied()
        .unwrap_or(chosen)
}

/// True when the gazetteer puts `p` inside area `area` (same admin-1 or
/// admin-2 name as the area's own).
fn in_by_link(p: &Resolved<'_>, area: Resolved<'_>) -> bool {
    let own = match area.place.kind {
        PlaceKind::Admin1 => (&p.place.admin1, &area.place.admin1),
        PlaceKind::Admin2 => (&p.place.admin2, &area.place.admin2),
        _ => return false,
    };
    matches!(own, (Some(a), Some(b)) if a == b)
}

fn location(r: Resolved<'_>) -> Location {
    let precision = if r.mention.cues.contains(&PlaceCue::Near) {
        Precision::Near
    } else if r.place.kind.is_area() {
        Precision::Region
    } else {
        Precision::Exact
    };
    Location { place: r.place.clone(), precision }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use sitrep_model::{GazetteerId, Iso2, Lat, Lon};

    fn place(name: &str, kind: PlaceKind, admin1: &str, lat: f64, lon: f64) -> Place {
        Place {
            gazetteer_id: GazetteerId::new("t", name),
            name: name.into(),
            admin1: Some(admin1.into()),
            admin2: None,
            country: Some(Iso2::new("ZZ").unwrap()),
            lat: Lat::new(lat).unwrap(),
            lon: Lon::new(lon).unwrap(),
            kind,
            population: None,
        }
    }

    fn mention(text: &str, name: &str, qualifier: Option<Span>) -> PlaceMention {
        let start = text.find(name).unwrap();
        PlaceMention { span: Span::new(start, start + name.len()), candidates: Vec::new(), cues: Vec::new(), qualifier }
    }

    /// "in Riverton, Northland, a man was shot": the clause holds only the
    /// state, whose centre lies 400 km from the city; the city named with it
    /// is the event's place, at precision 1.
    #[test]
    fn a_state_is_refined_to_the_city_it_qualifies() {
        let text = "in Riverton, Northland, a man was shot";
        let state = mention(text, "Northland", None);
        let city = mention(text, "Riverton", Some(state.span));
        let (p_city, p_state) = (
            place("Riverton", PlaceKind::PopulatedPlace, "Northland", 3.0, 0.0),
            place("Northland", PlaceKind::Admin1, "Northland", 0.0, 0.0),
        );
        let places = [Resolved { mention: &city, place: &p_city }, Resolved { mention: &state, place: &p_state }];
        let clause = Span::new(state.span.start, text.len());
        let got = locate(text, &places, &[clause], &[clause], Span::new(0, text.len()));
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].place.name.as_str(), got[0].precision), ("Riverton", Precision::Exact));
    }

    /// A town of another state named in the sentence does not replace the area.
    #[test]
    fn a_town_elsewhere_does_not_refine_the_area() {
        let text = "in Northland, a man from Lakeside was shot";
        let state = mention(text, "Northland", None);
        let town = mention(text, "Lakeside", None);
        let (p_state, p_town) = (
            place("Northland", PlaceKind::Admin1, "Northland", 0.0, 0.0),
            place("Lakeside", PlaceKind::PopulatedPlace, "Southland", 9.0, 0.0),
        );
        let places = [Resolved { mention: &state, place: &p_state }, Resolved { mention: &town, place: &p_town }];
        let got = locate(text, &places, &[Span::new(0, 12)], &[Span::new(0, 12)], Span::new(0, text.len()));
        assert_eq!((got[0].place.name.as_str(), got[0].precision), ("Northland", Precision::Region));
    }
}
