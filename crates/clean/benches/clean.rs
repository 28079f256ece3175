//! Cleaning speed: the invented fixture pages, one at a time, and all of
//! them in a row with their byte throughput. The pipeline's budget is over
//! 5 MB/s per core for every stage together, so cleaning must be far faster.

#![allow(clippy::unwrap_used, clippy::print_stderr)] // tests: a failed unwrap is a failed test; skips are reported

use std::fs;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_clean::clean;
use sitrep_model::{DocId, Format, Hints, RawDoc};

fn fixtures() -> Vec<RawDoc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| RawDoc {
            id: DocId::new(p.file_stem().unwrap().to_string_lossy()),
            origin: p.display().to_string(),
            format: if p.extension().is_some_and(|e| e == "html") { Format::Html } else { Format::Text },
            body: fs::read_to_string(&p).unwrap(),
            hints: Hints::default(),
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = fixtures();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(docs.iter().map(|d| d.body.len() as u64).sum()));
    group.bench_function("all fixtures", |b| {
        b.iter(|| docs.iter().map(|d| clean(d).map(|d| d.text.len()).unwrap_or(0)).sum::<usize>())
    });
    group.finish();
    // A 5 KB article: the fixtures repeated into one page of that size.
    let body: String =
        docs.iter().filter(|d| d.format == Format::Text).map(|d| d.body.as_str()).collect::<Vec<_>>().join("\n\n");
    let five_kb = RawDoc { body: body.chars().take(5000).collect(), ..docs[0].clone() };
    c.bench_function("clean 5 KB article", |b| b.iter(|| clean(&five_kb).map(|d| d.sentences.len())));
}

/// A page of `depth` nested divs around one paragraph.
fn nested(depth: usize) -> RawDoc {
    let body = format!(
        "<html><body>{}<p>Gunmen killed three people in the town on Sunday.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    RawDoc {
        id: DocId::new(format!("nested-{depth}")),
        origin: "bench".into(),
        format: Format::Html,
        body,
        hints: Hints::default(),
    }
}

/// Cleaning time against nesting depth: linear in the page's size, since
/// nesting past the cap is cut before html5ever sees it (issue 14).
fn depth(c: &mut Criterion) {
    let mut group = c.benchmark_group("clean nesting depth");
    group.sample_size(10);
    for n in [10_000, 100_000, 1_000_000] {
        let doc = nested(n);
        group.throughput(Throughput::Bytes(doc.body.len() as u64));
        group.bench_function(format!("{n} divs"), |b| b.iter(|| clean(&doc).map(|d| d.text.len())));
    }
    group.finish();
}

criterion_group!(benches, bench, depth);
criterion_main!(benches);
