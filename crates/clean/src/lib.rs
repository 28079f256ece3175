//! sitrep's second stage: from a [`RawDoc`] to a clean [`Doc`] — main text
//! only, metadata read from the header, paragraphs and sentences as byte
//! spans into the clean text.
//!
//! The steps, each in its own module:
//! 1. [`html`]: HTML pages are parsed, the article's container is found by
//!    scoring, and its blocks become the text; the page's metadata (title,
//!    date, outlet, author, canonical URL, language) is read from its markup.
//! 2. [`normalise`]: each line loses its markup (markdown links become their
//!    text, `<url>` remnants go) and its whitespace is collapsed.
//! 3. [`header`]: the lines before the first prose give title, byline,
//!    date and outlet, and are not body text.
//! 4. [`body`]: blocks of lines are judged by the boilerplate [`rules`]
//!    (one kind of furniture per file) and the tail heuristic.
//! 5. [`dateline`]: datelines and agency signatures inside the first and
//!    last paragraphs (pages flattened to one paragraph) are cut off.
//! 6. [`sentences`]: a rule-based splitter with an abbreviation list in
//!    `data/clean/abbreviations.txt`.
//!
//! A document that is only a headline (`<title> <agency> <date>`,
//! `<date> <title>`, a title the source's hint repeats) keeps the headline
//! as its text, one paragraph and one sentence: a headline reports an event.
//! Documents with nothing but furniture, dates or nothing at all fail.
//!
//! Speed: cleaning has a budget of about 150 instructions per byte of text
//! (the pipeline's is 5 MB/s per core). Regular expressions with bounded
//! repetitions of Unicode classes compile to automata larger than the work
//! they do, so datelines, signatures ([`agency`]), dates ([`dates`]) and
//! what follows a leading date ([`date_trail`]) are read by hand, with the
//! exact classes of [`charclass`]; keyword lists are Aho-Corasick automata
//! ([`phrases`]); the other expressions run, and compile, only where a cheap
//! test (a byte, a prefix, a length) says they can match. Each hand-written
//! reader is checked against the expression it replaces by a property test.
//!
//! Metadata precedence: a hint from the source (JSONL field, feed entry)
//! wins over what the text says. The clean text joins paragraphs with a
//! blank line; the title is not part of it.
//!
//! Invariant (from `model::Doc`): paragraph and sentence spans lie inside
//! the text, on character boundaries, in order, without overlap; sentences
//! lie inside their paragraph and carry no surrounding whitespace.

mod agency;
mod body;
mod charclass;
mod date_trail;
mod dateline;
mod dates;
mod entities;
mod header;
mod html;
mod inline_dateline;
mod normalise;
mod phrases;
mod rules;
mod sentences;
mod tag_list;

use std::ops::Range;

use sitrep_model::{Doc, Format, Paragraph, RawDoc, Sentence, Span};
use thiserror::Error;

pub use crate::html::PageMeta;

use crate::normalise::{count_words, Line};
use crate::rules::{ends_like_sentence, Unit};

/// Why a document has no clean text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum CleanError {
    /// Nothing but header, dates and furniture (or nothing at all) was
    /// left, not even a headline.
    #[error("{origin}: no main text left after cleaning")]
    NoText { origin: String },
}

/// Trailing fragments of at most this many words without a sentence end
/// ("Read Also", a reporter's name) are dropped from the last paragraph.
const MAX_FRAGMENT_WORDS: usize = 5;
/// At most this many trailing sentences are dropped that way.
const MAX_TRAILING_DROPS: usize = 4;

/// Clean one document.
///
/// # Errors
/// [`CleanError::NoText`] when no main text is left.
pub fn clean(raw: &RawDoc) -> Result<Doc, CleanError> {
    match raw.format {
        Format::Html => clean_page(raw).map(|p| p.doc),
        Format::Text => clean_text(raw, &raw.body),
    }
}

/// A cleaned HTML page: the document and everything the page said about
/// itself (its language, which `Doc` has no field for, among it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanPage {
    pub doc: Doc,
    pub meta: PageMeta,
}

/// Clean one HTML page (a text document is cleaned as text, with empty
/// page metadata).
///
/// # Errors
/// [`CleanError::NoText`] when no main text is left.
pub fn clean_page(raw: &RawDoc) -> Result<CleanPage, CleanError> {
    if raw.format == Format::Text {
        return clean_text(raw, &raw.body).map(|doc| CleanPage { doc, meta: PageMeta::default() });
    }
    let page = html::extract(&raw.body);
    if page.text.trim().is_empty() {
        // Nothing scored as an article (a fragment, a page of lists): keep
        // all visible text and let the plain-text steps judge it.
        let doc = clean_text(raw, &html::strip::to_text(&raw.body))?;
        return Ok(CleanPage { doc, meta: page.meta });
    }
    let lines = body::page_lines(&page.text);
    let paragraphs = body::paragraphs(&lines);
    let m = &page.meta;
    let known = Known {
        title: m.title.clone(),
        published: m.published,
        outlet: m.outlet.clone(),
        byline: m.author.clone(),
        url: m.url.clone(),
    };
    let doc = finish(raw, paragraphs, known)?;
    Ok(CleanPage { doc, meta: page.meta })
}

/// Clean plain text (or an HTML page flattened to text).
fn clean_text(raw: &RawDoc, source: &str) -> Result<Doc, CleanError> {
    let lines = body::page_lines(source);
    let refs: Vec<&Line> = lines.iter().map(|l| &l.line).collect();
    let header = header::read(&refs);
    let mut paragraphs = body::paragraphs(&lines[header.len..]);
    if paragraphs.is_empty() && header.len > 1 {
        paragraphs = body::paragraphs(&lines[1..]);
    }
    let outlet = header.outlet();
    let known = Known { title: header.title, published: header.published, outlet, byline: header.byline, url: None };
    finish(raw, paragraphs, known)
}

/// Metadata the source's own header or markup gave, before the hints and
/// the dateline are weighed.
#[derive(Debug, Default)]
struct Known {
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
    outlet: Option<String>,
    byline: Option<String>,
    url: Option<String>,
}

/// The steps after the body is chosen: dateline, signature, trailing
/// fragments, assembly. Hints win over what the source said, which wins
/// over the dateline.
fn finish(raw: &RawDoc, mut paragraphs: Vec<String>, known: Known) -> Result<Doc, CleanError> {
    let title_hint = raw.hints.title.as_deref().or(known.title.as_deref());
    let (lead, headline) = cut_lead(&mut paragraphs, title_hint);
    let signed_by = cut_signature(&mut paragraphs);
    let last_sentences = trim_trailing_fragments(&mut paragraphs);
    paragraphs.retain(|p| !p.is_empty());
    let (text, paragraph_spans, sentence_spans) = match headline {
        _ if !paragraphs.is_empty() => assemble(&paragraphs, last_sentences),
        Some(headline) => headline_only(headline),
        None => return Err(CleanError::NoText { origin: raw.origin.clone() }),
    };
    let hints = &raw.hints;
    Ok(Doc {
        id: raw.id.clone(),
        title: hints.title.clone().or(known.title).or(lead.title).map(|t| tidy_title(&t)),
        published: hints.published.or(known.published).or(lead.published),
        outlet: hints.outlet.clone().or(known.outlet).or(lead.agency).or(signed_by),
        byline: known.byline,
        url: hints.url.clone().or(known.url),
        text,
        paragraphs: paragraph_spans,
        sentences: sentence_spans,
    })
}

/// Cut the dateline off the first paragraph; what it told and the headline
/// it took, if any.
fn cut_lead(paragraphs: &mut [String], title_hint: Option<&str>) -> (dateline::Lead, Option<String>) {
    let Some(first) = paragraphs.first_mut() else { return (dateline::Lead::default(), None) };
    let lead = dateline::lead(first, title_hint);
    let headline = lead.headline.clone().map(|r| first[r].trim().to_owned()).filter(|h| !h.is_empty());
    first.drain(..lead.cut);
    (lead, headline)
}

/// The text of a document that is only a headline
/// (`<title> <agency> <date>`, `<date> <title>`): a headline reports an
/// event, so it is kept whole, as one paragraph and one sentence.
fn headline_only(headline: String) -> (String, Vec<Paragraph>, Vec<Sentence>) {
    let span = Span::new(0, headline.len());
    (headline, vec![Paragraph { span }], vec![Sentence { span, paragraph: 0 }])
}

/// Cut an agency signature off the last paragraph; the agency it names.
fn cut_signature(paragraphs: &mut [String]) -> Option<String> {
    let last = paragraphs.last_mut()?;
    let (len, agency) = dateline::signature(last)?;
    last.truncate(len);
    Some(agency)
}

/// Drop trailing furniture sentences, short unpunctuated fragments and
/// unpunctuated runs of title-case headlines from the last paragraph,
/// keeping at least its first sentence; the sentences of what is left.
fn trim_trailing_fragments(paragraphs: &mut [String]) -> Vec<Range<usize>> {
    let Some(last) = paragraphs.last_mut() else { return Vec::new() };
    // Cutting the last sentence leaves the others as they were split.
    let mut spans = sentences::split(last);
    for _ in 0..MAX_TRAILING_DROPS {
        let [.., _, tail] = spans.as_slice() else { break };
        let sentence = &last[tail.clone()];
        let unfinished = !ends_like_sentence(sentence);
        let fragment = unfinished && count_words(sentence) <= MAX_FRAGMENT_WORDS;
        // A run of linked headlines flattened into the text.
        let headlines = unfinished && header::is_title_case(sentence);
        if !fragment && !headlines && rules::furniture(&Unit::of_text(sentence)).is_none() {
            break;
        }
        let cut = last[..tail.start].trim_end().len();
        last.truncate(cut);
        spans.pop();
    }
    spans
}

/// Join paragraphs with a blank line and compute their spans and their
/// sentences' spans; the last paragraph's sentences are known already
/// (unless it was dropped for being empty, when `last` is empty).
fn assemble(paragraphs: &[String], mut last: Vec<Range<usize>>) -> (String, Vec<Paragraph>, Vec<Sentence>) {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.len() + 2).sum());
    let mut paragraph_spans = Vec::with_capacity(paragraphs.len());
    let mut sentence_spans = Vec::new();
    for (index, p) in paragraphs.iter().enumerate() {
        if index > 0 {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        paragraph_spans.push(Paragraph { span: Span::new(start, text.len()) });
        let spans = if index + 1 == paragraphs.len() && !last.is_empty() {
            std::mem::take(&mut last)
        } else {
            sentences::split(p)
        };
        sentence_spans.extend(
            spans.into_iter().map(|r| Sentence { span: Span::new(start + r.start, start + r.end), paragraph: index }),
        );
    }
    (text, paragraph_spans, sentence_spans)
}

/// A page title without a trailing site name ("Headline | Site",
/// "Headline - Site") and without surrounding whitespace.
fn tidy_title(title: &str) -> String {
    let title = normalise::collapse_whitespace(title);
    for sep in [" | ", " - ", " – ", " — "] {
        if let Some(at) = title.rfind(sep) {
            let (head, site) = (&title[..at], &title[at + sep.len()..]);
            if count_words(head) >= 3 && (1..=4).contains(&count_words(site)) {
                return head.to_owned();
            }
        }
    }
    title
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn titles_lose_site_names() {
        let cases = [
            ("Army retakes the hill | Example News", "Army retakes the hill"),
            ("Army retakes the hill - Example", "Army retakes the hill"),
            ("Turkey - Syria border clashes kill five", "Turkey - Syria border clashes kill five"),
            ("  Plain   title ", "Plain title"),
        ];
        for (raw, want) in cases {
            assert_eq!(tidy_title(raw), want);
        }
    }
}
