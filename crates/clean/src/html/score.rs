//! Finding the article's container: every paragraph gives its parent and
//! grandparents points for its length and commas (the scheme of Arc90's
//! Readability, which most extractors descend from); a container's points
//! are weighed by its tag and its class/id names and discounted by the share
//! of its text that is link text. The best container wins, and siblings that
//! score nearly as well (a second column of the same story) join it.
//!
//! An element marked up as the article body (`itemprop="articleBody"`)
//! gets a large bonus: a publisher's own markup is the strongest evidence.

use crate::html::dom::{Data, Dom};
use crate::html::lists::LISTS;
use crate::html::prune::count_chars;

/// A paragraph shorter than this (characters without spaces) scores nothing.
const MIN_PARAGRAPH: u32 = 25;
/// How many ancestors a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 3;
/// Points for a class or id name that marks (or rules out) an article container.
const NAME_WEIGHT: f32 = 25.0;
/// Bonus for the publisher's own article-body markup.
const ARTICLE_BODY_BONUS: f32 = 200.0;

/// Text measures of every node, with removed subtrees counted as empty.
#[derive(Debug)]
pub(crate) struct Stats {
    pub chars: Vec<u32>,
    pub link_chars: Vec<u32>,
    pub commas: Vec<u32>,
    /// Block-level descendants (paragraph containers) below the node.
    pub blocks_below: Vec<u32>,
}

impl Stats {
    pub(crate) fn new(dom: &Dom, removed: &[bool]) -> Self {
        let n = dom.nodes.len();
        let in_link = in_link(dom);
        let (mut chars, mut link_chars, mut commas, mut blocks_below) =
            (vec![0; n], vec![0; n], vec![0; n], vec![0; n]);
        for i in (0..n).rev() {
            if removed[i] {
                continue;
            }
            if let Some(t) = dom.nodes[i].text() {
                chars[i] = count_chars(t);
                commas[i] = u32::try_from(t.matches([',', '،', '，']).count()).unwrap_or(u32::MAX);
                link_chars[i] = if in_link[i] { chars[i] } else { 0 };
            }
            if let Some(p) = dom.nodes[i].parent {
                chars[p] += chars[i];
                link_chars[p] += link_chars[i];
                commas[p] += commas[i];
                blocks_below[p] += blocks_below[i] + u32::from(is_paragraph_tag(dom.nodes[i].tag()));
            }
        }
        Self { chars, link_chars, commas, blocks_below }
    }

    /// The share of a node's text that is link text (0 for an empty node).
    pub(crate) fn link_density(&self, i: usize) -> f32 {
        ratio(self.link_chars[i], self.chars[i])
    }
}

fn ratio(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        part as f32 / whole as f32
    }
}

/// Per node: is it inside a link?
fn in_link(dom: &Dom) -> Vec<bool> {
    let mut out = vec![false; dom.nodes.len()];
    for (i, node) in dom.nodes.iter().enumerate() {
        out[i] = node.tag() == "a" || node.parent.is_some_and(|p| out[p]);
    }
    out
}

fn is_paragraph_tag(tag: &str) -> bool {
    matches!(tag, "p" | "pre" | "blockquote" | "div" | "section" | "article" | "td" | "li" | "table" | "ul" | "ol")
}

/// Does node `i` score as a paragraph: a `p`/`pre`/`td`/`blockquote`, or a
/// container with text but no paragraph containers below it?
fn is_paragraph(dom: &Dom, stats: &Stats, i: usize) -> bool {
    match dom.nodes[i].tag() {
        "p" | "pre" | "td" | "blockquote" => true,
        "div" | "section" | "article" | "font" | "center" | "span" => stats.blocks_below[i] == 0,
        _ => false,
    }
}

/// The containers' scores (`None` for nodes no paragraph reached).
pub(crate) fn scores(dom: &Dom, removed: &[bool], stats: &Stats) -> Vec<Option<f32>> {
    let mut scores: Vec<Option<f32>> = vec![None; dom.nodes.len()];
    for (i, &gone) in removed.iter().enumerate() {
        if gone || stats.chars[i] < MIN_PARAGRAPH || !is_paragraph(dom, stats, i) {
            continue;
        }
        // A `div` inside a paragraph scored already: count the outer one only.
        if dom.ancestors(i).take(2).any(|a| matches!(dom.nodes[a].tag(), "p" | "pre")) {
            continue;
        }
        let points = 1.0 + stats.commas[i] as f32 + (stats.chars[i] as f32 / 100.0).min(3.0);
        for (level, a) in dom.ancestors(i).take(ANCESTOR_LEVELS).enumerate() {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            let base = scores[a].unwrap_or_else(|| initial_score(dom, a));
            scores[a] = Some(base + points / divider);
        }
    }
    scores
}

/// A container's score before its paragraphs: by tag and by name.
fn initial_score(dom: &Dom, i: usize) -> f32 {
    let node = &dom.nodes[i];
    let by_tag = match node.tag() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let article_body = node.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
    by_tag + name_weight(dom, i) + if article_body { ARTICLE_BODY_BONUS } else { 0.0 }
}

/// +25 for each of class and id that names an article container, −25 for
/// each that names furniture.
fn name_weight(dom: &Dom, i: usize) -> f32 {
    let Data::Element(e) = dom.nodes[i].data else { return 0.0 };
    let weigh = |name: Option<&str>| -> f32 {
        let Some(name) = name.map(str::to_ascii_lowercase) else { return 0.0 };
        let mut w = 0.0;
        if LISTS.negative.is_match(&name) {
            w -= NAME_WEIGHT;
        }
        if LISTS.positive.is_match(&name) {
            w += NAME_WEIGHT;
        }
        w
    };
    weigh(e.attr("class")) + weigh(e.id())
}

/// How many close rivals of the best container must share an ancestor
/// with it for the ancestor to win instead (an article split over blocks).
const RIVALS_TO_MERGE: usize = 3;
/// A rival scores at least this share of the best container's score.
const RIVAL_SHARE: f32 = 0.75;

/// The winning container and the siblings that join it, in document order.
pub(crate) fn choose(dom: &Dom, stats: &Stats, scores: &[Option<f32>]) -> Vec<usize> {
    let final_scores: Vec<Option<f32>> =
        scores.iter().enumerate().map(|(i, s)| s.map(|s| s * (1.0 - stats.link_density(i)))).collect();
    let mut ranked: Vec<(usize, f32)> =
        final_scores.iter().enumerate().filter_map(|(i, s)| s.map(|s| (i, s))).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let Some(&(best, best_score)) = ranked.first() else { return Vec::new() };
    let top = climb(dom, stats, shared_ancestor(dom, &ranked, best, best_score));
    let top_score = final_scores[top].unwrap_or(best_score).max(best_score);
    let Some(parent) = dom.nodes[top].parent else { return vec![top] };
    let threshold = (top_score * 0.2).max(10.0);
    dom.children(parent)
        .filter(|&s| s == top || final_scores[s].is_some_and(|x| x >= threshold) || lone_paragraph(dom, stats, s))
        .collect()
}

/// The nearest ancestor of the best container that also holds
/// [`RIVALS_TO_MERGE`] of its close rivals, or the best container itself.
fn shared_ancestor(dom: &Dom, ranked: &[(usize, f32)], best: usize, best_score: f32) -> usize {
    let rivals: Vec<usize> =
        ranked.iter().skip(1).take(5).filter(|r| r.1 >= best_score * RIVAL_SHARE).map(|r| r.0).collect();
    if rivals.len() < RIVALS_TO_MERGE {
        return best;
    }
    for a in dom.ancestors(best) {
        let range = a..dom.nodes[a].end;
        if rivals.iter().filter(|r| range.contains(r)).count() >= RIVALS_TO_MERGE {
            return if dom.nodes[a].tag() == "body" { best } else { a };
        }
    }
    best
}

/// Go up while the parent holds no more text than the container: they are
/// the same content, and the parent's siblings are the real neighbours.
fn climb(dom: &Dom, stats: &Stats, mut top: usize) -> usize {
    while let Some(p) = dom.nodes[top].parent {
        if stats.chars[p] != stats.chars[top] || matches!(dom.nodes[p].tag(), "body" | "html") {
            break;
        }
        top = p;
    }
    top
}

/// A sibling paragraph that reads as prose: long with few links, or short,
/// linkless and ending a sentence.
fn lone_paragraph(dom: &Dom, stats: &Stats, i: usize) -> bool {
    if dom.nodes[i].tag() != "p" {
        return false;
    }
    let (chars, density) = (stats.chars[i], stats.link_density(i));
    (chars > 80 && density < 0.25) || (chars > 0 && density == 0.0 && dom.text_of(i).trim_end().ends_with('.'))
}
