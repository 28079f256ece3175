//! The shipped data every stage reads, loaded once ([`Resources::load`]) and
//! shared read-only by every worker thread.

use sitrep_code::{CodeError, Coder};
use sitrep_geo::{Gazetteer, GeoError};
use sitrep_model::Countries;
use sitrep_recognise::actors::{ActorDataError, ActorRecogniser};
use sitrep_recognise::cues::{CueLexiconError, CueRecogniser};
use sitrep_recognise::dates::{DatePatternError, DateRecogniser};
use sitrep_recognise::quantities::{QuantityLexiconError, QuantityRecogniser};
use thiserror::Error;

/// Shipped data failed to load: a defect of the build, not of the input.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error("gazetteer: {0}")]
    Gazetteer(#[from] GeoError),
    #[error("actor dictionaries: {0}")]
    Actors(#[from] ActorDataError),
    #[error("date patterns: {0}")]
    Dates(#[from] DatePatternError),
    #[error("quantity tables: {0}")]
    Quantities(#[from] QuantityLexiconError),
    #[error("cue lexicon: {0}")]
    Cues(#[from] CueLexiconError),
    #[error("event coder: {0}")]
    Coder(#[from] CodeError),
}

/// The data every stage reads: loaded once, read-only.
#[derive(Debug)]
pub struct Resources {
    pub gazetteer: Gazetteer,
    pub(crate) actors: ActorRecogniser,
    pub(crate) dates: DateRecogniser,
    pub(crate) quantities: QuantityRecogniser,
    pub(crate) cues: CueRecogniser,
    pub(crate) coder: Coder,
    pub(crate) countries: Countries,
}

impl Resources {
    /// Load every shipped table.
    ///
    /// # Errors
    /// When a shipped table is corrupt.
    pub fn load() -> Result<Self, LoadError> {
        Ok(Self {
            gazetteer: Gazetteer::load()?,
            actors: ActorRecogniser::new()?,
            dates: DateRecogniser::new()?,
            quantities: QuantityRecogniser::new()?,
            cues: CueRecogniser::new()?,
            coder: Coder::new()?,
            countries: Countries::embedded(),
        })
    }
}
