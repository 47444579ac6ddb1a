//! The app's side of searching: opening the popup with what it showed
//! last, going to a result (which n/N then repeat), the worker's answers,
//! typed text and the mouse over the popup, and the terminal cursor in the
//! popup's input line.

use super::{App, Focus, Layer};
use crate::effect::Effect;
use crate::keymap::Action;
use crate::reader::{HeadingResults, HitMarks, LastSearch};
use crate::search::SearchLayer;
use crate::search::view::SearchView;
use crate::search::worker::{ResultRow, SearchClient, Update};
use baogao_search::{Mode, Scope};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Block;
use std::sync::Arc;

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

    /// Open the popup with the last query of its mode, selected, and its
    /// results; the result n/N went to last is the one selected.
    pub(super) fn open_search(&mut self) {
        // A report behind an overview is not the one being read: Ctrl-R
        // has none to search then.
        let open_report = self
            .reader
            .location()
            .filter(|_| !self.overview_shown)
            .map(|(report, _)| report);
        if let (Some(walked), Some(at)) = (&self.walked, self.reader.hit_position()) {
            let scope = self.recall.scope(open_report);
            let last = self.recall.get_mut(walked.mode);
            if walked.scope == scope && last.query == walked.query {
                last.place = at.current - 1;
                last.scope = scope;
            }
        }
        let mut search = SearchLayer::new(
            self.search_mode,
            self.last_search_seq,
            self.recall.clone(),
            open_report,
        );
        let effect = search.rerun();
        self.layers.push(Layer::Search(search));
        self.unfitted = true;
        self.apply(effect);
    }

    pub(super) fn pop_layer(&mut self) -> Option<Layer> {
        let layer = self.layers.pop();
        if let Some(Layer::Search(search)) = &layer {
            self.last_search_seq = search.seq();
            self.recall = search.recall();
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
            Some(Layer::Marks(_)) => self.on_marks_letter(c),
            _ => Effect::None,
        }
    }

    /// Enter on a result: close the popup and read there; the tree follows.
    /// The search becomes the one n/N go through.
    pub(super) fn go_to_result(&mut self, row: ResultRow) {
        let Some(Layer::Search(layer)) = self.pop_layer() else {
            return;
        };
        let Some(shown) = layer.shown() else {
            return;
        };
        let last = match (row.hit, &shown.text_hits) {
            (Some(hit), Some(hits)) => {
                let current = if hits.get(row.index) == Some(&hit) {
                    row.index
                } else {
                    0
                };
                LastSearch::Text(HitMarks {
                    hits: Arc::clone(hits),
                    complete: shown.complete,
                    current,
                })
            }
            _ => {
                let places = shown.rows.iter().map(|r| (r.report, r.section)).collect();
                let current = shown
                    .rows
                    .iter()
                    .position(|r| r.index == row.index)
                    .unwrap_or(0);
                LastSearch::Headings(HeadingResults {
                    places: Arc::new(places),
                    complete: shown.rows.len() >= shown.total,
                    current,
                })
            }
        };
        self.walked = Some(Walked {
            scope: shown.request.scope,
            mode: shown.request.mode,
            query: shown.request.query.clone(),
        });
        self.reader.set_last_search(Some(last));
        self.reader.go_to_current_hit(self.library);
        self.overview_shown = false;
        self.glimpse_reader();
        self.focus = Focus::Reader;
    }

    /// The tree opens down to what the reader shows (a jump, not a scroll:
    /// the user asked to go there, so the way there is unfolded), folding
    /// again what the previous jump or n/N opened, as n/N do.
    pub(super) fn glimpse_reader(&mut self) {
        if let Some((index, path)) = self.reader.location() {
            let path = path.clone();
            self.tree.glimpse(index, &path);
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

/// The search n/N go through, as the popup asked for it: when the popup
/// reopens on the same search, the result n/N reached is the one selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Walked {
    scope: Scope,
    mode: Mode,
    query: String,
}
