//! Nesting beyond any real page's is cut before parsing. html5ever checks
//! the stack of open elements for every tag ("has an element in scope"),
//! so a page of 100,000 nested `<div>`s took 24 s to parse and 200,000 took
//! 192 s: quadratic in the depth (issue 14). No article nests that deep;
//! real pages stay under a hundred levels. A cheap scan of the tags drops
//! every start tag that would open past [`MAX_DEPTH`] levels, with its end
//! tag, and keeps all the text, so the page parses in linear time and reads
//! the same.
//!
//! The scan is approximate on purpose (void elements and self-closing
//! tags open nothing; an end tag closes one level), which is enough to
//! bound the depth html5ever sees; it never drops text.

use std::borrow::Cow;

/// The deepest nesting passed to the parser.
pub(crate) const MAX_DEPTH: usize = 256;

/// Elements that never hold content.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose content is raw text, copied as it is.
const RAW: &[&str] = &["script", "style", "textarea", "title"];

/// `html` with the tags past `max` levels of nesting left out.
pub(crate) fn bounded(html: &str, max: usize) -> Cow<'_, str> {
    if html.bytes().filter(|&b| b == b'<').count() <= max {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut at, mut changed) = (0usize, 0usize, 0usize, false);
    while let Some(rel) = html[at..].find('<') {
        let start = at + rel;
        out.push_str(&html[at..start]);
        let Some(tag) = Tag::at(html, start) else {
            out.push('<');
            at = start + 1;
            continue;
        };
        let keep = match tag.kind {
            Kind::Open if depth >= max => {
                dropped += 1;
                false
            }
            Kind::Open => {
                depth += 1;
                true
            }
            Kind::Close if dropped > 0 => {
                dropped -= 1;
                false
            }
            Kind::Close => {
                depth = depth.saturating_sub(1);
                true
            }
            Kind::Leaf => true,
        };
        changed |= !keep;
        // A raw element's content is never read as tags; dropped, it goes
        // whole (a script past the cap is no article text).
        let end = raw_end(html, &tag);
        if keep {
            out.push_str(&html[start..end]);
        }
        at = end;
    }
    out.push_str(&html[at..]);
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    /// A void or self-closed element, a comment, a doctype.
    Leaf,
}

struct Tag<'a> {
    kind: Kind,
    name: &'a str,
    /// One past the tag's `>`.
    end: usize,
}

impl<'a> Tag<'a> {
    /// The tag starting at the `<` at `start`, if it is one.
    fn at(html: &'a str, start: usize) -> Option<Self> {
        let rest = &html[start + 1..];
        if rest.starts_with("!--") {
            let end = rest.find("-->").map_or(html.len(), |i| start + 1 + i + 3);
            return Some(Self { kind: Kind::Leaf, name: "", end });
        }
        let close = rest.starts_with('/');
        let name_from = usize::from(close);
        let name_len = rest[name_from..].bytes().take_while(u8::is_ascii_alphanumeric).count();
        let bang = rest.starts_with(['!', '?']);
        if name_len == 0 && !bang {
            return None;
        }
        let end = start + 1 + rest.find('>')? + 1;
        let name = &rest[name_from..name_from + name_len];
        let self_closed = html[..end].ends_with("/>");
        let void = VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
        let kind = match (close, bang || self_closed || void) {
            (_, true) if !close => Kind::Leaf,
            (true, _) => Kind::Close,
            _ => Kind::Open,
        };
        Some(Self { kind, name, end })
    }
}

/// Where a kept tag's copy ends: after the raw text and end tag of a
/// `<script>` or `<style>`, else after the tag itself.
fn raw_end(html: &str, tag: &Tag<'_>) -> usize {
    if tag.kind != Kind::Open || !RAW.iter().any(|r| r.eq_ignore_ascii_case(tag.name)) {
        return tag.end;
    }
    let closing = format!("</{}", tag.name);
    let rest = &html.as_bytes()[tag.end..];
    let found = rest.windows(closing.len()).position(|w| w.eq_ignore_ascii_case(closing.as_bytes()));
    found.map_or(html.len(), |i| tag.end + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let deep = format!("{}<p>news</p>{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let cut = bounded(&deep, 10);
        assert_eq!(cut.matches("<div>").count(), 10);
        assert_eq!(cut.matches("</div>").count(), 10);
        assert!(cut.contains("<p>news</p>") || cut.contains("news"));
        let shallow = "<html><body><div><p>a < b</p><br><img src=x/></div></body></html>";
        assert!(matches!(bounded(shallow, 10), Cow::Borrowed(_)));
        let script = format!("{}<script>if (a<b) {{}}</script>x", "<div>".repeat(20));
        assert!(bounded(&script, 25).contains("if (a<b) {}"));
        let cut = bounded(&script, 5);
        assert!(!cut.contains("if (a") && cut.ends_with('x'), "{cut}");
    }
}
