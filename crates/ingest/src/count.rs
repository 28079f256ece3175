//! How many documents the inputs hold, when that is cheap to know before
//! reading them: what a progress line needs for its estimate of the time
//! left. A plain JSONL file holds one document per line that is not blank
//! (counted by one pass over its bytes, which the reading then finds in the
//! page cache); a page or text file holds one. Anything else (standard
//! input, a URL, a directory, an archive, a feed, a compressed file) is not
//! known without reading it through, so the whole count is unknown.

use std::path::Path;

use crate::open::open_path;
use crate::walk::{kind_of, FileKind};
use crate::Input;

/// The number of documents in `inputs`, or `None` when any input's count
/// is not known before reading it (or cannot be read now: the reading will
/// say why).
#[must_use]
pub fn expected_documents(inputs: &[Input]) -> Option<u64> {
    inputs.iter().map(expected_in).sum()
}

fn expected_in(input: &Input) -> Option<u64> {
    let Input::Path(path) = input else { return None };
    if !path.is_file() {
        return None;
    }
    match kind_of(path) {
        FileKind::Jsonl => records(path),
        FileKind::Single(_) => Some(1),
        FileKind::Warc | FileKind::Feed => None,
    }
}

/// The lines of a JSONL file that are not blank, as the JSONL reader
/// counts its records; `None` for gzip data (known by its magic bytes, as
/// the reader knows it), whose lines are only known by decompressing it.
fn records(path: &Path) -> Option<u64> {
    let opened = open_path(path, usize::MAX).ok()?;
    if opened.compressed {
        return None;
    }
    let mut reader = opened.reader;
    let (mut count, mut blank) = (0, true);
    loop {
        let buf = reader.fill_buf().ok()?;
        if buf.is_empty() {
            return Some(count + u64::from(!blank));
        }
        for &b in buf {
            if b == b'\n' {
                count += u64::from(!blank);
                blank = true;
            } else if !b.is_ascii_whitespace() {
                blank = false;
            }
        }
        let n = buf.len();
        reader.consume(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(dir: &Path, name: &str, content: &str) -> Input {
        let path = dir.join(name);
        std::fs::write(&path, content).expect("a test file");
        Input::Path(path)
    }

    #[test]
    fn counts_what_is_known_and_nothing_else() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let d = dir.path();
        let jsonl = file(d, "a.jsonl", "{\"id\":1}\n\n  \n{\"id\":2}\n{\"id\":3}");
        let crlf = file(d, "b.ndjson", "{\"id\":1}\r\n{\"id\":2}\r\n\r\n");
        let page = file(d, "p.html", "<p>x</p>");
        let text = file(d, "t.txt", "Gunmen attacked a village.");
        let warc = file(d, "w.warc", "WARC/1.0\r\n");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"{\"id\":1}\n{\"id\":2}\n").expect("compresses");
        let gz_path = d.join("c.jsonl.gz");
        std::fs::write(&gz_path, enc.finish().expect("compresses")).expect("a test file");
        let gz = Input::Path(gz_path);
        let missing = Input::Path(d.join("missing.jsonl"));
        let cases: Vec<(&str, Vec<Input>, Option<u64>)> = vec![
            ("jsonl, blank lines and no final newline", vec![jsonl.clone()], Some(3)),
            ("ndjson with CRLF", vec![crlf.clone()], Some(2)),
            ("files add up", vec![jsonl.clone(), crlf, page, text], Some(7)),
            ("an archive's records are unknown", vec![jsonl.clone(), warc], None),
            ("so are a compressed file's", vec![gz], None),
            ("a directory's", vec![Input::Path(d.to_path_buf())], None),
            ("standard input's", vec![jsonl.clone(), Input::Stdin], None),
            ("a URL's", vec![Input::Url("https://example.org/".into())], None),
            ("a missing file's", vec![jsonl, missing], None),
            ("no input holds none", vec![], Some(0)),
        ];
        for (what, inputs, expected) in cases {
            assert_eq!(expected_documents(&inputs), expected, "{what}");
        }
    }
}
