//! Layout speed: a 50 000-character section, made by repeating the bundled
//! paragraphs, wrapped by `baogao_layout::wrap_cjk` at widths 200 and 80 (a
//! wide and a common reader pane); and the same text as one paragraph, the
//! shape a quadratic step would show up in.
//!
//! `cargo bench --bench layout`. Figures go in the closing notes, not in tests.

use baogao_layout::{Widths, wrap_cjk};
use baogao_report::model::Section;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const SECTION_CHARS: usize = 50_000;

fn collect_paragraphs(section: &Section, paragraphs: &mut Vec<String>) {
    paragraphs.extend(section.paragraphs.iter().cloned());
    for child in &section.sections {
        collect_paragraphs(child, paragraphs);
    }
}

/// Bundled paragraphs, repeated in order until they hold 50 000 characters.
fn section_paragraphs() -> Vec<String> {
    let mut source = Vec::new();
    for loaded in load_reports() {
        source.extend(loaded.preamble.iter().cloned());
        for section in &loaded.sections {
            collect_paragraphs(section, &mut source);
        }
    }
    assert!(!source.is_empty(), "the bundled reports have paragraphs");
    let mut paragraphs = Vec::new();
    let mut chars = 0;
    for paragraph in source.iter().cycle() {
        let wanted = SECTION_CHARS - chars;
        let taken: String = paragraph.chars().take(wanted).collect();
        chars += taken.chars().count();
        paragraphs.push(taken);
        if chars == SECTION_CHARS {
            break;
        }
    }
    paragraphs
}

fn load_reports() -> Vec<baogao_report::model::Report> {
    let loaded = baogao_bundled::load_bundled();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.reports.into_iter().map(|l| l.report).collect()
}

fn wrap_section(c: &mut Criterion) {
    let paragraphs = section_paragraphs();
    let one_paragraph = paragraphs.concat();
    let widths = Widths::default();
    let mut group = c.benchmark_group("wrap_50k_chars");
    group.throughput(Throughput::Elements(SECTION_CHARS as u64));
    for width in [200, 80] {
        group.bench_function(format!("section_width_{width}"), |b| {
            b.iter(|| {
                paragraphs
                    .iter()
                    .map(|p| wrap_cjk(black_box(p), width, 2, widths).len())
                    .sum::<usize>()
            });
        });
        group.bench_function(format!("one_paragraph_width_{width}"), |b| {
            b.iter(|| wrap_cjk(black_box(&one_paragraph), width, 2, widths).len());
        });
    }
    group.finish();
}

criterion_group!(benches, wrap_section);
criterion_main!(benches);
