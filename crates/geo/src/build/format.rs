//! The layout of the compiled gazetteer index, shared by the writer (the
//! build script) and the reader (the library).
//!
//! All integers are little-endian. The file is:
//!
//! ```text
//! header   magic "SRGZ", version u32, entry count u32,
//!          then SECTIONS × (offset u32, length u32)
//! records  one RECORD_LEN-byte record per entry (see `Record`)
//! strings  u16 length + UTF-8 bytes, referenced by offset
//! postings u32 lists: count, then that many entry numbers
//! names    fst map: folded name → offset of its posting list (in u32 units)
//! skeleton fst map: skeleton key → offset of its posting list
//! blocked  fst map: folded word → BLOCK_DEMONYM or BLOCK_STOPWORD, and for
//!          a demonym its country's entry (see `block_value`)
//! ```
//!
//! Nothing is decoded at load time: the reader keeps slices into the embedded
//! bytes and decodes a record when it is asked for one.

pub const MAGIC: &[u8; 4] = b"SRGZ";
pub const VERSION: u32 = 3;
/// The sections after the header, in order.
pub const SECTIONS: usize = 6;
pub const HEADER_LEN: usize = 12 + SECTIONS * 8;
pub const RECORD_LEN: usize = 36;
/// "No entry" in an admin link, "unknown" in a population.
pub const NONE: u32 = u32::MAX;

pub const SEC_RECORDS: usize = 0;
pub const SEC_STRINGS: usize = 1;
pub const SEC_POSTINGS: usize = 2;
pub const SEC_NAMES: usize = 3;
pub const SEC_SKELETONS: usize = 4;
pub const SEC_BLOCKED: usize = 5;

/// A blocked word that names a people, not a place ("Syrian"): no name
/// starts with it.
pub const BLOCK_DEMONYM: u64 = 1;
/// A blocked word that is a common word ("However"): no loose match starts
/// with it.
pub const BLOCK_STOPWORD: u64 = 2;

/// The blocked-map value of a word of kind `kind` ([`BLOCK_DEMONYM`],
/// [`BLOCK_STOPWORD`]): the kind in the low two bits, above them the
/// entry number plus one of the country a demonym names (0 for none).
pub fn block_value(kind: u64, entry: Option<u32>) -> u64 {
    kind | (entry.map_or(0, |e| u64::from(e) + 1) << 2)
}

/// The kind and the country entry of a blocked-map value.
pub fn block_parts(value: u64) -> (u64, Option<u32>) {
    let entry = (value >> 2).checked_sub(1).and_then(|e| u32::try_from(e).ok());
    (value & 3, entry)
}

/// Record flag: the entry's names are also indexed by their skeleton.
pub const FLAG_SKELETON: u8 = 1;
/// Record flag: the entry is a country's capital.
pub const FLAG_CAPITAL: u8 = 2;
/// Record flag: a settlement known only from a bulk village gazetteer, with
/// no population (see [`super::entry::RawEntry::unattested`]).
pub const FLAG_UNATTESTED: u8 = 4;

/// Kinds of entry, stored as one byte; the numbers follow the order of
/// `sitrep_model::PlaceKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Continent = 0,
    Country = 1,
    Admin1 = 2,
    Admin2 = 3,
    PopulatedPlace = 4,
    Neighbourhood = 5,
    Landform = 6,
    Water = 7,
    Facility = 8,
    Region = 9,
}

impl Kind {
    /// The kind stored as `code`, if it is one.
    pub fn from_code(code: u8) -> Option<Kind> {
        const ALL: [Kind; 10] = [
            Kind::Continent,
            Kind::Country,
            Kind::Admin1,
            Kind::Admin2,
            Kind::PopulatedPlace,
            Kind::Neighbourhood,
            Kind::Landform,
            Kind::Water,
            Kind::Facility,
            Kind::Region,
        ];
        ALL.get(usize::from(code)).copied()
    }

    /// Kinds that may be one place recorded twice by two sources.
    pub fn family(self) -> u8 {
        match self {
            Kind::PopulatedPlace | Kind::Neighbourhood => 0,
            Kind::Country | Kind::Continent => 1,
            Kind::Admin1 | Kind::Region => 2,
            Kind::Admin2 => 3,
            Kind::Landform | Kind::Water => 4,
            Kind::Facility => 5,
        }
    }
}

/// One entry as stored: string and admin references are offsets/entry numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    pub name: u32,
    pub id: u32,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    pub admin1: u32,
    pub admin2: u32,
    pub country: [u8; 2],
    pub kind: u8,
    pub flags: u8,
    /// How many names the sources know the entry by, in any script.
    pub names: u32,
}

impl Record {
    pub fn write(&self, out: &mut Vec<u8>) {
        for v in [self.name, self.id] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.lat.to_le_bytes());
        out.extend_from_slice(&self.lon.to_le_bytes());
        for v in [self.population, self.admin1, self.admin2] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.country);
        out.push(self.kind);
        out.push(self.flags);
        out.extend_from_slice(&self.names.to_le_bytes());
    }

    /// Decode a record from exactly `RECORD_LEN` bytes.
    pub fn read(b: &[u8]) -> Option<Record> {
        let u = |at: usize| b.get(at..at + 4).and_then(|s| s.try_into().ok()).map(u32::from_le_bytes);
        let f = |at: usize| u(at).map(f32::from_bits);
        Some(Record {
            name: u(0)?,
            id: u(4)?,
            lat: f(8)?,
            lon: f(12)?,
            population: u(16)?,
            admin1: u(20)?,
            admin2: u(24)?,
            country: [*b.get(28)?, *b.get(29)?],
            kind: *b.get(30)?,
            flags: *b.get(31)?,
            names: u(32)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_round_trips() {
        let r = Record {
            name: 7,
            id: 9,
            lat: 35.33588,
            lon: 40.14084,
            population: NONE,
            admin1: 3,
            admin2: NONE,
            country: *b"SY",
            kind: Kind::PopulatedPlace as u8,
            flags: FLAG_SKELETON,
            names: 12,
        };
        let mut b = Vec::new();
        r.write(&mut b);
        assert_eq!(b.len(), RECORD_LEN);
        assert_eq!(Record::read(&b), Some(r));
        assert_eq!(Record::read(&b[..10]), None);
        assert_eq!(Kind::from_code(3), Some(Kind::Admin2));
        assert_eq!(Kind::from_code(10), None);
    }
}
