//! Helpers shared by the clean crate's integration tests: the `Doc`
//! invariants and a readable rendering for snapshots. Each test binary
//! uses a part of them.
#![allow(dead_code)]

use sitrep_model::Doc;

/// Check the invariants `model::Doc` promises, panicking with the reason.
pub fn check_invariants(doc: &Doc) {
    let text = &doc.text;
    let mut previous_end = 0;
    for p in &doc.paragraphs {
        assert!(p.span.start >= previous_end && p.span.start < p.span.end, "paragraph order {:?}", p.span);
        assert!(p.span.slice(text).is_some(), "paragraph off char boundary {:?}", p.span);
        previous_end = p.span.end;
    }
    let mut previous_end = 0;
    for s in &doc.sentences {
        let slice = s.span.slice(text).expect("sentence on char boundaries");
        assert!(s.span.start >= previous_end && !slice.is_empty(), "sentence order {:?}", s.span);
        assert_eq!(slice, slice.trim(), "sentence carries whitespace {:?}", s.span);
        let paragraph = doc.paragraphs.get(s.paragraph).expect("sentence paragraph exists");
        assert!(paragraph.span.contains(s.span), "sentence outside its paragraph {:?}", s.span);
        previous_end = s.span.end;
    }
}

/// Metadata, then one line per sentence prefixed by its paragraph number.
pub fn render(doc: &Doc) -> String {
    let mut out = format!(
        "title: {:?}\npublished: {:?}\noutlet: {:?}\nbyline: {:?}\n---\n",
        doc.title,
        doc.published.map(|d| d.to_string()),
        doc.outlet,
        doc.byline
    );
    for s in &doc.sentences {
        out.push_str(&format!("[{}] {}\n", s.paragraph, doc.slice(s.span)));
    }
    out
}
