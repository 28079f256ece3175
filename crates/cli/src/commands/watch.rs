//! `sitrep watch FEED… | --config FILE`: poll feeds on a schedule and put
//! their new articles through the pipeline into the store, exactly once
//! across restarts.
//!
//! Each poll is a conditional request (the feed's ETag and Last-Modified
//! are kept in the store), so an unchanged feed costs a 304. Each new entry
//! (an id the store has not seen for this feed) is fetched — or taken from
//! the feed when it carries the whole article — cleaned, coded and stored,
//! and only then marked seen: a watcher killed at any point and restarted
//! handles the unfinished entry again, and the store's content hash makes
//! the second attempt a duplicate, so nothing is lost and nothing doubled.
//!
//! A feed that is down, too slow (the request timeout) or answers garbage
//! is reported and counted, its failures remembered, and the other feeds go
//! on; it is tried again at the next round. An entry whose page cannot be
//! fetched for a passing reason (network, 5xx) is not marked seen, so the
//! next round retries it; one that fails for good (not HTML, nothing left
//! after cleaning) is marked seen with no document.

use std::fs;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sitrep_ingest::{parse_feed, Feed, FeedEntry, FetchConfig, Fetched, Fetcher, Problem, Validators};
use sitrep_model::RawDoc;
use sitrep_store::{ContentHash, EventStore, FeedState, FeedStore, PutOutcome, SqliteStore, StoreError};
use thiserror::Error;

use crate::args::WatchArgs;
use crate::batch::Summary;
use sitrep_pipeline::{Pipeline, Resources};

/// Why `watch` could not run at all.
#[derive(Debug, Error)]
pub enum WatchError {
    #[error("no feeds given (name FEED URLs or --config FILE)")]
    NoFeeds,
    #[error("{path}: {source}")]
    Config { path: String, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl WatchError {
    /// True for mistakes in the command line rather than failures.
    #[must_use]
    pub fn is_usage(&self) -> bool {
        matches!(self, Self::NoFeeds | Self::Config { .. })
    }
}

/// The feeds to poll: the arguments, then the config file's lines.
///
/// # Errors
/// When the config file cannot be read or no feed is named.
pub fn feeds(args: &WatchArgs) -> Result<Vec<String>, WatchError> {
    let mut feeds = args.feeds.clone();
    if let Some(path) = &args.config {
        let text = fs::read_to_string(path)
            .map_err(|source| WatchError::Config { path: path.display().to_string(), source })?;
        let lines = text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty());
        feeds.extend(lines.map(str::to_owned));
    }
    if feeds.is_empty() {
        return Err(WatchError::NoFeeds);
    }
    Ok(feeds)
}

fn fetch_config(args: &WatchArgs) -> FetchConfig {
    FetchConfig {
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_bytes: args.max_bytes,
        politeness: Duration::from_millis(args.politeness_ms),
        retries: args.retries,
        private_hosts: args.allow_private,
        ..FetchConfig::default()
    }
}

/// Run `watch`; returns the counts of every round together.
///
/// # Errors
/// When the feed list cannot be read or the store cannot be opened or written.
pub fn run(args: &WatchArgs, res: &Resources, report: &mut dyn FnMut(&str)) -> Result<Summary, WatchError> {
    let feeds = feeds(args)?;
    let mut w = Watcher {
        store: SqliteStore::open(&args.db)?,
        pipeline: Pipeline::new(res),
        fetcher: Fetcher::new(fetch_config(args)),
        summary: Summary::default(),
        days: None,
    };
    let mut round = 0;
    loop {
        for url in &feeds {
            w.poll(url, report)?;
        }
        // Reports of one event from several feeds: grouped once per round.
        crate::grouping::merge_days(&mut w.store, w.days.take())?;
        round += 1;
        if args.rounds.is_some_and(|n| round >= n) {
            return Ok(w.summary);
        }
        report(&w.summary.line("events stored"));
        thread::sleep(Duration::from_secs(args.interval));
    }
}

/// The state of one watch run.
struct Watcher<'r> {
    store: SqliteStore,
    pipeline: Pipeline<'r>,
    fetcher: Fetcher,
    summary: Summary,
    /// The first and last day of the events stored this round.
    days: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// Seconds since the Unix epoch (0 if the clock is before it).
fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

impl Watcher<'_> {
    /// Poll one feed and handle its new entries.
    fn poll(&mut self, url: &str, report: &mut dyn FnMut(&str)) -> Result<(), WatchError> {
        let mut state =
            self.store.feed_state(url)?.unwrap_or_else(|| FeedState { url: url.to_owned(), ..FeedState::default() });
        let validators = Validators { etag: state.etag.clone(), last_modified: state.last_modified.clone() };
        let feed = match self.fetch_feed(url, &validators) {
            Ok(Some((feed, fresh))) => {
                (state.etag, state.last_modified) = (fresh.etag, fresh.last_modified);
                feed
            }
            Ok(None) => return self.polled(state),
            Err(p) => {
                report(&format!("{url}: feed failed: {p}"));
                self.summary_fail(feed_reason(&p));
                // A feed that will not pass by waiting (404, not a feed, a
                // refused host) is a configuration error: the run exits 2.
                self.summary.bad_input |= !passing(&p);
                state.failures += 1;
                return Ok(self.store.save_feed_state(&state)?);
            }
        };
        // Feeds list the newest first; store the oldest first.
        for entry in feed.entries.iter().rev() {
            if !self.store.entry_seen(url, &entry.id)? {
                self.entry(url, &feed, entry, report)?;
            }
        }
        self.polled(state)
    }

    fn polled(&mut self, mut state: FeedState) -> Result<(), WatchError> {
        state.failures = 0;
        state.last_polled = Some(now());
        Ok(self.store.save_feed_state(&state)?)
    }

    /// The feed, or `None` when it has not changed; with its new validators.
    fn fetch_feed(&mut self, url: &str, validators: &Validators) -> Result<Option<(Feed, Validators)>, Problem> {
        let page = match self.fetcher.get(url, Some(validators))? {
            Fetched::NotModified => return Ok(None),
            Fetched::Page(page) => page,
        };
        if !(200..300).contains(&page.status) {
            return Err(Problem::HttpStatus { status: page.status });
        }
        Ok(Some((parse_feed(&page.body, Some(url))?, page.validators)))
    }

    /// Handle one new entry: fetch, clean, code, store, then mark it seen.
    fn entry(
        &mut self,
        url: &str,
        feed: &Feed,
        entry: &FeedEntry,
        report: &mut dyn FnMut(&str),
    ) -> Result<(), WatchError> {
        self.summary.read += 1;
        let origin = entry.link.clone().unwrap_or_else(|| format!("{url}#{}", entry.id));
        let raw = match entry.document(feed, &origin, Some(&mut self.fetcher)) {
            Ok(raw) => raw,
            Err(p) => {
                report(&format!("{origin}: {p}"));
                self.summary_fail(p.kind().as_str());
                if !passing(&p) {
                    self.store.mark_entry_seen(url, &entry.id, None, now())?;
                }
                return Ok(());
            }
        };
        let doc_id = self.store_document(&raw, report)?;
        self.store.mark_entry_seen(url, &entry.id, doc_id.as_deref(), now())?;
        Ok(())
    }

    /// Put a document through the pipeline into the store; its id when it
    /// is (now or already) stored.
    fn store_document(&mut self, raw: &RawDoc, report: &mut dyn FnMut(&str)) -> Result<Option<String>, WatchError> {
        let hash = ContentHash::of(raw.body.as_bytes());
        if self.store.has_document(&hash)? {
            self.summary.skipped += 1;
            return Ok(Some(raw.id.to_string()));
        }
        let processed = match crate::batch::unpanicked(|| self.pipeline.extract(raw)) {
            Ok(Ok(p)) => p,
            Ok(Err(e)) => {
                report(&e.to_string());
                self.summary_fail("no_content");
                return Ok(None);
            }
            Err(defect) => {
                report(&format!("{}: {defect}", raw.origin));
                self.summary_fail(crate::batch::INTERNAL);
                return Ok(None);
            }
        };
        match self.store.put_document(&processed.doc, &hash, &processed.events) {
            Ok(PutOutcome::Inserted { events }) => {
                self.summary.processed += 1;
                self.summary.emitted += events;
                crate::grouping::widen(&mut self.days, &processed.events);
            }
            // Stored by an earlier run (the page changed since): the entry is handled.
            Ok(PutOutcome::Duplicate) | Err(StoreError::DocIdTaken { .. }) => self.summary.skipped += 1,
            Err(e) => return Err(e.into()),
        }
        Ok(Some(raw.id.to_string()))
    }

    fn summary_fail(&mut self, reason: &str) {
        *self.summary.failed.entry(reason.to_owned()).or_insert(0) += 1;
    }
}

/// A problem that may pass: retry the entry at the next round.
fn passing(p: &Problem) -> bool {
    match p {
        Problem::Network { .. } => true,
        Problem::HttpStatus { status } => *status == 429 || *status >= 500,
        _ => false,
    }
}

/// The counted reason of a feed that failed.
fn feed_reason(p: &Problem) -> &'static str {
    match p {
        Problem::Network { message } if message.to_ascii_lowercase().contains("timeout") => "feed_timeout",
        Problem::Network { .. } => "feed_down",
        Problem::InvalidFeed { .. } => "feed_garbage",
        Problem::HttpStatus { .. } => "feed_http_status",
        _ => "feed_error",
    }
}
