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

static RULE_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:[-*_=~]\s*){3,}$").expect("valid regex"));

static REF_DEFINITION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\[[^\]]+\]:\s*\S+").expect("valid regex"));

/// Markup and link-like tokens, in one pass; the group that matched says
/// which (see [`replace`]). The forms of an e-mail address come apart:
/// they cost most of the compilation (`\w` is a large class) and need an
/// `@`, so lines without one use [`MARKUP_BUT_EMAIL`].
static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    let autolink = format!("(?P<autolink>{AUTOLINK}|{AUTOLINK_EMAIL})");
    Regex::new(&[LINKS, &autolink, URL, EMAIL, EMPHASIS].join("|")).expect("valid regex")
});

static MARKUP_BUT_EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    let autolink = format!("(?P<autolink>{AUTOLINK})");
    Regex::new(&[LINKS, &autolink, URL, EMPHASIS].join("|")).expect("valid regex")
});

const LINKS: &str = r"(?P<image>!\[[^\]]*\]\([^)]*\))|\[(?P<link>[^\]]*)\]\([^)]*\)|\[(?P<reflink>[^\]]+)\]\[[^\]]*\]";
const AUTOLINK: &str = r"<(?:(?:https?|ftp)://|mailto:|www\.)[^>\s]*>";
const AUTOLINK_EMAIL: &str = r"<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>";
const URL: &str = r"(?P<url>(?-u:\b)(?:https?://|www\.)[^\s<>()\[\]]+)";
const EMAIL: &str = r"(?P<email>(?-u:\b)[\w.+-]+@[\w-]+(?:\.[\w-]+)+)";
const EMPHASIS: &str = r"(?P<emphasis>\*\*|__)";

/// Resolve one raw line.
pub(crate) fn line(raw: &str) -> Line {
    let opening = raw.trim_start().chars().next().unwrap_or(' ');
    if matches!(opening, '-' | '*' | '_' | '=' | '~') && RULE_LINE.is_match(raw) {
        return Line::default();
    }
    if opening == '[' && REF_DEFINITION.is_match(raw) {
        return Line { links: 1, ..Line::default() };
    }
    let may_be_marker = matches!(opening, '#' | '>' | '-' | '*' | '+' | '•' | '·') || opening.is_numeric();
    let marker = if may_be_marker { BLOCK_MARKER.find(raw).map_or(0, |m| m.end()) } else { 0 };
    let list_item = marker > 0 && !raw[..marker].contains(['#', '>']);
    let decoded = entities::decode(&raw[marker..]);
    let mut counts = Counts::default();
    let markup = match memchr::memchr(b'@', decoded.as_bytes()) {
        Some(_) => Some(&*MARKUP),
        None => may_have_markup(&decoded).then(|| &*MARKUP_BUT_EMAIL),
    };
    let text = match markup {
        Some(markup) => {
            collapse_whitespace(&markup.replace_all(&decoded, |caps: &Captures| replace(caps, &mut counts)))
        }
        None => collapse_whitespace(&decoded),
    };
    let words = count_words(&text);
    Line { text, words, link_words: counts.link_words.min(words), links: counts.links, list_item }
}

/// Whether [`MARKUP_BUT_EMAIL`] can match: each of its forms needs one of these.
fn may_have_markup(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2(b'[', b'<', b).is_some()
        || ["**", "__", "http://", "https://", "www."].iter().any(|n| memchr::memmem::find(b, n.as_bytes()).is_some())
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
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        if is_plain(bytes[i]) {
            // Printable ASCII and single spaces inside it are copied a run at a time.
            let start = i;
            i += 1;
            while i < bytes.len()
                && (is_plain(bytes[i]) || (bytes[i] == b' ' && bytes.get(i + 1).is_some_and(|&b| is_plain(b))))
            {
                i += 1;
            }
            push_pending(&mut out, &mut pending_space);
            out.push_str(&s[start..i]);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            pending_space = !out.is_empty();
        } else if !is_invisible(c) {
            push_pending(&mut out, &mut pending_space);
            out.push(c);
        }
        i += c.len_utf8();
    }
    out
}

/// Printable ASCII other than the space.
fn is_plain(b: u8) -> bool {
    (b'!'..=b'~').contains(&b)
}

fn push_pending(out: &mut String, pending_space: &mut bool) {
    if std::mem::take(pending_space) {
        out.push(' ');
    }
}

fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

/// What a byte is to [`count_words`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    Space,
    Alphanumeric,
    /// ASCII punctuation, or a UTF-8 continuation byte (its character was
    /// read at its first byte).
    Other,
    /// The first byte of a non-ASCII character.
    Lead,
}

static BYTE_KINDS: [ByteKind; 256] = {
    let mut kinds = [ByteKind::Other; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        kinds[b] = match byte {
            b' ' | 0x09..=0x0d => ByteKind::Space,
            b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' => ByteKind::Alphanumeric,
            0xc0..=0xff => ByteKind::Lead,
            _ => ByteKind::Other,
        };
        b += 1;
    }
    kinds
};

/// Tokens with at least one letter or digit.
pub(crate) fn count_words(s: &str) -> usize {
    if s.is_ascii() {
        let tokens = s.as_bytes().split(|&b| BYTE_KINDS[usize::from(b)] == ByteKind::Space);
        return tokens.filter(|t| t.iter().any(u8::is_ascii_alphanumeric)).count();
    }
    let mut count = 0;
    // Whether the current token has been counted already.
    let mut counted = false;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let kind = match BYTE_KINDS[usize::from(b)] {
            ByteKind::Lead => match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => ByteKind::Space,
                Some(c) if c.is_alphanumeric() => ByteKind::Alphanumeric,
                _ => ByteKind::Other,
            },
            kind => kind,
        };
        match kind {
            ByteKind::Space => counted = false,
            ByteKind::Alphanumeric if !counted => {
                count += 1;
                counted = true;
            }
            _ => {}
        }
    }
    count
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn lines_are_resolved_and_links_counted() {
        // (raw, text, words, link_words, links, list_item)
        let cases: &[(&str, &str, usize, usize, usize, bool)] = &[
            ("By [Example Wire](#)", "By Example Wire", 3, 2, 1, false),
            ("Visit: <http://southfront.org/>", "Visit:", 1, 0, 1, false),
            ("<https://twitter.com/southfronteng>", "", 0, 0, 1, false),
            (
                "  Theme:  [Terrorism](#), [US NATO War Agenda](#) ",
                "Theme: Terrorism, US NATO War Agenda",
                6,
                5,
                2,
                false,
            ),
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
            ("1. numbered", "numbered", 1, 0, 0, true),
            ("  \u{ad}soft\u{200b}  ·  one — two\u{7}", "soft · one — two", 3, 0, 0, false),
        ];
        for &(raw, text, words, link_words, links, list_item) in cases {
            let got = line(raw);
            assert_eq!(got, Line { text: text.into(), words, link_words, links, list_item }, "{raw}");
        }
    }

    #[test]
    fn fast_paths_agree_with_the_plain_definitions() {
        let plain_collapse = |s: &str| {
            s.split(char::is_whitespace)
                .map(|w| w.chars().filter(|&c| !is_invisible(c)).collect::<String>())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let plain_count = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        for s in [
            "",
            "  a  b ",
            "x\u{a0}y\u{2003}z",
            "é—ü 12 -- .",
            "\u{200b} \u{200b}",
            "a\u{b}b\u{c}c\u{1c}d",
            "tab\tand\u{85}next",
        ] {
            assert_eq!(collapse_whitespace(s), plain_collapse(s), "{s:?}");
            assert_eq!(count_words(s), plain_count(s), "{s:?}");
        }
    }
}
