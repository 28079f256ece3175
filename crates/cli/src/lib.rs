//! The `sitrep` command line: argument parsing ([`args`]) and the wiring of
//! the stages ([`pipeline`]), batch processing ([`batch`]), output formats
//! ([`output`]), one module per command ([`commands`]) and evaluation
//! ([`eval`]). `main.rs` only dispatches, prints the summary and exits.

pub mod args;
pub mod batch;
pub mod commands;
pub mod eval;
pub mod grouping;
pub mod output;
pub mod pipeline;
