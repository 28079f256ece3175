//! WARC archives (ISO 28500; Common Crawl's news crawl is WARC 1.0/1.1 in
//! gzip members), read as a stream: one record's header, then its body up
//! to the document limit (the rest is read past, never held), then the
//! next record. `response` records that hold a successful HTML page become
//! documents; other response records are skipped with a counted reason
//! (not HTML, HTTP status); `request`, `metadata`, `warcinfo` and the other
//! record types are not documents and pass silently.
//!
//! Hand-written rather than the `warc` crate's reader: that one reads a
//! whole record (and each header line) into memory without a limit and
//! cannot step past an oversized body, and its length arithmetic overflows
//! on a hostile `Content-Length`. A malformed record is reported, and the
//! reader looks for the next `WARC/` header line within a bounded distance.

use std::io::{self, BufRead, Read};

use sitrep_model::{DocId, Format, Hints, RawDoc};

use crate::error::{IngestError, Problem};
use crate::http::{self, Response};

/// The longest header line, and the most header bytes, a record may have.
const MAX_HEADER_LINE: usize = 16 * 1024;
const MAX_HEADER_BYTES: usize = 256 * 1024;
/// How far past garbage the next record header is looked for.
const MAX_RESYNC_BYTES: u64 = 64 << 20;

/// The records of one WARC input, as documents.
pub(crate) struct WarcStream {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    max_doc: usize,
    record: u64,
    /// The current record's target URI, to name it in errors.
    uri: Option<String>,
    done: bool,
}

/// A record's WARC header fields that matter here.
#[derive(Debug, Default)]
struct Header {
    kind: String,
    length: u64,
    uri: Option<String>,
    id: Option<String>,
    content_type: String,
}

/// Why a record failed: the record alone (the stream is at the next
/// record, or can find it), or the input (it cannot be read further).
enum Failure {
    Record(Problem),
    Input(Problem),
}

impl From<Problem> for Failure {
    /// A problem met while reading the stream ends the input unless it is
    /// a malformed header, after which the next header is looked for.
    fn from(p: Problem) -> Self {
        match p {
            Problem::BadRecord { ref reason } if !reason.starts_with("no WARC") => Self::Record(p),
            Problem::TooLarge { .. } => Self::Record(p),
            other => Self::Input(other),
        }
    }
}

/// How reading one record ended.
enum Step {
    Doc(RawDoc),
    /// Not a document (a request, metadata…): read on.
    Pass,
    End,
}

impl WarcStream {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, origin: String, max_doc: usize) -> Self {
        Self { reader, origin, max_doc, record: 0, uri: None, done: false }
    }

    /// The error of the current record, named by archive, record number
    /// and (when the record has one) target URI.
    fn error(&self, problem: Problem) -> IngestError {
        let place = match &self.uri {
            Some(uri) => format!("{}#{} ({uri})", self.origin, self.record),
            None => format!("{}#{}", self.origin, self.record),
        };
        IngestError::new(place, problem)
    }

    /// Read one record. Errors that leave the stream at a record boundary
    /// are per record; others end the input (`done`).
    fn step(&mut self) -> Result<Step, Failure> {
        self.uri = None;
        let Some(header) = self.header()? else { return Ok(Step::End) };
        self.record += 1;
        self.uri.clone_from(&header.uri);
        let wanted = header.kind == "response" || header.kind == "resource";
        if !wanted {
            self.skip_body(header.length)?;
            return Ok(Step::Pass);
        }
        let cap = self.max_doc.saturating_add(MAX_HEADER_BYTES);
        if header.length > u64::try_from(cap).unwrap_or(u64::MAX) {
            self.skip_body(header.length)?;
            return Err(Problem::TooLarge { size: header.length, limit: self.max_doc }.into());
        }
        let body = self.read_body(header.length)?;
        self.to_doc(&header, &body).map(Step::Doc).map_err(Failure::Record)
    }

    /// The next record's header, skipping the blank lines between records
    /// and (reporting nothing) leading garbage up to the resync limit.
    fn header(&mut self) -> Result<Option<Header>, Problem> {
        let mut skipped = 0u64;
        let first = loop {
            let Some(line) = read_line(&mut self.reader, MAX_HEADER_LINE)? else { return Ok(None) };
            if line.starts_with(b"WARC/") {
                break line;
            }
            skipped += line.len() as u64;
            if skipped > MAX_RESYNC_BYTES {
                return Err(Problem::BadRecord { reason: "no WARC header found".into() });
            }
        };
        let _version = first;
        let mut h = Header::default();
        let mut total = 0;
        let mut has_length = false;
        loop {
            let line =
                read_line(&mut self.reader, MAX_HEADER_LINE)?.ok_or(Problem::Truncated { what: "WARC header" })?;
            total += line.len();
            if total > MAX_HEADER_BYTES {
                return Err(Problem::BadRecord { reason: "header too long".into() });
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end();
            if text.is_empty() {
                break;
            }
            has_length |= h.field(text)?;
        }
        if !has_length {
            return Err(Problem::BadRecord { reason: "no Content-Length".into() });
        }
        Ok(Some(h))
    }

    fn read_body(&mut self, length: u64) -> Result<Vec<u8>, Problem> {
        let mut body = Vec::new();
        (&mut self.reader).take(length).read_to_end(&mut body).map_err(crate::open::problem_of)?;
        if (body.len() as u64) < length {
            return Err(Problem::Truncated { what: "WARC record" });
        }
        Ok(body)
    }

    fn skip_body(&mut self, length: u64) -> Result<(), Problem> {
        let copied =
            io::copy(&mut (&mut self.reader).take(length), &mut io::sink()).map_err(crate::open::problem_of)?;
        if copied < length {
            return Err(Problem::Truncated { what: "WARC record" });
        }
        Ok(())
    }

    fn to_doc(&self, header: &Header, body: &[u8]) -> Result<RawDoc, Problem> {
        let is_http = header.content_type.to_ascii_lowercase().starts_with("application/http");
        let response = if is_http {
            http::parse_response(body, self.max_doc)?
        } else {
            Response { status: 200, content_type: Some(header.content_type.clone()), body: body.to_vec() }
        };
        let text = http::html_text(&response, header.uri.as_deref())?;
        let id = header.id.clone().or_else(|| header.uri.clone()).unwrap_or_else(|| format!("record-{}", self.record));
        let hints = Hints { url: header.uri.clone(), ..Hints::default() };
        let origin = format!("{}#{}", self.origin, self.record);
        Ok(RawDoc { id: DocId::new(id), origin, format: Format::Html, body: text, hints })
    }
}

impl Header {
    /// Read one `Name: value` line; true when it was the length.
    fn field(&mut self, line: &str) -> Result<bool, Problem> {
        let Some((name, value)) = line.split_once(':') else { return Ok(false) };
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => self.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => self.uri = Some(value.trim_matches(['<', '>']).to_owned()),
            "warc-record-id" => self.id = Some(record_id(value)),
            "content-type" => self.content_type = value.to_owned(),
            "content-length" => {
                self.length =
                    value.parse().map_err(|_| Problem::BadRecord { reason: format!("Content-Length {value:?}") })?;
                return Ok(true);
            }
            _ => {}
        }
        Ok(false)
    }
}

/// `<urn:uuid:…>` → the uuid.
fn record_id(value: &str) -> String {
    let v = value.trim_matches(['<', '>']);
    v.strip_prefix("urn:uuid:").unwrap_or(v).to_owned()
}

/// One line (with its end) of at most `max` bytes; `None` at the end.
fn read_line(reader: &mut Box<dyn BufRead + Send>, max: usize) -> Result<Option<Vec<u8>>, Problem> {
    let mut line = Vec::new();
    let n = reader.take(max as u64).read_until(b'\n', &mut line).map_err(crate::open::problem_of)?;
    if n == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

impl Iterator for WarcStream {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.step() {
                Ok(Step::Doc(doc)) => return Some(Ok(doc)),
                Ok(Step::Pass) => {}
                Ok(Step::End) => self.done = true,
                Err(Failure::Record(p)) => return Some(Err(self.error(p))),
                Err(Failure::Input(p)) => {
                    self.done = true;
                    return Some(Err(self.error(p)));
                }
            }
        }
        None
    }
}
