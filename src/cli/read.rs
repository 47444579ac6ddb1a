//! `baogao [DIR]`: open the terminal reader on a library.
//!
//! When standard output is not a terminal (`baogao | less`, a script) there
//! is nothing to draw on, so the library is listed as `baogao list` would.
//! Files that fail to load are named in the status bar at start and on
//! stderr once the reader has given the terminal back.

use super::{Outcome, list, load, report_load_errors};
use baogao::library::Library;
use baogao::tui::{self, Exit, Options, theme::Theme};
use baogao::wrap::{AmbiguousWidth, Widths};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

pub struct ReadArgs {
    pub dir: Option<PathBuf>,
    pub ambiguous_wide: bool,
}

pub fn run(args: ReadArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    if !std::io::stdout().is_terminal() {
        return list::run(
            &list::ListArgs {
                dir: args.dir,
                json: false,
            },
            out,
        );
    }
    let loaded = load(args.dir.as_deref())?;
    let failed = loaded.errors.len();
    let library = Library::new(loaded.reports.iter().map(|l| l.report.clone()).collect());
    let notice = (failed > 0)
        .then(|| format!("{failed} 个文件无法读取，退出后列出（baogao validate 可查）"));
    let ambiguous = if args.ambiguous_wide {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    };
    let options = Options {
        widths: Widths { ambiguous },
        theme: Theme::from_env(),
        notice,
    };
    let exit = tui::run(&library, options)?;
    report_load_errors(&loaded);
    match exit {
        Exit::Quit if failed == 0 => Ok(Outcome::Clean),
        Exit::Quit => Ok(Outcome::Problems),
        Exit::Signal(signal) => std::process::exit(128 + signal),
    }
}
