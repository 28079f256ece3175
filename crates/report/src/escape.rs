//! Escaping of text that came from articles or users, for the two markup
//! languages the report writes. Every string read from the store goes
//! through one of these before it reaches HTML or Markdown: an article
//! containing `<script>` renders as text.

use std::fmt::Write;

/// Text for HTML element content or a double- or single-quoted attribute
/// value: `& < > " '` become character references.
#[must_use]
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Inline text for CommonMark: every character that could open markup
/// (emphasis, code, links, raw HTML, entities, tables, headings) is
/// backslash-escaped, and line breaks become spaces so the text stays in
/// its line.
#[must_use]
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A URL for an `href`: only `http`, `https`, same-origin paths (`/...`, not
/// `//host`) and fragments (`#...`) are kept (a `javascript:` link in an
/// article's metadata is dropped), percent-encoding what may not stand in a
/// URL.
#[must_use]
pub fn url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let lower = raw.to_ascii_lowercase();
    let local = raw.starts_with('#') || (raw.starts_with('/') && !raw.starts_with("//"));
    if !(lower.starts_with("http://") || lower.starts_with("https://") || local) {
        return None;
    }
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`' | b'(' | b')' | b' ') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markup_is_neutralised() {
        let cases = [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "\\<script\\>alert(1)\\</script\\>"),
            ("a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;", "a \\& b \"c\" 'd'"),
            ("[x](javascript:y) *z*", "[x](javascript:y) *z*", "\\[x\\](javascript:y) \\*z\\*"),
            ("# a\nb", "# a\nb", "\\# a b"),
        ];
        for (text, want_html, want_md) in cases {
            assert_eq!(html(text), want_html, "{text:?}");
            assert_eq!(markdown(text), want_md, "{text:?}");
        }
    }

    #[test]
    fn only_web_links_are_kept() {
        assert_eq!(url("https://example.org/a b\"<").as_deref(), Some("https://example.org/a%20b%22%3C"));
        assert_eq!(url("#event/abc").as_deref(), Some("#event/abc"));
        assert_eq!(url("/#event/abc").as_deref(), Some("/#event/abc"));
        assert_eq!(url("//evil.example/x"), None);
        assert_eq!(url("javascript:alert(1)"), None);
        assert_eq!(url(" JAVASCRIPT:x"), None);
        assert_eq!(url("data:text/html,x"), None);
    }

    proptest! {
        #[test]
        fn escaped_html_has_no_markup(s in ".*") {
            let e = html(&s);
            prop_assert!(!e.contains('<') && !e.contains('>') && !e.contains('"'));
        }

        #[test]
        fn escaped_markdown_has_no_bare_angle_bracket(s in ".*") {
            let e = markdown(&s);
            let bare = e.char_indices().any(|(i, c)| c == '<' && !e[..i].ends_with('\\'));
            prop_assert!(!bare && !e.contains('\n'));
        }
    }
}
