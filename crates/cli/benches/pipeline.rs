//! Criterion benches of the whole pipeline on the bundled example corpus
//! (one thread): bytes of article text per second end to end, and each stage
//! alone. `scripts/throughput.sh` measures a larger corpus and all cores.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_ingest::{documents, Input, Limits};
use sitrep_model::RawDoc;
use sitrep_pipeline::{Pipeline, Resources};

/// The binary's allocator, so the bench measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus() -> Vec<RawDoc> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    documents(&[Input::Path(dir)], &Limits::default()).filter_map(Result::ok).collect()
}

fn bench(c: &mut Criterion) {
    let res = Resources::load().expect("shipped data loads");
    let pipeline = Pipeline::new(&res);
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let clean: Vec<_> = docs.iter().filter_map(|d| pipeline.clean(d).ok()).collect();
    let mentions: Vec<_> = clean.iter().map(|d| pipeline.recognise(d)).collect();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("end_to_end", |b| {
        b.iter(|| docs.iter().filter_map(|d| pipeline.process(d).ok()).map(|p| p.events.len()).sum::<usize>())
    });
    g.bench_function("clean", |b| b.iter(|| docs.iter().filter_map(|d| pipeline.clean(d).ok()).count()));
    g.bench_function("recognise", |b| {
        b.iter(|| clean.iter().map(|d| pipeline.recognise(d).actors.len()).sum::<usize>())
    });
    g.bench_function("geocode", |b| {
        b.iter(|| clean.iter().zip(&mentions).map(|(d, m)| pipeline.geocode(d, m).len()).sum::<usize>())
    });
    g.finish();
    c.bench_function("startup/load_resources", |b| {
        b.iter(|| Resources::load().map(|r| r.gazetteer.len()).unwrap_or(0))
    });
}

/// The same, over the FA-KES articles (`../shared/dev/fa-kes/fa-kes.csv`,
/// the speed corpus) when they are there; skipped, saying so, when
/// not (they are not shipped).
#[allow(clippy::print_stderr)] // the skip is said where the bench output is read
fn bench_fakes(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/dev/fa-kes/fa-kes.csv");
    let Ok(rows) = sitrep_eval::csv_rows(&path) else {
        eprintln!("fakes bench skipped: no {}", path.display());
        return;
    };
    let docs: Vec<RawDoc> = rows.iter().enumerate().map(|(i, r)| sitrep_eval::fakes::raw_of(&path, i, r)).collect();
    let res = Resources::load().expect("shipped data loads");
    let pipeline = Pipeline::new(&res);
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let mut g = c.benchmark_group("fakes");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("end_to_end", |b| {
        b.iter(|| docs.iter().filter_map(|d| pipeline.process(d).ok()).map(|p| p.events.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench, bench_fakes
}
criterion_main!(benches);
