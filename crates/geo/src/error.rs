//! The errors of the geocoding stage.

use thiserror::Error;

/// A failure to open a gazetteer index.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum GeoError {
    /// The index bytes are not a gazetteer index of this version.
    #[error("bad gazetteer index: {0}")]
    BadIndex(String),
    /// An index file could not be read.
    #[error("cannot read gazetteer index {0}: {1}")]
    Read(String, String),
}
