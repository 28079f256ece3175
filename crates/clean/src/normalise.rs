//! One input line to clean text: markdown links become their text, `<url>`
//! remnants and images go, block markers (`#`, `>`, bullets) and emphasis
//! marks go, character references are decoded and whitespace is collapsed.
//!
//! While it resolves links it counts them: how many words of the line were
//! link text or URLs is what tells a list of links from a sentence.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::entities;

/// A line after markup resolution, with what the boilerplate rules look at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Line {
    /// The clean text: single spaces, no leading or trailing space.
    pub text: String,
    /// Words (tokens with a letter or digit) in `text`.
    pub words: usize,
    /// Of those, words that were link text, URLs or e-mail addresses.
    pub link_words: usize,
    /// Links, URLs and e-mail addresses, including removed `<url>`s.
    pub links: usize,
    /// The line was a list item (`- `, `* `, `1. `): it starts a paragraph.
    pub list_item: bool,
}

static BLOCK_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:#{1,6}\s+|>\s?|[-*+•·]\s+|\d{1,3}[.)]\s+)").expect("valid regex"));

static RULE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*_=~]\s*){3,}$").expect("valid regex"));

static REF_DEFINITION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\[[^\]]+\]:\s*\S+").expect("valid regex"));

/// Markup and link-like tokens, in one pass; the group that matched says
/// which (see [`replace`]).
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<image>!\[[^\]]*\]\([^)]*\))",
        r"|\[(?P<link>[^\]]*)\]\([^)]*\)",
        r"|\[(?P<reflink>[^\]]+)\]\[[^\]]*\]",
        r"|(?P<autolink><(?:(?:https?|ftp)://|mailto:|www\.)[^>\s]*>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>)",
        r"|(?P<url>(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]]+)",
        r"|(?P<email>(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
        r"|(?P<emphasis>\*\*|__)",
    ))
    .expect("valid regex")
});

/// Resolve one raw line.
pub(crate) fn line(raw: &str) -> Line {
    if RULE_LINE.is_match(raw) {
        return Line::default();
    }
    if REF_DEFINITION.is_match(raw) {
        return Line { links: 1, ..Line::default() };
    }
    let marker = BLOCK_MARKER.find(raw).map_or(0, |m| m.end());
    let list_item = marker > 0 && !raw[..marker].contains(['#', '>']);
    let decoded = entities::decode(&raw[marker..]);
    let mut counts = Counts::default();
    let resolved = MARKUP.replace_all(&decoded, |caps: &Captures| replace(caps, &mut counts));
    let text = collapse_whitespace(&resolved);
    let words = count_words(&text);
    Line { text, words, link_words: counts.link_words.min(words), links: counts.links, list_item }
}

#[derive(Default)]
struct Counts {
    links: usize,
    link_words: usize,
}

/// What one markup match becomes, counting links on the way.
fn replace(caps: &Captures, counts: &mut Counts) -> String {
    let kept = |name| caps.name(name).map(|m| m.as_str());
    if kept("image").is_some() || kept("emphasis").is_some() {
        return String::new();
    }
    counts.links += 1;
    if kept("autolink").is_some() {
        return String::new();
    }
    let text = kept("link").or_else(|| kept("reflink")).or_else(|| kept("url")).or_else(|| kept("email")).unwrap_or("");
    counts.link_words += count_words(text);
    text.to_owned()
}

/// Collapse runs of whitespace (any Unicode space) to one space, drop
/// zero-width characters, soft hyphens and control characters, and trim.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if is_invisible(c) {
            continue;
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

/// Tokens with at least one letter or digit.
pub(crate) fn count_words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn lines_are_resolved_and_links_counted() {
        // (raw, text, words, link_words, links, list_item)
        let cases: &[(&str, &str, usize, usize, usize, bool)] = &[
            ("By [South Front](#)", "By South Front", 3, 2, 1, false),
            ("Visit: <http://southfront.org/>", "Visit:", 1, 0, 1, false),
            ("<https://twitter.com/southfronteng>", "", 0, 0, 1, false),
            ("  Theme:  [Terrorism](#), [US NATO War Agenda](#) ", "Theme: Terrorism, US NATO War Agenda", 6, 5, 2, false),
            ("## A **bold** heading", "A bold heading", 3, 0, 0, false),
            ("- item one", "item one", 2, 0, 0, true),
            ("> quoted &amp; decoded", "quoted & decoded", 2, 0, 0, false),
            ("![photo](x.jpg) Caption text", "Caption text", 2, 0, 0, false),
            ("Write to press@example.org today", "Write to press@example.org today", 4, 1, 1, false),
            ("See www.example.com/a for more", "See www.example.com/a for more", 4, 1, 1, false),
            ("[1]: http://example.com", "", 0, 0, 1, false),
            ("* * *", "", 0, 0, 0, false),
            ("tab\tand\u{a0}nbsp\u{200b}", "tab and nbsp", 3, 0, 0, false),
            ("A [dangling bracket", "A [dangling bracket", 3, 0, 0, false),
        ];
        for &(raw, text, words, link_words, links, list_item) in cases {
            let got = line(raw);
            assert_eq!(got, Line { text: text.into(), words, link_words, links, list_item }, "{raw}");
        }
    }
}
