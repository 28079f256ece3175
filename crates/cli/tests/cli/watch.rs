//! `sitrep watch` against feeds served from 127.0.0.1 by a small HTTP
//! server in this test: killed in the middle of a run and restarted, the
//! watcher neither loses nor duplicates a document; an unchanged feed costs
//! a 304, whether the server gave an ETag or only a Last-Modified date; a feed that is down, too slow or garbage is reported and counted
//! while the other feeds go on.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests: a failed unwrap is a failed test

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use sitrep_store::{EventStore, FeedStore, SqliteStore};

const ENTRIES: usize = 12;
const ETAG: &str = "\"feed-v1\"";
const LAST_MODIFIED: &str = "Sun, 22 Mar 2020 11:00:00 GMT";

/// Requests seen by the server.
#[derive(Debug, Default)]
struct Counts {
    articles: AtomicUsize,
    not_modified: AtomicUsize,
}

fn rss(base: &str) -> String {
    let items: String = (1..=ENTRIES)
        .map(|k| {
            format!(
                "<item><title>Clashes in district {k}</title><link>{base}/article/{k}</link><guid>entry-{k}</guid>\
                 <pubDate>Sun, 22 Mar 2020 10:00:00 GMT</pubDate><description>Summary {k}.</description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Wire</title>{items}</channel></rss>")
}

fn article(k: &str) -> String {
    format!(
        "<html><head><title>Clashes in district {k}</title></head><body><nav><a href=/>Home</a></nav><article>\
         <p>Gunmen attacked a police checkpoint in district {k} of Kunduz province on Sunday, killing two policemen, officials said.</p>\
         <p>The attackers fled after a gunfight that lasted an hour, the provincial police spokesman said on Monday.</p>\
         </article></body></html>"
    )
}

/// Answer one request: the path decides what comes back.
fn answer(mut stream: TcpStream, base: &str, counts: &Counts) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        request.push_str(&line);
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let asks = |header: &str, value: &str| {
        request.lines().any(|l| l.to_ascii_lowercase().starts_with(header) && l.contains(value))
    };
    let (status, content_type, body) = if path == "/feed.xml" || path == "/dated.xml" {
        if asks("if-none-match:", ETAG) || asks("if-modified-since:", LAST_MODIFIED) {
            counts.not_modified.fetch_add(1, Ordering::SeqCst);
            ("304 Not Modified", "application/rss+xml", String::new())
        } else {
            ("200 OK", "application/rss+xml", rss(base))
        }
    } else if let Some(k) = path.strip_prefix("/article/") {
        counts.articles.fetch_add(1, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(150));
        ("200 OK", "text/html; charset=utf-8", article(k))
    } else if path == "/slow.xml" {
        thread::sleep(Duration::from_secs(4));
        ("200 OK", "application/rss+xml", rss(base))
    } else if path == "/garbage.xml" {
        ("200 OK", "application/rss+xml", "<<<\u{0}\u{1} this is not a feed".to_owned())
    } else {
        ("404 Not Found", "text/plain", "no".to_owned())
    };
    // `/dated.xml` gives only a date to revalidate with, the rest an ETag.
    let validator =
        if path == "/dated.xml" { format!("Last-Modified: {LAST_MODIFIED}") } else { format!("ETag: {ETAG}") };
    let head = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{validator}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.as_bytes()));
}

/// Start the server; its base URL and request counts.
fn serve() -> (String, Arc<Counts>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let counts = Arc::new(Counts::default());
    let (b, c) = (base.clone(), counts.clone());
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (b, c) = (b.clone(), c.clone());
            thread::spawn(move || answer(stream, &b, &c));
        }
    });
    (base, counts)
}

fn watch(db: &Path, feeds: &[String], extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.arg("watch").args(feeds).arg("--db").arg(db);
    cmd.args(["--rounds", "1", "--interval", "0", "--politeness-ms", "0", "--retries", "0", "--allow-private"]);
    cmd.args(extra);
    cmd.stdout(Stdio::null()).stderr(Stdio::piped());
    cmd
}

fn stored(db: &Path) -> u64 {
    SqliteStore::open(db).unwrap().stats().unwrap().documents
}

#[test]
fn killed_and_restarted_it_neither_loses_nor_duplicates() {
    let (base, counts) = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db");
    let feed = vec![format!("{base}/feed.xml")];

    // Kill the watcher once a few articles have been fetched.
    let mut child = watch(&db, &feed, &[]).spawn().unwrap();
    let start = Instant::now();
    while counts.articles.load(Ordering::SeqCst) < 5 && start.elapsed() < Duration::from_secs(60) {
        thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let after_kill = stored(&db);
    assert!(after_kill < ENTRIES as u64, "the kill came too late to test anything ({after_kill} stored)");

    // Restarted, it finishes the feed: every entry stored once.
    let out: Output = watch(&db, &feed, &[]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stored(&db), ENTRIES as u64);
    let store = SqliteStore::open(&db).unwrap();
    for k in 1..=ENTRIES {
        assert!(store.entry_seen(&feed[0], &format!("entry-{k}")).unwrap(), "entry-{k}");
    }

    // Once more: the feed has not changed (304), nothing is fetched or stored.
    let fetched = counts.articles.load(Ordering::SeqCst);
    let out = watch(&db, &feed, &[]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(counts.not_modified.load(Ordering::SeqCst), 1);
    assert_eq!(counts.articles.load(Ordering::SeqCst), fetched);
    assert_eq!(stored(&db), ENTRIES as u64);
}

#[test]
fn feeds_that_are_down_slow_or_garbage_are_counted_and_the_rest_goes_on() {
    let (base, _) = serve();
    // A port that refuses connections: bound, then closed.
    let down = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/feed.xml", l.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db");
    let feeds = vec![
        down.clone(),
        format!("{base}/slow.xml"),
        format!("{base}/garbage.xml"),
        format!("{base}/missing.xml"),
        format!("{base}/feed.xml"),
    ];
    let start = Instant::now();
    let out = watch(&db, &feeds, &["--timeout", "1"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Garbage and a 404 will not pass by waiting: a configuration error, exit 2.
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(start.elapsed() < Duration::from_secs(30), "the slow feed held the run up");
    for reason in ["feed_down 1", "feed_timeout 1", "feed_garbage 1", "feed_http_status 1"] {
        assert!(stderr.contains(reason), "{reason} in {stderr}");
    }
    assert_eq!(stored(&db), ENTRIES as u64, "the good feed went through");
    let store = SqliteStore::open(&db).unwrap();
    for bad in &feeds[..4] {
        assert_eq!(store.feed_state(bad).unwrap().map(|s| s.failures), Some(1), "{bad}");
    }
    assert_eq!(store.feed_state(&feeds[4]).unwrap().map(|s| s.failures), Some(0));
}

#[test]
fn a_feed_with_only_a_date_is_asked_if_modified_since() {
    let (base, counts) = serve();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("watch.db");
    let feed = vec![format!("{base}/dated.xml")];
    assert!(watch(&db, &feed, &[]).output().unwrap().status.success());
    assert_eq!(stored(&db), ENTRIES as u64);
    let state = SqliteStore::open(&db).unwrap().feed_state(&feed[0]).unwrap().unwrap();
    assert_eq!((state.etag, state.last_modified.as_deref()), (None, Some(LAST_MODIFIED)));
    let fetched = counts.articles.load(Ordering::SeqCst);
    assert!(watch(&db, &feed, &[]).output().unwrap().status.success());
    assert_eq!(counts.not_modified.load(Ordering::SeqCst), 1, "the second poll is a 304");
    assert_eq!(counts.articles.load(Ordering::SeqCst), fetched);
}

/// `sitrep extract` on a feed, given as a URL or as a saved file: one
/// document per entry, each entry's article fetched and extracted.
fn extract_events(input: &str, follow: bool) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "-q", "--allow-private", "--format", "jsonl", input])
        .args(if follow { &["--follow-links"][..] } else { &[] })
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// With --follow-links, a feed URL or a saved feed gives its entries'
/// articles; without it, reading a feed never goes online for its links
/// (issue 14: reading a file fetched them unasked).
#[test]
fn entries_articles_are_fetched_only_when_asked() {
    let (base, counts) = serve();
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("wire.rss");
    std::fs::write(&saved, rss(&base)).unwrap();
    for input in [format!("{base}/feed.xml"), saved.display().to_string()] {
        let events = extract_events(&input, true);
        let docs: std::collections::BTreeSet<_> = events.iter().filter_map(|e| e["doc_id"].as_str()).collect();
        assert_eq!(docs.len(), ENTRIES, "{input}: one document per entry with an event");
        assert!(
            events.iter().all(|e| e["date"] == "2020-03-22"),
            "{input}: dates from the article read against the entry's date"
        );
    }
    assert_eq!(counts.articles.load(Ordering::SeqCst), 2 * ENTRIES);
    extract_events(&format!("{base}/feed.xml"), false);
    extract_events(&saved.display().to_string(), false);
    assert_eq!(counts.articles.load(Ordering::SeqCst), 2 * ENTRIES, "no link fetched unasked");
}
