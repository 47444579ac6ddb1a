//! The app: two panes, the layers above them and the bottom rows. It routes
//! each event to whoever has the keys (the top layer, else the focused pane)
//! and keeps the tree and the reader in step; the panes own their state.

use super::help::HelpLayer;
use super::keymap::{Action, Scope, action_for};
use super::paint::{clear_left_of, put_str};
use super::reader::{HitMarks, ReaderPane};
use super::search::view::SearchView;
use super::search::worker::{ResultRow, SearchClient, Update};
use super::search::{Effect, SearchLayer};
use super::shelf::{report_title, township_label, year_label};
use super::status::{render_footer, render_status};
use super::theme::Theme;
use super::tree::{NodeId, TreePane, TreeView};
use crate::library::Library;
use crate::model::SectionPath;
use crate::position::ReadingPosition;
use crate::search::{Mode, TextHit, section_path};
use crate::wrap::{AmbiguousWidth, Widths, truncate, wrap_cjk};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::symbols::border;
use ratatui::widgets::{Block, Clear, Widget};
use std::sync::Arc;

/// Below this the screen only says it is too small.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// Below this width one pane fills the screen (the focused one).
const SIDE_BY_SIDE_WIDTH: u16 = 60;

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Reader,
}

/// A layer drawn over the panes; the top one gets the keys first.
#[derive(Debug)]
pub enum Layer {
    Help(HelpLayer),
    Search(SearchLayer),
}

/// The full-text hits the reader steps through with n/N.
#[derive(Debug, Clone)]
struct HitCursor {
    hits: Arc<Vec<TextHit>>,
    /// Length of the query in bytes (of each hit).
    len: usize,
    current: usize,
}

/// Where everything goes on the current screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Areas {
    screen: Rect,
    tree: Option<Rect>,
    reader: Option<Rect>,
    /// Where the reader is, or would be when one pane fills the screen:
    /// it keeps a layout for it, so the status bar can always say where
    /// the reading is.
    reader_frame: Rect,
    status: Rect,
    footer: Option<Rect>,
}

/// The reader application's state.
pub struct App<'a> {
    library: &'a Library,
    tree: TreePane<'a>,
    reader: ReaderPane<'a>,
    focus: Focus,
    layers: Vec<Layer>,
    areas: Option<Areas>,
    notice: Option<String>,
    search: SearchClient<'a>,
    /// The mode the popup opens in: the one used last.
    search_mode: Mode,
    /// The newest request number a closed popup used.
    last_search_seq: u64,
    hits: Option<HitCursor>,
    widths: Widths,
    theme: Theme,
    quit: bool,
}

impl<'a> App<'a> {
    pub fn new(library: &'a Library, widths: Widths, theme: Theme) -> App<'a> {
        App {
            library,
            tree: TreePane::new(library, widths, theme),
            reader: ReaderPane::new(widths, theme),
            focus: Focus::Tree,
            layers: Vec::new(),
            areas: None,
            notice: None,
            search: SearchClient::inline(library),
            search_mode: Mode::Headings,
            last_search_seq: 0,
            hits: None,
            widths,
            theme,
            quit: false,
        }
    }

    /// Run searches on a worker instead of in the event loop.
    pub fn set_search_client(&mut self, client: SearchClient<'a>) {
        self.search = client;
    }

    /// A search worker answered: show it if the popup is still open.
    pub fn receive(&mut self, update: Update) {
        if let Some(Layer::Search(layer)) = self.layers.last_mut() {
            let effect = layer.receive(update);
            self.apply(effect);
        }
    }

    /// Where the terminal cursor goes: the search input, when open.
    pub fn cursor(&self) -> Option<Position> {
        let areas = self.areas?;
        match self.layers.last() {
            Some(Layer::Search(layer)) => {
                let inner = Block::bordered().inner(SearchLayer::frame(areas.screen));
                self.search_view(layer).cursor(inner)
            }
            _ => None,
        }
    }

    fn search_view<'b>(&'b self, layer: &'b SearchLayer) -> SearchView<'b> {
        SearchView {
            layer,
            library: self.library,
            theme: self.theme,
            widths: self.widths,
        }
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// A one-line message for the status bar, shown until the next key.
    pub fn set_notice(&mut self, notice: impl Into<String>) {
        self.notice = Some(notice.into());
    }

    /// Go back to a saved reading position; false if its report is gone.
    pub fn resume(&mut self, position: &ReadingPosition) -> bool {
        let Some(index) = self.library.index_of(&position.report_id) else {
            return false;
        };
        let position = position.clamped_to(&self.library.reports()[index]);
        self.reader.open_at(self.library, index, &position);
        self.tree
            .reveal(index, &SectionPath(position.section.clone()));
        self.set_focus(Focus::Reader);
        true
    }

    /// Where the reader is, to be saved for next time.
    pub fn reading_position(&self) -> Option<ReadingPosition> {
        self.reader.position()
    }

    /// Fit everything to a screen of `area`: decide the areas and let the
    /// panes lay themselves out. Called before every draw.
    pub fn prepare(&mut self, area: Rect) {
        let areas =
            (area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT).then(|| self.areas_for(area));
        if let Some(areas) = &areas {
            if let Some(tree) = areas.tree {
                self.tree.resize(tree.height.saturating_sub(2) as usize);
            }
            let inner = reader_text_area(areas.reader_frame);
            self.reader.resize(
                inner.width as usize,
                inner.height.saturating_sub(1) as usize,
            );
        }
        for layer in &mut self.layers {
            match layer {
                Layer::Help(help) => {
                    let rows = help.frame(area).height.saturating_sub(2);
                    help.resize(usize::from(rows));
                }
                Layer::Search(search) => search.resize(SearchLayer::frame(area)),
            }
        }
        self.areas = areas;
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
            reader_frame: reader.unwrap_or(main),
            status,
            footer,
        }
    }

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        // A one-pane screen shows the other pane now: lay it out again.
        if let Some(areas) = self.areas {
            self.prepare(areas.screen);
        }
    }

    fn scope(&self) -> Scope {
        match (self.layers.last(), self.focus) {
            (Some(Layer::Help(_)), _) => Scope::Help,
            (Some(Layer::Search(_)), _) => Scope::Search,
            (None, Focus::Tree) => Scope::Tree,
            (None, Focus::Reader) => Scope::Reader,
        }
    }

    pub fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.on_key(key),
            Event::Mouse(mouse) => self.on_mouse(mouse),
            Event::Paste(text) => {
                if let Some(Layer::Search(layer)) = self.layers.last_mut() {
                    let effect = layer.type_text(text);
                    self.apply(effect);
                }
            }
            _ => {}
        }
    }

    fn on_key(&mut self, key: &KeyEvent) {
        self.notice = None;
        let Some(action) = action_for(self.scope(), key) else {
            self.on_text_key(key);
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self
                .layers
                .push(Layer::Help(HelpLayer::new(self.theme, self.widths))),
            Action::Close => {
                self.pop_layer();
            }
            Action::Search => {
                let layer = SearchLayer::new(self.search_mode, self.last_search_seq);
                self.layers.push(Layer::Search(layer));
                if let Some(areas) = self.areas {
                    self.prepare(areas.screen);
                }
            }
            Action::NextHit => self.step_hit(true),
            Action::PreviousHit => self.step_hit(false),
            Action::FocusNext | Action::FocusPrevious => {
                let other = if self.focus == Focus::Tree {
                    Focus::Reader
                } else {
                    Focus::Tree
                };
                self.set_focus(other);
            }
            _ => match self.layers.last_mut() {
                Some(Layer::Help(help)) => help.act(action),
                Some(Layer::Search(layer)) => {
                    let effect = layer.act(action);
                    self.apply(effect);
                }
                None => match self.focus {
                    Focus::Tree => self.tree_act(action),
                    Focus::Reader => self.reader_act(action),
                },
            },
        }
    }

    fn pop_layer(&mut self) -> Option<Layer> {
        let layer = self.layers.pop();
        if let Some(Layer::Search(search)) = &layer {
            self.last_search_seq = search.seq();
        }
        layer
    }

    /// A key with no binding: typed text, when the search is open.
    fn on_text_key(&mut self, key: &KeyEvent) {
        let KeyCode::Char(c) = key.code else { return };
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return;
        }
        if let Some(Layer::Search(layer)) = self.layers.last_mut() {
            let effect = layer.type_text(c.encode_utf8(&mut [0; 4]));
            self.apply(effect);
        }
    }

    /// Do what the search popup asked for.
    fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Search(request) => {
                self.search_mode = request.mode;
                self.search.request(request);
                if let Some(update) = self.search.take_answer() {
                    self.receive(update);
                }
            }
            Effect::Go(row) => self.go_to_result(row),
        }
    }

    /// Enter on a result: close the popup and read there; the tree follows.
    fn go_to_result(&mut self, row: ResultRow) {
        let text_hits = match self.pop_layer() {
            Some(Layer::Search(layer)) => layer.shown().and_then(|shown| {
                let len = shown.request.query.trim().len();
                shown.text_hits.clone().map(|hits| (hits, len))
            }),
            _ => None,
        };
        let report = row.report as usize;
        match (row.hit, text_hits) {
            (Some(hit), Some((hits, len))) => {
                let current = if hits.get(row.index) == Some(&hit) {
                    row.index
                } else {
                    0
                };
                self.hits = Some(HitCursor { hits, len, current });
                self.show_hit();
            }
            _ => {
                let Some(found) = self.library.reports().get(report) else {
                    return;
                };
                // A heading search ends the full-text one: its marks go.
                self.hits = None;
                self.reader.set_hits(None);
                self.reader
                    .open(self.library, report, &section_path(found, row.section));
            }
        }
        self.reveal_reader();
        self.set_focus(Focus::Reader);
    }

    /// The tree opens down to what the reader shows (a jump, not a scroll:
    /// the user asked to go there, so the way there is unfolded).
    fn reveal_reader(&mut self) {
        if let Some((index, path)) = self.reader.location() {
            let path = path.clone();
            self.tree.reveal(index, &path);
        }
    }

    /// Go to the current full-text hit and mark every hit in the reader.
    fn show_hit(&mut self) {
        let Some(cursor) = &self.hits else { return };
        let hit = cursor.hits[cursor.current];
        self.reader.set_hits(Some(HitMarks {
            hits: Arc::clone(&cursor.hits),
            len: cursor.len,
            current: Some(cursor.current),
        }));
        self.reader.go_to_hit(self.library, &hit);
    }

    /// n/N: the next or previous hit, across sections and reports.
    fn step_hit(&mut self, forward: bool) {
        let Some(cursor) = &mut self.hits else {
            self.notice = Some("no full-text hits: / then Tab searches the text".to_string());
            return;
        };
        let count = cursor.hits.len();
        cursor.current = if forward {
            (cursor.current + 1) % count
        } else {
            (cursor.current + count - 1) % count
        };
        self.show_hit();
        self.reveal_reader();
    }

    fn tree_act(&mut self, action: Action) {
        let moved = self.on_tree(|tree| tree.act(action));
        if action == Action::Open && !moved {
            self.show_selected();
        }
        let on_text = matches!(
            self.tree.selected().map(|row| &row.id),
            Some(NodeId::Report(_) | NodeId::Section(..))
        );
        if action == Action::Open && on_text {
            self.set_focus(Focus::Reader);
        }
    }

    /// Change the tree; when its selection moved, the reader shows the newly
    /// selected report or section (a preview). True if it moved.
    fn on_tree(&mut self, change: impl FnOnce(&mut TreePane<'a>)) -> bool {
        let before = self.tree.selected().map(|row| row.id.clone());
        change(&mut self.tree);
        let moved = self.tree.selected().map(|row| &row.id) != before.as_ref();
        if moved {
            self.show_selected();
        }
        moved
    }

    /// Show the tree's selected report or section in the reader.
    fn show_selected(&mut self) {
        match self.tree.selected().map(|row| row.id.clone()) {
            Some(NodeId::Report(r)) => self.reader.open(self.library, r, &SectionPath::front()),
            Some(NodeId::Section(r, path)) => self.reader.open(self.library, r, &path),
            _ => {}
        }
    }

    fn reader_act(&mut self, action: Action) {
        if self.reader.act(action) {
            self.follow_reader();
        }
    }

    /// The tree selects what the reader shows at the top of its screen.
    fn follow_reader(&mut self) {
        if let Some((index, path)) = self.reader.location() {
            let path = path.clone();
            self.tree.follow(index, &path);
        }
    }

    fn on_mouse(&mut self, mouse: &MouseEvent) {
        let Some(areas) = self.areas else { return };
        if let Some(Layer::Search(layer)) = self.layers.last_mut() {
            let inner = Block::bordered().inner(SearchLayer::frame(areas.screen));
            let effect = match mouse.kind {
                MouseEventKind::ScrollDown => layer.act(Action::Down),
                MouseEventKind::ScrollUp => layer.act(Action::Up),
                MouseEventKind::Down(MouseButton::Left)
                    if inner.contains(Position::new(mouse.column, mouse.row)) =>
                {
                    layer.click(usize::from(mouse.row - inner.y))
                }
                _ => Effect::None,
            };
            self.apply(effect);
            return;
        }
        if !self.layers.is_empty() {
            return;
        }
        let at = Position::new(mouse.column, mouse.row);
        let in_tree = areas.tree.filter(|area| area.contains(at));
        let in_reader = areas.reader.filter(|area| area.contains(at));
        let lines: isize = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            MouseEventKind::Down(MouseButton::Left) => 0,
            _ => return,
        };
        if let Some(tree) = in_tree {
            if lines == 0 {
                self.set_focus(Focus::Tree);
                let inner = Block::bordered().inner(tree);
                if inner.contains(at) {
                    let (x, y) = (usize::from(at.x - inner.x), usize::from(at.y - inner.y));
                    self.on_tree(|tree| tree.click(x, y, usize::from(inner.width)));
                }
            } else {
                self.tree.scroll(lines);
            }
        } else if in_reader.is_some() {
            if lines == 0 {
                self.set_focus(Focus::Reader);
            } else {
                self.reader.scroll(lines);
                self.follow_reader();
            }
        }
    }

    /// Draw a pane's frame with `title` and return the area inside it. The
    /// title is drawn by our own painter: a Block title would be measured
    /// by ratatui, which counts ambiguous-width characters as one cell.
    fn render_frame(&self, area: Rect, buf: &mut Buffer, title: &str, focused: bool) -> Rect {
        let style = if focused {
            self.theme.border_focused
        } else {
            self.theme.border
        };
        let block = Block::bordered().border_style(style);
        // Box-drawing lines are ambiguous-width: where those are two cells, draw ASCII.
        let block = match self.widths.ambiguous {
            AmbiguousWidth::Narrow => block,
            AmbiguousWidth::Wide => block.border_set(ASCII_BORDER),
        };
        let inner = block.inner(area);
        block.render(area, buf);
        let room = area.width.saturating_sub(4) as usize;
        if !title.is_empty() && room > 0 {
            let title = format!(" {} ", truncate(title, room.saturating_sub(2), self.widths));
            put_str(
                buf,
                area.x + 1,
                area.y,
                area.right().saturating_sub(1),
                &title,
                style,
                self.widths,
            );
        }
        inner
    }

    /// What the reader pane says before a report is opened.
    fn render_welcome(&self, area: Rect, buf: &mut Buffer) {
        let townships = self.tree.township_count();
        let lines = if self.library.is_empty() {
            vec![
                ("No reports here yet.".to_string(), self.theme.title),
                (
                    "baogao import FILE… turns scraped text into reports".to_string(),
                    self.theme.dim,
                ),
            ]
        } else {
            vec![
                (
                    format!("{} reports · {townships} townships", self.library.len()),
                    self.theme.title,
                ),
                (
                    "Pick a report or section in the tree (Tab switches panes), Enter to read; ? shows every key"
                        .to_string(),
                    self.theme.dim,
                ),
            ]
        };
        let mut y = area.y + 1;
        for (text, style) in &lines {
            for line in wrap_cjk(text, area.width as usize, 0, self.widths) {
                if y < area.bottom() {
                    put_str(
                        buf,
                        area.x,
                        y,
                        area.right(),
                        line.text(text).trim_end(),
                        *style,
                        self.widths,
                    );
                }
                y = y.saturating_add(1);
            }
            y = y.saturating_add(1);
        }
    }

    fn status_text(&self) -> (String, String) {
        if let Some(notice) = &self.notice {
            return (notice.clone(), String::new());
        }
        let Some((index, _)) = self.reader.location() else {
            return (format!("{} reports", self.library.len()), String::new());
        };
        let report = &self.library.reports()[index];
        let mut parts: Vec<String> = Vec::new();
        parts.push(township_label(report.township.as_deref()).to_string());
        parts.push(year_label(report.year));
        parts.push(report_title(report).to_string());
        let crumbs = self.reader.breadcrumb();
        if !crumbs.is_empty() {
            parts.push(crumbs.join(" › "));
        }
        let mut right = self
            .reader
            .percent()
            .map(|p| format!("{p}%"))
            .unwrap_or_default();
        if let Some(cursor) = &self.hits {
            right = format!("hit {}/{}  {right}", cursor.current + 1, cursor.hits.len());
        }
        (parts.join(" · "), right)
    }
}

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// Lines longer than this are hard to follow back to their start; on a wide
/// screen the text keeps this measure (50 Chinese characters).
const MAX_TEXT_WIDTH: u16 = 100;

/// The reader's text area inside its border (its first row is the breadcrumb).
fn reader_text_area(reader: Rect) -> Rect {
    let inner = Block::bordered().inner(reader);
    // One blank column each side keeps text off the border.
    let width = inner.width.saturating_sub(2).min(MAX_TEXT_WIDTH);
    Rect::new(inner.x + 1, inner.y, width, inner.height)
}

impl Widget for &App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(areas) = self.areas.filter(|areas| areas.screen == area) else {
            let message = truncate("terminal too small", area.width as usize, self.widths);
            let y = area.y + area.height / 2;
            let x = area.x + (area.width.saturating_sub(self.widths.str(&message) as u16)) / 2;
            put_str(
                buf,
                x,
                y,
                area.right(),
                &message,
                self.theme.text,
                self.widths,
            );
            return;
        };
        if let Some(tree) = areas.tree {
            let title = format!("Reports {}", self.library.len());
            let inner = self.render_frame(tree, buf, &title, self.focus == Focus::Tree);
            TreeView {
                pane: &self.tree,
                focused: self.focus == Focus::Tree,
            }
            .render(inner, buf);
        }
        if let Some(reader) = areas.reader {
            let title = self.reader.location().map_or("", |(index, _)| {
                report_title(&self.library.reports()[index])
            });
            self.render_frame(reader, buf, title, self.focus == Focus::Reader);
            if self.reader.location().is_some() {
                self.reader.render(reader_text_area(reader), buf);
            } else {
                self.render_welcome(reader_text_area(reader), buf);
            }
        }
        let (left, right) = self.status_text();
        let style = if self.notice.is_some() {
            self.theme.notice.patch(self.theme.status)
        } else {
            self.theme.status
        };
        render_status(areas.status, buf, &left, &right, style, self.widths);
        if let Some(footer) = areas.footer {
            render_footer(footer, buf, self.scope(), &self.theme, self.widths);
        }
        for layer in &self.layers {
            match layer {
                Layer::Help(help) => {
                    let frame = help.frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let title = if help.scrollable() {
                        "Keys (j/k scroll)"
                    } else {
                        "Keys"
                    };
                    let inner = self.render_frame(frame, buf, title, true);
                    help.render(inner, buf);
                }
                Layer::Search(layer) => {
                    let frame = SearchLayer::frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let inner = self.render_frame(frame, buf, "Search", true);
                    self.search_view(layer).render(inner, buf);
                }
            }
        }
    }
}
