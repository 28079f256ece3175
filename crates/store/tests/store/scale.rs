//! Scale check (ignored by default): fill a store with synthetic events and
//! time the queries the web map and the report make.
//!
//! ```text
//! SITREP_SCALE_EVENTS=1000000 SITREP_SCALE_DB=/tmp/scale.db \
//!   cargo test --release -p sitrep-store --test store scale -- --ignored --nocapture
//! ```
//! `SITREP_SCALE_DB` keeps the file, and a later run with the same size reuses
//! it; without it the store lives in a temporary directory. In a release build
//! the test fails when a query's p99 exceeds the 50 ms target.
#![allow(clippy::print_stderr)]

use sitrep_model::ontology::ONTOLOGY;
use sitrep_model::{Lat, Lon, Modality, Precision, SubEventType};
use sitrep_store::{EventFilter, EventStore, Near, SqliteStore};
use std::time::{Duration, Instant};

use crate::builder::{actor, day, doc, event, hash, place};

const EVENTS_PER_DOC: usize = 10;
const TARGET_P99: Duration = Duration::from_millis(50);

/// (ISO alpha-2, centre lat, centre lon, weight): conflict reporting is skewed.
const COUNTRIES: &[(&str, f64, f64, u64)] = &[
    ("SY", 35.0, 38.5, 30),
    ("IQ", 33.0, 44.0, 12),
    ("AF", 34.0, 66.0, 12),
    ("YE", 15.5, 47.5, 8),
    ("UA", 48.5, 35.0, 8),
    ("SO", 5.0, 46.0, 5),
    ("LY", 27.0, 17.0, 4),
    ("NG", 10.0, 8.0, 4),
    ("ML", 17.0, -4.0, 3),
    ("SD", 15.0, 30.0, 3),
    ("CD", -2.0, 24.0, 3),
    ("MM", 21.0, 96.0, 3),
    ("PK", 30.0, 70.0, 2),
    ("ET", 9.0, 39.0, 1),
    ("CO", 4.0, -73.0, 1),
    ("MX", 23.0, -102.0, 1),
];

/// A small deterministic generator (SplitMix64), so every run builds the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn country(&mut self) -> &'static (&'static str, f64, f64, u64) {
        let total: u64 = COUNTRIES.iter().map(|c| c.3).sum();
        let mut pick = self.below(total);
        COUNTRIES.iter().find(|c| pick.checked_sub(c.3).map(|p| pick = p).is_none()).unwrap_or(&COUNTRIES[0])
    }
    /// Sub-event types with a long tail: type i has weight 1/(i+1).
    fn kind(&mut self) -> SubEventType {
        let weights: Vec<f64> = (0..ONTOLOGY.len()).map(|i| 1.0 / (i as f64 + 1.0)).collect();
        let mut pick = self.unit() * weights.iter().sum::<f64>();
        for (i, w) in weights.iter().enumerate() {
            if pick < *w {
                return ONTOLOGY[(i * 7) % ONTOLOGY.len()].sub_event_type;
            }
            pick -= w;
        }
        SubEventType::Other
    }
}

fn synthetic_event(rng: &mut Rng, doc_id: &str, k: usize) -> sitrep_model::Event {
    let c = rng.country();
    let spot = rng.below(300) as f64;
    let (lat, lon) = (c.1 + (spot / 17.0).sin() * 3.0, c.2 + (spot / 13.0).cos() * 3.0);
    let day0 = day("2012-01-01") + chrono::Days::new(rng.below(3653));
    let mut b = event(doc_id, k * 150)
        .kind(rng.kind())
        .actor1(if rng.below(20_000) == 0 { rare_actor(rng.below(50)) } else { actor_of(rng.below(300)) })
        .at(place(&format!("{} place {spot}", c.0), c.0, lat, lon), Precision::Exact)
        .modality(if rng.below(10) < 8 { Modality::Asserted } else { Modality::Speculative })
        .evidence(
            &format!("Sentence {k} of {doc_id}: forces struck positions near the town, killing several fighters."),
            k * 150,
        );
    b = if rng.below(50) == 0 { b.date(None) } else { b.on(&day0.to_string()) };
    if rng.below(10) < 6 {
        b = b.actor2(actor_of(rng.below(300)));
    }
    b.build()
}

fn actor_of(i: u64) -> sitrep_model::Actor {
    const BASES: [(&str, &str); 6] = [
        ("Military Forces of Russia", "RUSMIL"),
        ("Islamic State", "IMGMUSISI"),
        ("Military Forces of Syria", "SYRMIL"),
        ("Taliban", "AFGINSTAL"),
        ("Opposition Rebels", "SYRREB"),
        ("Police Forces", "POLICE"),
    ];
    let (name, code) = BASES[(i % 6) as usize];
    if i < 6 {
        actor(name, code, None)
    } else {
        actor(&format!("{name} unit {i}"), &format!("{code}{i}"), None)
    }
}

/// Fifty groups named about once per 20,000 events.
fn rare_actor(i: u64) -> sitrep_model::Actor {
    actor(&format!("Rare Group {i}"), &format!("RAREGROUP{i}"), None)
}

fn fill(store: &mut SqliteStore, events: usize) {
    let mut rng = Rng(7);
    let started = Instant::now();
    for d in 0..events / EVENTS_PER_DOC {
        let id = format!("synthetic-{d:07}");
        let text = format!("Synthetic report {d}. ").repeat(40);
        let events: Vec<_> = (0..EVENTS_PER_DOC).map(|k| synthetic_event(&mut rng, &id, k)).collect();
        let document = doc(&id, &text);
        store.put_document(&document, &hash(&document), &events).unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!("fill: {events} events in {secs:.1} s ({:.0} events/s)", events as f64 / secs);
}

/// (name, filters to run in turn); each filter is timed once after a warm-up round.
fn workloads() -> Vec<(&'static str, Vec<EventFilter>)> {
    let f = EventFilter::default;
    let page = Some(100);
    let months: Vec<(chrono::NaiveDate, chrono::NaiveDate)> = (0..60)
        .map(|i| {
            let first = day("2013-01-01") + chrono::Months::new(i);
            (first, first + chrono::Months::new(1) - chrono::Days::new(1))
        })
        .collect();
    let years = |i: usize| (day(&format!("{}-01-01", 2012 + i % 10)), day(&format!("{}-12-31", 2012 + i % 10)));
    let country = |i: usize| Some(COUNTRIES[i % COUNTRIES.len()].0.to_owned());
    let near = |i: usize| {
        let c = COUNTRIES[i % COUNTRIES.len()];
        Some(Near { lat: Lat::new(c.1).unwrap(), lon: Lon::new(c.2 + 3.0).unwrap(), km: 50.0 })
    };
    let kind = |i: usize| vec![ONTOLOGY[i % ONTOLOGY.len()].name.to_owned()];
    let n = 0..60usize;
    vec![
        (
            "page of 100, no filter, offset 0..5900",
            n.clone().map(|i| EventFilter { limit: page, offset: i * 100, ..f() }).collect(),
        ),
        (
            "page of 100, one month",
            months.iter().map(|&(a, b)| EventFilter { since: Some(a), until: Some(b), limit: page, ..f() }).collect(),
        ),
        (
            "page of 100, one sub-event type",
            n.clone().map(|i| EventFilter { types: kind(i), limit: page, ..f() }).collect(),
        ),
        (
            "page of 100, one type, one year",
            n.clone()
                .map(|i| EventFilter {
                    types: kind(i),
                    since: Some(years(i).0),
                    until: Some(years(i).1),
                    limit: page,
                    ..f()
                })
                .collect(),
        ),
        (
            "page of 100, event type Battles + country",
            n.clone()
                .map(|i| EventFilter { types: vec!["Battles".into()], country: country(i), limit: page, ..f() })
                .collect(),
        ),
        (
            "country-month, all events",
            months
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| EventFilter { country: country(i), since: Some(a), until: Some(b), ..f() })
                .collect(),
        ),
        (
            "page of 100, actor substring",
            n.clone()
                .map(|i| EventFilter {
                    actor: Some(["russia", "taliban", "police", "rebels"][i % 4].into()),
                    limit: page,
                    ..f()
                })
                .collect(),
        ),
        (
            "page of 100, rare actor",
            n.clone()
                .map(|i| EventFilter { actor: Some(format!("rare group {}", i % 50)), limit: page, ..f() })
                .collect(),
        ),
        (
            "page of 100, actor substring + year",
            n.clone()
                .map(|i| EventFilter {
                    actor: Some(["russia", "taliban"][i % 2].into()),
                    since: Some(years(i).0),
                    until: Some(years(i).1),
                    limit: page,
                    ..f()
                })
                .collect(),
        ),
        ("page of 100, near 50 km", n.clone().map(|i| EventFilter { near: near(i), limit: page, ..f() }).collect()),
        (
            "page of 100, modality",
            n.clone().map(|_| EventFilter { modality: Some(Modality::Speculative), limit: page, ..f() }).collect(),
        ),
        (
            "page of 100, country + month + type",
            months
                .iter()
                .enumerate()
                .map(|(i, &(a, b))| EventFilter {
                    country: country(i),
                    since: Some(a),
                    until: Some(b),
                    types: kind(i),
                    limit: page,
                    ..f()
                })
                .collect(),
        ),
    ]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[test]
#[ignore = "fills a large store; run by hand (see the module doc)"]
fn a_million_events_answer_pages_fast() {
    let events: usize = std::env::var("SITREP_SCALE_EVENTS").ok().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var("SITREP_SCALE_DB").map_or_else(|_| dir.path().join("scale.db"), Into::into);
    let mut store = SqliteStore::open(&path).unwrap();
    if store.stats().unwrap().events != events as u64 {
        fill(&mut store, events);
    }
    let mut slow = Vec::new();
    for (name, filters) in workloads() {
        filters.iter().for_each(|f| drop(store.events(f).unwrap()));
        let mut times: Vec<(Duration, usize)> = filters
            .iter()
            .map(|f| {
                let t = Instant::now();
                let n = store.events(f).unwrap().len();
                (t.elapsed(), n)
            })
            .collect();
        times.sort();
        let d: Vec<Duration> = times.iter().map(|t| t.0).collect();
        let rows = times.iter().map(|t| t.1).sum::<usize>() / times.len();
        let (p50, p99) = (percentile(&d, 0.5), percentile(&d, 0.99));
        eprintln!("{name:45} p50 {p50:>9.2?}  p99 {p99:>9.2?}  max {:>9.2?}  rows {rows}", d[d.len() - 1]);
        if p99 > TARGET_P99 {
            slow.push(name);
        }
    }
    if !cfg!(debug_assertions) {
        assert!(slow.is_empty(), "p99 over {TARGET_P99:?}: {slow:?}");
    }
}
