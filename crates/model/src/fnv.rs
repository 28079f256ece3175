//! FNV-1a, the hasher of the pipeline's hot maps (words, place candidates):
//! several times cheaper than the standard library's SipHash on short keys,
//! and the keys come from the text being read, not from an adversary who
//! could choose collisions to slow one batch down.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The FNV-1a 64-bit hasher.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What builds [`Fnv`] hashers for a map.
pub type FnvBuild = BuildHasherDefault<Fnv>;
/// A `HashMap` hashed with [`Fnv`].
pub type FnvHashMap<K, V> = HashMap<K, V, FnvBuild>;
/// A `HashSet` hashed with [`Fnv`].
pub type FnvHashSet<T> = HashSet<T, FnvBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        let hash = |s: &str| {
            let mut h = Fnv::default();
            h.write(s.as_bytes());
            h.finish()
        };
        // The published FNV-1a 64 test vectors.
        assert_eq!(hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(hash("foobar"), 0x8594_4171_f739_67e8);
    }
}
