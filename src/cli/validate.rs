//! `baogao validate`: every problem in a library, one per line, and a count.
//!
//! Problems are files that do not load (malformed JSON, unknown schema,
//! missing fields) and what the loader's `validate` finds across the loaded
//! reports (duplicate ids, bad ids or dates…). Any problem makes the exit
//! status 1, so the command can guard a commit or a CI run.

use super::{Outcome, load, text};
use baogao_i18n::{t, tf};
use baogao_report::load::{sort_by_place, validate};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Checks, for every *.json file under DIR:
  - the file loads: UTF-8, well-formed JSON, schema 1, every required field
    present and of the right type;
  - its id is not used by another file;
  - its id is lowercase a-z, 0-9 and '-', not starting with '-', and not a
    Windows device name (con, prn, aux, nul, com1…, lpt1…);
  - published, when present, is a real date written YYYY-MM-DD;
  - year, when present, is within 1949..=2100;
  - the title and every heading are not empty;
  - the file is named <id>.json.

Prints each problem as path:line:col: reason (or path: reason when no line
applies), in path order and, within a file, in line order; then a summary
such as `5 reports, 0 problems`. Every problem counts: any makes the exit
status 1.

Examples:
  baogao validate
  baogao validate data/reports";

/// Check a library of report JSON files and print every problem found.
///
/// Without DIR, checks the reports bundled in the binary. Exit status 0 when
/// there is no problem, 1 otherwise.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ValidateArgs {
    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,

    /// The same directory, named as every command that reads a library
    /// takes it (`--dir DIR`, as `show` and `search` do).
    #[arg(long = "dir", value_name = "DIR", conflicts_with = "dir")]
    dir_option: Option<PathBuf>,
}

pub fn run(args: &ValidateArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir_option.as_deref().or(args.dir.as_deref()))?;
    // Load errors and semantic problems in one list, in path order.
    let mut found = validate(&loaded);
    found.extend(loaded.errors.iter().cloned());
    sort_by_place(&mut found);
    let problems: Vec<String> = found
        .iter()
        .map(|problem| text::clean(&problem.to_string()).into_owned())
        .collect();
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    writeln!(out, "{}", summary(loaded.reports.len(), problems.len()))?;
    Ok(if problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}

fn summary(reports: usize, problems: usize) -> String {
    let plural = |n: usize, noun: &str| {
        let form = if n == 1 { "one" } else { "many" };
        baogao_i18n::fill(t(&format!("{noun}.{form}")), &[("n", &n)])
    };
    tf(
        "validate.summary",
        &[
            ("reports", &plural(reports, "count.report")),
            ("problems", &plural(problems, "validate.problem")),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_with_plurals() {
        assert_eq!(summary(5, 0), "5 reports, 0 problems");
        assert_eq!(summary(1, 1), "1 report, 1 problem");
    }
}
