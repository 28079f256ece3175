//! Writing a document and its events: one immediate transaction per document.
//!
//! Immediate (write-locked from the start) rather than deferred, so two
//! writers queue on the busy timeout instead of one failing when it upgrades
//! its read lock; and the duplicate check runs under the same lock as the
//! insert, so two processes ingesting the same file store it once.

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, ErrorCode, OptionalExtension, Transaction, TransactionBehavior};
use sitrep_model::record::{ActorRecord, EventRecord};
use sitrep_model::{Doc, Event};

use crate::error::StoreError;
use crate::hash::ContentHash;
use crate::sqlite::rows::{int, location_values, opt_text, quantities_json, segments_json};
use crate::PutOutcome;

/// Store `doc` and `events` unless the content hash is already stored.
pub(crate) fn put(
    conn: &mut Connection,
    location: &str,
    doc: &Doc,
    hash: &ContentHash,
    events: &[Event],
) -> Result<PutOutcome, StoreError> {
    check_events_belong(doc, events)?;
    let db = |e| super::db_error(location, e);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(db)?;
    let stored: Option<String> = tx
        .query_row(
            "SELECT content_hash FROM documents WHERE content_hash = ?1 OR doc_id = ?2",
            params![hash.as_str(), doc.id.as_str()],
            |r| r.get(0),
        )
        .optional()
        .map_err(db)?;
    match stored {
        Some(h) if h == hash.as_str() => return Ok(PutOutcome::Duplicate),
        Some(h) => {
            return Err(StoreError::DocIdTaken {
                location: location.to_owned(),
                doc_id: doc.id.to_string(),
                stored_hash: h,
            })
        }
        None => {}
    }
    let document = insert_document(&tx, doc, hash).map_err(db)?;
    for event in events {
        let record = EventRecord::from(event);
        insert_event(&tx, document, &record).map_err(|e| event_error(location, doc, event, e))?;
        if let Some(day) = &record.date {
            tx.prepare_cached("INSERT OR IGNORE INTO pending_merge (day) VALUES (?1)")
                .and_then(|mut st| st.execute(params![day]))
                .map_err(db)?;
        }
    }
    tx.commit().map_err(db)?;
    Ok(PutOutcome::Inserted { events: events.len() })
}

fn check_events_belong(doc: &Doc, events: &[Event]) -> Result<(), StoreError> {
    match events.iter().find(|e| e.doc_id != doc.id) {
        Some(e) => Err(StoreError::ForeignEvent {
            doc_id: doc.id.to_string(),
            event_id: e.id.to_string(),
            event_doc: e.doc_id.to_string(),
        }),
        None => Ok(()),
    }
}

/// A unique-constraint failure on `events.event_id` is a duplicate id;
/// anything else is a database failure.
fn event_error(location: &str, doc: &Doc, event: &Event, e: rusqlite::Error) -> StoreError {
    let duplicate = matches!(&e, rusqlite::Error::SqliteFailure(f, Some(msg))
        if f.code == ErrorCode::ConstraintViolation && msg.contains("events.event_id"));
    if duplicate {
        StoreError::DuplicateEventId {
            location: location.to_owned(),
            doc_id: doc.id.to_string(),
            event_id: event.id.to_string(),
        }
    } else {
        super::db_error(location, e)
    }
}

fn insert_document(tx: &Transaction<'_>, doc: &Doc, hash: &ContentHash) -> rusqlite::Result<i64> {
    let (paragraphs, sentences) = segments_json(doc);
    let published = doc.published.map(|d| d.format("%Y-%m-%d").to_string());
    tx.prepare_cached(
        "INSERT INTO documents (doc_id, content_hash, title, published, outlet, byline, url, text, paragraphs, sentences) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![doc.id.as_str(), hash.as_str(), doc.title, published, doc.outlet, doc.byline, doc.url, doc.text, paragraphs, sentences])?;
    Ok(tx.last_insert_rowid())
}

fn insert_event(tx: &Transaction<'_>, document: i64, r: &EventRecord) -> rusqlite::Result<()> {
    let actor1 = r.actor1.as_ref().map(|a| actor_id(tx, a)).transpose()?;
    let actor2 = r.actor2.as_ref().map(|a| actor_id(tx, a)).transpose()?;
    let head = [
        Value::Text(r.event_id.clone()),
        Value::Integer(document),
        Value::Text(r.doc_id.clone()),
        opt_text(&r.date),
        opt_text(&r.date_precision),
        Value::Text(r.event_type.clone()),
        Value::Text(r.sub_event_type.clone()),
        Value::Text(r.cameo.clone()),
        Value::Text(r.plover.clone()),
        opt_text(&r.plover_mode),
        actor1.map_or(Value::Null, Value::Integer),
        actor2.map_or(Value::Null, Value::Integer),
    ];
    let tail = [
        r.fatalities.map_or(Value::Null, |f| Value::Integer(i64::from(f))),
        Value::Text(quantities_json(r)),
        Value::Text(r.modality.clone()),
        opt_text(&r.attribution),
        Value::Text(r.evidence.text.clone()),
        int(r.evidence.start),
        int(r.evidence.end),
        Value::Text(r.rule.clone()),
    ];
    let values = head.into_iter().chain(location_values(r)).chain(tail);
    tx.prepare_cached(INSERT_EVENT)?.execute(params_from_iter(values))?;
    if let Some(l) = &r.location {
        let id = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO event_points (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)")?
            .execute(params![id, l.lat, l.lat, l.lon, l.lon])?;
    }
    Ok(())
}

const INSERT_EVENT: &str = "INSERT INTO events (\
    event_id, document, doc_id, date, date_precision, event_type, sub_event_type, cameo, plover, plover_mode, \
    actor1, actor2, place_name, admin1, admin2, country, lat, lon, precision, gazetteer_id, \
    fatalities, quantities, modality, attribution, evidence_text, evidence_start, evidence_end, rule) \
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/// The id of an actor row, added when new; counts the mention.
fn actor_id(tx: &Transaction<'_>, a: &ActorRecord) -> rusqlite::Result<i64> {
    let found = tx
        .prepare_cached("SELECT id FROM actors WHERE name = ? AND code = ? AND ifnull(country, '') = ifnull(?, '')")?
        .query_row(params![a.name, a.code, a.country], |r| r.get(0))
        .optional()?;
    let id = match found {
        Some(id) => id,
        None => {
            tx.prepare_cached("INSERT INTO actors (name, code, country, name_folded) VALUES (?, ?, ?, ?)")?
                .execute(params![a.name, a.code, a.country, a.name.to_lowercase()])?;
            tx.last_insert_rowid()
        }
    };
    tx.prepare_cached("UPDATE actors SET mentions = mentions + 1 WHERE id = ?")?.execute([id])?;
    Ok(id)
}
