//! One event with everything needed to check it: its record, the paragraph
//! it was read from split around the evidence sentence (so a client
//! highlights it without byte-offset arithmetic), the other events read
//! from the same sentence, the other reports of the same event (its merge
//! group), and every source document.

use axum::extract::{Path, State};
use axum::Json;
use serde::Serialize;
use sitrep_model::record::EventRecord;
use sitrep_model::{Doc, DocId};
use sitrep_store::{DocumentQuery, DocumentSummary, EventQuery, EventStore};

use crate::error::ApiError;
use crate::AppState;

/// At most this many other reports are listed.
const MAX_OTHER_REPORTS: usize = 50;

/// The answer of `GET /api/events/{id}`.
#[derive(Debug, Serialize)]
pub struct EventDetail {
    pub event: EventRecord,
    /// The paragraph around the evidence; `null` when the document's text
    /// does not hold the evidence offsets.
    pub context: Option<Context>,
    pub same_sentence: Vec<EventRecord>,
    pub other_reports: Vec<EventRecord>,
    /// The event's document first, then the other reports' documents.
    pub sources: Vec<SourceInfo>,
}

/// The evidence's paragraph: `before` + `evidence` + `after` is the paragraph.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Context {
    pub before: String,
    pub evidence: String,
    pub after: String,
    /// The paragraph's index in the document.
    pub paragraph: usize,
}

/// A source document without its text.
#[derive(Debug, Serialize)]
pub struct SourceInfo {
    pub doc_id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// `GET /api/events/{id}`.
///
/// # Errors
/// No such event (404) or a store failure (500).
pub async fn one(State(s): State<AppState>, Path(id): Path<String>) -> Result<Json<EventDetail>, ApiError> {
    s.pool.run(move |store| detail(store, &id)).await.map(Json)
}

fn detail(store: &dyn EventStore, id: &str) -> Result<EventDetail, ApiError> {
    let event = store.event(id)?.ok_or_else(|| ApiError::NotFound(format!("no event {id:?}")))?;
    let doc = store.document(&DocId::new(event.doc_id.as_str()))?;
    let same_sentence = same_sentence(store, &event)?;
    let other_reports = other_reports(store, &event)?;
    let mut sources: Vec<SourceInfo> = doc.as_ref().map(source_of_doc).into_iter().collect();
    let mut ids: Vec<String> = other_reports.iter().map(|r| r.doc_id.clone()).collect();
    ids.sort_unstable();
    ids.dedup();
    let docs = store.documents(&DocumentQuery { ids: Some(ids), ..DocumentQuery::default() })?;
    sources.extend(docs.into_iter().map(source_of_summary));
    let context = doc.as_ref().and_then(|d| context(d, &event));
    Ok(EventDetail { event, context, same_sentence, other_reports, sources })
}

fn same_sentence(store: &dyn EventStore, e: &EventRecord) -> Result<Vec<EventRecord>, ApiError> {
    let q = EventQuery { doc_id: Some(e.doc_id.clone()), ..EventQuery::default() };
    let all = store.events_page(&q)?.events;
    Ok(all.into_iter().filter(|r| r.evidence.start == e.evidence.start && r.event_id != e.event_id).collect())
}

/// The other reports of the same event: its merge group (the merge stage
/// groups reports of one event from different documents at ingest).
fn other_reports(store: &dyn EventStore, e: &EventRecord) -> Result<Vec<EventRecord>, ApiError> {
    let mut found = store.reports_of(&e.event_id)?;
    found.retain(|r| r.event_id != e.event_id);
    found.truncate(MAX_OTHER_REPORTS);
    Ok(found)
}

/// The paragraph holding the evidence, split around it.
fn context(doc: &Doc, e: &EventRecord) -> Option<Context> {
    let (start, end) = (e.evidence.start, e.evidence.end);
    let (index, p) = doc.paragraphs.iter().enumerate().find(|(_, p)| p.span.start <= start && end <= p.span.end)?;
    Some(Context {
        before: doc.text.get(p.span.start..start)?.to_owned(),
        evidence: doc.text.get(start..end)?.to_owned(),
        after: doc.text.get(end..p.span.end)?.to_owned(),
        paragraph: index,
    })
}

fn source_of_doc(d: &Doc) -> SourceInfo {
    SourceInfo {
        doc_id: d.id.as_str().to_owned(),
        title: d.title.clone(),
        outlet: d.outlet.clone(),
        published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
        url: d.url.clone(),
        byline: d.byline.clone(),
    }
}

fn source_of_summary(d: DocumentSummary) -> SourceInfo {
    SourceInfo {
        doc_id: d.doc_id,
        title: d.title,
        outlet: d.outlet,
        published: d.published.map(|p| p.format("%Y-%m-%d").to_string()),
        url: d.url,
        byline: None,
    }
}
