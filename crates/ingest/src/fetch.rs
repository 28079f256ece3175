//! Fetching pages and feeds over HTTP(S), politely and within limits: a
//! timeout on every request, a cap on every response body (after
//! decompression, so a compressed bomb stops at the cap), conditional
//! requests (`If-None-Match` / `If-Modified-Since`) so an unchanged feed
//! costs one small answer, a delay between two requests to the same host,
//! and retries with exponential backoff on network errors, 429 and 5xx.
//!
//! The client is `ureq` (blocking, rustls, no async runtime): sitrep fetches
//! one host's pages one after another anyway, to be polite.
//!
//! Hosts on this machine or a private network are refused unless
//! [`FetchConfig::private_hosts`] allows them ([`crate::address`]), and
//! redirects are followed here, not by ureq, so that each target is checked.

use std::collections::HashMap;
use std::thread;
use std::time::{Duration, Instant};

use crate::error::Problem;
use crate::http::{self, Response};

/// How the fetcher behaves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// The whole request, connection to last byte.
    pub timeout: Duration,
    /// The largest response body accepted (decompressed), in bytes.
    pub max_bytes: usize,
    /// The least time between two requests to one host.
    pub politeness: Duration,
    /// Attempts after the first, for errors worth retrying.
    pub retries: u32,
    /// The wait before the first retry; doubled for each later one.
    pub backoff: Duration,
    pub user_agent: String,
    /// Fetch from loopback, private and link-local addresses too. Off by
    /// default: a feed's links are not the user's choice of host.
    pub private_hosts: bool,
}

/// The most redirects followed for one request.
const MAX_REDIRECTS: usize = 5;

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(20),
            max_bytes: 10 << 20,
            politeness: Duration::from_secs(1),
            retries: 2,
            backoff: Duration::from_millis(500),
            user_agent: concat!("sitrep/", env!("CARGO_PKG_VERSION"), " (news-event extractor)").to_owned(),
            private_hosts: false,
        }
    }
}

/// What a server said about a resource's version, for conditional requests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The answer to a fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: the resource has not changed since the validators.
    NotModified,
    Page(Page),
}

/// A fetched resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub validators: Validators,
}

impl Page {
    /// The text of a successful HTML page.
    ///
    /// # Errors
    /// A non-2xx status, another content type, or a decoding problem.
    pub fn html_text(&self, url: &str) -> Result<String, Problem> {
        let r = Response { status: self.status, content_type: self.content_type.clone(), body: self.body.clone() };
        http::html_text(&r, Some(url))
    }
}

/// A polite HTTP client. One per run; it remembers when it last asked each host.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    config: FetchConfig,
    last_request: HashMap<String, Instant>,
}

impl Fetcher {
    #[must_use]
    pub fn new(config: FetchConfig) -> Self {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(config.timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .user_agent(config.user_agent.as_str())
            .build()
            .into();
        Self { agent, config, last_request: HashMap::new() }
    }

    #[must_use]
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// Fetch `url`, conditionally when `validators` are given, retrying
    /// what is worth retrying.
    ///
    /// # Errors
    /// [`Problem::Network`] when every attempt failed (refused, timed out,
    /// garbled), or [`Problem::TooLarge`] past the size cap. A status
    /// other than 2xx/304 is not an error here: it is in the [`Page`].
    pub fn get(&mut self, url: &str, validators: Option<&Validators>) -> Result<Fetched, Problem> {
        let mut attempt = 0;
        loop {
            self.wait_for_host(url);
            let result = self.once(url, validators);
            let retry = match &result {
                Err(Problem::Network { .. }) => true,
                Ok(Fetched::Page(p)) => p.status == 429 || p.status >= 500,
                _ => false,
            };
            if !retry || attempt >= self.config.retries {
                return result;
            }
            thread::sleep(self.config.backoff.saturating_mul(1 << attempt.min(16)));
            attempt += 1;
        }
    }

    /// Sleep until the politeness delay for `url`'s host has passed.
    fn wait_for_host(&mut self, url: &str) {
        let host = http::host_of(url).unwrap_or("").to_owned();
        if let Some(last) = self.last_request.get(&host) {
            let ready = *last + self.config.politeness;
            let now = Instant::now();
            if ready > now {
                thread::sleep(ready - now);
            }
        }
        self.last_request.insert(host, Instant::now());
    }

    /// One attempt: the request and the redirects it leads to, each target
    /// checked against the host policy.
    fn once(&self, url: &str, validators: Option<&Validators>) -> Result<Fetched, Problem> {
        let mut target = url.to_owned();
        for _ in 0..=MAX_REDIRECTS {
            if !self.config.private_hosts {
                crate::address::check_public(&target)?;
            }
            match self.request(&target, validators)? {
                Step::Redirect(next) => target = resolve_location(&target, &next),
                Step::Done(fetched) => return Ok(fetched),
            }
        }
        Err(Problem::Network { message: format!("more than {MAX_REDIRECTS} redirects from {url}") })
    }

    fn request(&self, url: &str, validators: Option<&Validators>) -> Result<Step, Problem> {
        let mut request = self.agent.get(url);
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(lm) = &v.last_modified {
                request = request.header("If-Modified-Since", lm);
            }
        }
        let mut response = request.call().map_err(|e| network(&e))?;
        let status = response.status().as_u16();
        if status == 304 {
            return Ok(Step::Done(Fetched::NotModified));
        }
        let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        if let (300..=399, Some(location)) = (status, header("location")) {
            return Ok(Step::Redirect(location));
        }
        let validators = Validators { etag: header("etag"), last_modified: header("last-modified") };
        let content_type = header("content-type");
        let limit = u64::try_from(self.config.max_bytes).unwrap_or(u64::MAX);
        let body = response.body_mut().with_config().limit(limit).read_to_vec().map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => {
                Problem::TooLarge { size: limit.saturating_add(1), limit: self.config.max_bytes }
            }
            other => network(&other),
        })?;
        Ok(Step::Done(Fetched::Page(Page { status, content_type, body, validators })))
    }
}

/// What one request gave: an answer, or where to ask next.
enum Step {
    Done(Fetched),
    Redirect(String),
}

/// A `Location` header's target, absolute: as given, or against the
/// requested URL's origin (a path) or scheme (`//host/…`).
fn resolve_location(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_owned();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(net) = location.strip_prefix("//") {
        return format!("{scheme}://{net}");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let dir = rest.rsplit_once('/').map_or(rest, |(d, _)| d);
    format!("{scheme}://{dir}/{location}")
}

fn network(e: &ureq::Error) -> Problem {
    Problem::Network { message: e.to_string() }
}
