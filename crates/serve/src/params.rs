//! Query-string parameters: parsed once, every name checked (a misspelt
//! filter is a 400, not silently ignored), every value validated, and
//! turned into the store's [`EventQuery`].

use chrono::NaiveDate;
use sitrep_model::{Lat, Lon, Modality};
use sitrep_store::{EventFilter, EventQuery, Near};

use crate::error::ApiError;

/// The filter parameters every event endpoint takes.
pub const FILTERS: &[&str] = &[
    "since", "until", "type", "actor", "country", "modality", "near", "text", "admin1", "doc", "limit", "after",
    "merged",
];

/// A request's query string as name-value pairs.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parse a query string, refusing names outside `allowed`.
    ///
    /// # Errors
    /// [`ApiError::BadRequest`] for a malformed query or an unknown name.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Self, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| ApiError::BadRequest(format!("malformed query string: {e}")))?;
        if let Some((name, _)) = pairs.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
            return Err(ApiError::BadRequest(format!(
                "unknown parameter {name:?} (expected one of: {})",
                allowed.join(", ")
            )));
        }
        Ok(Self(pairs))
    }

    /// The value of a parameter given at most once, trimmed; empty (`name=`)
    /// counts as absent, but white space alone is a value (and no valid one
    /// for a date, a number or a choice).
    ///
    /// # Errors
    /// When it is given more than once.
    pub fn one(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let mut values = self.0.iter().filter(|(n, v)| n == name && !v.is_empty()).map(|(_, v)| v.trim());
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::BadRequest(format!("parameter {name:?} is given more than once")));
        }
        Ok(first)
    }

    /// A free-text value (a name, words to search for): blank counts as
    /// absent, as a text box left with a space in it means no filter.
    ///
    /// # Errors
    /// When it is given more than once.
    pub fn text(&self, name: &str) -> Result<Option<&str>, ApiError> {
        Ok(self.one(name)?.filter(|v| !v.is_empty()))
    }

    /// A yes/no parameter: `true`/`1`/`yes` or `false`/`0`/`no`, absent is no.
    ///
    /// # Errors
    /// Any other value, or the parameter given twice.
    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.one(name)?.map(str::to_ascii_lowercase).as_deref() {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some(v) => Err(ApiError::BadRequest(format!("parameter {name:?} must be true or false, not {v:?}"))),
        }
    }

    /// Every non-empty value of a repeatable parameter, trimmed.
    #[must_use]
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(n, v)| n == name && !v.is_empty()).map(|(_, v)| v.trim().to_owned()).collect()
    }

    /// A number no greater than `max`, `default` when absent.
    ///
    /// # Errors
    /// When it is not a whole number or exceeds `max`.
    pub fn count(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(v) = self.one(name)? else { return Ok(default) };
        let n: usize = v.parse().map_err(|_| ApiError::BadRequest(format!("{name}={v:?}: expected a whole number")))?;
        if n > max {
            return Err(ApiError::BadRequest(format!("{name}={n}: at most {max}")));
        }
        Ok(n)
    }

    /// A day, `YYYY-MM-DD`.
    ///
    /// # Errors
    /// When it is not one.
    pub fn day(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.one(name)?
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .map_err(|_| ApiError::BadRequest(format!("{name}={v:?}: expected a date as YYYY-MM-DD")))
            })
            .transpose()
    }
}

/// The event query the filter parameters ask for; `limit` defaults to
/// `default_limit` and may not exceed `max_limit`.
///
/// # Errors
/// [`ApiError::BadRequest`] naming the first bad value.
pub fn event_query(p: &Params, default_limit: usize, max_limit: usize) -> Result<EventQuery, ApiError> {
    let filter = EventFilter {
        since: p.day("since")?,
        until: p.day("until")?,
        types: p.all("type"),
        actor: p.text("actor")?.map(str::to_owned),
        near: p.one("near")?.map(near).transpose()?,
        country: p.text("country")?.map(str::to_owned),
        modality: p.one("modality")?.map(modality).transpose()?,
        limit: Some(p.count("limit", default_limit, max_limit)?),
        offset: 0,
        merged: p.flag("merged")?,
    };
    let query = EventQuery {
        filter,
        text: p.text("text")?.map(str::to_owned),
        admin1: p.text("admin1")?.map(str::to_owned),
        doc_id: p.text("doc")?.map(str::to_owned),
        after: p.one("after")?.map(cursor).transpose()?,
    };
    query.validate().map_err(|e| ApiError::BadRequest(e.to_string()))?;
    Ok(query)
}

/// A page cursor: the `next` of a previous page, an event id (16 hex
/// digits). One of that form that names no stored event is the store's to
/// refuse (404).
fn cursor(s: &str) -> Result<String, ApiError> {
    if s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        Ok(s.to_owned())
    } else {
        Err(ApiError::BadRequest(format!("after={s:?}: not a cursor (expected the `next` value of a previous page)")))
    }
}

/// Half the Earth's circumference: every point lies within it, so a larger
/// radius asks nothing more.
const MAX_NEAR_KM: f64 = 20_040.0;

/// `LAT,LON,KM`: plain decimals (no exponent, sign only on the coordinates,
/// no leading zeros), the latitude within ±90 and the longitude within ±180,
/// exactly the `pattern` the OpenAPI description gives.
fn near(s: &str) -> Result<Near, ApiError> {
    let bad = || ApiError::BadRequest(format!("near={s:?}: expected LAT,LON,KM (for example 35.3,40.1,25)"));
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let [lat, lon, km] = parts[..] else { return Err(bad()) };
    let signed = |p: &str| decimal(p.strip_prefix('-').unwrap_or(p)).map(|v| if p.starts_with('-') { -v } else { v });
    let (Some(lat), Some(lon), Some(km)) = (signed(lat), signed(lon), decimal(km)) else { return Err(bad()) };
    Ok(Near { lat: Lat::new(lat).map_err(|_| bad())?, lon: Lon::new(lon).map_err(|_| bad())?, km: km.min(MAX_NEAR_KM) })
}

/// An unsigned decimal `0`, `12` or `12.5` (no leading zeros, no exponent).
fn decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let int_ok = digits(int) && (int == "0" || !int.starts_with('0'));
    (int_ok && frac.is_none_or(digits)).then(|| s.parse().ok()).flatten()
}

fn modality(s: &str) -> Result<Modality, ApiError> {
    serde_json::from_value(serde_json::Value::String(s.to_ascii_lowercase())).map_err(|_| {
        ApiError::BadRequest(format!("modality={s:?}: expected asserted, attributed, speculative, negated or planned"))
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn query(raw: &str) -> Result<EventQuery, String> {
        Params::parse(Some(raw), FILTERS).and_then(|p| event_query(&p, 100, 1000)).map_err(|e| e.to_string())
    }

    #[test]
    fn parameters_become_the_query() {
        let q = query("since=2016-01-01&until=2016-01-31&type=Battles&type=Air%2Fdrone+strike&country=SY&modality=Asserted&near=35.3,40.1,25&text=deir&admin1=Aleppo&doc=d1&limit=5&after=00000000000000e9").unwrap();
        assert_eq!(q.filter.types, ["Battles", "Air/drone strike"]);
        assert_eq!((q.filter.limit, q.filter.modality), (Some(5), Some(Modality::Asserted)));
        assert_eq!(q.filter.near.map(|n| n.km), Some(25.0));
        assert_eq!(
            (q.text.as_deref(), q.admin1.as_deref(), q.doc_id.as_deref(), q.after.as_deref()),
            (Some("deir"), Some("Aleppo"), Some("d1"), Some("00000000000000e9"))
        );
        assert_eq!(query("").unwrap().filter.limit, Some(100));
        assert_eq!(query("actor=&text=+").unwrap(), query("").unwrap(), "blank is absent");
    }

    #[test]
    fn bad_values_are_named() {
        let cases = [
            ("sinse=2016-01-01", "sinse"),
            ("since=20160101", "since"),
            ("limit=5000", "at most 1000"),
            ("limit=-1", "limit"),
            ("near=1,2", "near"),
            ("near=91,0,5", "near"),
            ("near=90.5,0,5", "near"),
            ("near=0,180.1,5", "near"),
            ("near=1e3,0,5", "near"),
            ("near=0,0,-5", "near"),
            ("near=05,0,5", "near"),
            ("near=0,0,inf", "near"),
            ("near=.5,0,5", "near"),
            ("modality=certain", "certain"),
            ("type=Airstrike", "Airstrike"),
            ("country=Narnia", "Narnia"),
            ("country=SY&country=IQ", "more than once"),
            ("since=%ZZ", "since"),
            ("modality=%09", "modality"),
            ("type=+", "type"),
        ];
        for (raw, named) in cases {
            let e = query(raw).unwrap_err();
            assert!(e.contains(named), "{raw}: {e}");
        }
    }

    #[test]
    fn near_takes_plain_decimals_in_range() {
        let cases = [
            ("35.3,40.1,25", (35.3, 40.1, 25.0)),
            (" -90 , 180.0 , 0 ", (-90.0, 180.0, 0.0)),
            ("0,0,1000000", (0.0, 0.0, MAX_NEAR_KM)),
        ];
        for (raw, (lat, lon, km)) in cases {
            let n = near(raw).unwrap();
            assert_eq!((n.lat.degrees(), n.lon.degrees(), n.km), (lat, lon, km), "{raw}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_random_query_strings(raw in ".{0,200}") {
            let _ = query(&raw);
        }
    }
}
