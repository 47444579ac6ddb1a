//! How well heading search finds what was meant: judged queries over the
//! bundled reports and a generated library, scored for baogao's engine and
//! for `fzf --filter` over the same headings, in Chinese and in pinyin.
//!
//! ```sh
//! cargo run --release --example relevance
//! cargo run --release --example relevance -- --reports 10000 --seed 2 --words 16 --each
//! ```
//!
//! The queries are of seven kinds (Chinese, full pinyin, initials, mixed,
//! homophone slip, pinyin typo, place-narrowed). Each is made from a word,
//! so its relevant headings are known by construction: those that contain
//! the word (from that year or township, for a place-narrowed query). Two
//! sets are scored apart: queries generated from each library's own
//! frequent heading words, and the hand-written ones of
//! `tests/data/relevance/queries.tsv`. A query with nothing relevant in a
//! library is left out there.
//!
//! - `words`: the frequent words of a library's headings;
//! - `forms`: what a user types for a word (pinyin, slips, typos);
//! - `queries`: the generated set and the hand-written file;
//! - `truth`: the relevant entries of a query;
//! - `fzf`: fzf over the headings;
//! - `table`: the scores and their Markdown tables.
//!
//! The metrics themselves are `baogao_testkit::relevance`.

mod forms;
mod fzf;
mod queries;
mod table;
mod truth;
mod words;

use anyhow::Context;
use baogao_bundled::load_bundled;
use baogao_corpus::{CorpusSpec, generate};
use baogao_report::library::Library;
use baogao_search::{Matches, Mode, Searcher};
use baogao_tui::search::worker::SHOWN_RESULTS;
use clap::Parser;
use fzf::{Fzf, Inputs};
use queries::Query;
use std::path::PathBuf;
use std::process::ExitCode;
use table::{Judged, Scores};

/// Score heading search on judged queries, against fzf.
#[derive(Debug, Parser)]
struct Args {
    /// Reports in the generated library.
    #[arg(long, value_name = "N", default_value_t = 2_000)]
    reports: usize,

    /// Seed of the generated library and of the generated queries.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,

    /// Words per library to generate queries from.
    #[arg(long, value_name = "N", default_value_t = 10)]
    words: usize,

    /// The hand-written queries (kind, query, word [, place], tab-separated).
    #[arg(long, value_name = "FILE")]
    queries: Option<PathBuf>,

    /// Also print every query's scores.
    #[arg(long)]
    each: bool,
}

const ENGINES: [&str; 3] = ["baogao", "fzf", "fzf pinyin"];

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let path = args
        .queries
        .clone()
        .unwrap_or_else(|| baogao_testkit::fixtures::test_data("relevance/queries.tsv"));
    let hand_written = queries::read(&path)?;
    let fzf = Fzf::find();
    match &fzf {
        Some(fzf) => println!("fzf: {}\n", fzf.version),
        None => {
            eprintln!("fzf is missing (apt-get install fzf): its columns are left empty");
            println!("fzf: missing\n");
        }
    }
    println!(
        "P@10: relevant results among the first 10, out of min(10, relevant). Recall: \
         relevant results found, over every result returned / over the first \
         {SHOWN_RESULTS} (what the popup lists). MRR: mean of 1 / rank of the first \
         relevant result (0 if none)."
    );
    let bundled = Library::from_loaded(load_bundled().reports);
    report(
        args,
        "the bundled reports",
        &bundled,
        &hand_written,
        fzf.as_ref(),
    )?;
    let spec = CorpusSpec {
        reports: args.reports,
        seed: args.seed,
    };
    let generated = Library::new(generate(&spec).context("generating the library")?.collect());
    let name = format!("a generated library (seed {})", args.seed);
    report(args, &name, &generated, &hand_written, fzf.as_ref())
}

/// Print the tables of one library: its generated queries, then the
/// hand-written ones.
fn report(
    args: &Args,
    name: &str,
    library: &Library,
    hand_written: &[Query],
    fzf: Option<&Fzf>,
) -> anyhow::Result<()> {
    // A searcher of its own for the index: the others are searched with `&mut`.
    let reference = Searcher::new(library, 0);
    let index = reference.index();
    let words = words::frequent(library, index, args.words);
    let generated = queries::generated(library, index, &words, args.seed);
    let dir = tempfile::tempdir().context("a temporary directory for fzf's input")?;
    let inputs = Inputs::write(dir.path(), library, index)?;
    let mut searchers = Searchers {
        shown: Searcher::new(library, SHOWN_RESULTS),
        // Every entry: all that can match.
        all: Searcher::new(library, index.len()),
    };
    println!(
        "\n## {name}: {} reports, {} headings and titles ({} distinct)\n\nwords: {}",
        library.len(),
        index.len(),
        index.key_count(),
        words.join(" ")
    );
    for (set, queries) in [
        ("generated", generated.as_slice()),
        ("hand-written", hand_written),
    ] {
        let mut judged = Vec::new();
        for query in queries {
            let relevant = truth::relevant(library, index, &query.word, query.place.as_ref());
            if relevant.is_empty() {
                continue;
            }
            let scores = vec![
                Some(searchers.scores(&query.text, &relevant)),
                fzf.map(|f| fzf_scores(f, &inputs, query, false, &relevant))
                    .transpose()?,
                fzf.map(|f| fzf_scores(f, &inputs, query, true, &relevant))
                    .transpose()?,
            ];
            judged.push(Judged {
                query: query.clone(),
                relevant: relevant.len(),
                scores,
            });
        }
        let left_out = queries.len() - judged.len();
        println!(
            "\n### {set} queries: {} scored, {left_out} left out (nothing relevant in this library)\n\n{}",
            judged.len(),
            table::means(&judged, &ENGINES)
        );
        if args.each {
            println!("{}", table::each(&judged, &ENGINES));
        }
    }
    Ok(())
}

/// The engine as the popup runs it (its first results) and with every
/// result ranked.
#[derive(Debug)]
struct Searchers<'a> {
    shown: Searcher<'a>,
    all: Searcher<'a>,
}

impl Searchers<'_> {
    fn scores(&mut self, query: &str, relevant: &std::collections::HashSet<u32>) -> Scores {
        let shown = entries(&mut self.shown, query);
        let all = entries(&mut self.all, query);
        Scores::of(&shown, &all, relevant)
    }
}

/// The entries a fresh heading search for `query` lists, best first.
fn entries(searcher: &mut Searcher, query: &str) -> Vec<u32> {
    // Afresh: narrowing from the previous query is for typing.
    searcher.forget();
    match searcher.search(Mode::Headings, query).matches {
        Matches::Headings { hits, .. } => hits.iter().map(|hit| hit.entry).collect(),
        Matches::Text { .. } => Vec::new(),
    }
}

/// fzf's scores on `query`, over the Chinese or the pinyin lines.
fn fzf_scores(
    fzf: &Fzf,
    inputs: &Inputs,
    query: &Query,
    pinyin: bool,
    relevant: &std::collections::HashSet<u32>,
) -> anyhow::Result<Scores> {
    let input = match (query.place.is_some(), pinyin) {
        (false, false) => &inputs.chinese,
        (false, true) => &inputs.pinyin,
        (true, false) => &inputs.chinese_placed,
        (true, true) => &inputs.pinyin_placed,
    };
    let all = fzf.filter(input, &query.text)?;
    let shown = &all[..all.len().min(SHOWN_RESULTS)];
    Ok(Scores::of(shown, &all, relevant))
}
