//! Ingest end to end on generated fixtures in a temporary directory: every
//! kind of good and bad input, and the order and ids of what comes out.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; skips are reported

use std::fs;
use std::io::{Cursor, Write};
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use sitrep_ingest::{documents, Documents, ErrorKind, Input, Limits};

/// One line per item: `ok <id> <format> <origin>` or `err <kind> <message>`,
/// with the temporary directory replaced by `$T`.
fn run(inputs: &[Input], limits: &Limits, root: &Path) -> Vec<String> {
    let base = root.display().to_string();
    documents(inputs, limits)
        .map(|item| match item {
            Ok(d) => format!("ok {} {:?} {}", d.id, d.format, d.origin.replace(&base, "$T")),
            Err(e) => format!("err {} {}", e.kind().as_str(), e.to_string().replace(&base, "$T")),
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn a_directory_is_walked_in_sorted_order_and_bad_files_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "b.txt", b"Second article.");
    write(d, "a.md", b"First article.");
    write(d, "sub/c", b"No extension.");
    write(d, "sub/page.html", b"<p>A page.</p>");
    write(d, ".hidden.txt", b"Never read.");
    write(d, ".git/config", b"Never read.");
    write(d, "empty.txt", b"  \n\n ");
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d, "latin1.txt", b"caf\xe9 au lait");
    write(d, "z.txt.gz", &gzip(b"Compressed article."));
    let got = run(&[Input::Path(d.to_path_buf())], &Limits::default(), d);
    assert_eq!(
        got,
        [
            "ok a Text $T/a.md",
            "ok b Text $T/b.txt",
            "err empty $T/empty.txt: empty document",
            "err binary $T/image.txt: binary content: NUL byte at byte offset 8",
            "ok latin1 Text $T/latin1.txt",
            "ok c Text $T/sub/c",
            "ok page Html $T/sub/page.html",
            "ok z Text $T/z.txt.gz",
        ]
    );
}

#[test]
fn missing_paths_are_bad_usage_and_the_batch_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "ok.txt", b"Fine.");
    let inputs = [Input::Path(d.join("nope.txt")), Input::Path(d.join("ok.txt"))];
    let got = run(&inputs, &Limits::default(), d);
    assert_eq!(got, ["err not_found $T/nope.txt: no such file or directory", "ok ok Text $T/ok.txt"]);
    let first = documents(&inputs, &Limits::default()).next().unwrap().unwrap_err();
    assert!(first.kind().is_bad_usage());
}

#[test]
fn files_over_the_size_limit_name_size_and_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "big.txt", &vec![b'a'; 5000]);
    write(d, "big.txt.gz", &gzip(&vec![b'a'; 5000]));
    write(d, "small.txt", b"Small.");
    let limits = Limits { max_doc_bytes: 1000, max_decompressed_bytes: 1 << 20, ..Limits::default() };
    let got = run(&[Input::Path(d.to_path_buf())], &limits, d);
    assert_eq!(
        got,
        [
            "err too_large $T/big.txt: 5000 bytes is larger than the limit of 1000 bytes",
            "err too_large $T/big.txt.gz: decompressed data is larger than the limit of 1000 bytes",
            "ok small Text $T/small.txt",
        ]
    );
}

#[test]
fn a_fifty_megabyte_file_is_refused_without_reading_it() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(50 << 20).unwrap(); // sparse: costs no disk
    let got = run(&[Input::Path(path)], &Limits::default(), tmp.path());
    assert_eq!(got, ["err too_large $T/huge.txt: 52428800 bytes is larger than the limit of 10485760 bytes"]);
}

#[test]
fn a_gzip_bomb_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "bomb.jsonl.gz", &gzip(&vec![b' '; 20 << 20]));
    let limits = Limits { max_doc_bytes: 1 << 20, max_decompressed_bytes: 4 << 20, ..Limits::default() };
    let got = run(&[Input::Path(d.join("bomb.jsonl.gz"))], &limits, d);
    assert_eq!(got, ["err too_large $T/bomb.jsonl.gz:1: decompressed data is larger than the limit of 4194304 bytes"]);
}

#[test]
fn jsonl_files_yield_records_and_line_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let lines = concat!(
        "{\"id\": \"r1\", \"text\": \"One.\", \"title\": \"T\", \"published\": \"2016-01-21T08:00:00+02:00\", \"outlet\": \"X\", \"url\": \"http://x\"}\n",
        "not json\n",
        "{\"html\": \"<p>Two.</p>\"}\n",
    );
    write(d, "feed.jsonl", lines.as_bytes());
    write(d, "feed2.ndjson.gz", &gzip(b"{\"id\": \"g\", \"text\": \"Gz.\"}\n"));
    let got = run(&[Input::Path(d.to_path_buf())], &Limits::default(), d);
    assert_eq!(
        got,
        [
            "ok r1 Text $T/feed.jsonl:1",
            "err invalid_json $T/feed.jsonl:2: invalid JSON: expected ident (column 2)",
            "ok feed:3 Html $T/feed.jsonl:3",
            "ok g Text $T/feed2.ndjson.gz:1",
        ]
    );
    let first = documents(&[Input::Path(d.join("feed.jsonl"))], &Limits::default()).next().unwrap().unwrap();
    assert_eq!(first.hints.title.as_deref(), Some("T"));
    assert_eq!(first.hints.outlet.as_deref(), Some("X"));
    assert_eq!(first.hints.url.as_deref(), Some("http://x"));
    assert_eq!(first.hints.published.map(|p| p.to_string()).as_deref(), Some("2016-01-21"));
}

#[test]
fn a_binary_jsonl_file_is_one_error() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    write(d, "x.jsonl", b"\0\x01\x02\n\x03\n\x04\n");
    let got = run(&[Input::Path(d.join("x.jsonl"))], &Limits::default(), d);
    assert_eq!(got, ["err binary $T/x.jsonl: binary content: NUL byte at byte offset 0"]);
}

fn stdin_items(bytes: &[u8]) -> Vec<String> {
    Documents::with_stdin(&[Input::Stdin], &Limits::default(), Box::new(Cursor::new(bytes.to_vec())))
        .map(|item| match item {
            Ok(d) => format!("ok {} {:?} {} {}", d.id, d.format, d.origin, d.body.len()),
            Err(e) => format!("err {e}"),
        })
        .collect()
}

#[test]
fn stdin_is_text_html_or_jsonl_by_content() {
    assert_eq!(stdin_items(b"Plain text."), ["ok stdin Text - 11"]);
    assert_eq!(stdin_items(b"  <html><p>x</p></html>"), ["ok stdin Html - 23"]);
    assert_eq!(
        stdin_items(b"\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n"),
        ["ok stdin:2 Text -:2 1", "ok stdin:3 Text -:3 1"]
    );
    assert_eq!(stdin_items(&gzip(b"Zipped.")), ["ok stdin Text - 7"]);
    assert_eq!(stdin_items(b""), ["err -: empty document"]);
}

#[test]
fn a_large_jsonl_file_is_streamed() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("many.jsonl");
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    for i in 0..200_000 {
        writeln!(file, "{{\"id\": \"d{i}\", \"text\": \"Document number {i}.\"}}").unwrap();
    }
    drop(file);
    let mut count = 0;
    let mut last = String::new();
    for item in documents(&[Input::Path(path)], &Limits::default()) {
        last = item.unwrap().id.to_string();
        count += 1;
    }
    assert_eq!((count, last.as_str()), (200_000, "d199999"));
}

#[test]
fn an_unreadable_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let locked = tmp.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read_dir(&locked).is_ok() {
        eprintln!("skipped: running with privileges that read any directory");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let got = run(&[Input::Path(locked.clone())], &Limits::default(), tmp.path());
    let kind = documents(&[Input::Path(locked.clone())], &Limits::default()).next().unwrap().unwrap_err().kind();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("err unreadable $T/locked: cannot read"), "{got:?}");
    assert_eq!(kind, ErrorKind::Unreadable);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn random_bytes_on_stdin(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            let limits = Limits { max_doc_bytes: 500, max_decompressed_bytes: 1000, ..Limits::default() };
            let items = Documents::with_stdin(&[Input::Stdin], &limits, Box::new(Cursor::new(bytes)));
            for item in items.take(10_000) {
                let _ = item.map_err(|e| e.to_string());
            }
        }

        #[test]
        fn random_jsonl_like_lines(lines in proptest::collection::vec("[{}\":a-z0-9 ,\\[\\]\\\\]{0,40}", 0..20)) {
            let mut text = String::from("{\"text\": \"x\"}\n");
            text.push_str(&lines.join("\n"));
            let items = Documents::with_stdin(&[Input::Stdin], &Limits::default(), Box::new(Cursor::new(text.into_bytes())));
            prop_assert!(items.count() >= 1);
        }
    }
}
