//! baogao against the floor and the fastest tools, in one run (issue 5).
//!
//! For each library size N: generate N reports (`gen_corpus`, seed 1), then
//! measure, pair by pair, each figure and its reference:
//!
//! - load: `baogao list DIR --json` vs `parse_floor DIR` (serde_json only);
//! - headings: the engine's query in-process (the popup worker's `answer`:
//!   search plus rows with marked characters) vs the whole `fzf --filter`
//!   process over the same headings, one per line; the whole `baogao search
//!   --json` process beside it;
//! - full text: the engine in-process vs the whole `rg -F` process over the
//!   same paragraphs as plain text files, one per report;
//! - memory: peak RSS of `baogao list` and of the TUI after load and a
//!   search, vs the corpus size on disk;
//! - first frame: start to the first drawn tree in a pseudo-terminal;
//! - keystrokes: each query typed a character at a time, as in the popup.
//!
//! Run it with `scripts/bench-compare.sh`, which builds what it needs.

mod process;
mod table;
mod tui;

use anyhow::{Context, bail};
use baogao::library::Library;
use baogao::search::fulltext::for_each_section;
use baogao::search::{Mode, Searcher};
use baogao::tui::search::worker::{Request, SHOWN_RESULTS, Update, answer};
use clap::Parser;
use std::collections::HashSet;
use std::ffi::OsStr;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use table::{Row, median, median_duration, megabytes, ratios, time};

/// Heading queries: Chinese, full pinyin and initials.
const HEADING_QUERIES: [&str; 6] = ["党建", "经济发展", "乡村振兴", "dangjian", "jjfz", "xczx"];
/// Full-text queries: rare to common.
const TEXT_QUERIES: [&str; 4] = ["垃圾分类", "招商引资", "党建", "2021年"];

#[derive(Debug, Parser)]
struct Args {
    /// Library sizes to measure.
    #[arg(long = "reports", value_name = "N", default_values_t = [1_000, 10_000])]
    sizes: Vec<usize>,
    /// Paired runs per figure (medians are over these).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Where corpora and their text copies are written.
    #[arg(long, default_value = "target/bench-compare")]
    work: PathBuf,
}

/// The programs compared.
struct Tools {
    baogao: PathBuf,
    floor: PathBuf,
    gen_corpus: PathBuf,
    fzf: PathBuf,
    rg: PathBuf,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if args.runs == 0 {
        bail!("--runs must be at least 1");
    }
    let tools = tools()?;
    println!(
        "baogao vs floor and tools: {} CPUs, {} paired runs per figure, {}, {}",
        std::thread::available_parallelism().map_or(0, usize::from),
        args.runs,
        version(&tools.fzf, "--version")?,
        version(&tools.rg, "--version")?,
    );
    for &n in &args.sizes {
        let rows = measure(&tools, &args.work.join(n.to_string()), n, args.runs)?;
        table::print(&format!("{n} reports"), &rows);
    }
    Ok(())
}

/// baogao and the examples sit beside this program in `target/release`;
/// fzf and rg come from PATH.
fn tools() -> anyhow::Result<Tools> {
    let examples = std::env::current_exe()?
        .parent()
        .context("this program's directory")?
        .to_path_buf();
    let release = examples.parent().context("target/release")?;
    let in_path = |name: &str| -> anyhow::Result<PathBuf> {
        std::env::var_os("PATH")
            .iter()
            .flat_map(std::env::split_paths)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file())
            .with_context(|| format!("{name} is not installed (apt-get install {name})"))
    };
    let built = |path: PathBuf| -> anyhow::Result<PathBuf> {
        anyhow::ensure!(path.is_file(), "{} is not built", path.display());
        Ok(path)
    };
    Ok(Tools {
        baogao: built(release.join("baogao"))?,
        floor: built(examples.join("parse_floor"))?,
        gen_corpus: built(examples.join("gen_corpus"))?,
        fzf: in_path("fzf")?,
        rg: in_path("rg")?,
    })
}

fn version(program: &Path, flag: &str) -> anyhow::Result<String> {
    let output = std::process::Command::new(program).arg(flag).output()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let first = text.lines().next().unwrap_or_default();
    let name = program.file_name().unwrap_or_default().to_string_lossy();
    Ok(format!("{name} {first}"))
}

fn measure(tools: &Tools, work: &Path, n: usize, runs: usize) -> anyhow::Result<Vec<Row>> {
    let reports = work.join("reports");
    eprintln!("{n} reports: generating into {}", reports.display());
    let count = n.to_string();
    let generated = process::run(
        &tools.gen_corpus,
        &[
            OsStr::new("--reports"),
            OsStr::new(&count),
            OsStr::new("--out"),
            reports.as_os_str(),
            OsStr::new("--force"),
        ],
        None,
    )?;
    anyhow::ensure!(generated.stdout_lines > 0, "gen_corpus wrote nothing");
    let corpus_bytes = json_bytes(&reports)?;
    // Processes whose peak memory is read run before this program loads the
    // library itself: Linux counts the parent's resident memory at the fork
    // in a child's peak (`ru_maxrss` survives `exec`).
    let mut rows = Vec::new();
    eprintln!("{n} reports: load");
    let (list, floor) = load_row(tools, &reports, runs, &mut rows)?;
    let loaded = baogao::load::load_dir(&reports)?;
    anyhow::ensure!(loaded.errors.is_empty(), "the corpus has broken files");
    let library = Library::from_loaded(loaded.reports);
    anyhow::ensure!(
        library.len() == n,
        "{} reports loaded, not {n}",
        library.len()
    );
    let mut searcher = Searcher::new(&library, SHOWN_RESULTS);
    // As the popup's worker does before the first query.
    searcher.prepare();
    let headings = work.join("headings.txt");
    write_headings(&searcher, &headings)?;
    let text = work.join("text");
    write_paragraphs(&library, &text)?;

    eprintln!("{n} reports: headings");
    for query in HEADING_QUERIES {
        rows.push(heading_row(
            tools,
            &mut searcher,
            &reports,
            &headings,
            query,
            runs,
        )?);
    }
    eprintln!("{n} reports: full text");
    for query in TEXT_QUERIES {
        rows.push(text_row(tools, &mut searcher, &text, query, runs)?);
    }
    eprintln!("{n} reports: memory and first frame");
    let peak_of = |runs: &[process::ProcessRun]| {
        median(
            &runs
                .iter()
                .map(|run| run.peak_rss as f64)
                .collect::<Vec<_>>(),
        )
    };
    let corpus = format!(
        "{} corpus (floor {})",
        megabytes(corpus_bytes),
        megabytes(peak_of(&floor) as u64)
    );
    let peak = peak_of(&list);
    rows.push(memory_row(
        "peak memory, `baogao list`",
        peak,
        corpus_bytes,
        &corpus,
    ));
    let (mut frames, mut tui_peaks, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let state = work.join(format!("state-{run}"));
        let _ = std::fs::remove_dir_all(&state);
        let measured = tui::run(&tools.baogao, &reports, &state, "zsyz")?;
        frames.push(measured.first_frame);
        tui_peaks.push(measured.peak_rss as f64);
        keys.extend(measured.key_latencies);
    }
    let tui_peak = median(&tui_peaks);
    rows.push(memory_row(
        "peak memory, the TUI after load and a search",
        tui_peak,
        corpus_bytes,
        &corpus,
    ));
    let frame = median_duration(&frames);
    rows.push(Row {
        figure: "first frame (start → tree drawn, pseudo-terminal)".into(),
        baogao: time(frame),
        reference: String::new(),
        ratio: None,
        target: "≤ 1 s".into(),
        met: frame <= Duration::from_secs(1),
    });
    rows.push(Row {
        figure: format!(
            "key → frame in the TUI: tree and reader ({} keys)",
            keys.len()
        ),
        baogao: format!(
            "{} (worst {})",
            time(median_duration(&keys)),
            time(keys.iter().max().copied().unwrap_or_default())
        ),
        reference: String::new(),
        ratio: None,
        target: "median < 16 ms".into(),
        met: median_duration(&keys) < Duration::from_millis(16),
    });
    eprintln!("{n} reports: keystrokes");
    rows.extend(keystroke_rows(&mut searcher, runs));
    Ok(rows)
}

fn json_bytes(dir: &Path) -> anyhow::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.path().extension().is_some_and(|ext| ext == "json") {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}

/// Every entry the heading search matches against, one per line: fzf's input.
fn write_headings(searcher: &Searcher, path: &Path) -> anyhow::Result<()> {
    let index = searcher.index();
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for entry in index.entries() {
        writeln!(out, "{}", index.text(entry))?;
    }
    out.flush()?;
    Ok(())
}

/// Every paragraph the full-text search reads (preamble included), one per
/// line, a file per report: ripgrep's input.
fn write_paragraphs(library: &Library, dir: &Path) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    for report in library.reports() {
        let path = dir.join(format!("{}.txt", report.id));
        let mut out = BufWriter::new(std::fs::File::create(&path)?);
        for paragraph in &report.preamble {
            writeln!(out, "{paragraph}")?;
        }
        let mut result = Ok(());
        for_each_section(report, |_, section| {
            for paragraph in &section.paragraphs {
                if result.is_ok() {
                    result = writeln!(out, "{paragraph}");
                }
            }
        });
        result?;
        out.flush()?;
    }
    Ok(())
}

fn load_row(
    tools: &Tools,
    reports: &Path,
    runs: usize,
    rows: &mut Vec<Row>,
) -> anyhow::Result<(Vec<process::ProcessRun>, Vec<process::ProcessRun>)> {
    let list_args = [
        OsStr::new("list"),
        reports.as_os_str(),
        OsStr::new("--json"),
    ];
    let floor_args = [reports.as_os_str()];
    // Warm the page cache and both programs once, untimed.
    process::run(&tools.floor, &floor_args, None)?;
    process::run(&tools.baogao, &list_args, None)?;
    let (mut ours, mut floor) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        floor.push(process::run(&tools.floor, &floor_args, None)?);
        ours.push(process::run(&tools.baogao, &list_args, None)?);
    }
    let ours_wall: Vec<Duration> = ours.iter().map(|run| run.wall).collect();
    let floor_wall: Vec<Duration> = floor.iter().map(|run| run.wall).collect();
    let ratio = median(&ratios(&ours_wall, &floor_wall));
    rows.push(Row {
        figure: "load + index: `baogao list --json` vs serde_json floor".into(),
        baogao: time(median_duration(&ours_wall)),
        reference: time(median_duration(&floor_wall)),
        ratio: Some(ratio),
        target: "≤ 1.5×".into(),
        met: ratio <= 1.5,
    });
    Ok((ours, floor))
}

/// Time the popup worker's answer to `query`, typed at once (no narrowing).
fn timed_answer(searcher: &mut Searcher, mode: Mode, query: &str) -> (Duration, Update) {
    searcher.forget();
    let request = Request {
        seq: 0,
        mode,
        query: query.to_string(),
    };
    let start = Instant::now();
    let update = answer(searcher, request);
    (start.elapsed(), update)
}

fn heading_row(
    tools: &Tools,
    searcher: &mut Searcher,
    reports: &Path,
    headings: &Path,
    query: &str,
    runs: usize,
) -> anyhow::Result<Row> {
    let filter = format!("--filter={query}");
    let fzf_args = [OsStr::new(&filter)];
    let search_args = [
        OsStr::new("search"),
        OsStr::new("--dir"),
        reports.as_os_str(),
        OsStr::new("--json"),
        OsStr::new(query),
    ];
    let (mut ours, mut fzf, mut whole) = (Vec::new(), Vec::new(), Vec::new());
    let mut found = (0, 0);
    for _ in 0..runs {
        let run = process::run(&tools.fzf, &fzf_args, Some(headings))?;
        fzf.push(run.wall);
        let (took, update) = timed_answer(searcher, Mode::Headings, query);
        ours.push(took);
        found = (update.total, run.stdout_lines);
        whole.push(process::run(&tools.baogao, &search_args, None)?.wall);
    }
    let ratio = median(&ratios(&ours, &fzf));
    Ok(Row {
        figure: format!(
            "headings `{query}` ({} matches; fzf {}) — whole `baogao search --json`: {}",
            found.0,
            found.1,
            time(median_duration(&whole))
        ),
        baogao: time(median_duration(&ours)),
        reference: format!("{} fzf", time(median_duration(&fzf))),
        ratio: Some(ratio),
        target: "≤ 1.0×".into(),
        met: ratio <= 1.0,
    })
}

fn text_row(
    tools: &Tools,
    searcher: &mut Searcher,
    text: &Path,
    query: &str,
    runs: usize,
) -> anyhow::Result<Row> {
    let rg_args = [OsStr::new("-F"), OsStr::new(query), text.as_os_str()];
    let (mut ours, mut rg) = (Vec::new(), Vec::new());
    let mut found = (0, 0, 0);
    for _ in 0..runs {
        let run = process::run(&tools.rg, &rg_args, None)?;
        rg.push(run.wall);
        let (took, update) = timed_answer(searcher, Mode::FullText, query);
        ours.push(took);
        let hits = update
            .text_hits
            .as_deref()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let paragraphs: HashSet<(u32, u32, u32)> = hits
            .iter()
            .map(|hit| (hit.report, hit.section, hit.paragraph))
            .collect();
        found = (update.total, paragraphs.len(), run.stdout_lines);
    }
    // Both read the same paragraphs: rg's matching lines are the paragraphs
    // with a hit.
    if found.1 as u64 != found.2 {
        eprintln!(
            "warning: `{query}`: hits in {} paragraphs, rg matched {} lines",
            found.1, found.2
        );
    }
    let ratio = median(&ratios(&ours, &rg));
    Ok(Row {
        figure: format!(
            "full text `{query}` ({} hits in {} paragraphs; rg {} lines)",
            found.0, found.1, found.2
        ),
        baogao: time(median_duration(&ours)),
        reference: format!("{} rg", time(median_duration(&rg))),
        ratio: Some(ratio),
        target: "≤ 2×".into(),
        met: ratio <= 2.0,
    })
}

fn memory_row(figure: &str, peak: f64, corpus_bytes: u64, corpus: &str) -> Row {
    let ratio = peak / corpus_bytes as f64;
    Row {
        figure: figure.into(),
        baogao: megabytes(peak as u64),
        reference: corpus.into(),
        ratio: Some(ratio),
        target: "≤ 2×".into(),
        met: ratio <= 2.0,
    }
}

/// Every query typed a character at a time, each keystroke timed after the
/// ones before it (narrowing counts, as in the popup).
fn keystroke_rows(searcher: &mut Searcher, runs: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for (mode, queries, name) in [
        (Mode::Headings, &HEADING_QUERIES[..], "headings"),
        (Mode::FullText, &TEXT_QUERIES[..], "full text"),
    ] {
        let mut times = Vec::new();
        for _ in 0..runs {
            for query in queries {
                searcher.forget();
                let mut typed = String::new();
                for c in query.chars() {
                    typed.push(c);
                    let request = Request {
                        seq: 0,
                        mode,
                        query: typed.clone(),
                    };
                    let start = Instant::now();
                    answer(searcher, request);
                    times.push(start.elapsed());
                }
            }
        }
        let middle = median_duration(&times);
        let worst = times.iter().max().copied().unwrap_or_default();
        rows.push(Row {
            figure: format!("popup keystroke, {name} ({} keystrokes)", times.len()),
            baogao: format!("{} (worst {})", time(middle), time(worst)),
            reference: String::new(),
            ratio: None,
            target: "median < 16 ms".into(),
            met: middle < Duration::from_millis(16),
        });
    }
    rows
}
