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
//!   `terminal`: entering and always leaving the terminal; [`watch`]: the
//!   library's folder followed for changes on disk.
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
pub mod watch;

pub use related::kinship_label;

use crate::position::ReadingPosition;
use app::{App, Carried, Changes};
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_report::load::LoadError;
use crossterm::event::Event;
use search::worker::{SearchClient, Update};
use std::cell::RefCell;
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;
use theme::{Background, Theme};
use watch::Watch;

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
    /// The library's folder, to follow its changes on disk; `None`: the
    /// library stays as it was loaded (`--no-watch`, the bundled reports).
    pub watch: Option<Watch>,
    /// Files that failed to load at start: one mended while the folder is
    /// watched is no longer broken (see [`Outcome::broken`]).
    pub broken: Vec<LoadError>,
}

/// What wakes the event loop: terminal input, a search worker's answer or
/// the related index built (each with the generation of the library it
/// is about), or the library changed on disk.
enum Message {
    Input(io::Result<Event>),
    Search(u64, Update),
    Related(u64, baogao_compare::RelatedIndex),
    Library(watch::Batch),
}

/// How a reading session ended, and where the reader was.
#[derive(Debug)]
pub struct Outcome {
    /// How it ended; an error (the terminal failed) still has a position.
    pub exit: io::Result<Exit>,
    pub position: Option<ReadingPosition>,
    /// The jump list and bookmarks to keep for next time.
    pub kept: position::Kept,
    /// Files of the library that failed to load, at start or while it was
    /// watched, and were not mended since.
    pub broken: Vec<LoadError>,
}

/// How one turn of the event loop over one library ended.
enum End {
    Exit(Exit),
    /// The library changed on disk: the reader goes on over a new one.
    Reload(watch::Batch),
}

/// What the first app over the library starts with.
struct Start {
    notice: Option<String>,
    resume: Option<ReadingPosition>,
    kept: position::Kept,
}

/// Run the reader until the user quits or a signal stops it; the terminal is
/// restored on every way out. With [`Options::watch`], the library follows
/// its folder: each change on disk gives a new library, and a new app over
/// it that takes up where the last one was ([`App::take_over`]).
pub fn run(library: Library, options: Options) -> io::Result<Outcome> {
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
    let widths = options.widths;
    let mut watch = options.watch;
    let mut start = Some(Start {
        notice: options.notice,
        resume: options.resume,
        kept: options.kept,
    });
    let (messages, inbox) = mpsc::channel();
    let input = terminal::spawn_input(messages.clone(), Message::Input);
    let mut library = library;
    let mut carried: Option<(Carried, Changes)> = None;
    let broken: RefCell<Vec<LoadError>> = RefCell::new(options.broken);
    let mut generation = 0_u64;
    let mut position = None;
    let mut kept = position::Kept::default();
    let exit = loop {
        if let Err(error) = &input {
            break Err(io::Error::new(error.kind(), error.to_string()));
        }
        let (end, state) = std::thread::scope(|scope| {
            let mut app = App::new(&library, widths, theme);
            // The workers first: taking over may reopen a search, which must
            // run on the worker, not here.
            let answers = messages.clone();
            let (client, _worker) = SearchClient::background(scope, &library, move |update| {
                answers.send(Message::Search(generation, update)).is_ok()
            });
            app.set_search_client(client);
            let built = messages.clone();
            let (builder, _builder) = related::indexing::spawn(scope, &library, move |index| {
                built.send(Message::Related(generation, index)).is_ok()
            });
            app.set_related_builder(builder);
            match carried.take() {
                Some((carried, changes)) => app.take_over(carried, &changes),
                None => {
                    if let Some(start) = start.take() {
                        begin(&mut app, start);
                    }
                }
            }
            let turn = Turn {
                stop: &stop,
                inbox: &inbox,
                messages: &messages,
                generation,
                library: &library,
                broken: &broken,
            };
            let end = event_loop(&mut terminal, &mut app, &turn, &mut watch);
            if !matches!(end, Ok(End::Reload(_))) {
                // Give the terminal back now: the scope still waits for a
                // search that may be running.
                terminal::leave();
            }
            let state = (app.carry(), app.reading_position(), app.kept());
            (end, state)
        });
        let (carry, at, keep) = state;
        position = at;
        kept = keep;
        match end {
            Ok(End::Reload(batch)) => {
                let failed = batch.broken.len();
                let (changed, count) = std::mem::take(&mut library).changed(batch.changes);
                library = changed;
                let changes = Changes {
                    count,
                    broken: failed,
                };
                carried = Some((carry, changes));
                generation += 1;
            }
            Ok(End::Exit(exit)) => break Ok(exit),
            Err(error) => break Err(error),
        }
    };
    terminal::leave();
    // ratatui's Terminal shows the cursor again when dropped and reports a
    // failure with `eprintln!`, which panics on a hung-up terminal: the
    // terminal is already given back, so it is not dropped.
    std::mem::forget(terminal);
    // Freeing ten thousand reports string by string takes longer than
    // quitting should: the process ends right after.
    std::mem::forget(library);
    // A closed window hangs the terminal up and sends SIGHUP; drawing may
    // fail first. That is the signal's ending, not an error.
    let exit = match (exit, stop.received()) {
        (Err(_), Some(signal)) => Ok(Exit::Signal(signal)),
        (exit, _) => exit,
    };
    Ok(Outcome {
        exit,
        position,
        kept,
        broken: broken.into_inner(),
    })
}

/// The first app: what was kept from last time, and where the reader
/// left off.
fn begin(app: &mut App, start: Start) {
    app.set_kept(start.kept);
    let mut notices: Vec<String> = start.notice.into_iter().collect();
    if let Some(position) = &start.resume
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
}

/// What the event loop over one library reads from.
struct Turn<'t> {
    stop: &'t terminal::StopSignal,
    inbox: &'t Receiver<Message>,
    /// For the watcher, started after the first frame.
    messages: &'t Sender<Message>,
    /// Which library this is: a search answer about an earlier one is
    /// dropped.
    generation: u64,
    library: &'t Library,
    /// Files that failed to load while the folder was watched.
    broken: &'t RefCell<Vec<LoadError>>,
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    turn: &Turn,
    watch: &mut Option<Watch>,
) -> io::Result<End> {
    loop {
        terminal.draw(|frame| app.draw(frame))?;
        // Only once the first frame is up: watching a large folder (a
        // watch per directory) must not delay it.
        if let Some(watch) = watch.take() {
            let changes = turn.messages.clone();
            watch::spawn(watch, move |batch| {
                changes.send(Message::Library(batch)).is_ok()
            });
        }
        if let Some(text) = app.take_clipboard() {
            use std::io::Write as _;
            let mut out = io::stdout();
            // A terminal that does not take OSC 52 ignores it.
            out.write_all(app::osc52(&text).as_bytes())?;
            out.flush()?;
        }
        if app.should_quit() {
            return Ok(End::Exit(Exit::Quit));
        }
        if let Some(signal) = turn.stop.received() {
            return Ok(End::Exit(Exit::Signal(signal)));
        }
        // Wake at least four times a second to look for signals.
        let first = match turn.inbox.recv_timeout(Duration::from_millis(250)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("the terminal input thread stopped"));
            }
        };
        if let Some(batch) = deliver(app, turn, first)? {
            return Ok(End::Reload(batch));
        }
        // Take everything already queued before drawing again, unless what
        // came asks for a frame first: keys after opening a layer or a
        // resize must page by the size they will be drawn at. The rest stay
        // queued for after the draw.
        while !app.should_quit() && !app.needs_draw() {
            match turn.inbox.try_recv() {
                Ok(message) => {
                    if let Some(batch) = deliver(app, turn, message)? {
                        return Ok(End::Reload(batch));
                    }
                }
                Err(_) => break,
            }
        }
    }
}

/// Hand a message to the app; a change of the library on disk that
/// changes its reports is handed back, for a new library. Files that
/// failed are noted (and said, when nothing else changed); one mended is
/// no longer broken.
fn deliver(app: &mut App, turn: &Turn, message: Message) -> io::Result<Option<watch::Batch>> {
    match message {
        Message::Input(event) => app.handle(&event?),
        Message::Search(generation, update) if generation == turn.generation => {
            app.receive(update);
        }
        Message::Search(..) => {}
        Message::Related(generation, built) if generation == turn.generation => {
            app.receive_related(built);
        }
        Message::Related(..) => {}
        Message::Library(batch) => {
            if let Some(error) = &batch.unwatched {
                app.set_notice(baogao_i18n::tf("watch.unwatched", &[("error", error)]));
            } else {
                let mut broken = turn.broken.borrow_mut();
                broken.retain(|error| !batch.changes.iter().any(|(path, _)| *path == error.path));
                broken.extend(batch.broken.iter().cloned());
                drop(broken);
                if turn.library.touches(&batch.changes) {
                    return Ok(Some(batch));
                }
                if !batch.broken.is_empty() {
                    let failed = batch.broken.len();
                    app.set_notice(baogao_i18n::tf("read.failed", &[("n", &failed)]));
                }
            }
        }
    }
    Ok(None)
}
