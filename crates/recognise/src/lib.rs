//! Recognisers: what is named in a clean document, with byte spans.
//!
//! One recogniser per file, each a struct built once from shipped data and
//! applied to many documents with `find(&self, doc) -> Vec<…Mention>`:
//! [`actors`], [`places`], [`dates`], [`quantities`], [`cues`]. [`normalise`]
//! is the text folding that actor and place matching share.

pub mod actors;
pub mod cues;
pub mod dates;
pub mod normalise;
pub mod places;
pub mod quantities;
