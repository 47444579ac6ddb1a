//! Per-keystroke search latency: a 4-character query typed one character at
//! a time, each keystroke timed after the ones before it (so narrowing from
//! the previous result counts, as in the popup). Over the bundled reports
//! and over a generated library of 10 000 reports (`baogao_corpus`, seed 1).
//! Each benchmark is one keystroke: `…/zsyz/3` is typing "y" after "zs".
//! The bar: median under 16 ms per keystroke at 10 000 reports on 2 cores.
//! Run with `cargo bench --bench search`.

use baogao_bundled::load_bundled;
use baogao_corpus::{CorpusSpec, generate};
use baogao_report::library::Library;
use baogao_search::{Mode, Scope, Searcher};
use baogao_tui::search::worker::{Request, answer};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::{Duration, Instant};

const QUERIES: [(Mode, &str); 4] = [
    (Mode::Headings, "zsyz"),
    (Mode::Headings, "招商引资"),
    (Mode::Headings, "dang"),
    (Mode::FullText, "垃圾分类"),
];

fn bench_library(c: &mut Criterion, name: &str, library: &Library) {
    let mut searcher = Searcher::new(library, baogao_tui::search::worker::SHOWN_RESULTS);
    // As the popup's worker does before the first query.
    searcher.prepare();
    let mut group = c.benchmark_group(format!("keystroke/{name}"));
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(3));
    for (mode, query) in QUERIES {
        let chars: Vec<char> = query.chars().collect();
        let label = match mode {
            Mode::Headings => query.to_string(),
            Mode::FullText => format!("text-{query}"),
        };
        for typed in 1..=chars.len() {
            group.bench_function(format!("{label}/{typed}"), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        searcher.forget();
                        for earlier in 1..typed {
                            let prefix: String = chars[..earlier].iter().collect();
                            searcher.search(mode, &prefix);
                        }
                        let prefix: String = chars[..typed].iter().collect();
                        // What the popup's worker does per keystroke: search
                        // and make the rows (marked characters included).
                        let request = Request {
                            seq: 0,
                            scope: Scope::Library,
                            mode,
                            query: prefix,
                        };
                        let start = Instant::now();
                        black_box(answer(&mut searcher, request));
                        total += start.elapsed();
                    }
                    total
                });
            });
        }
    }
    group.finish();
}

fn keystrokes(c: &mut Criterion) {
    let bundled = Library::from_loaded(load_bundled().reports);
    bench_library(c, "bundled", &bundled);
    let spec = CorpusSpec {
        reports: 10_000,
        seed: 1,
    };
    let generated = Library::new(generate(&spec).expect("the corpus builds").collect());
    bench_library(c, "10k", &generated);
}

criterion_group!(benches, keystrokes);
criterion_main!(benches);
