//! The fetcher against a small HTTP server on 127.0.0.1: conditional
//! requests on both validators (`If-None-Match`, `If-Modified-Since`), the
//! politeness delay between two requests to one host, retries with a
//! doubling backoff on 5xx and 429 (and none on 404), and the size cap.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use sitrep_ingest::{Documents, FetchConfig, Fetched, Fetcher, Input, Limits, Problem, Validators};

const LAST_MODIFIED: &str = "Sun, 22 Mar 2020 10:00:00 GMT";
const ETAG: &str = "\"v1\"";

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    headers: Vec<String>,
    at: Instant,
}

type Log = Arc<Mutex<Vec<Seen>>>;

fn read_request(stream: &TcpStream) -> (String, Vec<String>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        lines.push(line.trim_end().to_ascii_lowercase());
    }
    let path = lines.first().and_then(|l| l.split_whitespace().nth(1)).unwrap_or("/").to_owned();
    (path, lines)
}

/// The answer to a path, given how often it was asked before.
fn respond(path: &str, headers: &[String], earlier: usize) -> (String, String) {
    let has = |h: &str, v: &str| headers.iter().any(|l| l.starts_with(h) && l.contains(&v.to_ascii_lowercase()));
    match path {
        "/lm" if has("if-modified-since:", LAST_MODIFIED) => ("304 Not Modified".into(), String::new()),
        "/lm" => (format!("200 OK\r\nLast-Modified: {LAST_MODIFIED}"), "<p>page</p>".into()),
        "/etag" if has("if-none-match:", ETAG) => ("304 Not Modified".into(), String::new()),
        "/etag" => (format!("200 OK\r\nETag: {ETAG}"), "<p>page</p>".into()),
        "/flaky" if earlier < 2 => ("503 Service Unavailable".into(), "busy".into()),
        "/busy" => ("429 Too Many Requests".into(), "slow down".into()),
        "/gone" => ("404 Not Found".into(), "no".into()),
        "/big" => ("200 OK".into(), "x".repeat(64 << 10)),
        "/moved" => ("301 Moved Permanently\r\nLocation: /lm".into(), String::new()),
        _ => ("200 OK".into(), "<p>page</p>".into()),
    }
}

fn answer(mut stream: TcpStream, log: &Log) {
    let (path, headers) = read_request(&stream);
    let earlier = {
        let mut log = log.lock().unwrap();
        let earlier = log.iter().filter(|s| s.path == path).count();
        log.push(Seen { path: path.clone(), headers: headers.clone(), at: Instant::now() });
        earlier
    };
    let (status, body) = respond(&path, &headers, earlier);
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.as_bytes()));
}

/// Start the server: its base URL and its log of requests.
fn serve() -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log: Log = Arc::default();
    let l = log.clone();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let l = l.clone();
            thread::spawn(move || answer(stream, &l));
        }
    });
    (base, log)
}

fn fetcher(politeness_ms: u64, retries: u32, backoff_ms: u64) -> Fetcher {
    Fetcher::new(FetchConfig {
        timeout: Duration::from_secs(5),
        max_bytes: 32 << 10,
        politeness: Duration::from_millis(politeness_ms),
        retries,
        backoff: Duration::from_millis(backoff_ms),
        private_hosts: true,
        ..FetchConfig::default()
    })
}

/// By default a host on this machine is never asked (server-side request
/// forgery through a feed's links); allowed, redirects are followed here,
/// each target checked.
#[test]
fn private_hosts_are_refused_by_default_and_redirects_are_followed() {
    let (base, log) = serve();
    let mut strict = Fetcher::new(FetchConfig::default());
    let refused = strict.get(&format!("{base}/lm"), None);
    assert!(matches!(refused, Err(Problem::PrivateHost { .. })), "{refused:?}");
    assert!(log.lock().unwrap().is_empty(), "no request reached the host");
    let mut f = fetcher(0, 0, 0);
    let Ok(Fetched::Page(page)) = f.get(&format!("{base}/moved"), None) else { panic!("redirect followed") };
    assert_eq!(page.status, 200);
    assert_eq!(requests(&log, "/lm").len(), 1);
}

fn requests(log: &Log, path: &str) -> Vec<Seen> {
    log.lock().unwrap().iter().filter(|s| s.path == path).cloned().collect()
}

fn page(f: Fetched) -> sitrep_ingest::Page {
    match f {
        Fetched::Page(p) => p,
        Fetched::NotModified => panic!("a page was expected, not a 304"),
    }
}

#[test]
fn conditional_requests_use_last_modified_and_etag() {
    let (base, log) = serve();
    let mut f = fetcher(0, 0, 0);
    for (path, want) in [
        ("/lm", Validators { etag: None, last_modified: Some(LAST_MODIFIED.into()) }),
        ("/etag", Validators { etag: Some(ETAG.into()), last_modified: None }),
    ] {
        let url = format!("{base}{path}");
        let first = page(f.get(&url, Some(&Validators::default())).unwrap());
        assert_eq!(first.validators, want, "{path}");
        assert_eq!(f.get(&url, Some(&first.validators)).unwrap(), Fetched::NotModified, "{path}");
        let seen = requests(&log, path);
        assert_eq!(seen.len(), 2, "{path}");
        assert!(!seen[0].headers.iter().any(|h| h.starts_with("if-")), "{path}: the first request is unconditional");
    }
}

#[test]
fn requests_to_one_host_wait_for_the_politeness_delay() {
    let (base, log) = serve();
    let mut f = fetcher(300, 0, 0);
    for k in 0..3 {
        page(f.get(&format!("{base}/polite/{k}"), None).unwrap());
    }
    let mut at: Vec<Instant> = log.lock().unwrap().iter().map(|s| s.at).collect();
    at.sort();
    assert_eq!(at.len(), 3);
    for pair in at.windows(2) {
        assert!(pair[1] - pair[0] >= Duration::from_millis(280), "{:?} apart", pair[1] - pair[0]);
    }
}

#[test]
fn server_errors_are_retried_with_a_doubling_backoff() {
    let (base, log) = serve();
    let mut f = fetcher(0, 3, 100);
    let got = page(f.get(&format!("{base}/flaky"), None).unwrap());
    assert_eq!(got.status, 200, "the third attempt succeeds");
    let seen = requests(&log, "/flaky");
    assert_eq!(seen.len(), 3);
    assert!(seen[1].at - seen[0].at >= Duration::from_millis(95), "first backoff {:?}", seen[1].at - seen[0].at);
    assert!(seen[2].at - seen[1].at >= Duration::from_millis(195), "second backoff {:?}", seen[2].at - seen[1].at);
}

#[test]
fn retries_stop_at_the_limit_and_skip_what_will_not_pass() {
    let (base, log) = serve();
    let mut f = fetcher(0, 2, 10);
    assert_eq!(page(f.get(&format!("{base}/busy"), None).unwrap()).status, 429);
    assert_eq!(requests(&log, "/busy").len(), 3, "429: the first attempt and two retries");
    assert_eq!(page(f.get(&format!("{base}/gone"), None).unwrap()).status, 404);
    assert_eq!(requests(&log, "/gone").len(), 1, "404 is not retried");
}

#[test]
fn a_body_past_the_cap_and_a_refused_connection_are_problems() {
    let (base, _) = serve();
    let mut f = fetcher(0, 0, 0);
    assert!(matches!(f.get(&format!("{base}/big"), None), Err(Problem::TooLarge { .. })));
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    assert!(matches!(f.get(&format!("http://{closed}/"), None), Err(Problem::Network { .. })));
}

/// A feed read from standard input (or a file, or a posted document) is the
/// user's data: its summary-only entries are read as they are, and the host
/// their links name is never asked, private or not.
#[test]
fn a_local_feed_never_fetches_its_links() {
    let (base, log) = serve();
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Clashes</title>\
         <link>{base}/article</link><description>Clashes in the town.</description></item></channel></rss>"
    );
    let docs = Documents::with_stdin(&[Input::Stdin], &Limits::default(), Box::new(std::io::Cursor::new(feed)))
        .with_fetch_config(FetchConfig { private_hosts: true, ..FetchConfig::default() });
    let got: Vec<_> = docs.collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].as_ref().is_ok_and(|d| d.body.contains("Clashes in the town")), "{got:?}");
    assert!(log.lock().unwrap().is_empty(), "the entry's link was not fetched");
}
