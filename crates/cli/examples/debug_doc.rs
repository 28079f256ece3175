//! Debugging aid: print the mentions and events of one text.

#![allow(clippy::print_stderr)] // printing is its purpose
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let res = sitrep_pipeline::Resources::load().expect("load");
    let p = sitrep_pipeline::Pipeline::new(&res);
    let raw = sitrep_model::RawDoc {
        id: sitrep_model::DocId::new("d"),
        origin: "arg".into(),
        format: sitrep_model::Format::Text,
        body: text,
        hints: sitrep_model::Hints {
            title: Some(String::new()),
            published: chrono::NaiveDate::from_ymd_opt(2017, 5, 4),
            ..Default::default()
        },
    };
    let out = p.process(&raw).expect("process");
    for a in &out.mentions.actors {
        eprintln!("actor {:?} {} {:?}", out.doc.slice(a.span), a.actor.name, a.actor.role);
    }
    for (m, r) in out.mentions.places.iter().zip(&out.resolved) {
        eprintln!("place {:?} {:?} -> {:?}", out.doc.slice(m.span), m.cues, r.as_ref().map(|r| &r.place.name));
    }
    for c in &out.mentions.cues {
        eprintln!("cue {:?} {:?}", out.doc.slice(c.span), c.kind);
    }
    for e in &out.events {
        eprintln!("event {} {:?} {:?}", e.sub_event_type, e.location.as_ref().map(|l| &l.place.name), e.modality);
    }
}
