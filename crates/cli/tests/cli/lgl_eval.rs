//! The geoparser on LGL (`shared/dev/geoparsing/lgl.xml`), through `sitrep
//! eval`: recall of gold toponyms and accuracy within 161 km must stay above
//! floors a little under the measured figures. Skips with a message when the
//! corpus is absent (it is not ours to ship).

#![allow(clippy::unwrap_used, clippy::print_stderr)] // a failed unwrap is a failed test; figures go to stderr

use std::path::PathBuf;

use sitrep_eval::lgl;
use sitrep_geo::Gazetteer;
use sitrep_pipeline::{Pipeline, Resources};

#[test]
fn lgl_recall_and_accuracy_hold() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dev/geoparsing/lgl.xml");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    assert!(lgl::is_lgl(&path));
    let mut res = Resources::load().unwrap();
    res.gazetteer = Gazetteer::embedded().unwrap();
    let s = lgl::score(&path, &Pipeline::new(&res)).unwrap();
    eprintln!(
        "LGL: recall {:.3}, Acc@161 of found {:.3}, of all {:.3}, error mean {:.0} km, median {:.1} km",
        s.recall, s.acc161_found, s.acc161_all, s.mean_km, s.median_km
    );
    assert_eq!(s.toponyms, 4462);
    // Measured: recall 0.951, Acc@161 of found 0.888 (3770 of 4245; the
    // issue-12 target is 0.894), of all 0.845; the first targets were 0.85,
    // 0.88 and 0.78.
    assert!(s.recall >= 0.94, "recall {:.3}", s.recall);
    assert!(s.acc161_found >= 0.88, "Acc@161 of found {:.3}", s.acc161_found);
    assert!(s.acc161_all >= 0.83, "Acc@161 of all {:.3}", s.acc161_all);
}
