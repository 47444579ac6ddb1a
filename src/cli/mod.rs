//! The command line: argument parsing (clap derive), dispatch to one module
//! per subcommand, and the exit-code policy.
//!
//! Exit codes: 0 when everything went well, 1 when problems were found or
//! some input failed (the command still does what it can), 2 for usage errors
//! (clap's own). Errors reach this edge as `anyhow` errors and are printed
//! once, here, as `error: …` on stderr.

mod import;
mod list;
mod places;
mod raw;
mod read;
mod search;
mod show;
mod text;
mod validate;

use anyhow::Context;
use baogao_bundled::load_bundled;
use baogao_layout::{AmbiguousWidth, Widths};
use baogao_report::library::Library;
use baogao_report::load::{LoadError, Loaded, LoadedReport, load_dir};
use clap::{Parser, Subcommand};
use std::io::{self, Write};
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const TOP_AFTER_HELP: &str = "\
Examples:
  baogao                         read the reports bundled in the binary
  baogao data/reports            read the reports in a directory
  baogao import data/raw/*.txt   import raw text into data/reports/
  baogao show pingyang-nanji-2020-work-summary
  baogao validate data/reports

Exit status: 0 success; 1 problems found or some input failed; 2 usage error.";

/// baogao (报告): a reader for Chinese township government work reports.
///
/// baogao turns the raw text people scrape from government sites (镇/乡/街道
/// 工作总结, 上半年工作总结, 政府工作报告) into structured report JSON files
/// ("schema 1"), and lists, shows and checks libraries of such files. The
/// reports in data/reports/ are bundled in the binary, so baogao works from
/// any directory.
///
/// With no subcommand, `baogao [DIR]` opens the terminal reader (press ? in
/// it for every key). When standard output is not a terminal it prints the
/// same table as `baogao list [DIR]` instead.
#[derive(Debug, Parser)]
#[command(
    name = "baogao",
    version,
    after_help = TOP_AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Directory of report JSON files or raw reports (.txt, web pages,
    /// .docx, PDF; imported in memory and cached), searched recursively, to
    /// use instead of the bundled reports.
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,

    /// Count ambiguous-width characters (“ ” ‘ ’ · — … •) as two cells, as
    /// CJK terminals (and some fonts) draw them: the reader and `show` lay
    /// text out by it. Also set by BAOGAO_AMBIGUOUS_WIDE=1.
    #[arg(long, global = true, env = "BAOGAO_AMBIGUOUS_WIDE", value_parser = clap::builder::FalseyValueParser::new())]
    ambiguous_wide: bool,

    /// The reader's colours: for a dark or a light background, or `auto`
    /// to ask the terminal (it answers in a few milliseconds; one that does
    /// not is taken as dark). Also set by BAOGAO_THEME.
    #[arg(long, value_enum, env = "BAOGAO_THEME", default_value = "auto")]
    theme: ThemeArg,
}

/// `--theme`: which background the reader's colours are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ThemeArg {
    Dark,
    Light,
    Auto,
}

#[derive(Debug, Subcommand)]
enum Command {
    Import(import::ImportArgs),
    List(list::ListArgs),
    Places(places::PlacesArgs),
    Search(search::SearchArgs),
    Show(show::ShowArgs),
    Validate(validate::ValidateArgs),
}

/// Whether a command that ran to the end found anything wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Clean,
    Problems,
}

/// Parse the arguments, run the command and turn the result into an exit code.
pub fn main() -> ExitCode {
    // Usage errors exit here with clap's code 2; --help and --version with 0.
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli, &mut out).and_then(|outcome| {
        out.flush().context("cannot write to standard output")?;
        Ok(outcome)
    });
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::FAILURE,
        // `baogao list | head` closes the pipe early: the reader got what it
        // wanted, so that is not an error worth a message.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {}", text::clean(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match cli.command {
        Some(Command::Import(args)) => import::run(&args, out),
        Some(Command::List(args)) => list::run(&args, out),
        Some(Command::Places(args)) => places::run(&args, out),
        Some(Command::Search(args)) => search::run(&args, widths(cli.ambiguous_wide), out),
        Some(Command::Show(args)) => show::run(&args, widths(cli.ambiguous_wide), out),
        Some(Command::Validate(args)) => validate::run(&args, out),
        None => {
            let background = match cli.theme {
                ThemeArg::Dark => Some(baogao_tui::theme::Background::Dark),
                ThemeArg::Light => Some(baogao_tui::theme::Background::Light),
                ThemeArg::Auto => None,
            };
            read::run(cli.dir, widths(cli.ambiguous_wide), background, out)
        }
    }
}

/// The one display-width setting of this run (`--ambiguous-wide`).
fn widths(ambiguous_wide: bool) -> Widths {
    let ambiguous = if ambiguous_wide {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    };
    Widths { ambiguous }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Load the reports of `dir`, or the bundled ones when no directory is given.
/// Only an unusable directory is an error; bad files are in `Loaded::errors`.
fn load(dir: Option<&Path>) -> anyhow::Result<Loaded> {
    match dir {
        None => Ok(load_bundled()),
        Some(dir) => {
            let mut loaded = load_dir(dir).context("cannot load the report directory")?;
            // Raw reports in the folder are imported in memory (and cached).
            raw::add_raw_reports(dir, &mut loaded);
            Ok(loaded)
        }
    }
}

/// The library a command works on, never freed: the process ends right
/// after the command, and freeing 10 000 reports string by string on the
/// way out takes longer than `baogao search` takes to answer.
fn command_library(reports: Vec<LoadedReport>) -> ManuallyDrop<Library> {
    ManuallyDrop::new(Library::from_loaded(reports))
}

/// How messages name where the reports came from.
fn describe_source(dir: Option<&Path>) -> String {
    match dir {
        None => "the bundled reports".to_string(),
        Some(dir) => dir.display().to_string(),
    }
}

/// Print each load error on its own line on stderr (`path:line:col: reason`).
fn report_load_errors(errors: &[LoadError]) {
    for error in errors {
        eprintln!("error: {}", text::clean(&error.to_string()));
    }
}
