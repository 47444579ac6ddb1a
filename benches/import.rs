//! Import speed: each seed report, a one-line page of 5 MB (the shape
//! that would expose a quadratic step: one giant line, cut and re-joined),
//! a 200-page PDF (through pdftotext) and a 5 MB web page (parsed, scored,
//! read).
//!
//! `cargo bench --bench import`. Figures go in the closing notes, not in tests.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/raw is readable")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read(&p).expect("a seed is readable"))
        })
        .collect()
}

fn import_seeds(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_seed");
    for (name, bytes) in seeds() {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(&name[..3], |b| {
            b.iter(|| baogao_import::import_bytes(black_box(&bytes), &name));
        });
    }
    group.finish();
}

fn import_one_line_page(c: &mut Criterion) {
    // The one-line PDF seed (岱西镇), repeated to 5 MB on a single line.
    let seed = seeds()
        .into_iter()
        .find(|(n, _)| n.starts_with("002_"))
        .expect("seed 002");
    let text = String::from_utf8(seed.1).expect("seed 002 is UTF-8");
    let line = text
        .lines()
        .max_by_key(|l| l.len())
        .unwrap_or_default()
        .to_string();
    let mut page = String::from("2023年岱西镇政府工作报告 ");
    while page.len() < 5_000_000 {
        page.push_str(&line);
        page.push(' ');
    }
    let mut group = c.benchmark_group("import_one_line");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("5MB", |b| {
        b.iter(|| baogao_import::import_text(black_box(&page), "big.txt"));
    });
    group.finish();
}

fn import_other_formats(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pdf = std::fs::read(root.join("tests/data/formats-bench/200-pages.pdf"))
        .expect("the 200-page PDF (scripts/make-format-docs.py)");
    // A government-style page whose content is repeated to 5 MB.
    let page = std::fs::read_to_string(root.join("tests/data/formats/01.b.html"))
        .expect("a format test page");
    let (head, tail) = page
        .split_once("<div class=\"article-content\">")
        .expect("the page's content box");
    let (content, rest) = tail.split_once("</div>").expect("the content box ends");
    let mut big = format!("{head}<div class=\"article-content\">");
    while big.len() < 5_000_000 {
        big.push_str(content);
    }
    big.push_str("</div>");
    big.push_str(rest);
    let mut group = c.benchmark_group("import_format");
    group.sample_size(10);
    group.bench_function("pdf_200_pages", |b| {
        b.iter(|| baogao_import::import_bytes(black_box(&pdf), "200-pages.pdf"));
    });
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("page_5MB", |b| {
        b.iter(|| baogao_import::import_bytes(black_box(big.as_bytes()), "big.html"));
    });
    group.finish();
}

criterion_group!(
    benches,
    import_seeds,
    import_one_line_page,
    import_other_formats
);
criterion_main!(benches);
