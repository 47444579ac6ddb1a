//! `baogao show`: one report as plain text (or its JSON).
//!
//! The text is meant both for a terminal and for a file: headings indented
//! two spaces per outline level, paragraphs opened with the two ideographic
//! spaces of printed Chinese (首行缩进), blank lines between blocks. On a
//! terminal (or with `--width`) lines are wrapped by the reader's CJK
//! wrapper, so no line starts with "，"; in a file each paragraph is one line.
//! Half-width `,` `;` `:` `(` `)` between Chinese characters are printed
//! full-width, as the reader shows them, unless `--as-written` asks for the
//! text exactly as the report has it.

use super::ids::list_hint;
use super::{Outcome, command_library, describe_source, load, report_load_errors, text};
use anyhow::bail;
use baogao_i18n::{t, tf};
use baogao_layout::{PARAGRAPH_INDENT, Widths, full_width_punctuation, wrap_cjk};
use baogao_report::library::Library;
use baogao_report::load::parse_bytes;
use baogao_report::model::Report;
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "\
`baogao list` prints the ids.

Examples:
  baogao show pingyang-nanji-2020-work-summary
  baogao show --dir data/reports pingyang-nanji-2020-work-summary --json
  baogao show pingyang-nanji-2020-work-summary > 南麂镇2020.txt";

/// Show one report as readable text: title, metadata, preamble, then the
/// headings and paragraphs of the outline.
///
/// Without --dir, the report is looked up among the reports bundled in the
/// binary. When DIR/ID.json holds the report (as `baogao import` names
/// files), only that file is read; otherwise the whole directory is loaded,
/// and files in it that fail to load are named on stderr. An unknown ID
/// exits with status 1.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ShowArgs {
    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,

    /// Id of the report, as `baogao list` prints it.
    #[arg(value_name = "ID")]
    id: String,

    /// Print the report's JSON (schema 1) instead of text.
    #[arg(long)]
    json: bool,

    /// Wrap lines at N display cells (Chinese characters take two). Default:
    /// the terminal's width when printing to a terminal, else no wrapping
    /// (one line per paragraph); 0 turns wrapping off.
    #[arg(long, value_name = "N")]
    width: Option<usize>,

    /// Print punctuation exactly as the report has it. By default a
    /// half-width `,` `;` `:` `(` `)` between Chinese characters is printed
    /// full-width (，；：（）), never inside numbers or Latin text.
    #[arg(long)]
    as_written: bool,
}

pub fn run(args: &ShowArgs, widths: Widths, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if let Some(report) = args
        .dir
        .as_deref()
        .and_then(|dir| named_file(dir, &args.id))
    {
        print(&report, args, widths, out)?;
        return Ok(Outcome::Clean);
    }
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let failed_files = loaded.errors.len();
    let library = command_library(loaded.reports);
    let Some(report) = library.find(&args.id) else {
        bail!("{}", unknown_id_message(&library, args, failed_files));
    };
    print(report, args, widths, out)?;
    // The requested report was shown; files that failed to load were named
    // on stderr and do not make this command fail.
    Ok(Outcome::Clean)
}

/// The report `DIR/ID.json` holds, if it is the one with that id: reading
/// one file instead of a library of 30 000 (over a second).
fn named_file(dir: &Path, id: &str) -> Option<Report> {
    // An id with a path in it names no file here.
    if id.is_empty() || id.contains(['/', '\\']) || id.starts_with('.') {
        return None;
    }
    let path = dir.join(format!("{id}.json"));
    // Only a regular file, as the loader reads: a FIFO would never end.
    if !std::fs::metadata(&path).is_ok_and(|meta| meta.is_file()) {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    parse_bytes(&bytes, &path)
        .ok()
        .filter(|report| report.id == id)
}

fn print(
    report: &Report,
    args: &ShowArgs,
    widths: Widths,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if args.json {
        out.write_all(report.to_json_pretty().as_bytes())?;
    } else {
        out.write_all(
            render(
                report,
                wrap_width(args.width).map(|width| Wrap { width, widths }),
                !args.as_written,
            )
            .as_bytes(),
        )?;
    }
    Ok(())
}

/// Why there is no report to show, in whole sentences: what was not found
/// where, similar ids, files that might have held it, and the command that
/// lists every id.
fn unknown_id_message(library: &Library, args: &ShowArgs, failed_files: usize) -> String {
    let mut sentences = vec![tf(
        "show.unknown",
        &[
            ("id", &args.id),
            ("source", &describe_source(args.dir.as_deref())),
        ],
    )];
    let needle = args.id.to_lowercase();
    let similar: Vec<&str> = library
        .reports()
        .iter()
        .map(|r| r.id.as_str())
        .filter(|id| !needle.is_empty() && (id.contains(&needle) || needle.contains(id)))
        .take(3)
        .collect();
    if !similar.is_empty() {
        sentences.push(tf("show.did_you_mean", &[("ids", &similar.join(", "))]));
    }
    match failed_files {
        0 => {}
        1 => sentences.push(t("show.failed.one").to_string()),
        n => sentences.push(tf("show.failed.many", &[("n", &n)])),
    }
    sentences.push(list_hint(args.dir.as_deref()));
    sentences.join(t("cli.sentence_gap"))
}

/// Wrapping: at `width` cells, measured with `widths`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wrap {
    width: usize,
    widths: Widths,
}

/// The width to wrap at: as asked, else the terminal's when printing to one.
fn wrap_width(asked: Option<usize>) -> Option<usize> {
    match asked {
        Some(0) => None,
        Some(width) => Some(width),
        None if std::io::stdout().is_terminal() => crossterm::terminal::size()
            .ok()
            .map(|(columns, _)| usize::from(columns)),
        None => None,
    }
}

/// The report as plain text, ending in a newline; lines at most `width`
/// cells when given; with `full_width`, half-width marks between Chinese
/// characters printed full-width.
pub(super) fn render(report: &Report, wrap: Option<Wrap>, full_width: bool) -> String {
    let shown = |text: &str| -> String {
        if full_width {
            full_width_punctuation(text).into_owned()
        } else {
            text.to_string()
        }
    };
    let mut page = String::new();
    push_wrapped(&mut page, "", "", &shown(&report.title), wrap);
    let title_width = page.lines().map(text::width).max().unwrap_or(0);
    page.push_str(&"=".repeat(title_width));
    page.push('\n');
    page.push('\n');
    let kind = format!(
        "{} ({})",
        text::kind_label(report.kind),
        report.kind.label_zh(report.period)
    );
    let year = report.year.map(|y| y.to_string());
    let fields: [(&str, Option<&str>); 12] = [
        (t("show.id"), Some(&report.id)),
        (t("show.township"), report.township.as_deref()),
        (t("show.county"), report.county.as_deref()),
        (t("show.city"), report.city.as_deref()),
        (t("show.province"), report.province.as_deref()),
        (t("show.code"), report.code.as_deref()),
        (t("show.year"), year.as_deref()),
        (t("show.period"), Some(text::period_label(report.period))),
        (t("show.kind"), Some(&kind)),
        (t("show.published"), report.published.as_deref()),
        (t("show.publisher"), report.publisher.as_deref()),
        (t("show.source"), report.source.as_deref()),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            let mut lines = String::new();
            // Values line up after the widest label; wrapped lines too.
            push_wrapped(&mut lines, &" ".repeat(11), "", value, wrap);
            page.push_str(&text::pad_right(&format!("{label}:"), 11));
            page.push_str(lines.trim_start_matches(' '));
        }
    }
    let paragraphs = |page: &mut String, indent: &str, paragraphs: &[String]| {
        for paragraph in paragraphs {
            page.push('\n');
            push_wrapped(page, indent, &opening(), &shown(paragraph), wrap);
        }
    };
    paragraphs(&mut page, "", &report.preamble);
    for (path, section) in report.outline() {
        let indent = "  ".repeat(path.depth() - 1);
        page.push('\n');
        push_wrapped(&mut page, &indent, "", &shown(&section.heading), wrap);
        paragraphs(&mut page, &indent, &section.paragraphs);
    }
    page
}

/// What opens a paragraph: ideographic spaces as wide as the reader's
/// indent (两个字符, four cells).
fn opening() -> String {
    "\u{3000}".repeat(PARAGRAPH_INDENT / 2)
}

/// One block: `indent` before every line, `opening` before the first, the
/// text wrapped by the CJK wrapper when a width is given.
fn push_wrapped(page: &mut String, indent: &str, opening: &str, block: &str, wrap: Option<Wrap>) {
    let block = text::clean(block);
    let Some(Wrap { width, widths }) = wrap else {
        page.push_str(indent);
        page.push_str(opening);
        page.push_str(&block);
        page.push('\n');
        return;
    };
    let room = width.saturating_sub(widths.str(indent)).max(2);
    for (i, line) in wrap_cjk(&block, room, widths.str(opening), widths)
        .iter()
        .enumerate()
    {
        page.push_str(indent);
        if i == 0 && line.indent > 0 {
            page.push_str(opening);
        }
        page.push_str(line.text(&block).trim_end());
        page.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use baogao_report::model::{Kind, Period, SCHEMA_VERSION, Section};

    fn section(heading: &str, paragraphs: &[&str], sections: Vec<Section>) -> Section {
        Section {
            heading: heading.to_string(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            sections,
        }
    }

    #[test]
    fn renders_metadata_outline_and_paragraphs() {
        let report = Report {
            schema: SCHEMA_VERSION,
            id: "nanji-2020-work-summary".to_string(),
            title: "南麂镇2020年工作总结".to_string(),
            township: Some("南麂镇".to_string()),
            county: Some("平阳县".to_string()),
            city: None,
            province: None,
            code: None,
            year: Some(2020),
            period: Period::HalfYear,
            kind: Kind::WorkSummary,
            published: Some("2022-02-16".to_string()),
            publisher: None,
            source: None,
            preamble: vec!["今年以来,……".to_string()],
            sections: vec![section(
                "一、2020年工作总结",
                &[],
                vec![section(
                    "(一)千方百计促发展。",
                    &["一年来,\x1b[31m……"],
                    vec![],
                )],
            )],
        };
        let page = render(&report, None, false);
        let expected = "\
南麂镇2020年工作总结
====================

id:        nanji-2020-work-summary
township:  南麂镇
county:    平阳县
year:      2020
period:    half-year
kind:      work-summary (上半年工作总结)
published: 2022-02-16

\u{3000}\u{3000}今年以来,……

一、2020年工作总结

  (一)千方百计促发展。

  \u{3000}\u{3000}一年来,……
";
        assert_eq!(page, expected);
        // By default marks between Chinese characters are full-width.
        let page = render(&report, None, true);
        assert!(
            page.contains("\u{3000}\u{3000}今年以来\u{FF0C}……"),
            "{page}"
        );
        assert!(
            page.contains("\u{FF08}一\u{FF09}千方百计促发展。"),
            "{page}"
        );
        assert!(page.contains("2022-02-16"), "{page}");
    }
}
