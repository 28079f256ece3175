//! Scoring against FA-KES (full-text Syrian war articles with the
//! governorate or city of each article's main event).
//!
//! The metric: **main-event governorate accuracy**, the share of the file's
//! articles (a failed one counts as wrong) whose main governorate (the one
//! most of the article's factual events lie in, the first event's on a
//! tie) is the governorate of the `location` column.
//!
//! The answer's name is looked up in the gazetteer and compared through the
//! transliteration skeleton, so "deir ezzor" meets "Dayr az Zawr".

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use sitrep_geo::Gazetteer;
use sitrep_model::{DocId, Format, Hints, Iso2, PlaceKind, RawDoc};
use sitrep_recognise::normalise::skeleton;

use crate::{csv_rows, EvalError, Row};
use sitrep_pipeline::{Pipeline, Processed};

/// The FA-KES figures.
#[derive(Debug, Default, Serialize)]
pub struct FakesScore {
    pub file: String,
    pub articles: usize,
    pub failed: usize,
    pub with_events: usize,
    pub events: usize,
    /// Share of all articles whose main governorate is the answer.
    pub governorate_match: f64,
    pub misses: Vec<String>,
}

/// One article's outcome: events found, the main governorate, whether it
/// matches the answer, and a line naming the article and its answer.
type RowResult = (usize, Option<String>, bool, String);

/// Score a FA-KES CSV.
///
/// # Errors
/// When the file cannot be read.
pub fn score(path: &Path, pipeline: &Pipeline<'_>, gazetteer: &Gazetteer) -> Result<FakesScore, EvalError> {
    let rows = csv_rows(path)?;
    let results: Vec<Option<RowResult>> = rows
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let p = pipeline.process(&raw_of(path, i, r)).ok()?;
            let answer = r.get("location").unwrap_or("");
            let main = main_governorate(&p);
            let ok = main.as_deref().is_some_and(|g| same_governorate(g, answer, gazetteer));
            Some((p.events.len(), main, ok, format!("{}: {answer}", p.doc.id)))
        })
        .collect();
    let n = rows.len().max(1) as f64;
    let done: Vec<_> = results.iter().flatten().collect();
    Ok(FakesScore {
        file: path.display().to_string(),
        articles: rows.len(),
        failed: results.iter().filter(|r| r.is_none()).count(),
        with_events: done.iter().filter(|r| r.0 > 0).count(),
        events: done.iter().map(|r| r.0).sum(),
        governorate_match: done.iter().filter(|r| r.2).count() as f64 / n,
        misses: done
            .iter()
            .filter(|r| !r.2)
            .map(|r| format!("{} ≠ {}", r.3, r.1.as_deref().unwrap_or("none")))
            .collect(),
    })
}

/// Row `i` of a FA-KES CSV as a raw document (the bench reads it too).
#[must_use]
pub fn raw_of(path: &Path, i: usize, r: &Row) -> RawDoc {
    let published = r.get("date").and_then(|d| NaiveDate::parse_from_str(d.trim(), "%m/%d/%Y").ok());
    RawDoc {
        id: DocId::new(r.get("unit_id").map_or_else(|| format!("row{}", i + 2), str::to_owned)),
        origin: format!("{}:{}", path.display(), i + 2),
        format: Format::Text,
        body: r.get("article_content").unwrap_or("").to_owned(),
        hints: Hints { title: r.get("article_title").map(str::to_owned), published, ..Hints::default() },
    }
}

/// The governorate most of the document's factual events lie in (first
/// event's on a tie).
fn main_governorate(p: &Processed) -> Option<String> {
    let mut count: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, e) in p.events.iter().filter(|e| e.modality.is_factual()).enumerate() {
        let Some(l) = &e.location else { continue };
        let gov = if l.place.kind == PlaceKind::Admin1 { Some(l.place.name.clone()) } else { l.place.admin1.clone() };
        if let Some(g) = gov {
            count.entry(g).or_insert((0, i)).0 += 1;
        }
    }
    count.into_iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1))).map(|(g, _)| g)
}

/// True when `governorate` is the answer's governorate: the answer names the
/// governorate, or a Syrian place in it.
fn same_governorate(governorate: &str, answer: &str, gazetteer: &Gazetteer) -> bool {
    let key = skeleton(governorate);
    let sy = Iso2::new("SY").ok();
    skeleton(answer) == key
        || gazetteer.lookup(answer).into_iter().filter_map(|c| gazetteer.place(c)).filter(|p| p.country == sy).any(
            |p| {
                let g = if p.kind == PlaceKind::Admin1 { Some(p.name) } else { p.admin1 };
                g.is_some_and(|g| skeleton(&g) == key)
            },
        )
}
