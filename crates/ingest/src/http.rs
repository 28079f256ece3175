//! HTTP responses as archives store them and as the fetcher receives them:
//! the status line and headers, a chunked body, a gzip or deflate
//! `Content-Encoding` (decompressed through a cap: a compressed bomb is an
//! error, not a full memory), and the page's text in its encoding.

use std::io::Read;

use flate2::read::{MultiGzDecoder, ZlibDecoder};

use crate::charset;
use crate::error::Problem;

/// A response: status, declared content type and (decoded) body bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Response {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Parse a raw HTTP/1.x response (as a WARC `response` record holds it).
///
/// # Errors
/// [`Problem::BadRecord`] for a response that does not parse, or the
/// decompression problems.
pub(crate) fn parse_response(raw: &[u8], max_body: usize) -> Result<Response, Problem> {
    let end = memchr::memmem::find(raw, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(raw, b"\n\n").map(|i| (i, i + 2)));
    let (head_end, body_start) = end.ok_or_else(|| bad("no end of HTTP headers"))?;
    let head = String::from_utf8_lossy(&raw[..head_end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .filter(|l| l.starts_with("HTTP/"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| bad("no HTTP status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let mut body = raw[body_start..].to_vec();
    if get("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).unwrap_or(body);
    }
    let body = decode_content(body, get("content-encoding"), max_body)?;
    Ok(Response { status, content_type: get("content-type").map(str::to_owned), body })
}

fn bad(reason: &str) -> Problem {
    Problem::BadRecord { reason: reason.to_owned() }
}

/// A chunked body's data, or `None` when the chunking is broken (the body
/// is then taken as it is: archives often store it already de-chunked).
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(rest.len());
    loop {
        let line_end = memchr::memchr(b'\n', rest)?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?.trim();
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
    }
}

/// Undo a gzip or deflate `Content-Encoding` within `max` bytes.
pub(crate) fn decode_content(body: Vec<u8>, encoding: Option<&str>, max: usize) -> Result<Vec<u8>, Problem> {
    let encoding = encoding.map(str::to_ascii_lowercase);
    let reader: Box<dyn Read> = match encoding.as_deref().map(str::trim) {
        Some("gzip" | "x-gzip") if body.starts_with(&[0x1f, 0x8b]) => Box::new(MultiGzDecoder::new(body.as_slice())),
        Some("deflate") if body.first().is_some_and(|b| b & 0x0f == 8) => Box::new(ZlibDecoder::new(body.as_slice())),
        // Identity, or a header the archive kept after storing the body decoded.
        _ => return Ok(body),
    };
    let mut out = Vec::new();
    let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut out).map_err(Problem::BadCompression)?;
    if out.len() > max {
        return Err(Problem::DecompressedTooLarge { limit: max });
    }
    Ok(out)
}

/// True for the content types of HTML pages (and for none declared).
pub(crate) fn is_html(content_type: Option<&str>) -> bool {
    content_type.is_none_or(|ct| {
        let ct = ct.trim().to_ascii_lowercase();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml")
    })
}

/// The text of a successful HTML response.
///
/// # Errors
/// [`Problem::HttpStatus`] for a non-2xx status, [`Problem::NotHtml`] for
/// another content type, or a decoding problem.
pub(crate) fn html_text(r: &Response, url: Option<&str>) -> Result<String, Problem> {
    if !(200..300).contains(&r.status) {
        return Err(Problem::HttpStatus { status: r.status });
    }
    if !is_html(r.content_type.as_deref()) {
        return Err(Problem::NotHtml { content_type: r.content_type.clone().unwrap_or_default() });
    }
    charset::decode_html(&r.body, r.content_type.as_deref(), url.and_then(host_of))
}

/// The host of a URL ("https://news.example.org:8080/a" → "news.example.org").
pub(crate) fn host_of(url: &str) -> Option<&str> {
    let host = authority(url)?.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// A URL's host and port as written, without user info
/// ("https://user@news.example.org:8080/a" → "news.example.org:8080").
pub(crate) fn authority(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    Some(authority.rsplit_once('@').map_or(authority, |(_, h)| h))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn responses_parse() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>";
        let r = parse_response(raw, 1000).unwrap();
        assert_eq!(
            (r.status, r.content_type.as_deref(), r.body.as_slice()),
            (200, Some("text/html; charset=utf-8"), b"<p>hi</p>".as_slice())
        );
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked, 1000).unwrap().body, b"<p>ab</p>");
        let mut zipped = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        zipped.extend(gzip(b"<p>zipped</p>"));
        assert_eq!(parse_response(&zipped, 1000).unwrap().body, b"<p>zipped</p>");
        assert!(matches!(parse_response(b"garbage", 10), Err(Problem::BadRecord { .. })));
    }

    #[test]
    fn a_compressed_bomb_hits_the_cap() {
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(gzip(&vec![b'a'; 10_000_000]));
        assert!(matches!(parse_response(&raw, 1_000_000), Err(Problem::DecompressedTooLarge { .. })));
    }

    #[test]
    fn only_successful_html_is_text() {
        let ok = Response { status: 200, content_type: Some("text/html".into()), body: b"<p>x</p>".to_vec() };
        assert_eq!(html_text(&ok, None).unwrap(), "<p>x</p>");
        let pdf = Response { content_type: Some("application/pdf".into()), ..ok.clone() };
        assert!(matches!(html_text(&pdf, None), Err(Problem::NotHtml { .. })));
        let gone = Response { status: 404, ..ok };
        assert!(matches!(html_text(&gone, None), Err(Problem::HttpStatus { status: 404 })));
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://user@news.example.org:8080/a?b"), Some("news.example.org"));
        assert_eq!(host_of("not a url"), None);
    }
}
