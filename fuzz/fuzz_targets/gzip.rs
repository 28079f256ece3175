//! Gzip input: the bytes as a `.jsonl.gz` file read through
//! `sitrep_ingest::Documents` (magic-byte detection, the multi-member
//! decoder behind the decompression cap, then JSONL). The seeds are gzip
//! members, so most executions reach the decoder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    sitrep_fuzz::read_as_file("x.jsonl.gz", data);
});
