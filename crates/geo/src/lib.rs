//! The geocoding stage: the gazetteer, place-name lookup and the geocoder.
//!
//! - [`build`] compiles the shipped sources into a compact index; `build.rs`
//!   runs it once at compile time and the library embeds the result.
//! - [`Gazetteer`] reads that index without decoding it (load is a header
//!   check), turns candidates into [`sitrep_model::Place`]s and implements the
//!   recogniser's [`sitrep_recognise::places::PlaceLexicon`] (in [`lexicon`]).
//! - [`Geocoder`] picks one candidate per place mention from the document's
//!   context and says why.
//! - [`import`] merges a user's gazetteer files (GeoNames dumps, Who's On
//!   First exports, a simple TSV) with the embedded index into an index
//!   file; [`Gazetteer::load`] uses that file instead of the embedded index
//!   when the environment variable [`gazetteer::INDEX_VAR`] names it.

pub mod build;
pub mod error;
pub mod gazetteer;
pub mod geocoder;
pub mod import;
pub mod index;
pub mod lexicon;

pub(crate) use sitrep_recognise::normalise;

pub use error::GeoError;
pub use gazetteer::{Entry, Gazetteer};
pub use geocoder::{Geocoder, Resolved};
