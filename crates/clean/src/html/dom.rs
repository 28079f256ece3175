//! The parsed page as a flat arena in document order: each node knows its
//! parent and where its subtree ends, so a subtree is a range of indices and
//! every walk is a loop (no recursion: a page nested ten thousand deep must
//! not overflow the stack).
//!
//! Parsing is html5ever's (through `scraper`), the WHATWG algorithm browsers
//! use, so malformed markup becomes the tree a browser would show.

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node as ScraperNode};

/// What a node of the arena is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Data<'a> {
    Element(&'a Element),
    Text(&'a str),
    /// Comments, doctypes, processing instructions: never text.
    Other,
}

/// One node: its data, its parent and the end of its subtree.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node<'a> {
    pub data: Data<'a>,
    pub parent: Option<usize>,
    /// One past the index of the last node of this node's subtree.
    pub end: usize,
}

impl<'a> Node<'a> {
    /// The element's lower-case local name, or "" for text and others.
    pub(crate) fn tag(&self) -> &'a str {
        match self.data {
            Data::Element(e) => e.name(),
            _ => "",
        }
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&'a str> {
        match self.data {
            Data::Element(e) => e.attr(name),
            _ => None,
        }
    }

    pub(crate) fn text(&self) -> Option<&'a str> {
        match self.data {
            Data::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// The arena of a parsed page.
#[derive(Debug)]
pub(crate) struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
}

/// Parse a page, its nesting bounded first ([`super::depth`]).
pub(crate) fn parse(html: &str) -> Html {
    Html::parse_document(&super::depth::bounded(html, super::depth::MAX_DEPTH))
}

impl<'a> Dom<'a> {
    /// Flatten a parsed page (the document node itself is left out).
    pub(crate) fn new(html: &'a Html) -> Self {
        let mut nodes: Vec<Node<'a>> = Vec::with_capacity(1024);
        let mut open: Vec<usize> = Vec::new();
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(n) => {
                    let data = match n.value() {
                        ScraperNode::Element(e) => Data::Element(e),
                        ScraperNode::Text(t) => Data::Text(t),
                        ScraperNode::Document | ScraperNode::Fragment => continue,
                        _ => Data::Other,
                    };
                    let index = nodes.len();
                    nodes.push(Node { data, parent: open.last().copied(), end: index + 1 });
                    if matches!(data, Data::Element(_)) {
                        open.push(index);
                    }
                }
                Edge::Close(n) => {
                    if n.value().is_element() {
                        if let Some(index) = open.pop() {
                            nodes[index].end = nodes.len();
                        }
                    }
                }
            }
        }
        Self { nodes }
    }

    /// The ancestors of node `i`, nearest first.
    pub(crate) fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[i].parent, move |&p| self.nodes[p].parent)
    }

    /// The element children of node `i`.
    pub(crate) fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.nodes[i].end;
        let first = (i + 1 < end).then_some(i + 1);
        std::iter::successors(first, move |&c| Some(self.nodes[c].end).filter(|&next| next < end))
    }

    /// All text under node `i`, whitespace collapsed.
    pub(crate) fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        for n in &self.nodes[i..self.nodes[i].end] {
            if let Some(t) = n.text() {
                push_collapsed(&mut out, t);
            }
        }
        out.trim_end().to_owned()
    }
}

/// Append `text` to `out` with runs of whitespace as one space and no
/// space at the start of `out` or after a newline.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    for (k, word) in text.split(|c: char| c.is_whitespace()).enumerate() {
        if word.is_empty() {
            if k == 0 {
                space(out);
            }
            continue;
        }
        if k > 0 {
            space(out);
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) {
        space(out);
    }
}

fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn subtrees_are_ranges() {
        let html = parse("<div id=a><p>one <b>two</b></p><p>three</p></div><p>four</p>");
        let dom = Dom::new(&html);
        let a = dom.nodes.iter().position(|n| n.attr("id") == Some("a")).unwrap();
        assert_eq!(dom.text_of(a), "one twothree");
        assert_eq!(dom.children(a).count(), 2);
        let four = dom.nodes.iter().position(|n| n.text() == Some("four")).unwrap();
        assert!(four >= dom.nodes[a].end);
        assert_eq!(dom.ancestors(four).map(|i| dom.nodes[i].tag()).collect::<Vec<_>>(), ["p", "body", "html"]);
    }

    #[test]
    fn whitespace_collapses() {
        let mut out = String::new();
        for t in ["  Hello\n  ", "world ", " again"] {
            push_collapsed(&mut out, t);
        }
        assert_eq!(out, "Hello world again");
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let html = Html::parse_document(&"<div>".repeat(20_000));
        let dom = Dom::new(&html);
        assert!(dom.nodes.len() > 1000);
    }

    #[test]
    fn parsing_bounds_the_depth_and_keeps_the_text() {
        let html = parse(&format!("{}deep text", "<div>".repeat(20_000)));
        let dom = Dom::new(&html);
        assert!(dom.nodes.len() < super::super::depth::MAX_DEPTH + 10, "{}", dom.nodes.len());
        assert!(dom.nodes.iter().any(|n| n.text().is_some_and(|t| t.contains("deep text"))));
    }
}
