//! Why an input could not become a document.
//!
//! An [`IngestError`] names the input (a path, `-` for standard input) and,
//! for JSONL, the line; its [`Problem`] says what was wrong and
//! [`Problem::kind`] gives a fieldless [`ErrorKind`] the command line can count
//! and map to exit codes.

use std::fmt;
use std::io;

use thiserror::Error;

/// One input that could not be read as a document. The batch goes on.
#[derive(Debug, Error)]
pub struct IngestError {
    /// The input as given or found: a path, or `-` for standard input.
    pub origin: String,
    /// The 1-based line, for JSONL inputs.
    pub line: Option<u64>,
    #[source]
    pub problem: Problem,
}

impl IngestError {
    pub(crate) fn new(origin: impl Into<String>, problem: Problem) -> Self {
        Self { origin: origin.into(), line: None, problem }
    }

    pub(crate) fn at_line(origin: impl Into<String>, line: u64, problem: Problem) -> Self {
        Self { origin: origin.into(), line: Some(line), problem }
    }

    /// The reason, without its details, for counting.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        self.problem.kind()
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.origin, line, self.problem),
            None => write!(f, "{}: {}", self.origin, self.problem),
        }
    }
}

/// What was wrong with an input.
#[derive(Debug, Error)]
pub enum Problem {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Unreadable(#[source] io::Error),
    #[error("binary content: NUL byte at byte offset {offset}")]
    NulByte { offset: u64 },
    #[error("binary content: {percent}% of the first {sampled} bytes are control bytes")]
    ControlBytes { percent: u32, sampled: usize },
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { offset: u64 },
    #[error("empty document")]
    Empty,
    #[error("no JSON records")]
    NoRecords,
    #[error("{size} bytes is larger than the limit of {limit} bytes")]
    TooLarge { size: u64, limit: usize },
    #[error("line is longer than the limit of {limit} bytes")]
    LineTooLong { limit: usize },
    /// A stream of unknown size (standard input) that ran past the limit.
    #[error("input is larger than the limit of {limit} bytes")]
    StreamTooLarge { limit: usize },
    #[error("decompressed data is larger than the limit of {limit} bytes")]
    DecompressedTooLarge { limit: usize },
    #[error("invalid gzip data: {0}")]
    BadCompression(#[source] io::Error),
    #[error("invalid JSON: {message} (column {column})")]
    InvalidJson { message: String, column: usize },
    #[error("JSON record has neither \"text\" nor \"html\"")]
    NoText,
    #[error("cannot decode as {encoding}: too many invalid bytes")]
    BadEncoding { encoding: &'static str },
    #[error("not an HTML page ({content_type})")]
    NotHtml { content_type: String },
    #[error("HTTP status {status}")]
    HttpStatus { status: u16 },
    #[error("malformed WARC record: {reason}")]
    BadRecord { reason: String },
    #[error("truncated {what}")]
    Truncated { what: &'static str },
    #[error("invalid feed: {message}")]
    InvalidFeed { message: String },
    #[error("fetching failed: {message}")]
    Network { message: String },
    #[error("refused to fetch from {host}: {address} is not a public address (allow private hosts to fetch it)")]
    PrivateHost { host: String, address: String },
}

/// The reason an input failed, without details: for counting and exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// A path that does not exist (bad usage when given on the command line).
    NotFound,
    /// An I/O failure: permissions, a directory that cannot be listed.
    Unreadable,
    /// NUL bytes or mostly control bytes.
    Binary,
    InvalidUtf8,
    /// Nothing but whitespace, or a JSONL input without records.
    Empty,
    /// Larger than `Limits::max_doc_bytes` or `Limits::max_decompressed_bytes`.
    TooLarge,
    BadCompression,
    InvalidJson,
    /// A JSONL record without `text` or `html`.
    NoText,
    /// Bytes that do not decode in the page's encoding.
    BadEncoding,
    /// A WARC record or fetched URL that is not an HTML page (an image, a PDF).
    NotHtml,
    /// A response other than 2xx.
    HttpStatus,
    /// A WARC record whose header cannot be read.
    BadRecord,
    /// An input that ends inside a record.
    Truncated,
    /// A feed that neither RSS, Atom nor RDF parses.
    InvalidFeed,
    /// A URL that could not be fetched (refused, timed out, too many retries).
    Network,
    /// A URL whose host is this machine or a private network's.
    PrivateHost,
}

impl ErrorKind {
    /// A stable snake-case name for counts and logs.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Unreadable => "unreadable",
            Self::Binary => "binary",
            Self::InvalidUtf8 => "invalid_utf8",
            Self::Empty => "empty",
            Self::TooLarge => "too_large",
            Self::BadCompression => "bad_compression",
            Self::InvalidJson => "invalid_json",
            Self::NoText => "no_text",
            Self::BadEncoding => "bad_encoding",
            Self::NotHtml => "not_html",
            Self::HttpStatus => "http_status",
            Self::BadRecord => "bad_record",
            Self::Truncated => "truncated",
            Self::InvalidFeed => "invalid_feed",
            Self::Network => "network",
            Self::PrivateHost => "private_host",
        }
    }

    /// True when the user named something that cannot work at all (exit code 2
    /// in `docs/cli.md`): a path that does not exist.
    #[must_use]
    pub fn is_bad_usage(self) -> bool {
        matches!(self, Self::NotFound)
    }

    /// True for items a source passes over by design rather than fails on:
    /// archive records and fetched URLs that are not HTML pages or not
    /// successful responses. A batch counts them as skipped, not failed.
    #[must_use]
    pub fn is_skip(self) -> bool {
        matches!(self, Self::NotHtml | Self::HttpStatus)
    }
}

impl Problem {
    /// The reason without its details.
    #[must_use]
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::NotFound => ErrorKind::NotFound,
            Self::Unreadable(_) => ErrorKind::Unreadable,
            Self::NulByte { .. } | Self::ControlBytes { .. } => ErrorKind::Binary,
            Self::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            Self::Empty | Self::NoRecords => ErrorKind::Empty,
            Self::TooLarge { .. }
            | Self::LineTooLong { .. }
            | Self::StreamTooLarge { .. }
            | Self::DecompressedTooLarge { .. } => ErrorKind::TooLarge,
            Self::BadCompression(_) => ErrorKind::BadCompression,
            Self::InvalidJson { .. } => ErrorKind::InvalidJson,
            Self::NoText => ErrorKind::NoText,
            Self::BadEncoding { .. } => ErrorKind::BadEncoding,
            Self::NotHtml { .. } => ErrorKind::NotHtml,
            Self::HttpStatus { .. } => ErrorKind::HttpStatus,
            Self::BadRecord { .. } => ErrorKind::BadRecord,
            Self::Truncated { .. } => ErrorKind::Truncated,
            Self::InvalidFeed { .. } => ErrorKind::InvalidFeed,
            Self::Network { .. } => ErrorKind::Network,
            Self::PrivateHost { .. } => ErrorKind::PrivateHost,
        }
    }

    /// Classify an I/O error met while opening or reading.
    pub(crate) fn from_io(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => Self::NotFound,
            io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof => Self::BadCompression(e),
            _ => Self::Unreadable(e),
        }
    }

    /// A serde_json error without its "at line 1 column N" suffix: the line
    /// is the JSONL line, which the error names already.
    pub(crate) fn from_json(e: &serde_json::Error) -> Self {
        let full = e.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => full[..at].to_owned(),
            None => full,
        };
        Self::InvalidJson { message, column: e.column() }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn display_names_input_and_line() {
        let e = serde_json::from_str::<serde_json::Value>("{\"a\": }").unwrap_err();
        let err = IngestError::at_line("path/to/file.jsonl", 17, Problem::from_json(&e));
        assert_eq!(err.to_string(), "path/to/file.jsonl:17: invalid JSON: expected value (column 7)");
        assert_eq!(err.kind(), ErrorKind::InvalidJson);
    }

    #[test]
    fn only_missing_paths_are_bad_usage() {
        assert!(ErrorKind::NotFound.is_bad_usage());
        assert!(!ErrorKind::InvalidJson.is_bad_usage());
    }
}
