//! A batch is the documents one by one: the same events in the same order,
//! and a document with no text is its own error, not the batch's.

use sitrep_model::{DocId, Format, Hints, RawDoc};
use sitrep_pipeline::{merge, Pipeline, Report, Resources};

fn raw(id: &str, body: &str) -> RawDoc {
    RawDoc { id: DocId::new(id), origin: id.into(), format: Format::Text, body: body.into(), hints: Hints::default() }
}

/// Event ids of each document's result, or the error's text.
fn outcome(r: &Result<sitrep_pipeline::Processed, sitrep_clean::CleanError>) -> Result<Vec<String>, String> {
    r.as_ref().map(|p| p.events.iter().map(|e| e.id.to_string()).collect()).map_err(ToString::to_string)
}

#[test]
fn a_batch_is_its_documents_in_order() {
    let res = Resources::load().expect("the shipped data loads");
    let pipeline = Pipeline::new(&res);
    let batch = [
        raw("a", "KABUL - Gunmen killed four police officers at a checkpoint in Kunduz on Tuesday, officials said."),
        raw("empty", "   \n  "),
        raw("b", "An air strike hit a market in Saraqib, Idlib province, on Monday, killing nine civilians."),
        raw("c", "Analysts said the talks could fail if fighting resumed."),
    ];
    let together: Vec<_> = pipeline.process_batch(&batch).iter().map(outcome).collect();
    let alone: Vec<_> = batch.iter().map(|d| outcome(&pipeline.process(d))).collect();
    assert_eq!(together, alone);
    assert!(together[1].is_err(), "a blank document fails alone: {:?}", together[1]);
    assert!(together[0].as_ref().is_ok_and(|ids| !ids.is_empty()), "{:?}", together[0]);
    assert!(together[2].as_ref().is_ok_and(|ids| !ids.is_empty()), "{:?}", together[2]);
}

#[test]
fn two_reports_of_one_event_merge() {
    let res = Resources::load().expect("the shipped data loads");
    let pipeline = Pipeline::new(&res);
    let text =
        "An air strike hit a market in Saraqib, Idlib province, on Monday 4 January 2016, killing nine civilians.";
    let reports: Vec<Report> = [raw("x", text), raw("y", text)]
        .iter()
        .flat_map(|d| pipeline.process(d).expect("text").events)
        .map(|event| Report { event, outlet: None })
        .collect();
    assert_eq!(reports.len(), 2, "one event per report");
    let merged = merge(reports);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].sources.len(), 2);
}

/// `extract` skips recognising and geocoding only documents that can hold
/// no event: on the example corpus and on news of other kinds it finds the
/// events `process` finds, and on the latter it reads no mention at all.
#[test]
fn extract_finds_what_process_finds() {
    let res = Resources::load().expect("the shipped data loads");
    let pipeline = Pipeline::new(&res);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    let mut docs: Vec<(RawDoc, bool)> = std::fs::read_dir(&dir)
        .expect("the example corpus")
        .map(|e| e.expect("a directory entry").path())
        .map(|p| (raw(&p.display().to_string(), &std::fs::read_to_string(&p).expect("utf-8 text")), true))
        .collect();
    let other_news = [
        "Manchester United beat Arsenal 3-1 at Old Trafford on Sunday, with two goals from Rashford.",
        "The central bank in Nairobi held its benchmark rate at 10.5 percent on Tuesday, citing easing inflation.",
        "Cooks in Lyon add the onions to the pan and stir for five minutes until soft, then add the tomatoes.",
    ];
    docs.extend(other_news.iter().enumerate().map(|(i, t)| (raw(&format!("other-{i}"), t), false)));
    for (doc, conflict) in &docs {
        let full = pipeline.process(doc).expect("text");
        let quick = pipeline.extract(doc).expect("text");
        let ids = |p: &sitrep_pipeline::Processed| p.events.iter().map(|e| e.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&quick), ids(&full), "{}", doc.id);
        assert_eq!(*conflict, !quick.events.is_empty(), "{}", doc.id);
        if !conflict {
            assert!(quick.mentions.places.is_empty() && quick.mentions.actors.is_empty(), "{}", doc.id);
            assert!(!full.mentions.places.is_empty(), "{}: process still reads its places", doc.id);
        }
    }
}
