//! HTML pages: the article's text and the page's metadata.
//!
//! 1. [`dom`]: html5ever parses the page (as a browser would, whatever the
//!    markup) into a flat arena, after [`depth`] has cut nesting past any
//!    real page's.
//! 2. [`prune`]: furniture goes before anything is measured: elements that
//!    never hold article text, hidden ones, and those whose class or id names
//!    a kind of furniture (lists in `data/clean/html_boilerplate.txt`).
//! 3. [`score`]: paragraphs vote for their containers; the best container
//!    and its strong siblings are the article.
//! 4. [`blocks`]: the article as text blocks in document order, link lists
//!    and the `<h1>` title dropped.
//! 5. [`meta`]: title, date, outlet, author, canonical URL and language from
//!    `<meta>`, JSON-LD ([`jsonld`]), `<time>` and the URL ([`date`]).
//!
//! The text then goes through the same boilerplate rules, dateline and
//! sentence steps as plain text (see the crate docs). A page where no
//! container scores (a bare fragment) falls back to [`strip`], which keeps
//! all text but scripts and the like.

mod blocks;
mod date;
mod depth;
mod dom;
mod jsonld;
mod lists;
mod meta;
mod prune;
mod score;
pub(crate) mod strip;

pub use meta::PageMeta;

/// The article's text (blocks separated by a blank line) and the page's
/// metadata.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Page {
    pub meta: PageMeta,
    pub text: String,
}

/// Extract the article and metadata of a page.
pub(crate) fn extract(html: &str) -> Page {
    let parsed = dom::parse(html);
    let dom = dom::Dom::new(&parsed);
    let removed = prune::removed(&dom);
    let meta = meta::read(&dom, &removed);
    let stats = score::Stats::new(&dom, &removed);
    let scores = score::scores(&dom, &removed, &stats);
    let roots = score::choose(&dom, &stats, &scores);
    let blocks = blocks::blocks(&dom, &removed, &roots);
    let mut text = String::with_capacity(blocks.iter().map(|b| b.text.len() + 2).sum());
    for b in &blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&b.text);
    }
    Page { meta, text }
}
