//! The errors of the geocoding stage.

use thiserror::Error;

/// A failure to open a gazetteer index.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum GeoError {
    /// The index bytes are not a gazetteer index of this version.
    #[error("bad gazetteer index: {0}")]
    BadIndex(String),
}
