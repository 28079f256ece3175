//! The merge stage: grouping cases as a table, a property test that any
//! order of the same reports gives the same canonical events, and one that
//! the blocked comparison groups exactly as comparing every pair would.

use chrono::NaiveDate;
use proptest::prelude::*;
use sitrep_code::merge::{compat, merge, pick, representatives, Report};
use sitrep_model::{
    Actor, ActorCode, ActorRole, DatePrecision, DocId, Event, EventDate, EventId, Evidence, GazetteerId, Iso2, Iso3,
    Lat, Location, Lon, Modality, Place, PlaceKind, Precision, Span, SubEventType,
};

fn place(lat: f64, lon: f64, kind: PlaceKind, admin1: &str, country: &str) -> Location {
    let precision = if kind.is_area() { Precision::Region } else { Precision::Exact };
    Location {
        place: Place {
            gazetteer_id: GazetteerId::from_raw(format!("t:{lat},{lon}")),
            name: if kind == PlaceKind::Admin1 { admin1.into() } else { format!("{lat},{lon}") },
            admin1: Some(admin1.into()),
            admin2: None,
            country: Iso2::new(country).ok(),
            lat: Lat::new(lat).expect("lat"),
            lon: Lon::new(lon).expect("lon"),
            kind,
            population: None,
        },
        precision,
    }
}

fn actor(code: &str, role: ActorRole) -> Actor {
    Actor { name: code.into(), code: ActorCode::new(code).expect("code"), country: Iso3::new(&code[..3]).ok(), role }
}

#[derive(Debug, Clone)]
struct E {
    doc: &'static str,
    day: u32,
    sub: SubEventType,
    at: (f64, f64, PlaceKind),
    actor1: Option<&'static str>,
    fatalities: Option<u32>,
}

fn event(e: &E) -> Report {
    event_in(e, Some(("Idlib", "SY")), DatePrecision::Day)
}

/// A report of `e` in `region` (admin-1 name and country; `None` for a
/// report with no place), its date known to `precision`.
fn event_in(e: &E, region: Option<(&str, &str)>, precision: DatePrecision) -> Report {
    let doc = DocId::new(e.doc);
    let span = Span::new(0, 10);
    Report {
        event: Event {
            id: EventId::compute(&doc, span, e.sub, None),
            doc_id: doc,
            date: NaiveDate::from_ymd_opt(2017, 4, e.day).map(|day| EventDate { day, precision }),
            sub_event_type: e.sub,
            cameo: e.sub.cameo().into(),
            actor1: e.actor1.map(|c| actor(c, ActorRole::Military)),
            actor2: None,
            location: region.map(|(admin1, country)| place(e.at.0, e.at.1, e.at.2, admin1, country)),
            fatalities: e.fatalities,
            quantities: vec![],
            modality: Modality::Asserted,
            attribution: None,
            evidence: Evidence { text: "x".into(), span },
            rule: "t".into(),
        },
        outlet: Some(format!("outlet-{}", e.doc)),
    }
}

const AIR: SubEventType = SubEventType::AirDroneStrike;
const TOWN: (f64, f64, PlaceKind) = (35.44, 36.65, PlaceKind::PopulatedPlace);

/// (name, reports, expected group sizes, largest first)
fn cases() -> Vec<(&'static str, Vec<E>, Vec<usize>)> {
    vec![
        (
            "three outlets, one strike",
            vec![
                E { doc: "a", day: 4, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: Some(58) },
                E {
                    doc: "b",
                    day: 4,
                    sub: AIR,
                    at: (35.47, 36.66, PlaceKind::PopulatedPlace),
                    actor1: Some("SYRMIL"),
                    fatalities: Some(72),
                },
                E { doc: "c", day: 4, sub: SubEventType::ChemicalWeapon, at: TOWN, actor1: None, fatalities: None },
            ],
            vec![3],
        ),
        (
            "a day later is another strike",
            vec![
                E { doc: "a", day: 4, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: None },
                E { doc: "b", day: 5, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: None },
            ],
            vec![1, 1],
        ),
        (
            "20 km apart are two strikes",
            vec![
                E { doc: "a", day: 4, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: None },
                E {
                    doc: "b",
                    day: 4,
                    sub: AIR,
                    at: (35.62, 36.65, PlaceKind::PopulatedPlace),
                    actor1: Some("SYRMIL"),
                    fatalities: None,
                },
            ],
            vec![1, 1],
        ),
        (
            "a province-level report joins a town in it",
            vec![
                E { doc: "a", day: 4, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: None },
                E { doc: "b", day: 4, sub: AIR, at: (35.8, 36.6, PlaceKind::Admin1), actor1: None, fatalities: None },
            ],
            vec![2],
        ),
        (
            "different air forces are different strikes",
            vec![
                E { doc: "a", day: 4, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: None },
                E { doc: "b", day: 4, sub: AIR, at: TOWN, actor1: Some("RUSMIL"), fatalities: None },
            ],
            vec![1, 1],
        ),
        (
            "one document's events stay apart",
            vec![
                E { doc: "a", day: 4, sub: AIR, at: TOWN, actor1: Some("SYRMIL"), fatalities: None },
                E {
                    doc: "a",
                    day: 4,
                    sub: SubEventType::ShellingArtilleryMissile,
                    at: TOWN,
                    actor1: Some("SYRMIL"),
                    fatalities: None,
                },
            ],
            vec![1, 1],
        ),
    ]
}

#[test]
fn grouping_cases() {
    for (name, reports, expected) in cases() {
        let merged = merge(reports.iter().map(event).collect());
        let mut sizes: Vec<usize> = merged.iter().map(|c| c.sources.len()).collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        assert_eq!(sizes, expected, "{name}");
    }
}

#[test]
fn the_canonical_event_is_conservative_and_counts_outlets() {
    let (_, reports, _) = cases().remove(0);
    let merged = merge(reports.iter().map(event).collect());
    let c = &merged[0];
    assert_eq!(c.event.fatalities, Some(58), "the lowest reported toll");
    assert_eq!(c.event.sub_event_type, AIR, "the most frequent type");
    assert_eq!(c.outlets(), 3);
    assert_eq!(c.event.actor1.as_ref().map(|a| a.code.as_str()), Some("SYRMIL"));
}

/// One id per report, as the pipeline gives (its span in its document).
fn unique_ids(reports: &mut [Report]) {
    for (i, r) in (0usize..).zip(reports.iter_mut()) {
        let e = &mut r.event;
        e.id = EventId::compute(&e.doc_id, Span::new(i * 10, i * 10 + 10), e.sub_event_type, None);
    }
}

fn arbitrary_report() -> impl Strategy<Value = E> {
    let docs = prop::sample::select(vec!["a", "b", "c", "d", "e"]);
    let subs = prop::sample::select(vec![AIR, SubEventType::ShellingArtilleryMissile, SubEventType::ArmedClash]);
    let actors = prop::sample::select(vec![None, Some("SYRMIL"), Some("RUSMIL")]);
    (docs, 3u32..6, subs, 0u32..4, actors, prop::option::of(0u32..20)).prop_map(
        |(doc, day, sub, spot, actor1, fatalities)| {
            let lat = 35.40 + f64::from(spot) * 0.05;
            E { doc, day, sub, at: (lat, 36.65, PlaceKind::PopulatedPlace), actor1, fatalities }
        },
    )
}

proptest! {
    #[test]
    fn any_order_gives_the_same_events(reports in prop::collection::vec(arbitrary_report(), 0..24), seed in any::<u64>()) {
        // Unique ids, as the pipeline gives: the output is ordered by id.
        let mut events: Vec<Report> = reports.iter().map(event).collect();
        unique_ids(&mut events);
        let mut shuffled = events.clone();
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = ((seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64)) % (i as u64 + 1)) as usize;
            shuffled.swap(i, j);
        }
        let a = merge(events);
        let b = merge(shuffled);
        prop_assert_eq!(a, b);
    }
}

fn find(root: &[usize], mut i: usize) -> usize {
    while root[i] != i {
        i = root[i];
    }
    i
}

/// The groups of comparing every pair of dated reports within a week, as
/// (member, representative) ids: what the merge did before blocking.
fn every_pair_representatives(mut reports: Vec<Report>) -> Vec<(String, String)> {
    reports.sort_by(pick::total);
    reports.dedup();
    let n = reports.len();
    let mut root: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&reports[i].event, &reports[j].event);
            let near = a.date.zip(b.date).is_some_and(|(x, y)| x.days_apart(y) <= 7);
            if near && compat::same_event(a, b) {
                let (ri, rj) = (find(&root, i), find(&root, j));
                root[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<&Report>> = std::collections::BTreeMap::new();
    for (i, report) in reports.iter().enumerate() {
        groups.entry(find(&root, i)).or_default().push(report);
    }
    let mut out: Vec<(String, String)> = groups
        .into_values()
        .flat_map(|mut g| {
            g.sort_by(|a, b| pick::order(a, b));
            let head = g[0].event.id.as_str().to_owned();
            g.into_iter().map(move |r| (r.event.id.as_str().to_owned(), head.clone())).collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out
}

/// Reports spread over three weeks, two countries, two regions, grid-cell
/// edges, the antimeridian and the pole, with coarse dates and missing places.
fn spread_report() -> impl Strategy<Value = Report> {
    let docs = prop::sample::select(vec!["a", "b", "c", "d", "e", "f"]);
    let subs = prop::sample::select(vec![AIR, SubEventType::ShellingArtilleryMissile, SubEventType::ArmedClash]);
    let actors = prop::sample::select(vec![None, Some("SYRMIL"), Some("RUSMIL")]);
    let spots = prop::sample::select(vec![
        (35.40, 36.65),
        (35.43, 36.66),
        (35.49, 36.62),
        (35.52, 36.70),
        (35.60, 36.65),
        (0.0, 179.99),
        (0.0, -179.99),
        (89.99, 10.0),
        (89.99, -170.0),
    ]);
    let kinds = prop::sample::select(vec![PlaceKind::PopulatedPlace, PlaceKind::Admin1, PlaceKind::Admin2]);
    let regions = prop::sample::select(vec![None, Some(("Idlib", "SY")), Some(("Hama", "SY")), Some(("Idlib", "TR"))]);
    let precisions =
        prop::sample::select(vec![DatePrecision::Day, DatePrecision::Day, DatePrecision::Week, DatePrecision::Month]);
    let what = (docs, 1u32..22, subs, actors, prop::option::of(0u32..20));
    (what, spots, kinds, regions, precisions).prop_map(
        |((doc, day, sub, actor1, fatalities), (lat, lon), kind, region, precision)| {
            event_in(&E { doc, day, sub, at: (lat, lon, kind), actor1, fatalities }, region, precision)
        },
    )
}

proptest! {
    #[test]
    fn blocking_groups_as_every_pair_does(mut reports in prop::collection::vec(spread_report(), 0..60)) {
        unique_ids(&mut reports);
        let blocked: Vec<(String, String)> = representatives(reports.clone())
            .into_iter()
            .map(|(m, r)| (m.as_str().to_owned(), r.as_str().to_owned()))
            .collect();
        prop_assert_eq!(blocked, every_pair_representatives(reports));
    }
}
