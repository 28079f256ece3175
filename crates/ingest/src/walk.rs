//! What a path holds: the kind of input a file is (by its name), its document
//! id, and the sorted, non-hidden entries of a directory.

use std::fs;
use std::path::{Path, PathBuf};

use sitrep_model::Format;

use crate::error::Problem;

/// How a file's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// One document per file.
    Single(Format),
    /// One document per line.
    Jsonl,
    /// A WARC archive: one document per HTML response record.
    Warc,
    /// An RSS, Atom or RDF feed: one document per entry.
    Feed,
}

/// The kind of a file from its name, looking through a `.gz` suffix:
/// `.jsonl`/`.ndjson` are JSONL, `.html`/`.htm`/`.xhtml` HTML, anything else
/// (`.txt`, `.md`, no extension) text; binary content is caught when read.
/// `.warc` is an archive, `.rss`/`.atom`/`.rdf`/`.xml` a feed.
pub(crate) fn kind_of(path: &Path) -> FileKind {
    match inner_extension(path).as_deref() {
        Some("jsonl" | "ndjson") => FileKind::Jsonl,
        Some("warc" | "arc") => FileKind::Warc,
        Some("rss" | "atom" | "rdf" | "xml") => FileKind::Feed,
        Some("html" | "htm" | "xhtml") => FileKind::Single(Format::Html),
        _ => FileKind::Single(Format::Text),
    }
}

/// The extension in lower case, after removing a `.gz`.
fn inner_extension(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Path::new(name).extension().map(|e| e.to_string_lossy().into_owned())
}

/// The document id of a file: its name without `.gz` and without its
/// extension (`2016-01-21-review.txt.gz` → `2016-01-21-review`).
pub(crate) fn stem_of(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match Path::new(name).file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => name.to_owned(),
    }
}

/// The entries of a directory that are worth reading, sorted by path so
/// output order is the same on every machine. Hidden entries (a leading
/// `.`) are skipped, and so are symbolic links to directories: following
/// them could loop.
///
/// # Errors
/// When the directory cannot be listed.
pub(crate) fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(Problem::from_io)? {
        let entry = entry.map_err(Problem::from_io)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if is_link && path.is_dir() {
            continue;
        }
        paths.push(path);
    }
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn kinds_and_stems_by_name() {
        let cases = [
            ("a/review.txt", FileKind::Single(Format::Text), "review"),
            ("review.md", FileKind::Single(Format::Text), "review"),
            ("README", FileKind::Single(Format::Text), "README"),
            ("page.HTML", FileKind::Single(Format::Html), "page"),
            ("dump.jsonl.gz", FileKind::Jsonl, "dump"),
            ("feed.ndjson", FileKind::Jsonl, "feed"),
            ("2016-01-21-review.txt.gz", FileKind::Single(Format::Text), "2016-01-21-review"),
            ("CC-NEWS-2020.warc.gz", FileKind::Warc, "CC-NEWS-2020"),
            ("wire.rss", FileKind::Feed, "wire"),
            ("monitor.atom.xml", FileKind::Feed, "monitor.atom"),
        ];
        for (path, kind, stem) in cases {
            assert_eq!(kind_of(Path::new(path)), kind, "{path}");
            assert_eq!(stem_of(Path::new(path)), stem, "{path}");
        }
    }
}
