//! sitrep's HTTP API and web map: the only crate that knows HTTP.
//!
//! [`serve`] answers, on 127.0.0.1 by default:
//! - a JSON API over the store ([`api`]): events with the filters of
//!   `sitrep events` and cursor pages, one event with its evidence in its
//!   paragraph and every source, documents, actors, counts by day, type or
//!   area, GeoJSON and CSV answers, the daily report, an OpenAPI
//!   description (`/api/openapi.json`) and `/health`;
//! - the web page ([`assets`]): a Leaflet map on the shipped Natural Earth
//!   basemap, a timeline to brush, filters and an evidence panel, all
//!   embedded in the binary; the page asks nothing of any other host (its
//!   Content-Security-Policy forbids it).
//!
//! The server is read-only unless it is given a [`Token`]; then
//! `POST /api/ingest` accepts documents from whoever presents it, and hands
//! them to the [`Ingestor`] the binary provides (this crate knows no
//! pipeline). Bodies are size-limited and requests time out.
//!
//! Reads run on a small pool of read-only store connections, off the async
//! threads ([`pool`]).

pub mod api;
pub mod assets;
mod config;
mod error;
mod params;
pub mod pool;

use std::net::SocketAddr;
use std::sync::Arc;

pub use api::ingest::{IngestFailure, IngestReport, Ingestor};
pub use config::{ServeConfig, Token};
pub use error::ServeError;
pub use pool::{OpenStore, Pool};

/// Everything a request handler reads.
#[derive(Clone)]
pub struct AppState {
    pub pool: Arc<Pool>,
    pub config: Arc<ServeConfig>,
    pub ingestor: Option<Arc<dyn Ingestor>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("config", &self.config).field("ingest", &self.ingestor.is_some()).finish()
    }
}

/// Bind `config.addr`, call `ready` with the address bound (port 0 picks a
/// free one), and serve until Ctrl-C or SIGTERM. Blocks; runs its own
/// Tokio runtime.
///
/// # Errors
/// When the runtime cannot start or the address cannot be bound.
pub fn serve(state: AppState, ready: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(ServeError::Runtime)?;
    runtime.block_on(async move {
        let addr = state.config.addr;
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| ServeError::Bind { addr, source: e })?;
        let local = listener.local_addr().map_err(|e| ServeError::Bind { addr, source: e })?;
        ready(local);
        axum::serve(listener, api::router(state)).with_graceful_shutdown(shutdown()).await.map_err(ServeError::Serve)
    })
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        // If the handler cannot be installed the server runs until killed.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => drop(s.recv().await),
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
