//! The binary as users run it: exit codes, errors naming the input and line,
//! one bad document never stopping a batch, idempotent ingest, and the
//! filters of `sitrep events`.

#[allow(dead_code)] // the shared module is used in part here
use crate::common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn sitrep(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep")).args(args).current_dir(dir).output().expect("sitrep runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn lines(o: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&o.stdout).lines().map(|l| serde_json::from_str(l).expect("JSONL line")).collect()
}

const GOOD: &str = "Gunmen shot dead a teacher in Jalalabad city on Sunday.";

/// One directory with every kind of bad input next to a good document.
fn bad_batch(dir: &Path) {
    fs::write(dir.join("a-good.txt"), GOOD).expect("write");
    fs::write(dir.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("write");
    fs::write(dir.join("latin1.txt"), b"Caf\xe9 bombing in Kabul killed 3 people.").expect("write");
    fs::write(dir.join("empty.txt"), b"").expect("write");
    fs::write(dir.join("huge.txt"), "word ".repeat(10_500_000)).expect("write");
    let jsonl = format!(
        "{{\"id\":\"j1\",\"text\":\"{GOOD}\"}}\n{{not json\n{{\"id\":\"j3\"}}\n{{\"id\":\"j4\",\"text\":\"{GOOD}\"}}\n"
    );
    fs::write(dir.join("z.jsonl"), jsonl).expect("write");
}

#[test]
fn bad_inputs_are_named_counted_and_never_stop_the_batch() {
    let dir = tempfile::tempdir().expect("tempdir");
    bad_batch(dir.path());
    let out = sitrep(&["extract", "--format", "jsonl", "."], dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "bad input exits 2: {err}");
    for needle in ["binary.txt", "empty.txt", "huge.txt", "larger than the limit", "z.jsonl:2", "z.jsonl:3"] {
        assert!(err.contains(needle), "stderr names {needle:?}:\n{err}");
    }
    let docs: Vec<String> = lines(&out).iter().map(|e| e["doc_id"].as_str().unwrap_or("").to_owned()).collect();
    // A Latin-1 text file is decoded, not refused (issue 14).
    for id in ["a-good", "j1", "j4", "latin1"] {
        assert!(docs.iter().any(|d| d == id), "{id} still processed: {docs:?}");
    }
    assert!(!err.contains("latin1.txt"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = sitrep(&["extract", "no-such-file.txt"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such-file.txt"));
    assert_eq!(sitrep(&["extract", "--no-such-flag", "x"], dir.path()).status.code(), Some(2));
    let bad_filter = sitrep(&["events", "--since", "yesterday"], dir.path());
    assert_eq!(bad_filter.status.code(), Some(2));
    assert!(stderr(&bad_filter).contains("--since"));
}

/// A format a command cannot write is refused, not replaced by another:
/// `clean` and `places` list no events (no CSV or GeoJSON form), and
/// `ingest` writes only to the store.
#[test]
fn formats_a_command_cannot_write_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases: [(&[&str], &str); 4] = [
        (&["clean", "--format", "csv", "x.txt"], "table, jsonl"),
        (&["places", "--format", "geojson", "x.txt"], "table, jsonl"),
        (&["ingest", "--format", "jsonl", "x.txt"], "--format"),
        (&["extract", "--format", "parquet", "x.txt"], "table, jsonl, csv, geojson"),
    ];
    for (args, said) in cases {
        let out = sitrep(args, dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(said), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "--format", "jsonl", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .current_dir(dir.path())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(GOOD.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(lines(&out).len(), 1);
}

#[test]
fn ingest_is_idempotent_and_events_filter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = common::root().join("examples/corpus");
    let corpus = corpus.to_str().expect("utf-8 path");
    let first = sitrep(&["ingest", "--db", "t.db", corpus], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    let all = lines(&sitrep(&["events", "--db", "t.db", "--format", "jsonl"], dir.path()));
    assert!(all.len() >= 10, "the corpus yields events: {}", all.len());
    let second = sitrep(&["ingest", "--db", "t.db", corpus], dir.path());
    assert!(stderr(&second).contains("0 events stored"), "{}", stderr(&second));
    assert_eq!(lines(&sitrep(&["events", "--db", "t.db", "--format", "jsonl"], dir.path())).len(), all.len());

    // Each filter, checked against the records themselves.
    let count = |args: &[&str]| {
        let mut a = vec!["events", "--db", "t.db", "--format", "jsonl"];
        a.extend_from_slice(args);
        lines(&sitrep(&a, dir.path())).len()
    };
    let n = |f: &dyn Fn(&serde_json::Value) -> bool| all.iter().filter(|e| f(e)).count();
    assert_eq!(count(&["--type", "Air/drone strike"]), n(&|e| e["sub_event_type"] == "Air/drone strike"));
    assert_eq!(count(&["--type", "Battles"]), n(&|e| e["event_type"] == "Battles"));
    assert_eq!(count(&["--since", "2017-01-01"]), n(&|e| e["date"].as_str().is_some_and(|d| d >= "2017-01-01")));
    assert_eq!(count(&["--until", "2016-12-31"]), n(&|e| e["date"].as_str().is_some_and(|d| d <= "2016-12-31")));
    assert_eq!(count(&["--country", "AF"]), n(&|e| e["location"]["country"] == "AF"));
    assert_eq!(count(&["--modality", "asserted"]), n(&|e| e["modality"] == "asserted"));
    assert_eq!(
        count(&["--actor", "Russia"]),
        n(&|e| ["actor1", "actor2"].iter().any(|a| e[a]["name"].as_str().is_some_and(|s| s.contains("Russia"))))
    );
    let near = count(&["--near", "35.34,40.14,50"]);
    assert!(near >= 3 && near < all.len(), "events within 50 km of Deir ez-Zor: {near}");
}

/// Two JSONL lines with one id and different text, and a sentence the coder
/// reads as two events of one type at one place (one per party): the
/// second document is kept under a derived id, the twin events get ids of
/// their own, and nothing after them is lost. Both stopped the batch before.
#[test]
fn shared_ids_never_stop_an_ingest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let twins = "Puzzlingly the ministry also said three senior Daesh commanders including Omar Al Shishani \
                 had been confirmed dead as a result of an earlier Russian strike.";
    let jsonl = format!(
        "{{\"id\":\"j1\",\"text\":\"{GOOD}\"}}\n\
         {{\"id\":\"j1\",\"text\":\"Gunmen shot dead a doctor in Kandahar city on Monday.\"}}\n\
         {{\"id\":\"j3\",\"text\":\"{twins}\"}}\n\
         {{\"id\":\"j4\",\"text\":\"Gunmen shot dead a farmer in Herat city on Monday.\"}}\n"
    );
    fs::write(dir.path().join("d.jsonl"), jsonl).expect("write");
    let first = sitrep(&["ingest", "--db", "t.db", "d.jsonl"], dir.path());
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("renamed document \"j1\""), "{}", stderr(&first));
    assert!(stderr(&first).contains("1 id conflicts stored under new ids"), "{}", stderr(&first));
    let events = lines(&sitrep(&["events", "--db", "t.db", "--format", "jsonl"], dir.path()));
    let docs: std::collections::BTreeSet<&str> = events.iter().filter_map(|e| e["doc_id"].as_str()).collect();
    assert_eq!(docs.len(), 4, "every document stored: {docs:?}");
    let again = sitrep(&["ingest", "--db", "t.db", "d.jsonl"], dir.path());
    assert!(stderr(&again).contains("0 events stored"), "{}", stderr(&again));
}

/// Parquet from a build without it is refused before the output file is
/// made; with it, the file holds the export. Never an empty file that looks
/// like a result.
#[test]
fn an_export_that_cannot_be_written_leaves_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("a.txt"), GOOD).expect("write");
    assert!(sitrep(&["ingest", "-q", "--db", "t.db", "a.txt"], dir.path()).status.success());
    let out = sitrep(&["export", "--db", "t.db", "--format", "parquet", "--output", "e.parquet"], dir.path());
    let file = fs::metadata(dir.path().join("e.parquet"));
    if out.status.success() {
        assert!(file.is_ok_and(|m| m.len() > 0), "a Parquet build writes the file");
    } else {
        assert!(stderr(&out).contains("Parquet"), "{}", stderr(&out));
        assert!(file.is_err(), "no empty file is left");
    }
}

#[test]
fn an_empty_directory_is_named_and_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::create_dir(dir.path().join("spool")).expect("mkdir");
    let out = sitrep(&["extract", "spool"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no documents found in spool"), "{}", stderr(&out));
}

#[test]
fn clean_reads_the_seed_header() {
    let seed = common::root().join("examples/corpus/2016-01-21-southfront-military-review-syria.txt");
    let out = sitrep(&["clean", "--format", "jsonl", seed.to_str().expect("utf-8")], &common::root());
    let doc = &lines(&out)[0];
    assert_eq!(doc["title"], "To the Rescue of ISIS: Turkey Prepares Ground Invasion of Syria");
    assert_eq!(doc["published"], "2016-01-21");
    assert_eq!(doc["outlet"], "South Front");
    let text = doc["text"].as_str().unwrap_or("");
    assert!(text.starts_with("On Jan. 20, Russian warplanes"));
    assert!(!text.contains("PayPal") && !text.contains("Copyright"));
}

#[test]
fn output_formats() {
    let seed = common::root().join("examples/corpus/2016-01-21-southfront-military-review-syria.txt");
    let seed = seed.to_str().expect("utf-8");
    let csv = sitrep(&["extract", "--format", "csv", seed], &common::root());
    let csv = String::from_utf8_lossy(&csv.stdout).into_owned();
    let header = csv.lines().next().unwrap_or("");
    for col in [
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "fatalities",
        "notes",
    ] {
        assert!(header.split(',').any(|c| c == col), "CSV has ACLED's {col}");
    }
    let geo = sitrep(&["extract", "--format", "geojson", seed], &common::root());
    let fc: serde_json::Value = serde_json::from_slice(&geo.stdout).expect("GeoJSON parses");
    assert_eq!(fc["type"], "FeatureCollection");
    let f = &fc["features"][0];
    let coords = f["geometry"]["coordinates"].as_array().expect("point");
    assert_eq!(coords[0], f["properties"]["location"]["lon"], "RFC 7946: longitude first");
}
