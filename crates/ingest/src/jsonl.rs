//! JSONL inputs, read one line at a time so that a file of any length runs in
//! the memory of its longest line (itself capped at `max_doc_bytes`).
//!
//! Each line is `{"id", "text" or "html", "url", "title", "published",
//! "outlet"}`; other fields are ignored. A bad line is an error item naming
//! the line; the lines after it are still read.

use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;
use sitrep_model::{DocId, Format, Hints, RawDoc};

use crate::error::{IngestError, Problem};
use crate::published::{parse_epoch_seconds, parse_published};
use crate::text::check_not_binary;

/// One JSONL record as written; every field optional so that a missing one
/// is reported by us, with the line, rather than by serde.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<Value>,
    text: Option<String>,
    html: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<Value>,
    outlet: Option<String>,
}

/// A line as read: its bytes, or the fact that it was too long.
enum Line {
    Bytes(Vec<u8>),
    TooLong,
}

/// The records of one JSONL input, as an iterator of documents.
pub(crate) struct JsonlStream {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    stem: String,
    max_line: usize,
    line_no: u64,
    /// Bytes consumed before the current line (for UTF-8 error offsets).
    offset: u64,
    records: u64,
    done: bool,
}

impl JsonlStream {
    /// Start reading; a binary-looking first block ends the input at once.
    pub(crate) fn new(
        mut reader: Box<dyn BufRead + Send>,
        origin: String,
        stem: String,
        max_line: usize,
    ) -> Result<Self, IngestError> {
        let head = reader.fill_buf().map_err(|e| IngestError::new(&origin, crate::open::problem_of(e)))?;
        check_not_binary(head).map_err(|p| IngestError::new(&origin, p))?;
        Ok(Self { reader, origin, stem, max_line, line_no: 0, offset: 0, records: 0, done: false })
    }

    /// Read up to and including the next `\n`, keeping at most `max_line`
    /// bytes; `None` at the end of input.
    fn read_line(&mut self) -> Result<Option<Line>, Problem> {
        let mut buf = Vec::new();
        let mut too_long = false;
        loop {
            let chunk = self.reader.fill_buf().map_err(crate::open::problem_of)?;
            if chunk.is_empty() {
                return Ok(self.finish_line(buf, too_long));
            }
            let (take, ends) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long && buf.len() + take <= self.max_line {
                buf.extend_from_slice(&chunk[..take]);
            } else {
                too_long = true;
                buf.clear();
            }
            self.reader.consume(take);
            self.offset += take as u64;
            if ends {
                return Ok(self.finish_line(buf, too_long));
            }
        }
    }

    /// The line read, or `None` when nothing was left (`buf` holds at least
    /// the newline of any line that was there).
    fn finish_line(&mut self, buf: Vec<u8>, too_long: bool) -> Option<Line> {
        if too_long {
            self.line_no += 1;
            return Some(Line::TooLong);
        }
        if buf.is_empty() {
            return None;
        }
        self.line_no += 1;
        Some(Line::Bytes(buf))
    }

    fn error(&self, problem: Problem) -> IngestError {
        IngestError::at_line(&self.origin, self.line_no, problem)
    }

    /// Parse one non-blank line into a document.
    fn parse(&self, bytes: &[u8], line_start: u64) -> Result<RawDoc, Problem> {
        let text = std::str::from_utf8(bytes)
            .map_err(|e| Problem::InvalidUtf8 { offset: line_start + e.valid_up_to() as u64 })?;
        let record: Record = serde_json::from_str(text).map_err(|e| Problem::from_json(&e))?;
        self.to_doc(record)
    }

    fn to_doc(&self, r: Record) -> Result<RawDoc, Problem> {
        let (format, body) = match (r.text, r.html) {
            (Some(text), _) if !text.trim().is_empty() => (Format::Text, text),
            (_, Some(html)) if !html.trim().is_empty() => (Format::Html, html),
            (Some(_), _) | (_, Some(_)) => return Err(Problem::Empty),
            (None, None) => return Err(Problem::NoText),
        };
        let id = id_of(r.id).unwrap_or_else(|| format!("{}:{}", self.stem, self.line_no));
        let hints = Hints {
            title: non_blank(r.title),
            published: r.published.as_ref().and_then(published_of),
            outlet: non_blank(r.outlet),
            url: non_blank(r.url),
        };
        let origin = format!("{}:{}", self.origin, self.line_no);
        Ok(RawDoc { id: DocId::new(id), origin, format, body, hints })
    }
}

impl Iterator for JsonlStream {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let line_start = self.offset;
            let line = match self.read_line() {
                Ok(Some(line)) => line,
                Ok(None) => return self.end(),
                Err(problem) => {
                    // The error is in the line being read, not yet counted.
                    self.done = true;
                    return Some(Err(IngestError::at_line(&self.origin, self.line_no + 1, problem)));
                }
            };
            let bytes = match line {
                Line::TooLong => {
                    // A record, if one too long to read: the input is not
                    // empty, and its end must not say so.
                    self.records += 1;
                    return Some(Err(self.error(Problem::LineTooLong { limit: self.max_line })));
                }
                Line::Bytes(bytes) => bytes,
            };
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.records += 1;
            let content = bytes.trim_ascii_end();
            return Some(self.parse(content, line_start).map_err(|p| self.error(p)));
        }
        None
    }
}

impl JsonlStream {
    /// At the end of input: an input without a single record is an error.
    fn end(&mut self) -> Option<Result<RawDoc, IngestError>> {
        self.done = true;
        (self.records == 0).then(|| Err(IngestError::new(&self.origin, Problem::NoRecords)))
    }
}

/// The `id` field: a string or a number; anything else counts as missing.
fn id_of(v: Option<Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s),
        Value::Number(n) => {
            Some(DocId::from_json_number(&n).map_or_else(|| n.to_string(), |id| id.as_str().to_owned()))
        }
        _ => None,
    }
}

fn published_of(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::String(s) => parse_published(s),
        Value::Number(n) => n.as_i64().and_then(parse_epoch_seconds),
        _ => None,
    }
}

fn non_blank(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use std::io::Cursor;

    fn stream(input: &str, max_line: usize) -> JsonlStream {
        let reader = Box::new(Cursor::new(input.as_bytes().to_vec()));
        JsonlStream::new(reader, "in.jsonl".into(), "in".into(), max_line).unwrap()
    }

    fn summary(input: &str) -> Vec<String> {
        summary_at(input, 1000)
    }

    fn summary_at(input: &str, max_line: usize) -> Vec<String> {
        stream(input, max_line)
            .map(|r| match r {
                Ok(d) => format!("ok {} {:?} {:?} {:?}", d.id, d.format, d.hints.published, d.origin),
                Err(e) => format!("err {e}"),
            })
            .collect()
    }

    #[test]
    fn records_and_errors_by_line() {
        let input = concat!(
            "{\"id\": \"a\", \"text\": \"Alpha.\", \"published\": \"2016-01-21\"}\n",
            "\n",
            "{\"text\": \"No id.\"}\r\n",
            "{\"id\": 7, \"html\": \"<p>Seven</p>\", \"published\": \"soon\"}\n",
            "{\"id\": \"b\", \"text\": \n",
            "{\"id\": \"c\"}\n",
            "{\"id\": \"d\", \"text\": \"  \"}\n",
            "{\"id\": 8.0, \"text\": \"Eight, a whole number written as a float.\"}\n",
            "{\"id\": \"e\", \"text\": \"Last, no newline.\"}",
        );
        assert_eq!(
            summary(input),
            [
                "ok a Text Some(2016-01-21) \"in.jsonl:1\"",
                "ok in:3 Text None \"in.jsonl:3\"",
                "ok 7 Html None \"in.jsonl:4\"",
                "err in.jsonl:5: invalid JSON: EOF while parsing a value (column 19)",
                "err in.jsonl:6: JSON record has neither \"text\" nor \"html\"",
                "err in.jsonl:7: empty document",
                "ok 8 Text None \"in.jsonl:8\"",
                "ok e Text None \"in.jsonl:9\"",
            ]
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let mut bytes = b"{\"text\": \"ok\"}\n{\"text\": \"bad ".to_vec();
        bytes.extend_from_slice(b"\xff\"}\n");
        let reader = Box::new(Cursor::new(bytes));
        let got: Vec<String> = JsonlStream::new(reader, "x.jsonl".into(), "x".into(), 1000)
            .unwrap()
            .filter_map(|r| r.err().map(|e| e.to_string()))
            .collect();
        assert_eq!(got, ["x.jsonl:2: invalid UTF-8 at byte offset 29"]);
    }

    #[test]
    fn an_overlong_line_is_skipped_and_reading_goes_on() {
        let long = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"short\"}}\n", "x".repeat(200));
        let got: Vec<bool> = stream(&long, 100).map(|r| r.is_ok()).collect();
        assert_eq!(got, [false, true]);
        let err = stream(&long, 100).next().unwrap().unwrap_err();
        assert_eq!(err.to_string(), "in.jsonl:1: line is longer than the limit of 100 bytes");
        // One overlong record alone is one failure, not a second "no records".
        let alone = format!("{{\"text\": \"{}\"}}", "x".repeat(200));
        assert_eq!(summary_at(&alone, 100), ["err in.jsonl:1: line is longer than the limit of 100 bytes"]);
    }

    #[test]
    fn no_records_is_an_error() {
        assert_eq!(summary("\n  \n"), ["err in.jsonl: no JSON records"]);
    }
}
