//! The core issue's figures on the seed article, against its hand-checked
//! gold (`testdata/gold/`): all required events found with the right type,
//! date, place and actor1; no asserted event from a non-event sentence; at
//! most one event matching nothing; title, date and outlet right; every
//! content marker kept and no boilerplate marker left.

use crate::common;

use sitrep_eval::gold::score;

#[test]
fn seed_meets_its_gold() {
    let root = common::root();
    let path = root.join("testdata/gold/2016-01-21-southfront-military-review-syria.json");
    let s = score(&path, Some(&root), &common::pipeline()).expect("gold scores");
    assert!(s.title_ok && s.published_ok && s.outlet_ok, "header: {s:?}");
    assert_eq!((s.content_markers_kept, s.boilerplate_markers_left), (s.content_markers, 0), "{s:?}");
    assert_eq!(s.required_found, s.required, "misses: {:?}", s.misses);
    assert_eq!(s.asserted_non_events, 0, "{s:?}");
    assert!(s.unmatched_events <= 1, "{s:?}");
}
