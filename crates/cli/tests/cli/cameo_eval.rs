//! The CAMEO verb coder's figures on the development sets (issue 4): the
//! PLOVER gold-standard sentences and PETRARCH2's validation records. They
//! live outside the repository (`/work/shared/dev`, or `SITREP_DEV`); the
//! test says so and passes when they are absent.

#![allow(clippy::print_stderr)] // skips are reported

use crate::common;

use std::path::PathBuf;

use sitrep_eval::{petrarch, plover};

fn dev(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("SITREP_DEV").map_or_else(|| common::root().join("../shared/dev"), PathBuf::from);
    let path = base.join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

#[test]
fn plover_gold_categories() {
    let Some(path) = dev("plover-gsr/PLOVER_GSR_CAMEO.json") else { return };
    let s = plover::score(&path, &common::pipeline(), &cameo()).expect("scores");
    assert_eq!(s.sentences, 322);
    // Measured 69.3 % (issue 4 asks for 70 %): this floor catches regressions.
    assert!(s.accuracy >= 0.70, "PLOVER category accuracy {:.3} (issue 4 asks 0.70)", s.accuracy);
    assert!(s.no_event <= 20, "{} sentences without an event", s.no_event);
}

#[test]
fn petrarch_grammar_coverage() {
    let Some(path) = dev("petrarch2-unittest/PETR.UnitTest.records.xml") else { return };
    let s = petrarch::score(&path, &common::pipeline(), &cameo()).expect("scores");
    assert_eq!(s.codings, 359);
    let group =
        |name: &str| s.groups.iter().find(|g| g.group == name).map_or((0, 0, 0), |g| (g.root, g.actors, g.full));
    // Passives ("Eriador was opposed by Osgiliath"): root and actors right.
    assert!(group("PASSIVE").2 >= 3, "passives {:?}", group("PASSIVE"));
    // Compound actors: one event per member, with the right members.
    assert!(group("COMPOUND").1 >= 60, "compounds {:?}", group("COMPOUND"));
    // Negated verbs are marked negated or coded as rejections.
    assert!(s.negation_marked >= 12, "negation {}/{}", s.negation_marked, s.negation_records);
    assert!(s.actors_found >= 155 && s.root_found >= 25, "{} actors, {} roots", s.actors_found, s.root_found);
}

fn cameo() -> sitrep_eval::cameo::CameoCoder {
    sitrep_eval::cameo::CameoCoder::new().expect("the CAMEO dictionary loads")
}
