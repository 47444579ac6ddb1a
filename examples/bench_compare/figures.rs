//! One function per figure of the table: each runs baogao and its
//! reference, pair by pair, and returns the row.

use crate::process::{self, ProcessRun, Success};
use crate::table::{Row, median, median_duration, megabytes, ratios, time};
use crate::{Tools, tui};
use anyhow::bail;
use baogao_report::library::Library;
use baogao_search::{Mode, Scope, Searcher};
use baogao_tui::search::worker::{Request, SHOWN_RESULTS, Update, answer};
use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Heading queries: Chinese, full pinyin and initials.
pub const HEADING_QUERIES: [&str; 6] = ["党建", "经济发展", "乡村振兴", "dangjian", "jjfz", "xczx"];
/// Full-text queries: rare to common.
pub const TEXT_QUERIES: [&str; 4] = ["垃圾分类", "招商引资", "党建", "2021年"];

/// Peak memory of `baogao list` and of the floor (medians), and of
/// `baogao list` over no reports, in bytes; measured while this program is
/// small (see [`process`]).
pub struct LoadPeaks {
    list: f64,
    floor: f64,
    empty_list: EmptyPeak,
}

/// The peak of `baogao list` over no reports: the program's own size, a
/// side figure. It is about this harness's own size, so it may not be told
/// apart from the peak a child inherits: then only that bound is known.
enum EmptyPeak {
    Measured(u64),
    AtMost(u64),
}

impl std::fmt::Display for EmptyPeak {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EmptyPeak::Measured(bytes) => f.write_str(&megabytes(*bytes)),
            EmptyPeak::AtMost(bytes) => write!(f, "at most {}", megabytes(*bytes)),
        }
    }
}

/// `baogao list DIR --json` against `parse_floor DIR`, after one untimed
/// run of each (page cache, binaries); which of the pair runs first
/// alternates.
pub fn load(
    tools: &Tools,
    reports: &Path,
    empty: &Path,
    runs: usize,
) -> anyhow::Result<(Row, LoadPeaks)> {
    let list_args = [
        OsStr::new("list"),
        reports.as_os_str(),
        OsStr::new("--json"),
    ];
    let floor_args = [reports.as_os_str()];
    let list = || process::run(&tools.baogao, &list_args, None, Success::Zero);
    let floor = || process::run(&tools.floor, &floor_args, None, Success::Zero);
    list()?;
    floor()?;
    let (mut ours, mut reference) = (Vec::new(), Vec::new());
    for run in 0..runs {
        if run % 2 == 0 {
            reference.push(floor()?);
            ours.push(list()?);
        } else {
            ours.push(list()?);
            reference.push(floor()?);
        }
    }
    let empty_args = [OsStr::new("list"), empty.as_os_str(), OsStr::new("--json")];
    let empty_list = process::run(&tools.baogao, &empty_args, None, Success::Zero)?;
    let peaks = LoadPeaks {
        list: median_peak(&ours, "baogao list")?,
        floor: median_peak(&reference, "parse_floor")?,
        empty_list: match empty_list.own_peak_rss("baogao list of no reports") {
            Ok(bytes) => EmptyPeak::Measured(bytes),
            Err(_) => EmptyPeak::AtMost(empty_list.peak_rss),
        },
    };
    let wall = |runs: &[ProcessRun]| runs.iter().map(|run| run.wall).collect::<Vec<_>>();
    let (ours, reference) = (wall(&ours), wall(&reference));
    let ratio = median(&ratios(&ours, &reference));
    let row = Row {
        figure: "load (read, parse, check, clean, sort): `baogao list --json` vs serde_json floor"
            .into(),
        baogao: time(median_duration(&ours)),
        reference: time(median_duration(&reference)),
        ratio: Some(ratio),
        target: "≤ 1.5×".into(),
        met: Some(ratio <= 1.5),
    };
    Ok((row, peaks))
}

fn median_peak(runs: &[ProcessRun], what: &str) -> anyhow::Result<f64> {
    let peaks = runs
        .iter()
        .map(|run| run.own_peak_rss(what).map(|peak| peak as f64))
        .collect::<anyhow::Result<Vec<f64>>>()?;
    Ok(median(&peaks))
}

/// What the popup's worker builds after load, before the first query,
/// against fzf reading the same headings and finding nothing (its set-up).
pub fn builds(
    tools: &Tools,
    library: &Library,
    headings: &Path,
    runs: usize,
) -> anyhow::Result<Row> {
    // A snowman: in no heading.
    let fzf_args = [OsStr::new("--filter=\u{2603}")];
    let (mut index, mut filter, mut fzf) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let run = process::run(
            &tools.fzf,
            &fzf_args,
            Some(headings),
            Success::ZeroOrNoMatch,
        )?;
        anyhow::ensure!(run.stdout_lines == 0, "fzf found a snowman");
        fzf.push(run.wall);
        let fresh = Searcher::new(library, SHOWN_RESULTS);
        let start = Instant::now();
        fresh.index();
        index.push(start.elapsed());
        let start = Instant::now();
        fresh.prepare();
        filter.push(start.elapsed());
    }
    let ratio = median(&ratios(&index, &fzf));
    Ok(Row {
        figure: format!(
            "after load, the popup's worker builds the heading index (vs fzf reading the \
             headings, no match), then the paragraph filter: {}",
            time(median_duration(&filter))
        ),
        baogao: time(median_duration(&index)),
        reference: format!("{} fzf", time(median_duration(&fzf))),
        ratio: Some(ratio),
        target: String::new(),
        met: None,
    })
}

/// The popup worker's answer to `query`, typed at once (no narrowing).
fn timed_answer(searcher: &mut Searcher, mode: Mode, query: &str) -> (Duration, Update) {
    searcher.forget();
    let request = Request {
        seq: 0,
        scope: Scope::Library,
        mode,
        query: query.to_string(),
    };
    let start = Instant::now();
    let update = answer(searcher, request);
    (start.elapsed(), update)
}

/// The engine in process against the whole `fzf --filter` process; the
/// whole `baogao search --json` process beside it.
pub fn headings(
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
    for run in 0..runs {
        let fzf_run = || {
            process::run(
                &tools.fzf,
                &fzf_args,
                Some(headings),
                Success::ZeroOrNoMatch,
            )
        };
        let (took, update, reference) = if run % 2 == 0 {
            let reference = fzf_run()?;
            let (took, update) = timed_answer(searcher, Mode::Headings, query);
            (took, update, reference)
        } else {
            let (took, update) = timed_answer(searcher, Mode::Headings, query);
            (took, update, fzf_run()?)
        };
        ours.push(took);
        fzf.push(reference.wall);
        found = (update.total, reference.stdout_lines);
        whole.push(process::run(&tools.baogao, &search_args, None, Success::Zero)?.wall);
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
        met: Some(ratio <= 1.0),
    })
}

/// The engine in process against the whole `rg -F` process over the
/// paragraphs in one file; rg over a file per report beside it.
pub fn full_text(
    tools: &Tools,
    searcher: &mut Searcher,
    text: &TextFiles,
    query: &str,
    runs: usize,
) -> anyhow::Result<Row> {
    let rg = |path: &Path| {
        let args = [
            OsStr::new("--no-ignore"),
            OsStr::new("--hidden"),
            OsStr::new("-F"),
            OsStr::new(query),
            path.as_os_str(),
        ];
        process::run(&tools.rg, &args, None, Success::ZeroOrNoMatch)
    };
    let (mut ours, mut one_file, mut per_report) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let (took, update, reference) = if run % 2 == 0 {
            let reference = rg(&text.one)?;
            let (took, update) = timed_answer(searcher, Mode::FullText, query);
            (took, update, reference)
        } else {
            let (took, update) = timed_answer(searcher, Mode::FullText, query);
            (took, update, rg(&text.one)?)
        };
        let spread = rg(&text.per_report)?;
        // Both read the same paragraphs: rg's matching lines are the
        // paragraphs with a hit, or the two did not do the same job.
        let hits = update.text_hits.as_deref().map_or(&[][..], Vec::as_slice);
        let paragraphs: HashSet<(u32, u32, u32)> = hits
            .iter()
            .map(|hit| (hit.report, hit.section, hit.paragraph))
            .collect();
        for lines in [reference.stdout_lines, spread.stdout_lines] {
            anyhow::ensure!(
                paragraphs.len() as u64 == lines,
                "`{query}`: hits in {} paragraphs, but rg matched {lines} lines",
                paragraphs.len()
            );
        }
        ours.push(took);
        one_file.push(reference.wall);
        per_report.push(spread.wall);
        if run + 1 == runs {
            let ratio = median(&ratios(&ours, &one_file));
            return Ok(Row {
                figure: format!(
                    "full text `{query}` ({} hits in {} paragraphs) — rg over a file per report: {}",
                    update.total,
                    paragraphs.len(),
                    time(median_duration(&per_report))
                ),
                baogao: time(median_duration(&ours)),
                reference: format!("{} rg", time(median_duration(&one_file))),
                ratio: Some(ratio),
                target: "≤ 2×".into(),
                met: Some(ratio <= 2.0),
            });
        }
    }
    bail!("no runs")
}

/// ripgrep's input: the paragraphs in a file per report, and in one file.
pub struct TextFiles {
    pub per_report: PathBuf,
    pub one: PathBuf,
}

/// Peak memory of `baogao list` and of the TUI against the corpus size; the
/// TUI's first frame and key → frame latency.
pub fn memory_and_tui(
    tools: &Tools,
    reports: &Path,
    work: &Path,
    load: &LoadPeaks,
    corpus_bytes: u64,
    runs: usize,
) -> anyhow::Result<Vec<Row>> {
    let (mut frames, mut peaks, mut keys) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let state = work.join(format!("state-{run}"));
        let _ = std::fs::remove_dir_all(&state);
        let measured = tui::run(&tools.baogao, reports, &state, "zsyz")?;
        frames.push(measured.first_frame);
        peaks.push(measured.peak_rss as f64);
        keys.extend(measured.key_latencies);
    }
    let corpus = format!(
        "{} corpus (floor {}; `list` of no reports {})",
        megabytes(corpus_bytes),
        megabytes(load.floor as u64),
        load.empty_list
    );
    let memory = |figure: &str, peak: f64| {
        let ratio = peak / corpus_bytes as f64;
        Row {
            figure: figure.into(),
            baogao: megabytes(peak as u64),
            reference: corpus.clone(),
            ratio: Some(ratio),
            target: "≤ 2×".into(),
            met: Some(ratio <= 2.0),
        }
    };
    let frame = median_duration(&frames);
    Ok(vec![
        memory("peak memory, `baogao list`", load.list),
        memory(
            "peak memory, the TUI after load and a search",
            median(&peaks),
        ),
        Row {
            figure: "first frame (start → tree drawn, pseudo-terminal)".into(),
            baogao: time(frame),
            reference: String::new(),
            ratio: None,
            target: "≤ 1 s".into(),
            met: Some(frame <= Duration::from_secs(1)),
        },
        latency("key → frame in the TUI: tree and reader", "keys", &keys),
    ])
}

/// Every query typed a character at a time, each keystroke timed after the
/// ones before it (narrowing counts, as in the popup).
pub fn keystrokes(searcher: &mut Searcher, runs: usize) -> Vec<Row> {
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
                        scope: Scope::Library,
                        mode,
                        query: typed.clone(),
                    };
                    let start = Instant::now();
                    answer(searcher, request);
                    times.push(start.elapsed());
                }
            }
        }
        let figure = format!("popup keystroke, {name}");
        rows.push(latency(&figure, "keystrokes", &times));
    }
    rows
}

/// A row of latencies: the median against one frame (16 ms), the worst beside.
fn latency(figure: &str, unit: &str, times: &[Duration]) -> Row {
    let middle = median_duration(times);
    let worst = times.iter().max().copied().unwrap_or_default();
    Row {
        figure: format!("{figure} ({} {unit})", times.len()),
        baogao: format!("{} (worst {})", time(middle), time(worst)),
        reference: String::new(),
        ratio: None,
        target: "median < 16 ms".into(),
        met: Some(middle < Duration::from_millis(16)),
    }
}
