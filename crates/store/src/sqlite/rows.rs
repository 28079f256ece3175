//! Row types: how records and documents map to SQLite columns and back.
//!
//! Events are written from their [`EventRecord`] (the wire form), so what is
//! read back is exactly the record the caller would have printed. Lists that
//! are never searched travel as JSON text in the shapes below.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Row;
use serde::{Deserialize, Serialize};
use sitrep_model::quantity::Qualifier;
use sitrep_model::record::{ActorRecord, EventRecord, EvidenceRecord, LocationRecord, QuantityRecord};
use sitrep_model::{Doc, DocId, Paragraph, Sentence, Span};

use crate::error::StoreError;

/// A bound on the `date` column, which holds `YYYY-MM-DD` text: a day
/// outside years 0 to 9999 is written as the nearest of those ("+10000-01-07"
/// would sort before every stored date, and a range would be empty).
pub(crate) fn day_bound(d: NaiveDate) -> String {
    let (lo, hi) = (NaiveDate::from_ymd_opt(0, 1, 1), NaiveDate::from_ymd_opt(9999, 12, 31));
    let d = lo.map_or(d, |lo| d.max(lo));
    let d = hi.map_or(d, |hi| d.min(hi));
    d.format("%Y-%m-%d").to_string()
}

/// A quantity as stored: every field written, so `qualifier: Some(Exact)`
/// and `None` stay apart (the wire form omits both).
#[derive(Debug, Serialize, Deserialize)]
struct QuantityRow {
    value: u32,
    max: Option<u32>,
    qualifier: Option<Qualifier>,
    unit: String,
}

/// The columns [`read_event`] expects, in its order. Actors are joined as
/// `a1` and `a2`.
pub(crate) const EVENT_COLUMNS: &str = "e.event_id, e.doc_id, e.date, e.date_precision, \
    e.event_type, e.sub_event_type, e.cameo, e.plover, e.plover_mode, \
    a1.name, a1.code, a1.country, a2.name, a2.code, a2.country, \
    e.place_name, e.admin1, e.admin2, e.country, e.lat, e.lon, e.precision, e.gazetteer_id, \
    e.fatalities, e.quantities, e.modality, e.attribution, \
    e.evidence_text, e.evidence_start, e.evidence_end, e.rule";

/// How many columns [`EVENT_COLUMNS`] lists (a query may select more after them).
pub(crate) const EVENT_COLUMN_COUNT: usize = 31;

/// `FROM` clause that goes with [`EVENT_COLUMNS`].
pub(crate) const EVENT_FROM: &str = "FROM events e \
    LEFT JOIN actors a1 ON a1.id = e.actor1 \
    LEFT JOIN actors a2 ON a2.id = e.actor2";

/// Reads columns left to right, so the decoder cannot drift from the list.
struct Cols<'r, 's> {
    row: &'r Row<'s>,
    at: usize,
}

impl Cols<'_, '_> {
    fn next<T: rusqlite::types::FromSql>(&mut self) -> rusqlite::Result<T> {
        self.at += 1;
        self.row.get(self.at - 1)
    }

    fn next_usize(&mut self) -> rusqlite::Result<usize> {
        let v: i64 = self.next()?;
        usize::try_from(v).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(self.at - 1, rusqlite::types::Type::Integer, e.into())
        })
    }
}

/// An event row, with its quantities still JSON (parsed by [`finish_event`]).
pub(crate) fn read_event(row: &Row<'_>) -> rusqlite::Result<(EventRecord, String)> {
    let mut c = Cols { row, at: 0 };
    let (event_id, doc_id, date, date_precision) = (c.next()?, c.next()?, c.next()?, c.next()?);
    let (event_type, sub_event_type, cameo, plover, plover_mode) =
        (c.next()?, c.next()?, c.next()?, c.next()?, c.next()?);
    let (actor1, actor2, location) = (read_actor(&mut c)?, read_actor(&mut c)?, read_location(&mut c)?);
    let (fatalities, quantities, modality, attribution): (_, String, _, _) =
        (c.next()?, c.next()?, c.next()?, c.next()?);
    let evidence = EvidenceRecord { text: c.next()?, start: c.next_usize()?, end: c.next_usize()? };
    let record = EventRecord {
        doc_id,
        event_id,
        date,
        date_precision,
        event_type,
        sub_event_type,
        cameo,
        plover,
        plover_mode,
        actor1,
        actor2,
        location,
        fatalities,
        quantities: Vec::new(),
        modality,
        attribution,
        evidence,
        rule: c.next()?,
    };
    Ok((record, quantities))
}

fn read_actor(c: &mut Cols<'_, '_>) -> rusqlite::Result<Option<ActorRecord>> {
    let (name, code, country): (Option<String>, Option<String>, Option<String>) = (c.next()?, c.next()?, c.next()?);
    Ok(name.zip(code).map(|(name, code)| ActorRecord { name, code, country }))
}

fn read_location(c: &mut Cols<'_, '_>) -> rusqlite::Result<Option<LocationRecord>> {
    let name: Option<String> = c.next()?;
    let (admin1, admin2, country) = (c.next()?, c.next()?, c.next()?);
    let (lat, lon, precision): (Option<f64>, Option<f64>, Option<u8>) = (c.next()?, c.next()?, c.next()?);
    let gazetteer_id: Option<String> = c.next()?;
    Ok(match (name, lat, lon, precision, gazetteer_id) {
        (Some(name), Some(lat), Some(lon), Some(precision), Some(gazetteer_id)) => {
            Some(LocationRecord { name, admin1, admin2, country, lat, lon, precision, gazetteer_id })
        }
        _ => None,
    })
}

/// Parse the quantities JSON into the record.
pub(crate) fn finish_event(
    location: &str,
    (mut record, json): (EventRecord, String),
) -> Result<EventRecord, StoreError> {
    let rows: Vec<QuantityRow> = serde_json::from_str(&json).map_err(|_| corrupt(location, "quantities", &json))?;
    record.quantities = rows
        .into_iter()
        .map(|q| QuantityRecord { value: q.value, unit: q.unit, max: q.max, qualifier: q.qualifier })
        .collect();
    Ok(record)
}

/// The quantities column of a record.
pub(crate) fn quantities_json(record: &EventRecord) -> String {
    let rows: Vec<QuantityRow> = record
        .quantities
        .iter()
        .map(|q| QuantityRow { value: q.value, max: q.max, qualifier: q.qualifier, unit: q.unit.clone() })
        .collect();
    to_json(&rows)
}

/// Location columns (place_name .. gazetteer_id) of a record, NULLs when it has none.
pub(crate) fn location_values(record: &EventRecord) -> [Value; 8] {
    let Some(l) = &record.location else { return std::array::from_fn(|_| Value::Null) };
    [
        Value::Text(l.name.clone()),
        opt_text(&l.admin1),
        opt_text(&l.admin2),
        opt_text(&l.country),
        Value::Real(l.lat),
        Value::Real(l.lon),
        Value::Integer(i64::from(l.precision)),
        Value::Text(l.gazetteer_id.clone()),
    ]
}

pub(crate) fn opt_text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Null, |s| Value::Text(s.clone()))
}

/// A byte offset or count as an SQLite integer.
pub(crate) fn int(n: usize) -> Value {
    Value::Integer(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Paragraph and sentence columns of a document.
pub(crate) fn segments_json(doc: &Doc) -> (String, String) {
    let paragraphs: Vec<[usize; 2]> = doc.paragraphs.iter().map(|p| [p.span.start, p.span.end]).collect();
    let sentences: Vec<[usize; 3]> = doc.sentences.iter().map(|s| [s.span.start, s.span.end, s.paragraph]).collect();
    (to_json(&paragraphs), to_json(&sentences))
}

/// JSON of plain numbers and strings, which always serialises.
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

/// A document row with its JSON columns still text.
#[derive(Debug)]
pub(crate) struct DocRow {
    pub doc: Doc,
    pub published: Option<String>,
    pub paragraphs: String,
    pub sentences: String,
}

/// The columns [`read_doc`] expects, in its order.
pub(crate) const DOC_COLUMNS: &str = "doc_id, title, published, outlet, byline, url, text, paragraphs, sentences";

pub(crate) fn read_doc(row: &Row<'_>) -> rusqlite::Result<DocRow> {
    let mut c = Cols { row, at: 0 };
    let id: String = c.next()?;
    let title = c.next()?;
    let published = c.next()?;
    let doc = Doc {
        id: DocId::new(id),
        title,
        published: None,
        outlet: c.next()?,
        byline: c.next()?,
        url: c.next()?,
        text: c.next()?,
        paragraphs: Vec::new(),
        sentences: Vec::new(),
    };
    Ok(DocRow { doc, published, paragraphs: c.next()?, sentences: c.next()? })
}

/// Parse a document row's date and JSON columns.
pub(crate) fn finish_doc(location: &str, row: DocRow) -> Result<Doc, StoreError> {
    let published = row
        .published
        .map(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d").map_err(|_| corrupt(location, "published date", &p)))
        .transpose()?;
    let paragraphs: Vec<[usize; 2]> =
        serde_json::from_str(&row.paragraphs).map_err(|_| corrupt(location, "paragraphs", &row.paragraphs))?;
    let sentences: Vec<[usize; 3]> =
        serde_json::from_str(&row.sentences).map_err(|_| corrupt(location, "sentences", &row.sentences))?;
    Ok(Doc {
        published,
        paragraphs: paragraphs.into_iter().map(|[s, e]| Paragraph { span: Span::new(s, e) }).collect(),
        sentences: sentences.into_iter().map(|[s, e, p]| Sentence { span: Span::new(s, e), paragraph: p }).collect(),
        ..row.doc
    })
}

fn corrupt(location: &str, what: &'static str, value: &str) -> StoreError {
    StoreError::Corrupt { location: location.to_owned(), what, value: value.chars().take(80).collect() }
}

#[cfg(test)]
mod column_count {
    #[test]
    fn the_count_matches_the_list() {
        assert_eq!(super::EVENT_COLUMNS.split(',').count(), super::EVENT_COLUMN_COUNT);
    }
}
