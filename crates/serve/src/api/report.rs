//! `GET /api/report?date=YYYY-MM-DD&area=&format=html|md|json`: the daily
//! situation report, rendered by `sitrep-report`. Its HTML is
//! self-contained with inline styles, so it is answered with its own
//! Content-Security-Policy: no script at all, inline styles and data
//! images only.

use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use sitrep_report::daily::{html, markdown};
use sitrep_report::{DailyReport, ReportRequest};

use crate::error::ApiError;
use crate::params::Params;
use crate::AppState;

const REPORT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// `GET /api/report`.
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn daily(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["date", "area", "format"])?;
    let date = p.day("date")?.ok_or_else(|| ApiError::BadRequest("date is required (YYYY-MM-DD)".into()))?;
    let format = p.one("format")?.unwrap_or("html").to_ascii_lowercase();
    if !matches!(format.as_str(), "html" | "md" | "json") {
        return Err(ApiError::BadRequest(format!("format={format:?}: expected html, md or json")));
    }
    // Evidence links open the event on this page.
    let req = ReportRequest { date, area: p.text("area")?.map(str::to_owned), link_base: Some(String::new()) };
    let report =
        s.pool.run(move |store| DailyReport::build(store, &req).map_err(|e| ApiError::Internal(e.to_string()))).await?;
    let internal = |e: sitrep_report::ReportError| ApiError::Internal(e.to_string());
    Ok(match format.as_str() {
        "json" => Json(report).into_response(),
        "md" => {
            ([(header::CONTENT_TYPE, "text/markdown; charset=utf-8")], markdown::render(&report).map_err(internal)?)
                .into_response()
        }
        _ => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CONTENT_SECURITY_POLICY, REPORT_CSP)],
            html::render(&report).map_err(internal)?,
        )
            .into_response(),
    })
}
