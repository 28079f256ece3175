//! Event filters: what `sitrep events`, the HTTP API and the report ask the
//! store for. The filter is validated and resolved here, once, for every
//! backend; backends translate the resolved form into their query language.

use chrono::NaiveDate;
use sitrep_model::{EventType, Iso2, Lat, Lon, Modality, SubEventType};
use std::f64::consts::FRAC_PI_2;

use crate::country;
use crate::error::FilterError;

/// Which events to return. The default returns every event. All conditions
/// must hold (they are joined with AND).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// First day, inclusive, on the event date. Undated events never pass a
    /// `since` or `until` condition.
    pub since: Option<NaiveDate>,
    /// Last day, inclusive, on the event date.
    pub until: Option<NaiveDate>,
    /// ACLED event types ("Battles") or sub-event types ("Air/drone
    /// strike"), case-insensitive; an event passes when it is of any of them.
    /// Empty: any type.
    pub types: Vec<String>,
    /// A case-insensitive substring of the actor1 or actor2 name, or an
    /// actor code (exact, case-insensitive) of either.
    pub actor: Option<String>,
    /// Within a great-circle distance of a point.
    pub near: Option<Near>,
    /// The location's country: an ISO 3166 code ("SY", "SYR") or a country
    /// name ("Syria"), case-insensitive.
    pub country: Option<String>,
    pub modality: Option<Modality>,
    /// At most this many events (after `offset`). `None`: all.
    pub limit: Option<usize>,
    /// Skip this many events first.
    pub offset: usize,
    /// Each event once: of the reports that the merge stage found to tell
    /// the same event (see `MergeStore`), only the one that represents them.
    pub merged: bool,
}

/// A circle on the Earth's surface: events located within `km` kilometres
/// (great-circle, haversine on a sphere of radius 6371.0088 km) of a point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub lat: Lat,
    pub lon: Lon,
    pub km: f64,
}

/// A latitude/longitude box in degrees, the prefilter of a [`Near`] query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct BBox {
    pub min_lat: f64,
    pub max_lat: f64,
    pub min_lon: f64,
    pub max_lon: f64,
}

/// The actor condition, folded once.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ActorQuery {
    /// Lower-cased name fragment.
    pub folded: String,
    /// Upper-cased, compared with actor codes.
    pub code: String,
}

/// An [`EventFilter`] with every value checked and resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// `None`: any type. Sorted, without repeats.
    pub sub_types: Option<Vec<SubEventType>>,
    pub actor: Option<ActorQuery>,
    pub near: Option<(Near, Vec<BBox>)>,
    pub country: Option<Iso2>,
    pub modality: Option<Modality>,
    pub limit: Option<usize>,
    pub offset: usize,
    /// The conditions of an [`crate::EventQuery`] beyond the filter; ASCII
    /// lower-cased text.
    pub text: Option<String>,
    pub admin1: Option<String>,
    pub doc_id: Option<String>,
    pub merged: bool,
    /// The event_id the page starts after.
    pub after: Option<String>,
}

/// Mean Earth radius in km, the one `sitrep_model::place::distance_km` uses.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Degrees added around a bounding box: the R*Tree keeps 32-bit floats, and
/// the exact distance test that follows removes what the margin lets in.
const BOX_MARGIN_DEG: f64 = 1e-3;

impl EventFilter {
    /// Check every value without querying anything (for a command line to
    /// refuse bad arguments before opening a store).
    ///
    /// # Errors
    /// The first value that is wrong, named.
    pub fn validate(&self) -> Result<(), FilterError> {
        self.resolve().map(|_| ())
    }

    pub(crate) fn resolve(&self) -> Result<Resolved, FilterError> {
        Ok(Resolved {
            since: self.since,
            until: self.until,
            sub_types: resolve_types(&self.types)?,
            actor: self
                .actor
                .as_deref()
                .map(|a| ActorQuery { folded: a.trim().to_lowercase(), code: a.trim().to_uppercase() }),
            near: self.near.map(|n| check_near(n).map(|n| (n, bounding_boxes(n)))).transpose()?,
            country: self.country.as_deref().map(resolve_country).transpose()?,
            modality: self.modality,
            limit: self.limit,
            offset: self.offset,
            merged: self.merged,
            text: None,
            admin1: None,
            doc_id: None,
            after: None,
        })
    }
}

/// Event types expand to their sub-event types.
fn resolve_types(names: &[String]) -> Result<Option<Vec<SubEventType>>, FilterError> {
    if names.is_empty() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for name in names {
        if let Ok(t) = SubEventType::parse(name) {
            out.push(t);
        } else if let Ok(t) = EventType::parse(name) {
            out.extend(sitrep_model::ontology::ONTOLOGY.iter().filter(|r| r.event_type == t).map(|r| r.sub_event_type));
        } else {
            return Err(FilterError::UnknownType(name.clone()));
        }
    }
    out.sort_unstable();
    out.dedup();
    Ok(Some(out))
}

fn resolve_country(name: &str) -> Result<Iso2, FilterError> {
    country::resolve(name).ok_or_else(|| FilterError::UnknownCountry(name.to_owned()))
}

fn check_near(near: Near) -> Result<Near, FilterError> {
    if near.km.is_finite() && near.km >= 0.0 {
        Ok(near)
    } else {
        Err(FilterError::BadDistance(near.km))
    }
}

/// The boxes (one, or two across the antimeridian) that hold every point
/// within `near.km` of the centre: latitude +- the angular radius, longitude
/// +- asin(sin r / cos lat); the whole longitude range when the circle
/// reaches a pole.
pub(crate) fn bounding_boxes(near: Near) -> Vec<BBox> {
    let r = near.km / EARTH_RADIUS_KM;
    let lat = near.lat.degrees().to_radians();
    let (lo_lat, hi_lat) = (lat - r, lat + r);
    let min_lat = lo_lat.to_degrees().max(-90.0) - BOX_MARGIN_DEG;
    let max_lat = hi_lat.to_degrees().min(90.0) + BOX_MARGIN_DEG;
    let ratio = r.sin() / lat.cos();
    if lo_lat <= -FRAC_PI_2 || hi_lat >= FRAC_PI_2 || !(0.0..1.0).contains(&ratio) {
        return vec![BBox { min_lat, max_lat, min_lon: -180.0, max_lon: 180.0 }];
    }
    let dlon = ratio.asin().to_degrees() + BOX_MARGIN_DEG;
    let (lon, mut boxes) = (near.lon.degrees(), Vec::with_capacity(2));
    let (min_lon, max_lon) = (lon - dlon, lon + dlon);
    boxes.push(BBox { min_lat, max_lat, min_lon: min_lon.max(-180.0), max_lon: max_lon.min(180.0) });
    if min_lon < -180.0 {
        boxes.push(BBox { min_lat, max_lat, min_lon: min_lon + 360.0, max_lon: 180.0 });
    }
    if max_lon > 180.0 {
        boxes.push(BBox { min_lat, max_lat, min_lon: -180.0, max_lon: max_lon - 360.0 });
    }
    boxes
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use sitrep_model::place::distance_km;

    fn near(lat: f64, lon: f64, km: f64) -> Near {
        Near { lat: Lat::new(lat).unwrap(), lon: Lon::new(lon).unwrap(), km }
    }

    fn inside(boxes: &[BBox], lat: f64, lon: f64) -> bool {
        boxes.iter().any(|b| b.min_lat <= lat && lat <= b.max_lat && b.min_lon <= lon && lon <= b.max_lon)
    }

    #[test]
    fn types_expand_and_bad_names_are_named() {
        let f =
            |t: &[&str]| EventFilter { types: t.iter().map(|s| (*s).to_owned()).collect(), ..EventFilter::default() };
        let battles = f(&["battles"]).resolve().unwrap().sub_types.unwrap();
        assert_eq!(battles.len(), 3);
        let mixed = f(&["Armed clash", "BATTLES", "air/drone strike"]).resolve().unwrap().sub_types.unwrap();
        assert_eq!(mixed.len(), 4, "repeats are removed");
        assert_eq!(f(&["Airstrike"]).validate(), Err(FilterError::UnknownType("Airstrike".into())));
        assert_eq!(f(&[]).resolve().unwrap().sub_types, None);
    }

    #[test]
    fn bad_distances_and_countries_are_refused() {
        let f = EventFilter { near: Some(near(0.0, 0.0, -1.0)), ..EventFilter::default() };
        assert_eq!(f.validate(), Err(FilterError::BadDistance(-1.0)));
        let f = EventFilter { country: Some("Narnia".into()), ..EventFilter::default() };
        assert_eq!(f.validate(), Err(FilterError::UnknownCountry("Narnia".into())));
    }

    #[test]
    fn boxes_split_at_the_antimeridian_and_widen_at_the_poles() {
        assert_eq!(bounding_boxes(near(0.0, 179.9, 50.0)).len(), 2);
        assert_eq!(bounding_boxes(near(0.0, -179.9, 50.0)).len(), 2);
        let polar = bounding_boxes(near(89.9, 10.0, 50.0));
        assert_eq!((polar.len(), polar[0].min_lon, polar[0].max_lon), (1, -180.0, 180.0));
    }

    proptest! {
        /// Every point within the radius lies in one of the boxes.
        #[test]
        fn boxes_hold_the_circle(
            lat in -90.0f64..=90.0, lon in -180.0f64..=180.0, km in 0.0f64..3000.0,
            dlat in -30.0f64..30.0, dlon in -60.0f64..60.0,
        ) {
            let n = near(lat, lon, km);
            let plat = (lat + dlat).clamp(-90.0, 90.0);
            let plon = (lon + dlon + 540.0).rem_euclid(360.0) - 180.0;
            let p = (Lat::new(plat).unwrap(), Lon::new(plon).unwrap());
            if distance_km((n.lat, n.lon), p) <= km {
                prop_assert!(inside(&bounding_boxes(n), plat, plon), "{plat},{plon} outside {:?}", bounding_boxes(n));
            }
        }
    }
}
