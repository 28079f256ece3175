//! The line parsers of `sitrep gazetteer import` (`geo/src/import.rs`):
//! GeoNames main tables, alternate names, Who's On First exports and the
//! simple TSV, through `sitrep_geo::import::parse_lines` (a `#[doc(hidden)]`
//! entry that parses as `import` does, without merging into the embedded
//! index, which would cost seconds per execution).
//!
//! The first byte's low bit picks the file name (`alternateNamesV2.txt` is
//! recognised by name; the others by their first line); the rest is the
//! file's text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else { return };
    let name = if pick & 1 == 1 { "alternateNamesV2.txt" } else { "import.tsv" };
    // `import` refuses text that is not UTF-8 before any line is parsed.
    let Ok(text) = std::str::from_utf8(text) else { return };
    let _ = std::hint::black_box(sitrep_geo::import::parse_lines(Path::new(name), text));
});
