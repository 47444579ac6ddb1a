//! A pseudo-terminal session with the real `baogao` binary: keys go in as
//! the bytes a terminal sends, the output is fed to a vt100 emulator, and the
//! test reads the screen as a person would. Every raw byte is kept too, so a
//! test can check what exactly was sent to the terminal.
//!
//! The test passes the binary's path in: Cargo names it only to the top
//! package's integration tests, as `env!("CARGO_BIN_EXE_baogao")`.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The real binary running in a pseudo-terminal, with a terminal emulator
/// (vt100) reading everything it writes, so a test can read the screen.
pub struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session").finish_non_exhaustive()
    }
}

impl Session {
    /// Start the binary at `program` (`baogao`) with `args` in a
    /// `cols`×`rows` terminal, with its state kept under `state_home` (never
    /// the user's own).
    pub fn start(
        program: impl AsRef<Path>,
        args: &[&str],
        cols: u16,
        rows: u16,
        state_home: &Path,
    ) -> Session {
        Session::start_with_env(program, args, cols, rows, state_home, &[])
    }

    /// As [`Session::start`], with extra environment variables.
    pub fn start_with_env(
        program: impl AsRef<Path>,
        args: &[&str],
        cols: u16,
        rows: u16,
        state_home: &Path,
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(program.as_ref());
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("XDG_STATE_HOME", state_home);
        // No settings file but one a test writes there.
        command.env("XDG_CONFIG_HOME", state_home);
        command.env_remove("NO_COLOR");
        command.env_remove("BAOGAO_AMBIGUOUS_WIDE");
        command.env_remove("BAOGAO_DEBUG_PANIC");
        command.env_remove("RUST_BACKTRACE");
        // English unless a test asks for a locale: the user's own must not
        // change what the screens say.
        command.env_remove("LC_ALL");
        command.env_remove("LC_MESSAGES");
        command.env("LANG", "C.UTF-8");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair.slave.spawn_command(command).expect("baogao starts");
        // Our copy of the slave must go, or the reader never sees the end.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            at_least_one(rows),
            at_least_one(cols),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut output = pair.master.try_clone_reader().expect("pty output");
        let (sink, bytes) = (Arc::clone(&parser), Arc::clone(&raw));
        let reader = thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = output.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                if let Ok(mut parser) = sink.lock() {
                    parser.process(&chunk[..n]);
                }
                if let Ok(mut raw) = bytes.lock() {
                    raw.extend_from_slice(&chunk[..n]);
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty input");
        Session {
            master: pair.master,
            writer,
            child,
            parser,
            raw,
            reader: Some(reader),
        }
    }

    /// Type `bytes` as a terminal would send them.
    pub fn send(&mut self, bytes: &[u8]) {
        let writer = &mut self.writer;
        writer.write_all(bytes).expect("keys reach baogao");
        writer.flush().expect("keys reach baogao");
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser
            .lock()
            .map(|parser| parser.screen().contents())
            .unwrap_or_default()
    }

    /// The screen cell by cell: each row's cells in order, a cell's text
    /// (empty for a blank cell and for the second half of a wide character).
    /// For checks of where exactly things landed, such as a border column.
    pub fn cells(&self) -> Vec<Vec<String>> {
        self.parser
            .lock()
            .map(|parser| {
                let screen = parser.screen();
                let (rows, cols) = screen.size();
                (0..rows.get())
                    .map(|row| {
                        (0..cols.get())
                            .map(|col| {
                                screen
                                    .cell(row, col)
                                    .map(|cell| cell.contents().to_string())
                                    .unwrap_or_default()
                            })
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Wait until the screen shows `text`; panic with the screen after `timeout`.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> String {
        self.wait_until(|screen| screen.contains(text), timeout, text)
    }

    /// Wait until `test` accepts the screen, and the screen is a whole
    /// frame: nothing more arrived for a moment. Text can show up while
    /// its frame is still being written, and a test that then looks at the
    /// rest of the screen would see half of it.
    pub fn wait_until(&self, test: impl Fn(&str) -> bool, timeout: Duration, what: &str) -> String {
        let start = Instant::now();
        loop {
            let written = self.written();
            let screen = self.screen();
            if test(&screen) {
                thread::sleep(Duration::from_millis(30));
                if self.written() == written {
                    return screen;
                }
                continue;
            }
            let screen = self.screen();
            assert!(
                start.elapsed() < timeout,
                "timed out waiting for {what:?}; the screen:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resize the terminal to `cols`×`rows`, as a window resize does.
    ///
    /// The emulator takes the new size first, and holds its lock until the
    /// pty has it too: whatever baogao draws after its SIGWINCH is read at
    /// the new size. (The other way round, a frame drawn at the new size
    /// could reach the emulator while it still has the old one, and stay
    /// garbled: baogao draws only what changed after that.)
    pub fn resize(&self, cols: u16, rows: u16) {
        let mut parser = self.parser.lock().ok();
        if let Some(parser) = parser.as_mut() {
            // The emulator has no 0-row screen; the pty does, and baogao must cope.
            parser
                .screen_mut()
                .set_size(at_least_one(rows), at_least_one(cols));
        }
        self.master()
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        drop(parser);
    }

    /// Whether the terminal is in cooked mode (canonical input, echo) now.
    pub fn is_cooked(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let termios = self.master().get_termios().expect("the terminal's mode");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    fn master(&self) -> &dyn MasterPty {
        self.master.as_ref()
    }

    /// Whether the emulated terminal is on its main screen with the cursor shown.
    pub fn main_screen_with_cursor(&self) -> bool {
        self.parser.lock().is_ok_and(|parser| {
            !parser.screen().alternate_screen() && !parser.screen().hide_cursor()
        })
    }

    /// How many bytes baogao has written so far.
    fn written(&self) -> usize {
        self.raw.lock().map(|raw| raw.len()).unwrap_or_default()
    }

    /// Open the bundled 南麂镇 report at its first section: grouped by
    /// township (`v`), its one report is the third row (first, `g`). Waits
    /// for the section's heading.
    pub fn read_nanji(&mut self, timeout: Duration) -> String {
        self.send(b"vgjjlj\r");
        self.wait_for("（一）千方百计促发展", timeout)
    }

    /// Every byte baogao wrote.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().map(|raw| raw.clone()).unwrap_or_default()
    }

    /// Wait for baogao to exit and for its last output; its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status.exit_code();
            }
            if start.elapsed() > timeout {
                let _ = self.child.kill();
                let raw = self.raw_output();
                let tail =
                    String::from_utf8_lossy(&raw[raw.len().saturating_sub(400)..]).into_owned();
                panic!(
                    "baogao did not exit; the screen:\n{}\nits last output: {tail:?}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

fn at_least_one(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}
