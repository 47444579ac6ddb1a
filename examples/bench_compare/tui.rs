//! The TUI in a pseudo-terminal, as a reader meets it: time from start to
//! the first drawn tree; how long a key takes to show (key sent → the
//! screen's contents changed) while moving in the tree and reading; and peak
//! memory once the library is loaded and a search has run (the popup's
//! worker builds the heading index then, so that is the peak a reader meets).

use crate::process::peak_rss_of;
use anyhow::{Context, bail};
use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const COLS: NonZeroU16 = NonZeroU16::new(120).unwrap();
const ROWS: NonZeroU16 = NonZeroU16::new(40).unwrap();
const TIMEOUT: Duration = Duration::from_secs(60);
/// Keys that each change the screen, from the first frame on: the tree
/// grouped by township (`v`: a township, its years, a year's reports, at
/// the same depths whatever places the library names), down and up the
/// tree, into the first township, year and report, read it, page and step
/// through its sections, its end and start, back to the tree.
const KEYS: [&str; 24] = [
    "v", "j", "j", "j", "k", "k", "k", "l", "l", "l", "l", "\r", " ", " ", " ", "b", "]", "]", "]",
    "[", "G", "g", "\t", "j",
];

#[derive(Debug, Clone)]
pub struct TuiRun {
    pub first_frame: Duration,
    /// For each of [`KEYS`]: key sent → the screen's contents changed.
    pub key_latencies: Vec<Duration>,
    /// Peak resident set size after load and one search, in bytes.
    pub peak_rss: u64,
}

/// What the reader thread saw of the terminal.
struct Screen {
    parser: vt100::Parser,
    /// The contents (with colours) after the last change, how many changes
    /// there were, and when the last came. baogao also redraws on a timer,
    /// writing bytes that change nothing: those are not counted.
    contents: String,
    changes: u64,
    changed_at: Instant,
    /// When a tree row (a folded township, "▸") was first on screen.
    first_tree: Option<Instant>,
    /// The program's end of the terminal closed: it exited.
    closed: bool,
}

/// Kills the program when a measurement fails half way.
struct Running(Box<dyn Child + Send + Sync>);

impl Drop for Running {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
        }
    }
}

/// Start `baogao DIR` (state kept under `state_home`), wait for the tree,
/// type [`KEYS`], search for `query` and wait for its count, read the peak
/// memory, quit.
pub fn run(bin: &Path, dir: &Path, state_home: &Path, query: &str) -> anyhow::Result<TuiRun> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS.get(),
            cols: COLS.get(),
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|error| anyhow::anyhow!("no pseudo-terminal: {error}"))?;
    let mut command = CommandBuilder::new(bin);
    // portable-pty starts a command in the home directory unless told
    // otherwise; the library's path may be relative to ours.
    command.cwd(std::env::current_dir().context("the current directory")?);
    command.arg(dir);
    command.env("TERM", "xterm-256color");
    // An absolute path: a relative XDG_STATE_HOME is ignored (as the XDG
    // spec says), and the reading position would go to the user's own.
    command.env(
        "XDG_STATE_HOME",
        std::path::absolute(state_home).context("the state directory")?,
    );
    let start = Instant::now();
    let child = pair
        .slave
        .spawn_command(command)
        .map_err(|error| anyhow::anyhow!("cannot start {}: {error}", bin.display()))?;
    let mut child = Running(child);
    drop(pair.slave);
    let pid = child.0.process_id().context("the TUI's pid")?;
    let screen = Arc::new(Mutex::new(Screen {
        parser: vt100::Parser::new(ROWS, COLS, 0),
        contents: String::new(),
        changes: 0,
        changed_at: start,
        first_tree: None,
        closed: false,
    }));
    let mut output = pair
        .master
        .try_clone_reader()
        .map_err(|error| anyhow::anyhow!("pty output: {error}"))?;
    let keys = Arc::new(Mutex::new(
        pair.master
            .take_writer()
            .map_err(|error| anyhow::anyhow!("pty input: {error}"))?,
    ));
    let answers = Arc::clone(&keys);
    let sink = Arc::clone(&screen);
    let reader = thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        loop {
            let n = output.read(&mut chunk).unwrap_or(0);
            let Ok(mut screen) = sink.lock() else { break };
            if n == 0 {
                screen.closed = true;
                break;
            }
            answer_queries(&chunk[..n], &answers);
            screen.parser.process(&chunk[..n]);
            let now = Instant::now();
            let contents = screen.parser.screen().contents_formatted();
            if contents != screen.contents {
                screen.contents = contents;
                screen.changes += 1;
                screen.changed_at = now;
            }
            if screen.first_tree.is_none() && screen.parser.screen().contents().contains('▸') {
                screen.first_tree = Some(now);
            }
        }
    });
    let send = |bytes: &[u8]| -> anyhow::Result<()> {
        let mut keys = keys
            .lock()
            .map_err(|_| anyhow::anyhow!("pty input poisoned"))?;
        keys.write_all(bytes)?;
        keys.flush()?;
        Ok(())
    };

    let first_tree = wait(&screen, "the tree", |s| s.first_tree)?;
    let mut key_latencies = Vec::new();
    for key in KEYS {
        settle(&screen)?;
        let before = screen.lock().map_or(0, |s| s.changes);
        let sent = Instant::now();
        send(key.as_bytes())?;
        let changed = wait(&screen, &format!("a change after key {key:?}"), |s| {
            (s.changes > before).then_some(s.changed_at)
        })?;
        key_latencies.push(changed - sent);
    }
    settle(&screen)?;
    send(format!("/{query}").as_bytes())?;
    wait(&screen, "the search's count", |s| {
        let text = s.parser.screen().contents();
        text.contains(" match").then_some(())
    })?;
    let peak_rss = peak_rss_of(&pid.to_string())?;
    // Esc and q apart: together they read as Alt-q.
    send(b"\x1b")?;
    thread::sleep(Duration::from_millis(100));
    send(b"q")?;
    let quit = Instant::now();
    while child.0.try_wait()?.is_none() {
        if quit.elapsed() > TIMEOUT {
            bail!("the TUI did not quit on q");
        }
        thread::sleep(Duration::from_millis(5));
    }
    drop(pair.master);
    let _ = reader.join();
    Ok(TuiRun {
        first_frame: first_tree - start,
        key_latencies,
        peak_rss,
    })
}

/// Answer what the reader asks the terminal at start, as xterm does: its
/// background (OSC 11: black) and its device attributes (DA1), which a
/// terminal answers in milliseconds. Unanswered, the reader would wait its
/// full 100 ms for them, which no real terminal makes it do.
fn answer_queries(output: &[u8], keys: &Mutex<Box<dyn Write + Send>>) {
    let asks = |query: &[u8]| output.windows(query.len()).any(|w| w == query);
    let mut reply: Vec<u8> = Vec::new();
    if asks(b"\x1b]11;?") {
        reply.extend_from_slice(b"\x1b]11;rgb:0000/0000/0000\x1b\\");
    }
    if asks(b"\x1b[c") {
        reply.extend_from_slice(b"\x1b[?62;22c");
    }
    if !reply.is_empty()
        && let Ok(mut keys) = keys.lock()
    {
        let _ = keys.write_all(&reply);
        let _ = keys.flush();
    }
}

/// Poll the screen until `found` gives something; fail, with the screen,
/// when the program exits first or after [`TIMEOUT`].
fn wait<T>(
    screen: &Mutex<Screen>,
    what: &str,
    found: impl Fn(&Screen) -> Option<T>,
) -> anyhow::Result<T> {
    let start = Instant::now();
    loop {
        if let Ok(screen) = screen.lock() {
            if let Some(value) = found(&screen) {
                return Ok(value);
            }
            let why = if screen.closed {
                "the TUI exited"
            } else if start.elapsed() > TIMEOUT {
                "timed out"
            } else {
                ""
            };
            if !why.is_empty() {
                let shown = screen.parser.screen().contents();
                bail!("{why} waiting for {what}; the screen:\n{shown}");
            }
        }
        thread::sleep(Duration::from_micros(100));
    }
}

/// Wait until the screen has not changed for 50 ms: the last frame is whole.
fn settle(screen: &Mutex<Screen>) -> anyhow::Result<()> {
    let quiet = Duration::from_millis(50);
    wait(screen, "a whole frame", |s| {
        (s.changed_at.elapsed() >= quiet).then_some(())
    })
}
