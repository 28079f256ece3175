//! The WARC reader and the HTTP response parser inside it: the bytes as a
//! `.warc` file read through `sitrep_ingest::Documents` (the only public way
//! in). Gzip is recognised by its magic bytes, so `.warc.gz` bodies are
//! covered too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_as_file("x.warc", data);
});
