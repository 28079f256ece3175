//! The routes. Every answer carries headers that keep the page to its own
//! origin (Content-Security-Policy), stop content sniffing and framing, and
//! send no referrer. A request body larger than the configured limit is
//! refused (413) and a request slower than the timeout answered 408.
//!
//! | route | answers |
//! |---|---|
//! | `GET /health` | `{"status", "documents", "events", "ingest"}` |
//! | `GET /api/events` | a page of event records and the `next` cursor |
//! | `GET /api/events.geojson` | the page as a GeoJSON FeatureCollection |
//! | `GET /api/events.csv` | the events as CSV with ACLED's columns |
//! | `GET /api/events/{id}` | one event, its paragraph, same-sentence events, other reports, sources |
//! | `GET /api/documents`, `/api/documents/{id}` | documents; one with its text and events |
//! | `GET /api/actors` | actors, most mentioned first |
//! | `GET /api/counts?by=` | counts by day, type, modality, country or admin-1 area |
//! | `GET /api/report?date=` | the daily report (HTML, Markdown or JSON) |
//! | `GET /api/openapi.json` | the OpenAPI 3.1 description of all this |
//! | `POST /api/ingest` | documents in (needs the token) |
//! | `GET /` and `/assets/...`, `/basemap/...` | the web page |

pub mod event;
pub mod events;
pub mod ingest;
pub mod lists;
pub mod report;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::error::ApiError;
use crate::AppState;

/// The page may load scripts, styles, images and data from its own origin
/// only: nothing it does can reach another host.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const OPENAPI: &str = include_str!("../openapi.json");

/// Every route, with its limits and headers.
pub fn router(state: AppState) -> Router {
    let (max_body, max_ingest, timeout) =
        (state.config.max_body_bytes, state.config.max_ingest_bytes, state.config.timeout);
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/health", get(health))
        .route("/api/events", get(events::list))
        .route("/api/events.geojson", get(events::geojson))
        .route("/api/events.csv", get(events::csv))
        .route("/api/events/{id}", get(event::one))
        .route("/api/documents", get(lists::documents))
        .route("/api/documents/{id}", get(lists::document))
        .route("/api/actors", get(lists::actors))
        .route("/api/counts", get(lists::counts))
        .route("/api/report", get(report::daily))
        .route("/api/openapi.json", get(openapi))
        .merge(crate::assets::routes())
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        // Ingest times only the body's arrival (in the handler): once the
        // documents are in, storing them runs to the end and the answer
        // says what was stored, however long it took.
        .route("/api/ingest", post(ingest::post).layer(DefaultBodyLimit::max(max_ingest)))
        .layer(header(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(HeaderName::from_static("cross-origin-resource-policy"), "same-origin"))
        .with_state(state)
}

async fn health(State(s): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let stats = s.pool.run(|store| Ok(store.stats()?)).await?;
    Ok(Json(json!({
        "status": "ok",
        "documents": stats.documents,
        "events": stats.events,
        "ingest": s.config.token.is_some() && s.ingestor.is_some(),
    })))
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

async fn not_found() -> ApiError {
    ApiError::NotFound("no such route (see /api/openapi.json)".into())
}
