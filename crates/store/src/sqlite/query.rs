//! Event queries: a resolved filter turned into one SQL statement.
//!
//! Every condition is written so an index can answer it (see the comments in
//! `migrations/0001_init.sql`): a date range as `undated = 0 AND date >= ..
//! AND date <= ..`, types as an equality where they can, actors as ids looked
//! up first in the small `actors` table (see [`ACTOR_INDEX_MAX`]), `near`
//! through the R*Tree and then the exact distance, which [`DISTANCE_FN`]
//! computes inside SQL so that LIMIT and OFFSET stay exact.

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use sitrep_model::ontology::ONTOLOGY;
use sitrep_model::{EventType, SubEventType};

use crate::filter::{ActorQuery, BBox, Resolved};
use crate::sqlite::rows::{int, EVENT_COLUMNS, EVENT_FROM};

/// The SQL function `sitrep_distance_km(lat1, lon1, lat2, lon2)`: the
/// great-circle distance in km (`sitrep_model::place::distance_km`).
pub(crate) const DISTANCE_FN: &str = "sitrep_distance_km";

/// The answer order, the one of the `events_order` index.
const ORDER: &str = "ORDER BY e.undated, e.date, e.doc_id, e.evidence_start, e.event_id";

/// A statement and its positional parameters.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    pub text: String,
    pub params: Vec<Value>,
    conditions: usize,
}

impl Sql {
    fn and(&mut self, condition: &str, params: impl IntoIterator<Item = Value>) {
        self.text.push_str(if self.conditions == 0 { " WHERE " } else { " AND " });
        self.conditions += 1;
        self.text.push_str(condition);
        self.params.extend(params);
    }
}

/// The actors an actor filter names, and how often events mention them.
#[derive(Debug)]
pub(crate) struct ActorMatch {
    pub ids: Vec<i64>,
    pub mentions: i64,
}

/// Up to this many mentions, an actor's events are found through the actor
/// indexes and sorted (cost grows with the mentions); above it, by scanning
/// `events_order` in answer order until the page is full (cost shrinks as
/// the actor gets more common).
const ACTOR_INDEX_MAX: i64 = 5_000;

/// The actors whose folded name contains the query, or whose code is it.
pub(crate) fn match_actors(conn: &Connection, q: &ActorQuery) -> rusqlite::Result<ActorMatch> {
    let mut st = conn.prepare_cached("SELECT id, mentions FROM actors WHERE instr(name_folded, ?) > 0 OR code = ?")?;
    let rows = st.query_map(params![q.folded, q.code], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
    let mut m = ActorMatch { ids: Vec::new(), mentions: 0 };
    for row in rows {
        let (id, mentions) = row?;
        m.ids.push(id);
        m.mentions += mentions;
    }
    Ok(m)
}

/// `SELECT` of the events `f` lets through, in answer order, paged.
///
/// Two steps: the inner query finds the page's ids from indexes alone (its
/// sort, when one is needed, holds only index keys), the outer one reads
/// those rows whole, joined with their actors.
pub(crate) fn select_events(f: &Resolved, actors: Option<&ActorMatch>) -> Sql {
    let mut sql = Sql { text: "SELECT e.id FROM events e".to_owned(), ..Sql::default() };
    conditions(&mut sql, f);
    if let Some(m) = actors {
        actor_condition(&mut sql, m);
    }
    page(&mut sql, f);
    sql.text = format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.id IN ({}) {ORDER}", sql.text);
    sql
}

fn conditions(sql: &mut Sql, f: &Resolved) {
    dates(sql, f);
    if let Some(types) = &f.sub_types {
        types_condition(sql, types);
    }
    if let Some((near, boxes)) = &f.near {
        sql.and(&near_points(boxes), boxes.iter().flat_map(box_params));
        let (lat, lon) = (near.lat.degrees(), near.lon.degrees());
        let test = format!("{DISTANCE_FN}(e.lat, e.lon, ?, ?) <= ?");
        sql.and(&test, [Value::Real(lat), Value::Real(lon), Value::Real(near.km)]);
    }
    if let Some(c) = f.country {
        sql.and("e.country = ?", [text(c.as_str())]);
    }
    if let Some(m) = f.modality {
        sql.and("e.modality = ?", [text(m.as_str())]);
    }
}

/// Events naming one of the actors; the ids travel as one JSON array, so
/// their number is not bounded by SQLite's parameter limit.
fn actor_condition(sql: &mut Sql, m: &ActorMatch) {
    let ids = Value::Text(format!("[{}]", m.ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")));
    // A unary `+` keeps SQLite off the actor indexes for a common actor.
    let plus = if m.mentions > ACTOR_INDEX_MAX { "+" } else { "" };
    let list = "(SELECT value FROM json_each(?))";
    sql.and(&format!("({plus}e.actor1 IN {list} OR {plus}e.actor2 IN {list})"), [ids.clone(), ids]);
}

/// One event type or one sub-event type is an equality, which an index
/// answers in order; any other set is an `IN` on the sub-event type.
fn types_condition(sql: &mut Sql, types: &[SubEventType]) {
    let whole = EventType::ALL.into_iter().find(|t| {
        let members: Vec<SubEventType> = ONTOLOGY.iter().filter(|r| r.event_type == *t).map(|r| r.sub_event_type).collect();
        members == types
    });
    match (whole, types) {
        (Some(t), _) => sql.and("e.event_type = ?", [text(t.as_str())]),
        (None, [t]) => sql.and("e.sub_event_type = ?", [text(t.as_str())]),
        (None, _) => {
            let marks = vec!["?"; types.len()].join(", ");
            sql.and(&format!("e.sub_event_type IN ({marks})"), types.iter().map(|t| text(t.as_str())));
        }
    }
}

fn dates(sql: &mut Sql, f: &Resolved) {
    let day = |d: chrono::NaiveDate| text(&d.format("%Y-%m-%d").to_string());
    if f.since.is_some() || f.until.is_some() {
        sql.and("e.undated = 0", []);
    }
    if let Some(d) = f.since {
        sql.and("e.date >= ?", [day(d)]);
    }
    if let Some(d) = f.until {
        sql.and("e.date <= ?", [day(d)]);
    }
}

/// Ids of the points in any of the boxes.
fn near_points(boxes: &[BBox]) -> String {
    let one = "(max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)";
    let any = vec![one; boxes.len()].join(" OR ");
    format!("e.id IN (SELECT id FROM event_points WHERE {any})")
}

fn box_params(b: &BBox) -> [Value; 4] {
    [Value::Real(b.min_lat), Value::Real(b.max_lat), Value::Real(b.min_lon), Value::Real(b.max_lon)]
}

fn page(sql: &mut Sql, f: &Resolved) {
    sql.text.push(' ');
    sql.text.push_str(ORDER);
    sql.text.push_str(" LIMIT ? OFFSET ?");
    // SQLite reads a negative LIMIT as "no limit".
    sql.params.push(f.limit.map_or(Value::Integer(-1), int));
    sql.params.push(int(f.offset));
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::filter::EventFilter;
    use crate::sqlite::{rows, SqliteStore};
    use crate::{ContentHash, EventStore};
    use rusqlite::params_from_iter;
    use sitrep_model::{Actor, ActorCode, ActorRole, Doc, DocId, Event, EventId, Evidence, Modality, Span};

    fn event(doc: &str, start: usize, actor: &str) -> Event {
        let code = ActorCode::new("TESTER").unwrap();
        let actor1 = Some(Actor { name: actor.into(), code, country: None, role: ActorRole::Rebel });
        let span = Span::new(start, start + 1);
        Event {
            doc_id: DocId::new(doc),
            id: EventId::compute(&DocId::new(doc), span, SubEventType::ArmedClash, None),
            date: None,
            sub_event_type: SubEventType::ArmedClash,
            cameo: "193".into(),
            actor1,
            actor2: None,
            location: None,
            fatalities: None,
            quantities: Vec::new(),
            modality: Modality::Asserted,
            attribution: None,
            evidence: Evidence { text: "x".into(), span },
            rule: String::new(),
        }
    }

    fn ids(store: &SqliteStore, f: &Resolved, m: &ActorMatch) -> Vec<String> {
        let sql = select_events(f, Some(m));
        let mut st = store.conn.prepare(&sql.text).unwrap();
        let rows = st.query_map(params_from_iter(&sql.params), rows::read_event).unwrap();
        rows.map(|r| r.unwrap().0.event_id).collect()
    }

    /// The index path (rare actor) and the scan path (common actor) answer alike.
    #[test]
    fn both_actor_plans_give_the_same_page() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let names = ["Alpha Brigade", "Beta Brigade", "Gamma"];
        let events: Vec<Event> = (0..30).map(|i| event("d", i, names[i % 3])).collect();
        let doc = Doc { id: DocId::new("d"), title: None, published: None, outlet: None, byline: None, url: None, text: String::new(), paragraphs: vec![], sentences: vec![] };
        store.put_document(&doc, &ContentHash::of(b"d"), &events).unwrap();
        let f = EventFilter { actor: Some("brigade".into()), limit: Some(7), offset: 3, ..EventFilter::default() }.resolve().unwrap();
        let m = match_actors(&store.conn, f.actor.as_ref().unwrap()).unwrap();
        assert_eq!((m.ids.len(), m.mentions), (2, 20));
        let by_index = ids(&store, &f, &m);
        let by_scan = ids(&store, &f, &ActorMatch { ids: m.ids.clone(), mentions: ACTOR_INDEX_MAX + 1 });
        assert_eq!(by_index.len(), 7);
        assert_eq!(by_index, by_scan);
    }
}
