//! Scoring against an ACLED export: each row's `notes` is the input (published
//! on the row's `event_date`), its columns are the answer. Works on the
//! current schema and on the pre-2019 one (old event type names, no
//! sub-event type).
//!
//! The metric: **field accuracy per note**. A note's event is the first
//! factual event sitrep reads from it; for each answer column (event type,
//! sub-event type, actor1, location within 25 km and within 161 km of the
//! row's point, fatalities, date) the figure is the share of the file's
//! notes whose event agrees with the column, a note that yields no event or
//! fails counting as wrong. The same shares are also given over the notes
//! that name their place, and per country.

use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use sitrep_model::record::EventRecord;
use sitrep_model::{DocId, Format, Hints, RawDoc};

use crate::matching::{actor_matches, event_type_matches, km_to, old_schema_type};
use crate::{csv_rows, EvalError, Row};
use sitrep_pipeline::Pipeline;

/// Per-field accuracy over the notes of one file (shares in 0..=1).
#[derive(Debug, Default, Serialize)]
pub struct AcledScore {
    pub file: String,
    pub notes: usize,
    pub old_schema: bool,
    pub event_found: f64,
    pub event_type: f64,
    pub sub_event_type: Option<f64>,
    pub actor1: f64,
    pub location_25km: f64,
    pub location_161km: f64,
    pub fatalities_exact: f64,
    pub date_exact: f64,
    pub events_per_note: f64,
    pub failed: usize,
    /// The same shares over the notes that name their place (the row's
    /// `location` occurs in the note), where a geoparser can be right.
    pub named: Shares,
    /// The shares per `country` column, most notes first, so a weak
    /// country is visible.
    pub countries: Vec<Shares>,
    pub misses: Vec<String>,
}

/// Shares of one subset of notes (in 0..=1 of that subset).
#[derive(Debug, Default, Serialize)]
pub struct Shares {
    /// The country, for a per-country row; empty for other subsets.
    pub label: String,
    pub notes: usize,
    pub event_type: f64,
    pub sub_event_type: f64,
    pub actor1: f64,
    pub location_25km: f64,
    pub location_161km: f64,
}

/// What one note scored.
#[derive(Debug, Default)]
struct NoteScore {
    found: bool,
    event_type: bool,
    sub_event_type: bool,
    actor1: bool,
    loc25: bool,
    loc161: bool,
    fatalities: bool,
    date: bool,
    events: usize,
    country: String,
    named: bool,
    miss: Option<String>,
}

/// Score an ACLED CSV.
///
/// # Errors
/// When the file cannot be read or lacks the columns.
pub fn score(path: &Path, pipeline: &Pipeline<'_>) -> Result<AcledScore, EvalError> {
    let rows = csv_rows(path)?;
    let old_schema = rows.first().is_some_and(|r| r.get("sub_event_type").is_none());
    let notes: Vec<Option<NoteScore>> =
        rows.par_iter().enumerate().map(|(i, r)| score_row(path, i, r, old_schema, pipeline)).collect();
    Ok(aggregate(path, old_schema, &notes))
}

fn score_row(path: &Path, i: usize, row: &Row, old: bool, pipeline: &Pipeline<'_>) -> Option<NoteScore> {
    let date = parse_acled_date(row.get("event_date")?)?;
    let id =
        row.get("event_id_cnty").or_else(|| row.get("data_id")).map_or_else(|| format!("row{}", i + 2), str::to_owned);
    let raw = RawDoc {
        id: DocId::new(id.clone()),
        origin: format!("{}:{}", path.display(), i + 2),
        format: Format::Text,
        body: row.get("notes")?.to_owned(),
        hints: Hints { published: Some(date), ..Hints::default() },
    };
    let p = pipeline.process(&raw).ok()?;
    let records: Vec<EventRecord> =
        p.events.iter().filter(|e| e.modality.is_factual()).map(EventRecord::from).collect();
    let s = note_score(&id, row, old, date, &records);
    let country = row.get("country").unwrap_or("").to_owned();
    Some(NoteScore { country, named: names_its_place(row), ..s })
}

/// The note names the row's location (ASCII case folded): the cases where
/// the place can be read from the text at all.
fn names_its_place(row: &Row) -> bool {
    let (Some(notes), Some(loc)) = (row.get("notes"), row.get("location")) else { return false };
    let loc = loc.trim();
    !loc.is_empty() && notes.to_lowercase().contains(&loc.to_lowercase())
}

fn note_score(id: &str, row: &Row, old: bool, date: NaiveDate, records: &[EventRecord]) -> NoteScore {
    let Some(main) = records.first() else {
        return NoteScore {
            miss: Some(format!("{id}: no event: {}", row.get("notes").unwrap_or(""))),
            ..NoteScore::default()
        };
    };
    let answer_type = row.get("event_type").unwrap_or("");
    let answer_sub = if old { old_schema_type(answer_type).1 } else { row.get("sub_event_type") };
    let point = row
        .get("latitude")
        .zip(row.get("longitude"))
        .and_then(|(a, b)| Some((a.parse::<f64>().ok()?, b.parse::<f64>().ok()?)));
    let km = main.location.as_ref().zip(point).and_then(|(l, (lat, lon))| km_to(l, lat, lon));
    let fatalities: u32 = row.get("fatalities").and_then(|f| f.parse().ok()).unwrap_or(0);
    let sub_known = answer_sub.is_some();
    let s = NoteScore {
        found: true,
        event_type: event_type_matches(&main.event_type, answer_type, old),
        sub_event_type: answer_sub.is_some_and(|s| s.eq_ignore_ascii_case(&main.sub_event_type)),
        actor1: actor_matches(main.actor1.as_ref(), row.get("actor1")),
        loc25: km.is_some_and(|k| k <= 25.0),
        loc161: km.is_some_and(|k| k <= 161.0),
        fatalities: main.fatalities.unwrap_or(0) == fatalities,
        date: main.date.as_deref() == Some(date.format("%Y-%m-%d").to_string().as_str()),
        events: records.len(),
        ..NoteScore::default()
    };
    let miss = describe_miss(id, row, main, &s, km, sub_known);
    NoteScore { miss, ..s }
}

fn describe_miss(
    id: &str,
    row: &Row,
    main: &EventRecord,
    s: &NoteScore,
    km: Option<f64>,
    sub_known: bool,
) -> Option<String> {
    let mut wrong = Vec::new();
    if !s.event_type || (sub_known && !s.sub_event_type) {
        wrong.push(format!(
            "type {} ≠ {}",
            main.sub_event_type,
            row.get("sub_event_type").or_else(|| row.get("event_type")).unwrap_or("")
        ));
    }
    if !s.loc161 {
        let place = main.location.as_ref().map_or("none".to_owned(), |l| l.name.clone());
        wrong.push(format!(
            "place {place} ≠ {} ({})",
            row.get("location").unwrap_or(""),
            km.map_or("-".into(), |k| format!("{k:.0} km"))
        ));
    }
    if !s.actor1 {
        wrong.push(format!(
            "actor1 {} ≠ {}",
            main.actor1.as_ref().map_or("-", |a| a.name.as_str()),
            row.get("actor1").unwrap_or("")
        ));
    }
    (!wrong.is_empty()).then(|| format!("{id}: {}", wrong.join("; ")))
}

/// "21 March 2020" (current exports), "9-May-20" (spreadsheet exports) or
/// "2016-07-02" (old ones).
#[must_use]
pub fn parse_acled_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    ["%d %B %Y", "%d-%b-%y", "%Y-%m-%d"].iter().find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

fn aggregate(path: &Path, old: bool, notes: &[Option<NoteScore>]) -> AcledScore {
    let ok: Vec<&NoteScore> = notes.iter().flatten().collect();
    let n = notes.len().max(1) as f64;
    let share = |f: fn(&NoteScore) -> bool| ok.iter().filter(|s| f(s)).count() as f64 / n;
    let all = shares(String::new(), notes.iter());
    AcledScore {
        file: path.display().to_string(),
        notes: notes.len(),
        old_schema: old,
        event_found: share(|s| s.found),
        event_type: all.event_type,
        sub_event_type: (!old).then_some(all.sub_event_type),
        actor1: all.actor1,
        location_25km: all.location_25km,
        location_161km: all.location_161km,
        fatalities_exact: share(|s| s.fatalities),
        date_exact: share(|s| s.date),
        events_per_note: ok.iter().map(|s| s.events).sum::<usize>() as f64 / n,
        failed: notes.iter().filter(|s| s.is_none()).count(),
        named: shares(String::new(), notes.iter().filter(|s| s.as_ref().is_some_and(|s| s.named))),
        countries: per_country(notes),
        misses: ok.iter().filter_map(|s| s.miss.clone()).collect(),
    }
}

/// Shares over a subset of notes; a failed note (None) counts as wrong.
fn shares<'a>(label: String, notes: impl Iterator<Item = &'a Option<NoteScore>>) -> Shares {
    let notes: Vec<&Option<NoteScore>> = notes.collect();
    let n = notes.len().max(1) as f64;
    let share = |f: fn(&NoteScore) -> bool| notes.iter().filter(|s| s.as_ref().is_some_and(f)).count() as f64 / n;
    Shares {
        label,
        notes: notes.len(),
        event_type: share(|s| s.event_type),
        sub_event_type: share(|s| s.sub_event_type),
        actor1: share(|s| s.actor1),
        location_25km: share(|s| s.loc25),
        location_161km: share(|s| s.loc161),
    }
}

/// One row of shares per country, most notes first (then by name). A
/// failed note has no country and is left out of this table.
fn per_country(notes: &[Option<NoteScore>]) -> Vec<Shares> {
    let mut by_country: std::collections::BTreeMap<&str, Vec<&Option<NoteScore>>> = Default::default();
    for note in notes.iter().filter(|s| s.is_some()) {
        let country = note.as_ref().map_or("", |s| s.country.as_str());
        by_country.entry(country).or_default().push(note);
    }
    let mut rows: Vec<Shares> = by_country.into_iter().map(|(c, ns)| shares(c.to_owned(), ns.into_iter())).collect();
    rows.sort_by(|a, b| b.notes.cmp(&a.notes).then_with(|| a.label.cmp(&b.label)));
    rows
}
