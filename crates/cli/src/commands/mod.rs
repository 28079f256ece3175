//! One module per command. Each takes its parsed arguments, the loaded
//! resources and the output stream, and returns a summary for `main` to
//! report and turn into an exit code.

pub mod clean;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod merge;
pub mod places;
pub mod report;
pub mod serve;
pub mod watch;

use sitrep_ingest::{Input, Limits};

use crate::args::ReadArgs;
use crate::batch::DocFailure;

/// The inputs and limits of a reading command.
#[must_use]
pub fn inputs(read: &ReadArgs) -> (Vec<Input>, Limits) {
    let inputs = read.paths.iter().map(Input::from_arg).collect();
    let limits = Limits {
        max_doc_bytes: read.max_doc_bytes,
        private_hosts: read.allow_private,
        follow_links: read.follow_links,
        ..Limits::default()
    };
    (inputs, limits)
}

/// A cleaning failure as a counted document failure.
#[must_use]
pub fn clean_failure(e: &sitrep_clean::CleanError) -> DocFailure {
    DocFailure { reason: "no_content", message: e.to_string() }
}
