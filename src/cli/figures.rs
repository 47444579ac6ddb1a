//! `baogao figures`: the key figures of the library or of one report (the
//! quantities the text states, with what they measure), as a table, JSON
//! or CSV for a spreadsheet.

use super::{Outcome, command_library, load, report_load_errors, text};
use anyhow::bail;
use baogao_figures::{Located, of_report, similar};
use baogao_report::model::Report;
use clap::Args;
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
A figure is a number with a unit stated in a report's text: 完成固定资产投资
11892万元, 参保率达99.8%以上, 同比增长10.8%, 深水网箱223个. Each has an
indicator (what it measures, as written), a value (Chinese numerals
converted; 万 and 亿 stay in the unit), the unit as written, a kind (level,
count, share or growth; a fall is a negative growth), a qualifier (约, 近,
超, 以上, 余, 多…) and the section it stands in. Dates, years, ordinals,
document numbers and list numbering are not figures. The rules are in
docs/figures/SPEC.md.

--indicator keeps the figures whose indicator is the text given or near it
(one holds the other, or they share half their character pairs), so
`--indicator 固定资产投资` also finds 完成固定资产投资额.

With --json, prints an array of objects with the fields report_id,
township, county, year, section, indicator, value, value_max (a range's
upper end, when there is one), unit, base_value and base_unit (the value
with 万/亿 multiplied out, to compare), kind, qualifier, text and sentence.
--csv prints the same fields as comma-separated values in UTF-8 (a header
row, fields quoted where needed, lines ending CRLF); add --bom for Excel,
which reads UTF-8 only after a byte-order mark.

Examples:
  baogao figures pingyang-nanji-2020-work-summary
  baogao figures --indicator 固定资产投资
  baogao figures --dir data/reports --csv --bom > figures.csv";

/// List the key figures (numbers with units) the reports state.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct FiguresArgs {
    /// Only the report with this id (as `baogao list` prints it).
    #[arg(value_name = "ID")]
    pub id: Option<String>,

    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Only figures whose indicator is this text or near it.
    #[arg(long, value_name = "TEXT")]
    pub indicator: Option<String>,

    /// Print a JSON array instead of a table.
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,

    /// Print CSV (UTF-8) instead of a table.
    #[arg(long)]
    pub csv: bool,

    /// Begin the CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long, requires = "csv")]
    pub bom: bool,
}

/// One figure, as printed.
#[derive(Debug, Serialize)]
struct Row<'a> {
    report_id: &'a str,
    township: Option<&'a str>,
    county: Option<&'a str>,
    year: Option<i32>,
    section: String,
    indicator: String,
    value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_max: Option<f64>,
    unit: String,
    base_value: f64,
    base_unit: String,
    kind: &'static str,
    qualifier: Option<String>,
    text: String,
    sentence: String,
}

const CSV_HEADER: [&str; 15] = [
    "report_id",
    "township",
    "county",
    "year",
    "section",
    "indicator",
    "value",
    "value_max",
    "unit",
    "base_value",
    "base_unit",
    "kind",
    "qualifier",
    "text",
    "sentence",
];

pub fn run(args: &FiguresArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let library = command_library(loaded.reports);
    let reports: Vec<&Report> = match &args.id {
        Some(id) => match library.find(id) {
            Some(report) => vec![report],
            None => bail!(
                "no report has the id {}; `baogao list` prints the ids",
                text::clean(id)
            ),
        },
        None => library.reports().iter().collect(),
    };
    // Figures are computed here, on demand, not at load: over 10 000
    // reports that takes a few seconds, in parallel over reports.
    let computed: Vec<(&Report, Vec<Located>)> =
        reports.par_iter().map(|r| (*r, of_report(r))).collect();
    let mut rows = Vec::new();
    for (report, figures) in computed {
        for located in figures {
            if args
                .indicator
                .as_deref()
                .is_some_and(|wanted| !similar(&located.figure.indicator, wanted))
            {
                continue;
            }
            rows.push(row(report, located));
        }
    }
    if args.json {
        out.write_all(serde_json::to_string_pretty(&rows)?.as_bytes())?;
        out.write_all(b"\n")?;
    } else if args.csv {
        write_csv(out, &rows, args.bom)?;
    } else if rows.is_empty() {
        eprintln!("no figures");
    } else {
        write_table(out, &rows)?;
    }
    Ok(Outcome::Clean)
}

fn row(report: &Report, located: Located) -> Row<'_> {
    let f = located.figure;
    Row {
        report_id: &report.id,
        township: report.township.as_deref(),
        county: report.county.as_deref(),
        year: report.year,
        section: located.heading,
        base_value: f.normalised(),
        base_unit: f.base_unit.clone(),
        indicator: f.indicator,
        value: f.value,
        value_max: f.value_max,
        unit: f.unit,
        kind: f.kind.as_str(),
        qualifier: f.qualifier,
        text: f.text,
        sentence: f.sentence,
    }
}

/// The table: one block per report, a figure a line.
fn write_table(out: &mut dyn Write, rows: &[Row]) -> anyhow::Result<()> {
    let indicator_width = rows
        .iter()
        .map(|r| text::width(&r.indicator))
        .max()
        .unwrap_or(0)
        .min(30);
    let mut last = "";
    for r in rows {
        if r.report_id != last {
            if !last.is_empty() {
                writeln!(out)?;
            }
            let place = r.township.unwrap_or("?");
            let year = r.year.map_or_else(|| "?".to_string(), |y| y.to_string());
            writeln!(
                out,
                "{} · {year} · {}",
                text::clean(place),
                text::clean(r.report_id)
            )?;
            last = r.report_id;
        }
        let value = match r.value_max {
            Some(max) => format!("{}-{max}", r.value),
            None => r.value.to_string(),
        };
        let qualifier = r.qualifier.as_deref().unwrap_or("");
        writeln!(
            out,
            "  {}  {} {}  {}  {:<6}  {}",
            text::pad_right(&text::clean(&r.indicator), indicator_width),
            text::pad_left(&value, 10),
            text::pad_right(&text::clean(&r.unit), 8),
            text::pad_right(&text::clean(qualifier), 4),
            r.kind,
            text::clean(&r.section),
        )?;
    }
    Ok(())
}

/// One CSV field, quoted when it holds a comma, a quote or a line break
/// (RFC 4180), and with a leading = + - @ neutralised so a spreadsheet
/// does not take report text for a formula.
fn csv_field(value: &str) -> String {
    let value = text::clean(value);
    let risky = value.starts_with(['=', '+', '@'])
        || (value.starts_with('-') && value.parse::<f64>().is_err());
    let value = if risky {
        format!("'{value}")
    } else {
        value.into_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn write_csv(out: &mut dyn Write, rows: &[Row], bom: bool) -> anyhow::Result<()> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    out.write_all(CSV_HEADER.join(",").as_bytes())?;
    out.write_all(b"\r\n")?;
    for r in rows {
        let fields = [
            r.report_id.to_string(),
            r.township.unwrap_or_default().to_string(),
            r.county.unwrap_or_default().to_string(),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.section.clone(),
            r.indicator.clone(),
            r.value.to_string(),
            r.value_max.map(|v| v.to_string()).unwrap_or_default(),
            r.unit.clone(),
            r.base_value.to_string(),
            r.base_unit.clone(),
            r.kind.to_string(),
            r.qualifier.clone().unwrap_or_default(),
            r.text.clone(),
            r.sentence.clone(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.write_all(line.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    Ok(())
}
