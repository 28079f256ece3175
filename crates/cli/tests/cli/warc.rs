//! A WARC.gz crawl through the binary, end to end: a few hundred responses
//! built from the clean crate's HTML fixtures, with hostile records among
//! them (a gzip bomb, a 100 MB page, an image, a binary body, bytes that are
//! not the declared charset, a 404, a truncated last record). `sitrep clean`
//! must turn every good page into its article, without the page's
//! furniture, and count every hostile record under its reason.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::io::Write;
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

const PAGES: usize = 300;
const OK: &str = "200 OK\r\nContent-Type: text/html; charset=utf-8";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../clean/tests/data").join(name)).unwrap()
}

/// One response record, gzipped on its own (as crawlers write them).
fn response(n: usize, uri: &str, status_and_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 {status_and_headers}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(&http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// The hostile records, each with the counted reason it must give.
fn hostile() -> Vec<(Vec<u8>, &'static str)> {
    let bomb = gzip(&vec![b'<'; 200 << 20]);
    vec![
        (
            response(
                9001,
                "https://x.example/bomb",
                "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
                &bomb,
            ),
            "too_large",
        ),
        (response(9002, "https://x.example/huge", OK, &vec![b'a'; 100 << 20]), "too_large"),
        (
            response(
                9003,
                "https://x.example/img",
                "200 OK\r\nContent-Type: image/jpeg",
                &[0xff, 0xd8, 0xff, 0xe0, 0, 1],
            ),
            "not_html",
        ),
        (response(9004, "https://x.example/nul", OK, b"<p>binary\0\0\0 body</p>"), "binary"),
        (
            response(
                9005,
                "https://x.example/latin",
                OK,
                &(0..600u32).map(|b| 0x80 + (b * 13 % 64) as u8).collect::<Vec<_>>(),
            ),
            "bad_encoding",
        ),
        (
            response(9006, "https://x.example/gone", "404 Not Found\r\nContent-Type: text/html", b"<p>gone</p>"),
            "http_status",
        ),
    ]
}

/// The crawl: the two fixtures in turn, the hostile records spread among
/// them, and a last record cut in half.
fn crawl() -> Vec<u8> {
    let fixtures = [fixture("news-page.html"), fixture("page.html")];
    let mut hostile = hostile().into_iter().map(|(r, _)| r);
    let mut out = Vec::new();
    for i in 0..PAGES {
        out.extend(gzip(&response(i, &format!("https://monitor.example.org/{i}"), OK, &fixtures[i % 2])));
        if i % 40 == 20 {
            out.extend(hostile.next().map(|r| gzip(&r)).unwrap_or_default());
        }
    }
    let mut cut = response(9999, "https://x.example/cut", OK, &fixtures[0]);
    cut.truncate(cut.len() / 2);
    out.extend(gzip(&cut));
    out
}

#[test]
fn a_crawl_is_cleaned_end_to_end_with_counted_skips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, crawl()).unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_sitrep")).args(["clean", "--format", "jsonl"]).arg(&path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let records: Vec<serde_json::Value> =
        String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), PAGES, "{stderr}");
    for (i, r) in records.iter().enumerate() {
        let text = r["text"].as_str().unwrap();
        let (article, furniture) = if i % 2 == 0 {
            ("Artillery shells hit a market in the border town", "Accept all cookies")
        } else {
            ("A drone strike hit a convoy of fuel trucks", "All rights reserved")
        };
        assert!(text.contains(article), "page {i}: {text}");
        assert!(!text.contains(furniture) && !text.contains("Home"), "page {i} keeps furniture: {text}");
        assert_eq!(r["url"].as_str(), Some(format!("https://monitor.example.org/{i}").as_str()), "page {i}");
    }
    // Skips by design (not HTML, error status) leave the exit code alone;
    // broken records are bad input, named and counted, and exit 2.
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for reason in ["too_large 2", "binary 1", "bad_encoding 1", "truncated 1", "not_html 1", "http_status 1"] {
        assert!(stderr.contains(reason), "{reason} counted in: {stderr}");
    }
    assert!(
        stderr.contains("https://x.example/nul") && stderr.contains("https://x.example/cut"),
        "failures are named: {stderr}"
    );
    // A skip is named too, with its reason, so the user can tell an image
    // from a page the reader could not take.
    for skip in [
        "https://x.example/img): not an HTML page (image/jpeg): skipped",
        "https://x.example/gone): HTTP status 404: skipped",
    ] {
        assert!(stderr.contains(skip), "{skip} named in: {stderr}");
    }
}
