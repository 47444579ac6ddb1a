//! The app's side of searching: going to a result, the worker's answers,
//! typed text and the mouse over the popup, and the terminal cursor in the
//! popup's input line.

use super::{App, Focus, Layer};
use crate::effect::Effect;
use crate::keymap::Action;
use crate::reader::HitMarks;
use crate::search::SearchLayer;
use crate::search::view::SearchView;
use crate::search::worker::{ResultRow, SearchClient, Update};
use baogao_search::section_path;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Block;

impl<'a> App<'a> {
    /// Run searches on a worker instead of in the event loop.
    pub(crate) fn set_search_client(&mut self, client: SearchClient<'a>) {
        self.search = client;
    }

    /// A search worker answered: show it if the popup is still open.
    pub(crate) fn receive(&mut self, update: Update) {
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

    pub(super) fn search_view<'b>(&'b self, layer: &'b SearchLayer) -> SearchView<'b> {
        SearchView {
            layer,
            library: self.library,
            theme: self.theme,
            widths: self.widths,
        }
    }

    pub(super) fn pop_layer(&mut self) -> Option<Layer> {
        let layer = self.layers.pop();
        if let Some(Layer::Search(search)) = &layer {
            self.last_search_seq = search.seq();
        }
        layer
    }

    /// A key with no binding: typed text, when the search is open.
    pub(super) fn on_text_key(&mut self, key: &KeyEvent) -> Effect {
        let KeyCode::Char(c) = key.code else {
            return Effect::None;
        };
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Effect::None;
        }
        match self.layers.last_mut() {
            Some(Layer::Search(layer)) => layer.type_text(c.encode_utf8(&mut [0; 4])),
            _ => Effect::None,
        }
    }

    /// Enter on a result: close the popup and read there; the tree follows.
    pub(super) fn go_to_result(&mut self, row: ResultRow) {
        let text_hits = match self.pop_layer() {
            Some(Layer::Search(layer)) => layer.shown().and_then(|shown| {
                let len = shown.request.query.trim().len();
                let complete = shown.complete;
                shown.text_hits.clone().map(|hits| (hits, complete, len))
            }),
            _ => None,
        };
        let report = row.report as usize;
        match (row.hit, text_hits) {
            (Some(hit), Some((hits, complete, len))) => {
                let current = if hits.get(row.index) == Some(&hit) {
                    row.index
                } else {
                    0
                };
                self.reader.set_hits(Some(HitMarks {
                    hits,
                    complete,
                    len,
                    current,
                }));
                self.reader.go_to_current_hit(self.library);
            }
            _ => {
                let Some(found) = self.library.reports().get(report) else {
                    return;
                };
                // A heading search ends the full-text one: its marks go.
                self.reader.set_hits(None);
                self.reader
                    .open(self.library, report, &section_path(found, row.section));
            }
        }
        self.reveal_reader();
        self.focus = Focus::Reader;
    }

    /// The tree opens down to what the reader shows (a jump, not a scroll:
    /// the user asked to go there, so the way there is unfolded).
    pub(super) fn reveal_reader(&mut self) {
        if let Some((index, path)) = self.reader.location() {
            let path = path.clone();
            self.tree.reveal(index, &path);
        }
    }
}

/// The wheel and clicks over the search popup, on a screen of `screen`.
pub(super) fn on_search_mouse(layer: &mut SearchLayer, mouse: MouseEvent, screen: Rect) -> Effect {
    let inner = Block::bordered().inner(SearchLayer::frame(screen));
    match mouse.kind {
        MouseEventKind::ScrollDown => layer.act(Action::Down),
        MouseEventKind::ScrollUp => layer.act(Action::Up),
        MouseEventKind::Down(MouseButton::Left)
            if inner.contains(Position::new(mouse.column, mouse.row)) =>
        {
            layer.click(usize::from(mouse.row - inner.y))
        }
        _ => Effect::None,
    }
}
