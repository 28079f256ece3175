//! The `sitrep` command line: argument parsing ([`args`]) over the stages
//! joined in `sitrep_pipeline`, batch processing ([`batch`]), output formats
//! ([`output`]), one module per command ([`commands`]) and evaluation
//! ([`eval`]). `main.rs` only dispatches, prints the summary and exits.

pub mod args;
pub mod batch;
pub mod commands;
pub mod eval;
pub mod grouping;
pub mod output;
