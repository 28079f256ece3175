//! Writing merged entries as the compact index described in [`super::format`].

use std::collections::{HashMap, HashSet};

use super::entry::{script, strip_admin_word, RawEntry, Script};
use super::format::{self, Kind, Record, NONE};
use super::merge::name_keys;
use crate::normalise;

/// Countries whose place names reach English text transliterated from
/// Arabic, Persian, Pashto, Urdu or Kurdish, where spelling varies so much
/// that the loose skeleton key is worth its risk. Elsewhere it is not built.
const SKELETON_COUNTRIES: &[&[u8; 2]] = &[
    b"SY", b"IQ", b"AF", b"YE", b"LY", b"LB", b"JO", b"PS", b"EG", b"SA", b"SD", b"SS", b"SO", b"TN", b"DZ", b"MA",
    b"MR", b"IR", b"PK", b"KW", b"BH", b"QA", b"AE", b"OM", b"ML", b"NE", b"TD",
];

/// A string table: each string once, as a u16 length and its UTF-8 bytes.
#[derive(Debug, Default)]
struct Strings {
    bytes: Vec<u8>,
    offsets: HashMap<String, u32>,
}

impl Strings {
    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&at) = self.offsets.get(s) {
            return at;
        }
        let mut end = s.len().min(usize::from(u16::MAX));
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let at = u32::try_from(self.bytes.len()).unwrap_or(NONE);
        self.bytes.extend_from_slice(&u16::try_from(end).unwrap_or(0).to_le_bytes());
        self.bytes.extend_from_slice(&s.as_bytes()[..end]);
        self.offsets.insert(s.to_owned(), at);
        at
    }
}

/// Posting lists, each written once however many keys share it.
#[derive(Debug, Default)]
struct Postings {
    words: Vec<u32>,
    seen: HashMap<Vec<u32>, u32>,
}

impl Postings {
    fn add(&mut self, list: Vec<u32>) -> u64 {
        if let Some(&at) = self.seen.get(&list) {
            return u64::from(at);
        }
        let at = u32::try_from(self.words.len()).unwrap_or(NONE);
        self.words.push(u32::try_from(list.len()).unwrap_or(NONE));
        self.words.extend_from_slice(&list);
        self.seen.insert(list, at);
        u64::from(at)
    }
}

fn as_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

/// The index of each admin area by its code.
fn admin_index(entries: &[RawEntry]) -> HashMap<(&str, Kind), u32> {
    let mut map = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let (Some(code), Kind::Admin1 | Kind::Admin2) = (&e.code, e.kind) {
            map.entry((code.as_str(), e.kind)).or_insert(as_u32(i));
        }
    }
    map
}

/// The record flags of an entry.
fn flags(e: &RawEntry, skeleton: bool) -> u8 {
    let flag = |on: bool, f: u8| if on { f } else { 0 };
    flag(skeleton, format::FLAG_SKELETON)
        | flag(e.capital, format::FLAG_CAPITAL)
        | flag(e.unattested(), format::FLAG_UNATTESTED)
}

fn records(entries: &[RawEntry], strings: &mut Strings) -> Vec<u8> {
    let admins = admin_index(entries);
    let link =
        |code: &Option<String>, kind| code.as_deref().and_then(|c| admins.get(&(c, kind)).copied()).unwrap_or(NONE);
    let mut out = Vec::with_capacity(entries.len() * format::RECORD_LEN);
    for e in entries {
        let (lat, lon) = e.point.unwrap_or((0.0, 0.0));
        let skeleton = e.country.is_some_and(|c| SKELETON_COUNTRIES.contains(&&c));
        Record {
            name: strings.intern(&e.name),
            id: strings.intern(&e.id),
            lat: lat as f32,
            lon: lon as f32,
            population: e.population.map_or(NONE, |p| u32::try_from(p).unwrap_or(NONE - 1)),
            admin1: link(&e.admin1, Kind::Admin1),
            admin2: link(&e.admin2, Kind::Admin2),
            country: e.country.unwrap_or([0, 0]),
            kind: e.kind as u8,
            flags: flags(e, skeleton),
            names: e.names_known,
        }
        .write(&mut out);
    }
    out
}

/// Folded names never indexed: demonyms ("syrian") anywhere, and common
/// words ("the", "however") as alternate names (a primary name such as
/// "Mobile" stays; the recogniser's stop list and cues decide). And the
/// abbreviations indexed apart from names.
#[derive(Debug, Default)]
pub struct Exclusions {
    pub demonyms: HashMap<String, [u8; 2]>,
    pub stopwords: HashSet<String>,
    /// (abbreviation as written, entry reference): see [`abbreviation_pairs`].
    pub abbreviations: Vec<(String, String)>,
}

impl Exclusions {
    /// Read a stop list: one name a line, `#` comments.
    pub fn read_stopwords(&mut self, text: &str) {
        let words = text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty());
        self.stopwords.extend(words.map(normalise::fold));
    }

    fn excluded(&self, key: &str, primary: bool) -> bool {
        self.demonyms.contains_key(key) || (!primary && self.stopwords.contains(key))
    }
}

/// The names of an entry with a flag for the primary one.
fn flagged_names(e: &RawEntry) -> impl Iterator<Item = (&str, bool)> {
    e.names().enumerate().map(|(k, n)| (n, k == 0))
}

/// (key, entry) pairs for the folded-name map, leaving out exclusions.
fn name_pairs(entries: &[RawEntry], ex: &Exclusions) -> Vec<(String, u32)> {
    let mut pairs = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        for (name, primary) in flagged_names(e) {
            for key in name_keys(name, e.kind) {
                if !ex.excluded(&key, primary) {
                    pairs.push((key, as_u32(i)));
                }
            }
        }
    }
    pairs
}

/// The entry an abbreviation stands for: `US` a country, `US.KS` an admin
/// area by code, `geonames:5368361` an entry by GeoNames id, or any entry
/// by its id.
fn abbreviated_entry(entries: &[RawEntry], target: &str) -> Option<usize> {
    let by_id = target.strip_prefix("geonames:").and_then(|g| g.parse::<u32>().ok());
    entries.iter().position(|e| match by_id {
        Some(g) => e.geonames == Some(g),
        None if target.len() == 2 => e.kind == Kind::Country && e.country.is_some_and(|c| c == target.as_bytes()),
        None => (matches!(e.kind, Kind::Admin1 | Kind::Admin2) && e.code.as_deref() == Some(target)) || e.id == target,
    })
}

/// (key, entry) pairs for abbreviations: the folded abbreviation and a
/// final `.`, a key no folded name has (folding drops dots), which the
/// lexicon tries only where the text writes an abbreviation.
fn abbreviation_pairs(entries: &[RawEntry], ex: &Exclusions) -> Vec<(String, u32)> {
    let entry = |t: &str| abbreviated_entry(entries, t);
    ex.abbreviations.iter().filter_map(|(a, t)| Some((format!("{}.", normalise::fold(a)), as_u32(entry(t)?)))).collect()
}

/// (skeleton, entry) pairs for the entries of [`SKELETON_COUNTRIES`].
fn skeleton_pairs(entries: &[RawEntry], ex: &Exclusions) -> Vec<(String, u32)> {
    let mut pairs = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        if !e.country.is_some_and(|c| SKELETON_COUNTRIES.contains(&&c)) {
            continue;
        }
        let names =
            flagged_names(e).filter(|(n, p)| script(n) == Script::Latin && !ex.excluded(&normalise::fold(n), *p));
        for (name, _) in names {
            let stripped = strip_admin_word(name).filter(|_| e.kind != Kind::PopulatedPlace);
            for n in std::iter::once(name.to_owned()).chain(stripped) {
                let s = normalise::skeleton(&n);
                if s.len() >= 2 {
                    pairs.push((s, as_u32(i)));
                }
            }
        }
    }
    pairs
}

/// Sort the pairs, group them by key and build an fst map of key → postings.
fn fst_map(mut pairs: Vec<(String, u32)>, postings: &mut Postings) -> Result<Vec<u8>, fst::Error> {
    pairs.sort_unstable();
    pairs.dedup();
    let mut builder = fst::MapBuilder::memory();
    let mut i = 0;
    while i < pairs.len() {
        let key = &pairs[i].0;
        let j = i + pairs[i..].iter().take_while(|(k, _)| k == key).count();
        let list: Vec<u32> = pairs[i..j].iter().map(|(_, e)| *e).collect();
        builder.insert(key, postings.add(list))?;
        i = j;
    }
    builder.into_inner()
}

/// The blocked-word map: demonyms (with their country's entry, see
/// [`format::block_value`]) and stop words, folded.
fn blocked_map(entries: &[RawEntry], ex: &Exclusions) -> Result<Vec<u8>, fst::Error> {
    let countries: HashMap<[u8; 2], u32> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((e.country?, as_u32(i))).filter(|_| e.kind == Kind::Country))
        .collect();
    let demonym = |cc: &[u8; 2]| format::block_value(format::BLOCK_DEMONYM, countries.get(cc).copied());
    let mut words: Vec<(&str, u64)> = ex.demonyms.iter().map(|(w, cc)| (w.as_str(), demonym(cc))).collect();
    let stop = format::block_value(format::BLOCK_STOPWORD, None);
    words.extend(ex.stopwords.iter().filter(|w| !ex.demonyms.contains_key(*w)).map(|w| (w.as_str(), stop)));
    words.sort_unstable();
    words.dedup_by(|a, b| a.0 == b.0);
    let mut builder = fst::MapBuilder::memory();
    for (w, v) in words {
        builder.insert(w, v)?;
    }
    builder.into_inner()
}

/// The complete index bytes for `entries`.
///
/// # Errors
/// When the fst builder fails (it does not for sorted, distinct keys).
pub fn index_bytes(entries: &[RawEntry], ex: &Exclusions) -> Result<Vec<u8>, fst::Error> {
    let mut strings = Strings::default();
    let records = records(entries, &mut strings);
    let mut postings = Postings::default();
    let mut pairs = name_pairs(entries, ex);
    pairs.extend(abbreviation_pairs(entries, ex));
    let names = fst_map(pairs, &mut postings)?;
    let skeletons = fst_map(skeleton_pairs(entries, ex), &mut postings)?;
    let posting_bytes: Vec<u8> = postings.words.iter().flat_map(|w| w.to_le_bytes()).collect();
    let sections = [records, strings.bytes, posting_bytes, names, skeletons, blocked_map(entries, ex)?];
    let mut out = Vec::new();
    out.extend_from_slice(format::MAGIC);
    out.extend_from_slice(&format::VERSION.to_le_bytes());
    out.extend_from_slice(&as_u32(entries.len()).to_le_bytes());
    let mut at = format::HEADER_LEN;
    for s in &sections {
        out.extend_from_slice(&as_u32(at).to_le_bytes());
        out.extend_from_slice(&as_u32(s.len()).to_le_bytes());
        at += s.len();
    }
    for s in sections {
        out.extend_from_slice(&s);
    }
    Ok(out)
}
