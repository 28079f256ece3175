//! The front-end commands through the binary, on the bundled corpus:
//! `report` for the seed's day, `export`, and `serve` (its read-only API and
//! its token-guarded ingest through the real pipeline).

#[allow(dead_code)]
use crate::common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

fn sitrep(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(dir).output().expect("sitrep runs")
}

/// A store holding the bundled corpus, in a fresh directory.
fn corpus_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = common::root().join("examples/corpus");
    let o = sitrep(&["ingest", "--quiet", "--db", "c.db", corpus.to_str().expect("utf-8")], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    dir
}

/// How many events the store holds, as `sitrep events` lists them.
fn stored_events(dir: &Path) -> usize {
    let o = sitrep(&["events", "--db", "c.db", "--format", "jsonl"], dir);
    String::from_utf8_lossy(&o.stdout).lines().count()
}

/// The report's area sections: (heading, what happened, claimed or speculative).
fn sections(md: &str) -> Vec<(String, String, String)> {
    md.split("\n## ")
        .skip(1)
        .map(|s| {
            let heading = s.lines().next().unwrap_or("").to_owned();
            let (facts, claims) = s.split_once("### Claimed or speculative").unwrap_or((s, ""));
            (heading, facts.to_owned(), claims.to_owned())
        })
        .collect()
}

#[test]
fn the_seed_day_report_separates_strikes_demining_and_speculation() {
    let dir = corpus_store();
    let o = sitrep(&["report", "--db", "c.db", "--date", "2016-01-20"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let md = String::from_utf8_lossy(&o.stdout).into_owned();
    let areas = sections(&md);
    let area = |name: &str| {
        areas.iter().find(|(h, _, _)| h.starts_with(name)).unwrap_or_else(|| panic!("no {name} section in\n{md}"))
    };
    for province in ["Deir ez-Zor", "Latakia"] {
        let (_, facts, _) = area(province);
        assert!(
            facts.contains("**Air/drone strike**") && facts.contains("16 sorties, 57 targets"),
            "{province}:\n{facts}"
        );
    }
    assert!(md.contains("Reported: 16 sorties, 57 targets."), "the day counts the statement once");
    let demining = areas.iter().find(|(_, f, _)| f.contains("minesweeping")).expect("the demining is an event");
    assert!(demining.1.contains("Jar"), "near Jarabulus: {}", demining.1);
    let invasion = "growing indications that Turkey is preparing a ground invasion";
    assert!(areas.iter().any(|(_, _, c)| c.contains(invasion)), "the invasion talk is a claim");
    assert!(areas.iter().all(|(_, f, _)| !f.contains(invasion)), "and not an event");
    let html = sitrep(&["report", "--db", "c.db", "--date", "2016-01-20", "--format", "html"], dir.path());
    let html = String::from_utf8_lossy(&html.stdout);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<svg") && html.contains("Claimed or speculative"));
}

#[test]
fn report_and_export_refuse_bad_arguments() {
    let dir = corpus_store();
    let cases: [&[&str]; 4] = [
        &["report", "--db", "c.db", "--date", "20 Jan 2016"],
        &["report", "--db", "missing.db", "--date", "2016-01-20"],
        &["export", "--db", "c.db", "--format", "csv", "--type", "Airstrike"],
        &["export", "--db", "c.db", "--format", "csv", "--since", "yesterday"],
    ];
    for args in cases {
        let o = sitrep(args, dir.path());
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn exports_hold_the_stored_events() {
    let dir = corpus_store();
    let o = sitrep(&["export", "--db", "c.db", "--format", "csv", "--country", "Syria"], dir.path());
    assert!(o.status.success());
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(csv.starts_with("event_id_cnty,event_date,year,time_precision,event_type,"));
    assert!(csv.lines().skip(1).all(|l| l.contains(",Syria,")), "{csv}");
    let o = sitrep(&["export", "--db", "c.db", "--format", "geojson", "--output", "e.geojson"], dir.path());
    assert!(o.status.success());
    let fc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("e.geojson")).expect("file")).expect("GeoJSON");
    assert_eq!(fc["features"].as_array().map(Vec::len), Some(stored_events(dir.path())));
    let o = sitrep(&["export", "--db", "c.db", "--format", "parquet", "--output", "e.parquet"], dir.path());
    if cfg!(feature = "parquet") {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(&std::fs::read(dir.path().join("e.parquet")).expect("file")[..4], b"PAR1");
    } else {
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("--features parquet"));
    }
}

/// A `sitrep serve` child on a free port; killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(dir: &Path, token: Option<&str>) -> Server {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(["serve", "--db", "c.db", "--addr", "127.0.0.1:0"]).current_dir(dir).stderr(Stdio::piped());
    match token {
        Some(t) => cmd.env("SITREP_TOKEN", t),
        None => cmd.env_remove("SITREP_TOKEN"),
    };
    let mut child = cmd.spawn().expect("serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().expect("stderr")).read_line(&mut line).expect("a line");
    let addr = line.split("http://").nth(1).and_then(|s| s.split('/').next()).expect("the address").to_owned();
    Server { child, addr }
}

/// One HTTP/1.1 exchange: (status, body).
fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let mut req =
        format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).expect("send");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("read");
    let status = answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    (status, answer.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default())
}

#[test]
fn serve_answers_read_only_and_ingests_with_its_token() {
    let dir = corpus_store();
    let ro = serve(dir.path(), None);
    let (status, body) = http(&ro.addr, "GET", "/health", &[], "");
    assert_eq!(status, 200);
    let events = format!("\"events\":{}", stored_events(dir.path()));
    assert!(body.contains(&events) && body.contains("\"ingest\":false"), "{body}");
    let doc = r#"{"id": "xss", "text": "Government warplanes struck the town of Saraqib in Idlib province on Monday <script>alert(1)</script>, killing five civilians.", "published": "2017-04-10"}"#;
    assert_eq!(http(&ro.addr, "POST", "/api/ingest", &[("Authorization", "Bearer 0123456789abcdef0123")], doc).0, 403);
    drop(ro);
    let token = "0123456789abcdef0123";
    let rw = serve(dir.path(), Some(token));
    assert_eq!(http(&rw.addr, "POST", "/api/ingest", &[], doc).0, 401);
    let (status, body) = http(&rw.addr, "POST", "/api/ingest", &[("Authorization", &format!("Bearer {token}"))], doc);
    assert_eq!(status, 201, "{body}");
    assert!(body.contains("\"inserted\":1"), "{body}");
    let (_, body) = http(&rw.addr, "GET", "/api/events?doc=xss", &[], "");
    let v: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    let evidence = v["events"][0]["evidence"]["text"].as_str().unwrap_or("");
    assert!(evidence.contains("<script>alert(1)</script>"), "the API gives the text as written: {body}");
}
