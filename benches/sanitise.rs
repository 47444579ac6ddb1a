//! What sanitising report text on load costs: loading 1 000 report files
//! (copies of the bundled reports under new ids) with `load_dir`, which
//! sanitises every string, against the floor of reading the same files and
//! parsing them with plain serde_json in parallel; and `sanitise_report` alone
//! over those reports (clean text: the one-scan borrowed path). One thread,
//! texts in memory: `parse_report` (which sanitises) against plain
//! `serde_json::from_str`, the loader's cost before it sanitised. And the
//! bundled reports' text, in cache: as one string, and report by report.
//!
//! `cargo bench --bench sanitise`. Figures go in the closing notes, not in tests.

use baogao_bundled::load_bundled;
use baogao_report::load::{load_dir, parse_report};
use baogao_report::model::Report;
use baogao_report::sanitise::{sanitise, sanitise_report};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use std::hint::black_box;
use std::path::PathBuf;

const COPIES: usize = 1000;

fn write_library(dir: &std::path::Path) -> (Vec<PathBuf>, u64) {
    let bundled: Vec<Report> = load_bundled()
        .reports
        .into_iter()
        .map(|loaded| loaded.report)
        .collect();
    let mut paths = Vec::with_capacity(COPIES);
    let mut bytes = 0;
    for copy in 0..COPIES {
        let mut report = bundled[copy % bundled.len()].clone();
        report.id = format!("{}-copy-{copy}", report.id);
        let path = dir.join(format!("{}.json", report.id));
        let json = report.to_json_pretty();
        bytes += json.len() as u64;
        std::fs::write(&path, json).expect("the bench directory is writable");
        paths.push(path);
    }
    paths.sort();
    (paths, bytes)
}

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (paths, bytes) = write_library(dir.path());
    let mut group = c.benchmark_group("load_1000");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("load_dir", |b| {
        b.iter(|| load_dir(black_box(dir.path())).expect("loads"));
    });
    group.bench_function("serde_json_floor", |b| {
        b.iter(|| {
            paths
                .par_iter()
                .map(|path| {
                    let text = std::fs::read_to_string(path).expect("readable");
                    serde_json::from_str::<Report>(&text).expect("parses")
                })
                .collect::<Vec<_>>()
        });
    });
    group.finish();

    // One thread, texts in memory: the CPU cost of parsing a report file
    // with the loader (which sanitises) against plain serde_json, which is
    // what the loader did before it sanitised.
    let texts: Vec<String> = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("readable"))
        .collect();
    let mut group = c.benchmark_group("parse_1000_one_thread");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("parse_report", |b| {
        b.iter(|| {
            for (text, path) in texts.iter().zip(&paths) {
                black_box(parse_report(text, path).expect("parses"));
            }
        });
    });
    group.bench_function("serde_json_from_str", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(serde_json::from_str::<Report>(text).expect("parses"));
            }
        });
    });
    group.finish();

    let mut reports: Vec<Report> = load_dir(dir.path())
        .expect("loads")
        .reports
        .into_iter()
        .map(|loaded| loaded.report)
        .collect();
    let text_bytes: usize = reports.iter().map(|report| all_text(report).len()).sum();
    eprintln!("{COPIES} reports: {bytes} bytes of JSON, {text_bytes} bytes of text");
    let mut group = c.benchmark_group("sanitise_report_1000");
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("clean_text", |b| {
        b.iter(|| reports.iter_mut().for_each(sanitise_report));
    });
    group.finish();

    // The scan alone, over the text of the bundled reports as one string
    // (small enough to stay in cache, as a file just parsed is).
    let mut bundled: Vec<Report> = load_bundled()
        .reports
        .into_iter()
        .map(|loaded| loaded.report)
        .collect();
    let joined: String = bundled.iter().map(all_text).collect();
    let mut group = c.benchmark_group("sanitise_bundled");
    group.throughput(Throughput::Bytes(joined.len() as u64));
    group.bench_function("clean_text", |b| {
        b.iter(|| sanitise(black_box(&joined)).len());
    });
    group.bench_function("bundled_reports", |b| {
        b.iter(|| bundled.iter_mut().for_each(sanitise_report));
    });
    group.finish();
}

/// A report's strings joined (what `sanitise_report` scans).
fn all_text(report: &Report) -> String {
    let mut text = report.title.clone() + &report.preamble.concat();
    let mut stack: Vec<_> = report.sections.iter().collect();
    while let Some(section) = stack.pop() {
        text += &section.heading;
        text += &section.paragraphs.concat();
        stack.extend(section.sections.iter());
    }
    text
}

criterion_group!(benches, load);
criterion_main!(benches);
