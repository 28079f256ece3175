//! Merging across documents on reports written for the test
//! (`testdata/merge/`): one strike told by three outlets in different words
//! (two spellings of the town, one relative date) is one event with three
//! sources; the same town struck a day later, and a strike 20 km away the same
//! day, stay apart.

mod common;

use sitrep_code::merge::{merge, Report};
use sitrep_ingest::{documents, Input, Limits};

#[test]
fn one_event_many_sources() {
    let dir = common::root().join("testdata/merge");
    let files = ["a-wire.txt", "b-agency.txt", "c-daily.txt", "d-next-day.txt", "e-elsewhere.txt"];
    let inputs: Vec<Input> = files.iter().map(|f| Input::Path(dir.join(f))).collect();
    let pipeline = common::pipeline();
    let mut reports = Vec::new();
    for raw in documents(&inputs, &Limits::default()) {
        let p = pipeline.process(&raw.expect("reads")).expect("cleans");
        let outlet = p.doc.outlet.clone();
        reports.extend(p.events.into_iter().map(|event| Report { event, outlet: outlet.clone() }));
    }
    let merged = merge(reports);
    let mut groups: Vec<Vec<String>> =
        merged.iter().map(|c| c.sources.iter().map(|s| s.doc_id.to_string()).collect()).collect();
    groups.iter_mut().for_each(|g| g.sort());
    groups.sort();
    assert_eq!(groups, vec![vec!["a-wire", "b-agency", "c-daily"], vec!["d-next-day"], vec!["e-elsewhere"]]);
    let strike = merged.iter().find(|c| c.sources.len() == 3).expect("the merged strike");
    assert_eq!(strike.outlets(), 3);
    assert_eq!(strike.event.fatalities, Some(58), "the most conservative toll");
}
