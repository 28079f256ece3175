//! The seed article's places, end to end: recogniser + geocoder. A data
//! table says, for an occurrence of a name, where it must resolve (within a
//! tolerance) or what kind it must be; and which words must not be places.
//! Reads the seed from `shared/seed/`; skips with a message when absent.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // a failed unwrap is a failed test; figures go to stderr

use crate::common;

use sitrep_geo::{Gazetteer, Geocoder, Resolved};
use sitrep_model::place::distance_km;
use sitrep_model::{Lat, Lon, PlaceKind};
use sitrep_recognise::places::PlaceRecogniser;

const SEED: &str = "seed/2016-01-21-southfront-military-review-syria.txt";

/// What an occurrence of a name must resolve to.
enum Want {
    Near(f64, f64, f64),
    Kind(PlaceKind, &'static str),
}

/// (text, occurrence 1-based, expectation).
const PLACES: &[(&str, usize, Want)] = &[
    ("Deir ez-Zor", 1, Want::Kind(PlaceKind::Admin1, "SY")),
    ("Deir ez-Zor", 2, Want::Near(35.336, 40.141, 10.0)),
    ("Deir ez Zor", 1, Want::Kind(PlaceKind::Admin1, "SY")),
    ("Latakia", 1, Want::Kind(PlaceKind::Admin1, "SY")),
    ("Bgelia", 1, Want::Near(35.387, 40.086, 10.0)),
    ("Mreya", 1, Want::Near(35.273, 40.225, 10.0)),
    ("Jabal al-Akrad", 1, Want::Near(35.65, 36.2, 25.0)),
    ("Jarabulus", 1, Want::Near(36.8175, 38.011, 15.0)),
    ("Manbij", 1, Want::Near(36.528, 37.955, 15.0)),
    ("Aleppo", 1, Want::Near(36.2, 37.16, 60.0)),
    ("Syria", 1, Want::Kind(PlaceKind::Country, "SY")),
    ("Turkey", 1, Want::Kind(PlaceKind::Country, "TR")),
];

/// Words that must not be (part of) a place mention.
const NOT_PLACES: &[&str] = &["Russian", "Turkish", "Syrian", "Kurdish", "Syrian Arab Army", "SAA", "ISIS", "However"];

/// Byte offset of the n-th occurrence of `needle`.
fn nth(text: &str, needle: &str, n: usize) -> Option<usize> {
    text.match_indices(needle).nth(n - 1).map(|(i, _)| i)
}

#[test]
fn seed_places_resolve() {
    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: shared/ is absent");
        return;
    };
    let text = std::fs::read_to_string(shared.join(SEED)).unwrap();
    let d = common::doc("seed", &text);
    let g = Gazetteer::load().unwrap();
    let ms = PlaceRecogniser::new(&g).find(&d, &[]);
    let res = Geocoder::new(&g).resolve(&d, &ms);
    let at = |start: usize| -> Option<&Resolved> {
        ms.iter().position(|m| m.span.start == start).and_then(|i| res[i].as_ref())
    };
    for (name, n, want) in PLACES {
        let start = nth(&text, name, *n).unwrap_or_else(|| panic!("{name} #{n} not in the seed"));
        let r = at(start).unwrap_or_else(|| panic!("{name} #{n} not found or not resolved"));
        match want {
            Want::Near(lat, lon, km) => {
                let d = distance_km((Lat::new(*lat).unwrap(), Lon::new(*lon).unwrap()), r.place.point());
                assert!(d <= *km, "{name} #{n}: {} is {d:.1} km away ({:?})", r.place.name, r.why);
            }
            Want::Kind(kind, cc) => {
                assert_eq!(
                    (r.place.kind, r.place.country.map(|c| c.to_string())),
                    (*kind, Some((*cc).to_owned())),
                    "{name} #{n}"
                );
            }
        }
    }
    for word in NOT_PLACES {
        for (i, _) in text.match_indices(word) {
            let span = sitrep_model::Span::new(i, i + word.len());
            assert!(!ms.iter().any(|m| m.span.overlaps(span)), "{word} at {i} taken for a place");
        }
    }
}
