//! The gazetteer: the embedded index, its entries as model [`Place`]s, and
//! name lookup.
//!
//! Loading costs a header check: the index (built by `build.rs` from the
//! shipped sources) is embedded in the binary and read in place.

use sitrep_model::{GazetteerId, Iso2, Lat, Lon, Place, PlaceCandidate, PlaceKind};

use crate::build::format::{self, Kind, Record};
use crate::error::GeoError;
use crate::index::{Cursor, Index};
use crate::normalise;

/// The index compiled from `data/gazetteer/` at build time.
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.idx"));

/// The environment variable naming an index file built by `sitrep gazetteer
/// import`, used instead of the embedded index when set and not empty.
pub const INDEX_VAR: &str = "SITREP_GAZETTEER";

/// A gazetteer entry's facts, as the geocoder reasons about them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub kind: PlaceKind,
    pub country: Option<Iso2>,
    /// Degrees.
    pub lat: f64,
    /// Degrees.
    pub lon: f64,
    pub population: Option<u64>,
    /// The admin-1 area the entry lies in (itself for an admin-1 area).
    pub admin1: Option<PlaceCandidate>,
    /// The admin-2 area the entry lies in (itself for an admin-2 area).
    pub admin2: Option<PlaceCandidate>,
    /// True when the entry's names are also indexed by skeleton.
    pub skeleton: bool,
    /// How many names the sources know the entry by, in every script and
    /// language: how much the world writes about it.
    pub names: u32,
    /// True for a country's capital.
    pub capital: bool,
    /// True for a settlement known only from a bulk village gazetteer, with
    /// no population ([`format::FLAG_UNATTESTED`]).
    pub unattested: bool,
}

impl Entry {
    /// Kilometres to another entry (haversine).
    #[must_use]
    pub fn distance_km(&self, other: &Entry) -> f64 {
        crate::build::merge::km((self.lat, self.lon), (other.lat, other.lon))
    }
}

/// The gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    index: Index<'static>,
}

fn kind(k: Kind) -> PlaceKind {
    match k {
        Kind::Continent => PlaceKind::Continent,
        Kind::Country => PlaceKind::Country,
        Kind::Admin1 => PlaceKind::Admin1,
        Kind::Admin2 => PlaceKind::Admin2,
        Kind::PopulatedPlace => PlaceKind::PopulatedPlace,
        Kind::Neighbourhood => PlaceKind::Neighbourhood,
        Kind::Landform => PlaceKind::Landform,
        Kind::Water => PlaceKind::Water,
        Kind::Facility => PlaceKind::Facility,
        Kind::Region => PlaceKind::Region,
    }
}

fn link(v: u32) -> Option<PlaceCandidate> {
    (v != format::NONE).then_some(PlaceCandidate(v))
}

impl Gazetteer {
    /// The gazetteer in use: the index file named by [`INDEX_VAR`] when it
    /// is set (an import of the user's own files, merged with the embedded
    /// index), else the embedded one.
    ///
    /// # Errors
    /// When that file cannot be read or is not an index, or the embedded
    /// index is damaged (a build problem).
    pub fn load() -> Result<Self, GeoError> {
        match std::env::var_os(INDEX_VAR).filter(|v| !v.is_empty()) {
            Some(path) => Self::open(std::path::Path::new(&path)),
            None => Self::embedded(),
        }
    }

    /// The embedded gazetteer, whatever the environment says.
    ///
    /// # Errors
    /// When the embedded index is damaged (a build problem).
    pub fn embedded() -> Result<Self, GeoError> {
        Self::from_bytes(EMBEDDED)
    }

    /// The index file at `path`. Its bytes are kept for the rest of the
    /// process (a gazetteer is loaded once and read in place).
    ///
    /// # Errors
    /// When the file cannot be read or is not an index.
    pub fn open(path: &std::path::Path) -> Result<Self, GeoError> {
        let bytes = std::fs::read(path).map_err(|e| GeoError::Read(path.display().to_string(), e.to_string()))?;
        Self::from_bytes(Box::leak(bytes.into_boxed_slice()))
    }

    /// A gazetteer over index bytes built by [`crate::build::build_index`].
    ///
    /// # Errors
    /// When the bytes are not such an index.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Self, GeoError> {
        Ok(Gazetteer { index: Index::open(bytes)? })
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.len() as usize
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The size of the embedded index in bytes.
    #[must_use]
    pub fn embedded_size() -> usize {
        EMBEDDED.len()
    }

    pub(crate) fn index(&self) -> &Index<'static> {
        &self.index
    }

    fn record(&self, c: PlaceCandidate) -> Option<Record> {
        self.index.record(c.0)
    }

    /// The facts of entry `c`, or `None` for a candidate of another gazetteer.
    #[must_use]
    pub fn entry(&self, c: PlaceCandidate) -> Option<Entry> {
        let r = self.record(c)?;
        let kind = kind(Kind::from_code(r.kind)?);
        let own = |k: PlaceKind| (kind == k).then_some(c);
        Some(Entry {
            kind,
            country: std::str::from_utf8(&r.country).ok().and_then(|s| Iso2::new(s).ok()),
            lat: f64::from(r.lat),
            lon: f64::from(r.lon),
            population: (r.population != format::NONE).then_some(u64::from(r.population)),
            admin1: own(PlaceKind::Admin1).or(link(r.admin1)),
            admin2: own(PlaceKind::Admin2).or(link(r.admin2)),
            skeleton: r.flags & format::FLAG_SKELETON != 0,
            names: r.names,
            capital: r.flags & format::FLAG_CAPITAL != 0,
            unattested: r.flags & format::FLAG_UNATTESTED != 0,
        })
    }

    /// The primary name of entry `c` ("" for a candidate of another gazetteer).
    #[must_use]
    pub fn name(&self, c: PlaceCandidate) -> &'static str {
        self.record(c).map_or("", |r| self.index.string(r.name))
    }

    /// Entry `c` as a model [`Place`], or `None` for a candidate that is not
    /// in this gazetteer.
    #[must_use]
    pub fn place(&self, c: PlaceCandidate) -> Option<Place> {
        let r = self.record(c)?;
        let e = self.entry(c)?;
        Some(Place {
            gazetteer_id: GazetteerId::from_raw(self.index.string(r.id)),
            name: self.name(c).to_owned(),
            admin1: e.admin1.map(|a| self.name(a).to_owned()),
            admin2: e.admin2.map(|a| self.name(a).to_owned()),
            country: e.country,
            lat: Lat::new(e.lat).ok()?,
            lon: Lon::new(e.lon).ok()?,
            kind: e.kind,
            population: e.population,
        })
    }

    /// Entries whose folded name or alias equals the folded `name`; when
    /// there are none, entries whose skeleton equals its skeleton (only
    /// entries of countries with transliterated names have one).
    #[must_use]
    pub fn lookup(&self, name: &str) -> Vec<PlaceCandidate> {
        let exact = self.lookup_exact(name);
        if exact.is_empty() {
            self.lookup_skeleton(name)
        } else {
            exact
        }
    }

    /// Entries whose folded name or alias equals the folded `name`.
    #[must_use]
    pub fn lookup_exact(&self, name: &str) -> Vec<PlaceCandidate> {
        self.lookup_folded(&normalise::fold(name))
    }

    /// Entries whose folded name or alias is `folded` (already folded).
    #[must_use]
    pub fn lookup_folded(&self, folded: &str) -> Vec<PlaceCandidate> {
        self.candidates(self.index.names(), folded.as_bytes())
    }

    /// Entries whose skeleton equals the skeleton of `name`.
    #[must_use]
    pub fn lookup_skeleton(&self, name: &str) -> Vec<PlaceCandidate> {
        let key = normalise::skeleton(name);
        if key.len() < 2 {
            return Vec::new();
        }
        self.candidates(self.index.skeletons(), key.as_bytes())
    }

    fn candidates(&self, fst: &fst::raw::Fst<&'static [u8]>, key: &[u8]) -> Vec<PlaceCandidate> {
        let value = Cursor::root(fst).feed(fst, key).and_then(|c| c.value());
        value.map(|v| self.postings(v)).unwrap_or_default()
    }

    /// Every folded name of the index, in order (for measurements and
    /// exports; a million strings).
    #[must_use]
    pub fn folded_names(&self) -> Vec<String> {
        use fst::Streamer;
        let mut stream = self.index.names().stream();
        let mut out = Vec::new();
        while let Some((k, _)) = stream.next() {
            out.push(String::from_utf8_lossy(k).into_owned());
        }
        out
    }

    pub(crate) fn postings(&self, value: u64) -> Vec<PlaceCandidate> {
        self.index.posting_list(value).map(PlaceCandidate).collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_refused() {
        assert!(Gazetteer::from_bytes(b"not an index").is_err());
        assert!(Gazetteer::from_bytes(b"").is_err());
    }

    #[test]
    fn embedded_index_loads() {
        let g = Gazetteer::load().unwrap();
        assert!(g.len() > 100_000);
        assert_eq!(g.place(PlaceCandidate(u32::MAX)), None);
    }
}
