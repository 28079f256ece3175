//! The geocoding stage: the gazetteer, place-name lookup and the geocoder.
//!
//! - [`build`] compiles the shipped sources into a compact index; `build.rs`
//!   runs it once at compile time and the library embeds the result.
//! - [`Gazetteer`] reads that index without decoding it (load is a header
//!   check), turns candidates into [`sitrep_model::Place`]s and implements the
//!   recogniser's [`sitrep_recognise::places::PlaceLexicon`] (in [`lexicon`]).
//! - [`Geocoder`] picks one candidate per place mention from the document's
//!   context and says why.

pub mod build;
pub mod error;
pub mod gazetteer;
pub mod geocoder;
pub mod index;
pub mod lexicon;

pub(crate) use sitrep_recognise::normalise;

pub use error::GeoError;
pub use gazetteer::{Entry, Gazetteer};
pub use geocoder::{Geocoder, Resolved};
