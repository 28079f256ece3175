//! Lists: documents (and one document with its text and events), actors,
//! and counts by a grouping, for the page's filters and timeline.

use axum::extract::{Path, RawQuery, State};
use axum::Json;
use serde::Serialize;
use serde_json::json;
use sitrep_model::DocId;
use sitrep_store::{ActorListQuery, CountBy, DocumentQuery, EventQuery, Measure};

use crate::error::ApiError;
use crate::params::{event_query, Params, FILTERS};
use crate::AppState;

/// A document summary as the API spells it.
#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    pub doc_id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub events: u64,
}

/// `GET /api/documents?after=&limit=`: `{"documents": [...], "next"}` in id order.
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn documents(
    State(s): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = Params::parse(raw.as_deref(), &["after", "limit"])?;
    let limit = p.count("limit", 100, 1_000)?;
    let q = DocumentQuery { ids: None, after: p.text("after")?.map(str::to_owned), limit: Some(limit + 1) };
    let mut docs = s.pool.run(move |store| Ok(store.documents(&q)?)).await?;
    // The last document of a full page; a page of none (limit=0) has none.
    let last = limit.checked_sub(1).filter(|_| docs.len() > limit);
    let next = last.and_then(|i| docs.get(i)).map(|d| d.doc_id.clone());
    docs.truncate(limit);
    let docs: Vec<DocumentInfo> = docs
        .into_iter()
        .map(|d| DocumentInfo {
            doc_id: d.doc_id,
            title: d.title,
            published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
            outlet: d.outlet,
            url: d.url,
            events: d.events,
        })
        .collect();
    Ok(Json(json!({"documents": docs, "next": next})))
}

/// `GET /api/documents/{id}`: the document, its paragraphs as text, and its events.
///
/// # Errors
/// No such document (404) or a store failure (500).
pub async fn document(State(s): State<AppState>, Path(id): Path<String>) -> Result<Json<serde_json::Value>, ApiError> {
    s.pool
        .run(move |store| {
            let doc = store
                .document(&DocId::new(id.as_str()))?
                .ok_or_else(|| ApiError::NotFound(format!("no document {id:?}")))?;
            let events = store.events_page(&EventQuery { doc_id: Some(id), ..EventQuery::default() })?.events;
            let paragraphs: Vec<&str> =
                doc.paragraphs.iter().filter_map(|p| doc.text.get(p.span.start..p.span.end)).collect();
            Ok(Json(json!({
                "doc_id": doc.id.as_str(),
                "title": doc.title,
                "published": doc.published.map(|p| p.format("%Y-%m-%d").to_string()),
                "outlet": doc.outlet,
                "byline": doc.byline,
                "url": doc.url,
                "paragraphs": paragraphs,
                "events": events,
            })))
        })
        .await
}

/// `GET /api/actors?q=&limit=`: `{"actors": [{name, code, country, mentions}]}`.
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn actors(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<serde_json::Value>, ApiError> {
    let p = Params::parse(raw.as_deref(), &["q", "limit"])?;
    let q = ActorListQuery { contains: p.text("q")?.map(str::to_owned), limit: Some(p.count("limit", 100, 10_000)?) };
    let actors = s.pool.run(move |store| Ok(store.actors(&q)?)).await?;
    let actors: Vec<serde_json::Value> = actors
        .into_iter()
        .map(|a| json!({"name": a.name, "code": a.code, "country": a.country, "mentions": a.mentions}))
        .collect();
    Ok(Json(json!({"actors": actors})))
}

/// `GET /api/counts?by=day&fatalities=true&...filters`: `{"by", "counts":
/// [{key, country, events, fatalities}]}`; fatalities are summed only when
/// asked (they cost a read of every event).
///
/// # Errors
/// A bad parameter (400) or a store failure (500).
pub async fn counts(State(s): State<AppState>, RawQuery(raw): RawQuery) -> Result<Json<serde_json::Value>, ApiError> {
    let allowed: Vec<&str> = FILTERS.iter().copied().chain(["by", "fatalities"]).collect();
    let p = Params::parse(raw.as_deref(), &allowed)?;
    let by = CountBy::parse(p.one("by")?.unwrap_or("day")).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let measure = match p.one("fatalities")? {
        None | Some("false") => Measure::Events,
        Some("true") => Measure::EventsAndFatalities,
        Some(v) => return Err(ApiError::BadRequest(format!("fatalities={v:?}: expected true or false"))),
    };
    let query = event_query(&p, 1, usize::MAX)?;
    let counts = s.pool.run(move |store| Ok(store.counts(&query, by, measure)?)).await?;
    let counts: Vec<serde_json::Value> = counts
        .into_iter()
        .map(|c| json!({"key": c.key, "country": c.country, "events": c.events, "fatalities": c.fatalities}))
        .collect();
    Ok(Json(json!({"by": by.as_str(), "counts": counts})))
}
