//! The HTML cleaner: `sitrep_clean::clean_page` on an HTML `RawDoc` (DOM
//! parse, pruning, scoring, blocks, metadata, the strip fallback, then the
//! plain-text steps: paragraphs and sentences).
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_model::{DocId, Format, Hints, RawDoc};

fuzz_target!(|data: &[u8]| {
    // Ingest hands the cleaner decoded UTF-8; lossy decoding keeps every
    // input useful instead of discarding the invalid ones.
    let body = String::from_utf8_lossy(data).into_owned();
    let raw =
        RawDoc { id: DocId::new("fuzz"), origin: "fuzz".into(), format: Format::Html, body, hints: Hints::default() };
    // NoText is an answer, not a finding.
    let _ = std::hint::black_box(sitrep_clean::clean_page(&raw));
});
