//! Places: gazetteer entries and event locations.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::actor::InvalidValue;

/// Latitude in decimal degrees, validated to `-90..=90`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Lat(f64);

/// Longitude in decimal degrees, validated to `-180..=180`.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(try_from = "f64", into = "f64")]
pub struct Lon(f64);

macro_rules! degrees {
    ($t:ident, $limit:expr, $what:expr) => {
        impl $t {
            /// # Errors
            /// When the value is not finite or lies outside the valid range.
            pub fn new(v: f64) -> Result<Self, InvalidValue> {
                if v.is_finite() && v.abs() <= $limit {
                    Ok(Self(v))
                } else {
                    Err(InvalidValue { what: $what, value: v.to_string() })
                }
            }

            #[must_use]
            pub fn degrees(self) -> f64 {
                self.0
            }

            /// The degrees to five decimals (about a metre), as every output
            /// writes them: the gazetteer stores `f32`, whose sixth decimal
            /// at longitude 100 is already noise (`35.442081451416016`), and
            /// fixed rounding keeps output byte-stable.
            #[must_use]
            pub fn rounded(self) -> f64 {
                (self.0 * 100_000.0).round() / 100_000.0
            }
        }

        impl TryFrom<f64> for $t {
            type Error = InvalidValue;
            fn try_from(v: f64) -> Result<Self, Self::Error> {
                Self::new(v)
            }
        }

        impl From<$t> for f64 {
            fn from(v: $t) -> f64 {
                v.0
            }
        }
    };
}

degrees!(Lat, 90.0, "latitude");
degrees!(Lon, 180.0, "longitude");

/// Great-circle distance in kilometres between two points (haversine, mean
/// Earth radius 6371.0088 km).
#[must_use]
pub fn distance_km(a: (Lat, Lon), b: (Lat, Lon)) -> f64 {
    let (la1, lo1) = (a.0.degrees().to_radians(), a.1.degrees().to_radians());
    let (la2, lo2) = (b.0.degrees().to_radians(), b.1.degrees().to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().min(1.0).asin()
}

/// An ISO 3166-1 alpha-2 country code (`SY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iso2([u8; 2]);

impl Iso2 {
    /// # Errors
    /// When `code` is not two upper-case ASCII letters.
    pub fn new(code: &str) -> Result<Self, InvalidValue> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok(Self([*a, *b])),
            _ => Err(InvalidValue { what: "ISO 3166 alpha-2 code", value: code.to_owned() }),
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl TryFrom<String> for Iso2 {
    type Error = InvalidValue;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::new(&s)
    }
}

impl From<Iso2> for String {
    fn from(c: Iso2) -> String {
        c.as_str().to_owned()
    }
}

impl fmt::Display for Iso2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A gazetteer entry's identifier, namespaced by source:
/// `geonames:170794`, `wof:85668033`, `ucdp:deir-ez-zor-town`, `ne:SY-DY`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GazetteerId(String);

impl GazetteerId {
    #[must_use]
    pub fn new(namespace: &str, id: &str) -> Self {
        Self(format!("{namespace}:{id}"))
    }

    /// Wrap an already namespaced id.
    #[must_use]
    pub fn from_raw(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for GazetteerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of thing a gazetteer entry is. Order matters: it is also the
/// prior the geocoder gives a kind when nothing else decides (a country before
/// a state before a town of the same name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Continent,
    Country,
    Admin1,
    Admin2,
    PopulatedPlace,
    Neighbourhood,
    Landform,
    Water,
    Facility,
    Region,
}

impl PlaceKind {
    /// True for administrative areas (country, admin-1, admin-2), whose event
    /// locations get precision 3.
    #[must_use]
    pub fn is_area(self) -> bool {
        matches!(self, Self::Continent | Self::Country | Self::Admin1 | Self::Admin2 | Self::Region)
    }
}

/// A resolved gazetteer entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub gazetteer_id: GazetteerId,
    pub name: String,
    pub admin1: Option<String>,
    pub admin2: Option<String>,
    pub country: Option<Iso2>,
    pub lat: Lat,
    pub lon: Lon,
    pub kind: PlaceKind,
    pub population: Option<u64>,
}

impl Place {
    #[must_use]
    pub fn point(&self) -> (Lat, Lon) {
        (self.lat, self.lon)
    }

    /// Kilometres to another place.
    #[must_use]
    pub fn distance_km(&self, other: &Place) -> f64 {
        distance_km(self.point(), other.point())
    }
}

/// How precisely an event's location is known (`docs/ontology.md`):
/// 1 = the named place itself, 2 = near a named place, 3 = only a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Precision {
    Exact = 1,
    Near = 2,
    Region = 3,
}

impl TryFrom<u8> for Precision {
    type Error = InvalidValue;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        match v {
            1 => Ok(Self::Exact),
            2 => Ok(Self::Near),
            3 => Ok(Self::Region),
            _ => Err(InvalidValue { what: "location precision", value: v.to_string() }),
        }
    }
}

impl From<Precision> for u8 {
    fn from(p: Precision) -> u8 {
        p as u8
    }
}

/// Where an event happened: a place and how precisely the text places it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub place: Place,
    pub precision: Precision,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_validated() {
        assert!(Lat::new(35.3).is_ok());
        assert!(Lat::new(91.0).is_err());
        assert!(Lon::new(f64::NAN).is_err());
        assert!(Lon::new(-180.0).is_ok());
    }

    #[test]
    fn coordinates_are_written_to_five_decimals() {
        let cases = [
            (f64::from(35.442_08_f32), 35.44208),
            (f64::from(68.857_f32), 68.857),
            (-0.000_004, -0.0),
            (-12.345_675, -12.34568),
            (179.999_996, 180.0),
        ];
        for (raw, want) in cases {
            assert_eq!(Lon(raw).rounded().to_string(), want.to_string(), "{raw}");
        }
    }

    #[test]
    fn haversine_distance_in_km() {
        let deir = (Lat::new(35.33588).unwrap_or(Lat(0.0)), Lon::new(40.14084).unwrap_or(Lon(0.0)));
        let aleppo = (Lat(36.20124), Lon(37.16117));
        let d = distance_km(deir, aleppo);
        assert!((d - 284.0).abs() < 5.0, "Deir ez-Zor to Aleppo is about 284 km, got {d}");
        assert!(distance_km(deir, deir) < 1e-9);
    }

    #[test]
    fn precision_serialises_as_a_number() {
        assert_eq!(serde_json::to_string(&Precision::Near).ok(), Some("2".into()));
        assert!(serde_json::from_str::<Precision>("4").is_err());
    }
}
