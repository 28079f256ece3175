//! The RSS/Atom/RDF reader: `sitrep_ingest::parse_feed`, then every entry
//! made into a document with no fetcher (an entry without content is an
//! error then, never a request).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // With and without a base URL (feeds from files have none, fetched
    // feeds resolve relative links against theirs); the length's parity
    // picks one so both are covered without doubling the cost.
    let base = (data.len() % 2 == 0).then_some("https://news.example.org/feeds/world.xml");
    let Ok(feed) = sitrep_ingest::parse_feed(data, base) else { return };
    for (i, entry) in feed.entries.iter().enumerate() {
        let _ = std::hint::black_box(entry.doc_id());
        let _ = std::hint::black_box(entry.document(&feed, &format!("fuzz#{i}"), None));
    }
});
