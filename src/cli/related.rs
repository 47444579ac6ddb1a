//! `baogao related`: the sections of other reports on the topic of one
//! section (see `docs/compare.md`).

use super::compare::{dotted, heading, one_based};
use super::ids::unknown_report;
use super::{Outcome, command_library, load, report_load_errors, text};
use anyhow::bail;
use baogao_compare::{Kinship, RelatedIndex};
use baogao_i18n::{t, tf};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Sections are ranked by how much their heading and the start of their text
share with the section's (BM25 over pairs of characters), weighed by how
far the two agree on their areas of work (party building, the economy, the
environment, people's livelihood, town and village building, a review, a
plan: named by a lexicon of the field's words, the heading first), the
best section of each other report kept. The township's
other reports come first, then the other townships of its county, then the
rest; only sections scoring at least 0.6 of the best are listed.

--section takes the section's path, child indexes from the top counted from
1 and joined by dots (2.1 is the first child of the second section), or
text its heading contains (the first such section). Without it, every
top-level section is given with its related sections.

With --json, prints an array of objects: section ({path, heading}) and
related (report_id, township, county, year, path, heading, score, kinship:
township, county or elsewhere).

Examples:
  baogao related pingyang-nanji-2020-work-summary --section 1.3
  baogao related pingyang-nanji-2020-work-summary --section 垃圾分类 --json
  baogao related --dir data/reports ID --limit 5";

/// List the sections of other reports on the same topic as a section.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct RelatedArgs {
    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,

    /// Id of the report, as `baogao list` prints it.
    #[arg(value_name = "ID")]
    id: String,

    /// The section: its path (2.1) or text of its heading.
    #[arg(long, value_name = "PATH")]
    section: Option<String>,

    /// List at most N related sections per section.
    #[arg(long, value_name = "N", default_value_t = 10)]
    limit: usize,

    /// Print a JSON array instead of text.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Serialize)]
struct SectionOut<'a> {
    path: Vec<usize>,
    heading: &'a str,
}

#[derive(Debug, Serialize)]
struct RelatedOut<'a> {
    report_id: &'a str,
    township: Option<&'a str>,
    county: Option<&'a str>,
    year: Option<i32>,
    path: Vec<usize>,
    heading: &'a str,
    score: f32,
    #[serde(serialize_with = "kinship_id")]
    kinship: Kinship,
}

#[derive(Debug, Serialize)]
struct Listing<'a> {
    section: SectionOut<'a>,
    related: Vec<RelatedOut<'a>>,
}

/// The section `--section` names in `report`.
fn find_section(report: &Report, wanted: &str) -> Option<SectionPath> {
    let numbers: Option<Vec<usize>> = wanted
        .split('.')
        .map(|n| {
            n.trim()
                .parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .map(|n| n - 1)
        })
        .collect();
    if let Some(numbers) = numbers {
        let path = SectionPath(numbers);
        return report.section(&path).map(|_| path);
    }
    report
        .outline()
        .find(|(_, section)| section.heading.contains(wanted))
        .map(|(path, _)| path)
}

/// The kinship as JSON names it.
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes the field by reference"
)]
fn kinship_id<S: serde::Serializer>(kinship: &Kinship, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(match kinship {
        Kinship::SameTownship => "township",
        Kinship::SameCounty => "county",
        Kinship::Elsewhere => "elsewhere",
    })
}

pub fn run(args: &RelatedArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let failed = !loaded.errors.is_empty();
    let library = command_library(loaded.reports);
    let Some(index) = library.index_of(&args.id) else {
        bail!("{}", unknown_report(&args.id, args.dir.as_deref()));
    };
    let report = &library.reports()[index];
    let paths: Vec<SectionPath> = match &args.section {
        Some(wanted) => match find_section(report, wanted) {
            Some(path) => vec![path],
            None => bail!(
                "{}",
                tf(
                    "related.no_section",
                    &[("id", &args.id), ("section", &text::clean(wanted))]
                )
            ),
        },
        None => (0..report.sections.len())
            .map(|i| SectionPath(vec![i]))
            .collect(),
    };
    let related = RelatedIndex::build(&library);
    let listings: Vec<Listing> = paths
        .iter()
        .map(|path| listing(&library, &related, index, path, args.limit))
        .collect();
    if args.json {
        out.write_all(serde_json::to_string_pretty(&listings)?.as_bytes())?;
        out.write_all(b"\n")?;
    } else {
        print(out, &listings)?;
    }
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn listing<'a>(
    library: &'a Library,
    related: &RelatedIndex,
    index: usize,
    path: &SectionPath,
    limit: usize,
) -> Listing<'a> {
    let report = &library.reports()[index];
    Listing {
        section: SectionOut {
            path: one_based(path),
            heading: heading(report, path),
        },
        related: related
            .related(library, index, path, limit)
            .into_iter()
            .map(|found| {
                let other = &library.reports()[found.report];
                RelatedOut {
                    report_id: &other.id,
                    township: other.township.as_deref(),
                    county: other.county.as_deref(),
                    year: other.year,
                    path: one_based(&found.path),
                    heading: heading(other, &found.path),
                    score: (found.score * 100.0).round() / 100.0,
                    kinship: found.kinship,
                }
            })
            .collect(),
    }
}

fn print(out: &mut dyn Write, listings: &[Listing]) -> std::io::Result<()> {
    for (k, listing) in listings.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{} {}",
            dotted(&listing.section.path),
            text::clean(listing.section.heading)
        )?;
        if listing.related.is_empty() {
            writeln!(out, "  {}", t("related.none"))?;
        }
        for found in &listing.related {
            let place = tf(
                "related.place",
                &[
                    (
                        "township",
                        &baogao_tui::shelf::township_label(found.township),
                    ),
                    ("year", &baogao_tui::shelf::year_label(found.year)),
                    ("kinship", &baogao_tui::kinship_label(found.kinship)),
                ],
            );
            writeln!(
                out,
                "  {:>6.2}  {}  {}\n          {place}  [{}]",
                found.score,
                dotted(&found.path),
                text::clean(found.heading),
                found.report_id,
            )?;
        }
    }
    Ok(())
}
