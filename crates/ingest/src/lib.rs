//! sitrep's first stage: turn the inputs named on the command line into
//! [`RawDoc`]s.
//!
//! [`documents`] takes files, directories (walked recursively in sorted path
//! order, hidden entries skipped), `-` for standard input, and JSONL
//! (`.jsonl`, `.ndjson`, or standard input whose first non-space byte is `{`),
//! each possibly gzip-compressed. It yields one item per document, lazily:
//! directories are listed when reached and JSONL is read a line at a time.
//!
//! One bad input never stops a batch: it becomes an `Err(IngestError)` item
//! naming the input (and line), and the iterator goes on. HTML pages are
//! passed on as [`Format::Html`] for the cleaner; feeds and WARC archives
//! will be further sources of the same iterator.

mod error;
mod jsonl;
mod open;
mod published;
mod text;
mod walk;

use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use sitrep_model::{DocId, Format, Hints, RawDoc};

pub use error::{ErrorKind, IngestError, Problem};
pub use published::parse_published;

use jsonl::JsonlStream;
use open::{open_path, read_all, wrap, Opened};
use walk::{kind_of, list_dir, stem_of, FileKind};

/// One input named by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory.
    Path(PathBuf),
    /// Standard input, written `-`.
    Stdin,
}

impl Input {
    /// A command-line argument: `-` is standard input, anything else a path.
    #[must_use]
    pub fn from_arg(arg: impl Into<PathBuf>) -> Self {
        let path = arg.into();
        if path.as_os_str() == "-" {
            Self::Stdin
        } else {
            Self::Path(path)
        }
    }
}

/// Size limits that keep one input from exhausting memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document, in bytes: a text file, or a JSONL line.
    pub max_doc_bytes: usize,
    /// The most bytes one gzip input may decompress to (a gzip bomb stops here).
    pub max_decompressed_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { max_doc_bytes: 10 << 20, max_decompressed_bytes: 1 << 30 }
    }
}

/// The documents of `inputs`, in order. See the crate docs.
#[must_use]
pub fn documents(inputs: &[Input], limits: &Limits) -> Documents {
    Documents::with_stdin(inputs, limits, Box::new(io::stdin()))
}

/// Where the walk is: one pending piece of work.
#[derive(Debug)]
enum Task {
    /// A file or directory, named by the user or found in a directory.
    Path(PathBuf),
    Stdin,
}

/// The iterator [`documents`] returns.
pub struct Documents {
    limits: Limits,
    queue: VecDeque<Task>,
    jsonl: Option<JsonlStream>,
    stdin: Option<Box<dyn Read + Send>>,
}

impl fmt::Debug for Documents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Documents").field("limits", &self.limits).field("queue", &self.queue).finish()
    }
}

impl Iterator for Documents {
    type Item = Result<RawDoc, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(stream) = &mut self.jsonl {
                match stream.next() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            let task = self.queue.pop_front()?;
            if let Some(item) = self.start(task) {
                return Some(item);
            }
        }
    }
}

impl Documents {
    /// Like [`documents`], reading `-` from `stdin` (for tests and embedding).
    #[must_use]
    pub fn with_stdin(inputs: &[Input], limits: &Limits, stdin: Box<dyn Read + Send>) -> Self {
        let queue = inputs
            .iter()
            .map(|i| match i {
                Input::Path(p) => Task::Path(p.clone()),
                Input::Stdin => Task::Stdin,
            })
            .collect();
        Self { limits: *limits, queue, jsonl: None, stdin: Some(stdin) }
    }

    /// Begin one task: yield a document or an error, or queue more work
    /// (a directory's entries, a JSONL stream) and yield nothing yet.
    fn start(&mut self, task: Task) -> Option<Result<RawDoc, IngestError>> {
        let result = match task {
            Task::Stdin => self.start_stdin(),
            Task::Path(path) => self.start_path(&path, fs::metadata(&path)),
        };
        result.transpose()
    }

    fn start_path(&mut self, path: &Path, meta: io::Result<fs::Metadata>) -> Result<Option<RawDoc>, IngestError> {
        let origin = path.display().to_string();
        let meta = meta.map_err(|e| IngestError::new(&origin, Problem::from_io(e)))?;
        if meta.is_dir() {
            let entries = list_dir(path).map_err(|p| IngestError::new(&origin, p))?;
            for entry in entries.into_iter().rev() {
                self.queue.push_front(Task::Path(entry));
            }
            return Ok(None);
        }
        let opened = open_path(path, self.limits.max_decompressed_bytes).map_err(|p| IngestError::new(&origin, p))?;
        match kind_of(path) {
            FileKind::Jsonl => self.start_jsonl(opened, origin, stem_of(path)),
            FileKind::Single(format) => {
                let body = self.read_body(opened, Some(meta.len())).map_err(|p| IngestError::new(&origin, p))?;
                Ok(Some(single(stem_of(path), origin, format, body)))
            }
        }
    }

    fn start_stdin(&mut self) -> Result<Option<RawDoc>, IngestError> {
        let reader = self.stdin.take().unwrap_or_else(|| Box::new(io::empty()));
        let mut opened = wrap(reader, self.limits.max_decompressed_bytes).map_err(|p| IngestError::new("-", p))?;
        let first = first_non_space(&mut opened.reader).map_err(|p| IngestError::new("-", p))?;
        if first == Some(b'{') {
            return self.start_jsonl(opened, "-".into(), "stdin".into());
        }
        let format = if first == Some(b'<') { Format::Html } else { Format::Text };
        let body = self.read_body(opened, None).map_err(|p| IngestError::new("-", p))?;
        Ok(Some(single("stdin".into(), "-".into(), format, body)))
    }

    fn start_jsonl(&mut self, opened: Opened, origin: String, stem: String) -> Result<Option<RawDoc>, IngestError> {
        self.jsonl = Some(JsonlStream::new(opened.reader, origin, stem, self.limits.max_doc_bytes)?);
        Ok(None)
    }

    /// Read and decode a one-document input within the limits.
    fn read_body(&self, opened: Opened, size: Option<u64>) -> Result<String, Problem> {
        let limit = if opened.compressed {
            self.limits.max_doc_bytes.min(self.limits.max_decompressed_bytes)
        } else {
            self.limits.max_doc_bytes
        };
        let size = if opened.compressed { None } else { size };
        text::decode(read_all(opened, limit, size)?, 0)
    }
}

fn single(id: String, origin: String, format: Format, body: String) -> RawDoc {
    RawDoc { id: DocId::new(id), origin, format, body, hints: Hints::default() }
}

/// The first byte that is not ASCII whitespace in the buffered head of the
/// input, without consuming anything (so JSONL line numbers stay right).
fn first_non_space(reader: &mut Box<dyn BufRead + Send>) -> Result<Option<u8>, Problem> {
    let head = reader.fill_buf().map_err(open::problem_of)?;
    Ok(head.iter().copied().find(|b| !b.is_ascii_whitespace()))
}
