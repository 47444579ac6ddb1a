//! Taking the terminal over and always giving it back: raw mode, the
//! alternate screen and mouse reporting are undone on quit, on error, on a
//! panic (a panic hook) and on SIGTERM/SIGHUP/SIGINT (a flag the event loop
//! checks).

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::backend::CrosstermBackend;
use ratatui::{DefaultTerminal, Terminal};
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

/// Enter raw mode and the alternate screen, and turn mouse reporting on.
/// A panic hook gives the terminal back before the panic is reported.
///
/// Not `ratatui::init`: its hook and `ratatui::restore` report a failed
/// restore with `eprintln!`, which itself panics when the terminal has hung
/// up (a closed window), and that second panic would lose the reading
/// position the caller is about to save.
pub(crate) fn enter() -> io::Result<DefaultTerminal> {
    let report_panic = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        report_panic(info);
    }));
    let entered = enable_raw_mode()
        .and_then(|()| {
            execute!(
                stdout(),
                EnterAlternateScreen,
                EnableMouseCapture,
                EnableBracketedPaste
            )
        })
        .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
    if entered.is_err() {
        leave();
    }
    entered
}

/// Give the terminal back as it was: cooked mode, the main screen, the
/// cursor, no mouse reporting. Safe to call more than once, and silent: on a
/// terminal that has gone there is nothing to restore and no one to tell.
pub(crate) fn leave() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
}

/// The signal that asked us to stop, if any: SIGTERM, SIGHUP and SIGINT set it, and
/// the event loop, which wakes at least every few hundred milliseconds, ends.
#[derive(Debug, Clone)]
pub(crate) struct StopSignal(Arc<AtomicUsize>);

impl StopSignal {
    pub(crate) fn register() -> io::Result<StopSignal> {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let flag = Arc::new(AtomicUsize::new(0));
        // SIGINT too: in raw mode Ctrl-C is a key, but `kill -INT` is not.
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register_usize(signal, Arc::clone(&flag), signal as usize)?;
        }
        Ok(StopSignal(flag))
    }

    /// The signal number received, if one was.
    pub(crate) fn received(&self) -> Option<i32> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}

/// Read terminal events on a thread of their own and hand them over a
/// channel. The event loop then waits on the channel with a timeout and
/// always gets back to checking for signals: crossterm's reader can spin
/// forever inside `poll` once the terminal has hung up (a closed window),
/// and that must not stop us from noticing SIGHUP, saving and leaving. The
/// thread ends after the first error, or with the process.
pub(crate) fn spawn_input<T: Send + 'static>(
    events: Sender<T>,
    wrap: fn(io::Result<Event>) -> T,
) -> io::Result<()> {
    thread::Builder::new()
        .name("terminal input".to_string())
        .spawn(move || {
            loop {
                let event = crossterm::event::read();
                let failed = event.is_err();
                if events.send(wrap(event)).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(())
}
