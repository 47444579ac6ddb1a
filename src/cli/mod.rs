//! The command line: argument parsing (clap derive), dispatch to one module
//! per subcommand, and the exit-code policy.
//!
//! Exit codes: 0 when everything went well, 1 when problems were found or
//! some input failed (the command still does what it can), 2 for usage errors
//! (clap's own). Errors reach this edge as `anyhow` errors and are printed
//! once, here, as `error: …` on stderr.

mod compare;
mod config;
mod export;
mod figures;
mod ids;
mod import;
mod list;
mod places;
mod raw;
mod read;
mod related;
mod search;
mod show;
mod text;
mod validate;

use anyhow::Context;
use baogao_bundled::load_bundled;
use baogao_i18n::t;
use baogao_layout::Widths;
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

    /// Do not follow changes to DIR while the reader is open. By default
    /// reports added, changed or removed on disk appear in the tree as they
    /// land; a network file system may not tell of them, or be slow to.
    #[arg(long)]
    no_watch: bool,

    /// Count ambiguous-width characters (“ ” ‘ ’ · — … •) as two cells, as
    /// CJK terminals (and some fonts) draw them: the reader and `show` lay
    /// text out by it. Also set by BAOGAO_AMBIGUOUS_WIDE=1.
    #[arg(long, global = true, env = "BAOGAO_AMBIGUOUS_WIDE", value_parser = clap::builder::FalseyValueParser::new())]
    ambiguous_wide: bool,

    /// The reader's colours: for a dark or a light background, or `auto`
    /// to ask the terminal (it answers in a few milliseconds; one that does
    /// not is taken as dark). Also set by BAOGAO_THEME.
    /// Default: the settings file's, else `auto`.
    #[arg(long, value_enum, env = "BAOGAO_THEME")]
    theme: Option<ThemeArg>,

    /// The language of the interface and of messages: `zh` (中文) or `en`.
    /// Without it the locale decides (LC_ALL, LC_MESSAGES, LANG = zh_* is
    /// Chinese). JSON output is the same in every language.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

/// `--lang`: the interface's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LangArg {
    Zh,
    En,
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
    Figures(figures::FiguresArgs),
    Compare(compare::CompareArgs),
    /// Print the effective settings, each with where it came from
    /// (default, file, environment, flag), and what the settings file
    /// could not say.
    Config(config::ConfigArgs),
    Export(export::ExportArgs),
    Import(import::ImportArgs),
    List(list::ListArgs),
    Places(places::PlacesArgs),
    Related(related::RelatedArgs),
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
    let cli = parse();
    let settings = settings(&cli);
    baogao_i18n::set_language(settings.language.value);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli, &settings, &mut out).and_then(|outcome| {
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
            eprintln!("{}{}", t("cli.error"), text::clean(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

/// The command line, parsed by a `--help` in the language of this run:
/// clap's own words (Usage, Options) stay English, the descriptions of the
/// commands follow the catalogue. Usage errors exit here with clap's code 2.
fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language before clap has parsed: --lang on the line, else the
    // settings file, else the locale.
    let on_line = args.windows(2).find_map(|pair| {
        (pair[0] == "--lang").then(|| pair[1].to_str().and_then(baogao_i18n::Language::parse))?
    });
    let equals = args.iter().find_map(|arg| {
        arg.to_str()?
            .strip_prefix("--lang=")
            .and_then(baogao_i18n::Language::parse)
    });
    let var = |name: &str| std::env::var(name).ok();
    let given = config::Given {
        language: on_line.or(equals),
        ..config::Given::default()
    };
    let path = config::Settings::default_path(var);
    let language = config::Settings::load(path.as_deref(), &given, var)
        .language
        .value;
    baogao_i18n::set_language(language);
    let mut command = Cli::command();
    if language == baogao_i18n::Language::Chinese {
        command = command.about(t("clap.about")).long_about(t("clap.about"));
        for (name, key) in [
            ("config", "clap.config"),
            ("export", "clap.export"),
            ("import", "clap.import"),
            ("list", "clap.list"),
            ("places", "clap.places"),
            ("search", "clap.search"),
            ("show", "clap.show"),
            ("validate", "clap.validate"),
        ] {
            command = command.mut_subcommand(name, |sub| sub.about(t(key)).long_about(t(key)));
        }
    }
    let matches = command.get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

/// The settings of this run: the flags, the environment and the file.
fn settings(cli: &Cli) -> config::Settings {
    let var = |name: &str| std::env::var(name).ok();
    // clap folds BAOGAO_THEME into --theme: the flag is the one on the line.
    let on_line = |flag: &str| {
        std::env::args_os().any(|arg| {
            arg.to_str()
                .is_some_and(|arg| arg == flag || arg.starts_with(&format!("{flag}=")))
        })
    };
    let source = |flag: &str| {
        if on_line(flag) {
            config::Source::Flag
        } else {
            config::Source::Environment
        }
    };
    let given = config::Given {
        language: cli.lang.map(|lang| match lang {
            LangArg::Zh => baogao_i18n::Language::Chinese,
            LangArg::En => baogao_i18n::Language::English,
        }),
        theme: cli.theme.map(|theme| {
            let theme = match theme {
                ThemeArg::Dark => config::Theme::Dark,
                ThemeArg::Light => config::Theme::Light,
                ThemeArg::Auto => config::Theme::Auto,
            };
            (theme, source("--theme"))
        }),
        ambiguous_wide: cli.ambiguous_wide.then(|| source("--ambiguous-wide")),
    };
    let path = config::Settings::default_path(var);
    config::Settings::load(path.as_deref(), &given, var)
}

fn run(cli: Cli, settings: &config::Settings, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let widths = Widths {
        ambiguous: settings.ambiguous.value,
    };
    if !matches!(cli.command, Some(Command::Config(_)) | None) {
        for problem in &settings.problems {
            eprintln!("{}{problem}", t("cli.warning"));
        }
    }
    match cli.command {
        Some(Command::Compare(args)) => compare::run(&args, out),
        Some(Command::Config(_)) => config::run(settings, out),
        Some(Command::Export(args)) => export::run(&args, out),
        Some(Command::Figures(args)) => figures::run(&args, out),
        Some(Command::Import(args)) => import::run(&args, out),
        Some(Command::List(args)) => list::run(&args, out),
        Some(Command::Places(args)) => places::run(&args, out),
        Some(Command::Related(args)) => related::run(&args, out),
        Some(Command::Search(args)) => search::run(&args, widths, out),
        Some(Command::Show(args)) => show::run(&args, widths, out),
        Some(Command::Validate(args)) => validate::run(&args, out),
        None => {
            let background = match settings.theme.value {
                config::Theme::Dark => Some(baogao_tui::theme::Background::Dark),
                config::Theme::Light => Some(baogao_tui::theme::Background::Light),
                config::Theme::Auto => None,
            };
            baogao_tui::settings::set(settings.look());
            let mut problems: Vec<String> =
                settings.problems.iter().map(ToString::to_string).collect();
            problems.extend(
                baogao_tui::settings::rebind(&settings.keys)
                    .iter()
                    .map(|error| format!("{}: {error}", t("config.keys"))),
            );
            let watch = !cli.no_watch;
            read::run(cli.dir, watch, widths, background, &problems, out)
        }
    }
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
            let mut loaded = load_dir(dir).context(t("cli.cannot_load_dir"))?;
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
        None => t("cli.bundled").to_string(),
        Some(dir) => dir.display().to_string(),
    }
}

/// Print each load error on its own line on stderr (`path:line:col: reason`).
fn report_load_errors(errors: &[LoadError]) {
    for error in errors {
        eprintln!("{}{}", t("cli.error"), text::clean(&error.to_string()));
    }
}
