//! `sitrep gazetteer import`: a user's own gazetteer files merged with the
//! embedded index into a new index file, for users who need every hamlet.
//!
//! Accepted files (plain or `.gz`), recognised by name and first line:
//! - GeoNames main-table dumps: `allCountries.txt`, country files such as
//!   `SY.txt`, `cities500.txt` (19 tab-separated columns, no header);
//! - GeoNames `alternateNamesV2.txt` (`alternateNames.txt`): names added to
//!   the entries of their GeoNames id, in the base or in the same import;
//! - Who's On First exports as tab-separated rows with the header
//!   `id placetype name lat lon country names geonames wikidata` (`wof_id`,
//!   `geonames_id` and a tenth column `path` are accepted, and after it the
//!   names of the record's `region` and `county`, as in the shipped
//!   `wof_*.tsv`: they become the entry's parent admin areas);
//! - a simple TSV with the header `name aliases lat lon kind country admin1`
//!   (aliases `|`-separated; kind one of `country admin1 admin2 place
//!   neighbourhood landform water facility region continent`; admin1 a name).
//!
//! Every file is read and checked before anything is merged: a bad line
//! (wrong column count, a bad id or coordinate, bytes that are not UTF-8)
//! stops the import with the file and line, and nothing is written.
//!
//! Merging: the embedded index is decoded back into entries (names as their
//! folded keys, admin links as `#n` codes), the imported entries are added
//! as the build adds sources (same GeoNames id, admin code or Wikidata id, or
//! same name, country and kind family nearby: one place), and the index is
//! written again by the build's writer.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use fst::Streamer;
use thiserror::Error;

use crate::build::entry::{iso2, point, RawEntry};
use crate::build::format::{self, Kind, BLOCK_DEMONYM};
use crate::build::merge::Merger;
use crate::build::{fill, write};
use crate::gazetteer::Gazetteer;
use crate::normalise;

/// Why an import failed; `line` is 1-based, 0 for the whole file.
#[derive(Debug, Error)]
#[error("{path}{}: {reason}", if *.line > 0 { format!(":{}", .line) } else { String::new() })]
pub struct ImportError {
    pub path: PathBuf,
    pub line: usize,
    pub reason: String,
}

impl ImportError {
    fn new(path: &Path, line: usize, reason: impl Into<String>) -> Self {
        ImportError { path: path.to_owned(), line, reason: reason.into() }
    }
}

/// The kinds of file [`import`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    GeoNames,
    AlternateNames,
    WhosOnFirst,
    Simple,
}

/// What a file gave.
#[derive(Debug)]
enum Parsed {
    Entries(Vec<RawEntry>),
    /// (GeoNames id, name) pairs.
    Names(Vec<(u32, String)>),
}

/// What an import did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    /// Entries read from the files.
    pub read: usize,
    /// Alternate names read.
    pub names: usize,
    /// Entries in the new index.
    pub entries: usize,
}

/// Which kind of file `path` is, from its name and first line.
#[must_use]
pub fn detect(path: &Path, first_line: &str) -> Source {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let header: Vec<&str> = first_line.trim_end_matches('\r').split('\t').collect();
    if name.starts_with("alternatenames") {
        Source::AlternateNames
    } else if header.starts_with(&["id", "placetype"]) || header.starts_with(&["wof_id", "placetype"]) {
        Source::WhosOnFirst
    } else if header.starts_with(&["name", "aliases"]) {
        Source::Simple
    } else {
        Source::GeoNames
    }
}

/// The text of a file, decompressed when it ends in `.gz`; bytes that are
/// not UTF-8 are an error at their line.
fn read_text(path: &Path) -> Result<String, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::new(path, 0, e.to_string()))?;
    let bytes = if path.extension().is_some_and(|x| x == "gz") {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| ImportError::new(path, 0, e.to_string()))?;
        out
    } else {
        bytes
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        ImportError::new(path, line, "not UTF-8 text")
    })
}

/// The fields of line `n` (1-based) of `path`, which must number `want`.
fn fields<'a>(path: &Path, n: usize, line: &'a str, want: usize) -> Result<Vec<&'a str>, ImportError> {
    let f: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
    if f.len() == want {
        Ok(f)
    } else {
        Err(ImportError::new(path, n, format!("{} columns, expected {want}", f.len())))
    }
}

fn coordinates(path: &Path, n: usize, lat: &str, lon: &str) -> Result<(f64, f64), ImportError> {
    point(lat, lon).ok_or_else(|| ImportError::new(path, n, format!("bad coordinates {lat:?}, {lon:?}")))
}

fn number<T: std::str::FromStr>(path: &Path, n: usize, what: &str, v: &str) -> Result<T, ImportError> {
    v.trim().parse().map_err(|_| ImportError::new(path, n, format!("bad {what} {v:?}")))
}

/// The kind of a GeoNames feature class and code, or `None` for features
/// the gazetteer does not keep.
fn geonames_kind(class: &str, code: &str) -> Option<Kind> {
    Some(match (class, code) {
        ("A", "ADM1") => Kind::Admin1,
        ("A", "ADM2") => Kind::Admin2,
        ("A", c) if c.starts_with("PCL") => Kind::Country,
        ("A", _) | ("L", _) => Kind::Region,
        ("P", "PPLX") => Kind::Neighbourhood,
        ("P", _) => Kind::PopulatedPlace,
        ("T" | "V", _) => Kind::Landform,
        ("H" | "U", _) => Kind::Water,
        ("S" | "R", _) => Kind::Facility,
        _ => return None,
    })
}

/// One row of a GeoNames main table (19 columns).
fn geonames_row(path: &Path, n: usize, line: &str) -> Result<Option<RawEntry>, ImportError> {
    let f = fields(path, n, line, 19)?;
    let gid: u32 = number(path, n, "geonameid", f[0])?;
    let point = coordinates(path, n, f[4], f[5])?;
    let Some(kind) = geonames_kind(f[6], f[7]) else { return Ok(None) };
    if f[1].trim().is_empty() {
        return Err(ImportError::new(path, n, "empty name"));
    }
    let mut e = RawEntry::new(format!("geonames:{gid}"), f[1], kind);
    let cc = f[8].trim();
    (e.geonames, e.point, e.country) = (Some(gid), Some(point), iso2(cc));
    let a1 = Some(f[10].trim()).filter(|s| !s.is_empty() && *s != "00");
    let a2 = Some(f[11].trim()).filter(|s| !s.is_empty());
    e.admin1 = a1.map(|a| format!("{cc}.{a}"));
    e.admin2 = a1.zip(a2).map(|(a, b)| format!("{cc}.{a}.{b}"));
    e.code = match kind {
        Kind::Admin1 => e.admin1.clone(),
        Kind::Admin2 => e.admin2.clone(),
        _ => None,
    };
    e.population = f[14].trim().parse().ok().filter(|p| *p > 0);
    e.capital = f[7] == "PPLC";
    e.add_aliases([f[2]]);
    e.add_aliases(f[3].split(','));
    Ok(Some(e))
}

/// Languages of `alternateNamesV2.txt` that are codes or links, not names.
const NOT_NAMES: &[&str] = &["post", "link", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "unlc", "tcid"];

/// One row of `alternateNamesV2.txt` (10 columns; older files 8).
fn alternate_name(path: &Path, n: usize, line: &str) -> Result<Option<(u32, String)>, ImportError> {
    let count = line.trim_end_matches('\r').split('\t').count();
    let f = fields(path, n, line, if count == 8 { 8 } else { 10 })?;
    let gid: u32 = number(path, n, "geonameid", f[1])?;
    Ok((!NOT_NAMES.contains(&f[2]) && !f[3].trim().is_empty()).then(|| (gid, f[3].trim().to_owned())))
}

/// The kind of a Who's On First placetype.
fn wof_kind(placetype: &str) -> Option<Kind> {
    Some(match placetype {
        "country" => Kind::Country,
        "region" => Kind::Admin1,
        "county" => Kind::Admin2,
        "locality" | "localadmin" => Kind::PopulatedPlace,
        "neighbourhood" | "microhood" | "macrohood" | "borough" => Kind::Neighbourhood,
        "campus" => Kind::Facility,
        "continent" => Kind::Continent,
        _ => return None,
    })
}

/// The column counts a Who's On First export may have: 9, 10 with `path`,
/// 12 with `path`, `region` and `county`.
fn wof_columns(count: usize) -> usize {
    match count {
        10 | 12 => count,
        _ => 9,
    }
}

/// One row of a Who's On First TSV export ([`wof_columns`]).
fn wof_row(path: &Path, n: usize, line: &str) -> Result<Option<RawEntry>, ImportError> {
    let count = line.trim_end_matches('\r').split('\t').count();
    let f = fields(path, n, line, wof_columns(count))?;
    let id: u64 = number(path, n, "id", f[0])?;
    if f[3].trim().is_empty() && f[4].trim().is_empty() {
        return Ok(None); // exports list places without a point; nothing to place
    }
    let point = coordinates(path, n, f[3], f[4])?;
    let Some(kind) = wof_kind(f[1].trim()) else { return Ok(None) };
    let mut e = RawEntry::new(format!("wof:{id}"), f[2], kind);
    (e.point, e.country) = (Some(point), iso2(f[5]));
    e.geonames = f[7].trim().parse().ok();
    e.wikidata = Some(f[8].trim().to_owned()).filter(|w| !w.is_empty());
    e.add_aliases(f[6].split('|'));
    let parent = |i: usize| f.get(i).map(|s| s.trim()).filter(|s| !s.is_empty()).map(str::to_owned);
    e.admin1_name = parent(10).filter(|_| kind != Kind::Admin1);
    e.admin2_name = parent(11).filter(|_| kind != Kind::Admin2);
    Ok(Some(e))
}

/// The kind named in the simple TSV.
fn simple_kind(word: &str) -> Option<Kind> {
    Some(match word.trim() {
        "country" => Kind::Country,
        "admin1" => Kind::Admin1,
        "admin2" => Kind::Admin2,
        "place" => Kind::PopulatedPlace,
        "neighbourhood" => Kind::Neighbourhood,
        "landform" => Kind::Landform,
        "water" => Kind::Water,
        "facility" => Kind::Facility,
        "region" => Kind::Region,
        "continent" => Kind::Continent,
        _ => return None,
    })
}

/// One row of the simple TSV (7 columns).
fn simple_row(path: &Path, n: usize, line: &str) -> Result<Option<RawEntry>, ImportError> {
    let f = fields(path, n, line, 7)?;
    let point = coordinates(path, n, f[2], f[3])?;
    let kind = simple_kind(f[4]).ok_or_else(|| ImportError::new(path, n, format!("unknown kind {:?}", f[4])))?;
    if f[0].trim().is_empty() {
        return Err(ImportError::new(path, n, "empty name"));
    }
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let mut e = RawEntry::new(format!("import:{stem}:{n}"), f[0], kind);
    e.point = Some(point);
    e.country = iso2(f[5]);
    if !f[5].trim().is_empty() && e.country.is_none() {
        return Err(ImportError::new(path, n, format!("bad country code {:?}", f[5])));
    }
    e.admin1_name = Some(f[6].trim().to_owned()).filter(|a| !a.is_empty());
    e.add_aliases(f[1].split('|'));
    Ok(Some(e))
}

/// Parse one file; `progress` is told the number of lines read now and then.
fn parse(path: &Path, progress: &mut dyn FnMut(u64)) -> Result<Parsed, ImportError> {
    let text = read_text(path)?;
    parse_text(path, &text, progress)
}

/// How many entries (or alternate names) the lines of `text` give, read as
/// [`import`] reads the file `path` (its name and first line choose the
/// format), without merging anything: the line parsers alone, for the fuzz
/// target `gazetteer_line` (`fuzz/`).
///
/// # Errors
/// The first bad line, as [`import`] reports it.
#[doc(hidden)]
pub fn parse_lines(path: &Path, text: &str) -> Result<usize, ImportError> {
    Ok(match parse_text(path, text, &mut |_| {})? {
        Parsed::Entries(list) => list.len(),
        Parsed::Names(list) => list.len(),
    })
}

/// Parse the text of one file; see [`parse`].
fn parse_text(path: &Path, text: &str, progress: &mut dyn FnMut(u64)) -> Result<Parsed, ImportError> {
    let source = detect(path, text.lines().next().unwrap_or(""));
    let header = usize::from(matches!(source, Source::WhosOnFirst | Source::Simple));
    let rows = text.lines().enumerate().skip(header).filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let tick = |n: usize, progress: &mut dyn FnMut(u64)| {
        if n.is_multiple_of(65_536) {
            progress(n as u64);
        }
    };
    if source == Source::AlternateNames {
        let mut names = Vec::new();
        for (k, line) in rows {
            tick(k, progress);
            names.extend(alternate_name(path, k + 1, line)?);
        }
        return Ok(Parsed::Names(names));
    }
    let row = match source {
        Source::WhosOnFirst => wof_row,
        Source::Simple => simple_row,
        _ => geonames_row,
    };
    let mut entries = Vec::new();
    for (k, line) in rows {
        tick(k, progress);
        entries.extend(row(path, k + 1, line)?);
    }
    Ok(Parsed::Entries(entries))
}

/// The entries and exclusions of an index, decoded: names as their folded
/// keys, admin links as `#n` codes.
fn decode(g: &Gazetteer) -> (Vec<RawEntry>, write::Exclusions) {
    let index = g.index();
    // One entry per record, so that entry numbers stay posting numbers; a
    // record that does not decode has no point and is dropped at the end.
    let blank = || RawEntry::new(String::new(), "", Kind::Facility);
    let mut entries: Vec<RawEntry> = (0..index.len()).map(|i| decode_entry(g, i).unwrap_or_else(blank)).collect();
    let mut ex = write::Exclusions::default();
    let mut names = index.names().stream();
    while let Some((key, value)) = names.next() {
        let key = String::from_utf8_lossy(key).into_owned();
        for k in index.posting_list(value.value()) {
            let Some(e) = entries.get_mut(k as usize) else { continue };
            match key.strip_suffix('.') {
                Some(abbr) => ex.abbreviations.push((abbr.to_owned(), e.id.clone())),
                None if normalise::fold(&e.name) != key => e.aliases.push(key.clone()),
                None => {}
            }
        }
    }
    let mut blocked = index.blocked_words().stream();
    while let Some((word, value)) = blocked.next() {
        let word = String::from_utf8_lossy(word).into_owned();
        match format::block_parts(value.value()) {
            (BLOCK_DEMONYM, country) => {
                let cc = country.and_then(|c| entries.get(c as usize)).and_then(|e| e.country);
                ex.demonyms.insert(word, cc.unwrap_or(*b"ZZ"));
            }
            _ => {
                ex.stopwords.insert(word);
            }
        }
    }
    (entries, ex)
}

fn decode_entry(g: &Gazetteer, i: u32) -> Option<RawEntry> {
    let r = g.index().record(i)?;
    let kind = Kind::from_code(r.kind)?;
    let mut e = RawEntry::new(g.index().string(r.id).to_owned(), g.index().string(r.name), kind);
    let link = |v: u32| (v != format::NONE).then(|| format!("#{v}"));
    e.code = matches!(kind, Kind::Admin1 | Kind::Admin2).then(|| format!("#{i}"));
    (e.admin1, e.admin2) = (link(r.admin1), link(r.admin2));
    e.country = Some(r.country).filter(|c| c.iter().all(u8::is_ascii_uppercase));
    e.point = Some((f64::from(r.lat), f64::from(r.lon)));
    e.population = (r.population != format::NONE).then_some(u64::from(r.population));
    e.geonames = e.id.strip_prefix("geonames:").and_then(|g| g.parse().ok());
    e.names_known = r.names;
    e.capital = r.flags & format::FLAG_CAPITAL != 0;
    Some(e)
}

/// Read `files`, merge them with the gazetteer `base` and return the new
/// index bytes. `progress` is told the lines read so far in the current file.
///
/// # Errors
/// When a file cannot be read or has a bad line; nothing is merged then.
pub fn import(
    base: &Gazetteer,
    files: &[PathBuf],
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<u8>, ImportSummary), ImportError> {
    let parsed = files.iter().map(|f| parse(f, progress)).collect::<Result<Vec<_>, _>>()?;
    let (entries, ex) = decode(base);
    let mut m = Merger::default();
    m.add_all_by_id(entries);
    let mut summary = ImportSummary::default();
    let mut names = Vec::new();
    for p in parsed {
        match p {
            Parsed::Entries(list) => {
                summary.read += list.len();
                m.add_all(list);
            }
            Parsed::Names(list) => names.extend(list),
        }
    }
    summary.names = names.len();
    add_names(&mut m, names);
    m.resolve_code_aliases();
    m.code_uncoded_areas();
    m.resolve_admin_names();
    let mut entries = m.entries;
    fill::admin_points(&mut entries);
    fill::area_populations(&mut entries);
    fill::admin_codes_from_neighbours(&mut entries);
    entries.retain(|e| e.point.is_some());
    summary.entries = entries.len();
    let bytes =
        write::index_bytes(&entries, &ex).map_err(|e| ImportError::new(Path::new("index"), 0, e.to_string()))?;
    Ok((bytes, summary))
}

/// Add alternate names to the entries of their GeoNames ids.
fn add_names(m: &mut Merger, names: Vec<(u32, String)>) {
    let by_id: HashMap<u32, usize> = m.entries.iter().enumerate().filter_map(|(i, e)| Some((e.geonames?, i))).collect();
    for (gid, name) in names {
        if let Some(e) = by_id.get(&gid).and_then(|&i| m.entries.get_mut(i)) {
            e.add_aliases([name.as_str()]);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised() {
        let cases = [
            ("alternateNamesV2.txt", "1\t2\ten\tX\t\t\t\t\t\t", Source::AlternateNames),
            ("wof.tsv", "id\tplacetype\tname\tlat\tlon\tcountry\tnames\tgeonames\twikidata", Source::WhosOnFirst),
            (
                "wof_sy.tsv",
                "wof_id\tplacetype\tname\tlat\tlon\tcountry\tnames\tgeonames_id\twikidata\tpath",
                Source::WhosOnFirst,
            ),
            ("mine.tsv", "name\taliases\tlat\tlon\tkind\tcountry\tadmin1", Source::Simple),
            ("SY.txt", "170794\tDayr az Zawr\t…", Source::GeoNames),
        ];
        for (name, line, want) in cases {
            assert_eq!(detect(Path::new(name), line), want, "{name}");
        }
    }

    #[test]
    fn geonames_feature_codes_become_kinds() {
        assert_eq!(geonames_kind("A", "ADM1"), Some(Kind::Admin1));
        assert_eq!(geonames_kind("A", "PCLI"), Some(Kind::Country));
        assert_eq!(geonames_kind("P", "PPLX"), Some(Kind::Neighbourhood));
        assert_eq!(geonames_kind("H", "STM"), Some(Kind::Water));
        assert_eq!(geonames_kind("Z", "X"), None);
    }
}
