//! Scoring the CAMEO verb coder against PLOVER gold-standard records: a JSON
//! array of coded sentences (`text`, `event`, `source`, `target`, `mode`),
//! such as the PLOVER GSR built from the CAMEO manual's examples.
//!
//! The metric: **PLOVER category accuracy**, the share of the records whose
//! sentence's event has the record's category. Each sentence goes through
//! the whole pipeline (so actors come from the real recogniser) and the
//! CAMEO coder; the sentence's event is the first one it codes that has a
//! PLOVER category and is not negated (else the first with a category).
//!
//! The records use PLOVER 0.5 names; sitrep uses the 2021 names of
//! `CAMEO2PLOVER-2021.txt`. The renames follow that table: FIGHT (CAMEO 19,
//! conventional force) and ASSAULT (18, 20) are both ASSAULT; DEMAND
//! (CAMEO 10) is REQUEST; DISAPPROVE (CAMEO 11) and INVESTIGATE (CAMEO 09)
//! are both ACCUSE, which the table gives roots 09 and 11 (modes
//! `investigate`, `disapprove`, `allege`). DOCUMENT records describe the
//! file and are skipped.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;
use sitrep_model::PloverCategory;

use crate::cameo::{CameoCoder, CameoEvent};
use crate::doc::process_sentence;
use crate::EvalError;
use sitrep_pipeline::Pipeline;

/// Accuracy over the records of one gold category.
#[derive(Debug, Serialize)]
pub struct CategoryScore {
    /// The record's name and the 2021 name it maps to ("FIGHT→ASSAULT").
    pub category: String,
    pub sentences: usize,
    pub correct: usize,
}

/// How often one wrong category was given for another.
#[derive(Debug, Serialize)]
pub struct Confusion {
    pub gold: String,
    pub coded: String,
    pub count: usize,
}

/// The scores of one PLOVER gold file.
#[derive(Debug, Serialize)]
pub struct PloverScore {
    pub file: String,
    pub sentences: usize,
    pub correct: usize,
    pub accuracy: f64,
    /// Sentences where some coded event (not only the first) has the category.
    pub any_event_correct: usize,
    pub no_event: usize,
    /// Of the sentences whose first event has a source, those whose source
    /// words overlap a gold source actor's text.
    pub with_source: usize,
    pub source_correct: usize,
    pub per_category: Vec<CategoryScore>,
    pub confusion: Vec<Confusion>,
    pub misses: Vec<String>,
}

/// One gold record.
struct Record {
    id: String,
    gold: &'static str,
    category: PloverCategory,
    text: String,
    sources: Vec<String>,
}

/// What the coder made of one record.
struct Outcome {
    coded: Option<PloverCategory>,
    any: bool,
    source: Option<bool>,
    miss: Option<String>,
}

/// True when `path` holds a JSON array of records with `event` and `text`.
#[must_use]
pub fn is_plover(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else { return false };
    let Ok(Value::Array(items)) = serde_json::from_slice::<Value>(&bytes) else { return false };
    items.iter().any(|v| v.get("event").is_some() && v.get("text").is_some())
}

/// Score a PLOVER gold file.
///
/// # Errors
/// When the file cannot be read or is not a JSON array.
pub fn score(path: &Path, pipeline: &Pipeline<'_>, cameo: &CameoCoder) -> Result<PloverScore, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| EvalError::io(path, e))?;
    let items: Vec<Value> = serde_json::from_slice(&bytes).map_err(|e| EvalError::parse(path, e))?;
    let records: Vec<Record> = items.iter().filter_map(record).collect();
    let outcomes: Vec<Outcome> = records.par_iter().map(|r| code_record(r, pipeline, cameo)).collect();
    Ok(aggregate(path, &records, &outcomes))
}

fn record(v: &Value) -> Option<Record> {
    let name = v.get("event")?.as_str()?;
    let (gold, category) = map_category(name)?;
    let actors = |field: &str| -> Vec<String> {
        v.get(field)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|x| x.get("actorText")?.as_str().map(str::to_owned)).collect())
            .unwrap_or_default()
    };
    Some(Record {
        id: v.get("id").and_then(Value::as_str).unwrap_or("?").to_owned(),
        gold,
        category,
        text: v.get("text")?.as_str()?.to_owned(),
        sources: actors("source"),
    })
}

/// A PLOVER 0.5 category name → its name here and the 2021 category.
fn map_category(name: &str) -> Option<(&'static str, PloverCategory)> {
    use PloverCategory as P;
    let table: [(&str, P); 18] = [
        ("AGREE", P::Agree),
        ("CONSULT", P::Consult),
        ("SUPPORT", P::Support),
        ("COOPERATE", P::Cooperate),
        ("AID", P::Aid),
        ("CONCEDE", P::Concede),
        ("RETREAT", P::Retreat),
        ("DEMAND", P::Request),
        ("DISAPPROVE", P::Accuse),
        ("INVESTIGATE", P::Accuse),
        ("REJECT", P::Reject),
        ("THREATEN", P::Threaten),
        ("PROTEST", P::Protest),
        ("SANCTION", P::Sanction),
        ("MOBILIZE", P::Mobilize),
        ("COERCE", P::Coerce),
        ("FIGHT", P::Assault),
        ("ASSAULT", P::Assault),
    ];
    table.into_iter().find(|(n, _)| *n == name.trim())
}

fn code_record(r: &Record, pipeline: &Pipeline<'_>, cameo: &CameoCoder) -> Outcome {
    let p = process_sentence(pipeline, &r.id, &r.text);
    let events: Vec<CameoEvent> =
        p.doc.sentences.iter().flat_map(|s| cameo.code(&p.doc, s.span, &p.mentions)).collect();
    let main = main_event(&events);
    let coded = main.and_then(|e| e.plover).map(|p| p.category);
    let source = main.and_then(|e| e.source).map(|s| {
        let words = p.doc.slice(s.span).to_ascii_lowercase();
        r.sources.iter().any(|g| overlaps(&words, &g.to_ascii_lowercase()))
    });
    let miss = (coded != Some(r.category)).then(|| {
        let code = main.map_or("-".to_owned(), |e| e.code.to_string());
        let all: Vec<String> = events.iter().map(|e| e.code.to_string()).collect();
        format!(
            "{} {}→{} coded {} ({code}; all: {}): {}",
            r.id,
            r.gold,
            r.category.as_str(),
            coded.map_or("nothing", PloverCategory::as_str),
            all.join(" "),
            r.text
        )
    });
    Outcome { coded, any: events.iter().any(|e| e.plover.map(|p| p.category) == Some(r.category)), source, miss }
}

/// The sentence's event: the first with a PLOVER category that is not
/// negated, else the first with a category.
fn main_event(events: &[CameoEvent]) -> Option<&CameoEvent> {
    let coded = |e: &&CameoEvent| e.plover.is_some();
    events.iter().filter(coded).find(|e| !e.negated).or_else(|| events.iter().find(coded))
}

/// True when two actor texts share a word of three letters or more.
fn overlaps(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 3).map(str::to_owned).collect::<Vec<_>>()
    };
    let wb = words(b);
    words(a).iter().any(|w| wb.contains(w))
}

fn aggregate(path: &Path, records: &[Record], outcomes: &[Outcome]) -> PloverScore {
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut confusion: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (r, o) in records.iter().zip(outcomes) {
        let key = if r.gold == r.category.as_str() {
            r.gold.to_owned()
        } else {
            format!("{}→{}", r.gold, r.category.as_str())
        };
        let e = per.entry(key).or_default();
        e.0 += 1;
        if o.coded == Some(r.category) {
            e.1 += 1;
        } else {
            let coded = o.coded.map_or("nothing", PloverCategory::as_str).to_owned();
            *confusion.entry((r.category.as_str().to_owned(), coded)).or_default() += 1;
        }
    }
    let mut confusion: Vec<Confusion> =
        confusion.into_iter().map(|((gold, coded), count)| Confusion { gold, coded, count }).collect();
    confusion.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.gold.cmp(&b.gold)));
    confusion.truncate(12);
    let correct = outcomes.iter().filter(|o| o.miss.is_none()).count();
    PloverScore {
        file: path.display().to_string(),
        sentences: records.len(),
        correct,
        accuracy: correct as f64 / records.len().max(1) as f64,
        any_event_correct: outcomes.iter().filter(|o| o.any).count(),
        no_event: outcomes.iter().filter(|o| o.coded.is_none()).count(),
        with_source: outcomes.iter().filter(|o| o.source.is_some()).count(),
        source_correct: outcomes.iter().filter(|o| o.source == Some(true)).count(),
        per_category: per
            .into_iter()
            .map(|(category, (sentences, correct))| CategoryScore { category, sentences, correct })
            .collect(),
        confusion,
        misses: outcomes.iter().filter_map(|o| o.miss.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_names_map_to_2021_categories() {
        for (old, new) in [
            ("FIGHT", "ASSAULT"),
            ("DEMAND", "REQUEST"),
            ("DISAPPROVE", "ACCUSE"),
            ("INVESTIGATE", "ACCUSE"),
            ("AGREE", "AGREE"),
        ] {
            assert_eq!(map_category(old).map(|(_, c)| c.as_str()), Some(new), "{old}");
        }
        assert!(map_category("DOCUMENT").is_none());
    }

    #[test]
    fn actor_texts_overlap_on_words() {
        assert!(overlaps("senior hungarian", "hungarian"));
        assert!(!overlaps("the us", "us army"), "short words do not count");
    }
}
