//! Taking the terminal over and always giving it back: raw mode, the
//! alternate screen and mouse reporting are undone on quit, on error, on a
//! panic (a panic hook) and on SIGTERM/SIGHUP (a flag the event loop checks).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Enter raw mode and the alternate screen, and turn mouse reporting on.
/// ratatui's `init` also installs a panic hook that restores the terminal;
/// ours goes in front of it to turn mouse reporting off as well.
pub fn enter() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let restore_then_report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        restore_then_report(info);
    }));
    if let Err(error) = execute!(stdout(), EnableMouseCapture) {
        leave();
        return Err(error);
    }
    Ok(terminal)
}

/// Give the terminal back as it was. Safe to call more than once.
pub fn leave() {
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// The signal that asked us to stop, if any: SIGTERM and SIGHUP set it, and
/// the event loop, which wakes at least every few hundred milliseconds, ends.
#[derive(Debug, Clone)]
pub struct StopSignal(Arc<AtomicUsize>);

impl StopSignal {
    pub fn register() -> io::Result<StopSignal> {
        let flag = Arc::new(AtomicUsize::new(0));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register_usize(signal, Arc::clone(&flag), signal as usize)?;
        }
        Ok(StopSignal(flag))
    }

    /// The signal number received, if one was.
    pub fn received(&self) -> Option<i32> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}
