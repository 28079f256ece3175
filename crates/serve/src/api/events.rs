//! Event lists: a JSON page with its cursor, the same page as GeoJSON (the
//! map's layer, the cursor in `X-Next-Cursor`), and CSV with ACLED's
//! columns.

use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use sitrep_report::export::{self, geojson::GeoJsonWriter, ExportFormat};
use sitrep_store::EventPage;

use crate::error::ApiError;
use crate::params::{event_query, Params, FILTERS};
use crate::AppState;

/// Page sizes: (default, largest) for JSON, GeoJSON and CSV.
const JSON_LIMIT: (usize, usize) = (100, 1_000);
const GEOJSON_LIMIT: (usize, usize) = (5_000, 50_000);
const CSV_LIMIT: (usize, usize) = (100_000, 100_000);

async fn page(s: &AppState, raw: Option<&str>, (default, max): (usize, usize)) -> Result<EventPage, ApiError> {
    let query = event_query(&Params::parse(raw, FILTERS)?, default, max)?;
    s.pool.run(move |store| Ok(store.events_page(&query)?)).await
}

/// The store query `GET /api/events` makes of its query string, without a
/// store: the parameter parser alone, for the fuzz target `api_query`
/// (`fuzz/`).
///
/// # Errors
/// What the endpoint answers 400 for.
#[doc(hidden)]
pub fn parse_query(raw: Option<&str>) -> Result<sitrep_store::EventQuery, ApiError> {
    event_query(&Params::parse(raw, FILTERS)?, JSON_LIMIT.0, JSON_LIMIT.1)
}

/// `GET /api/events`: `{"events": [record...], "next": cursor or null}`.
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn list(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<serde_json::Value>, ApiError> {
    let page = page(&s, raw.as_deref(), JSON_LIMIT).await?;
    Ok(Json(json!({"events": page.events, "next": page.next})))
}

/// `GET /api/events.geojson`: a FeatureCollection (RFC 7946).
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn geojson(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let page = page(&s, raw.as_deref(), GEOJSON_LIMIT).await?;
    let mut w = GeoJsonWriter::new(Vec::with_capacity(page.events.len() * 700)).map_err(internal)?;
    for r in &page.events {
        w.write(r).map_err(internal)?;
    }
    let body = w.finish().map_err(internal)?;
    let mut response = ([(header::CONTENT_TYPE, ExportFormat::GeoJson.media_type())], body).into_response();
    if let Some(next) = page.next.and_then(|n| HeaderValue::from_str(&n).ok()) {
        response.headers_mut().insert("x-next-cursor", next);
    }
    Ok(response)
}

/// `GET /api/events.csv`: CSV with ACLED's column names, up to `limit`
/// (100,000) events, each with its outlet as `source`.
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn csv(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let query = event_query(&Params::parse(raw.as_deref(), FILTERS)?, CSV_LIMIT.0, CSV_LIMIT.1)?;
    let body = s
        .pool
        .run(move |store| match export::export(store, &query, ExportFormat::Csv, Vec::new()) {
            Ok((bytes, _)) => Ok(bytes),
            Err(export::ExportError::Store(e)) => Err(e.into()),
            Err(e) => Err(internal(e)),
        })
        .await?;
    let headers = [
        (header::CONTENT_TYPE, ExportFormat::Csv.media_type()),
        (header::CONTENT_DISPOSITION, "attachment; filename=\"sitrep-events.csv\""),
    ];
    Ok((headers, body).into_response())
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(e.to_string())
}
