//! Snapshot of the whole pipeline on the bundled example corpus: reviewing a
//! change of behaviour is reading a diff of `snapshots/corpus__events.snap`.

use crate::common;

use sitrep_ingest::{documents, Input, Limits};
use sitrep_model::record::EventRecord;

/// One line per event: the fields an analyst reads first.
fn line(r: &EventRecord) -> String {
    let place = r.location.as_ref().map_or("-".to_owned(), |l| format!("{} p{}", l.name, l.precision));
    let actor = |a: &Option<sitrep_model::record::ActorRecord>| a.as_ref().map_or("-".to_owned(), |a| a.name.clone());
    format!(
        "{} | {} | {} | {} -> {} | {} | {} | killed {} | {}..{}",
        r.doc_id,
        r.date.as_deref().unwrap_or("-"),
        r.sub_event_type,
        actor(&r.actor1),
        actor(&r.actor2),
        place,
        r.modality,
        r.fatalities.map_or("-".to_owned(), |f| f.to_string()),
        r.evidence.start,
        r.evidence.end
    )
}

#[test]
fn events() {
    let corpus = common::root().join("examples/corpus");
    let pipeline = common::pipeline();
    let mut out = Vec::new();
    for raw in documents(&[Input::Path(corpus)], &Limits::default()) {
        let p = pipeline.process(&raw.expect("corpus reads")).expect("corpus cleans");
        for e in &p.events {
            assert_eq!(p.doc.slice(e.evidence.span), e.evidence.text, "evidence is the text of its span");
            out.push(line(&EventRecord::from(e)));
        }
    }
    insta::assert_snapshot!(out.join("\n"));
}
