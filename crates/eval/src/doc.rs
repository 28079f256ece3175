//! The documents the sentence and XML scorers build themselves: plain text
//! made a document without the cleaner (one paragraph, the given
//! sentences), and one coded sentence run through the pipeline.

use sitrep_model::{Doc, DocId, Format, Hints, Paragraph, RawDoc, Sentence, Span};
use sitrep_pipeline::{Pipeline, Processed};

/// A document of `text` as it is: one paragraph holding `sentences`.
pub(crate) fn bare_doc(id: &str, text: &str, sentences: Vec<Sentence>) -> Doc {
    Doc { paragraphs: vec![Paragraph { span: Span::new(0, text.len()) }], sentences, ..Doc::bare(DocId::new(id), text) }
}

/// The pipeline on one coded sentence (PLOVER, PETRARCH2). A sentence the
/// cleaner refuses (it judges whole articles, and a lone sentence can look
/// like boilerplate) is taken as it is: one paragraph, one sentence.
pub(crate) fn process_sentence(pipeline: &Pipeline<'_>, id: &str, text: &str) -> Processed {
    let raw = RawDoc {
        id: DocId::new(id),
        origin: id.to_owned(),
        format: Format::Text,
        body: text.to_owned(),
        hints: Hints::default(),
    };
    pipeline.process(&raw).unwrap_or_else(|_| {
        let sentence = Sentence { span: Span::new(0, text.len()), paragraph: 0 };
        pipeline.process_clean(bare_doc(id, text, vec![sentence]))
    })
}
