//! Precision and recall of heading search, on the bundled reports and on a
//! generated library, with queries made from the libraries' own frequent
//! words (`words.rs`): of the first ten hits, how many hold the word meant
//! (precision@10), and of the headings that hold it, how many are found at
//! all (recall).
//!
//! `BAOGAO_PRECISION_REPORTS=10000 cargo test --release --test search
//! precision -- --nocapture` runs the generated library at another size
//! (`BAOGAO_PRECISION_SEED` from another seed, `BAOGAO_PRECISION_WORDS`
//! with more words of each length) and prints every query's figures.

use crate::words::{Case, Grams, Kind, cases, frequent_words};
use baogao_corpus::{CorpusSpec, generate};
use baogao_report::library::Library;
use baogao_search::{MatchKind, Matches, Mode, Searcher};
use baogao_testkit::fixtures::search_library;
use std::collections::BTreeMap;

/// One query's figures.
#[derive(Debug)]
struct Measured {
    precision: f64,
    recall: f64,
}

fn measure(searcher: &mut Searcher, case: &Case) -> Measured {
    let results = searcher.search(Mode::Headings, &case.query);
    let Matches::Headings {
        hits, total, close, ..
    } = &results.matches
    else {
        panic!("heading results expected");
    };
    assert_eq!(hits.len(), *total, "{}: every hit listed", case.query);
    // Weak hits come after all the others, and `close` counts the others.
    let first_weak = hits.iter().position(|h| h.kind == MatchKind::Weak);
    assert_eq!(first_weak.unwrap_or(hits.len()), *close, "{}", case.query);
    assert!(
        hits.is_sorted_by_key(|h| h.kind),
        "{}: tiers in order",
        case.query
    );
    let top = case.truth.len().min(10);
    let relevant = hits
        .iter()
        .take(top)
        .filter(|h| case.truth.contains(&h.entry))
        .count();
    let found = hits
        .iter()
        .filter(|h| case.truth.contains(&h.entry))
        .count();
    Measured {
        precision: relevant as f64 / top as f64,
        recall: found as f64 / case.truth.len() as f64,
    }
}

/// Run every case of `library`; assert the mean precision@10 and each
/// kind's mean recall.
fn check(name: &str, library: &Library, per_length: [usize; 3], min_headings: usize) {
    let mut searcher = Searcher::new(library, usize::MAX);
    let grams = Grams::count(&searcher);
    let words = frequent_words(library, &grams, per_length, min_headings);
    assert!(
        words.len() >= per_length.iter().sum::<usize>() / 2,
        "{name}: too few words {words:?}"
    );
    let cases = cases(library, &searcher, &grams, &words);
    let mut by_kind: BTreeMap<Kind, Vec<Measured>> = BTreeMap::new();
    let verbose = std::env::var_os("BAOGAO_PRECISION_REPORTS").is_some();
    for case in cases.iter().filter(|c| !c.truth.is_empty()) {
        searcher.forget();
        let measured = measure(&mut searcher, case);
        if verbose {
            println!(
                "{name} {:?} {} ({}): p@10 {:.2} recall {:.2} of {}",
                case.kind,
                case.query,
                case.word,
                measured.precision,
                measured.recall,
                case.truth.len()
            );
        }
        by_kind.entry(case.kind).or_default().push(measured);
    }
    let mean = |values: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = values.fold((0.0, 0), |(s, n), v| (s + v, n + 1));
        sum / f64::from(n)
    };
    let all: Vec<&Measured> = by_kind.values().flatten().collect();
    let precision = mean(&mut all.iter().map(|m| m.precision));
    println!(
        "{name}: {} words, {} queries, mean precision@10 {precision:.3}",
        words.len(),
        all.len()
    );
    for (kind, measured) in &by_kind {
        let recall = mean(&mut measured.iter().map(|m| m.recall));
        let kind_precision = mean(&mut measured.iter().map(|m| m.precision));
        println!(
            "  {kind:?}: {} queries, precision@10 {kind_precision:.3}, recall {recall:.3}",
            measured.len()
        );
        let floor = if kind.exact() { 0.95 } else { 0.9 };
        assert!(recall >= floor, "{name} {kind:?}: recall {recall:.3}");
    }
    assert!(precision >= 0.95, "{name}: precision@10 {precision:.3}");
}

#[test]
fn queries_of_every_kind_find_the_bundled_headings_they_mean() {
    check("bundled", &search_library(), [6, 4, 4], 3);
}

#[test]
fn queries_of_every_kind_find_the_generated_headings_they_mean() {
    let reports = std::env::var("BAOGAO_PRECISION_REPORTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let seed = std::env::var("BAOGAO_PRECISION_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(11);
    let spec = CorpusSpec { reports, seed };
    let library = Library::new(generate(&spec).expect("the corpus builds").collect());
    let words = std::env::var("BAOGAO_PRECISION_WORDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    check("generated", &library, [words + 3, words, words], 10);
}
