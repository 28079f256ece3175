//! The event record and its page agree: every field of the JSON record (the
//! canonical record of `extract --merge` included) has a row in a field table
//! of `docs/record.md` (section "Fields"), those tables list no field the
//! record lacks, and the page's JSON examples are records as sitrep writes
//! them.
//!
//! Fields are named by path: `location.lat` for a key of a nested object,
//! `quantities[].unit` for a key of an array's elements.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use sitrep_model::quantity::Qualifier;
use sitrep_model::record::{
    ActorRecord, CanonicalRecord, EventRecord, EvidenceRecord, LocationRecord, QuantityRecord, SourceRecord,
};

/// The page, read from the repository.
fn page() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/record.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn evidence() -> EvidenceRecord {
    EvidenceRecord { text: "Syrian warplanes struck Idlib, the monitor said.".into(), start: 0, end: 48 }
}

/// A record with every field filled: each `Option` is `Some`, and the
/// quantity has a range and a qualifier, so that no field is `null` or
/// skipped and every key reaches the JSON. A new field of a record type
/// fails to compile here until it is given a value.
fn full_record() -> EventRecord {
    let actor =
        |name: &str, code: &str| ActorRecord { name: name.into(), code: code.into(), country: Some("SYR".into()) };
    EventRecord {
        doc_id: "2017-04-05-idlib-airstrikes".into(),
        event_id: "04551947fa34d242".into(),
        date: Some("2017-04-05".into()),
        date_precision: Some("day".into()),
        event_type: "Explosions/Remote violence".into(),
        sub_event_type: "Air/drone strike".into(),
        cameo: "195".into(),
        plover: "ASSAULT".into(),
        plover_mode: Some("heavy-weapons".into()),
        actor1: Some(actor("Military Forces of Syria", "SYRMIL")),
        actor2: Some(actor("Opposition Rebels (Syria)", "SYRREB")),
        location: Some(LocationRecord {
            name: "Idlib".into(),
            admin1: Some("Idlib".into()),
            admin2: Some("Idlib District".into()),
            country: Some("SY".into()),
            lat: 35.8528,
            lon: 36.6829,
            precision: 2,
            gazetteer_id: "geonames:169387".into(),
        }),
        fatalities: Some(12),
        quantities: vec![QuantityRecord {
            value: 10,
            unit: "strikes".into(),
            max: Some(15),
            qualifier: Some(Qualifier::AtLeast),
        }],
        modality: "attributed".into(),
        attribution: Some("the monitor".into()),
        evidence: evidence(),
        rule: "air-strike".into(),
    }
}

/// A canonical event with one source, every field filled.
fn full_canonical() -> CanonicalRecord {
    let event = full_record();
    let source = SourceRecord {
        doc_id: event.doc_id.clone(),
        event_id: event.event_id.clone(),
        outlet: Some("Example Wire".into()),
        modality: event.modality.clone(),
        attribution: event.attribution.clone(),
        evidence: evidence(),
    };
    CanonicalRecord { event, sources: vec![source], source_count: 1, outlet_count: 1 }
}

/// Every key path under `v`, containers included.
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (key, value) in map {
                let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                paths(value, &path, out);
                out.insert(path);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// The paths of the JSON record and of the canonical record.
fn record_paths() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for v in [
        serde_json::to_value(full_record()).expect("a record serialises"),
        serde_json::to_value(full_canonical()).expect("a canonical record serialises"),
    ] {
        let mut nulls = Vec::new();
        find_nulls(&v, "", &mut nulls);
        assert!(nulls.is_empty(), "fields left null, so not checked: {nulls:?}");
        paths(&v, "", &mut out);
    }
    out
}

fn find_nulls(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Null => out.push(at.to_owned()),
        Value::Object(map) => map.iter().for_each(|(k, v)| find_nulls(v, &format!("{at}.{k}"), out)),
        Value::Array(items) => items.iter().for_each(|v| find_nulls(v, &format!("{at}[]"), out)),
        _ => {}
    }
}

/// The backquoted names in the first cell of the table rows of the page's
/// "Fields" section (up to the next second-level heading).
fn documented_paths(page: &str) -> BTreeSet<String> {
    let section = page.lines().skip_while(|l| l.trim() != "## Fields").skip(1).take_while(|l| !l.starts_with("## "));
    let mut out = BTreeSet::new();
    for line in section.filter(|l| l.starts_with('|')) {
        let first = line.split('|').nth(1).unwrap_or("");
        out.extend(first.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    out
}

/// The ```json blocks of the page.
fn json_blocks(page: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        match (&mut current, line.trim()) {
            (None, "```json") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

/// Each field must have its own row in a field table: a mention elsewhere
/// on the page (the CSV mapping, an example) does not count.
#[test]
fn every_field_of_the_record_is_documented() {
    let documented = documented_paths(&page());
    let missing: Vec<String> = record_paths().into_iter().filter(|p| !documented.contains(p)).collect();
    assert!(missing.is_empty(), "fields of the JSON record without a row in docs/record.md, \"Fields\": {missing:?}");
}

#[test]
fn documented_fields_exist() {
    let known = record_paths();
    let documented = documented_paths(&page());
    assert!(documented.len() > 20, "the Fields section of docs/record.md was not found");
    let unknown: Vec<&String> = documented.difference(&known).collect();
    assert!(unknown.is_empty(), "docs/record.md documents fields the record does not have: {unknown:?}");
}

#[test]
fn examples_are_records_as_written() {
    let blocks = json_blocks(&page());
    assert!(!blocks.is_empty(), "docs/record.md has no JSON example");
    for block in blocks {
        let example: Value = serde_json::from_str(&block).expect("an example is JSON");
        let again = if example.get("sources").is_some() {
            let r: CanonicalRecord = serde_json::from_value(example.clone()).expect("a canonical record");
            serde_json::to_value(r)
        } else {
            let r: EventRecord = serde_json::from_value(example.clone()).expect("an event record");
            serde_json::to_value(r)
        };
        assert_eq!(again.expect("serialises"), example, "an example in docs/record.md is not a record as written");
    }
}
