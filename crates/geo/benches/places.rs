//! Criterion benches of place work on one document: recognising place names
//! (`PlaceRecogniser::find`), resolving them (`Geocoder::resolve`), and both.
//! The document is `report.txt` beside this file (invented dispatches naming
//! places of several countries, with cues, qualifiers and namesakes),
//! repeated to about 20 kB; throughput is bytes of text.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_geo::{Gazetteer, Geocoder};
use sitrep_recognise::places::PlaceRecogniser;

#[path = "../tests/geo/common.rs"]
mod common;

/// How many times the report is repeated in the document.
const REPEAT: usize = 9;

fn bench(c: &mut Criterion) {
    let gazetteer = Gazetteer::load().expect("the embedded gazetteer loads");
    let recogniser = PlaceRecogniser::new(&gazetteer);
    let geocoder = Geocoder::new(&gazetteer);
    let doc = common::doc("bench", &include_str!("report.txt").repeat(REPEAT));
    let mentions = recogniser.find(&doc, &[]);

    let mut g = c.benchmark_group("places");
    g.throughput(Throughput::Bytes(doc.text.len() as u64));
    g.bench_function("find", |b| b.iter(|| recogniser.find(&doc, &[]).len()));
    g.bench_function("resolve", |b| b.iter(|| geocoder.resolve(&doc, &mentions).len()));
    g.bench_function("find_and_resolve", |b| {
        b.iter(|| geocoder.resolve(&doc, &recogniser.find(&doc, &[])).iter().flatten().count())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
