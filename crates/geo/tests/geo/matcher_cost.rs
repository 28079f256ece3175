//! Measurements behind two design choices, run by hand in a release build:
//! `cargo test --release -p sitrep-geo --test geo matcher_cost -- --ignored --nocapture`.
//!
//! - `load_and_match`: the embedded gazetteer's load time and the time to
//!   find the names of a 10 kB text by the fst walk.
//! - `aho_corasick_build`: the time to build an Aho–Corasick automaton
//!   (leftmost-longest) over every folded name of the gazetteer, the
//!   alternative to the fst walk.
//!
//! Measured on the 2-core development machine (see the lexicon module doc
//! and the stage report for the figures).

#![allow(clippy::unwrap_used, clippy::print_stderr)] // a failed unwrap is a failed test; figures go to stderr

use std::time::Instant;

use sitrep_geo::Gazetteer;
use sitrep_recognise::places::PlaceLexicon;

const TEXT: &str = "On Jan. 20, Russian warplanes carried out 16 sorties in Latakia and Deir ez-Zor provinces. \
Strikes hit the vicinity of the village of Bgelia and Mreya in Deir ez Zor province, near Jabal al-Akrad. \
Turkish vehicles cleared mines near the Syrian town of Jarabulus. Taliban attacked Dawlat Abad district, Balkh. ";

#[test]
#[ignore]
fn load_and_match() {
    let t = Instant::now();
    let g = Gazetteer::load().unwrap();
    let load = t.elapsed();
    let text = TEXT.repeat(30);
    let t = Instant::now();
    let found = g.find_names(&text).len();
    let walk = t.elapsed();
    eprintln!(
        "index {} bytes, {} entries; load {load:?}; find_names over {} bytes: {walk:?} ({found} names)",
        Gazetteer::embedded_size(),
        g.len(),
        text.len()
    );
}

#[test]
#[ignore]
fn aho_corasick_build() {
    let g = Gazetteer::load().unwrap();
    let names = g.folded_names();
    eprintln!("{} folded names", names.len());
    let t = Instant::now();
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&names)
        .unwrap();
    eprintln!("aho-corasick build: {:?}, heap {} bytes", t.elapsed(), ac.memory_usage());
}
