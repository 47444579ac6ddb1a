//! `baogao [DIR]`: open the terminal reader on a library.
//!
//! When standard output is not a terminal (`baogao | less`, a script) there
//! is nothing to draw on, so the library is listed as `baogao list` would.
//! Files that fail to load are named in the status bar at start and on
//! stderr once the reader has given the terminal back. The reading position
//! is loaded from the XDG state file at start and saved on the way out; a
//! state file that cannot be used costs a one-line notice, never the reading.
//! A folder is followed while the reader is open (`--no-watch` turns it
//! off): a changed file is loaded as at start, and a file that fails then
//! is listed on stderr on the way out like one that failed at start.

use super::{Outcome, list, load, raw, text};
use baogao_i18n::{t, tf};
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_report::load::{LoadError, Loaded, parse_bytes};
use baogao_tui::position::{StateError, StateFile, library_key};
use baogao_tui::watch::{FileLoad, Watch};
use baogao_tui::{self as tui, Exit, Options, theme::Background, theme::Theme};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn run(
    dir: Option<PathBuf>,
    watch: bool,
    widths: Widths,
    background: Option<Background>,
    settings_problems: &[String],
    out: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    if !std::io::stdout().is_terminal() {
        return list::run(
            &list::ListArgs {
                dir,
                dir_option: None,
                json: false,
            },
            out,
        );
    }
    // Ten thousand reports take a moment: say so, on the line the reader
    // will cover, and wipe it before the reader opens.
    let loading = dir.as_ref().filter(|_| std::io::stderr().is_terminal());
    if let Some(dir) = loading {
        // One line, or the wipe below would leave the rest of it behind.
        let width = crossterm::terminal::size().map_or(80, |(columns, _)| columns);
        let note = tf(
            "read.loading",
            &[("dir", &text::clean(&dir.display().to_string()))],
        );
        let room = usize::from(width).saturating_sub(1);
        eprint!("{}", baogao_layout::truncate(&note, room, widths));
    }
    let loaded = load(dir.as_deref());
    if loading.is_some() {
        eprint!("\r\x1b[2K");
    }
    let Loaded { reports, errors } = loaded?;
    // The reports move into the library: a large library is held once.
    let library = Library::from_loaded(reports);
    let mut notices = Vec::new();
    if let Some(first) = settings_problems.first() {
        notices.push(tf("read.settings_problem", &[("problem", first)]));
    }
    if !errors.is_empty() {
        let failed = errors.len();
        notices.push(tf("read.failed", &[("n", &failed)]));
    }
    let key = library_key(dir.as_deref());
    let mut state_errors = Vec::new();
    let mut state = open_state(&mut notices, &mut state_errors);
    let options = Options {
        widths,
        background,
        no_color: Theme::no_color_from_env(),
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
        resume: state.as_ref().and_then(|state| state.get(&key).cloned()),
        kept: state
            .as_ref()
            .map(|state| state.kept(&key))
            .unwrap_or_default(),
        watch: dir.clone().filter(|_| watch).map(watcher),
        broken: errors,
    };
    let outcome = tui::run(library, options)?;
    // Save first: after a closed window there is no terminal to tell
    // anything to, and the position must not be lost for it.
    let saved = match (&mut state, outcome.position) {
        (Some(state), Some(position)) => {
            state.set(&key, position);
            state.set_kept(&key, outcome.kept);
            state.save()
        }
        _ => Ok(()),
    };
    // Quietly: stderr may be the terminal that has gone.
    let mut stderr = std::io::stderr();
    for message in state_errors
        .iter()
        .map(ToString::to_string)
        .chain(saved.err().map(|e| e.to_string()))
    {
        let _ = writeln!(stderr, "{}{}", t("cli.warning"), text::clean(&message));
    }
    for problem in settings_problems {
        let _ = writeln!(stderr, "{}{}", t("cli.warning"), text::clean(problem));
    }
    // What failed at start or while watched, less what was mended since.
    let errors: Vec<LoadError> = outcome.broken;
    for error in &errors {
        let _ = writeln!(
            stderr,
            "{}{}",
            t("cli.error"),
            text::clean(&error.to_string())
        );
    }
    match outcome.exit? {
        Exit::Quit if errors.is_empty() => Ok(Outcome::Clean),
        Exit::Quit => Ok(Outcome::Problems),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}

/// How the reader follows `dir`: a changed file is loaded as at start, a
/// report's JSON by the loader, a raw report through the importer and its
/// cache.
fn watcher(dir: PathBuf) -> Watch {
    let root = dir.clone();
    let load = move |path: &Path| -> FileLoad {
        let whole_file = |message: String| LoadError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message,
        };
        if path.extension().is_some_and(|e| e == "json") {
            return match std::fs::read(path) {
                Ok(bytes) => match parse_bytes(&bytes, path) {
                    Ok(report) => FileLoad::Report(Box::new(report)),
                    Err(error) => FileLoad::Failed(error),
                },
                // Gone between the event and the read.
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => FileLoad::NotAReport,
                Err(error) => FileLoad::Failed(whole_file(format!("cannot read file: {error}"))),
            };
        }
        match raw::load_raw_file(&root, path) {
            None => FileLoad::Ignored,
            Some(Ok(Some(report))) => FileLoad::Report(Box::new(report)),
            Some(Ok(None)) => FileLoad::NotAReport,
            Some(Err(message)) => FileLoad::Failed(whole_file(message)),
        }
    };
    Watch {
        dir,
        load: Box::new(load),
    }
}

/// The state file, or none (with a notice) when there is nowhere to keep it.
/// A file that cannot be read or understood is set aside: the reader starts
/// from the beginning and the next save writes a good one.
/// The notice is short enough for a narrow status bar; the whole error
/// (file, line, column, reason) goes to stderr on quit.
fn open_state(notices: &mut Vec<String>, errors: &mut Vec<StateError>) -> Option<StateFile> {
    let Some(path) = StateFile::default_path() else {
        notices.push(t("read.no_state_home").to_string());
        return None;
    };
    match StateFile::load(&path) {
        Ok(state) => Some(state),
        Err(error) => {
            notices.push(t("read.state_unusable").to_string());
            errors.push(error);
            Some(StateFile::empty(path))
        }
    }
}
