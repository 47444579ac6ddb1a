//! `baogao import`: raw text files (or folders of them) → report JSON files
//! in one directory.
//!
//! Each file is imported on its own: a file that cannot be read or imported
//! is reported and skipped, the others still go through, and the command
//! exits 1 at the end. A page that is not a report is refused (exit 1 only
//! when every file was), a doubtful one is written with warnings. Files are
//! written atomically (temporary file in the output directory, then
//! renamed), never outside the output directory, and never over an existing
//! file unless `--force` is given; a report already there is skipped, so a
//! rerun goes on where an interrupted one stopped. Ctrl-C or SIGTERM stops
//! between two files. A different report whose id is taken is kept under
//! the id plus a hash of its text.

use super::{Outcome, text};
use anyhow::{Context, bail};
use baogao_import::{Trace, import_checked, short_hash};
use baogao_report::load::parse_report;
use baogao_report::model::{Report, is_valid_id};
use clap::Args;
use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

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
A report already in DIR is skipped (\"already there\"), so running the same
import again after an interruption imports only what is left.

A page that shows no sign of being a report (no title naming a report, no
outline, no address to 各位代表) is refused: \"not a report: no title, …\".
--force imports it anyway. The exit status is 1 when every FILE was refused.
A doubtful import is written with a warning on stderr (title guessed, no
outline found, two years named).

A FILE may be a folder: its raw files (.txt, .html, .docx, .pdf) are
imported, subfolders too. The format is read from the file's bytes, not its
name. A PDF needs pdftotext (poppler-utils). With many files a progress bar
runs on a terminal (plain lines otherwise), and a summary ends the run. Ctrl-C or SIGTERM stops between two files; no file is left half
written.

Examples:
  baogao import data/raw/*.txt
  baogao import --out /tmp/reports --force 南麂镇2020年工作总结.txt
  baogao import --out /tmp/reports scraped/
  baogao import --explain page.txt      (why each line went, and the outline)";

/// Import raw reports (text in UTF-8 or GB18030, web pages, Word .docx,
/// PDF with a text layer) into report JSON files.
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

    /// Print, for each FILE, every line with the rule that dropped, kept or
    /// promoted it, then the outline and the rules used. Writes nothing.
    #[arg(long)]
    explain: bool,

    /// Print what happened to each FILE as one JSON array on stdout
    /// (written, already-there, refused or failed, with warnings).
    #[arg(long)]
    json: bool,

    /// Raw report files to import (text, web pages, .docx, PDF), or folders
    /// of them, read recursively.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// What became of one FILE.
enum Done {
    /// Written, with the import's warnings.
    Written(Report, Vec<String>),
    /// The same report is already in the output directory.
    AlreadyThere(Report, PathBuf),
    /// Not a report; the reason.
    Refused(String),
}

pub fn run(args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let files = expand(&args.files)?;
    if args.explain {
        return explain(&files, out);
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create the output directory {}", args.out.display()))?;
    let stop = interrupt_flag();
    let progress = Progress::new(files.len());
    // What each FILE of this run wrote, by id, to tell a second FILE with the
    // same report from a different report with the same id.
    let mut written: HashMap<String, Written> = HashMap::new();
    let mut tally = Tally::default();
    let mut json = Vec::new();
    for file in &files {
        if stop.load(Ordering::SeqCst) {
            tally.interrupted = true;
            break;
        }
        progress.start(file);
        let result = import_one(args, file, &mut written);
        let entry = match &result {
            Ok(Done::Written(report, warnings)) => {
                tally.written += 1;
                if !warnings.is_empty() {
                    tally.warned += 1;
                }
                for warning in warnings {
                    progress.eprintln(&format!("warning: {}: {warning}", file.display()));
                }
                if let Some(note) = unplaced_note(report) {
                    progress.eprintln(&format!("note: {}", text::clean(&note)));
                }
                if !args.json {
                    progress.println(out, &summary_line(report))?;
                }
                file_json(file, "written", Some(report), warnings, None)
            }
            Ok(Done::AlreadyThere(report, target)) => {
                tally.already += 1;
                // In a batch, the summary counts them: a rerun of thousands
                // of files does not print a line for each one done before.
                if files.len() == 1 {
                    progress.eprintln(&format!(
                        "{}: already imported as {}; skipped (use --force to overwrite it)",
                        file.display(),
                        target.display()
                    ));
                }
                file_json(file, "already-there", Some(report), &[], None)
            }
            Ok(Done::Refused(reason)) => {
                tally.refused += 1;
                progress.eprintln(&format!("refused: {}: {reason}", file.display()));
                file_json(file, "refused", None, &[], Some(reason))
            }
            Err(error) => {
                tally.failed += 1;
                // Show the lines printed so far before the error, in order.
                out.flush()?;
                let message = format!("{error:#}");
                progress.eprintln(&format!("error: {message}"));
                file_json(file, "failed", None, &[], Some(&message))
            }
        };
        json.push(entry);
        progress.done();
    }
    progress.finish();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    }
    out.flush()?;
    let done = tally.written + tally.already + tally.refused + tally.failed;
    if files.len() > 1 || tally.interrupted {
        eprintln!("{}", tally.summary(done, files.len()));
    }
    if tally.failed > 0 {
        eprintln!(
            "error: {} of {} files were not imported",
            tally.failed,
            files.len()
        );
    }
    let all_refused = tally.refused > 0 && tally.refused == done;
    Ok(if tally.failed > 0 || all_refused || tally.interrupted {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

/// The counts a run ends with.
#[derive(Default)]
struct Tally {
    written: usize,
    already: usize,
    refused: usize,
    failed: usize,
    warned: usize,
    interrupted: bool,
}

impl Tally {
    fn summary(&self, done: usize, total: usize) -> String {
        let mut line = format!(
            "{} imported, {} already there, {} refused, {} failed, {} with warnings",
            self.written, self.already, self.refused, self.failed, self.warned
        );
        if self.interrupted {
            line.push_str(&format!(
                "; interrupted after {done} of {total} files (run the same import again to go on)"
            ));
        }
        line
    }
}

/// Set when Ctrl-C or SIGTERM arrives: the run stops before the next file,
/// so no file is left half written (each is written to a temporary file and
/// renamed). Without a handler (one is already set) the flag stays down.
fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = Arc::clone(&flag);
    let _ = ctrlc::set_handler(move || set.store(true, Ordering::SeqCst));
    flag
}

/// A progress bar on a terminal (stderr) for more than one file; nothing
/// otherwise, where the per-file lines are the progress.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(files: usize) -> Progress {
        let on = files > 1 && std::io::stderr().is_terminal();
        let bar = on.then(|| {
            let bar = indicatif::ProgressBar::new(files as u64);
            let style = indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files  {eta} left  {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress { bar }
    }

    fn start(&self, file: &Path) {
        if let Some(bar) = &self.bar {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            bar.set_message(text::clean(&name.unwrap_or_default()).into_owned());
        }
    }

    fn done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// A line on stdout, above the bar.
    fn println(&self, out: &mut dyn Write, line: &str) -> io::Result<()> {
        match &self.bar {
            Some(bar) => bar.suspend(|| writeln!(out, "{line}")),
            None => writeln!(out, "{line}"),
        }
    }

    /// A line on stderr, above the bar.
    fn eprintln(&self, line: &str) {
        let line = text::clean(line);
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }
}

/// One FILE's entry in `--json`.
fn file_json(
    file: &Path,
    status: &str,
    report: Option<&Report>,
    warnings: &[String],
    reason: Option<&str>,
) -> serde_json::Value {
    let mut entry = serde_json::json!({
        "file": file.to_string_lossy(),
        "status": status,
        "warnings": warnings,
    });
    if let Some(report) = report {
        entry["id"] = report.id.clone().into();
        entry["title"] = report.title.clone().into();
        entry["township"] = report.township.clone().into();
        entry["year"] = report.year.into();
        entry["kind"] = report.kind.as_str().into();
        entry["sections"] = report.section_count().into();
    }
    if let Some(reason) = reason {
        entry["reason"] = reason.into();
    }
    entry
}

/// The FILEs, with each folder replaced by its raw files (`.txt`, web
/// pages, `.docx`, `.pdf`; subfolders too, hidden ones and a saved page's
/// `_files` folder skipped), in name order.
fn expand(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)
                .with_context(|| format!("cannot read the folder {}", path.display()))?;
            if found.is_empty() {
                // Named as a failure when the files are imported: a folder
                // given by mistake is not silently nothing.
                files.push(path.clone());
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type()?;
        if hidden {
            continue;
        }
        if kind.is_dir() {
            if !baogao_import::formats::is_saved_page_folder(&path) {
                walk(&path, found)?;
            }
        } else if baogao_import::formats::is_raw_file_name(&path) {
            found.push(path);
        }
    }
    Ok(())
}

/// `--explain`: each FILE's lines with their rules, the outline, and what
/// the importer thinks of it. Nothing is written.
fn explain(files: &[PathBuf], out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut failed = false;
    for file in files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(error) => {
                failed = true;
                eprintln!(
                    "error: cannot read {}: {error}",
                    text::clean(&file.display().to_string())
                );
                continue;
            }
        };
        let source = file
            .file_name()
            .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy());
        let mut trace = Trace::recording();
        match import_checked(&bytes, &source, &mut trace) {
            Ok(imported) => {
                let report = &imported.report;
                writeln!(out, "== {}", text::clean(&file.display().to_string()))?;
                for line in trace.render().lines() {
                    writeln!(out, "{}", text::clean(line))?;
                }
                writeln!(out, "report: {}", summary_line(report))?;
                writeln!(out, "title: {}", text::clean(&report.title))?;
                if let Some(reason) = imported.assessment.refusal() {
                    writeln!(out, "refused: {reason}")?;
                }
                for warning in &imported.assessment.warnings {
                    writeln!(out, "warning: {}", text::clean(warning))?;
                }
            }
            Err(error) => {
                failed = true;
                eprintln!(
                    "error: cannot import {}: {error}",
                    text::clean(&file.display().to_string())
                );
            }
        }
    }
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
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
) -> anyhow::Result<Done> {
    if file.is_dir() {
        bail!(
            "{}: a folder with no raw report files in it (.txt, .html, .docx, .pdf)",
            file.display()
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let source = file
        .file_name()
        .map_or_else(|| file.to_string_lossy(), |name| name.to_string_lossy());
    let imported = import_checked(&bytes, &source, &mut Trace::default())
        .with_context(|| format!("cannot import {}", file.display()))?;
    if let Some(reason) = imported.assessment.refusal()
        && !args.force
    {
        return Ok(Done::Refused(reason));
    }
    let warnings = imported.assessment.warnings;
    let mut report = imported.report;
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
        AtId::Same(None) if !args.force => return Ok(Done::AlreadyThere(report, target)),
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
    Ok(Done::Written(report, warnings))
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
