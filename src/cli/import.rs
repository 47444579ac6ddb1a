//! `baogao import`: raw text files → report JSON files in one directory.
//!
//! Each file is imported on its own: a file that cannot be read or imported
//! is reported and skipped, the others still go through, and the command
//! exits 1 at the end. Files are written atomically (temporary file in the
//! output directory, then renamed), never outside the output directory, and
//! never over an existing file unless `--force` is given.

use super::{Outcome, text};
use anyhow::{Context, bail};
use baogao::import::import_bytes;
use baogao::import::meta::short_hash;
use baogao::load::parse_report;
use baogao::model::{Report, is_valid_id};
use clap::Args;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "\
For each FILE, prints one line: the report id, township (or -), year (or -)
and the number of sections, e.g.
  nanji-2020-work-summary  南麂镇  2020  11 sections

The importer decodes UTF-8 or GB18030/GBK text, removes web-page clutter
(breadcrumbs, download and copyright lines, repeated watermarks, page numbers),
repairs PDF extraction damage (spaces between Chinese characters, broken
lines), finds the outline (一、 (一) 1. (1) 一是…) and the metadata.

Examples:
  baogao import data/raw/*.txt
  baogao import --out /tmp/reports --force 南麂镇2020年工作总结.txt";

/// Import raw report text files (UTF-8 or GB18030) into report JSON files.
///
/// Writes one file per input FILE, <id>.json in the --out directory. An
/// existing file is never overwritten unless --force is given, and a report
/// whose id is not a plain file name (a-z, 0-9 and '-') is refused. A FILE
/// that cannot be read or imported is reported and skipped; the other files
/// are still imported, and the exit status is then 1.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct ImportArgs {
    /// Directory to write the report JSON files into (created if missing).
    #[arg(long, value_name = "DIR", default_value = "data/reports")]
    out: PathBuf,

    /// Overwrite existing report files, and let the last FILE win when two
    /// FILEs give the same report id.
    #[arg(long)]
    force: bool,

    /// Raw report text files to import.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create the output directory {}", args.out.display()))?;
    // Which FILE produced each id in this run, to catch two FILEs that would
    // write the same report file.
    let mut written_by: HashMap<String, &Path> = HashMap::new();
    let mut failed = 0;
    for file in &args.files {
        match import_one(args, file, &mut written_by) {
            Ok(report) => writeln!(out, "{}", summary_line(&report))?,
            Err(error) => {
                failed += 1;
                // Show the lines printed so far before the error, in order.
                out.flush()?;
                eprintln!("error: {}", text::clean(&format!("{error:#}")));
            }
        }
    }
    if failed == 0 {
        return Ok(Outcome::Clean);
    }
    out.flush()?;
    eprintln!(
        "error: {failed} of {} files were not imported",
        args.files.len()
    );
    Ok(Outcome::Problems)
}

fn import_one<'a>(
    args: &ImportArgs,
    file: &'a Path,
    written_by: &mut HashMap<String, &'a Path>,
) -> anyhow::Result<Report> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let source = file
        .file_name()
        .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy());
    let mut report = import_bytes(&bytes, &source)
        .with_context(|| format!("cannot import {}", file.display()))?;
    if id_belongs_to_another_report(args, &report, written_by) {
        // Two townships of one name, or two reports of one year: keep both.
        report.id = format!("{}-{}", report.id, short_hash(&bytes));
    }
    if !is_valid_id(&report.id) {
        bail!(
            "{}: not writing this report: its id {:?} is not a safe file name \
             (only a-z, 0-9 and '-', not starting with '-', not a Windows device name)",
            file.display(),
            report.id
        );
    }
    if let Some(first) = written_by.get(report.id.as_str()) {
        let clash = format!(
            "{} gives report id `{}`, as {} did earlier in this run",
            file.display(),
            report.id,
            first.display()
        );
        if !args.force {
            bail!("{clash}; not writing it (use --force to let the last file win)");
        }
        eprintln!(
            "warning: {}; it overwrites the earlier one (--force)",
            text::clean(&clash)
        );
    }
    let target = args.out.join(format!("{}.json", report.id));
    write_report(&args.out, &target, &report, args.force)
        .with_context(|| format!("{}: cannot write {}", file.display(), target.display()))?;
    written_by.insert(report.id.clone(), file);
    Ok(report)
}

/// Is the report's id already used, in the output directory or earlier in
/// this run, by a report from another source file? Then this one is a
/// different report (another 城关镇, another site's copy), not a re-import.
fn id_belongs_to_another_report(
    args: &ImportArgs,
    report: &Report,
    written_by: &HashMap<String, &Path>,
) -> bool {
    let source = report.source.as_deref();
    if let Some(earlier) = written_by.get(report.id.as_str()) {
        return earlier.file_name().map(|n| n.to_string_lossy()).as_deref() != source;
    }
    let target = args.out.join(format!("{}.json", report.id));
    match std::fs::read_to_string(&target) {
        // A file that does not parse is not known to be another report: it is
        // left to the usual refusal (or --force).
        Ok(json) => {
            parse_report(&json, &target).is_ok_and(|existing| existing.source.as_deref() != source)
        }
        Err(_) => false,
    }
}

/// Write the report JSON to `target` through a temporary file in `dir`, so a
/// reader never sees half a file and an existing file is only replaced with
/// `force`.
fn write_report(dir: &Path, target: &Path, report: &Report, force: bool) -> anyhow::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".baogao-import-").suffix(".tmp");
    // Temporary files are private (0600) by default; a report file should get
    // the usual permissions, which the umask then narrows.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(report.to_json_pretty().as_bytes())?;
    temp.as_file().sync_all()?;
    if force {
        temp.persist(target)?;
    } else {
        temp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                anyhow::anyhow!("the file already exists; use --force to overwrite it")
            } else {
                e.error.into()
            }
        })?;
    }
    Ok(())
}

/// `id  township  year  N sections`, with `-` for what the report lacks.
fn summary_line(report: &Report) -> String {
    let sections = report.section_count();
    format!(
        "{}  {}  {}  {} {}",
        report.id,
        text::clean(report.township.as_deref().unwrap_or("-")),
        report
            .year
            .map_or_else(|| "-".to_string(), |y| y.to_string()),
        sections,
        if sections == 1 { "section" } else { "sections" }
    )
}
