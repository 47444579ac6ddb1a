//! `baogao search`: the popup's search engine from a shell.
//!
//! Headings mode prints the best matches first (the popup's order), in
//! tiers: a homophone or a typo is noted as in the popup, and the weak
//! matches follow a divider line (or, when none is close, a line that says
//! so). Full-text mode prints every hit in reading order with a snippet
//! around it. `--json` gives the same results as an array of objects for
//! scripts, a heading's tier in its `match` field. `--report` searches one
//! report instead of the whole library.

use super::ids::unknown_report;
use super::{Outcome, command_library, load, report_load_errors, text};
use anyhow::bail;
use baogao_i18n::{t, tf};
use baogao_layout::{Widths, truncate};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use baogao_search::{
    MAX_TEXT_HITS, MatchKind, Matches, Mode, Scope, Scored, SearchIndex, Searcher, TextHit,
    WHOLE_REPORT, section_path, snippet,
};
use baogao_tui::search::tier;
use baogao_tui::shelf::{report_title, township_label, year_label};
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Headings mode (the default) matches every heading and report title fuzzily,
and a query in Latin letters also by pinyin: full (zhaoshang), initials
(zsyz) or both mixed. Words separated by spaces must all match. Full-text
mode finds the exact text in paragraphs (Latin letters in any case, and
punctuation in either width: `,` finds `，` and `，` finds `,`).
With --report ID, only that report is searched (its headings and title, or
its paragraphs); `baogao list` prints the ids.

Each result names the report (township · year · title), the heading path
from the top and the report id; full-text results add a snippet. Headings
come in tiers: the close matches first, then those found through a
homophone (noted `(同音)`) or a pinyin typo (noted `(typo)`), then, after a
line `── 12 weak matches ──`, the weak ones (the query's characters or
letters scattered over the heading). When no match is close, that line
comes first and says `no close match · 12 weak matches`.

With --json, prints an array of objects with the fields report_id, township,
year, heading, path (the headings from the top, the last being `heading`),
score (higher is better, within a tier for headings; in full-text mode, how
often the query occurs in that paragraph); in headings mode, match (the
tier: close, homophone, typo or weak); in full-text mode, snippet,
paragraph (its index in the section), offset and length (of the hit in the
paragraph as written, in bytes).

Examples:
  baogao search zsyz
  baogao search --dir data/reports 招商引资
  baogao search --full-text --limit 5 垃圾分类
  baogao search --report pingyang-nanji-2020-work-summary --full-text 垃圾分类
  baogao search --json nanji";

/// Search headings (fuzzy, with pinyin) or paragraph text of a library.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct SearchArgs {
    /// What to look for.
    #[arg(value_name = "QUERY", required = true, num_args = 1..)]
    pub query: Vec<String>,

    /// Directory of report JSON files or raw reports (.txt, web pages,
    /// .docx, PDF; imported in memory), searched recursively; default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Search paragraph text for QUERY as written, instead of headings.
    #[arg(long)]
    pub full_text: bool,

    /// Search only the report with this id (as `baogao list` prints it).
    #[arg(long, value_name = "ID")]
    pub report: Option<String>,

    /// Print a JSON array instead of text.
    #[arg(long)]
    pub json: bool,

    /// Print at most N results (0: all; full text keeps at most the first
    /// 200 000 hits, and says so).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
}

/// One result, as printed.
#[derive(Debug, Serialize)]
struct Found<'a> {
    report_id: &'a str,
    township: Option<&'a str>,
    year: Option<i32>,
    heading: String,
    path: Vec<&'a str>,
    score: i64,
    /// A heading's tier; none for a full-text hit.
    #[serde(rename = "match", skip_serializing_if = "Option::is_none")]
    kind: Option<Tier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    offset: Option<u32>,
    /// The hit's length as written: a mark in the other width than the
    /// query's makes it differ from the query's.
    #[serde(skip_serializing_if = "Option::is_none")]
    length: Option<u32>,
}

/// A heading's tier, which `--json` names in lower case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tier(MatchKind);

impl Serialize for Tier {
    fn serialize<S: serde::Serializer>(&self, out: S) -> Result<S::Ok, S::Error> {
        out.serialize_str(match self.0 {
            MatchKind::Close => "close",
            MatchKind::Homophone => "homophone",
            MatchKind::Typo => "typo",
            MatchKind::Weak => "weak",
        })
    }
}

/// Width of a snippet in text output and JSON.
const SNIPPET_WIDTH: usize = 60;

pub fn run(args: &SearchArgs, widths: Widths, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let library = command_library(loaded.reports);
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        clap::Error::raw(
            clap::error::ErrorKind::InvalidValue,
            format!("{}\n", t("search.cli.empty")),
        )
        .exit();
    }
    let limit = if args.limit == 0 {
        usize::MAX
    } else {
        args.limit
    };
    let mode = if args.full_text {
        Mode::FullText
    } else {
        Mode::Headings
    };
    let scope = match &args.report {
        None => Scope::Library,
        Some(id) => match library.index_of(id) {
            Some(index) => Scope::Report(index),
            None => bail!("{}", unknown_report(id, args.dir.as_deref())),
        },
    };
    let mut searcher = Searcher::new(&library, limit);
    let results = searcher.search_in(scope, mode, &query);
    let found: Vec<Found> = match &results.matches {
        Matches::Headings { hits, .. } => hits
            .iter()
            .map(|hit| heading_result(&library, searcher.index(), hit))
            .collect(),
        Matches::Text { hits, .. } => hits
            .chunk_by(|a, b| {
                (a.report, a.section, a.paragraph) == (b.report, b.section, b.paragraph)
            })
            .flat_map(|paragraph| paragraph.iter().map(|hit| (hit, paragraph.len())))
            .take(limit)
            .map(|(hit, count)| text_result(&library, hit, count, widths))
            .collect(),
    };
    if args.json {
        out.write_all(serde_json::to_string_pretty(&found)?.as_bytes())?;
        out.write_all(b"\n")?;
    } else if found.is_empty() {
        eprintln!(
            "{}",
            tf(
                "search.cli.no_match",
                &[("query", &truncate(&text::clean(&query), 60, widths))]
            )
        );
    } else {
        let weak = match &results.matches {
            Matches::Headings { total, close, .. } => total.saturating_sub(*close),
            Matches::Text { .. } => 0,
        };
        for (place, result) in found.iter().enumerate() {
            let weak_tier = Some(Tier(MatchKind::Weak));
            let first_weak =
                result.kind == weak_tier && (place == 0 || found[place - 1].kind != weak_tier);
            if first_weak {
                print_divider(out, place == 0, weak, widths)?;
            }
            print_result(out, result)?;
        }
    }
    // Past MAX_TEXT_HITS the hits were cut, even with --limit 0: their
    // count is a floor, and the note says so on stderr in both formats.
    let cut = matches!(
        &results.matches,
        Matches::Text {
            complete: false,
            ..
        }
    );
    let limited = results.len() > found.len();
    if !found.is_empty() && (limited || cut) {
        let total = match cut {
            true => tf("search.cli.over", &[("n", &results.len())]),
            false => results.len().to_string(),
        };
        let why = match limited {
            true => "--limit".to_string(),
            false => tf("search.cli.kept", &[("n", &MAX_TEXT_HITS)]),
        };
        eprintln!(
            "{}",
            tf(
                "search.cli.shown",
                &[("shown", &found.len()), ("total", &total), ("why", &why)]
            )
        );
    }
    Ok(if loaded.errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}

fn heading_result<'a>(library: &'a Library, index: &SearchIndex, hit: &Scored) -> Found<'a> {
    let entry = &index.entries()[hit.entry as usize];
    let report = &library.reports()[entry.report as usize];
    let path = heading_path(report, &section_path(report, entry.section));
    Found {
        report_id: &report.id,
        township: report.township.as_deref(),
        year: report.year,
        // A report's entry text adds township and year to find it by them;
        // what it stands for is the report's title.
        heading: if entry.section == WHOLE_REPORT {
            report_title(report).to_string()
        } else {
            index.text(entry).to_string()
        },
        path,
        score: hit.score.into(),
        kind: Some(Tier(hit.kind)),
        snippet: None,
        paragraph: None,
        offset: None,
        length: None,
    }
}

fn text_result<'a>(
    library: &'a Library,
    hit: &TextHit,
    same_paragraph: usize,
    widths: Widths,
) -> Found<'a> {
    let report = &library.reports()[hit.report as usize];
    let path = heading_path(report, &section_path(report, hit.section));
    let heading = path.last().map_or(report.title.clone(), |h| h.to_string());
    let paragraph =
        baogao_search::fulltext::paragraph_text(library, hit.report, hit.section, hit.paragraph)
            .unwrap_or_default();
    // The hit as written, which may hold the other width of a mark.
    let start = hit.offset as usize;
    let cut = snippet(
        paragraph,
        start..start + hit.len as usize,
        SNIPPET_WIDTH,
        widths,
    );
    Found {
        report_id: &report.id,
        township: report.township.as_deref(),
        year: report.year,
        heading,
        path,
        score: same_paragraph as i64,
        kind: None,
        snippet: Some(cut.text),
        paragraph: Some(hit.paragraph),
        offset: Some(hit.offset),
        length: Some(hit.len),
    }
}

/// The headings from the top of the outline down to the section at `path`.
fn heading_path<'a>(report: &'a Report, path: &SectionPath) -> Vec<&'a str> {
    (1..=path.depth())
        .filter_map(|depth| report.section(&SectionPath(path.0[..depth].to_vec())))
        .map(|section| section.heading.as_str())
        .collect()
}

fn print_result(out: &mut dyn Write, result: &Found) -> std::io::Result<()> {
    let mut place = format!(
        "{} \u{B7} {}",
        township_label(result.township),
        year_label(result.year)
    );
    // A heading result is printed above its place: the place is its parents.
    let parents = match &result.snippet {
        None => &result.path[..result.path.len().saturating_sub(1)],
        Some(_) => &result.path[..],
    };
    for heading in parents {
        place.push_str(" \u{203A} ");
        place.push_str(heading);
    }
    let place = text::clean(&place);
    match &result.snippet {
        None => {
            let note = match result.kind.and_then(|Tier(kind)| tier::note(kind)) {
                Some(note) => format!("  {note}"),
                None => String::new(),
            };
            writeln!(
                out,
                "{}{note}\n    {place}  [{}]",
                text::clean(&result.heading),
                result.report_id
            )
        }
        Some(snippet) => writeln!(
            out,
            "{place}  [{}]\n    {}",
            result.report_id,
            text::clean(snippet)
        ),
    }
}

/// The line before the first weak match: how many there are, and, when
/// they come first, that no match is close.
fn print_divider(
    out: &mut dyn Write,
    first: bool,
    weak: usize,
    widths: Widths,
) -> std::io::Result<()> {
    let words = if first {
        tier::no_close_match(weak)
    } else {
        tier::weak_matches(weak)
    };
    // Two strokes each side: a line, not a ruler the width of a terminal
    // the output may never reach.
    let width = widths.str(&words) + 6;
    writeln!(out, "{}", tier::divider(&words, width, widths))
}
