//! Documents before and after cleaning.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::span::Span;

/// A document's identifier: the JSONL `id`, or the file stem of a text file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    #[must_use]
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id a JSON number names, when it is a whole number that fits 64
    /// bits, from -(2^63 - 1) to 2^64 - 1. JSON Schema counts `7.0` an
    /// integer, so it is the id `7`. A number the reader had to round could
    /// name two documents, so it names none; as one beyond either bound
    /// rounds onto the bound, both bounds are open to floats.
    #[must_use]
    pub fn from_json_number(n: &serde_json::Number) -> Option<Self> {
        const TWO_TO_63: f64 = 9_223_372_036_854_775_808.0;
        const TWO_TO_64: f64 = 18_446_744_073_709_551_616.0;
        if n.is_u64() || n.as_i64().is_some_and(|i| i > i64::MIN) {
            return Some(Self(n.to_string()));
        }
        let f = n.as_f64().filter(|f| f.fract() == 0.0 && *f > -TWO_TO_63 && *f < TWO_TO_64)?;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let s = if f < 0.0 { (f as i64).to_string() } else { (f as u64).to_string() };
        Some(Self(s))
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the bytes of a [`RawDoc`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, possibly with markdown link remnants (the seed's shape).
    Text,
    /// An HTML page.
    Html,
}

/// Metadata a source already knows before the text is read (JSONL fields,
/// feed entries). The cleaner prefers what it reads from the text only where
/// a hint is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hints {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// A document as read from its source, not yet cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    pub id: DocId,
    /// Where it came from, for error messages: a path, `path:line` for JSONL,
    /// or `-` for standard input.
    pub origin: String,
    pub format: Format,
    /// The document's text, already decoded to UTF-8.
    pub body: String,
    pub hints: Hints,
}

/// A paragraph of the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
}

/// A sentence of the clean text, with the index of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// A cleaned document: main content only, metadata read, text segmented.
///
/// Invariant: every paragraph and sentence span lies inside `text`, on
/// character boundaries, in increasing order, without overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    pub id: DocId,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub url: Option<String>,
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Doc {
    /// A document of `text` with no metadata, paragraphs or sentences, for
    /// callers that read text without cleaning it (evaluations, tests) and
    /// set the structure they need.
    #[must_use]
    pub fn bare(id: DocId, text: impl Into<String>) -> Self {
        Doc {
            id,
            title: None,
            published: None,
            outlet: None,
            byline: None,
            url: None,
            text: text.into(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// The text of a span of this document ("" if the span does not fit).
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// The index of the sentence that contains byte `offset`, if any.
    #[must_use]
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences.get(i).filter(|s| s.span.start <= offset).map(|_| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Doc {
        Doc {
            paragraphs: vec![Paragraph { span: Span::new(0, 15) }],
            sentences: vec![
                Sentence { span: Span::new(0, 4), paragraph: 0 },
                Sentence { span: Span::new(5, 15), paragraph: 0 },
            ],
            ..Doc::bare(DocId::new("d"), "One. Two three.")
        }
    }

    #[test]
    fn json_numbers_name_ids_when_whole_and_64_bit() {
        let cases = [
            ("7", Some("7")),
            ("-3", Some("-3")),
            ("903542841.0", Some("903542841")),
            ("-0.0", Some("0")),
            ("18446744073709551615", Some("18446744073709551615")),
            ("-9223372036854775807", Some("-9223372036854775807")),
            ("-9223372036854775808", None),
            ("-9223372036854775809", None),
            ("18446744073709551616", None),
            ("1e19", Some("10000000000000000000")),
            ("1.5", None),
            ("25079226169849947357184", None),
            ("1.8446744073709552e19", None),
            ("-1e19", None),
        ];
        for (text, want) in cases {
            let n: serde_json::Number = serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(DocId::from_json_number(&n).as_ref().map(DocId::as_str), want, "{text}");
        }
    }

    #[test]
    fn sentence_at_finds_the_enclosing_sentence() {
        let d = doc();
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(6), Some(1));
        assert_eq!(d.sentence_at(4), None, "the gap between sentences");
        assert_eq!(d.sentence_at(99), None);
    }
}
