//! A small pool of store connections for the request handlers.
//!
//! A store connection is not shared between threads, and a query blocks, so
//! each read takes a connection from the pool on a blocking thread (never on
//! the async workers). A semaphore bounds how many run at once; connections
//! are opened on first need and kept.

use std::sync::{Arc, Mutex, PoisonError};

use sitrep_store::{EventStore, StoreError};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// Opens one more store connection (read-only for a server's readers).
pub type OpenStore = Box<dyn Fn() -> Result<Box<dyn EventStore + Send>, StoreError> + Send + Sync>;

/// Store connections shared by the handlers.
pub struct Pool {
    open: OpenStore,
    idle: Mutex<Vec<Box<dyn EventStore + Send>>>,
    permits: Arc<Semaphore>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pool").field("available", &self.permits.available_permits()).finish_non_exhaustive()
    }
}

impl Pool {
    /// A pool of at most `size` connections made by `open`. One is opened
    /// now, so a store that cannot be opened fails at start, not at the
    /// first request.
    ///
    /// # Errors
    /// When the first connection cannot be opened.
    pub fn new(open: OpenStore, size: usize) -> Result<Self, StoreError> {
        let first = open()?;
        Ok(Self { open, idle: Mutex::new(vec![first]), permits: Arc::new(Semaphore::new(size.max(1))) })
    }

    /// Run `f` with a connection, on a blocking thread.
    ///
    /// # Errors
    /// What `f` returns, or [`ApiError::Internal`] when the work could not run.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&dyn EventStore) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = Arc::clone(&self.permits).acquire_owned().await.map_err(|e| ApiError::Internal(e.to_string()))?;
        let pool = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let store = pool.take()?;
            let result = f(store.as_ref());
            pool.idle.lock().unwrap_or_else(PoisonError::into_inner).push(store);
            result
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }

    fn take(&self) -> Result<Box<dyn EventStore + Send>, ApiError> {
        let idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        match idle {
            Some(store) => Ok(store),
            None => (self.open)().map_err(ApiError::Store),
        }
    }
}
