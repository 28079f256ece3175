//! A WARC.gz of a few hundred invented news pages, with hostile records
//! mixed in, read end to end through `documents`: every good page comes
//! out as an HTML document with its URL, and each hostile record (a gzip
//! bomb, a 100 MB page, binary bodies, bad charsets, error statuses, a
//! truncated last record) is one counted item of its own kind — the reader
//! never panics and never stops early.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::collections::BTreeMap;
use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use sitrep_ingest::{documents, Input, Limits};
use sitrep_model::Format;

const PAGES: usize = 300;

/// One WARC record as bytes (its own gzip member, as Common Crawl writes them).
fn record(kind: &str, uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len() * 7919 % 100_000 + uri.len(),
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn response(uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut http = format!("HTTP/1.1 {headers}\r\n\r\n").into_bytes();
    http.extend_from_slice(body);
    record("response", uri, "application/http; msgtype=response", &http)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn page(i: usize) -> String {
    format!(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Report {i} | Example Wire</title></head><body>\
         <nav><a href=/>Home</a></nav><article><h1>Report {i}</h1>\
         <p>Fighting was reported near village number {i} on Monday, residents said, and several houses were damaged.</p>\
         <p>Officials said the clashes continued into the evening, and aid groups could not reach the area.</p></article>\
         <footer>© Example Wire</footer></body></html>"
    )
}

/// The archive: good pages, with the hostile records spread among them.
fn archive() -> Vec<u8> {
    let ok = "200 OK\r\nContent-Type: text/html; charset=utf-8";
    let mut members: Vec<Vec<u8>> = Vec::new();
    members.push(record("warcinfo", "", "application/warc-fields", b"software: test\r\n"));
    for i in 0..PAGES {
        let uri = format!("https://news.example.org/{i}");
        members.push(record("request", &uri, "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"));
        members.push(response(&uri, ok, page(i).as_bytes()));
        match i {
            10 => members.push(response(
                "https://x.example/bomb",
                "200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip",
                &gzip(&vec![b'<'; 200 << 20]),
            )),
            20 => members.push(response("https://x.example/huge", ok, &vec![b'a'; 100 << 20])),
            30 => members.push(response(
                "https://x.example/img",
                "200 OK\r\nContent-Type: image/jpeg",
                &[0xff, 0xd8, 0, 1, 2, 3],
            )),
            40 => members.push(response("https://x.example/nul", ok, b"<p>binary\0\0\0 body</p>")),
            50 => members.push(response(
                "https://x.example/garbage",
                ok,
                &(0..600u32).map(|b| 0x80 + (b * 13 % 64) as u8).collect::<Vec<_>>(),
            )),
            60 => members.push(response(
                "https://x.example/unknown-charset",
                "200 OK\r\nContent-Type: text/html; charset=x-no-such",
                page(9999).as_bytes(),
            )),
            70 => members.push(response(
                "https://x.example/gone",
                "404 Not Found\r\nContent-Type: text/html",
                b"<p>gone</p>",
            )),
            80 => members.push(record(
                "response",
                "https://x.example/bad",
                "application/http",
                b"not an http response at all",
            )),
            _ => {}
        }
    }
    let mut out: Vec<u8> = members.iter().flat_map(|m| gzip(m)).collect();
    // A last record cut in the middle of its body.
    let mut cut = record("response", "https://x.example/cut", "application/http; msgtype=response", page(1).as_bytes());
    cut.truncate(cut.len() / 2);
    out.extend(gzip(&cut));
    out
}

#[test]
fn a_warc_gz_is_read_end_to_end_with_counted_skips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, archive()).unwrap();
    let limits = Limits { max_doc_bytes: 10 << 20, ..Limits::default() };
    let mut docs = 0;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for item in documents(&[Input::Path(path)], &limits) {
        match item {
            Ok(d) => {
                assert_eq!(d.format, Format::Html);
                assert!(d.hints.url.as_deref().is_some_and(|u| u.starts_with("https://")), "{:?}", d.hints.url);
                assert!(d.body.contains("Fighting was reported"), "{}", d.origin);
                docs += 1;
            }
            Err(e) => {
                assert!(e.to_string().contains("https://x.example/"), "the record's URI is named: {e}");
                *kinds.entry(e.kind().as_str()).or_insert(0) += 1;
            }
        }
    }
    // The page with an unknown charset label is read (the label is ignored).
    assert_eq!(docs, PAGES + 1);
    let want: BTreeMap<&str, usize> = [
        ("too_large", 2),    // the bomb and the 100 MB page
        ("not_html", 1),     // the image
        ("binary", 1),       // NUL bytes in an HTML body
        ("bad_encoding", 1), // bytes that are not UTF-8 as declared
        ("http_status", 1),  // 404
        ("bad_record", 1),   // a response record that is no HTTP response
        ("truncated", 1),    // the last record
    ]
    .into_iter()
    .collect();
    assert_eq!(kinds, want);
}

#[test]
fn garbage_and_empty_archives_end_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.warc", Vec::new()),
        ("noise.warc", b"this is not a warc file\nat all\n".to_vec()),
        (
            "bad-length.warc",
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999999\r\n\r\n".to_vec(),
        ),
        ("cut-gzip.warc.gz", gzip(&response("https://x.example/a", "200 OK", b"<p>x</p>"))[..20].to_vec()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let items: Vec<_> = documents(&[Input::Path(path)], &Limits::default()).collect();
        assert!(items.iter().all(Result::is_err), "{name}");
        assert!(items.len() <= 2, "{name}: {}", items.len());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Random bytes after a plausible record start never panic the reader.
    #[test]
    fn random_records_never_panic(tail in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2000)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.warc");
        let mut bytes = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\n".to_vec();
        bytes.extend(tail);
        std::fs::write(&path, bytes).unwrap();
        for item in documents(&[Input::Path(path)], &Limits::default()) {
            drop(item);
        }
    }
}
