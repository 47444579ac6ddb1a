//! `baogao export`: one report, or one section of it, as Markdown, plain
//! text or JSON, on standard output or in a file.
//!
//! Markdown is the text a person pastes into their own notes: the metadata
//! as a front block (`---` … `---`, YAML whose values are JSON strings, so
//! any text is safe in it), the title as `#`, the outline as `##`, `###`, …
//! (a level past six stays `######`), and each paragraph as written, with
//! only the characters Markdown would read as markup escaped, so that a
//! Markdown parser reads back the same headings and paragraphs. Plain text
//! is `baogao show`'s, unwrapped and as written; JSON is the report file's
//! schema 1 (a section alone is a report holding that one section).

use super::{Outcome, command_library, load, report_load_errors, show};
use anyhow::{Context, bail};
use baogao_i18n::tf;
use baogao_report::model::{Report, Section, SectionPath};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "\
Examples:
  baogao export pingyang-nanji-2020-work-summary --format md > 南麂镇2020.md
  baogao export pingyang-nanji-2020-work-summary --section 1.2 --format txt
  baogao export pingyang-nanji-2020-work-summary --format json --out nanji.json";

/// Export one report (or one section) as Markdown, plain text or JSON.
///
/// Markdown has the metadata as a front block, the outline as headings
/// (#, ##, …) and the paragraphs as written. An existing --out file is
/// never overwritten without --force.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ExportArgs {
    /// Id of the report, as `baogao list` prints it.
    #[arg(value_name = "ID")]
    id: String,

    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,

    /// One section only, by its place in the outline counted from 1:
    /// `2` is the second top-level section, `2.3` its third subsection.
    #[arg(long, value_name = "PATH")]
    section: Option<String>,

    /// What to write.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,

    /// Write to FILE instead of standard output (atomically).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,

    /// Overwrite FILE when it exists.
    #[arg(long, requires = "out")]
    force: bool,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Md,
    Txt,
    Json,
}

pub fn run(args: &ExportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let library = command_library(loaded.reports);
    let Some(report) = library.find(&args.id) else {
        bail!(
            "{}",
            tf(
                "show.unknown",
                &[
                    ("id", &args.id),
                    ("source", &super::describe_source(args.dir.as_deref()))
                ]
            )
        );
    };
    let part = match &args.section {
        None => report.clone(),
        Some(path) => {
            let Some(section) = parse_path(path).and_then(|path| report.section(&path)) else {
                bail!("{}", tf("export.no_section", &[("path", path)]));
            };
            only_section(report, section)
        }
    };
    let text = match args.format {
        Format::Md => markdown(&part),
        Format::Txt => show::render(&part, None, false),
        Format::Json => part.to_json_pretty(),
    };
    match &args.out {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            write_file(path, text.as_bytes(), args.force)?;
            eprintln!(
                "{}",
                tf("export.wrote", &[("file", &path.display().to_string())])
            );
        }
    }
    Ok(Outcome::Clean)
}

/// A section path as the command line spells it (`2.3`, counted from 1).
fn parse_path(text: &str) -> Option<SectionPath> {
    let indexes: Option<Vec<usize>> = text
        .split('.')
        .map(|part| part.trim().parse::<usize>().ok()?.checked_sub(1))
        .collect();
    indexes.filter(|path| !path.is_empty()).map(SectionPath)
}

/// The report with one section as its whole outline, and no preamble.
fn only_section(report: &Report, section: &Section) -> Report {
    Report {
        preamble: Vec::new(),
        sections: vec![section.clone()],
        ..report.clone()
    }
}

/// Write `bytes` to `path` through a temporary file beside it: a reader
/// never sees half a file, and an existing one is kept unless `force`.
fn write_file(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".baogao-export-")
        .tempfile_in(dir)
        .with_context(|| tf("export.cannot_write", &[("file", &path.display())]))?;
    file.write_all(bytes)
        .with_context(|| tf("export.cannot_write", &[("file", &path.display())]))?;
    if force {
        file.persist(path)
            .with_context(|| tf("export.cannot_write", &[("file", &path.display())]))?;
    } else if let Err(error) = file.persist_noclobber(path) {
        if error.error.kind() == std::io::ErrorKind::AlreadyExists {
            bail!("{}", tf("export.exists", &[("file", &path.display())]));
        }
        return Err(error.error)
            .with_context(|| tf("export.cannot_write", &[("file", &path.display())]));
    }
    Ok(())
}

/// The report as Markdown: front block, title, preamble, outline.
pub(super) fn markdown(report: &Report) -> String {
    let mut md = String::from("---\n");
    let fields: [(&str, Option<&str>); 12] = [
        ("id", Some(&report.id)),
        ("title", Some(&report.title)),
        ("township", report.township.as_deref()),
        ("county", report.county.as_deref()),
        ("city", report.city.as_deref()),
        ("province", report.province.as_deref()),
        ("code", report.code.as_deref()),
        ("period", Some(report.period.as_str())),
        ("kind", Some(report.kind.as_str())),
        ("published", report.published.as_deref()),
        ("publisher", report.publisher.as_deref()),
        ("source", report.source.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            // A JSON string is a YAML double-quoted scalar: quotes, colons
            // and line breaks in the value cannot end it early.
            let quoted = serde_json::to_string(value).unwrap_or_default();
            md.push_str(&format!("{name}: {quoted}\n"));
        }
        // The year is a number, as in the report file.
        if name == "code"
            && let Some(year) = report.year
        {
            md.push_str(&format!("year: {year}\n"));
        }
    }
    md.push_str("---\n\n");
    md.push_str(&format!("# {}\n", escape_line(&report.title)));
    for paragraph in &report.preamble {
        push_paragraph(&mut md, paragraph);
    }
    for (path, section) in report.outline() {
        let level = (path.depth() + 1).min(6);
        md.push('\n');
        md.push_str(&"#".repeat(level));
        md.push(' ');
        md.push_str(&escape_line(&section.heading));
        md.push('\n');
        for paragraph in &section.paragraphs {
            push_paragraph(&mut md, paragraph);
        }
    }
    md
}

fn push_paragraph(md: &mut String, paragraph: &str) {
    let text = escape_line(paragraph);
    if text.is_empty() {
        return;
    }
    md.push('\n');
    md.push_str(&text);
    md.push('\n');
}

/// One line of text that Markdown reads back as exactly that text: line
/// breaks become spaces (a paragraph is one line), and every ASCII mark
/// Markdown could read as markup is escaped with a backslash.
fn escape_line(text: &str) -> String {
    let one_line: String = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    let mut leading_digits = true;
    for (i, c) in one_line.chars().enumerate() {
        let active = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|' | '~' | '!'
        ) || (i == 0 && matches!(c, '+' | '-' | '='))
            // "1." or "1)" at the start opens an ordered list.
            || (leading_digits && i > 0 && matches!(c, '.' | ')'));
        if active {
            out.push('\\');
        }
        out.push(c);
        leading_digits = leading_digits && c.is_ascii_digit();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

    /// What a Markdown parser reads back: headings (level, text) and
    /// paragraphs, in order.
    #[derive(Debug, PartialEq, Eq)]
    enum Block {
        Heading(usize, String),
        Paragraph(String),
    }

    fn read_back(md: &str) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut text = String::new();
        let mut level = 0;
        let mut in_metadata = false;
        for event in Parser::new_ext(md, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS) {
            match event {
                Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
                Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
                Event::Start(Tag::Heading { level: l, .. }) => {
                    level = match l {
                        HeadingLevel::H1 => 1,
                        HeadingLevel::H2 => 2,
                        HeadingLevel::H3 => 3,
                        HeadingLevel::H4 => 4,
                        HeadingLevel::H5 => 5,
                        HeadingLevel::H6 => 6,
                    };
                    text.clear();
                }
                Event::Start(Tag::Paragraph) => text.clear(),
                Event::End(TagEnd::Heading(_)) => {
                    blocks.push(Block::Heading(level, std::mem::take(&mut text)));
                }
                Event::End(TagEnd::Paragraph) => {
                    blocks.push(Block::Paragraph(std::mem::take(&mut text)));
                }
                Event::Text(t) if !in_metadata => text.push_str(&t),
                Event::SoftBreak => text.push(' '),
                Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {
                    panic!("markup the export never meant: {event:?}\n{md}")
                }
                _ => {}
            }
        }
        blocks
    }

    fn expected(report: &Report) -> Vec<Block> {
        let flat = |text: &str| escape_line(text).replace('\\', "");
        let mut blocks = vec![Block::Heading(1, report.title.trim().to_string())];
        let paragraphs = |blocks: &mut Vec<Block>, paragraphs: &[String]| {
            for paragraph in paragraphs {
                if !paragraph.trim().is_empty() {
                    blocks.push(Block::Paragraph(flat(paragraph)));
                }
            }
        };
        paragraphs(&mut blocks, &report.preamble);
        for (path, section) in report.outline() {
            let level = (path.depth() + 1).min(6);
            blocks.push(Block::Heading(level, flat(&section.heading)));
            paragraphs(&mut blocks, &section.paragraphs);
        }
        blocks
    }

    /// Every bundled report's Markdown reads back, through a real Markdown
    /// parser, as its own outline: the same headings at the same levels and
    /// the same paragraphs, in order.
    #[test]
    fn every_bundled_report_reads_back_to_the_same_outline() {
        let loaded = baogao_bundled::load_bundled();
        assert!(!loaded.reports.is_empty());
        for loaded in &loaded.reports {
            let report = &loaded.report;
            let md = markdown(report);
            assert_eq!(read_back(&md), expected(report), "{}", report.id);
        }
    }

    #[test]
    fn markup_in_the_text_is_read_as_text() {
        for text in [
            "1. 一是*加强*党建_工作_",
            "- 列表？",
            "# 不是标题",
            "> 引文 <b>标签</b> &amp; [链接](x) `代码` \\ 反斜杠 | 表 ~删~ !图",
            "2020) 年",
            "=== 下划线标题",
        ] {
            let md = format!("# 题\n\n{}\n", escape_line(text));
            assert_eq!(
                read_back(&md),
                vec![
                    Block::Heading(1, "题".to_string()),
                    Block::Paragraph(text.to_string())
                ],
                "{md}"
            );
        }
    }

    #[test]
    fn section_paths_count_from_one() {
        assert_eq!(parse_path("2.3"), Some(SectionPath(vec![1, 2])));
        assert_eq!(parse_path("0"), None);
        assert_eq!(parse_path(""), None);
        assert_eq!(parse_path("a"), None);
    }
}
