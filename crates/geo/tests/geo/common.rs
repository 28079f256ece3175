//! Helpers shared by the integration tests: a document from plain text with a
//! simple segmentation (the cleaner's segmenter is another stage's job), and
//! the path of the project's `shared/` directory when it is present.

#![allow(dead_code)]

use std::path::PathBuf;

use sitrep_model::{Doc, DocId, Paragraph, Sentence, Span};

/// `shared/` beside the checkout, if present.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.is_dir().then_some(dir)
}

/// Sentence spans of one paragraph: ends at ". ", "! " or "? " followed by
/// a capital or a digit, and at the paragraph's end.
fn sentences(text: &str, para: Span, index: usize, out: &mut Vec<Sentence>) {
    let body = &text[para.start..para.end];
    let bytes = body.as_bytes();
    let mut start = 0;
    for i in 1..bytes.len().saturating_sub(1) {
        let ends = matches!(bytes[i - 1], b'.' | b'!' | b'?') && bytes[i] == b' ';
        if ends && (bytes[i + 1].is_ascii_uppercase() || bytes[i + 1].is_ascii_digit()) {
            out.push(Sentence { span: Span::new(para.start + start, para.start + i), paragraph: index });
            start = i + 1;
        }
    }
    out.push(Sentence { span: Span::new(para.start + start, para.end), paragraph: index });
}

/// A document whose paragraphs are the non-empty lines of `text`.
pub fn doc(id: &str, text: &str) -> Doc {
    let mut paragraphs = Vec::new();
    let mut sents = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            let span = Span::new(at, at + trimmed.len());
            sentences(text, span, paragraphs.len(), &mut sents);
            paragraphs.push(Paragraph { span });
        }
        at += line.len();
    }
    Doc { paragraphs, sentences: sents, ..Doc::bare(DocId::new(id), text) }
}
