//! Which nodes are furniture before any scoring: elements that never hold
//! article text (`script`, `nav`, `aside`, `figcaption`… in the list file),
//! hidden elements, and elements whose class or id names a kind of
//! furniture ("share-bar", "related", "comments", "ad").
//!
//! A class name can lie: a page wrapper called `has-sidebar` holds the whole
//! article. So an element named as furniture is kept when it holds most of
//! the page's long paragraphs; the scorer still weighs its name.

use crate::html::dom::{Data, Dom};
use crate::html::lists::LISTS;

/// An element named as furniture is kept when its paragraphs hold at least
/// this many characters (without spaces) and half of the page's.
const ARTICLE_CHARS: u32 = 400;

/// Elements that are never removed for their class or id: removing one
/// would remove the page.
const NEVER_BY_NAME: &[&str] = &["html", "body", "main", "article"];

/// Per node: is it removed (itself or through an ancestor)?
pub(crate) fn removed(dom: &Dom) -> Vec<bool> {
    let hidden = hidden_or_skipped(dom);
    let prose = paragraph_chars(dom, &hidden);
    let total = prose.iter().copied().max().unwrap_or(0);
    let mut removed = vec![false; dom.nodes.len()];
    for (i, node) in dom.nodes.iter().enumerate() {
        let inherited = node.parent.is_some_and(|p| removed[p]);
        let furniture = named_furniture(dom, i) || nested_article(dom, i);
        removed[i] = inherited || hidden[i] || (furniture && !holds_article(prose[i], total));
    }
    removed
}

/// Skipped tags and hidden elements, inherited by their subtrees.
fn hidden_or_skipped(dom: &Dom) -> Vec<bool> {
    let mut out = vec![false; dom.nodes.len()];
    for (i, node) in dom.nodes.iter().enumerate() {
        let own = match node.data {
            Data::Element(_) => LISTS.is_skip_tag(node.tag()) || is_hidden(dom, i),
            _ => false,
        };
        out[i] = own || node.parent.is_some_and(|p| out[p]);
    }
    out
}

fn is_hidden(dom: &Dom, i: usize) -> bool {
    let n = &dom.nodes[i];
    if n.attr("hidden").is_some() || n.attr("aria-hidden") == Some("true") {
        return true;
    }
    n.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// The characters (without spaces) of the paragraphs (`p`) under each
/// node, hidden ones left out.
fn paragraph_chars(dom: &Dom, hidden: &[bool]) -> Vec<u32> {
    let n = dom.nodes.len();
    let mut chars = vec![0u32; n];
    let mut prose = vec![0u32; n];
    for i in (0..n).rev() {
        if hidden[i] {
            continue;
        }
        let node = &dom.nodes[i];
        if let Some(t) = node.text() {
            chars[i] = count_chars(t);
        }
        if node.tag() == "p" {
            prose[i] = chars[i];
        }
        if let Some(p) = node.parent {
            chars[p] += chars[i];
            prose[p] += prose[i];
        }
    }
    prose
}

/// Characters other than whitespace.
pub(crate) fn count_chars(text: &str) -> u32 {
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// True when the element's class or id names furniture.
fn named_furniture(dom: &Dom, i: usize) -> bool {
    let node = &dom.nodes[i];
    if NEVER_BY_NAME.contains(&node.tag()) {
        return false;
    }
    let Data::Element(e) = node.data else { return false };
    e.classes().chain(e.id()).any(|name| LISTS.is_furniture_name(&name.to_ascii_lowercase()))
}

/// An `<article>` inside another: a teaser of a related story or a comment.
fn nested_article(dom: &Dom, i: usize) -> bool {
    dom.nodes[i].tag() == "article" && dom.ancestors(i).any(|a| dom.nodes[a].tag() == "article")
}

/// An element holding much of the page's paragraph text.
fn holds_article(prose: u32, total: u32) -> bool {
    prose >= ARTICLE_CHARS && prose * 2 >= total
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::html::dom::parse;

    fn kept_text(html: &str) -> String {
        let page = parse(html);
        let dom = Dom::new(&page);
        let removed = removed(&dom);
        let mut out = String::new();
        for (i, n) in dom.nodes.iter().enumerate() {
            if let (Some(t), false) = (n.text(), removed[i]) {
                out.push_str(t);
            }
        }
        out
    }

    #[test]
    fn furniture_goes_articles_stay() {
        let cases = [
            ("<p>Text</p><script>x()</script><nav>Home</nav>", "Text"),
            ("<p>Text</p><div class='share-bar'><a>Tweet</a></div>", "Text"),
            ("<p>Text</p><div style='display: none'>Hidden</div><div hidden>Gone</div>", "Text"),
            ("<article class='ad'><p>Kept</p></article>", "Kept"),
            ("<article><p>Story</p><article><p>Teaser</p></article></article>", "Story"),
        ];
        for (html, want) in cases {
            assert_eq!(kept_text(html), want, "{html}");
        }
    }

    #[test]
    fn a_misnamed_wrapper_holding_the_article_is_kept() {
        let para = format!("<p>{}</p>", "word ".repeat(60));
        let html = format!("<div class='has-sidebar'>{para}{para}{para}</div><div class='sidebar'><p>Side</p></div>");
        let kept = kept_text(&html);
        assert!(kept.contains("word"), "{kept}");
        assert!(!kept.contains("Side"));
    }
}
