//! The chosen containers as text blocks in document order: every
//! block-level element (paragraph, heading, list item, quote, table cell)
//! starts a block, `<br>` too; inline elements run on. Blocks that are
//! mostly link text (a "Read more" line, a list of related stories) and the
//! page's `<h1>` (the title, kept apart) are dropped.

use crate::html::dom::{push_collapsed, Dom};
use crate::html::lists::LISTS;
use crate::html::prune::count_chars;

/// A block of text with the measures the filters need.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub text: String,
    pub chars: u32,
    pub link_chars: u32,
    pub heading: bool,
}

/// A block whose link text is more than this share of its text is dropped.
const MAX_LINK_DENSITY: f32 = 0.5;

fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "blockquote"
            | "pre"
            | "hr"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "br"
            | "form"
            | "fieldset"
            | "caption"
            | "body"
    )
}

/// The blocks of the subtrees `roots` (in document order), filtered.
pub(crate) fn blocks(dom: &Dom, removed: &[bool], roots: &[usize]) -> Vec<Block> {
    let mut w = Writer::default();
    for &root in roots {
        walk(dom, removed, root, &mut w);
        w.flush();
    }
    w.done.into_iter().filter(keep).collect()
}

/// Builds blocks as the walk goes.
#[derive(Debug, Default)]
struct Writer {
    current: String,
    link_chars: u32,
    heading: bool,
    done: Vec<Block>,
}

impl Writer {
    fn flush(&mut self) {
        let text = self.current.trim();
        if !text.is_empty() {
            let chars = count_chars(text);
            self.done.push(Block {
                text: text.to_owned(),
                chars,
                link_chars: self.link_chars.min(chars),
                heading: self.heading,
            });
        }
        self.current.clear();
        self.link_chars = 0;
        self.heading = false;
    }
}

/// Walk one subtree: `open` holds the ends of the block and link elements
/// entered, so that leaving them (reaching their end) is noticed.
fn walk(dom: &Dom, removed: &[bool], root: usize, w: &mut Writer) {
    let mut blocks_open: Vec<usize> = Vec::new();
    let mut link_end = 0;
    let mut i = root;
    while i < dom.nodes[root].end {
        while blocks_open.last().is_some_and(|&end| end <= i) {
            blocks_open.pop();
            w.flush();
        }
        let node = &dom.nodes[i];
        if removed[i] {
            i = node.end;
            continue;
        }
        if let Some(t) = node.text() {
            push_collapsed(&mut w.current, t);
            if i < link_end {
                w.link_chars += count_chars(t);
            }
        } else if is_block_tag(node.tag()) {
            w.flush();
            w.heading = matches!(node.tag(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            if w.heading && node.tag() == "h1" {
                i = node.end;
                continue;
            }
            blocks_open.push(node.end);
        } else if node.tag() == "a" {
            link_end = link_end.max(node.end);
        }
        i += 1;
    }
}

/// Keep blocks with text that is not mostly links nor a furniture label.
fn keep(b: &Block) -> bool {
    b.chars > 0 && (b.link_chars as f32) <= b.chars as f32 * MAX_LINK_DENSITY && !LISTS.is_label(&b.text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::html::dom::parse;

    fn texts(html: &str) -> Vec<String> {
        let page = parse(html);
        let dom = Dom::new(&page);
        let removed = vec![false; dom.nodes.len()];
        let body = dom.nodes.iter().position(|n| n.tag() == "body").unwrap();
        blocks(&dom, &removed, &[body]).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn blocks_in_order() {
        let cases: &[(&str, &[&str])] = &[
            (
                "<h1>Title</h1><p>One <b>bold</b> word.</p><h2>Sub</h2><p>Two<br>lines</p>",
                &["One bold word.", "Sub", "Two", "lines"],
            ),
            (
                "<p>See <a href=x>this</a> report on the fighting.</p><p><a href=y>Read more</a></p>",
                &["See this report on the fighting."],
            ),
            ("<div>Loose text <p>inner</p> tail</div>", &["Loose text", "inner", "tail"]),
            ("<ul><li>First item</li><li>Second</li></ul>", &["First item", "Second"]),
        ];
        for (html, want) in cases {
            assert_eq!(texts(html), *want, "{html}");
        }
    }
}
