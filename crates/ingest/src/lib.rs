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
//! naming the input (and line), and the iterator goes on.
//!
//! Web formats, all yielding [`Format::Html`] documents for the cleaner:
//! - HTML pages (`.html`, `.htm`, `.xhtml`), decoded from their declared or
//!   detected encoding ([`charset`]);
//! - WARC archives (`.warc`, `.warc.gz`), read record by record ([`warc`]);
//! - feeds (`.rss`, `.atom`, `.rdf`, and `.xml` files that are feeds), one
//!   document per entry ([`feed`]);
//! - `http://` and `https://` URLs, fetched politely ([`fetch`]): a page, or
//!   a feed whose entries' pages are fetched in turn.

pub mod address;
mod charset;
mod count;
mod error;
pub mod feed;
pub mod fetch;
mod http;
mod jsonl;
mod open;
mod published;
mod text;
mod walk;
mod warc;

use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

use sitrep_model::{DocId, Format, Hints, RawDoc};

pub use count::expected_documents;
pub use error::{ErrorKind, IngestError, Problem};
pub use feed::{parse_feed, Feed, FeedEntry};
pub use fetch::{FetchConfig, Fetched, Fetcher, Page, Validators};
pub use published::parse_published;

use jsonl::JsonlStream;
use open::{open_path, read_all, wrap, Opened};
use walk::{kind_of, list_dir, stem_of, FileKind};
use warc::WarcStream;

/// One input named by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory.
    Path(PathBuf),
    /// Standard input, written `-`.
    Stdin,
    /// An `http://` or `https://` URL: a page or a feed.
    Url(String),
}

impl Input {
    /// A command-line argument: `-` is standard input, an `http(s)://` URL
    /// is fetched, anything else is a path.
    #[must_use]
    pub fn from_arg(arg: impl Into<PathBuf>) -> Self {
        let path = arg.into();
        match path.to_str() {
            Some("-") => Self::Stdin,
            Some(s) if s.starts_with("http://") || s.starts_with("https://") => Self::Url(s.to_owned()),
            _ => Self::Path(path),
        }
    }
}

/// As the user wrote it: the path, `-` or the URL.
impl std::fmt::Display for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Path(p) => write!(f, "{}", p.display()),
            Self::Stdin => f.write_str("-"),
            Self::Url(u) => f.write_str(u),
        }
    }
}

/// Size limits that keep one input from exhausting memory, and how far a
/// reader may reach over the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest document, in bytes: a text file, or a JSONL line.
    pub max_doc_bytes: usize,
    /// The most bytes one gzip input may decompress to (a gzip bomb stops here).
    pub max_decompressed_bytes: usize,
    /// The same for a WARC archive, which holds many documents.
    pub max_archive_bytes: usize,
    /// URLs on loopback and private networks may be fetched
    /// ([`FetchConfig::private_hosts`]).
    pub private_hosts: bool,
    /// A feed's summary-only entries have their linked pages fetched. Off
    /// by default: reading a feed, from a file, a URL or a posted document,
    /// does not go online for its links unless the user asks.
    pub follow_links: bool,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_doc_bytes: 10 << 20,
            max_decompressed_bytes: 1 << 30,
            max_archive_bytes: 1 << 40,
            private_hosts: false,
            follow_links: false,
        }
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
    Url(String),
    /// One entry of a feed read earlier; `linked` when its page may be
    /// fetched ([`Limits::follow_links`]).
    Entry {
        feed: std::sync::Arc<Feed>,
        index: usize,
        origin: String,
        linked: bool,
    },
}

/// A source of many documents (JSONL, WARC) being read.
type Stream = Box<dyn Iterator<Item = Result<RawDoc, IngestError>> + Send>;

/// The iterator [`documents`] returns.
pub struct Documents {
    limits: Limits,
    queue: VecDeque<Task>,
    stream: Option<Stream>,
    stdin: Option<Box<dyn Read + Send>>,
    fetch: FetchConfig,
    /// Made when the first URL is met.
    fetcher: Option<Fetcher>,
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
            if let Some(stream) = &mut self.stream {
                match stream.next() {
                    Some(item) => return Some(item),
                    None => self.stream = None,
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
                Input::Url(u) => Task::Url(u.clone()),
            })
            .collect();
        let fetch = FetchConfig { private_hosts: limits.private_hosts, ..FetchConfig::default() };
        Self { limits: *limits, queue, stream: None, stdin: Some(stdin), fetch, fetcher: None }
    }

    /// Fetch URLs and feed entries' pages with `config` instead of the default.
    #[must_use]
    pub fn with_fetch_config(mut self, config: FetchConfig) -> Self {
        self.fetch = config;
        self
    }

    fn fetcher(&mut self) -> &mut Fetcher {
        self.fetcher.get_or_insert_with(|| Fetcher::new(self.fetch.clone()))
    }

    /// Begin one task: yield a document or an error, or queue more work
    /// (a directory's entries, a JSONL stream) and yield nothing yet.
    fn start(&mut self, task: Task) -> Option<Result<RawDoc, IngestError>> {
        let result = match task {
            Task::Stdin => self.start_stdin(),
            Task::Path(path) => self.start_path(&path, fs::metadata(&path)),
            Task::Url(url) => self.start_url(&url),
            Task::Entry { feed, index, origin, linked } => self.start_entry(&feed, index, &origin, linked),
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
        let kind = kind_of(path);
        let cap =
            if kind == FileKind::Warc { self.limits.max_archive_bytes } else { self.limits.max_decompressed_bytes };
        let opened = open_path(path, cap).map_err(|p| IngestError::new(&origin, p))?;
        match kind {
            FileKind::Jsonl => self.start_jsonl(opened, origin, stem_of(path)),
            FileKind::Warc => {
                self.stream = Some(Box::new(WarcStream::new(opened.reader, origin, self.limits.max_doc_bytes)));
                Ok(None)
            }
            FileKind::Feed => {
                let bytes = self.read_bytes(opened, Some(meta.len())).map_err(|p| IngestError::new(&origin, p))?;
                let feed = parse_feed(&bytes, None).map_err(|p| IngestError::new(&origin, p))?;
                self.queue_entries(feed, &origin, self.limits.follow_links);
                Ok(None)
            }
            FileKind::Single(format) => {
                let bytes = self.read_bytes(opened, Some(meta.len())).map_err(|p| IngestError::new(&origin, p))?;
                self.single_or_feed(stem_of(path), origin, format, bytes, None)
            }
        }
    }

    /// A one-document input: an HTML page (decoded from its encoding; a
    /// feed, when the markup is one, queued as its entries) or text (UTF-8).
    fn single_or_feed(
        &mut self,
        id: String,
        origin: String,
        format: Format,
        bytes: Vec<u8>,
        url: Option<&str>,
    ) -> Result<Option<RawDoc>, IngestError> {
        if feed::looks_like_feed(&bytes) && format != Format::Text {
            let feed = parse_feed(&bytes, url).map_err(|p| IngestError::new(&origin, p))?;
            self.queue_entries(feed, &origin, self.limits.follow_links);
            return Ok(None);
        }
        let body = match format {
            Format::Html => charset::decode_html(&bytes, None, url.and_then(http::host_of)),
            Format::Text => text::decode(bytes, 0),
        };
        let body = body.map_err(|p| IngestError::new(&origin, p))?;
        let mut doc = single(id, origin, format, body);
        doc.hints.url = url.map(str::to_owned);
        Ok(Some(doc))
    }

    /// Queue a feed's entries; `linked` when their pages may be fetched
    /// ([`Limits::follow_links`]).
    fn queue_entries(&mut self, feed: Feed, origin: &str, linked: bool) {
        let feed = std::sync::Arc::new(feed);
        for index in (0..feed.entries.len()).rev() {
            let origin = format!("{origin}#{}", index + 1);
            self.queue.push_front(Task::Entry { feed: feed.clone(), index, origin, linked });
        }
    }

    fn start_entry(
        &mut self,
        feed: &Feed,
        index: usize,
        origin: &str,
        linked: bool,
    ) -> Result<Option<RawDoc>, IngestError> {
        let entry = &feed.entries[index];
        let fetch = linked && !entry.has_full_text() && entry.link.is_some();
        let fetcher = if fetch { Some(self.fetcher()) } else { None };
        entry.document(feed, origin, fetcher).map(Some).map_err(|p| IngestError::new(origin, p))
    }

    /// Fetch a URL: a feed is queued as its entries, a page is a document.
    fn start_url(&mut self, url: &str) -> Result<Option<RawDoc>, IngestError> {
        let page = match self.fetcher().get(url, None).map_err(|p| IngestError::new(url, p))? {
            Fetched::Page(page) => page,
            Fetched::NotModified => return Err(IngestError::new(url, Problem::HttpStatus { status: 304 })),
        };
        if !(200..300).contains(&page.status) {
            return Err(IngestError::new(url, Problem::HttpStatus { status: page.status }));
        }
        if feed::looks_like_feed(&page.body) {
            let feed = parse_feed(&page.body, Some(url)).map_err(|p| IngestError::new(url, p))?;
            self.queue_entries(feed, url, self.limits.follow_links);
            return Ok(None);
        }
        let body = page.html_text(url).map_err(|p| IngestError::new(url, p))?;
        let mut doc = single(url.to_owned(), url.to_owned(), Format::Html, body);
        doc.hints.url = Some(url.to_owned());
        Ok(Some(doc))
    }

    fn start_stdin(&mut self) -> Result<Option<RawDoc>, IngestError> {
        let reader = self.stdin.take().unwrap_or_else(|| Box::new(io::empty()));
        let mut opened = wrap(reader, self.limits.max_decompressed_bytes).map_err(|p| IngestError::new("-", p))?;
        let first = first_non_space(&mut opened.reader).map_err(|p| IngestError::new("-", p))?;
        if first == Some(b'{') {
            return self.start_jsonl(opened, "-".into(), "stdin".into());
        }
        let format = if first == Some(b'<') { Format::Html } else { Format::Text };
        let bytes = self.read_bytes(opened, None).map_err(|p| IngestError::new("-", p))?;
        self.single_or_feed("stdin".into(), "-".into(), format, bytes, None)
    }

    fn start_jsonl(&mut self, opened: Opened, origin: String, stem: String) -> Result<Option<RawDoc>, IngestError> {
        self.stream = Some(Box::new(JsonlStream::new(opened.reader, origin, stem, self.limits.max_doc_bytes)?));
        Ok(None)
    }

    /// Read a one-document input within the limits.
    fn read_bytes(&self, opened: Opened, size: Option<u64>) -> Result<Vec<u8>, Problem> {
        let limit = if opened.compressed {
            self.limits.max_doc_bytes.min(self.limits.max_decompressed_bytes)
        } else {
            self.limits.max_doc_bytes
        };
        let size = if opened.compressed { None } else { size };
        read_all(opened, limit, size)
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
