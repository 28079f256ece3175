//! The scoring rules of the geocoder, one small function each. A rule looks
//! at one candidate in its document context and returns the points it adds
//! (or takes away) and, when it matters, a [`Reason`] saying why. A reason
//! keeps the numbers and is turned into words only when shown: every
//! candidate of every mention is scored, only winners are explained.
//!
//! The weights are on one scale: a country or admin-1 area outranks a hamlet
//! of the same name by about two points (kind + population), a fitting cue is
//! worth three to four, a containing qualifier five, the document's country
//! focus up to three, and being close to the other places of the document up
//! to two and a half. So context beats priors, and a qualifier beats all.

use std::fmt;

use sitrep_model::{Iso2, PlaceCue, PlaceKind};

use crate::gazetteer::Entry;

/// Points and the reason for them.
pub type Points = (f64, Reason);

/// Why a rule gave a candidate points; `Display` says it in words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// [`kind_prior`].
    Kind { kind: PlaceKind, points: f64 },
    /// [`population_prior`].
    Population { population: u64, points: f64 },
    /// [`prominence`]: the number of names the entry is known by.
    Prominence { names: u32, points: f64 },
    /// [`cue_fit`]: the cues that counted, in the mention's order.
    Cue { cues: Cues, kind: PlaceKind, points: f64 },
    /// [`country_focus`]: the share (0 to 1) of the document about `country`.
    Focus { country: Iso2, share: f64 },
    /// [`loose_match`].
    Loose { points: f64 },
    /// [`other_name`].
    OtherName,
    /// [`capital`].
    Capital,
    /// [`qualifier_fit`]: the qualifier's entry that contains the candidate.
    Inside { container: &'static str },
    /// [`qualifier_miss`].
    NotInside,
    /// [`qualifier_role`].
    AreaOf { points: f64 },
    /// [`out_of_focus`].
    OutOfFocus,
    /// [`in_named_area`]: the area named elsewhere in the document.
    InNamedArea { area: &'static str },
    /// [`holds_named_place`].
    HoldsNamedPlace,
    /// [`super::neighbours::near_other_names`]: the other names with a sense nearby, weighted by closeness.
    NearOtherNames { support: f64, points: f64 },
    /// [`area_focus`]: the share of the document about the candidate's admin-1 area.
    AreaFocus { share: f64, points: f64 },
    /// [`proximity`]: kilometres to the nearest other place, and its name.
    Near { km: f64, name: &'static str, points: f64 },
    /// [`primary_name`].
    MainName,
    /// [`unattested_village`].
    Unattested,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Kind { kind, points } => write!(f, "a {kind:?} (+{points:.1})"),
            Reason::Population { population, points } => write!(f, "population {population} (+{points:.1})"),
            Reason::Prominence { names, points } => write!(f, "known by {names} names (+{points:.1})"),
            Reason::Cue { cues, kind, points } => write!(f, "cue {cues} fits a {kind:?} ({points:+.1})"),
            Reason::Focus { country, share } => {
                write!(f, "the document is {:.0}% about {country} (+{:.1})", share * 100.0, 3.0 * share)
            }
            Reason::Loose { points } => write!(f, "spelling matched loosely ({points:+.1})"),
            Reason::Capital => write!(f, "a country's capital ({CAPITAL:+.1})"),
            Reason::OtherName => {
                write!(f, "only another name of it, and the main name of a namesake ({OTHER_NAME:+.1})")
            }
            Reason::Inside { container } => write!(f, "inside {container}, named with it (+5.0)"),
            Reason::NotInside => f.write_str("not inside the area it is named with (-100)"),
            Reason::AreaOf { points } => write!(f, "names the area of another place (+{points:.1})"),
            Reason::OutOfFocus => f.write_str("outside the document's country (-3.0)"),
            Reason::InNamedArea { area } => write!(f, "inside {area}, named in the document (+2.0)"),
            Reason::HoldsNamedPlace => f.write_str("holds a place named in the document (+1.0)"),
            Reason::NearOtherNames { support, points } => {
                write!(f, "near other names of the document (support {support:.1}, +{points:.1})")
            }
            Reason::AreaFocus { share, points } => {
                write!(f, "the document is {:.0}% about its province or state (+{points:.1})", share * 100.0)
            }
            Reason::Near { km, name, points } => write!(f, "{km:.0} km from {name} (+{points:.1})"),
            Reason::MainName => f.write_str("its main name (+0.3)"),
            Reason::Unattested => write!(
                f,
                "a village only a bulk gazetteer lists, outside the document's country, named without its parents or a place near it ({UNATTESTED:+.1})"
            ),
        }
    }
}

/// The most cues a [`Cues`] list keeps (a mention has at most one of each).
const MAX_CUES: usize = 6;

/// A short list of cues kept by value, shown joined by `+`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cues {
    cues: [Option<PlaceCue>; MAX_CUES],
}

impl Cues {
    /// Add a cue at the end (beyond [`MAX_CUES`] it is not kept).
    pub fn push(&mut self, cue: PlaceCue) {
        if let Some(slot) = self.cues.iter_mut().find(|c| c.is_none()) {
            *slot = Some(cue);
        }
    }

    /// The cues, in order.
    pub fn iter(&self) -> impl Iterator<Item = PlaceCue> + '_ {
        self.cues.iter().map_while(|c| *c)
    }
}

impl fmt::Display for Cues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.iter().enumerate() {
            let sep = if i > 0 { "+" } else { "" };
            write!(f, "{sep}{c:?}")?;
        }
        Ok(())
    }
}

/// A country or a province is what an unqualified name most likely means
/// when it is one; hamlets and facilities least.
pub fn kind_prior(kind: PlaceKind) -> Points {
    let p = match kind {
        PlaceKind::Country => 2.0,
        PlaceKind::Admin1 => 1.6,
        PlaceKind::PopulatedPlace => 1.0,
        PlaceKind::Admin2 => 0.9,
        PlaceKind::Landform => 0.6,
        PlaceKind::Neighbourhood | PlaceKind::Region => 0.5,
        PlaceKind::Continent | PlaceKind::Water | PlaceKind::Facility => 0.3,
    };
    (p, Reason::Kind { kind, points: p })
}

/// Bigger places are mentioned more often: 0.35 point per power of ten of
/// the population.
pub fn population_prior(population: Option<u64>) -> Option<Points> {
    let pop = population.filter(|p| *p > 0)?;
    let p = 0.35 * (pop as f64).log10().min(8.0);
    Some((p, Reason::Population { population: pop, points: p }))
}

/// A place the world writes about has names in many languages (the signal
/// Mordecai-style geoparsers use): a quarter point per natural-log unit of
/// the number of names, so 50 names against 3 is worth 0.7. It separates
/// namesakes of like population: ancient Palmyra in Syria from Palmyra,
/// Pennsylvania.
pub fn prominence(names: u32) -> Option<Points> {
    let p = 0.25 * f64::from(names.clamp(1, 3000)).ln();
    (p >= 0.05).then_some((p, Reason::Prominence { names, points: p }))
}

/// Cue words say what kind of place is meant: "the village of X" a
/// settlement, "X province" an admin-1 area, "X district" an admin-2 area.
pub fn cue_fit(kind: PlaceKind, cues: &[PlaceCue]) -> Option<Points> {
    let settlement = matches!(kind, PlaceKind::PopulatedPlace | PlaceKind::Neighbourhood);
    let mut total = 0.0;
    let mut said = Cues::default();
    for cue in cues {
        let p = match (cue, kind) {
            (PlaceCue::Settlement, _) if settlement => 3.0,
            (PlaceCue::Settlement, k) if k.is_area() => -1.5,
            (PlaceCue::Province, PlaceKind::Admin1) | (PlaceCue::District, PlaceKind::Admin2) => 4.0,
            (PlaceCue::Province, PlaceKind::Region | PlaceKind::Admin2) => 1.0,
            (PlaceCue::District, PlaceKind::Admin1) => 0.5,
            (PlaceCue::Province | PlaceCue::District, _) if settlement => -1.0,
            (PlaceCue::Landform, PlaceKind::Landform) => 3.0,
            (PlaceCue::Border, PlaceKind::Country) => 2.0,
            _ => continue,
        };
        total += p;
        said.push(*cue);
    }
    (total != 0.0).then_some((total, Reason::Cue { cues: said, kind, points: total }))
}

/// The share of the document's unambiguous places that lie in a country.
pub fn country_focus(country: Option<Iso2>, share: impl Fn(Iso2) -> f64) -> Option<Points> {
    let c = country?;
    let s = share(c);
    (s > 0.0).then_some((3.0 * s, Reason::Focus { country: c, share: s }))
}

/// A name matched only by its transliteration skeleton is a guess: it costs
/// a point, and five when its country is not one the document is about.
pub fn loose_match(loose: bool, focus_share: f64) -> Option<Points> {
    if !loose {
        return None;
    }
    let p = if focus_share >= 0.2 { -1.0 } else { -5.0 };
    Some((p, Reason::Loose { points: p }))
}

/// What [`capital`] gives.
const CAPITAL: f64 = 1.0;

/// A country's capital is named for its government as much as for the city
/// ("Washington said", "talks in Moscow"): news names it far more often than
/// its population alone says. One point.
pub fn capital(is_capital: bool) -> Option<Points> {
    is_capital.then_some((CAPITAL, Reason::Capital))
}

/// What [`other_name`] takes away.
const OTHER_NAME: f64 = -2.0;

/// A name is first the main name of the places that bear it: an entry the
/// text names only by one of its other names (a former name, a variant, a
/// translation) is a weaker reading when a namesake bears the name as its
/// own. "Washington" is the capital or the state before the town once called
/// Washington; "St. Petersburg" is the Russian or the Floridian city before
/// the hamlet once called so. Two points: a qualifier or the document's
/// places still win it back. Not when the entry is five times the largest
/// owner of the name ("Derna" is the Libyan city, not a village that spells
/// it so), and towns and features only: the other names of countries and
/// admin areas are official ones ("Burma", a district's name before it was
/// renamed), as good as the main name.
pub fn other_name(kind: PlaceKind, own_name: bool, population: Option<u64>, owner: Option<u64>) -> Option<Points> {
    let owner = owner?;
    let larger = population.unwrap_or(0) > owner.saturating_mul(5);
    (!kind.is_area() && !own_name && !larger).then_some((OTHER_NAME, Reason::OtherName))
}

/// How far an entry of each kind reaches from its point, for "inside" tests
/// where no admin link says so (km).
fn reach_km(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Admin1 | PlaceKind::Region => 150.0,
        PlaceKind::Admin2 => 40.0,
        PlaceKind::Landform => 30.0,
        _ => 25.0,
    }
}

/// True when `inner` lies inside `outer` (`outer_id` is outer's candidate
/// number): by country, by admin link, or within the outer area's reach.
pub fn inside(inner: &Entry, outer: &Entry, outer_id: sitrep_model::PlaceCandidate) -> bool {
    if outer.kind == PlaceKind::Country {
        return inner.country.is_some() && inner.country == outer.country;
    }
    let linked = match outer.kind {
        PlaceKind::Admin1 => inner.admin1 == Some(outer_id),
        PlaceKind::Admin2 => inner.admin2 == Some(outer_id),
        _ => false,
    };
    let same_country = inner.country == outer.country;
    linked || (same_country && inner.distance_km(outer) <= reach_km(outer.kind))
}

/// "Marzaf in Deir ez Zor province", "Alexandria, Louisiana": a candidate
/// inside one of the qualifier's candidates is what the writer meant.
pub fn qualifier_fit(contained_by: Option<&'static str>) -> Option<Points> {
    contained_by.map(|q| (5.0, Reason::Inside { container: q }))
}

/// "the Bazar area of Nad Ali district": when the text says the place lies
/// in the qualifier's area, a candidate outside every candidate of the
/// qualifier is some other place of the same name, not this one.
pub fn qualifier_miss(strict: bool, contained: bool) -> Option<Points> {
    (strict && !contained).then_some((-100.0, Reason::NotInside))
}

/// A name that qualifies another ("X district, Kandahar") names the larger
/// unit: a province or country most of all.
pub fn qualifier_role(is_qualifier: bool, kind: PlaceKind) -> Option<Points> {
    let p = match kind {
        PlaceKind::Country | PlaceKind::Admin1 => 3.0,
        k if k.is_area() => 1.5,
        _ => return None,
    };
    is_qualifier.then_some((p, Reason::AreaOf { points: p }))
}

/// When a document is clearly about one country, a small place of another
/// country is probably a namesake: three points off. So is a province or
/// state of another country that has less than a tenth of the votes: a
/// story about Aleppo whose forces advance on "Salahuddin" means the
/// city's quarter, not Iraq's province (a story that is partly about Iraq
/// gives Iraq more than that). Not a place of a
/// country the text names (`country_named`): a story about New York that
/// says "Russia" and "Moscow" is about Russia too, whatever its share of
/// the votes (every other place it names in the United States lowers that
/// share, and a fifth is a line the story's own details would cross).
pub fn out_of_focus(kind: PlaceKind, share: f64, top_share: f64, country_named: bool) -> Option<Points> {
    let limit = match kind {
        PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region => return None,
        PlaceKind::Admin1 => 0.1,
        _ => 0.2,
    };
    (top_share >= 0.5 && share < limit && !country_named).then_some((-3.0, Reason::OutOfFocus))
}

/// A document that names an area names places in it: "Springfield" in a
/// story that also says "Missouri" is Springfield, Missouri, wherever the
/// state is named. Two points (a qualifier next to the name gives five).
pub fn in_named_area(area: Option<&'static str>) -> Option<Points> {
    area.map(|area| (2.0, Reason::InNamedArea { area }))
}

/// The other way round: of the counties called Walker, the one that holds
/// the Huntsville the story names. One point.
pub fn holds_named_place(holds: bool) -> Option<Points> {
    holds.then_some((1.0, Reason::HoldsNamedPlace))
}

/// The most points [`area_focus`] gives.
pub const MAX_AREA_FOCUS: f64 = 2.0;

/// Local news is about one state or province: a place in the admin-1 area
/// the document is most about beats its namesakes elsewhere in the country
/// (Springfield, Illinois in an Illinois paper). Up to two points, by the
/// share of the first pass's winners in that area; countries do not take it.
pub fn area_focus(kind: PlaceKind, share: f64) -> Option<Points> {
    let p = MAX_AREA_FOCUS * share;
    (kind != PlaceKind::Country && p >= 0.05).then_some((p, Reason::AreaFocus { share, points: p }))
}

/// The most points [`proximity`] gives (at no distance).
pub const MAX_PROXIMITY: f64 = 2.5;

/// Places of one report lie near each other: up to 2.5 points, halving
/// about every 100 km from the nearest other place of the document.
pub fn proximity(nearest: Option<(f64, &'static str)>) -> Option<Points> {
    let (km, name) = nearest?;
    let p = MAX_PROXIMITY * (-km / 150.0).exp();
    (p >= 0.1).then_some((p, Reason::Near { km, name, points: p }))
}

/// What [`unattested_village`] takes away.
const UNATTESTED: f64 = -3.0;

/// The support from the document's other names
/// ([`super::neighbours::near_other_names`]) that is context for an
/// unattested village: a sense of another name within about 40 km.
pub const NEAR_CONTEXT: f64 = 0.25;

/// A village or district that only a bulk gazetteer of every hamlet lists (Who's On
/// First, no population) is one of tens of thousands of namesakes, and its
/// name is often a common word or a person's name too. A reader takes it for
/// the place only when the context points there: the document is about its
/// country (a fifth of its country votes, as for loose spellings), the text
/// names its district or region beside it or elsewhere, or another name of
/// the document has a town near it (`near_support`, at least
/// [`NEAR_CONTEXT`]: "an ISIS camp near Palmyra ... the village of Arak" is
/// the Arak 28 km from Palmyra, in a story whose only country vote is the
/// Russian jets'). Otherwise three points off, which leaves it below a
/// resolved place's minimum by itself, so a capitalised word in a story
/// about another country stays unresolved.
pub fn unattested_village(unattested: bool, focus_share: f64, parent_named: bool, near_support: f64) -> Option<Points> {
    let context = focus_share >= 0.2 || parent_named || near_support >= NEAR_CONTEXT;
    (unattested && !context).then_some((UNATTESTED, Reason::Unattested))
}

/// A candidate whose own name is what the text says beats one that only has
/// it as an alias.
pub fn primary_name(is_primary: bool) -> Option<Points> {
    is_primary.then_some((0.3, Reason::MainName))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::PlaceCandidate;

    fn entry(kind: PlaceKind, cc: &str, lat: f64, lon: f64) -> Entry {
        Entry {
            kind,
            country: Iso2::new(cc).ok(),
            lat,
            lon,
            population: None,
            admin1: None,
            admin2: None,
            skeleton: true,
            names: 1,
            capital: false,
            unattested: false,
        }
    }

    /// Each reason in words, as `sitrep places --explain` shows it.
    #[test]
    fn reasons_read_as_phrases() {
        let sy = Iso2::new("SY").unwrap_or_else(|_| unreachable!());
        let mut cues = Cues::default();
        cues.push(PlaceCue::Settlement);
        cues.push(PlaceCue::Near);
        let cases: Vec<(Reason, &str)> = vec![
            (kind_prior(PlaceKind::Admin1).1, "a Admin1 (+1.6)"),
            (Reason::Population { population: 177_636, points: 1.84 }, "population 177636 (+1.8)"),
            (
                Reason::Cue { cues, kind: PlaceKind::PopulatedPlace, points: 3.0 },
                "cue Settlement+Near fits a PopulatedPlace (+3.0)",
            ),
            (Reason::Focus { country: sy, share: 0.7 }, "the document is 70% about SY (+2.1)"),
            (Reason::Loose { points: -5.0 }, "spelling matched loosely (-5.0)"),
            (Reason::Capital, "a country's capital (+1.0)"),
            (Reason::OtherName, "only another name of it, and the main name of a namesake (-2.0)"),
            (Reason::Inside { container: "Balkh" }, "inside Balkh, named with it (+5.0)"),
            (Reason::NotInside, "not inside the area it is named with (-100)"),
            (Reason::AreaOf { points: 3.0 }, "names the area of another place (+3.0)"),
            (Reason::OutOfFocus, "outside the document's country (-3.0)"),
            (Reason::Near { km: 124.4, name: "Ar Raqqah", points: 1.09 }, "124 km from Ar Raqqah (+1.1)"),
            (Reason::MainName, "its main name (+0.3)"),
            (
                Reason::Unattested,
                "a village only a bulk gazetteer lists, outside the document's country, named without its parents or a place near it (-3.0)",
            ),
            (prominence(51).map_or(Reason::MainName, |p| p.1), "known by 51 names (+1.0)"),
            (
                area_focus(PlaceKind::PopulatedPlace, 0.5).map_or(Reason::MainName, |p| p.1),
                "the document is 50% about its province or state (+1.0)",
            ),
            (Reason::InNamedArea { area: "Missouri" }, "inside Missouri, named in the document (+2.0)"),
            (Reason::HoldsNamedPlace, "holds a place named in the document (+1.0)"),
            (
                Reason::NearOtherNames { support: 1.44, points: 1.44 },
                "near other names of the document (support 1.4, +1.4)",
            ),
        ];
        for (reason, want) in cases {
            assert_eq!(reason.to_string(), want);
        }
    }

    #[test]
    fn unattested_villages_need_context() {
        // (unattested, share of its country, a parent named, support of
        // the names near it) -> penalised
        let cases = [
            (true, 0.0, false, 0.0, true),
            (true, 0.1, false, 0.0, true),
            (true, 0.5, false, 0.0, false),
            (true, 0.0, true, 0.0, false),
            (true, 0.0, false, 0.1, true),
            (true, 0.0, false, 0.4, false),
            (false, 0.0, false, 0.0, false),
        ];
        for (u, share, parent, near, penalised) in cases {
            let got = unattested_village(u, share, parent, near).is_some();
            assert_eq!(got, penalised, "{u} {share} {parent} {near}");
        }
    }

    #[test]
    fn kinds_rank_country_province_town() {
        let k = |kind| kind_prior(kind).0;
        assert!(k(PlaceKind::Country) > k(PlaceKind::Admin1));
        assert!(k(PlaceKind::Admin1) > k(PlaceKind::PopulatedPlace));
        assert!(k(PlaceKind::PopulatedPlace) > k(PlaceKind::Facility));
    }

    #[test]
    fn population_grows_slowly() {
        assert_eq!(population_prior(None), None);
        let small = population_prior(Some(500)).map_or(0.0, |p| p.0);
        let big = population_prior(Some(2_000_000)).map_or(0.0, |p| p.0);
        assert!(big > small && big - small < 2.0, "{small} {big}");
    }

    #[test]
    fn cues_fit_kinds() {
        let fit = |k, c: &[PlaceCue]| cue_fit(k, c).map_or(0.0, |p| p.0);
        assert!(fit(PlaceKind::PopulatedPlace, &[PlaceCue::Settlement]) > 0.0);
        assert!(fit(PlaceKind::Admin1, &[PlaceCue::Settlement]) < 0.0);
        assert!(fit(PlaceKind::Admin1, &[PlaceCue::Province]) > fit(PlaceKind::Admin2, &[PlaceCue::Province]));
        assert!(fit(PlaceKind::Admin2, &[PlaceCue::District]) > fit(PlaceKind::Admin1, &[PlaceCue::District]));
        assert_eq!(cue_fit(PlaceKind::PopulatedPlace, &[PlaceCue::Near]), None);
    }

    #[test]
    fn focus_and_loose_matches() {
        let sy = Iso2::new("SY").ok();
        let share = |c: Iso2| if c.as_str() == "SY" { 0.8 } else { 0.0 };
        assert!(country_focus(sy, share).is_some_and(|p| (p.0 - 2.4).abs() < 1e-9));
        assert_eq!(country_focus(Iso2::new("IQ").ok(), share), None);
        assert_eq!(loose_match(false, 0.0), None);
        assert!(loose_match(true, 0.0).map_or(0.0, |p| p.0) < loose_match(true, 0.8).map_or(0.0, |p| p.0));
    }

    #[test]
    fn inside_by_country_link_or_reach() {
        let province = entry(PlaceKind::Admin1, "SY", 35.07, 40.28);
        let mut village = entry(PlaceKind::PopulatedPlace, "SY", 35.27, 40.22);
        assert!(inside(&village, &province, PlaceCandidate(1)), "within reach");
        let far = entry(PlaceKind::PopulatedPlace, "SY", 33.5, 36.3);
        assert!(!inside(&far, &province, PlaceCandidate(1)));
        village.admin1 = Some(PlaceCandidate(1));
        village.lat = 30.0;
        assert!(inside(&village, &province, PlaceCandidate(1)), "by admin link");
        let country = entry(PlaceKind::Country, "SY", 35.0, 38.0);
        assert!(inside(&far, &country, PlaceCandidate(2)));
    }

    #[test]
    fn proximity_fades_with_distance() {
        let near = proximity(Some((10.0, "A"))).map_or(0.0, |p| p.0);
        let far = proximity(Some((300.0, "A"))).map_or(0.0, |p| p.0);
        assert!(near > 2.0 && far < 0.5, "{near} {far}");
        assert_eq!(proximity(Some((2000.0, "A"))), None);
        assert!(qualifier_fit(Some("Balkh")).is_some() && qualifier_fit(None).is_none());
        assert!(qualifier_role(true, PlaceKind::Admin1).is_some());
        assert!(qualifier_miss(true, false).is_some_and(|p| p.0 < -50.0));
        assert_eq!(qualifier_miss(false, false), None);
        assert_eq!(qualifier_miss(true, true), None);
        assert!(out_of_focus(PlaceKind::PopulatedPlace, 0.0, 0.9, false).is_some());
        assert_eq!(out_of_focus(PlaceKind::Country, 0.0, 0.9, false), None);
        assert!(out_of_focus(PlaceKind::Admin1, 0.05, 0.9, false).is_some(), "a foreign province");
        assert_eq!(out_of_focus(PlaceKind::Admin1, 0.15, 0.8, false), None, "a country the story is partly about");
        assert_eq!(out_of_focus(PlaceKind::PopulatedPlace, 0.0, 0.3, false), None);
        assert_eq!(out_of_focus(PlaceKind::PopulatedPlace, 0.19, 0.7, true), None, "its country is named");
        assert!(qualifier_role(true, PlaceKind::PopulatedPlace).is_none());
        assert!(primary_name(true).is_some() && primary_name(false).is_none());
        let town = PlaceKind::PopulatedPlace;
        let owner = Some(700_000);
        assert!(other_name(town, false, Some(10_000), owner).is_some_and(|p| p.0 < 0.0));
        assert_eq!(other_name(town, true, Some(10_000), owner), None, "its own name");
        assert_eq!(other_name(town, false, Some(10_000), None), None, "no namesake owns the name");
        assert_eq!(other_name(town, false, Some(4_000_000), owner), None, "five times the owner");
        assert!(other_name(town, false, None, Some(0)).is_some(), "neither has a population");
        assert_eq!(other_name(PlaceKind::Admin2, false, None, owner), None, "an area's other names are official");
        assert_eq!(other_name(PlaceKind::Country, false, None, owner), None, "a country's too");
        assert_eq!(prominence(1), None, "one name says nothing");
        assert_eq!(area_focus(PlaceKind::Country, 1.0), None, "countries take the country focus instead");
        assert!(in_named_area(Some("Missouri")).is_some() && in_named_area(None).is_none());
    }
}
