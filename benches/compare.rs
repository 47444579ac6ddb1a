//! Reading across reports: the related list for a section at 10 000
//! reports (`baogao_corpus`, seed 1), and aligning two 100-section reports.
//! Before the benchmarks it prints what the related index costs beside
//! loading the library it indexes: its build time and its size as ratios
//! to the load (reading and parsing the JSON files of a directory, as the
//! reader does, into a `Library`) and to the JSON's bytes.
//! The bars: related under 50 ms, alignment under 10 ms, on 2 cores.
//! Run with `cargo bench --bench compare`.

use baogao_compare::{RelatedIndex, align, shared_text};
use baogao_corpus::{CorpusSpec, generate};
use baogao_report::library::Library;
use baogao_report::load::load_dir;
use baogao_report::model::{Report, Section, SectionPath};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn corpus(reports: usize, seed: u64) -> Vec<Report> {
    generate(&CorpusSpec { reports, seed })
        .expect("the corpus builds")
        .collect()
}

fn related(c: &mut Criterion) {
    let reports = corpus(10_000, 1);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut json_bytes = 0;
    for report in &reports {
        let text = report.to_json_pretty();
        json_bytes += text.len();
        std::fs::write(dir.path().join(format!("{}.json", report.id)), text)
            .expect("the corpus is written");
    }
    drop(reports);
    // Best of three: the first read warms the page cache.
    let mut load = Duration::MAX;
    let mut library = Library::default();
    for _ in 0..3 {
        let start = Instant::now();
        let loaded = load_dir(dir.path()).expect("the corpus loads");
        library = Library::from_loaded(loaded.reports);
        load = load.min(start.elapsed());
    }
    let mut build = Duration::MAX;
    let mut index = RelatedIndex::default();
    for _ in 0..3 {
        let start = Instant::now();
        index = RelatedIndex::build(&library);
        build = build.min(start.elapsed());
    }
    eprintln!(
        "10 000 reports ({} MB of JSON): load {load:.2?}, related index {build:.2?} ({:.2}× load), \
         {} sections, {:.1} MB ({:.2}× the JSON)",
        json_bytes / 1_000_000,
        build.as_secs_f64() / load.as_secs_f64(),
        index.len(),
        index.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / json_bytes as f64,
    );
    let mut group = c.benchmark_group("related/10k");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    // Sections at the top and deeper, of reports spread over the library.
    for report in [17, 2_500, 5_003, 9_998] {
        let outline: Vec<SectionPath> = library.reports()[report]
            .outline()
            .map(|(path, _)| path)
            .collect();
        for path in [outline.first(), outline.get(outline.len() / 2)]
            .into_iter()
            .flatten()
        {
            let label: Vec<String> = path.0.iter().map(ToString::to_string).collect();
            group.bench_function(format!("{report}/{}", label.join(".")), |b| {
                b.iter(|| black_box(index.related(&library, report, path, 10)));
            });
        }
    }
    group.finish();
}

/// A report of `sections` sections (at every level) made of the corpus
/// reports' sections in turn.
fn sized(reports: &[Report], sections: usize) -> Report {
    let mut report = reports[0].clone();
    report.sections.clear();
    let mut count = 0;
    for section in reports.iter().flat_map(|r| r.sections.iter()) {
        let size = 1 + Report {
            sections: section.sections.clone(),
            ..reports[0].clone()
        }
        .section_count();
        if count + size > sections {
            if count < sections {
                report.sections.push(Section {
                    sections: Vec::new(),
                    ..section.clone()
                });
                count += 1;
            }
            continue;
        }
        report.sections.push(section.clone());
        count += size;
        if count == sections {
            break;
        }
    }
    report
}

fn alignment(c: &mut Criterion) {
    let left = sized(&corpus(40, 2), 100);
    let right = sized(&corpus(40, 3), 100);
    assert_eq!((left.section_count(), right.section_count()), (100, 100));
    let mut group = c.benchmark_group("compare/100-sections");
    group
        .sample_size(30)
        .measurement_time(Duration::from_secs(3));
    group.bench_function("align", |b| {
        b.iter(|| black_box(align(&left, &right)));
    });
    group.bench_function("shared-text", |b| {
        b.iter(|| black_box(shared_text(&left, &right)));
    });
    group.finish();
}

criterion_group!(benches, alignment, related);
criterion_main!(benches);
