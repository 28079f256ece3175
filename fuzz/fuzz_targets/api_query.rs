//! The query-string parser of `GET /api/events` (`serve/src/params.rs`):
//! url-decoding, name checks, every filter's value, the store's own
//! validation of the query. Through `sitrep_serve::api::events::parse_query`
//! (a `#[doc(hidden)]` entry: the handler with no store behind it).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // axum hands the handler the raw query as a `&str`.
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let _ = std::hint::black_box(sitrep_serve::api::events::parse_query(Some(raw)));
});
