//! The fallback for a page where the extractor finds no article container
//! (a bare fragment or a page of lists; see [`super`]): all text is kept but that of
//! `script`, `style` and similar elements and comments, block elements
//! become paragraph breaks, links stay markdown links (so the link-list
//! rules still see them), character references are decoded.
//!
//! It never fails and never allocates more than its output: malformed markup
//! degrades to text. The `<title>` becomes the first line, where the header
//! reader looks for a title.

/// Elements whose content is never text.
const SKIPPED: &[&str] =
    &["script", "style", "noscript", "template", "svg", "iframe", "object", "head", "select", "button", "form", "nav"];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "body",
];

/// Plain text (with markdown links) from an HTML page.
#[must_use]
pub(crate) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    if let Some(title) = element_text(html, "title") {
        out.push_str(title.trim());
        out.push_str("\n\n");
    }
    let mut rest = html;
    let mut in_link = false;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(tag) = Tag::parse(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        if !tag.closing && SKIPPED.contains(&tag.name.as_str()) {
            rest = skip_element(rest, &tag.name);
            continue;
        }
        in_link = emit(&mut out, &tag, in_link);
    }
    out.push_str(rest);
    crate::entities::decode(&out).into_owned()
}

/// Write what a tag stands for; returns whether a link is open after it.
fn emit(out: &mut String, tag: &Tag, in_link: bool) -> bool {
    match tag.name.as_str() {
        "a" if !tag.closing && !in_link => {
            out.push('[');
            true
        }
        "a" if tag.closing && in_link => {
            out.push_str("](#)");
            false
        }
        "br" => {
            out.push('\n');
            in_link
        }
        name if BLOCKS.contains(&name) => {
            if in_link {
                out.push_str("](#)");
            }
            out.push_str("\n\n");
            false
        }
        _ => in_link,
    }
}

/// A tag at the start of the input: its lower-case name, whether it closes,
/// and its length in bytes. Comments and declarations have an empty name.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    len: usize,
}

impl Tag {
    fn parse(s: &str) -> Option<Tag> {
        if s.starts_with("<!--") {
            let len = s.find("-->").map_or(s.len(), |i| i + 3);
            return Some(Tag { name: String::new(), closing: false, len });
        }
        let body = s.get(1..)?;
        let closing = body.starts_with('/');
        let name: String = body
            .trim_start_matches(['/', '!', '?'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() && !body.starts_with(['!', '?']) {
            return None;
        }
        let len = s.find('>').map_or(s.len(), |i| i + 1);
        Some(Tag { name, closing, len })
    }
}

/// The input after the end tag of `name` (or nothing, when it never closes).
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let close = format!("</{name}");
    match find_ascii_ci(rest, &close) {
        Some(at) => {
            let after = &rest[at..];
            after.find('>').map_or("", |i| &after[i + 1..])
        }
        None => "",
    }
}

/// The text inside the first `<name ...>…</name>`.
fn element_text<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let open = find_ascii_ci(html, &format!("<{name}"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + find_ascii_ci(&html[start..], &format!("</{name}"))?;
    Some(&html[start..end])
}

/// Case-insensitive search for an ASCII needle (byte offsets stay valid
/// because an ASCII match starts on a character boundary).
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    haystack.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn pages_to_text() {
        let cases = [
            (
                "<html><head><title>A title</title><style>p{}</style></head><body><p>One &amp; two.</p><script>var x = '<p>';</script><p>Three<br>four</p></body></html>",
                "A title\n\n\n\n\n\nOne & two.\n\n\n\nThree\nfour\n\n\n\n",
            ),
            ("<p>See <a href=\"/x\">the report</a>.</p>", "\n\nSee [the report](#).\n\n"),
            ("<div>a < b and <!-- hidden --> c</div>", "\n\na < b and  c\n\n"),
            ("<p>unclosed <a href=x>link</p>", "\n\nunclosed [link](#)\n\n"),
            ("<SCRIPT>never</SCRIPT>shown", "shown"),
            ("<script>never closes", ""),
            ("<", "<"),
        ];
        for (html, want) in cases {
            assert_eq!(to_text(html), want, "{html}");
        }
    }
}
