//! `baogao import`: raw text files → report JSON files in one directory.
//!
//! Each file is imported on its own: a file that cannot be read or imported
//! is reported and skipped, the others still go through, and the command
//! exits 1 at the end. Files are written atomically (temporary file in the
//! output directory, then renamed), never outside the output directory, and
//! never over an existing file unless `--force` is given. A different report
//! whose id is taken is kept under the id plus a hash of its text.

use super::{Outcome, text};
use anyhow::{Context, bail};
use baogao_import::{import_bytes, short_hash};
use baogao_report::load::parse_report;
use baogao_report::model::{Report, is_valid_id};
use clap::Args;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "\
For each FILE, prints one line: the report id, township (or -), year (or -)
and the number of sections, e.g.
  pingyang-nanji-2020-work-summary  南麂镇  2020  11 sections

The importer decodes UTF-8 or GB18030/GBK text, removes web-page clutter
(breadcrumbs, download and copyright lines, repeated watermarks, page numbers),
repairs PDF extraction damage (spaces between Chinese characters, broken
lines), finds the outline (一、 (一) 1. (1) 一是…) and the metadata.

When <id>.json already exists in DIR, or an earlier FILE of the same run
wrote it, import first decides whether it holds the same report. It does
when its JSON equals the new report's in everything but `source` (a renamed
copy of the same text), or when it has the same `source` file name and the
same `title` (the same file, edited or downloaded again).
  - The same report is not written again: import refuses and exits 1.
    --force overwrites it (within one run, the last FILE wins).
  - A different report that gets the same id (two towns of one name, two
    sites' versions of one report) is written to <id>-<hash>.json instead,
    <hash> being 8 hex digits computed from the FILE's bytes, so both are
    kept. If that file exists too, the same test is applied to it.
  - A file that cannot be read as a report is refused as if it were the same
    report; --force overwrites it.

Examples:
  baogao import data/raw/*.txt
  baogao import --out /tmp/reports --force 南麂镇2020年工作总结.txt";

/// Import raw report text files (UTF-8 or GB18030) into report JSON files.
///
/// Writes one file per input FILE, <id>.json in the --out directory. A
/// report that is already there is not written again unless --force is
/// given; a different report that gets the same id is kept beside it (see
/// below). A report whose id is not a plain file name (a-z, 0-9 and '-') is
/// refused. A FILE that cannot be read or imported is reported and skipped;
/// the other files are still imported, and the exit status is then 1.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
#[allow(
    rustdoc::invalid_html_tags,
    reason = "the doc comment is the --help text, printed as is: <id> is a placeholder"
)]
pub struct ImportArgs {
    /// Directory to write the report JSON files into (created if missing).
    #[arg(long, value_name = "DIR", default_value = "data/reports")]
    out: PathBuf,

    /// Overwrite an existing file that holds the same report (or is not a
    /// readable report), and let the last FILE win when two FILEs of one run
    /// give the same report. Different reports are kept whether or not
    /// --force is given.
    #[arg(long)]
    force: bool,

    /// Raw report text files to import.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

pub fn run(args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create the output directory {}", args.out.display()))?;
    // What each FILE of this run wrote, by id, to tell a second FILE with the
    // same report from a different report with the same id.
    let mut written: HashMap<String, Written> = HashMap::new();
    let mut failed = 0;
    for file in &args.files {
        match import_one(args, file, &mut written) {
            Ok(report) => {
                writeln!(out, "{}", summary_line(&report))?;
                if let Some(note) = unplaced_note(&report) {
                    out.flush()?;
                    eprintln!("note: {}", text::clean(&note));
                }
            }
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

/// Why a report has a township but no county: several units of the official
/// list bear its name and the text names none of their counties, cities or
/// provinces (`南塘镇: 4 units of this name, none named in the text`). The
/// importer never guesses between them; this says so.
fn unplaced_note(report: &Report) -> Option<String> {
    let township = report.township.as_deref()?;
    if report.code.is_some() || report.county.is_some() {
        return None;
    }
    let units = baogao_places::Gazetteer::get().count_named(township);
    // The text may have named a city or province several of them share.
    let what = if report.city.is_some() || report.province.is_some() {
        "the text names none of their counties"
    } else {
        "none named in the text"
    };
    (units > 1).then(|| format!("{township}: {units} units of this name, {what}"))
}

/// A report written earlier in this run, and the FILE it came from.
struct Written<'a> {
    file: &'a Path,
    report: Report,
}

/// What already stands at a report's id, in the output directory or written
/// earlier in this run.
enum AtId<'a> {
    Free,
    /// The same report (see [`is_same_report`]); `Some(file)` when an
    /// earlier FILE of this run wrote it.
    Same(Option<&'a Path>),
    /// Another report that happens to get the same id.
    Different,
    /// A file that cannot be read as a report: not known to be either.
    Unknown,
}

fn import_one<'a>(
    args: &ImportArgs,
    file: &'a Path,
    written: &mut HashMap<String, Written<'a>>,
) -> anyhow::Result<Report> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let source = file
        .file_name()
        .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy());
    let mut report = import_bytes(&bytes, &source)
        .with_context(|| format!("cannot import {}", file.display()))?;
    // Checked before the id is used in a path; the hashed id below only adds
    // `-` and hex digits, so it is valid too.
    if !is_valid_id(&report.id) {
        bail!(
            "{}: not writing this report: its id {:?} is not a safe file name \
             (only a-z, 0-9 and '-', not starting with '-', not a Windows device name)",
            file.display(),
            report.id
        );
    }
    let mut at_id = what_is_at(args, &report, written);
    if matches!(at_id, AtId::Different) {
        // Two townships of one name, or two sites' versions of one report:
        // keep both, the newcomer under a name its own bytes decide.
        report.id = format!("{}-{}", report.id, short_hash(&bytes));
        at_id = what_is_at(args, &report, written);
    }
    let target = args.out.join(format!("{}.json", report.id));
    match at_id {
        AtId::Same(Some(earlier)) => {
            let clash = format!(
                "{} gives the same report as {} earlier in this run (id `{}`)",
                file.display(),
                earlier.display(),
                report.id,
            );
            if !args.force {
                bail!("{clash}; not writing it again (use --force to let the last file win)");
            }
            eprintln!(
                "warning: {}; it overwrites the earlier one (--force)",
                text::clean(&clash)
            );
        }
        AtId::Same(None) if !args.force => bail!(
            "{}: already imported as {}; not writing it again (use --force to overwrite it)",
            file.display(),
            target.display()
        ),
        // A free id is written; a file of unknown content (or a different
        // report at the hashed id) gets the usual refusal unless --force.
        AtId::Same(None) | AtId::Free | AtId::Different | AtId::Unknown => {}
    }
    write_report(&args.out, &target, &report, args.force)
        .with_context(|| format!("{}: cannot write {}", file.display(), target.display()))?;
    written.insert(
        report.id.clone(),
        Written {
            file,
            report: report.clone(),
        },
    );
    Ok(report)
}

/// What stands at `report.id`: a report written earlier in this run, else
/// the file `<id>.json` in the output directory.
fn what_is_at<'a>(
    args: &ImportArgs,
    report: &Report,
    written: &HashMap<String, Written<'a>>,
) -> AtId<'a> {
    if let Some(earlier) = written.get(report.id.as_str()) {
        return if is_same_report(&earlier.report, report) {
            AtId::Same(Some(earlier.file))
        } else {
            AtId::Different
        };
    }
    let target = args.out.join(format!("{}.json", report.id));
    match std::fs::read_to_string(&target) {
        Ok(json) => match parse_report(&json, &target) {
            Ok(existing) if is_same_report(&existing, report) => AtId::Same(None),
            Ok(_) => AtId::Different,
            Err(_) => AtId::Unknown,
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => AtId::Free,
        Err(_) => AtId::Unknown,
    }
}

/// Is `existing` the report that `new` is a new import of? It is when all
/// but the source file name agree (a renamed copy of one text), or when the
/// source file name and the title agree (the same file, edited or scraped
/// again). Anything else is another report that the id rule names alike.
fn is_same_report(existing: &Report, new: &Report) -> bool {
    let same_but_source = Report {
        source: new.source.clone(),
        ..existing.clone()
    } == *new;
    same_but_source || (existing.source == new.source && existing.title == new.title)
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
