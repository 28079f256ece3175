//! Reading the compiled index (layout in [`crate::build::format`]) in place:
//! opening checks the header and slices the sections; records, strings and
//! posting lists are decoded only when asked for.

use fst::raw::{Fst, Node, Output};

use crate::build::format::{self, Record};
use crate::error::GeoError;

/// The sections of an index, borrowed from its bytes.
pub struct Index<'a> {
    records: &'a [u8],
    strings: &'a [u8],
    postings: &'a [u8],
    names: Fst<&'a [u8]>,
    skeletons: Fst<&'a [u8]>,
    blocked: Fst<&'a [u8]>,
    len: u32,
}

impl std::fmt::Debug for Index<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("entries", &self.len).finish_non_exhaustive()
    }
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).and_then(|s| s.try_into().ok()).map(u32::from_le_bytes)
}

impl<'a> Index<'a> {
    /// Check the header of `bytes` and slice its sections.
    ///
    /// # Errors
    /// When the bytes are not an index of this version or a section is cut off.
    pub fn open(bytes: &'a [u8]) -> Result<Self, GeoError> {
        if bytes.get(..4) != Some(format::MAGIC.as_slice()) || u32_at(bytes, 4) != Some(format::VERSION) {
            return Err(GeoError::BadIndex("wrong magic or version".into()));
        }
        let section = |i: usize| -> Result<&'a [u8], GeoError> {
            let off = u32_at(bytes, 12 + i * 8).unwrap_or(0) as usize;
            let len = u32_at(bytes, 16 + i * 8).unwrap_or(0) as usize;
            bytes.get(off..off + len).ok_or_else(|| GeoError::BadIndex(format!("section {i} is cut off")))
        };
        let fst = |i: usize| Fst::new(section(i)?).map_err(|e| GeoError::BadIndex(e.to_string()));
        let index = Index {
            records: section(format::SEC_RECORDS)?,
            strings: section(format::SEC_STRINGS)?,
            postings: section(format::SEC_POSTINGS)?,
            names: fst(format::SEC_NAMES)?,
            skeletons: fst(format::SEC_SKELETONS)?,
            blocked: fst(format::SEC_BLOCKED)?,
            len: u32_at(bytes, 8).unwrap_or(0),
        };
        if index.records.len() != index.len as usize * format::RECORD_LEN {
            return Err(GeoError::BadIndex("record table size".into()));
        }
        Ok(index)
    }

    /// The number of entries.
    pub fn len(&self) -> u32 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The record of entry `i`.
    pub fn record(&self, i: u32) -> Option<Record> {
        let at = i as usize * format::RECORD_LEN;
        Record::read(self.records.get(at..at + format::RECORD_LEN)?)
    }

    /// The string stored at `offset` ("" when the offset is bad).
    pub fn string(&self, offset: u32) -> &'a str {
        let at = offset as usize;
        let len = self.strings.get(at..at + 2).map_or(0, |b| usize::from(u16::from_le_bytes([b[0], b[1]])));
        self.strings.get(at + 2..at + 2 + len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
    }

    /// The entries of the posting list at `offset` (in u32 units).
    pub fn postings(&self, offset: u64) -> Vec<u32> {
        self.posting_list(offset).collect()
    }

    /// The entries of the posting list at `offset` (in u32 units), without
    /// collecting them.
    pub fn posting_list(&self, offset: u64) -> impl Iterator<Item = u32> + 'a {
        let at = usize::try_from(offset).unwrap_or(usize::MAX).saturating_mul(4);
        let n = u32_at(self.postings, at).unwrap_or(0) as usize;
        let postings = self.postings;
        (0..n).filter_map(move |k| u32_at(postings, at + 4 + k * 4))
    }

    /// The folded-name automaton.
    pub fn names(&self) -> &Fst<&'a [u8]> {
        &self.names
    }

    /// Why a folded word is blocked ([`format::BLOCK_DEMONYM`],
    /// [`format::BLOCK_STOPWORD`]) and, for a demonym, the entry of its
    /// country; `None` when it is not.
    pub fn blocked(&self, word: &str) -> Option<(u64, Option<u32>)> {
        Cursor::root(&self.blocked)
            .feed(&self.blocked, word.as_bytes())
            .and_then(|c| c.value())
            .map(format::block_parts)
    }

    /// The blocked-word automaton (see [`format::block_value`]).
    pub fn blocked_words(&self) -> &Fst<&'a [u8]> {
        &self.blocked
    }

    /// The skeleton automaton.
    pub fn skeletons(&self) -> &Fst<&'a [u8]> {
        &self.skeletons
    }
}

/// A position in an fst walk: the node reached and the output so far.
#[derive(Clone, Copy)]
#[allow(missing_debug_implementations)]
pub struct Cursor<'f> {
    node: Node<'f>,
    out: Output,
}

impl<'f> Cursor<'f> {
    /// The root of `fst`.
    pub fn root(fst: &'f Fst<&[u8]>) -> Self {
        Cursor { node: fst.root(), out: Output::zero() }
    }

    /// Follow the bytes of `input`; `None` when no key continues that way.
    pub fn feed(self, fst: &'f Fst<&[u8]>, input: &[u8]) -> Option<Self> {
        let mut c = self;
        for &b in input {
            let t = c.node.transition(c.node.find_input(b)?);
            c = Cursor { node: fst.node(t.addr), out: c.out.cat(t.out) };
        }
        Some(c)
    }

    /// The value of the key ending here, if a key ends here.
    pub fn value(&self) -> Option<u64> {
        self.node.is_final().then(|| self.out.cat(self.node.final_output()).value())
    }
}
