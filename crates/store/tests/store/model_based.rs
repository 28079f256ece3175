//! Model-based property test (STYLE.md, after tantivy's index writer tests):
//! random sequences of `put_document` (with repeated bodies and reused ids)
//! and filtered queries, each checked against a trivial in-memory model.

use proptest::prelude::*;
use sitrep_model::ontology::ONTOLOGY;
use sitrep_model::place::distance_km;
use sitrep_model::quantity::Qualifier;
use sitrep_model::record::EventRecord;
use sitrep_model::{
    DatePrecision, Doc, Event, EventDate, EventType, Lat, Lon, Modality, Place, Precision, SubEventType, Unit,
};
use sitrep_store::{ContentHash, EventFilter, EventStore, Near, PutOutcome, SqliteStore, StoreError, StoreStats};
use std::collections::{HashMap, HashSet};

use crate::builder::{actor, day, doc, event, place};

const MODALITIES: [Modality; 5] =
    [Modality::Asserted, Modality::Attributed, Modality::Speculative, Modality::Negated, Modality::Planned];

fn actors() -> [sitrep_model::Actor; 4] {
    [
        actor("Military Forces of Russia", "RUSMIL", Some("RUS")),
        actor("Islamic State", "IMGMUSISI", None),
        actor("Военно-космические силы", "RUSAF", Some("RUS")),
        actor("Syrian Arab Army", "SYRMIL", Some("SYR")),
    ]
}

fn places() -> [Place; 5] {
    [
        place("Deir ez-Zor", "SY", 35.33588, 40.14084),
        place("Bgelia", "SY", 35.387, 40.086),
        place("Aleppo", "SY", 36.20124, 37.16117),
        place("Kilis", "TR", 36.7184, 37.1212),
        place("Taveuni", "FJ", -16.8, -179.95),
    ]
}

/// A document to put, as generated.
#[derive(Debug, Clone)]
struct Spec {
    doc: Doc,
    hash: ContentHash,
    events: Vec<Event>,
}

/// A query and what its country name stands for (the model does not resolve names).
#[derive(Debug, Clone)]
struct Query {
    filter: EventFilter,
    country: Option<&'static str>,
}

#[derive(Debug, Clone)]
enum Op {
    Put(usize),
    Query(Query),
}

fn event_strategy(doc_id: String) -> impl Strategy<Value = Event> {
    let date = proptest::option::weighted(0.85, (0u64..40, 0usize..4));
    let what = (0usize..ONTOLOGY.len(), 0usize..5, 0usize..3);
    let who = (proptest::option::of(0usize..4), proptest::option::of(0usize..4), proptest::option::of(0usize..5));
    let counts = (
        proptest::option::of(0u32..50),
        proptest::collection::vec((0u32..100, proptest::option::of(100u32..200), 0usize..4), 0..3),
    );
    (date, what, who, counts).prop_map(move |(date, (t, m, start), (a1, a2, at), (fatalities, qs))| {
        let precisions = [DatePrecision::Day, DatePrecision::Week, DatePrecision::Month, DatePrecision::Year];
        let date =
            date.map(|(d, p)| EventDate { day: day("2016-01-01") + chrono::Days::new(d), precision: precisions[p] });
        let mut b = event(&doc_id, start * 7).date(date).kind(ONTOLOGY[t].sub_event_type).modality(MODALITIES[m]);
        b = match a1 {
            Some(i) => b.actor1(actors()[i].clone()),
            None => b,
        };
        b = match a2 {
            Some(i) => b.actor2(actors()[i].clone()),
            None => b,
        };
        b = match at {
            Some(i) => b.at(places()[i].clone(), Precision::Exact),
            None => b,
        };
        b = match fatalities {
            Some(n) => b.fatalities(n),
            None => b,
        };
        let qualifiers = [Qualifier::Exact, Qualifier::AtLeast, Qualifier::About, Qualifier::AtMost];
        for (v, max, q) in qs {
            b = b.quantity(v, max, qualifiers[q], Unit::Sorties);
        }
        b.label(&format!("rule-{t}")).build()
    })
}

/// Ids d0..d3 and bodies 0..3 drawn separately: the same body under two ids
/// is a duplicate, two bodies under one id a conflict.
fn spec_strategy() -> impl Strategy<Value = Spec> {
    (0usize..4, 0usize..4).prop_flat_map(|(id, body)| {
        let id = format!("d{id}");
        proptest::collection::vec(event_strategy(id.clone()), 0..6).prop_map(move |events| {
            let text = format!("Body number {body}. It says things.");
            Spec { doc: doc(&id, &text), hash: ContentHash::of(text.as_bytes()), events }
        })
    })
}

fn query_strategy() -> impl Strategy<Value = Query> {
    let dates = (proptest::option::of(0u64..40), proptest::option::of(0u64..40));
    let type_names = ["Battles", "explosions/remote violence", "Air/drone strike", "ARMED CLASH", "Other", "Riots"];
    let types = proptest::sample::subsequence(type_names.to_vec(), 0..3);
    let actor = proptest::option::of(proptest::sample::select(vec![
        "russia",
        "RUSMIL",
        "state",
        "ВОЕННО",
        "rusaf",
        "syr",
        "x",
    ]));
    let countries = vec![("SY", "SY"), ("Syria", "SY"), ("tr", "TR"), ("Fiji", "FJ"), ("Iraq", "IQ")];
    let country = proptest::option::weighted(0.3, proptest::sample::select(countries));
    let near = proptest::option::weighted(
        0.3,
        (0usize..5, proptest::sample::select(vec![0.0, 1.0, 8.0, 100.0, 500.0, 20_000.0])),
    );
    let page = (proptest::option::of(0usize..8), 0usize..4, proptest::option::weighted(0.2, 0usize..5));
    (dates, types, actor, country, near, page).prop_map(
        |((since, until), types, actor, country, near, (limit, offset, modality))| {
            let start = day("2016-01-01");
            let filter = EventFilter {
                since: since.map(|d| start + chrono::Days::new(d)),
                until: until.map(|d| start + chrono::Days::new(d)),
                types: types.into_iter().map(str::to_owned).collect(),
                actor: actor.map(str::to_owned),
                near: near.map(|(i, km)| Near { lat: places()[i].lat, lon: places()[i].lon, km }),
                country: country.map(|(name, _)| name.to_owned()),
                modality: modality.map(|m| MODALITIES[m]),
                limit,
                offset,
                merged: false,
            };
            Query { filter, country: country.map(|(_, code)| code) }
        },
    )
}

fn op_strategy(pool: usize) -> impl Strategy<Value = Op> {
    prop_oneof![(0..pool).prop_map(Op::Put), query_strategy().prop_map(Op::Query)]
}

/// The trivial model: what is stored, as plain maps and a list.
#[derive(Debug, Default)]
struct Model {
    hash_of_id: HashMap<String, String>,
    docs: HashMap<String, Doc>,
    events: Vec<EventRecord>,
}

/// What the model expects a put to do.
#[derive(Debug, PartialEq)]
enum Expect {
    Ok(PutOutcome),
    DocIdTaken,
    DuplicateEventId,
}

impl Model {
    fn put(&mut self, s: &Spec) -> Expect {
        if self.hash_of_id.values().any(|h| h == s.hash.as_str()) {
            return Expect::Ok(PutOutcome::Duplicate);
        }
        if self.hash_of_id.contains_key(s.doc.id.as_str()) {
            return Expect::DocIdTaken;
        }
        let mut ids = HashSet::new();
        if !s.events.iter().all(|e| ids.insert(e.id.clone())) {
            return Expect::DuplicateEventId;
        }
        self.hash_of_id.insert(s.doc.id.to_string(), s.hash.to_string());
        self.docs.insert(s.doc.id.to_string(), s.doc.clone());
        self.events.extend(s.events.iter().map(EventRecord::from));
        Expect::Ok(PutOutcome::Inserted { events: s.events.len() })
    }

    fn query(&self, q: &Query) -> Vec<EventRecord> {
        let mut hits: Vec<EventRecord> = self.events.iter().filter(|r| passes(q, r)).cloned().collect();
        hits.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        hits.into_iter().skip(q.filter.offset).take(q.filter.limit.unwrap_or(usize::MAX)).collect()
    }
}

fn order_key(r: &EventRecord) -> (bool, Option<&str>, &str, usize, &str) {
    (r.date.is_none(), r.date.as_deref(), &r.doc_id, r.evidence.start, &r.event_id)
}

fn passes(q: &Query, r: &EventRecord) -> bool {
    let f = &q.filter;
    let date = r.date.as_deref().map(day);
    let in_range = |bound: Option<chrono::NaiveDate>, ok: fn(chrono::NaiveDate, chrono::NaiveDate) -> bool| {
        bound.is_none_or(|b| date.is_some_and(|d| ok(d, b)))
    };
    in_range(f.since, |d, b| d >= b)
        && in_range(f.until, |d, b| d <= b)
        && (f.types.is_empty() || type_names(&f.types).contains(r.sub_event_type.as_str()))
        && f.actor.as_deref().is_none_or(|a| actor_passes(a, r))
        && f.near.is_none_or(|n| near_passes(n, r))
        && q.country.is_none_or(|c| r.location.as_ref().and_then(|l| l.country.as_deref()) == Some(c))
        && f.modality.is_none_or(|m| r.modality == m.as_str())
}

fn type_names(names: &[String]) -> HashSet<&'static str> {
    let expand = |n: &String| -> Vec<&'static str> {
        match (SubEventType::parse(n), EventType::parse(n)) {
            (Ok(t), _) => vec![t.as_str()],
            (_, Ok(t)) => ONTOLOGY.iter().filter(|r| r.event_type == t).map(|r| r.name).collect(),
            _ => Vec::new(),
        }
    };
    names.iter().flat_map(expand).collect()
}

fn actor_passes(q: &str, r: &EventRecord) -> bool {
    [&r.actor1, &r.actor2]
        .into_iter()
        .flatten()
        .any(|a| a.name.to_lowercase().contains(&q.to_lowercase()) || a.code == q.to_uppercase())
}

fn near_passes(n: Near, r: &EventRecord) -> bool {
    r.location.as_ref().is_some_and(|l| {
        let p = (Lat::new(l.lat).unwrap(), Lon::new(l.lon).unwrap());
        distance_km((n.lat, n.lon), p) <= n.km
    })
}

fn outcome(got: Result<PutOutcome, StoreError>) -> Expect {
    match got {
        Ok(o) => Expect::Ok(o),
        Err(StoreError::DocIdTaken { .. }) => Expect::DocIdTaken,
        Err(StoreError::DuplicateEventId { .. }) => Expect::DuplicateEventId,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn check_final_state(store: &SqliteStore, model: &Model, pool: &[Spec]) -> Result<(), TestCaseError> {
    let stats = StoreStats { documents: model.docs.len() as u64, events: model.events.len() as u64 };
    prop_assert_eq!(store.stats().unwrap(), stats);
    for r in &model.events {
        prop_assert_eq!(store.event(&r.event_id).unwrap(), Some(r.clone()));
    }
    for s in pool {
        let stored = model.hash_of_id.values().any(|h| h == s.hash.as_str());
        prop_assert_eq!(store.has_document(&s.hash).unwrap(), stored);
        prop_assert_eq!(store.document(&s.doc.id).unwrap(), model.docs.get(s.doc.id.as_str()).cloned());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn store_behaves_like_the_model(
        (pool, ops) in proptest::collection::vec(spec_strategy(), 6)
            .prop_flat_map(|pool| (Just(pool), proptest::collection::vec(op_strategy(6), 1..40)))
    ) {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let mut model = Model::default();
        for op in &ops {
            match op {
                Op::Put(i) => {
                    let s = &pool[*i];
                    let want = model.put(s);
                    prop_assert_eq!(outcome(store.put_document(&s.doc, &s.hash, &s.events)), want, "put {}", s.doc.id);
                }
                Op::Query(q) => prop_assert_eq!(store.events(&q.filter).unwrap(), model.query(q), "{:?}", q.filter),
            }
        }
        check_final_state(&store, &model, &pool)?;
    }
}
