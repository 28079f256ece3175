//! The store's behaviour, tested through the public `EventStore` API against
//! the SQLite backend (one test story; a later backend runs the same).
//!
//! One test binary with a module per concern, so the suite links once.

// Tests may unwrap: a panic is the failure report.
#![allow(clippy::unwrap_used)]

mod browse;
mod builder;
mod concurrency;
mod errors;
mod filters;
mod migrations;
mod model_based;
mod roundtrip;
mod scale;
