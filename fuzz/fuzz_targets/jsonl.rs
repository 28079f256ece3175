//! JSONL input: the bytes as a `.jsonl` file read through
//! `sitrep_ingest::Documents` (line splitting, the size limit per line,
//! serde_json, ids, `text`/`html`, dates in every accepted shape).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_as_file("x.jsonl", data);
});
