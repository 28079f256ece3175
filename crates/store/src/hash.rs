//! Content hashes: what makes ingest idempotent.

use sha2::{Digest, Sha256};
use sitrep_model::actor::InvalidValue;
use std::fmt;

/// The lower-case hex SHA-256 of a document's raw body (`RawDoc::body`
/// bytes). Two documents with the same body are the same document, whatever
/// their ids or where they were read from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ContentHash(String);

impl ContentHash {
    /// Hash raw bytes.
    #[must_use]
    pub fn of(bytes: &[u8]) -> Self {
        let digest = Sha256::digest(bytes);
        Self(digest.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Validate a hash given as text (64 hex digits, either case).
    ///
    /// # Errors
    /// When `hex` is not 64 hexadecimal digits.
    pub fn from_hex(hex: &str) -> Result<Self, InvalidValue> {
        if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Self(hex.to_ascii_lowercase()))
        } else {
            Err(InvalidValue { what: "content hash", value: hex.to_owned() })
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha256_hex() {
        // The SHA-256 of the empty string, a published test vector.
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(ContentHash::of(b"").as_str(), empty);
        assert_eq!(ContentHash::from_hex(&empty.to_uppercase()), Ok(ContentHash::of(b"")));
        assert_ne!(ContentHash::of(b"a"), ContentHash::of(b"b"));
    }

    #[test]
    fn bad_hex_is_refused() {
        for bad in ["", "abc", &"g".repeat(64), &"a".repeat(63)] {
            assert!(ContentHash::from_hex(bad).is_err(), "{bad:?}");
        }
    }
}
