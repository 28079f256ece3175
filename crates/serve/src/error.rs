//! Errors: why the server could not run ([`ServeError`]), and how a failed
//! request is answered ([`ApiError`]: a status and a JSON body
//! `{"error": "..."}` naming what was wrong).

use std::net::SocketAddr;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sitrep_store::StoreError;
use thiserror::Error;

/// Why the server stopped or could not start.
#[derive(Debug, Error)]
pub enum ServeError {
    #[error("starting the async runtime: {0}")]
    Runtime(#[source] std::io::Error),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("serving: {0}")]
    Serve(#[source] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A request that could not be answered.
#[derive(Debug, Error)]
pub enum ApiError {
    /// A malformed or unknown parameter (400).
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    /// No or a wrong token (401).
    #[error("this endpoint needs the server's token (Authorization: Bearer TOKEN)")]
    Unauthorized,
    /// A write asked of a read-only server (403).
    #[error("this server is read-only; start it with a token to enable ingest")]
    ReadOnly,
    /// The store failed (500); the message is logged, not shown.
    #[error("the store could not be read")]
    Store(#[source] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
    /// The request's body did not arrive in time (408).
    #[error("the request body did not arrive within the server's timeout")]
    Timeout,
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            // A well-formed cursor whose event is gone names nothing stored.
            StoreError::Filter(f @ sitrep_store::FilterError::UnknownCursor(_)) => Self::NotFound(f.to_string()),
            StoreError::Filter(f) => Self::BadRequest(f.to_string()),
            other => Self::Store(other),
        }
    }
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::ReadOnly => StatusCode::FORBIDDEN,
            Self::Timeout => StatusCode::REQUEST_TIMEOUT,
            Self::Store(_) | Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status(), Json(serde_json::json!({"error": self.to_string()}))).into_response();
        if matches!(self, Self::Unauthorized) {
            response.headers_mut().insert("www-authenticate", axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}
