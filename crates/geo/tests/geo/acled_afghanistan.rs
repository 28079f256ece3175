//! Scratch evaluation on ACLED's Afghanistan notes (March 2020, 496 rows):
//! each note's `notes` text goes through the place recogniser and the
//! geocoder; the event location is picked the way the coder will (the most
//! specific place of the note's first sentence), and compared with the row's
//! coordinates. Prints the share within 25 km and 161 km.
//!
//! The data is not ours to ship: the test reads it from `shared/dev/` and
//! skips with a message when it is absent. Run with
//! `cargo test -p sitrep-geo --test geo acled_afghanistan -- --nocapture`.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // a failed unwrap is a failed test; figures go to stderr

use crate::common;

use sitrep_geo::{Gazetteer, Geocoder, Resolved};
use sitrep_model::place::distance_km;
use sitrep_model::{Lat, Lon, PlaceKind};
use sitrep_recognise::places::PlaceRecogniser;

/// Records of a CSV text (quoted fields, doubled quotes, newlines in quotes).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// How specific a kind of place is: lower is more specific.
fn specificity(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::PopulatedPlace
        | PlaceKind::Neighbourhood
        | PlaceKind::Landform
        | PlaceKind::Facility
        | PlaceKind::Water => 0,
        PlaceKind::Admin2 => 1,
        PlaceKind::Admin1 | PlaceKind::Region => 2,
        PlaceKind::Country => 3,
        PlaceKind::Continent => 4,
    }
}

/// The event location of a note: the most specific resolved place of its
/// first sentence (of the whole note when the first sentence has none).
fn event_place(g: &Gazetteer, note: &str) -> Option<Resolved> {
    let d = common::doc("note", note);
    let ms = PlaceRecogniser::new(g).find(&d, &[]);
    let resolved = Geocoder::new(g).resolve(&d, &ms);
    let first = d.sentences.first().map(|s| s.span);
    let pick = |in_first: bool| {
        ms.iter()
            .zip(resolved.iter())
            .filter(|(m, _)| !in_first || first.is_some_and(|f| f.contains(m.span)))
            .filter_map(|(_, r)| r.clone())
            .min_by_key(|r| specificity(r.place.kind))
    };
    pick(true).or_else(|| pick(false))
}

#[test]
fn acled_afghanistan_location_accuracy() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: shared/ is absent");
        return;
    };
    let path = shared.join("dev/acled/acled-afghanistan-2020-03.csv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let rows = csv_records(&text);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (notes, lat, lon, loc) = (col("notes"), col("latitude"), col("longitude"), col("location"));
    let g = Gazetteer::load().unwrap();
    let (mut n, mut within25, mut within161, mut none) = (0, 0, 0, 0);
    for row in rows[1..].iter().filter(|r| r.len() == header.len()) {
        n += 1;
        let gold = (Lat::new(row[lat].parse().unwrap()).unwrap(), Lon::new(row[lon].parse().unwrap()).unwrap());
        let Some(r) = event_place(&g, &row[notes]) else {
            none += 1;
            eprintln!("MISS  {:<24} | {}", row[loc], &row[notes].chars().take(140).collect::<String>());
            continue;
        };
        let km = distance_km(gold, r.place.point());
        within25 += usize::from(km <= 25.0);
        within161 += usize::from(km <= 161.0);
        if km > 25.0 {
            eprintln!(
                "{km:>5.0} {:<24} -> {} ({:?}, {:?}) | {}",
                row[loc],
                r.place.name,
                r.place.kind,
                r.place.admin1,
                &row[notes].chars().take(140).collect::<String>()
            );
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    eprintln!(
        "ACLED Afghanistan: {n} notes, {none} without a place, Acc@25 {:.1}%, Acc@161 {:.1}%",
        pct(within25),
        pct(within161)
    );
    assert!(pct(within161) >= 80.0, "Acc@161 fell below 80%");
}
