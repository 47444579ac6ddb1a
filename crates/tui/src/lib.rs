//! The terminal reader: the only part of baogao that knows about a terminal.
//! It reads a [`Library`] and keeps its own view state; the library, loader
//! and importer know nothing of it.
//!
//! - [`app`]: routes events between the panes and layers, carries out the
//!   effects (`effect`) they return, and draws them.
//! - `tree` (place, township or year → report → sections) and `reader` (one
//!   report, laid out by `document`) are the two panes, and `overview`
//!   takes the reader's place when the tree's selection is a group; `help`,
//!   `outline` and the [`search`] popup are layers; `status` draws the
//!   bottom rows.
//! - [`keymap`]: the one key table; [`theme`]: colours; `paint`: text into
//!   cells by our own widths; [`shelf`]: the library grouped for the tree;
//!   `terminal`: entering and always leaving the terminal.
//!
//! Only what the binary, the tests and the benches use is public; the
//! modules named without links are the crate's own.

#![forbid(unsafe_code)]

pub mod app;
mod compare_view;
mod document;
mod effect;
mod figures;
mod help;
pub mod keymap;
mod outline;
mod overview;
mod paint;
pub mod position;
mod reader;
mod related;
pub mod search;
mod selection;
pub mod settings;
pub mod shelf;
mod status;
mod terminal;
pub mod theme;
mod tree;

use crate::position::ReadingPosition;
use app::App;
use baogao_layout::Widths;
use baogao_report::library::Library;
use crossterm::event::Event;
use search::worker::{SearchClient, Update};
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;
use theme::{Background, Theme};

/// How the reader ended: the user quit, or a signal asked it to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    Signal(i32),
}

/// What the reader starts with.
#[derive(Debug)]
pub struct Options {
    pub widths: Widths,
    /// The background to draw for; `None`: ask the terminal (OSC 11), and
    /// take it as dark when it does not say.
    pub background: Option<Background>,
    /// `NO_COLOR`: emphasis only, no colours.
    pub no_color: bool,
    /// Told once in the status bar (e.g. how many reports failed to load).
    pub notice: Option<String>,
    /// Where the reader left off last time.
    pub resume: Option<ReadingPosition>,
    /// The jump list and bookmarks kept from last time.
    pub kept: position::Kept,
}

/// What wakes the event loop: terminal input, a search worker's answer,
/// or the related index built.
enum Message {
    Input(io::Result<Event>),
    Search(Update),
    Related(related::indexing::Built),
}

/// How a reading session ended, and where the reader was.
#[derive(Debug)]
pub struct Outcome {
    /// How it ended; an error (the terminal failed) still has a position.
    pub exit: io::Result<Exit>,
    pub position: Option<ReadingPosition>,
    /// The jump list and bookmarks to keep for next time.
    pub kept: position::Kept,
}

/// Run the reader until the user quits or a signal stops it; the terminal is
/// restored on every way out.
pub fn run(library: &Library, options: Options) -> io::Result<Outcome> {
    let stop = terminal::StopSignal::register()?;
    let mut terminal = terminal::enter()?;
    // Debug builds only: lets the end-to-end tests check that a panic
    // gives the terminal back.
    #[cfg(debug_assertions)]
    if std::env::var_os("BAOGAO_DEBUG_PANIC").is_some() {
        panic!("BAOGAO_DEBUG_PANIC is set");
    }
    let background = options
        .background
        .or_else(|| terminal::ask_background(terminal::BACKGROUND_TIMEOUT))
        .unwrap_or_default();
    let theme = Theme::for_background(background, options.no_color);
    let mut app = App::new(library, options.widths, theme);
    app.set_kept(options.kept);
    let mut notices: Vec<String> = options.notice.into_iter().collect();
    if let Some(position) = &options.resume
        && !app.resume(position)
    {
        notices.push(baogao_i18n::tf(
            "notice.resume_gone",
            &[(
                "id",
                &baogao_report::sanitise::sanitise(&position.report_id),
            )],
        ));
    }
    if !notices.is_empty() {
        app.set_notice(notices.join("; "));
    }
    let (messages, inbox) = mpsc::channel();
    let exit = std::thread::scope(|scope| {
        let answers = messages.clone();
        let (client, _worker) = SearchClient::background(scope, library, move |update| {
            answers.send(Message::Search(update)).is_ok()
        });
        app.set_search_client(client);
        let built = messages.clone();
        let (builder, _builder) = related::indexing::spawn(scope, library, move |index| {
            built.send(Message::Related(index)).is_ok()
        });
        app.set_related_builder(builder);
        let exit = terminal::spawn_input(messages, Message::Input)
            .and_then(|()| event_loop(&mut terminal, &mut app, &stop, &inbox));
        // Give the terminal back now: the scope still waits for a search
        // that may be running.
        terminal::leave();
        exit
    });
    terminal::leave();
    // ratatui's Terminal shows the cursor again when dropped and reports a
    // failure with `eprintln!`, which panics on a hung-up terminal: the
    // terminal is already given back, so it is not dropped.
    std::mem::forget(terminal);
    // A closed window hangs the terminal up and sends SIGHUP; drawing may
    // fail first. That is the signal's ending, not an error.
    let exit = match (exit, stop.received()) {
        (Err(_), Some(signal)) => Ok(Exit::Signal(signal)),
        (exit, _) => exit,
    };
    Ok(Outcome {
        exit,
        position: app.reading_position(),
        kept: app.kept(),
    })
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    stop: &terminal::StopSignal,
    inbox: &Receiver<Message>,
) -> io::Result<Exit> {
    loop {
        terminal.draw(|frame| app.draw(frame))?;
        app.frame_drawn();
        if let Some(text) = app.take_clipboard() {
            use std::io::Write as _;
            let mut out = io::stdout();
            // A terminal that does not take OSC 52 ignores it.
            out.write_all(app::osc52(&text).as_bytes())?;
            out.flush()?;
        }
        if app.should_quit() {
            return Ok(Exit::Quit);
        }
        if let Some(signal) = stop.received() {
            return Ok(Exit::Signal(signal));
        }
        // Wake at least four times a second to look for signals.
        let first = match inbox.recv_timeout(Duration::from_millis(250)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the terminal input thread stopped"));
            }
        };
        deliver(app, first)?;
        // Take everything already queued before drawing again, unless what
        // came asks for a frame first: keys after opening a layer or a
        // resize must page by the size they will be drawn at. The rest stay
        // queued for after the draw.
        while !app.should_quit() && !app.needs_draw() {
            match inbox.try_recv() {
                Ok(message) => deliver(app, message)?,
                Err(_) => break,
            }
        }
    }
}

fn deliver(app: &mut App, message: Message) -> io::Result<()> {
    match message {
        Message::Input(event) => app.handle(&event?),
        Message::Search(update) => app.receive(update),
        Message::Related(built) => app.receive_related(built),
    }
    Ok(())
}
