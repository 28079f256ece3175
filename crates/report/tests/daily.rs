//! The daily report on a hand-made day: grouping by area, claims kept apart
//! from events, counts added once per statement, escaping, and the
//! rendered Markdown as a snapshot.
#![allow(clippy::unwrap_used)]

mod common;

use sitrep_report::daily::{html, map, markdown};
use sitrep_report::{DailyReport, ReportRequest};

fn report(area: Option<&str>) -> DailyReport {
    let store = common::store();
    let req = ReportRequest { date: common::day("2016-01-20"), area: area.map(str::to_owned), link_base: None };
    DailyReport::build(&store, &req).unwrap()
}

/// The Markdown without the map's data URI (its bytes are tested apart).
fn markdown_text(r: &DailyReport) -> String {
    markdown::render(r)
        .unwrap()
        .lines()
        .map(|l| if l.starts_with("![Map") { "![Map](data:...)" } else { l })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_day_reads_as_expected() {
    insta::assert_snapshot!(markdown_text(&report(None)));
}

#[test]
fn a_statement_about_two_areas_is_counted_once() {
    let r = report(None);
    let tally =
        |t: &sitrep_report::daily::Totals| t.quantities.iter().map(|q| (q.unit.clone(), q.value)).collect::<Vec<_>>();
    let want = vec![("sorties".to_owned(), 16), ("targets".to_owned(), 57)];
    assert_eq!(tally(&r.totals), want, "the day");
    let hama = r.areas.iter().find(|a| a.name == "Hama").unwrap();
    let homs = r.areas.iter().find(|a| a.name == "Homs").unwrap();
    assert_eq!((tally(&hama.totals), tally(&homs.totals)), (want.clone(), want));
    assert_eq!(hama.events[0].evidence[0].shared_with, ["Homs"]);
    assert_eq!(hama.events[0].evidence.len(), 2, "the strike sentence and the depot sentence");
}

#[test]
fn claims_are_not_events() {
    let r = report(None);
    assert_eq!((r.totals.events, r.totals.claims), (5, 2));
    let syria = r.areas.iter().find(|a| a.name.starts_with("Syria")).unwrap();
    assert!(syria.events.is_empty());
    assert_eq!(syria.claims[0].modality, "speculative");
    let homs = r.areas.iter().find(|a| a.name == "Homs").unwrap();
    assert_eq!(homs.claims[0].modality, "negated");
    assert_eq!(homs.totals.fatalities, 0, "a denied shelling's deaths are not counted as events'");
    assert_eq!(r.areas.last().unwrap().name, "Location not given");
}

#[test]
fn an_area_is_a_country_or_a_province() {
    let names = |r: DailyReport| r.areas.into_iter().map(|a| a.name).collect::<Vec<_>>();
    assert_eq!(names(report(Some("homs"))), ["Homs"]);
    assert_eq!(names(report(Some("Syria"))).len(), 4, "every located area, not the unlocated event");
    assert!(names(report(Some("Narnia"))).is_empty(), "no province of that name");
}

#[test]
fn an_empty_day_says_so_and_has_no_map() {
    let store = common::store();
    let req = ReportRequest { date: common::day("2020-01-01"), area: None, link_base: None };
    let r = DailyReport::build(&store, &req).unwrap();
    assert!(map::svg(&r).unwrap().is_none());
    assert!(markdown::render(&r).unwrap().contains("No events are recorded for this day."));
}

#[test]
fn article_text_is_escaped_in_both_renderings() {
    let r = report(None);
    let page = html::render(&r).unwrap();
    assert!(page.contains("Tell Abyad &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script"), "no script element in the page");
    let md = markdown::render(&r).unwrap();
    assert!(md.contains("Tell Abyad \\<script\\>alert(1)\\</script\\>"));
}

#[test]
fn evidence_links_go_to_the_page_or_the_source() {
    let mut r = report(None);
    let e = r.areas[0].events[0].evidence[0].clone();
    assert_eq!(r.evidence_link(&e).as_deref(), Some("https://example.org/review-1"));
    r.link_base = Some("http://127.0.0.1:8080/".into());
    assert_eq!(r.evidence_link(&e), Some(format!("http://127.0.0.1:8080/#event/{}", e.event_id)));
    assert!(html::render(&r).unwrap().contains(&format!("href=\"http://127.0.0.1:8080/#event/{}\"", e.event_id)));
}

#[test]
fn the_map_shows_every_located_event_on_land() {
    let r = report(None);
    let svg = map::svg(&r).unwrap().unwrap();
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert_eq!(svg.matches("<circle").count(), r.points.len());
    assert_eq!(r.points.len(), 6, "the unlocated event is not drawn");
    assert_eq!(svg.matches("stroke-dasharray=\"3 2\"").count(), 2, "two claims drawn hollow");
    assert!(svg.len() < 200_000, "clipped to the frame: {} bytes", svg.len());
}
