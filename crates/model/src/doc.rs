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
    fn sentence_at_finds_the_enclosing_sentence() {
        let d = doc();
        assert_eq!(d.sentence_at(0), Some(0));
        assert_eq!(d.sentence_at(6), Some(1));
        assert_eq!(d.sentence_at(4), None, "the gap between sentences");
        assert_eq!(d.sentence_at(99), None);
    }
}
