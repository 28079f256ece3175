//! Geocoder cases where the other names of a document decide a name's
//! sense (`tests/data/discourse.tsv`): each row is a short text, a name in
//! it and the point it must resolve near. Recogniser + geocoder, end to end.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use crate::common;

use sitrep_geo::{Gazetteer, Geocoder};
use sitrep_model::place::distance_km;
use sitrep_model::{Lat, Lon};
use sitrep_recognise::places::PlaceRecogniser;

/// One row of the table.
struct Case<'a> {
    text: &'a str,
    name: &'a str,
    occurrence: usize,
    at: (f64, f64),
    km: f64,
}

fn cases(table: &str) -> Vec<Case<'_>> {
    let rows = table.lines().filter(|l| !l.starts_with('#')).skip(1);
    rows.map(|l| {
        let f: Vec<&str> = l.split('\t').collect();
        let num = |i: usize| f[i].parse::<f64>().unwrap();
        Case { text: f[0], name: f[1], occurrence: f[2].parse().unwrap(), at: (num(3), num(4)), km: num(5) }
    })
    .collect()
}

/// Where the case's name resolves, or why it does not.
fn resolve(g: &Gazetteer, c: &Case<'_>) -> Result<(Lat, Lon), String> {
    let d = common::doc("case", c.text);
    let ms = PlaceRecogniser::new(g).find(&d, &[]);
    let res = Geocoder::new(g).resolve(&d, &ms);
    let start = c.text.match_indices(c.name).nth(c.occurrence - 1).map(|(i, _)| i).ok_or("name not in text")?;
    let i = ms.iter().position(|m| m.span.start == start).ok_or("not recognised")?;
    let r = res[i].as_ref().ok_or("unresolved")?;
    Ok(r.place.point())
}

#[test]
fn documents_names_decide_each_other() {
    let g = Gazetteer::load().unwrap();
    let table = include_str!("../data/discourse.tsv");
    let mut failures = Vec::new();
    for c in cases(table) {
        let want = (Lat::new(c.at.0).unwrap(), Lon::new(c.at.1).unwrap());
        match resolve(&g, &c) {
            Ok(at) => {
                let km = distance_km(at, want);
                if km > c.km {
                    failures.push(format!("{} #{} in {:?}: {km:.0} km off", c.name, c.occurrence, c.text));
                }
            }
            Err(why) => failures.push(format!("{} #{}: {why}", c.name, c.occurrence)),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
