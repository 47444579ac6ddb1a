//! baogao against the floor and the fastest tools, in one run (docs/performance.md says what each figure measures).
//!
//! For each library size N: generate N reports (`gen_corpus`, seed 1), then
//! measure, pair by pair, each figure and its reference (`figures.rs`):
//!
//! - load: `baogao list DIR --json` vs `parse_floor DIR` (serde_json only);
//! - headings: the engine's query in-process (the popup worker's `answer`:
//!   search plus rows with marked characters) vs the whole `fzf --filter`
//!   process over the same headings, one per line; the whole `baogao search
//!   --json` process beside it, and the index build vs fzf's set-up;
//! - full text: the engine in-process vs the whole `rg -F` process over the
//!   same paragraphs in one text file (and beside it, a file per report);
//! - memory: peak RSS of `baogao list` and of the TUI after load and a
//!   search, vs the corpus size on disk;
//! - first frame and key → frame: the TUI in a pseudo-terminal (`tui.rs`);
//! - keystrokes: each query typed a character at a time, as in the popup.
//!
//! Each size runs in a fresh copy of this program: a child's peak memory
//! starts from its parent's peak, and a copy that loaded 10 000 reports
//! would lend its peak to every program it starts afterwards.
//!
//! Run it with `scripts/bench-compare.sh`, which builds what it needs.

mod figures;
mod inputs;
mod process;
mod table;
mod tui;

use anyhow::{Context, bail};
use baogao_search::Searcher;
use baogao_tui::search::worker::SHOWN_RESULTS;
use clap::Parser;
use std::path::{Path, PathBuf};
use table::Row;

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
    /// Measure the one size given here, without the heading (set by the
    /// copy that runs each size).
    #[arg(long, hide = true)]
    one_size: bool,
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
    if args.one_size {
        let [n] = args.sizes[..] else {
            bail!("--one-size takes one --reports");
        };
        let rows = measure(&tools, &args.work.join(n.to_string()), n, args.runs)?;
        table::print(&format!("{n} reports"), &rows);
        return Ok(());
    }
    println!(
        "baogao vs floor and tools, {}: {}; {} CPUs ({}); {} paired runs per figure; {}, {}",
        command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        command_line("git", &["describe", "--always", "--dirty"]),
        std::thread::available_parallelism().map_or(0, usize::from),
        cpu_model(),
        args.runs,
        version(&tools.fzf)?,
        version(&tools.rg)?,
    );
    let this = std::env::current_exe()?;
    for n in &args.sizes {
        let status = std::process::Command::new(&this)
            .args(["--one-size", "--reports", &n.to_string()])
            .args(["--runs", &args.runs.to_string()])
            .arg("--work")
            .arg(&args.work)
            .status()?;
        anyhow::ensure!(status.success(), "measuring {n} reports failed");
    }
    Ok(())
}

/// The first line `program ARGS` prints, or "?".
fn command_line(program: &str, args: &[&str]) -> String {
    std::process::Command::new(program)
        .args(args)
        .output()
        .ok()
        .and_then(|output| {
            let text = String::from_utf8_lossy(&output.stdout).into_owned();
            text.lines().next().map(str::to_string)
        })
        .unwrap_or_else(|| "?".into())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "?".into())
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

fn version(program: &Path) -> anyhow::Result<String> {
    let name = program.file_name().unwrap_or_default().to_string_lossy();
    let first = command_line(&program.to_string_lossy(), &["--version"]);
    Ok(format!("{name} {first}"))
}

fn measure(tools: &Tools, work: &Path, n: usize, runs: usize) -> anyhow::Result<Vec<Row>> {
    let reports = work.join("reports");
    eprintln!("{n} reports: generating into {}", reports.display());
    let corpus_bytes = inputs::generate(tools, &reports, n)?;
    // The processes whose peak memory is read run before this program loads
    // the library itself (see process.rs).
    eprintln!("{n} reports: load");
    let empty = work.join("empty");
    std::fs::create_dir_all(&empty)?;
    let (load_row, load_peaks) = figures::load(tools, &reports, &empty, runs)?;
    let mut rows = vec![load_row];
    let library = inputs::load(&reports, n)?;
    let mut searcher = Searcher::new(&library, SHOWN_RESULTS);
    // As the popup's worker does before the first query.
    searcher.prepare();
    let headings = work.join("headings.txt");
    inputs::write_headings(&searcher, &headings)?;
    let text = figures::TextFiles {
        per_report: work.join("text"),
        one: work.join("text.txt"),
    };
    inputs::write_paragraphs(&library, &text.per_report, &text.one)?;
    rows.push(figures::builds(tools, &library, &headings, runs)?);
    eprintln!("{n} reports: headings");
    for query in figures::HEADING_QUERIES {
        let row = figures::headings(tools, &mut searcher, &reports, &headings, query, runs)?;
        rows.push(row);
    }
    eprintln!("{n} reports: full text");
    for query in figures::TEXT_QUERIES {
        rows.push(figures::full_text(
            tools,
            &mut searcher,
            &text,
            query,
            runs,
        )?);
    }
    eprintln!("{n} reports: memory and the TUI");
    let tui = figures::memory_and_tui(tools, &reports, work, &load_peaks, corpus_bytes, runs)?;
    rows.extend(tui);
    eprintln!("{n} reports: keystrokes");
    rows.extend(figures::keystrokes(&mut searcher, runs));
    Ok(rows)
}
