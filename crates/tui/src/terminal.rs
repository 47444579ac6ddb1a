//! Taking the terminal over and always giving it back: raw mode, the
//! alternate screen and mouse reporting are undone on quit, on error, on a
//! panic (a panic hook) and on SIGTERM/SIGHUP/SIGINT (a flag the event loop
//! checks). Also asking the terminal its background colour (OSC 11), to
//! choose the dark or the light theme.

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

/// How long to wait for the terminal to say its background: a local
/// terminal answers in a few milliseconds; one that does not answer at all
/// must not hold the reader up.
pub(crate) const BACKGROUND_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(100);

/// Ask the terminal its background colour (OSC 11) and tell dark from
/// light; `None` when stdin and stdout are not both a terminal, or no
/// answer came within `timeout`. Call in raw mode, before the input thread
/// starts reading. A Primary Device Attributes request goes after the
/// question: every terminal answers it, so one that ignores OSC 11 ends
/// the wait early, and its answer is read here rather than typed into the
/// reader.
#[cfg(unix)]
pub(crate) fn ask_background(timeout: std::time::Duration) -> Option<crate::theme::Background> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use std::io::{IsTerminal, Write};
    use std::os::fd::AsFd;
    use std::time::Instant;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    let mut out = stdout();
    out.write_all(b"\x1b]11;?\x1b\\\x1b[c").ok()?;
    out.flush().ok()?;
    let deadline = Instant::now() + timeout;
    let mut reply = Vec::new();
    while !answered(&reply) {
        let left = deadline.checked_duration_since(Instant::now())?;
        let wait = Timespec {
            tv_sec: i64::try_from(left.as_secs()).unwrap_or(0),
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let fd = stdin.as_fd();
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, Some(&wait)) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return None,
        }
        let mut buf = [0u8; 256];
        let read = rustix::io::read(fd, &mut buf).ok()?;
        if read == 0 {
            break;
        }
        reply.extend_from_slice(&buf[..read]);
    }
    background_of(&reply)
}

/// Elsewhere the terminal is not asked.
#[cfg(not(unix))]
pub(crate) fn ask_background(_timeout: std::time::Duration) -> Option<crate::theme::Background> {
    None
}

/// Whether the device attributes answer (`ESC [ ? … c`) has come: it comes
/// after the background's, if the terminal gives that at all.
fn answered(reply: &[u8]) -> bool {
    reply
        .windows(3)
        .position(|w| w == b"\x1b[?")
        .is_some_and(|at| reply[at..].contains(&b'c'))
}

/// The background in an OSC 11 answer, `ESC ] 11 ; rgb:RRRR/GGGG/BBBB`
/// (one to four hex digits a channel), as dark or light by its luminance.
fn background_of(reply: &[u8]) -> Option<crate::theme::Background> {
    let text = String::from_utf8_lossy(reply);
    let at = text.find("]11;rgb:")?;
    let rest = &text[at + "]11;rgb:".len()..];
    let mut channels = rest.splitn(3, '/').map(|part| {
        let digits: String = part.chars().take_while(char::is_ascii_hexdigit).collect();
        let value = u32::from_str_radix(&digits, 16).ok()?;
        let max = (1u32 << (4 * digits.len().min(4))) - 1;
        Some(f64::from(value) / f64::from(max.max(1)))
    });
    let (r, g, b) = (channels.next()??, channels.next()??, channels.next()??);
    // Rec. 709 luma: a background brighter than mid-grey is light.
    let luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    Some(if luma > 0.5 {
        crate::theme::Background::Light
    } else {
        crate::theme::Background::Dark
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Background;

    #[test]
    fn the_background_answer_is_read_in_every_digit_width() {
        let answer = |s: &str| background_of(s.as_bytes());
        assert_eq!(
            answer("\x1b]11;rgb:ffff/ffff/ffff\x1b\\"),
            Some(Background::Light)
        );
        assert_eq!(
            answer("\x1b]11;rgb:0c0c/0c0c/0c0c\x07"),
            Some(Background::Dark)
        );
        assert_eq!(
            answer("\x1b]11;rgb:fa/fa/fa\x07\x1b[?64;1c"),
            Some(Background::Light)
        );
        assert_eq!(answer("\x1b[?1;2c"), None);
        assert_eq!(answer("\x1b]11;rgb:zz/00/00\x07"), None);
        assert!(answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;c"));
        assert!(!answered(b"\x1b]11;rgb:0/0/0\x07\x1b[?62;"));
    }
}
