//! Event queries: a resolved filter turned into one SQL statement.
//!
//! Every condition is written so an index can answer it (see the comments in
//! `migrations/0001_init.sql`): a date range as `undated = 0 AND date >= ..
//! AND date <= ..`, types as an equality where they can, actors as ids looked
//! up first in the small `actors` table (see [`INDEX_PATH_MAX`]), `near`
//! through the R*Tree and then the exact distance, which [`DISTANCE_FN`]
//! computes inside SQL so that LIMIT and OFFSET stay exact.

use rusqlite::types::Value;
use rusqlite::{params, Connection};
use sitrep_model::ontology::ONTOLOGY;
use sitrep_model::{EventType, SubEventType};

use crate::filter::{ActorQuery, BBox, Resolved};
use crate::sqlite::rows::{day_bound, int, EVENT_COLUMNS, EVENT_FROM};

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
    /// A statement that begins with `head` (ending in `FROM events e`).
    pub(crate) fn from(head: impl Into<String>) -> Self {
        Self { text: head.into(), ..Self::default() }
    }

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

/// What the store looked up before writing the statement, to choose a plan.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// The actors the actor filter names.
    pub actors: Option<ActorMatch>,
    /// The `near` boxes hold more than [`INDEX_PATH_MAX`] events.
    pub dense_near: bool,
    /// Where the page starts: the sort key of the cursor's event.
    pub after: Option<SortKey>,
}

/// An event's place in the answer order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SortKey {
    pub date: Option<String>,
    pub doc_id: String,
    pub start: i64,
    pub event_id: String,
}

/// The sort key of the event `event_id`, if it is stored.
pub(crate) fn sort_key(conn: &Connection, event_id: &str) -> rusqlite::Result<Option<SortKey>> {
    use rusqlite::OptionalExtension;
    conn.prepare_cached("SELECT date, doc_id, evidence_start FROM events WHERE event_id = ?")?
        .query_row(params![event_id], |r| {
            Ok(SortKey { date: r.get(0)?, doc_id: r.get(1)?, start: r.get(2)?, event_id: event_id.to_owned() })
        })
        .optional()
}

/// Up to this many candidate events (mentions of the filter's actors, points
/// in the `near` boxes), they are found through their own index and sorted
/// (cost grows with their number); above it, by scanning `events_order` in
/// answer order until the page is full (cost shrinks as they get common).
pub(crate) const INDEX_PATH_MAX: i64 = 5_000;

/// Whether the boxes hold more than [`INDEX_PATH_MAX`] points (counts at
/// most one more than that).
pub(crate) fn dense(conn: &Connection, boxes: &[BBox]) -> rusqlite::Result<bool> {
    let sql = format!("SELECT count(*) FROM (SELECT 1 {} LIMIT ?)", points_in(boxes));
    let mut params: Vec<Value> = boxes.iter().flat_map(box_params).collect();
    params.push(Value::Integer(INDEX_PATH_MAX + 1));
    let n: i64 = conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(params), |r| r.get(0))?;
    Ok(n > INDEX_PATH_MAX)
}

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
/// One statement when SQLite walks an index in answer order (a date range, a
/// country, a type: see [`sorts`]), reading each row as the index yields it.
/// Otherwise two steps: the inner query finds the page's ids from indexes
/// alone (its sort holds only index keys), the outer one reads those rows
/// whole, joined with their actors, and sorts them again. Sorting whole rows
/// costs as much as reading them: it doubled the time of a month of one
/// country (2,400 events) in the load test.
pub(crate) fn select_events(conn: &Connection, f: &Resolved, plan: &Plan) -> rusqlite::Result<Sql> {
    let one = select_in_index_order(f, plan);
    if !sorts(conn, &one.text)? {
        return Ok(one);
    }
    Ok(select_in_two_steps(f, plan))
}

/// The page in one statement, with the actors joined.
pub(crate) fn select_in_index_order(f: &Resolved, plan: &Plan) -> Sql {
    let mut sql = Sql::from(format!("SELECT {EVENT_COLUMNS} {EVENT_FROM}"));
    where_clause(&mut sql, f, plan);
    page(&mut sql, f);
    sql
}

/// The page's ids first, then their rows (see [`select_events`]).
pub(crate) fn select_in_two_steps(f: &Resolved, plan: &Plan) -> Sql {
    let mut sql = Sql::from("SELECT e.id FROM events e");
    where_clause(&mut sql, f, plan);
    page(&mut sql, f);
    sql.text = format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE e.id IN ({}) {ORDER}", sql.text);
    sql
}

/// Whether SQLite's plan for `sql` sorts (a temporary B-tree for `ORDER BY`,
/// whole or in part). The plan depends on the statement's text only (the
/// store runs no `ANALYZE`), and the `EXPLAIN` is a cached statement, so
/// asking again costs a step through a few rows.
pub(crate) fn sorts(conn: &Connection, sql: &str) -> rusqlite::Result<bool> {
    let mut st = conn.prepare_cached(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let unbound = vec![Value::Null; st.parameter_count()];
    let details = st.query_map(rusqlite::params_from_iter(unbound), |r| r.get::<_, String>(3))?;
    for detail in details {
        if detail?.starts_with("USE TEMP B-TREE FOR") {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Every condition of `f` and `plan`, appended to `sql` (whose text ends
/// with a `FROM events e`).
pub(crate) fn where_clause(sql: &mut Sql, f: &Resolved, plan: &Plan) {
    conditions(sql, f, plan.dense_near);
    if let Some(m) = &plan.actors {
        actor_condition(sql, m);
    }
    front_end_conditions(sql, f);
    if let Some(key) = &plan.after {
        after(sql, key);
    }
}

/// The conditions of an `EventQuery` beyond its filter.
fn front_end_conditions(sql: &mut Sql, f: &Resolved) {
    if let Some(t) = &f.text {
        let test = "(instr(lower(e.evidence_text), ?) > 0 OR instr(lower(ifnull(e.place_name, '')), ?) > 0)";
        sql.and(test, [text(t), text(t)]);
    }
    if let Some(a) = &f.admin1 {
        sql.and("e.admin1 = ? COLLATE NOCASE", [text(a)]);
    }
    if let Some(d) = &f.doc_id {
        sql.and("e.document IN (SELECT id FROM documents WHERE doc_id = ?)", [text(d)]);
    }
}

/// Events after `key` in answer order, as one row-value comparison an
/// index on the order columns answers as a range. Undated events (NULL
/// date, `undated` = 1) follow every dated one.
fn after(sql: &mut Sql, key: &SortKey) {
    let (doc, start, id) = (text(&key.doc_id), Value::Integer(key.start), text(&key.event_id));
    match &key.date {
        Some(d) => sql.and(
            "(e.undated, e.date, e.doc_id, e.evidence_start, e.event_id) > (0, ?, ?, ?, ?)",
            [text(d), doc, start, id],
        ),
        None => sql.and("e.undated = 1 AND (e.doc_id, e.evidence_start, e.event_id) > (?, ?, ?)", [doc, start, id]),
    }
}

fn conditions(sql: &mut Sql, f: &Resolved, dense_near: bool) {
    dates(sql, f);
    if let Some(types) = &f.sub_types {
        types_condition(sql, types);
    }
    if let Some((near, boxes)) = &f.near {
        // As for actors, `+` keeps SQLite from starting at the R*Tree when it holds many points.
        let plus = if dense_near { "+" } else { "" };
        sql.and(&format!("{plus}e.id IN (SELECT id {})", points_in(boxes)), boxes.iter().flat_map(box_params));
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
    if f.merged {
        sql.and("(e.canonical IS NULL OR e.canonical = e.event_id)", []);
    }
}

/// Events naming one of the actors; the ids travel as one JSON array, so
/// their number is not bounded by SQLite's parameter limit.
fn actor_condition(sql: &mut Sql, m: &ActorMatch) {
    let ids = Value::Text(format!("[{}]", m.ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")));
    // A unary `+` keeps SQLite off the actor indexes for a common actor.
    let plus = if m.mentions > INDEX_PATH_MAX { "+" } else { "" };
    let list = "(SELECT value FROM json_each(?))";
    sql.and(&format!("({plus}e.actor1 IN {list} OR {plus}e.actor2 IN {list})"), [ids.clone(), ids]);
}

/// One event type or one sub-event type is an equality, which an index
/// answers in order; any other set is an `IN` on the sub-event type.
fn types_condition(sql: &mut Sql, types: &[SubEventType]) {
    let whole = EventType::ALL.into_iter().find(|t| {
        let members: Vec<SubEventType> =
            ONTOLOGY.iter().filter(|r| r.event_type == *t).map(|r| r.sub_event_type).collect();
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
    let day = |d: chrono::NaiveDate| text(&day_bound(d));
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

/// `FROM .. WHERE` of the points in any of the boxes.
fn points_in(boxes: &[BBox]) -> String {
    let one = "(max_lat >= ? AND min_lat <= ? AND max_lon >= ? AND min_lon <= ?)";
    format!("FROM event_points WHERE {}", vec![one; boxes.len()].join(" OR "))
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
    use sitrep_model::{
        Actor, ActorCode, ActorRole, Doc, DocId, Event, EventId, Evidence, GazetteerId, Lat, Location, Lon, Modality,
        Place, PlaceKind, Precision, Span,
    };

    /// Events at (0, 0) and at (0, 0.001), about 110 m apart.
    fn event(doc: &str, start: usize, actor: &str) -> Event {
        let code = ActorCode::new("TESTER").unwrap();
        let actor1 = Some(Actor { name: actor.into(), code, country: None, role: ActorRole::Rebel });
        let span = Span::new(start, start + 1);
        Event {
            doc_id: DocId::new(doc),
            id: EventId::compute(&DocId::new(doc), span, SubEventType::ArmedClash, Some(&start.to_string())),
            date: None,
            sub_event_type: SubEventType::ArmedClash,
            cameo: "193".into(),
            actor1,
            actor2: None,
            location: Some(place(start % 2)),
            fatalities: None,
            quantities: Vec::new(),
            modality: Modality::Asserted,
            attribution: None,
            evidence: Evidence { text: "x".into(), span },
            rule: String::new(),
        }
    }

    fn place(i: usize) -> Location {
        let place = Place {
            gazetteer_id: GazetteerId::new("test", &i.to_string()),
            name: format!("P{i}"),
            admin1: None,
            admin2: None,
            country: None,
            lat: Lat::new(0.0).unwrap(),
            lon: Lon::new(0.001 * i as f64).unwrap(),
            kind: PlaceKind::PopulatedPlace,
            population: None,
        };
        Location { place, precision: Precision::Exact }
    }

    fn ids(store: &SqliteStore, f: &Resolved, m: &ActorMatch) -> Vec<String> {
        let dense_near = m.mentions > INDEX_PATH_MAX;
        let actors = Some(ActorMatch { ids: m.ids.clone(), mentions: m.mentions });
        let sql = select_events(&store.conn, f, &Plan { actors, dense_near, after: None }).unwrap();
        let mut st = store.conn.prepare(&sql.text).unwrap();
        let rows = st.query_map(params_from_iter(&sql.params), rows::read_event).unwrap();
        rows.map(|r| r.unwrap().0.event_id).collect()
    }

    /// The index paths (rare actor, sparse circle) and the scan paths
    /// (common actor, dense circle) answer alike.
    #[test]
    fn both_actor_plans_give_the_same_page() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let names = ["Alpha Brigade", "Beta Brigade", "Gamma"];
        let events: Vec<Event> = (0..30).map(|i| event("d", i, names[i % 3])).collect();
        let doc = Doc::bare(DocId::new("d"), "");
        store.put_document(&doc, &ContentHash::of(b"d"), &events).unwrap();
        let near = crate::Near {
            lat: sitrep_model::Lat::new(0.0).unwrap(),
            lon: sitrep_model::Lon::new(0.0).unwrap(),
            km: 1.0,
        };
        let f = EventFilter {
            actor: Some("brigade".into()),
            near: Some(near),
            limit: Some(7),
            offset: 3,
            ..EventFilter::default()
        };
        let f = f.resolve().unwrap();
        let m = match_actors(&store.conn, f.actor.as_ref().unwrap()).unwrap();
        assert_eq!((m.ids.len(), m.mentions), (2, 20));
        let by_index = ids(&store, &f, &m);
        let by_scan = ids(&store, &f, &ActorMatch { ids: m.ids.clone(), mentions: INDEX_PATH_MAX + 1 });
        assert_eq!(by_index.len(), 7);
        assert_eq!(by_index, by_scan);
    }

    /// Events of two countries over ten days, three sub-event types, in
    /// several documents (so doc_id and evidence_start both order them).
    fn varied_store() -> SqliteStore {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let types = [SubEventType::ArmedClash, SubEventType::AirDroneStrike, SubEventType::PeacefulProtest];
        for d in 0..4 {
            let doc_id = format!("doc{d}");
            let events: Vec<Event> = (0..24)
                .map(|i| {
                    let mut e = event(&doc_id, i, "Alpha Brigade");
                    let day = chrono::NaiveDate::from_ymd_opt(2016, 1, 1 + ((i * 7 + d) % 10) as u32).unwrap();
                    e.date = (i % 5 != 0).then(|| sitrep_model::EventDate::day(day));
                    e.sub_event_type = types[(i + d) % 3];
                    let country = ["SY", "IQ"][i % 2];
                    e.location.as_mut().unwrap().place.country = Some(sitrep_model::Iso2::new(country).unwrap());
                    e.id =
                        EventId::compute(&DocId::new(&doc_id), e.evidence.span, e.sub_event_type, Some(&i.to_string()));
                    e
                })
                .collect();
            let doc = Doc::bare(DocId::new(&doc_id), "");
            store.put_document(&doc, &ContentHash::of(doc_id.as_bytes()), &events).unwrap();
        }
        store
    }

    fn records(store: &SqliteStore, sql: &Sql) -> Vec<sitrep_model::record::EventRecord> {
        let mut st = store.conn.prepare(&sql.text).unwrap();
        let rows = st.query_map(params_from_iter(&sql.params), rows::read_event).unwrap();
        rows.map(|r| rows::finish_event("test", r.unwrap()).unwrap()).collect()
    }

    /// Reading rows in index order and reading ids first give the same
    /// records in the same order, for the filters the front end sends.
    #[test]
    fn one_statement_and_two_steps_give_the_same_pages() {
        let store = varied_store();
        let day = |d| chrono::NaiveDate::from_ymd_opt(2016, 1, d);
        let filters = [
            EventFilter { country: Some("SY".into()), since: day(2), until: day(8), ..EventFilter::default() },
            EventFilter { country: Some("IQ".into()), limit: Some(5), offset: 2, ..EventFilter::default() },
            EventFilter { types: vec!["Battles".into()], limit: Some(7), ..EventFilter::default() },
            EventFilter { types: vec!["Armed clash".into(), "Peaceful protest".into()], ..EventFilter::default() },
            EventFilter { since: day(3), limit: Some(10), offset: 4, ..EventFilter::default() },
            EventFilter::default(),
        ];
        for filter in filters {
            let f = filter.resolve().unwrap();
            let plan = Plan::default();
            let one = records(&store, &select_in_index_order(&f, &plan));
            let two = records(&store, &select_in_two_steps(&f, &plan));
            assert!(!one.is_empty(), "{filter:?}");
            assert_eq!(one, two, "{filter:?}");
        }
    }

    /// A month of one country walks `events_country` in answer order, so it
    /// is one statement; a sparse circle is found through the R*Tree and
    /// sorted, so it takes two steps.
    #[test]
    fn a_country_and_dates_need_no_sort_and_a_sparse_circle_does() {
        let store = varied_store();
        let day = |d| chrono::NaiveDate::from_ymd_opt(2016, 1, d);
        let month = EventFilter { country: Some("SY".into()), since: day(1), until: day(31), ..EventFilter::default() };
        let f = month.resolve().unwrap();
        let one = select_in_index_order(&f, &Plan::default());
        assert!(!sorts(&store.conn, &one.text).unwrap());
        assert_eq!(select_events(&store.conn, &f, &Plan::default()).unwrap().text, one.text);

        let near = crate::Near {
            lat: sitrep_model::Lat::new(0.0).unwrap(),
            lon: sitrep_model::Lon::new(0.0).unwrap(),
            km: 1.0,
        };
        let f = EventFilter { near: Some(near), limit: Some(5), ..EventFilter::default() }.resolve().unwrap();
        assert!(sorts(&store.conn, &select_in_index_order(&f, &Plan::default()).text).unwrap());
        assert!(select_events(&store.conn, &f, &Plan::default()).unwrap().text.contains("WHERE e.id IN (SELECT e.id"));
    }
}
