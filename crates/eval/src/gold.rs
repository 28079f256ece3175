//! Scoring against this project's gold files (`gold/dev/*.json`): header
//! metadata, content and boilerplate markers, the expected events (type,
//! date, place and actor1 within the gold's tolerances), sentences that must
//! never yield an asserted event, and events that match nothing.
//!
//! The metric: **required-event recall**, the gold's required events that
//! a system event matches, over the required events. A system event
//! matches a gold event when its type and sub-type are the gold's, its date
//! is within `date_tolerance_days`, its place within `tolerance_km`, its
//! actor1 one of the gold's and its modality the gold's (each where the gold
//! gives one); each system event matches one gold event at most, taken in
//! the gold's order. The other counts (header fields, markers, optional
//! events, asserted events from non-event sentences, events matching
//! nothing) are diagnostics beside it.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::record::EventRecord;

use crate::matching::{actor_matches, km_to};
use crate::EvalError;
use sitrep_pipeline::{Pipeline, Processed};

/// A gold file.
#[derive(Debug, Deserialize)]
pub struct Gold {
    pub doc_id: String,
    pub file: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    #[serde(default)]
    pub content_markers: Vec<String>,
    #[serde(default)]
    pub boilerplate_markers: Vec<String>,
    #[serde(default)]
    pub non_events: Vec<String>,
    pub events: Vec<GoldEvent>,
}

/// An expected event.
#[derive(Debug, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    #[serde(default)]
    pub required: bool,
    pub date: Option<String>,
    #[serde(default)]
    pub date_tolerance_days: i64,
    pub event_type: String,
    pub sub_event_type: Vec<String>,
    pub actor1: Option<Vec<Option<String>>>,
    pub location: Option<GoldPlace>,
    pub modality: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldPlace {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub tolerance_km: f64,
}

/// The score of one gold file.
#[derive(Debug, Default, Serialize)]
pub struct GoldScore {
    pub doc_id: String,
    pub title_ok: bool,
    pub published_ok: bool,
    pub outlet_ok: bool,
    pub content_markers_kept: usize,
    pub content_markers: usize,
    pub boilerplate_markers_left: usize,
    pub required_found: usize,
    pub required: usize,
    pub optional_found: usize,
    pub optional: usize,
    pub asserted_non_events: usize,
    pub unmatched_events: usize,
    /// Each required gold event not found, with the closest system event and
    /// its sentence.
    pub misses: Vec<String>,
    /// Each factual system event that matches no gold event (a false event),
    /// with its sentence: what to fix, as a kind.
    pub extras: Vec<String>,
    /// Each asserted system event read from a non-event sentence.
    pub speculation: Vec<String>,
}

/// Score one gold file; `root` is where its `file` field is relative to.
///
/// # Errors
/// When the gold or its document cannot be read.
pub fn score(path: &Path, root: Option<&Path>, pipeline: &Pipeline<'_>) -> Result<GoldScore, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    let gold: Gold = serde_json::from_str(&text).map_err(|e| EvalError::parse(path, e))?;
    let doc_path = resolve(path, root, &gold.file);
    let raw = crate::read_one(&doc_path)?;
    let processed =
        pipeline.process(&raw).map_err(|e| EvalError::Document(doc_path.display().to_string(), e.to_string()))?;
    Ok(score_processed(&gold, &processed))
}

fn resolve(gold_path: &Path, root: Option<&Path>, file: &str) -> PathBuf {
    let default_root = gold_path.parent().and_then(Path::parent).and_then(Path::parent).unwrap_or(Path::new("."));
    root.unwrap_or(default_root).join(file)
}

/// Score an already processed document against its gold.
#[must_use]
pub fn score_processed(gold: &Gold, p: &Processed) -> GoldScore {
    let records: Vec<EventRecord> = p.events.iter().map(EventRecord::from).collect();
    let mut s = header_score(gold, p);
    let mut used = vec![false; records.len()];
    for g in &gold.events {
        let found = records.iter().enumerate().position(|(i, r)| !used[i] && event_matches(g, r));
        match found {
            Some(i) => used[i] = true,
            None if g.required => s.misses.push(format!("{}: {}", g.id, nearest(g, &records))),
            None => {}
        }
        let hit = usize::from(found.is_some());
        if g.required {
            s.required += 1;
            s.required_found += hit;
        } else {
            s.optional += 1;
            s.optional_found += hit;
        }
    }
    s.speculation = records
        .iter()
        .filter(|r| r.modality == "asserted" && gold.non_events.iter().any(|n| r.evidence.text.contains(n.as_str())))
        .map(describe)
        .collect();
    s.asserted_non_events = s.speculation.len();
    s.extras = records
        .iter()
        .zip(&used)
        .filter(|(r, u)| !**u && (r.modality == "asserted" || r.modality == "attributed"))
        .map(|(r, _)| describe(r))
        .collect();
    s.unmatched_events = s.extras.len();
    s
}

/// One system event on a line: type, actor, place, date, modality, and the
/// sentence it was read from.
fn describe(r: &EventRecord) -> String {
    format!(
        "{} / {} at {} on {} ({}): {:?}",
        r.sub_event_type,
        r.actor1.as_ref().map_or("-", |a| a.name.as_str()),
        r.location.as_ref().map_or("-", |l| l.name.as_str()),
        r.date.as_deref().unwrap_or("-"),
        r.modality,
        r.evidence.text
    )
}

fn header_score(gold: &Gold, p: &Processed) -> GoldScore {
    let eq = |a: Option<&str>, b: Option<&str>| a.map(str::trim) == b.map(str::trim);
    let published = p.doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    GoldScore {
        doc_id: gold.doc_id.clone(),
        title_ok: eq(p.doc.title.as_deref(), gold.title.as_deref()),
        published_ok: eq(published.as_deref(), gold.published.as_deref()),
        outlet_ok: eq(p.doc.outlet.as_deref(), gold.outlet.as_deref()),
        content_markers_kept: gold.content_markers.iter().filter(|m| p.doc.text.contains(m.as_str())).count(),
        content_markers: gold.content_markers.len(),
        boilerplate_markers_left: gold.boilerplate_markers.iter().filter(|m| p.doc.text.contains(m.as_str())).count(),
        ..GoldScore::default()
    }
}

/// Which of the gold event's tests a record fails (empty when it matches).
fn failures(g: &GoldEvent, r: &EventRecord) -> Vec<&'static str> {
    let mut f = Vec::new();
    if r.event_type != g.event_type || !g.sub_event_type.contains(&r.sub_event_type) {
        f.push("type");
    }
    if !date_ok(g, r) {
        f.push("date");
    }
    if let Some(l) = &g.location {
        if !r.location.as_ref().and_then(|rl| km_to(rl, l.lat, l.lon)).is_some_and(|km| km <= l.tolerance_km) {
            f.push("place");
        }
    }
    if let Some(list) = &g.actor1 {
        if !list.iter().any(|a| actor_matches(r.actor1.as_ref(), a.as_deref())) {
            f.push("actor1");
        }
    }
    if g.modality.as_deref().is_some_and(|m| m != r.modality) {
        f.push("modality");
    }
    f
}

fn event_matches(g: &GoldEvent, r: &EventRecord) -> bool {
    failures(g, r).is_empty()
}

fn date_ok(g: &GoldEvent, r: &EventRecord) -> bool {
    let parse = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match (g.date.as_deref().and_then(parse), r.date.as_deref().and_then(parse)) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= g.date_tolerance_days,
        (None, _) => true,
        (Some(_), None) => false,
    }
}

/// The system event that comes closest to a missed gold event, and how it fails.
fn nearest(g: &GoldEvent, records: &[EventRecord]) -> String {
    records.iter().map(|r| (failures(g, r), r)).min_by_key(|(f, _)| f.len()).map_or_else(
        || "no event at all".to_owned(),
        |(f, r)| format!("nearest fails {}: {}", f.join("+"), describe(r)),
    )
}
