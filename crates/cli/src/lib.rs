//! The `sitrep` command line: argument parsing ([`args`]) over the stages
//! joined in `sitrep_pipeline`, batch processing ([`batch`]), output formats
//! ([`output`]) and one module per command ([`commands`]; `commands::eval`
//! formats the figures of the `sitrep_eval` library). `main.rs` only
//! dispatches, prints the summary and exits.

pub mod args;
pub mod batch;
pub mod commands;
pub mod grouping;
pub mod output;
