//! Key-figure extraction: one report's figures (what the reader's panel
//! asks for when it opens), and every report of a generated library of
//! 10 000 (`baogao_corpus`, seed 1), which is what extracting at load time
//! would add to a load. Run with `cargo bench --bench figures`.

use baogao_corpus::{CorpusSpec, generate};
use baogao_report::model::Report;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench(c: &mut Criterion) {
    let spec = CorpusSpec {
        reports: 10_000,
        seed: 1,
    };
    let reports: Vec<Report> = generate(&spec).expect("the corpus builds").collect();
    let longest = reports
        .iter()
        .max_by_key(|r| {
            r.sections
                .iter()
                .map(|s| s.paragraphs.iter().map(String::len).sum::<usize>())
                .sum::<usize>()
        })
        .expect("the corpus is not empty");
    let mut group = c.benchmark_group("figures");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("one-report-longest", |b| {
        b.iter(|| black_box(baogao_figures::of_report(longest)));
    });
    group.bench_function("10k-reports", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|r| baogao_figures::of_report(r).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
