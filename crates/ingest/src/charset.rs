//! Decoding a web page's bytes to text, the way browsers choose the
//! encoding (WHATWG "encoding sniffing"), in this order:
//! 1. a byte-order mark;
//! 2. the charset the transport declared (an HTTP `Content-Type`, in WARC
//!    records and fetched pages);
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
//!    kilobytes;
//! 4. UTF-8, when the bytes are valid UTF-8;
//! 5. otherwise `chardetng`'s guess (Firefox's detector, trained on the
//!    legacy encodings the web still serves, with the top-level domain as a
//!    hint).
//!
//! One exception to the order: a page declared as a single-byte Western
//! encoding (`iso-8859-1`, `windows-1252`) whose bytes are valid UTF-8 with
//! non-ASCII characters is UTF-8 — a stale header, the commonest lie on the
//! web; decoding it as declared would garble every accented letter.
//!
//! Labels are resolved by `encoding_rs` (the WHATWG label table); an unknown
//! label is ignored. Bytes that do not decode become U+FFFD; a page where
//! too many do is refused as [`Problem::BadEncoding`] rather than passed on
//! as noise.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::error::Problem;
use crate::text::check_not_binary;

/// How far into a page a `<meta charset>` is looked for (browsers: 1024;
/// pages with long heads often declare later, so a little more).
const PRESCAN: usize = 4096;
/// More than this share of U+FFFD (in parts per thousand) is a bad encoding.
const MAX_REPLACEMENT_PER_MILLE: usize = 20;

/// Decode an HTML page; `declared` is a transport `Content-Type` or charset
/// label, `host` the page's host (a hint for the detector).
///
/// # Errors
/// Binary content, an empty page, or a page that does not decode.
pub(crate) fn decode_html(bytes: &[u8], declared: Option<&str>, host: Option<&str>) -> Result<String, Problem> {
    let encoding = choose(bytes, declared, host);
    if encoding != UTF_16LE && encoding != UTF_16BE {
        check_not_binary(bytes)?;
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    if had_errors && too_many_replacements(&text) {
        return Err(Problem::BadEncoding { encoding: encoding.name() });
    }
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    Ok(text.into_owned())
}

/// A text that is not UTF-8, in the legacy encoding it reads as (no
/// declaration to go by: the detector's guess), unless too many of its bytes
/// fail to decode there too.
pub(crate) fn decode_legacy(bytes: &[u8]) -> Option<String> {
    let encoding = detect(bytes, None);
    let (text, _, had_errors) = encoding.decode(bytes);
    (!(had_errors && too_many_replacements(&text))).then(|| text.into_owned())
}

/// The encoding to decode `bytes` with (see the module docs).
pub(crate) fn choose(bytes: &[u8], declared: Option<&str>, host: Option<&str>) -> &'static Encoding {
    if let Some((bom, _)) = Encoding::for_bom(bytes) {
        return bom;
    }
    let stated = declared.and_then(label_of).or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN)]));
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match stated {
        Some(e) if utf8 && e == WINDOWS_1252 => UTF_8,
        // A page cannot declare UTF-16 in ASCII-compatible bytes: it is UTF-8 then.
        Some(e) if e == UTF_16LE || e == UTF_16BE => UTF_8,
        Some(e) => e,
        None if utf8 => UTF_8,
        None => detect(bytes, host),
    }
}

/// The encoding a `Content-Type` value or bare label names.
fn label_of(value: &str) -> Option<&'static Encoding> {
    let label = match value.to_ascii_lowercase().find("charset=") {
        Some(at) => value[at + 8..].split(';').next().unwrap_or("").trim().trim_matches(['"', '\'']).to_owned(),
        None if !value.contains('/') => value.trim().to_owned(),
        None => return None,
    };
    Encoding::for_label(label.as_bytes())
}

/// `<meta charset="…">` or `<meta http-equiv="content-type" content="…charset=…">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&lower[from..], b"<meta").map(|i| from + i) {
        let end = memchr::memchr(b'>', &lower[at..]).map_or(lower.len(), |i| at + i);
        if let Some(e) = charset_in_tag(&lower[at..end]) {
            return Some(e);
        }
        from = end;
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = memchr::memmem::find(tag, b"charset")? + 7;
    let rest = &tag[at..];
    let rest = rest.iter().position(|&b| b != b' ' && b != b'=').map_or(&rest[rest.len()..], |i| &rest[i..]);
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')).unwrap_or(rest.len());
    Encoding::for_label(&rest[..len])
}

fn detect(bytes: &[u8], host: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // The detector asserts its hint is a lower-case ASCII label: check first.
    let tld = host
        .and_then(|h| h.rsplit('.').next())
        .map(str::to_ascii_lowercase)
        .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    detector.guess(tld.as_deref().map(str::as_bytes), chardetng::Utf8Detection::Allow)
}

fn too_many_replacements(text: &str) -> bool {
    let total = text.chars().count().max(1);
    let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
    bad * 1000 > total * MAX_REPLACEMENT_PER_MILLE
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn encodings_are_chosen_in_order() {
        let latin1_page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9</body></html>";
        let cases: &[(&[u8], Option<&str>, &str)] = &[
            (b"\xef\xbb\xbf<p>bom</p>", Some("text/html; charset=iso-8859-1"), "UTF-8"),
            (b"<p>plain ascii</p>", None, "UTF-8"),
            (latin1_page, None, "windows-1252"),
            (b"<p>Caf\xc3\xa9</p>", Some("text/html; charset=ISO-8859-1"), "UTF-8"),
            (b"<p>\xc4\xe5\xed\xfc</p>", Some("text/html; charset=windows-1251"), "windows-1251"),
            (b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>", None, "Shift_JIS"),
            (b"<p>x</p>", Some("text/html; charset=no-such-thing"), "UTF-8"),
        ];
        for (bytes, declared, want) in cases {
            assert_eq!(choose(bytes, *declared, None).name(), *want, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        // Russian in windows-1251, no declaration: the detector's job.
        let text = "Войска вошли в город после трёх дней боёв, сообщили местные жители и военные.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let page = [b"<html><body><p>".as_slice(), &bytes, b"</p></body></html>"].concat();
        let decoded = decode_html(&page, None, Some("example.ru")).unwrap();
        assert!(decoded.contains(text), "{decoded}");
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("<p>hi</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_html(&bytes, None, None).unwrap(), "<p>hi</p>");
    }

    #[test]
    fn garbage_is_refused() {
        let garbage: Vec<u8> = (0..400u32).map(|i| 0x80 + (i * 7 % 64) as u8).collect();
        let err = decode_html(&garbage, Some("text/html; charset=utf-8"), None).unwrap_err();
        assert!(matches!(err, Problem::BadEncoding { .. }), "{err}");
        assert!(matches!(decode_html(b"a\0b", None, None), Err(Problem::NulByte { .. })));
    }
}
