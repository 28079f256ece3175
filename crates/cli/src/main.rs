//! The `sitrep` binary: parse the command line, run one command, report on
//! standard error, exit 0 (success), 1 (runtime failure) or 2 (bad usage or
//! bad input).

// The binary is the one place that reports to the user.
#![allow(clippy::print_stderr)]

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use sitrep_cli::args::{Cli, Command};
use sitrep_cli::batch::Summary;
use sitrep_cli::commands::{self, events::EventsError, ingest::IngestRunError};
use sitrep_pipeline::Resources;
use sitrep_store::StoreError;

/// mimalloc rather than glibc's malloc: the pipeline makes many small,
/// short-lived allocations per sentence, where glibc spent about a tenth
/// of the instructions of an extract run (callgrind, FA-KES).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How a command ended.
enum Outcome {
    Batch(Summary, &'static str),
    Done,
    Usage(String),
    Failure(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.threads {
        // A pool that cannot be configured keeps rayon's default: not fatal.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
    }
    let outcome = run(&cli.command);
    finish(outcome, cli.quiet)
}

fn run(command: &Command) -> Outcome {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut report = |line: &str| eprintln!("sitrep: {line}");
    let outcome = match command {
        Command::Clean(a) => batch(commands::clean::run(a, &mut out, &mut report), "documents"),
        Command::Gazetteer(a) => match commands::gazetteer::run(a, &mut report) {
            Ok(()) => Outcome::Done,
            Err(e) if e.is_usage() => Outcome::Usage(e.to_string()),
            Err(e) => Outcome::Failure(e.to_string()),
        },
        Command::Events(a) => events(commands::events::run(a, &mut out)),
        Command::Merge(a) => match commands::merge::run(a) {
            Ok(n) => {
                report(&format!("{n} events changed group"));
                Outcome::Done
            }
            Err(e) => events(Err(e)),
        },
        Command::Report(a) => front_end(commands::report::run(a, &mut out)),
        Command::Export(a) => front_end(commands::export::run(a)),
        Command::Serve(a) => front_end(commands::serve::run(a, &mut report)),
        other => with_resources(other, &mut out, &mut report),
    };
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Outcome::Failure(format!("writing output: {e}")),
        _ => outcome,
    }
}

fn with_resources(command: &Command, out: &mut dyn Write, report: &mut dyn FnMut(&str)) -> Outcome {
    let res = match Resources::load() {
        Ok(r) => r,
        Err(e) => return Outcome::Failure(format!("loading shipped data: {e}")),
    };
    let outcome = match command {
        Command::Extract(a) => batch(commands::extract::run(a, &res, out, report), "events"),
        Command::Places(a) => batch(commands::places::run(a, &res, out, report), "places"),
        Command::Ingest(a) => match commands::ingest::run(a, &res, report) {
            Ok(s) => Outcome::Batch(s, "events stored"),
            Err(IngestRunError::Io(e)) => Outcome::Failure(e.to_string()),
            Err(e) => Outcome::Failure(e.to_string()),
        },
        Command::Watch(a) => match commands::watch::run(a, &res, report) {
            Ok(s) => Outcome::Batch(s, "events stored"),
            Err(e) if e.is_usage() => Outcome::Usage(e.to_string()),
            Err(e) => Outcome::Failure(e.to_string()),
        },
        Command::Eval(a) => match commands::eval::run(a, &res) {
            Ok(r) if a.json => json(out, &r),
            Ok(r) => commands::eval::print(&r, a.verbose, out)
                .map_or_else(|e| Outcome::Failure(e.to_string()), |()| Outcome::Done),
            Err(e) => Outcome::Usage(e.to_string()),
        },
        Command::Clean(_)
        | Command::Gazetteer(_)
        | Command::Events(_)
        | Command::Merge(_)
        | Command::Report(_)
        | Command::Export(_)
        | Command::Serve(_) => Outcome::Done,
    };
    // The process ends next: freeing the gazetteer and dictionaries entry by
    // entry would only delay the exit, the system reclaims them at once.
    std::mem::forget(res);
    outcome
}

fn json(out: &mut dyn Write, r: &sitrep_eval::Report) -> Outcome {
    match serde_json::to_writer_pretty(&mut *out, r).map(|()| writeln!(out)) {
        Ok(_) => Outcome::Done,
        Err(e) => Outcome::Failure(e.to_string()),
    }
}

fn batch(r: io::Result<Summary>, what: &'static str) -> Outcome {
    match r {
        Ok(s) => Outcome::Batch(s, what),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Outcome::Done,
        Err(e) => Outcome::Failure(format!("writing output: {e}")),
    }
}

fn events(r: Result<usize, EventsError>) -> Outcome {
    match r {
        Ok(_) => Outcome::Done,
        Err(EventsError::Usage(m)) => Outcome::Usage(m),
        Err(EventsError::Store(e @ StoreError::Filter(_))) => Outcome::Usage(e.to_string()),
        Err(e) => Outcome::Failure(e.to_string()),
    }
}

/// `report`, `export` and `serve`: bad arguments are usage errors (2).
fn front_end(r: Result<(), commands::report::FrontEndError>) -> Outcome {
    match r {
        Ok(()) => Outcome::Done,
        Err(e) if e.is_usage() => Outcome::Usage(e.to_string()),
        Err(e) => Outcome::Failure(e.to_string()),
    }
}

fn finish(outcome: Outcome, quiet: bool) -> ExitCode {
    match outcome {
        Outcome::Done => ExitCode::SUCCESS,
        Outcome::Batch(s, what) => {
            if !quiet {
                eprintln!("sitrep: {}", s.line(what));
            }
            if s.bad_input {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Outcome::Usage(m) => {
            eprintln!("sitrep: {m}");
            ExitCode::from(2)
        }
        Outcome::Failure(m) => {
            eprintln!("sitrep: {m}");
            ExitCode::FAILURE
        }
    }
}
