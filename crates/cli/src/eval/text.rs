//! What the evaluations of XML and one-sentence gold sets share: reading a
//! tag's text out of a record, and a document built from plain text without
//! the cleaner (one paragraph, the given sentences).

use sitrep_model::{Doc, DocId, Paragraph, Sentence};

/// The text between the first `open` and the `close` after it.
pub(crate) fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

/// XML's five predefined entities, decoded.
pub(crate) fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// A document of `text` as it is: one paragraph holding `sentences`.
pub(crate) fn bare_doc(id: &str, text: &str, sentences: Vec<Sentence>) -> Doc {
    Doc {
        paragraphs: vec![Paragraph { span: sitrep_model::Span::new(0, text.len()) }],
        sentences,
        ..Doc::bare(DocId::new(id), text)
    }
}
