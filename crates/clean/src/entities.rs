//! Decoding HTML character references (`&amp;`, `&#8217;`, `&#x2019;`): they
//! appear in HTML pages and, escaped twice, in text scraped from them.

use std::borrow::Cow;

/// Named references that news pages use; anything else is left as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("shy", '\u{ad}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("agrave", 'à'),
    ("oacute", 'ó'),
    ("uuml", 'ü'),
    ("ouml", 'ö'),
    ("auml", 'ä'),
    ("ccedil", 'ç'),
    ("iacute", 'í'),
    ("euro", '€'),
    ("pound", '£'),
    ("times", '×'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
];

/// The longest reference we try to read, `&` and `;` excluded.
const MAX_NAME: usize = 10;

/// Replace character references; text without `&` is returned as is.
#[must_use]
pub(crate) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `s` stands for, and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let end = s.get(1..)?.char_indices().take(MAX_NAME + 1).find(|&(_, c)| c == ';')?.0 + 1;
    let name = &s[1..end];
    let c = match name.strip_prefix('#') {
        Some(num) => numeric(num)?,
        None => NAMED.iter().find(|(n, _)| *n == name)?.1,
    };
    Some((c, end + 1))
}

fn numeric(num: &str) -> Option<char> {
    let code = match num.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => num.parse().ok()?,
    };
    char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn references() {
        let cases = [
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("it&#8217;s &#x201C;here&#x201d;", "it’s “here”"),
            ("AT&T and a & b", "AT&T and a & b"),
            ("&unknown; &#xZZ; &#0;", "&unknown; &#xZZ; &#0;"),
            ("x&nbsp;y", "x\u{a0}y"),
            ("trailing &", "trailing &"),
            ("é&amp;", "é&"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input), want, "{input}");
        }
    }
}
