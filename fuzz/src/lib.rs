//! What the ingest targets share: writing the fuzz input to a file whose
//! name chooses the reader (ingest picks WARC, JSONL and gzip readers by
//! file name, and reads them only through paths), and limits small enough
//! that a compressed bomb stops in milliseconds instead of at 1 GiB.

use std::path::PathBuf;
use std::sync::OnceLock;

use sitrep_ingest::{Documents, Input, Limits};

/// Limits for fuzzing: a fuzz input is at most a few hundred KiB, so these
/// are ample for real documents and keep one execution far below the
/// 1-second timeout and the RSS limit.
#[must_use]
pub fn limits() -> Limits {
    Limits {
        max_doc_bytes: 1 << 20,
        max_decompressed_bytes: 4 << 20,
        max_archive_bytes: 8 << 20,
        private_hosts: false,
        follow_links: false,
    }
}

/// A directory of this process's own, so parallel fuzz jobs (`-jobs=N`)
/// never share a file.
fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("sitrep-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir
    })
}

/// Write `data` to `<scratch>/<name>` and read it through the public entry
/// point, [`sitrep_ingest::documents`]' iterator, to the end. Errors are
/// the expected answer to bad bytes; only a panic is a finding. No URL is
/// ever named, so nothing goes to the network.
pub fn read_as_file(name: &str, data: &[u8]) {
    let path = scratch().join(name);
    std::fs::write(&path, data).expect("write scratch file");
    let inputs = [Input::Path(path)];
    // `with_stdin` with an empty reader: `-` is never among the inputs.
    let docs = Documents::with_stdin(&inputs, &limits(), Box::new(std::io::empty()));
    for doc in docs.flatten() {
        std::hint::black_box(doc);
    }
}
