//! The front end's queries in SQL: counts by a grouping, the actors list and
//! the documents list. Event pages reuse the statement of
//! [`super::query::select_events`].

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};

use crate::browse::{ActorListQuery, ActorSummary, Count, CountBy, DocumentQuery, DocumentSummary, Measure};
use crate::filter::Resolved;
use crate::sqlite::query::{where_clause, Plan, Sql};
use crate::sqlite::rows::int;

/// The key and country columns of a grouping, and what to group by: days
/// group by (undated, date), the leading columns of the order indexes, so
/// SQLite counts them walking an index in order, without a sort.
fn key_columns(by: CountBy) -> (&'static str, &'static str, &'static str) {
    match by {
        CountBy::Day => ("e.date", "NULL", "e.undated, e.date"),
        CountBy::EventType => ("e.event_type", "NULL", "1"),
        CountBy::SubEventType => ("e.sub_event_type", "NULL", "1"),
        CountBy::Modality => ("e.modality", "NULL", "1"),
        CountBy::Country => ("e.country", "NULL", "1"),
        CountBy::Admin1 => ("e.admin1", "e.country", "1, 2"),
    }
}

/// `SELECT key, country, events[, fatalities]` of the events `f` lets
/// through, one row per key, in key order (no key first, undated days last).
pub(crate) fn counts(
    conn: &Connection,
    f: &Resolved,
    plan: &Plan,
    by: CountBy,
    measure: Measure,
) -> rusqlite::Result<Vec<Count>> {
    let (key, country, group) = key_columns(by);
    let fatalities = match measure {
        Measure::Events => "NULL",
        Measure::EventsAndFatalities => "sum(ifnull(e.fatalities, 0))",
    };
    let mut sql = Sql::from(format!("SELECT {key}, {country}, count(*), {fatalities} FROM events e"));
    where_clause(&mut sql, f, plan);
    sql.text.push_str(&format!(" GROUP BY {group} ORDER BY {group}"));
    let mut st = conn.prepare_cached(&sql.text)?;
    let rows = st.query_map(params_from_iter(&sql.params), |r| {
        let fatalities: Option<i64> = r.get(3)?;
        Ok(Count {
            key: r.get(0)?,
            country: r.get(1)?,
            events: count(r, 2)?,
            fatalities: fatalities.map(|n| u64::try_from(n).unwrap_or(0)),
        })
    })?;
    rows.collect()
}

fn count(row: &Row<'_>, i: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(row.get::<_, i64>(i)?).unwrap_or(0))
}

/// The actors `q` asks for, most mentioned first, then by name.
pub(crate) fn actors(conn: &Connection, q: &ActorListQuery) -> rusqlite::Result<Vec<ActorSummary>> {
    let mut sql = String::from("SELECT name, code, country, mentions FROM actors WHERE mentions > 0");
    let mut params = Vec::new();
    if let Some(c) = &q.contains {
        sql.push_str(" AND (instr(name_folded, ?) > 0 OR code = ?)");
        params.extend([Value::Text(c.trim().to_lowercase()), Value::Text(c.trim().to_uppercase())]);
    }
    sql.push_str(" ORDER BY mentions DESC, name, code LIMIT ?");
    params.push(q.limit.map_or(Value::Integer(-1), int));
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(params), |r| {
        Ok(ActorSummary { name: r.get(0)?, code: r.get(1)?, country: r.get(2)?, mentions: count(r, 3)? })
    })?;
    rows.collect()
}

/// The documents `q` asks for, in `doc_id` order, each with its event count.
pub(crate) fn documents(conn: &Connection, q: &DocumentQuery) -> rusqlite::Result<Vec<DocumentSummary>> {
    let mut sql = String::from(
        "SELECT d.doc_id, d.title, d.published, d.outlet, d.url, \
         (SELECT count(*) FROM events e WHERE e.document = d.id) FROM documents d WHERE 1",
    );
    let mut params = Vec::new();
    if let Some(ids) = &q.ids {
        // One JSON array, so the number of ids is not bounded by SQLite's parameter limit.
        sql.push_str(" AND d.doc_id IN (SELECT value FROM json_each(?))");
        params.push(Value::Text(serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())));
    }
    if let Some(after) = &q.after {
        sql.push_str(" AND d.doc_id > ?");
        params.push(Value::Text(after.clone()));
    }
    sql.push_str(" ORDER BY d.doc_id LIMIT ?");
    params.push(q.limit.map_or(Value::Integer(-1), int));
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(params), read_summary)?;
    rows.collect()
}

fn read_summary(r: &Row<'_>) -> rusqlite::Result<DocumentSummary> {
    let published: Option<String> = r.get(2)?;
    let published = published
        .map(|p| NaiveDate::parse_from_str(&p, "%Y-%m-%d"))
        .transpose()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into()))?;
    Ok(DocumentSummary {
        doc_id: r.get(0)?,
        title: r.get(1)?,
        published,
        outlet: r.get(3)?,
        url: r.get(4)?,
        events: count(r, 5)?,
    })
}
