//! The app: two panes, the layers above them and the bottom rows. It routes
//! each event to whoever has the keys (the top layer, else the focused pane)
//! and carries out the `Effect` it returns, which is how the tree and the
//! reader keep in step; the panes own their state.

mod copy;
pub(crate) use copy::osc52;
mod draw;
pub mod jumps;
mod keep;
pub use keep::{Carried, Changes};
mod marks;
mod related;
mod searching;

use baogao_i18n::t;
use draw::reader_text_area;
use searching::{Walked, on_search_mouse};

use super::compare_view::CompareLayer;
use super::effect::{Effect, OverviewOf};
use super::figures::FiguresLayer;
use super::help::HelpLayer;
use super::keymap::{Action, Scope, action_for};
use super::outline::OutlineLayer;
use super::overview::OverviewPane;
use super::reader::ReaderPane;
use super::related::RelatedLayer;
use super::search::worker::SearchClient;
use super::search::{Recall, SearchLayer};
use super::theme::Theme;
use super::tree::TreePane;
use crate::position::ReadingPosition;
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_report::model::SectionPath;
use baogao_search::Mode;
use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Block;

/// Below this the screen only says it is too small.
const MIN_WIDTH: u16 = 30;
const MIN_HEIGHT: u16 = 8;
/// Below this width one pane fills the screen (the focused one).
const SIDE_BY_SIDE_WIDTH: u16 = 60;

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Focus {
    Tree,
    Reader,
}

/// A layer drawn over the panes; the top one gets the keys first.
#[derive(Debug)]
pub(crate) enum Layer {
    Help(HelpLayer),
    Search(SearchLayer),
    Outline(OutlineLayer),
    Figures(FiguresLayer),
    Marks(marks::MarksLayer),
    Compare(Box<CompareLayer>),
    Related(RelatedLayer),
}

/// Where everything goes on the current screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Areas {
    screen: Rect,
    tree: Option<Rect>,
    reader: Option<Rect>,
    /// Where each pane is, or would be when one pane fills the screen.
    /// Both keep a layout for it: switching panes needs no new one (the
    /// keys after Tab page by the right height before anything is drawn),
    /// and the status bar can always say where the reading is.
    tree_frame: Rect,
    reader_frame: Rect,
    status: Rect,
    footer: Option<Rect>,
}

/// The reader application's state.
pub struct App<'a> {
    library: &'a Library,
    tree: TreePane<'a>,
    reader: ReaderPane<'a>,
    /// What the reader's side shows when the tree's selection is a group
    /// (and at start): an overview instead of the last report read.
    overview: OverviewPane,
    overview_shown: bool,
    focus: Focus,
    layers: Vec<Layer>,
    /// The layout of the last frame drawn.
    areas: Option<Areas>,
    /// A layer opened or the terminal was resized since the last frame:
    /// what is laid out no longer fits, and keys must wait for a draw.
    unfitted: bool,
    notice: Option<String>,
    /// Said before where the reader is in the status bar, until the next
    /// key: what a step past an edge did (n going round the end).
    aside: Option<String>,
    search: SearchClient<'a>,
    /// The mode the popup opens in: the one used last.
    search_mode: Mode,
    /// The newest request number a closed popup used.
    last_search_seq: u64,
    /// Each mode's last query and the scope, shown again when the popup
    /// reopens.
    recall: Recall,
    /// The search n/N go through.
    walked: Option<Walked>,
    /// Where Ctrl-O and Ctrl-I go.
    jumps: jumps::Jumps,
    /// Bookmarks by letter.
    marks: std::collections::BTreeMap<char, crate::position::Mark>,
    /// `m` or `'` waiting for its letter.
    pending: Option<marks::Pending>,
    /// Text `y` or `Y` copied, for the event loop to send (OSC 52).
    clipboard: Option<String>,
    widths: Widths,
    theme: Theme,
    /// The related-sections index: built in the background, or (tests)
    /// on first use.
    related: crate::related::indexing::Indexing,
    quit: bool,
}

/// The state worth seeing in a debugger; the panes and the library are large.
impl std::fmt::Debug for App<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("reports", &self.library.len())
            .field("focus", &self.focus)
            .field("layers", &self.layers.len())
            .field("areas", &self.areas)
            .field("notice", &self.notice)
            .field("quit", &self.quit)
            .finish_non_exhaustive()
    }
}

impl<'a> App<'a> {
    pub fn new(library: &'a Library, widths: Widths, theme: Theme) -> App<'a> {
        let tree = TreePane::new(library, widths, theme);
        let mut overview = OverviewPane::new(widths, theme);
        overview.show(library, tree.shelf(), OverviewOf::Library);
        App {
            library,
            tree,
            reader: ReaderPane::new(widths, theme),
            overview,
            overview_shown: true,
            focus: Focus::Tree,
            layers: Vec::new(),
            areas: None,
            unfitted: true,
            notice: None,
            aside: None,
            search: SearchClient::inline(library),
            search_mode: Mode::Headings,
            last_search_seq: 0,
            recall: Recall::default(),
            walked: None,
            jumps: jumps::Jumps::default(),
            marks: std::collections::BTreeMap::new(),
            pending: None,
            clipboard: None,
            widths,
            theme,
            related: crate::related::indexing::Indexing::inline(),
            quit: false,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A one-line message for the status bar, shown until the next key.
    pub(crate) fn set_notice(&mut self, notice: impl Into<String>) {
        self.notice = Some(notice.into());
    }

    /// Go back to a saved reading position; false if its report is gone.
    pub fn resume(&mut self, position: &ReadingPosition) -> bool {
        let Some(index) = self.library.index_of(&position.report_id) else {
            return false;
        };
        let position = position.clamped_to(&self.library.reports()[index]);
        self.reader.open_at(self.library, index, &position);
        self.overview_shown = false;
        self.tree
            .reveal(index, &SectionPath(position.section.clone()));
        self.focus = Focus::Reader;
        true
    }

    /// Where the reader is, to be saved for next time.
    pub fn reading_position(&self) -> Option<ReadingPosition> {
        self.reader.position()
    }

    /// One frame: lay everything out for the frame's area (the terminal may
    /// have been resized since the last look), draw it, and place the
    /// terminal cursor. The event loop and the tests both draw through
    /// this; it is the only place where anything is laid out for the screen.
    pub fn draw(&mut self, frame: &mut Frame) {
        let area = frame.area();
        self.prepare(area);
        frame.render_widget(&*self, area);
        if let Some(cursor) = self.cursor() {
            frame.set_cursor_position(cursor);
        }
    }

    /// Whether the next key must wait for a frame: a layer opened (its
    /// page size is not known until it is laid out) or the terminal was
    /// resized since the last one.
    pub(crate) fn needs_draw(&self) -> bool {
        self.unfitted
    }

    /// Fit everything to a screen of `area`: decide the areas and let the
    /// panes and layers lay themselves out.
    fn prepare(&mut self, area: Rect) {
        let areas =
            (area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT).then(|| self.areas_for(area));
        if let Some(areas) = &areas {
            self.tree
                .resize(areas.tree_frame.height.saturating_sub(2) as usize);
            let inner = reader_text_area(areas.reader_frame);
            self.reader.resize(
                inner.width as usize,
                inner.height.saturating_sub(1) as usize,
            );
            self.overview
                .resize(inner.height.saturating_sub(1) as usize);
        }
        let library = self.library;
        for layer in &mut self.layers {
            match layer {
                Layer::Help(help) => {
                    let frame = help.frame(area);
                    let (rows, columns) = (
                        frame.height.saturating_sub(2),
                        frame.width.saturating_sub(2),
                    );
                    help.resize(usize::from(rows), usize::from(columns));
                }
                Layer::Search(search) => search.resize(SearchLayer::frame(area)),
                Layer::Outline(outline) => {
                    let rows = outline.frame(area).height.saturating_sub(2);
                    outline.resize(usize::from(rows));
                }
                // Borders, the summary line and a blank under it.
                Layer::Figures(figures) => {
                    let rows = FiguresLayer::frame(area).height.saturating_sub(4);
                    figures.resize(usize::from(rows));
                }
                Layer::Marks(_) => {}
                Layer::Compare(compare) => {
                    let inner = Block::bordered().inner(CompareLayer::frame(area));
                    compare.resize(library, inner, area.width);
                }
                Layer::Related(related) => {
                    let rows = RelatedLayer::frame(area).height.saturating_sub(2);
                    related.resize(usize::from(rows));
                }
            }
        }
        self.areas = areas;
        self.unfitted = false;
    }

    fn areas_for(&self, area: Rect) -> Areas {
        let [main, status, footer] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(u16::from(area.height >= 12)),
        ])
        .areas(area);
        let footer = (footer.height > 0).then_some(footer);
        let (tree, reader) = if area.width < SIDE_BY_SIDE_WIDTH {
            match self.focus {
                Focus::Tree => (Some(main), None),
                Focus::Reader => (None, Some(main)),
            }
        } else {
            let tree_width = (u32::from(area.width) * 3 / 10).clamp(24, 44) as u16;
            let [tree, reader] =
                Layout::horizontal([Constraint::Length(tree_width), Constraint::Fill(1)])
                    .areas(main);
            (Some(tree), Some(reader))
        };
        Areas {
            screen: area,
            tree,
            reader,
            tree_frame: tree.unwrap_or(main),
            reader_frame: reader.unwrap_or(main),
            status,
            footer,
        }
    }

    fn scope(&self) -> Scope {
        match (self.layers.last(), self.focus) {
            (Some(Layer::Help(_)), _) => Scope::Help,
            (Some(Layer::Search(_)), _) => Scope::Search,
            (Some(Layer::Outline(_)), _) => Scope::Outline,
            (Some(Layer::Figures(_)), _) => Scope::Figures,
            (Some(Layer::Marks(_)), _) => Scope::Marks,
            (Some(Layer::Compare(_)), _) => Scope::Compare,
            (Some(Layer::Related(_)), _) => Scope::Related,
            (None, Focus::Tree) => Scope::Tree,
            (None, Focus::Reader) => Scope::Reader,
        }
    }

    pub fn handle(&mut self, event: &Event) {
        let mut jumped_from = None;
        let effect = match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let before = self.reader.position();
                let action = action_for(self.scope(), key);
                let effect = self.on_key(key);
                if jumps::is_jump(action, &effect) {
                    jumped_from = Some(before);
                }
                effect
            }
            Event::Mouse(mouse) => self.on_mouse(*mouse),
            Event::Paste(text) => match self.layers.last_mut() {
                Some(Layer::Search(layer)) => layer.type_text(text),
                _ => Effect::None,
            },
            Event::Resize(..) => {
                self.unfitted = true;
                Effect::None
            }
            _ => Effect::None,
        };
        self.apply(effect);
        if let Some(before) = jumped_from {
            self.note_jump(before);
        }
    }

    /// A key: its action from the key table, taken by the app itself when
    /// it is a global one, else by whoever has the keys.
    fn on_key(&mut self, key: &KeyEvent) -> Effect {
        self.notice = None;
        self.aside = None;
        if let Some(pending) = self.pending.take() {
            return self.on_mark_key(pending, key);
        }
        let Some(action) = action_for(self.scope(), key) else {
            return self.on_text_key(key);
        };
        match action {
            Action::Quit => Effect::Quit,
            Action::Help => Effect::OpenHelp,
            Action::Search => Effect::OpenSearch,
            Action::SetMark | Action::GoToMark if self.layers.is_empty() => {
                self.pending = Some(if action == Action::SetMark {
                    marks::Pending::Set
                } else {
                    marks::Pending::Go
                });
                Effect::None
            }
            Action::ListMarks if self.layers.is_empty() => self.open_marks(),
            Action::CopySection | Action::CopyReport if self.layers.is_empty() => {
                self.copy(action == Action::CopyReport)
            }
            Action::JumpBack | Action::JumpForward if self.layers.is_empty() => {
                self.jump(action == Action::JumpBack)
            }
            // n/N step through the last search's results whichever pane has
            // the keys.
            Action::NextHit | Action::PreviousHit => {
                let effect = self
                    .reader
                    .step_hit(self.library, action == Action::NextHit);
                // Going round the end is said, beside where the step led.
                self.aside = self.reader.take_note();
                effect
            }
            Action::NextReport | Action::PreviousReport if self.layers.is_empty() => {
                self.step_report(action == Action::NextReport)
            }
            Action::Outline if self.layers.is_empty() => self.open_outline(),
            Action::Figures if self.layers.is_empty() => self.open_figures(),
            Action::Compare if self.layers.is_empty() => self.open_compare(),
            Action::Related if self.layers.is_empty() => self.open_related(),
            Action::ToggleFigureMarks if self.layers.is_empty() => {
                let shown = if self.reader.toggle_figures() {
                    t(crate::figures::text::MARKED)
                } else {
                    t(crate::figures::text::NOT_MARKED)
                };
                Effect::Notice(shown.to_string())
            }
            Action::TogglePunctuation if self.layers.is_empty() => {
                let shown = match self.reader.toggle_punctuation(self.library) {
                    crate::document::Punctuation::FullWidth => t("notice.punct_full"),
                    crate::document::Punctuation::AsWritten => t("notice.punct_written"),
                };
                Effect::Notice(shown.to_string())
            }
            Action::FocusNext | Action::FocusPrevious => Effect::Focus(match self.focus {
                Focus::Tree => Focus::Reader,
                Focus::Reader => Focus::Tree,
            }),
            _ => match self.layers.last_mut() {
                Some(Layer::Help(help)) => help.act(action),
                Some(Layer::Search(search)) => search.act(action),
                Some(Layer::Marks(_)) if action == Action::Close => Effect::CloseLayer,
                Some(Layer::Marks(_)) => Effect::None,
                Some(Layer::Outline(outline)) => match outline.act(action) {
                    // The outline closes on the section it sends the reader to.
                    Effect::Read { report, path } => {
                        self.layers.pop();
                        self.leap(|app| app.reader.open(app.library, report, &path));
                        Effect::Scrolled
                    }
                    effect => effect,
                },
                Some(Layer::Figures(figures)) => match action {
                    Action::Open => self.read_figure(),
                    Action::FigureYears => {
                        figures.show_years(self.library);
                        Effect::None
                    }
                    Action::FigureCounty => {
                        figures.show_county(self.library);
                        Effect::None
                    }
                    _ => figures.act(action),
                },
                Some(Layer::Compare(compare)) => compare.act(self.library, action),
                Some(Layer::Related(related)) => match related.act(action) {
                    // The list closes on the section it sends the reader to.
                    Effect::Read { report, path } => {
                        self.layers.pop();
                        self.read_related(report, &path)
                    }
                    effect => effect,
                },
                None => match self.focus {
                    Focus::Tree => self.tree.act(action),
                    Focus::Reader if self.overview_shown => self.overview.act(action),
                    Focus::Reader => self.reader.act(action),
                },
            },
        }
    }

    /// Carry out what a pane or layer asked for.
    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Show { report, path } => {
                self.reader.open(self.library, report, &path);
                self.overview_shown = false;
            }
            Effect::Read { report, path } => {
                self.leap(|app| app.reader.open(app.library, report, &path));
                self.overview_shown = false;
                self.focus = Focus::Reader;
            }
            Effect::Overview(of) => {
                self.overview.show(self.library, self.tree.shelf(), of);
                self.overview_shown = true;
            }
            Effect::Scrolled => self.follow_reader(),
            Effect::SteppedHit => {
                self.overview_shown = false;
                if let Some((index, path)) = self.reader.location() {
                    let path = path.clone();
                    self.tree.glimpse(index, &path);
                }
            }
            Effect::Focus(focus) => self.focus = focus,
            Effect::OpenHelp => {
                let help = HelpLayer::new(self.theme, self.widths);
                self.layers.push(Layer::Help(help));
                self.unfitted = true;
            }
            Effect::OpenSearch => self.open_search(),
            Effect::CloseLayer => {
                self.pop_layer();
            }
            Effect::Search(request) => {
                self.search_mode = request.mode;
                self.search.request(request);
                if let Some(update) = self.search.take_answer() {
                    self.receive(update);
                }
            }
            Effect::Go(row) => self.leap(|app| app.go_to_result(row)),
            Effect::Notice(notice) => self.notice = Some(notice),
            Effect::Quit => self.quit = true,
        }
    }

    /// Open the report after (or before) the one being read, in the
    /// library's order (the tree's); at either end, say so.
    fn step_report(&mut self, forward: bool) -> Effect {
        let Some((index, _)) = self.reader.location() else {
            return Effect::None;
        };
        let next = if forward {
            Some(index + 1).filter(|&next| next < self.library.len())
        } else {
            index.checked_sub(1)
        };
        match next {
            Some(next) => {
                self.reader.open(self.library, next, &SectionPath::front());
                Effect::Scrolled
            }
            None if forward => Effect::Notice(t("notice.last_report").to_string()),
            None => Effect::Notice(t("notice.first_report").to_string()),
        }
    }

    /// The outline of the report being read, over the screen.
    fn open_outline(&mut self) -> Effect {
        let Some((index, path)) = self.reader.location() else {
            return Effect::None;
        };
        let Some(report) = self.library.reports().get(index) else {
            return Effect::None;
        };
        let full_width = self.reader.punctuation() == crate::document::Punctuation::FullWidth;
        let outline = OutlineLayer::new(index, report, path, full_width, self.theme, self.widths);
        self.layers.push(Layer::Outline(outline));
        self.unfitted = true;
        Effect::None
    }

    /// The key figures of the report being read, over the screen.
    fn open_figures(&mut self) -> Effect {
        let Some((index, path)) = self.reader.location() else {
            return Effect::None;
        };
        let Some(report) = self.library.reports().get(index) else {
            return Effect::None;
        };
        let figures = FiguresLayer::new(index, report, path, self.theme, self.widths);
        self.layers.push(Layer::Figures(figures));
        self.unfitted = true;
        Effect::None
    }

    /// The report (and section) the keys are on: the tree's selected row,
    /// or where the reader is.
    fn target(&self) -> Option<(usize, SectionPath)> {
        match self.focus {
            Focus::Tree => match self.tree.selected().map(|row| &row.id) {
                Some(super::tree::NodeId::Report(index)) => Some((*index, SectionPath::front())),
                Some(super::tree::NodeId::Section(index, path)) => Some((*index, path.clone())),
                _ => None,
            },
            Focus::Reader if self.overview_shown => None,
            Focus::Reader => self
                .reader
                .location()
                .map(|(index, path)| (index, path.clone())),
        }
    }

    /// The compare view's partner list for the report the keys are on.
    fn open_compare(&mut self) -> Effect {
        let Some((index, _)) = self.target() else {
            // A group holds many reports: say which to pick, rather than
            // compare one the user did not choose.
            return Effect::Notice(t(crate::related::text::PICK_A_REPORT).to_string());
        };
        let full_width = self.reader.punctuation() == crate::document::Punctuation::FullWidth;
        let compare = CompareLayer::new(self.library, index, full_width, self.theme, self.widths);
        self.layers.push(Layer::Compare(Box::new(compare)));
        self.unfitted = true;
        Effect::None
    }

    /// Enter in the figures: close them and read the figure's sentence.
    fn read_figure(&mut self) -> Effect {
        let Some(Layer::Figures(figures)) = self.layers.last() else {
            return Effect::None;
        };
        let Some(report) = self.library.reports().get(figures.report()) else {
            return Effect::None;
        };
        let Some((index, position)) = figures.target(report) else {
            return Effect::None;
        };
        self.layers.pop();
        self.leap(|app| app.reader.open_at(app.library, index, &position));
        self.focus = Focus::Reader;
        Effect::Scrolled
    }

    /// The tree selects what the reader shows at the top of its screen.
    fn follow_reader(&mut self) {
        if let Some((index, path)) = self.reader.location() {
            let path = path.clone();
            self.tree.follow(index, &path);
        }
    }

    /// The wheel scrolls the pane under the pointer; a click gives a pane
    /// the keys (and selects a tree row).
    fn on_mouse(&mut self, mouse: MouseEvent) -> Effect {
        let Some(areas) = self.areas else {
            return Effect::None;
        };
        if let Some(Layer::Search(layer)) = self.layers.last_mut() {
            return on_search_mouse(layer, mouse, areas.screen);
        }
        let wheel: isize = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            _ => 0,
        };
        match self.layers.last_mut() {
            Some(Layer::Help(help)) => return help.scroll(wheel),
            // The wheel moves the outline's selection, a section a notch.
            Some(Layer::Outline(outline)) => {
                return match wheel.signum() {
                    1 => outline.act(Action::Down),
                    -1 => outline.act(Action::Up),
                    _ => Effect::None,
                };
            }
            Some(Layer::Figures(figures)) => {
                return match wheel.signum() {
                    1 => figures.act(Action::Down),
                    -1 => figures.act(Action::Up),
                    _ => Effect::None,
                };
            }
            // The wheel scrolls both sides of a compare three rows a notch.
            Some(Layer::Compare(compare)) => {
                let action = match wheel.signum() {
                    1 => Action::Down,
                    -1 => Action::Up,
                    _ => return Effect::None,
                };
                for _ in 0..wheel.unsigned_abs() {
                    let _ = compare.act(self.library, action);
                }
                return Effect::None;
            }
            Some(Layer::Related(related)) => {
                return match wheel.signum() {
                    1 => related.act(Action::Down),
                    -1 => related.act(Action::Up),
                    _ => Effect::None,
                };
            }
            Some(_) => return Effect::None,
            None => {}
        }
        let at = Position::new(mouse.column, mouse.row);
        let in_tree = areas.tree.filter(|area| area.contains(at));
        let in_reader = areas.reader.filter(|area| area.contains(at));
        let lines: isize = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::Down(MouseButton::Left) => 0,
            _ => return Effect::None,
        };
        if let Some(tree) = in_tree {
            if lines != 0 {
                return self.tree.scroll(lines);
            }
            self.apply(Effect::Focus(Focus::Tree));
            let inner = Block::bordered().inner(tree);
            if !inner.contains(at) {
                return Effect::None;
            }
            let (x, y) = (usize::from(at.x - inner.x), usize::from(at.y - inner.y));
            self.tree.click(x, y, usize::from(inner.width))
        } else if in_reader.is_some() {
            if lines == 0 {
                Effect::Focus(Focus::Reader)
            } else if self.overview_shown {
                self.overview.scroll(lines)
            } else {
                self.reader.scroll(lines)
            }
        } else {
            Effect::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn press(app: &mut App, code: KeyCode) {
        app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn draw(app: &mut App, width: u16, height: u16) {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
        terminal.draw(|frame| app.draw(frame)).expect("draws");
    }

    #[test]
    fn keys_go_to_the_top_layer_else_to_the_focused_pane() {
        let library = Library::from_loaded(load_bundled().reports);
        let mut app = App::new(&library, Widths::default(), Theme::default());
        press(&mut app, KeyCode::Char('?'));
        assert_eq!(app.scope(), Scope::Help);
        // Tab is no key of the help's: the focus stays.
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.scope(), Scope::Tree);
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.scope(), Scope::Reader);
        press(&mut app, KeyCode::Char('/'));
        // In the popup q is text, and Esc closes the popup, not the app.
        press(&mut app, KeyCode::Char('q'));
        assert!(!app.should_quit());
        press(&mut app, KeyCode::Esc);
        assert_eq!(app.scope(), Scope::Reader);
        press(&mut app, KeyCode::Char('q'));
        assert!(app.should_quit());
    }

    #[test]
    fn on_a_narrow_screen_the_pane_tab_shows_pages_by_its_height_before_a_draw() {
        let library = Library::from_loaded(load_bundled().reports);
        let mut app = App::new(&library, Widths::default(), Theme::default());
        let resumed = ReadingPosition {
            report_id: "nanji-2020-work-summary".to_string(),
            section: Vec::new(),
            block: 0,
            offset: 0,
        };
        assert!(app.resume(&resumed));
        // Only the reader is on screen; the tree has never been drawn.
        draw(&mut app, 50, 20);
        press(&mut app, KeyCode::Tab);
        assert!(!app.needs_draw());
        press(&mut app, KeyCode::PageDown);
        // Sixteen rows fit: a page down from the report's row is the last row.
        assert_eq!(app.tree.selected(), app.tree.rows().last());
    }

    #[test]
    fn keys_after_opening_a_layer_wait_for_a_draw() {
        let library = Library::from_loaded(load_bundled().reports);
        let mut app = App::new(&library, Widths::default(), Theme::default());
        draw(&mut app, 80, 24);
        assert!(!app.needs_draw());
        press(&mut app, KeyCode::Char('/'));
        assert!(app.needs_draw());
        draw(&mut app, 80, 24);
        assert!(!app.needs_draw());
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('j'));
        assert!(!app.needs_draw());
        app.handle(&Event::Resize(100, 30));
        assert!(app.needs_draw());
    }
}
