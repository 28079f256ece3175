//! The command line, as clap parses it: every command's arguments, in one
//! file (the raw arguments; each command in `commands/` turns them into what
//! it needs, and `main.rs` dispatches on [`Command`]).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// sitrep: war reporting in, evidence-linked conflict events out.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads (default: all cores).
    #[arg(long, global = true)]
    pub threads: Option<usize>,
    /// Print no summary line at the end (failures are still named on
    /// standard error; the progress line is drawn only on a terminal).
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the whole pipeline, without a store: events to standard output.
    Extract(ExtractArgs),
    /// Clean documents: one JSON object per document, main content only.
    Clean(CleanArgs),
    /// Place mentions and their resolution.
    Places(PlacesArgs),
    /// Extract and store documents and events (idempotent by content hash).
    Ingest(IngestArgs),
    /// Query the store's events.
    Events(EventsArgs),
    /// Group the stored reports of one event again over a range of days.
    Merge(MergeArgs),
    /// Score extraction against gold files or an ACLED CSV.
    Eval(EvalArgs),
    /// The gazetteer: import GeoNames, Who's On First or TSV files.
    Gazetteer(GazetteerArgs),
    /// The daily situation report (Markdown or print-ready HTML).
    Report(ReportArgs),
    /// Export the store's events: CSV (ACLED columns), GeoJSON or Parquet.
    Export(ExportArgs),
    /// Serve the HTTP API and the web map (127.0.0.1:8080 by default).
    Serve(ServeArgs),
    /// Poll feeds and store their new articles, exactly once across restarts.
    Watch(WatchArgs),
}

/// Where documents come from.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Files, directories (recursively), `-` for standard input, or JSONL.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The largest document accepted, in bytes.
    #[arg(long, default_value_t = 10 << 20, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Fetch URLs on loopback and private-network addresses too (an
    /// intranet feed). Off by default.
    #[arg(long)]
    pub allow_private: bool,
    /// Fetch the linked article of each feed entry that has only a summary.
    /// Off by default: reading a feed does not go online for its links.
    #[arg(long)]
    pub follow_links: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format (default: table on a terminal, JSONL in a pipe).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Keep only events told as fact or as someone's statement.
    #[arg(long)]
    pub factual: bool,
    /// Merge reports of the same event across documents: one canonical event
    /// per happening, with every report as a source.
    #[arg(long)]
    pub merge: bool,
}

#[derive(Debug, Args)]
pub struct CleanArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format (default: table on a terminal, JSONL in a pipe).
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
}

#[derive(Debug, Args)]
pub struct PlacesArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format (default: table on a terminal, JSONL in a pipe).
    #[arg(long, value_enum)]
    pub format: Option<ListFormat>,
    /// Say why each place won.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Within KM kilometres of a point: LAT,LON,KM.
    #[arg(long, value_name = "LAT,LON,KM")]
    pub near: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Output format (default: table on a terminal, JSONL in a pipe).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
}

/// The event filters `events` and `export` share.
#[derive(Debug, Clone, Default, Args)]
pub struct FilterArgs {
    /// Events on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Events on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// An event type or sub-event type (repeatable).
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Actor name (substring) or code.
    #[arg(long)]
    pub actor: Option<String>,
    /// Country: ISO alpha-2 code or name.
    #[arg(long)]
    pub country: Option<String>,
    /// asserted, attributed, speculative, negated or planned.
    #[arg(long)]
    pub modality: Option<String>,
    /// Each event once: of the reports of one event in several documents
    /// (merged at ingest), only the one that represents them.
    #[arg(long)]
    pub merged: bool,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold JSON files or directories (this project's format), or ACLED CSV files.
    #[arg(required = true, value_name = "GOLD")]
    pub gold: Vec<PathBuf>,
    /// Where the gold files' `file` fields are relative to (default: the
    /// gold file's grandparent directory).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Print a JSON report instead of a table.
    #[arg(long)]
    pub json: bool,
    /// List every miss.
    #[arg(long, short)]
    pub verbose: bool,
}

/// Output formats of event records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Jsonl,
    Csv,
    Geojson,
}

/// Output formats of `clean` and `places`, whose items (documents, place
/// mentions) are no event records and have no CSV or GeoJSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Jsonl,
}

impl From<ListFormat> for OutputFormat {
    fn from(f: ListFormat) -> Self {
        match f {
            ListFormat::Table => Self::Table,
            ListFormat::Jsonl => Self::Jsonl,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
    /// csv (ACLED's column names), geojson (RFC 7946) or parquet (needs a
    /// build with `--features parquet`).
    #[arg(long, value_enum)]
    pub format: ExportFormatArg,
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Export formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Csv,
    Geojson,
    Parquet,
}

/// `sitrep gazetteer …`.
#[derive(Debug, Args)]
pub struct GazetteerArgs {
    #[command(subcommand)]
    pub command: GazetteerCommand,
}

#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Merge gazetteer files (GeoNames allCountries/country files,
    /// alternateNamesV2, Who's On First TSV, simple TSV; plain or .gz) into
    /// an index file; set SITREP_GAZETTEER to its path to use it.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The files to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Where to write the index (default: the user data directory).
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

/// The arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
    /// First day of events to group (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: String,
    /// Last day of events to group (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: String,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
    /// The day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Only this area: a country (ISO code or name) or a province's name.
    #[arg(long, value_name = "AREA")]
    pub area: Option<String>,
    /// Markdown or print-ready HTML.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Where `sitrep serve` runs (e.g. http://127.0.0.1:8080): evidence
    /// links then open the event on its page (default: the source's URL).
    #[arg(long, value_name = "URL")]
    pub link_base: Option<String>,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
    /// Where to listen (loopback by default; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub addr: SocketAddr,
    /// A file holding the token that opens `POST /api/ingest` (at least 16
    /// characters); the `SITREP_TOKEN` environment variable also works.
    /// Without a token the server is read-only.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<PathBuf>,
    /// Seconds before a request is abandoned (408).
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
    /// The largest ingest body, in bytes.
    #[arg(long, default_value_t = 16 << 20, value_name = "BYTES")]
    pub max_ingest_bytes: usize,
    /// Store connections answering reads in parallel.
    #[arg(long, default_value_t = 4)]
    pub readers: usize,
}

/// `sitrep watch` arguments.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Feed URLs (RSS, Atom or RDF) to poll.
    #[arg(value_name = "FEED")]
    pub feeds: Vec<String>,
    /// A file of feed URLs, one a line (`#` starts a comment).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The store.
    #[arg(long, default_value = "sitrep.db", value_name = "FILE")]
    pub db: PathBuf,
    /// Seconds between two polls of the feeds.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub interval: u64,
    /// Poll this many rounds, then stop (default: until interrupted).
    #[arg(long, value_name = "N")]
    pub rounds: Option<u64>,
    /// Seconds a request may take, connection to last byte.
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub timeout: u64,
    /// Milliseconds between two requests to the same host.
    #[arg(long, default_value_t = 1000, value_name = "MS")]
    pub politeness_ms: u64,
    /// Retries of a failed request (with exponential backoff).
    #[arg(long, default_value_t = 2)]
    pub retries: u32,
    /// The largest response accepted, in bytes.
    #[arg(long, default_value_t = 10 << 20, value_name = "BYTES")]
    pub max_bytes: usize,
    /// Fetch from loopback and private-network addresses too (an intranet
    /// feed). Off by default: a feed's links are not the user's choice of host.
    #[arg(long)]
    pub allow_private: bool,
}
