//! Charset detection and decoding of HTML pages (`charset.rs`): BOM, the
//! transport's declared charset, `<meta>`, UTF-8, chardetng with the host's
//! TLD as a hint. Reached publicly through `Page::html_text`, which is what
//! a fetched page goes through.
//!
//! Input layout: line 1 is appended to `text/html; ` as the Content-Type
//! (blank: none declared), line 2 is the host, the rest is the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{Page, Validators};

/// The next line of `data` (without its `\n`) and the rest.
fn line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

fuzz_target!(|data: &[u8]| {
    let (declared, rest) = line(data);
    let (host, body) = line(rest);
    let declared = String::from_utf8_lossy(declared);
    let content_type = (!declared.trim().is_empty()).then(|| format!("text/html; {declared}"));
    let url = format!("https://{}/a", String::from_utf8_lossy(host));
    let page = Page { status: 200, content_type, body: body.to_vec(), validators: Validators::default() };
    let _ = std::hint::black_box(page.html_text(&url));
});
