//! `baogao compare`: two reports' sections aligned by meaning, and the text
//! they share (see `docs/compare.md`).

use super::ids::unknown_report;
use super::{Outcome, command_library, load, report_load_errors, text};
use anyhow::bail;
use baogao_compare::{Alignment, Shared, SpanAt, align, shared_text};
use baogao_i18n::{t, tf};
use baogao_report::model::{Report, SectionPath};
use baogao_tui::shelf::{report_title, township_label, year_label};
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Sections are paired by what they say: their headings without numbers and
years, compared by characters and character pairs; their level; and their
text. A 工作总结's next-year plan (`二、2021年工作计划`) pairs with the next
year's `2021年工作总结`. A section paired a second time (one side split or
merged) is marked `part`. Shared text is every run of at least 16
characters found in both reports.

With --json, prints an object: left and right (the ids), pairs (left,
right: {path, heading}, where path is the section's child indexes from the
top, counted from 1; similarity 0-1; part), left_only and right_only
(sections with no partner), shared (text, left and right: {path, heading,
paragraph, start, end}, start and end being byte offsets in the paragraph
as written; an empty path is the preamble).

Examples:
  baogao compare pingyang-nanji-2020-work-summary yuhuan-lupu-2020-work-summary
  baogao compare --dir data/reports ID1 ID2 --json";

/// Compare two reports: their sections aligned by meaning, the sections
/// with no partner, and the sentences or long phrases both contain.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct CompareArgs {
    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,

    /// Id of the first report (the left side), as `baogao list` prints it.
    #[arg(value_name = "ID1")]
    left: String,

    /// Id of the second report (the right side).
    #[arg(value_name = "ID2")]
    right: String,

    /// Print a JSON object instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct Place<'a> {
    path: Vec<usize>,
    heading: &'a str,
}

#[derive(Debug, Serialize)]
struct PairOut<'a> {
    left: Place<'a>,
    right: Place<'a>,
    similarity: f32,
    part: bool,
}

#[derive(Debug, Serialize)]
struct SpanOut<'a> {
    path: Vec<usize>,
    heading: &'a str,
    paragraph: usize,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize)]
struct SharedOut<'a> {
    text: &'a str,
    left: SpanOut<'a>,
    right: SpanOut<'a>,
}

#[derive(Debug, Serialize)]
struct Comparison<'a> {
    left: &'a str,
    right: &'a str,
    pairs: Vec<PairOut<'a>>,
    left_only: Vec<Place<'a>>,
    right_only: Vec<Place<'a>>,
    shared: Vec<SharedOut<'a>>,
}

/// A section's heading; the report's title for the front.
pub fn heading<'a>(report: &'a Report, path: &SectionPath) -> &'a str {
    report
        .section(path)
        .map_or_else(|| report_title(report), |s| s.heading.as_str())
}

/// A path as people count: child indexes from 1.
pub fn one_based(path: &SectionPath) -> Vec<usize> {
    path.0.iter().map(|i| i + 1).collect()
}

/// A one-based path as people write it: `2.1`.
pub fn dotted(path: &[usize]) -> String {
    path.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

fn place<'a>(report: &'a Report, path: &SectionPath) -> Place<'a> {
    Place {
        path: one_based(path),
        heading: heading(report, path),
    }
}

fn span<'a>(report: &'a Report, at: &SpanAt) -> SpanOut<'a> {
    SpanOut {
        path: one_based(&at.path),
        heading: heading(report, &at.path),
        paragraph: at.paragraph,
        start: at.start,
        end: at.end,
    }
}

fn comparison<'a>(
    left: &'a Report,
    right: &'a Report,
    alignment: &Alignment,
    shared: &'a [Shared],
) -> Comparison<'a> {
    Comparison {
        left: &left.id,
        right: &right.id,
        pairs: alignment
            .pairs
            .iter()
            .map(|pair| PairOut {
                left: place(left, &pair.left),
                right: place(right, &pair.right),
                similarity: (pair.similarity * 100.0).round() / 100.0,
                part: pair.part,
            })
            .collect(),
        left_only: alignment.left_only.iter().map(|p| place(left, p)).collect(),
        right_only: alignment
            .right_only
            .iter()
            .map(|p| place(right, p))
            .collect(),
        shared: shared
            .iter()
            .map(|s| SharedOut {
                text: &s.text,
                left: span(left, &s.left),
                right: span(right, &s.right),
            })
            .collect(),
    }
}

/// How a report is named in text output: township · year · title, then its id in brackets.
pub fn name(report: &Report) -> String {
    format!(
        "{} \u{B7} {} \u{B7} {}  [{}]",
        township_label(report.township.as_deref()),
        year_label(report.year),
        report_title(report),
        report.id
    )
}

pub fn run(args: &CompareArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let failed = !loaded.errors.is_empty();
    let library = command_library(loaded.reports);
    let Some(left) = library.find(&args.left) else {
        bail!("{}", unknown_report(&args.left, args.dir.as_deref()));
    };
    let Some(right) = library.find(&args.right) else {
        bail!("{}", unknown_report(&args.right, args.dir.as_deref()));
    };
    let alignment = align(left, right);
    let shared = shared_text(left, right);
    let found = comparison(left, right, &alignment, &shared);
    if args.json {
        out.write_all(serde_json::to_string_pretty(&found)?.as_bytes())?;
        out.write_all(b"\n")?;
    } else {
        print(out, left, right, &found)?;
    }
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn print(
    out: &mut dyn Write,
    left: &Report,
    right: &Report,
    found: &Comparison,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{}",
        tf("compare.left", &[("name", &text::clean(&name(left)))])
    )?;
    writeln!(
        out,
        "{}",
        tf("compare.right", &[("name", &text::clean(&name(right)))])
    )?;
    writeln!(
        out,
        "\n{}",
        tf("compare.aligned", &[("n", &found.pairs.len())])
    )?;
    for pair in &found.pairs {
        let note = if pair.part {
            format!("  {}", t("compare.part"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:.2}  {} {}\n        {} {}{note}",
            pair.similarity,
            dotted(&pair.left.path),
            text::clean(pair.left.heading),
            dotted(&pair.right.path),
            text::clean(pair.right.heading),
        )?;
    }
    for (key, only) in [
        ("compare.only_left", &found.left_only),
        ("compare.only_right", &found.right_only),
    ] {
        writeln!(out, "\n{}", tf(key, &[("n", &only.len())]))?;
        for place in only {
            writeln!(
                out,
                "  {} {}",
                dotted(&place.path),
                text::clean(place.heading)
            )?;
        }
    }
    writeln!(
        out,
        "\n{}",
        tf("compare.shared", &[("n", &found.shared.len())])
    )?;
    for shared in &found.shared {
        let at = tf(
            "compare.shared_at",
            &[
                ("left", &dotted(&shared.left.path)),
                ("right", &dotted(&shared.right.path)),
            ],
        );
        writeln!(out, "  {}\n        {at}", text::clean(shared.text))?;
    }
    Ok(())
}
