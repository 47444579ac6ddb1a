//! Taking the terminal over and always giving it back: raw mode, the
//! alternate screen and mouse reporting are undone on quit, on error, on a
//! panic (a panic hook) and on SIGTERM/SIGHUP/SIGINT (a flag the event loop
//! checks).

use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use ratatui::DefaultTerminal;
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::thread;

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

/// The signal that asked us to stop, if any: SIGTERM, SIGHUP and SIGINT set it, and
/// the event loop, which wakes at least every few hundred milliseconds, ends.
#[derive(Debug, Clone)]
pub struct StopSignal(Arc<AtomicUsize>);

impl StopSignal {
    pub fn register() -> io::Result<StopSignal> {
        let flag = Arc::new(AtomicUsize::new(0));
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // SIGINT too: in raw mode Ctrl-C is a key, but `kill -INT` is not.
        for signal in [SIGTERM, SIGHUP, SIGINT] {
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

/// Read terminal events on a thread of their own and hand them over a
/// channel. The event loop then waits on the channel with a timeout and
/// always gets back to checking for signals: crossterm's reader can spin
/// forever inside `poll` once the terminal has hung up (a closed window),
/// and that must not stop us from noticing SIGHUP, saving and leaving. The
/// thread ends after the first error, or with the process.
pub fn spawn_input() -> io::Result<Receiver<io::Result<Event>>> {
    let (events, receiver) = mpsc::channel();
    thread::Builder::new()
        .name("terminal input".to_string())
        .spawn(move || {
            loop {
                let event = crossterm::event::read();
                let failed = event.is_err();
                if events.send(event).is_err() || failed {
                    break;
                }
            }
        })?;
    Ok(receiver)
}
