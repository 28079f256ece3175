//! Choosing the body: split the page into blocks (runs of non-blank lines),
//! drop furniture by the [`rules`](crate::rules), and apply the tail
//! heuristic.
//!
//! Every block is judged twice: as a whole (a disclaimer wrapped over five
//! lines is still a disclaimer) and line by line (a "Copyright ©" line under
//! a credit line). What is left is *content* when it reads as prose and
//! *neutral* otherwise (a subheading, a stray name).
//!
//! Tail heuristic: once the body has ended — at the first furniture block
//! after the last two consecutive content blocks — neutral blocks are
//! dropped as well, since they are the labels and leftovers of the footer.
//! A content block in the middle of the footer is kept.

use crate::normalise::{self, Line};
use crate::rules::{self, ends_like_sentence, Unit};

/// A non-blank line of the page and the block it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct PageLine {
    pub line: Line,
    pub block: usize,
}

/// The lines of a page, numbered by block. A line that resolves to nothing
/// and had no links (a rule, an image) separates blocks like a blank line.
pub(crate) fn page_lines(text: &str) -> Vec<PageLine> {
    let mut out = Vec::new();
    let mut block = 0;
    let mut open = false;
    for raw in text.lines() {
        let line = normalise::line(raw);
        if line.text.is_empty() && line.links == 0 {
            block += usize::from(open);
            open = false;
            continue;
        }
        open = true;
        out.push(PageLine { line, block });
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Furniture,
    Content,
    Neutral,
}

/// A block after the rules: what kind it is and its remaining paragraphs.
#[derive(Debug)]
struct Judged {
    kind: Kind,
    paragraphs: Vec<String>,
}

/// The body paragraphs of the page lines, in order.
pub(crate) fn paragraphs(lines: &[PageLine]) -> Vec<String> {
    let judged: Vec<Judged> = lines.chunk_by(|a, b| a.block == b.block).map(judge).collect();
    let tail = tail_start(&judged);
    judged
        .into_iter()
        .enumerate()
        .filter(|(i, j)| j.kind == Kind::Content || (j.kind == Kind::Neutral && *i < tail))
        .flat_map(|(_, j)| j.paragraphs)
        .collect()
}

/// Apply the rules to one block.
fn judge(block: &[PageLine]) -> Judged {
    let furniture = Judged { kind: Kind::Furniture, paragraphs: Vec::new() };
    if block.len() > 1 && rules::furniture(&Unit::from(&unit_of_block(block))).is_some() {
        return furniture;
    }
    let kept: Vec<&Line> = block
        .iter()
        .map(|l| &l.line)
        .filter(|l| !l.text.is_empty() && rules::furniture(&Unit::of_line(l)).is_none())
        .collect();
    if kept.is_empty() {
        return furniture;
    }
    let joined = join_lines(&kept);
    let kind = if joined.iter().any(|(p, words)| is_content(p, *words)) { Kind::Content } else { Kind::Neutral };
    Judged { kind, paragraphs: joined.into_iter().map(|(p, _)| p).collect() }
}

/// The block as one unit: its lines joined, its counts summed.
fn unit_of_block(block: &[PageLine]) -> OwnedUnit {
    let text = block.iter().map(|l| l.line.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
    let sum = |f: fn(&Line) -> usize| block.iter().map(|l| f(&l.line)).sum();
    OwnedUnit { text, words: sum(|l| l.words), link_words: sum(|l| l.link_words), links: sum(|l| l.links) }
}

/// A [`Unit`] that owns its text.
struct OwnedUnit {
    text: String,
    words: usize,
    link_words: usize,
    links: usize,
}

impl<'a> From<&'a OwnedUnit> for Unit<'a> {
    fn from(u: &'a OwnedUnit) -> Self {
        Unit { text: &u.text, words: u.words, link_words: u.link_words, links: u.links }
    }
}

/// Lines joined into paragraphs with single spaces, with their word
/// counts (the lines' counts summed: a space between trimmed lines joins no
/// words); a list item starts a new paragraph.
fn join_lines(lines: &[&Line]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for line in lines {
        match out.last_mut() {
            Some((last, words)) if !line.list_item => {
                last.push(' ');
                last.push_str(&line.text);
                *words += line.words;
            }
            _ => out.push((line.text.clone(), line.words)),
        }
    }
    out
}

/// Prose: a sentence of some length, or a long stretch of words.
fn is_content(paragraph: &str, words: usize) -> bool {
    words >= 20 || (words >= 8 && ends_like_sentence(paragraph))
}

/// Where the tail begins: the first furniture block after the last pair of
/// consecutive content blocks (`judged.len()` when there is none).
fn tail_start(judged: &[Judged]) -> usize {
    let last_pair =
        judged.windows(2).rposition(|w| w[0].kind == Kind::Content && w[1].kind == Kind::Content).map_or(0, |i| i + 2);
    judged[last_pair..].iter().position(|j| j.kind == Kind::Furniture).map_or(judged.len(), |i| last_pair + i)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn body(text: &str) -> Vec<String> {
        paragraphs(&page_lines(text))
    }

    #[test]
    fn furniture_is_dropped_and_the_tail_is_cut() {
        let text = concat!(
            "Subheading\n\n",
            "The first paragraph reports that fighting continued near the town on Monday.\n\n",
            "Read more: [Other story](#)\n\n",
            "The second paragraph says that the army shelled the villages north of the town.\n",
            "It was wrapped over two lines by the writer.\n\n",
            "The third paragraph adds that aid convoys could not reach the area for days.\n\n",
            "Share this:\n\n",
            "[Facebook](#) [Twitter](#)\n\n",
            "Stray footer name\n\n",
            "A content paragraph inside the footer still reports that five people were killed.\n\n",
            "Partners:\n\n",
            "<http://example.org>\n",
            "Copyright © Example, 2020\n",
        );
        assert_eq!(body(text), [
            "Subheading",
            "The first paragraph reports that fighting continued near the town on Monday.",
            "The second paragraph says that the army shelled the villages north of the town. It was wrapped over two lines by the writer.",
            "The third paragraph adds that aid convoys could not reach the area for days.",
            "A content paragraph inside the footer still reports that five people were killed.",
        ]);
    }

    #[test]
    fn a_wrapped_disclaimer_is_judged_as_a_whole() {
        let text = concat!(
            "Rockets hit the eastern district overnight, wounding three people, residents said.\n\n",
            "The views expressed in this article are those of the\n",
            "author and do not necessarily reflect our editorial\n",
            "policy. Reproduction without permission is prohibited.\n",
        );
        assert_eq!(body(text), ["Rockets hit the eastern district overnight, wounding three people, residents said."]);
    }

    #[test]
    fn list_items_are_paragraphs() {
        assert_eq!(body("- One item here\n- Two items here\n"), ["One item here", "Two items here"]);
    }
}
