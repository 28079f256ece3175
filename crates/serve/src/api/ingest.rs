//! `POST /api/ingest`: documents in, through the pipeline the binary
//! provides ([`Ingestor`]). Open only on a server started with a token,
//! and only to a request that presents it (`Authorization: Bearer TOKEN`).
//!
//! The body is one JSON document object, a JSON array of them, or JSONL
//! (one object per line), each `{"id", "text" or "html", "url", "title",
//! "published", "outlet"}` as `sitrep ingest` reads them. It is handed on as
//! JSONL. The answer counts what was stored and lists what failed; a
//! document already stored (same content) is a duplicate, not an error.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::error::ApiError;
use crate::AppState;

/// What the binary does with posted documents: run the pipeline and store.
pub trait Ingestor: Send + Sync + 'static {
    /// Ingest a JSONL batch.
    ///
    /// # Errors
    /// When the store cannot be written (per-document failures go in the report).
    fn ingest(&self, jsonl: &[u8]) -> Result<IngestReport, String>;
}

/// What an ingest did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Documents read from the body.
    pub documents: usize,
    /// New documents stored.
    pub inserted: usize,
    /// Documents already stored with the same content.
    pub duplicates: usize,
    /// Events stored.
    pub events: usize,
    pub failed: Vec<IngestFailure>,
}

/// One document that could not be ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IngestFailure {
    /// Where it was: the line of the JSONL body, or the document id.
    pub at: String,
    pub message: String,
}

/// `POST /api/ingest`.
///
/// 403 on a read-only server, 401 without the token, 408 when the body does
/// not arrive within the server's timeout, 413 past the ingest limit, 400 for
/// a body that is not JSON documents, 500 when the store cannot be written.
/// The timeout covers only the body's arrival: a batch that is in is stored
/// to the end and answered, so a 408 always means nothing was stored.
pub async fn post(State(s): State<AppState>, headers: HeaderMap, request: Request) -> Response {
    if let Err(e) = authorise(&s, &headers) {
        return e.into_response();
    }
    let body = match tokio::time::timeout(s.config.timeout, Bytes::from_request(request, &s)).await {
        Ok(Ok(body)) => body,
        Ok(Err(rejection)) => return rejection.into_response(),
        Err(_) => return ApiError::Timeout.into_response(),
    };
    store(&s, &body).await.into_response()
}

/// The server takes documents and the request presents its token.
fn authorise(s: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let (Some(token), Some(_)) = (&s.config.token, &s.ingestor) else { return Err(ApiError::ReadOnly) };
    let presented =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if presented.is_some_and(|p| token.matches(p.trim())) {
        Ok(())
    } else {
        Err(ApiError::Unauthorized)
    }
}

/// Run the body's documents through the pipeline into the store.
async fn store(s: &AppState, body: &[u8]) -> Result<(StatusCode, Json<IngestReport>), ApiError> {
    let Some(ingestor) = &s.ingestor else { return Err(ApiError::ReadOnly) };
    let jsonl = to_jsonl(body)?;
    let ingestor = std::sync::Arc::clone(ingestor);
    let report = tokio::task::spawn_blocking(move || ingestor.ingest(&jsonl))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(ApiError::Internal)?;
    let status = if report.inserted > 0 { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(report)))
}

/// One object, an array of objects, or JSONL, as JSONL.
fn to_jsonl(body: &[u8]) -> Result<Vec<u8>, ApiError> {
    let text = std::str::from_utf8(body).map_err(|e| ApiError::BadRequest(format!("body is not UTF-8: {e}")))?;
    if text.trim().is_empty() {
        return Err(ApiError::BadRequest("the body is empty: expected one or more JSON document objects".into()));
    }
    let objects: Vec<serde_json::Value> = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => items,
        Ok(v @ serde_json::Value::Object(_)) => vec![v],
        Ok(_) => {
            return Err(ApiError::BadRequest("expected a JSON document object, an array of them, or JSONL".into()))
        }
        // Not one JSON value: JSONL, checked line by line by the reader,
        // once some line is a document at all (random bytes are no batch).
        Err(_) if text.lines().any(is_object_line) => return Ok(body.to_vec()),
        Err(e) => return Err(ApiError::BadRequest(format!("the body is neither JSON nor JSONL documents: {e}"))),
    };
    if objects.is_empty() || !objects.iter().all(serde_json::Value::is_object) {
        return Err(ApiError::BadRequest("expected one or more JSON document objects".into()));
    }
    for (i, o) in objects.iter().enumerate() {
        typed(o).map_err(|field| ApiError::BadRequest(format!("document {}: {field}", i + 1)))?;
    }
    let mut out = Vec::new();
    for o in objects {
        serde_json::to_writer(&mut out, &o).map_err(|e| ApiError::Internal(e.to_string()))?;
        out.push(b'\n');
    }
    Ok(out)
}

/// A JSONL line that holds a JSON object.
fn is_object_line(line: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(line).is_ok_and(|v| v.is_object())
}

/// The text fields of an input document, which must be strings when given.
const TEXT_FIELDS: [&str; 6] = ["text", "html", "url", "title", "published", "outlet"];

/// A document's known fields have their types (the OpenAPI `InputDocument`):
/// an id is a string or a whole number that fits 64 bits, the others
/// strings or null. Other fields are the sender's own and are ignored.
fn typed(o: &serde_json::Value) -> Result<(), String> {
    use serde_json::Value;
    match o.get("id") {
        None | Some(Value::String(_)) => {}
        Some(Value::Number(n)) if sitrep_model::DocId::from_json_number(n).is_some() => {}
        Some(_) => return Err("\"id\" must be a string or a whole number that fits 64 bits".into()),
    }
    match TEXT_FIELDS.iter().find(|f| o.get(**f).is_some_and(|v| !v.is_string() && !v.is_null())) {
        Some(f) => Err(format!("{f:?} must be a string")),
        None => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::to_jsonl;

    #[test]
    fn bodies_become_jsonl() {
        let cases: [(&str, Option<&str>); 16] = [
            ("\u{0}", None),
            ("{\"id\": \"a\"}\nnot json\n", Some("{\"id\": \"a\"}\nnot json\n")),
            ("{\"id\": 7, \"text\": \"x\", \"extra\": [1]}", Some("{\"extra\":[1],\"id\":7,\"text\":\"x\"}\n")),
            ("{\"id\": 1.5, \"text\": \"x\"}", None),
            ("{\"id\": 18446744073709551615}", Some("{\"id\":18446744073709551615}\n")),
            ("{\"id\": 25079226169849947357184}", None),
            ("{\"id\": 903542841.0}", Some("{\"id\":903542841.0}\n")),
            ("[{\"text\": \"x\", \"published\": 3}]", None),
            ("", None),
            (" \n ", None),
            ("{\n \"id\": \"a\",\n \"text\": \"x\"\n}", Some("{\"id\":\"a\",\"text\":\"x\"}\n")),
            ("[{\"id\":\"a\"},{\"id\":\"b\"}]", Some("{\"id\":\"a\"}\n{\"id\":\"b\"}\n")),
            ("{\"id\":\"a\"}\n{\"id\":\"b\"}\n", Some("{\"id\":\"a\"}\n{\"id\":\"b\"}\n")),
            ("[]", None),
            ("[1, 2]", None),
            ("\"text\"", None),
        ];
        for (body, want) in cases {
            let got = to_jsonl(body.as_bytes()).ok().map(|b| String::from_utf8(b).unwrap());
            assert_eq!(got.as_deref(), want, "{body:?}");
        }
    }
}
