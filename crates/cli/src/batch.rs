//! Batch processing: documents read in order, worked on in parallel chunks,
//! emitted in input order. One bad document is reported and counted; the
//! rest of the batch goes on. Items a source passes over by design (archive
//! records that are not HTML pages, error statuses) count as skipped, with
//! their reason. On a terminal, a progress line shows documents per second,
//! and the time left when the inputs' count is known before reading them
//! ([`sitrep_ingest::expected_documents`]).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use sitrep_ingest::{documents, Input, Limits};
use sitrep_model::RawDoc;

/// How many documents are worked on together (bounded memory, ordered output).
const CHUNK: usize = 256;

/// How many skipped items of one reason are named on standard error; past
/// that, the count in the summary line stands for the rest (an archive of
/// images would otherwise print one line per image).
const SKIPS_NAMED: usize = 10;

/// Counts of a batch run.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub read: usize,
    pub processed: usize,
    /// Failed documents by reason.
    pub failed: BTreeMap<String, usize>,
    /// True when an input was bad (missing path, unreadable, malformed).
    pub bad_input: bool,
    /// Items emitted (events, documents or places).
    pub emitted: usize,
    /// Documents skipped before work (already stored).
    pub skipped: usize,
    /// Items a source passed over, by reason (not HTML, HTTP status).
    pub skipped_reasons: BTreeMap<String, usize>,
    /// Documents stored under a new id because their id held other content.
    pub conflicts: usize,
}

impl Summary {
    /// Count one item passed over for `reason`; the count so far.
    fn skip(&mut self, reason: &str) -> usize {
        let n = self.skipped_reasons.entry(reason.to_owned()).or_insert(0);
        *n += 1;
        *n
    }

    pub(crate) fn fail(&mut self, reason: &str) {
        *self.failed.entry(reason.to_owned()).or_insert(0) += 1;
        self.bad_input = true;
    }

    /// A one-line account for standard error.
    #[must_use]
    pub fn line(&self, what: &str) -> String {
        let failed: usize = self.failed.values().sum();
        let reasons: Vec<String> = self.failed.iter().map(|(k, v)| format!("{k} {v}")).collect();
        let reasons = if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join(", ")) };
        let mut skipped = if self.skipped > 0 { format!(", {} already stored", self.skipped) } else { String::new() };
        if !self.skipped_reasons.is_empty() {
            let n: usize = self.skipped_reasons.values().sum();
            let why: Vec<String> = self.skipped_reasons.iter().map(|(k, v)| format!("{k} {v}")).collect();
            skipped.push_str(&format!(", {n} skipped ({})", why.join(", ")));
        }
        if self.conflicts > 0 {
            skipped.push_str(&format!(", {} id conflicts stored under new ids", self.conflicts));
        }
        format!(
            "{} documents read, {} processed{skipped}, {failed} failed{reasons}, {} {what}",
            self.read, self.processed, self.emitted
        )
    }
}

/// A failure of one document, with the reason to count it under.
#[derive(Debug)]
pub struct DocFailure {
    pub reason: &'static str,
    pub message: String,
}

/// Run `work` over every document of `inputs`; `emit` receives each result in
/// input order and returns how many items it wrote; `report` receives one
/// line per failure.
///
/// # Errors
/// When `emit` fails to write (a closed pipe, a full disk).
pub fn run<T: Send>(
    inputs: &[Input],
    limits: &Limits,
    work: impl Fn(&RawDoc) -> Result<T, DocFailure> + Sync,
    emit: impl FnMut(T) -> io::Result<usize>,
    report: impl FnMut(&str),
) -> io::Result<Summary> {
    run_filtered(inputs, limits, |_| true, work, emit, report)
}

/// [`run`], with `keep` asked first, on the reading thread, whether a
/// document needs work at all (documents it refuses count as skipped).
///
/// # Errors
/// When `emit` fails to write.
pub fn run_filtered<T: Send>(
    inputs: &[Input],
    limits: &Limits,
    mut keep: impl FnMut(&RawDoc) -> bool,
    work: impl Fn(&RawDoc) -> Result<T, DocFailure> + Sync,
    mut emit: impl FnMut(T) -> io::Result<usize>,
    mut report: impl FnMut(&str),
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut docs = documents(inputs, limits).peekable();
    let progress = progress_bar(inputs);
    while docs.peek().is_some() {
        let mut chunk = Vec::with_capacity(CHUNK);
        for item in docs.by_ref().take(CHUNK) {
            summary.read += 1;
            match item {
                Ok(raw) if keep(&raw) => chunk.push(raw),
                Ok(_) => summary.skipped += 1,
                Err(e) if e.kind().is_skip() => {
                    let n = summary.skip(e.kind().as_str());
                    if n <= SKIPS_NAMED {
                        progress.suspend(|| report(&skip_line(&e, n)));
                    }
                }
                Err(e) => {
                    summary.fail(e.kind().as_str());
                    progress.suspend(|| report(&e.to_string()));
                }
            }
        }
        progress.set_position(summary.read as u64);
        let results: Vec<(String, Result<T, DocFailure>)> =
            chunk.par_iter().map(|raw| (raw.origin.clone(), guarded(&work, raw))).collect();
        for (origin, r) in results {
            match r {
                Ok(t) => {
                    summary.processed += 1;
                    summary.emitted += emit(t)?;
                }
                Err(f) => {
                    summary.fail(f.reason);
                    progress.suspend(|| report(&format!("{origin}: {}", f.message)));
                }
            }
        }
    }
    progress.finish_and_clear();
    if summary.read == 0 {
        // An empty directory or JSONL file is almost always a wrong path or a
        // spool not yet filled: say so, and exit 2 (bad input), rather than succeed at
        // nothing.
        let names: Vec<String> = inputs.iter().map(ToString::to_string).collect();
        report(&format!("no documents found in {}", names.join(", ")));
        summary.bad_input = true;
    }
    Ok(summary)
}

/// `work` on one document, a panic in it (a defect of sitrep, never of the
/// input) being that document's failure rather than the end of the batch:
/// the other documents of its chunk and of the batch are still worked on.
fn guarded<T>(work: &impl Fn(&RawDoc) -> Result<T, DocFailure>, raw: &RawDoc) -> Result<T, DocFailure> {
    unpanicked(|| work(raw)).unwrap_or_else(|message| Err(DocFailure { reason: INTERNAL, message }))
}

/// The reason a document that met a defect is counted under.
pub(crate) const INTERNAL: &str = "internal error";

/// `f`'s result, or the message of a panic in it, said as a defect to
/// report. The panic hook has already printed where it happened; what `f`
/// works on is read-only (the pipeline's shared data), so nothing is left
/// half-changed. Every caller that puts documents through the pipeline
/// (batches, the server's ingest, `watch`) goes through this.
pub(crate) fn unpanicked<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("internal error, please report it: {what}")
    })
}

/// The line naming the `n`th item skipped for its reason, with what it is
/// and why; the last one named says that further ones are only counted.
fn skip_line(e: &sitrep_ingest::IngestError, n: usize) -> String {
    let more = if n == SKIPS_NAMED { " (further skips of this kind are counted, not named)" } else { "" };
    format!("{e}: skipped{more}")
}

/// The progress line when the number of documents is known, and when not.
const KNOWN: &str = "{bar:30} {pos}/{len} documents, {per_sec}, {elapsed}, about {eta} left";
const UNKNOWN: &str = "{spinner} {pos} documents read, {per_sec}, {elapsed}";

/// A progress line on standard error, drawn only when it is a terminal
/// (indicatif checks) and only once a run lasts: short runs stay quiet. With
/// the number of documents known, a bar with the time left; the inputs are
/// counted only when the line will be seen.
fn progress_bar(inputs: &[Input]) -> ProgressBar {
    let expected = if io::stderr().is_terminal() { sitrep_ingest::expected_documents(inputs) } else { None };
    let (bar, template) = match expected {
        Some(n) => (ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr_with_hz(4)), KNOWN),
        None => (ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4)), UNKNOWN),
    };
    bar.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner()));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic while working on one document fails that document alone.
    #[test]
    fn a_panicking_document_fails_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("in.jsonl");
        std::fs::write(&path, "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"boom\",\"text\":\"Two.\"}\n{\"id\":\"c\",\"text\":\"Three.\"}\n")
            .expect("write");
        let work = |raw: &RawDoc| {
            assert_ne!(raw.id.as_str(), "boom", "a defect");
            Ok(raw.id.to_string())
        };
        let (mut done, mut said) = (Vec::new(), Vec::new());
        let summary = run(
            &[Input::Path(path)],
            &Limits::default(),
            work,
            |id| {
                done.push(id);
                Ok(1)
            },
            |line| said.push(line.to_owned()),
        )
        .expect("the batch runs");
        assert_eq!(done, ["a", "c"]);
        assert_eq!((summary.read, summary.processed, summary.failed.get("internal error")), (3, 2, Some(&1)));
        assert!(said.iter().any(|l| l.contains("in.jsonl:2") && l.contains("a defect")), "{said:?}");
    }

    #[test]
    fn progress_templates_parse() {
        for t in [KNOWN, UNKNOWN] {
            assert!(ProgressStyle::with_template(t).is_ok(), "{t}");
        }
    }
}
