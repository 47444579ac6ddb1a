//! `baogao [DIR]`: open the terminal reader on a library.
//!
//! When standard output is not a terminal (`baogao | less`, a script) there
//! is nothing to draw on, so the library is listed as `baogao list` would.
//! Files that fail to load are named in the status bar at start and on
//! stderr once the reader has given the terminal back. The reading position
//! is loaded from the XDG state file at start and saved on the way out; a
//! state file that cannot be used costs a one-line notice, never the reading.

use super::{Outcome, list, load, report_load_errors, text};
use baogao::library::Library;
use baogao::load::Loaded;
use baogao::position::{StateFile, library_key};
use baogao::tui::{self, Exit, Options, theme::Theme};
use baogao::wrap::Widths;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub fn run(dir: Option<PathBuf>, widths: Widths, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !std::io::stdout().is_terminal() {
        return list::run(&list::ListArgs { dir, json: false }, out);
    }
    let Loaded { reports, errors } = load(dir.as_deref())?;
    // The reports move into the library: a large library is held once.
    let library = Library::new(reports.into_iter().map(|loaded| loaded.report).collect());
    let mut notices = Vec::new();
    if !errors.is_empty() {
        let failed = errors.len();
        notices.push(format!(
            "{failed} file(s) could not be loaded: listed on quit, or run baogao validate"
        ));
    }
    let key = library_key(dir.as_deref());
    let mut state = open_state(&mut notices);
    let options = Options {
        widths,
        theme: Theme::from_env(),
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
        resume: state.as_ref().and_then(|state| state.get(&key).cloned()),
    };
    let outcome = tui::run(&library, options)?;
    report_load_errors(&errors);
    if let (Some(state), Some(position)) = (&mut state, outcome.position) {
        state.set(&key, position);
        if let Err(error) = state.save() {
            eprintln!("warning: {}", text::clean(&error.to_string()));
        }
    }
    match outcome.exit? {
        Exit::Quit if errors.is_empty() => Ok(Outcome::Clean),
        Exit::Quit => Ok(Outcome::Problems),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}

/// The state file, or none (with a notice) when there is nowhere to keep it.
/// A file that cannot be read or understood is set aside: the reader starts
/// from the beginning and the next save writes a good one.
fn open_state(notices: &mut Vec<String>) -> Option<StateFile> {
    let Some(path) = StateFile::default_path() else {
        notices.push(
            "neither XDG_STATE_HOME nor HOME is set: the reading position is not kept".to_string(),
        );
        return None;
    };
    match StateFile::load(&path) {
        Ok(state) => Some(state),
        Err(error) => {
            notices.push(error.to_string());
            Some(StateFile::empty(path))
        }
    }
}
