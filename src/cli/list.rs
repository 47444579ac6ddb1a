//! `baogao list`: the reports of a library as an aligned table or as JSON.
//!
//! The table is aligned by display width, so Chinese names and titles (two
//! cells per character) line up in a terminal. Files that fail to load are
//! named on stderr and the exit status is 1, but everything that did load is
//! still listed.

use super::{Outcome, command_library, load, report_load_errors, text};
use baogao_i18n::{t, tf};
use baogao_report::library::Library;
use baogao_report::model::Report;
use clap::Args;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Columns: id, township, county, year, period (annual or half-year), kind
(work-summary, government-work-report or other), title, and the number of
sections at every level of the outline. A missing value is shown as -.

Examples:
  baogao list
  baogao list data/reports
  baogao list ~/reports --json";

/// List the reports of a library: id, township, county, year, period, kind,
/// title and number of sections.
///
/// Without DIR, lists the reports bundled in the binary. Reports are sorted
/// by township (pinyin order), then year, with unnamed townships last. A file
/// that fails to load is named on stderr (path:line:col: reason) and the exit
/// status is 1, but the reports that loaded are still listed.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ListArgs {
    /// Directory of report JSON files or raw reports (.txt, web pages,
    /// .docx, PDF; imported in memory), searched recursively; default: the
    /// bundled reports.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// The same directory, named as every command that reads a library
    /// takes it (`--dir DIR`, as `show` and `search` do).
    #[arg(long = "dir", value_name = "DIR", conflicts_with = "dir")]
    pub dir_option: Option<PathBuf>,

    /// Print a JSON array of objects with the fields id, township, county,
    /// city, province, code, year, period, kind, title and sections,
    /// instead of the table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ListArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir_option.as_deref().or(args.dir.as_deref()))?;
    report_load_errors(&loaded.errors);
    let library = command_library(loaded.reports);
    if args.json {
        out.write_all(render_json(&library)?.as_bytes())?;
    } else if library.is_empty() {
        let dir = args
            .dir_option
            .as_ref()
            .or(args.dir.as_ref())
            .map(|dir| dir.display().to_string());
        match dir {
            // The errors are printed above; "no report files" would be untrue.
            _ if !loaded.errors.is_empty() => eprintln!("{}", t("list.none_loaded")),
            Some(dir) => eprintln!("{}", tf("list.no_files", &[("dir", &text::clean(&dir))])),
            None => eprintln!("{}", t("list.none_bundled")),
        }
    } else {
        out.write_all(render_table(&library).as_bytes())?;
    }
    Ok(if loaded.errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}

/// One row of `list --json`; field names are part of the command's interface.
#[derive(Debug, Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    township: Option<&'a str>,
    county: Option<&'a str>,
    city: Option<&'a str>,
    province: Option<&'a str>,
    code: Option<&'a str>,
    year: Option<i32>,
    period: &'static str,
    kind: &'static str,
    title: &'a str,
    sections: usize,
}

impl<'a> From<&'a Report> for ListEntry<'a> {
    fn from(report: &'a Report) -> Self {
        ListEntry {
            id: &report.id,
            township: report.township.as_deref(),
            county: report.county.as_deref(),
            city: report.city.as_deref(),
            province: report.province.as_deref(),
            code: report.code.as_deref(),
            year: report.year,
            period: report.period.as_str(),
            kind: report.kind.as_str(),
            title: &report.title,
            sections: report.section_count(),
        }
    }
}

fn render_json(library: &Library) -> serde_json::Result<String> {
    let entries: Vec<ListEntry> = library.reports().iter().map(ListEntry::from).collect();
    let mut json = serde_json::to_string_pretty(&entries)?;
    json.push('\n');
    Ok(json)
}

/// The table's column headings, as catalogue keys.
const HEADER: [&str; 8] = [
    "list.id",
    "list.township",
    "list.county",
    "list.year",
    "list.period",
    "list.kind",
    "list.title",
    "list.sections",
];

fn render_table(library: &Library) -> String {
    let rows: Vec<[String; 8]> = std::iter::once(HEADER.map(|key| t(key).to_string()))
        .chain(library.reports().iter().map(table_row))
        .collect();
    let mut widths = [0; 8];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(text::width(cell));
        }
    }
    let mut table = String::new();
    for row in &rows {
        let (last, rest) = (&row[7], &row[..7]);
        for (cell, &width) in rest.iter().zip(&widths) {
            table.push_str(&text::pad_right(cell, width));
            table.push_str("  ");
        }
        // Counts read best right-aligned; being last, the column also leaves
        // no trailing spaces.
        table.push_str(&text::pad_left(last, widths[7]));
        table.push('\n');
    }
    table
}

fn table_row(report: &Report) -> [String; 8] {
    let or_dash = |value: Option<&str>| text::clean(value.unwrap_or("-")).into_owned();
    [
        text::clean(&report.id).into_owned(),
        or_dash(report.township.as_deref()),
        or_dash(report.county.as_deref()),
        report
            .year
            .map_or_else(|| "-".to_string(), |y| y.to_string()),
        text::period_label(report.period).to_string(),
        text::kind_label(report.kind).to_string(),
        text::clean(&report.title).into_owned(),
        report.section_count().to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_report::model::{Kind, Section};

    fn report(id: &str, township: Option<&str>, title: &str, sections: usize) -> Report {
        Report {
            township: township.map(String::from),
            year: Some(2020),
            kind: Kind::WorkSummary,
            sections: (0..sections)
                .map(|i| Section {
                    heading: format!("{i}、"),
                    paragraphs: vec![],
                    sections: vec![],
                })
                .collect(),
            ..Report::new(id, title)
        }
    }

    #[test]
    fn table_columns_line_up_by_display_width() {
        let library = Library::new(vec![
            report("a", Some("南麂镇"), "南麂镇2020年工作总结", 12),
            report("bb", Some("某某街道"), "t", 3),
            report("c", None, "x\x1b[1my\x07", 0),
        ]);
        let table = render_table(&library);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 4);
        // Every row is as wide as the header, and each column starts at the
        // same display column.
        let title_column = |line: &str| {
            let byte = line.find("TITLE").or_else(|| line.find("南麂镇2020"));
            byte.map(|b| text::width(&line[..b]))
        };
        let header_width = text::width(lines[0]);
        for line in &lines {
            assert_eq!(text::width(line), header_width, "{line:?}");
            assert!(!line.ends_with(' '));
        }
        assert_eq!(
            title_column(lines[0]),
            title_column(&table_line(&lines, "南麂镇2020"))
        );
        assert!(
            table.contains("xy\u{2407}"),
            "escape sequences go, other control characters are made visible"
        );
        assert!(!table.contains('\x1b') && !table.contains('\x07'));
    }

    fn table_line(lines: &[&str], needle: &str) -> String {
        lines
            .iter()
            .find(|l| l.contains(needle))
            .unwrap()
            .to_string()
    }

    #[test]
    fn json_has_the_documented_fields() {
        let library = Library::new(vec![report("a", None, "t", 2)]);
        let value: serde_json::Value =
            serde_json::from_str(&render_json(&library).unwrap()).unwrap();
        let entry = &value[0];
        for field in [
            "id", "township", "county", "year", "period", "kind", "title", "sections",
        ] {
            assert!(entry.get(field).is_some(), "missing {field}");
        }
        assert_eq!(entry["township"], serde_json::Value::Null);
        assert_eq!(entry["sections"], 2);
        assert_eq!(entry["kind"], "work-summary");
    }
}
