//! The search popup: a layer over the screen with an input line and the
//! results of what is typed, updated on every keystroke.
//!
//! - [`input`]: the line being typed, edited by character.
//! - [`worker`]: the queries run off the event loop, answered with rows.
//! - [`view`]: drawing the popup.
//!
//! The layer owns what it shows; the app routes keys to it and acts on what
//! it asks for ([`Effect`]): a new query to run, or a result to go to.

pub mod input;
pub mod view;
pub mod worker;

use super::keymap::Action;
use crate::search::Mode;
use input::LineInput;
use ratatui::layout::Rect;
use worker::{Request, ResultRow, Update};

/// What the app must do after the layer took a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// The query or mode changed: run it.
    Search(Request),
    /// Enter on a result.
    Go(ResultRow),
}

/// The popup's state.
#[derive(Debug)]
pub struct SearchLayer {
    input: LineInput,
    mode: Mode,
    /// Number of the newest request; older answers are not shown.
    seq: u64,
    shown: Option<Update>,
    selected: usize,
    /// First result row on screen.
    offset: usize,
    /// Result rows that fit (each result takes two screen rows).
    visible: usize,
}

impl SearchLayer {
    pub fn new(mode: Mode) -> SearchLayer {
        SearchLayer {
            input: LineInput::default(),
            mode,
            seq: 0,
            shown: None,
            selected: 0,
            offset: 0,
            visible: 1,
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn input(&self) -> &LineInput {
        &self.input
    }

    /// The answer on screen, if any.
    pub fn shown(&self) -> Option<&Update> {
        self.shown.as_ref()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Whether the newest query has not been answered yet.
    pub fn waiting(&self) -> bool {
        self.shown
            .as_ref()
            .is_none_or(|u| u.request.seq != self.seq)
            && !self.is_blank()
    }

    fn is_blank(&self) -> bool {
        self.input.text().trim().is_empty()
    }

    /// Typed or pasted text goes into the query.
    pub fn type_text(&mut self, text: &str) -> Effect {
        self.input.insert(text);
        self.query_changed()
    }

    fn query_changed(&mut self) -> Effect {
        self.seq += 1;
        Effect::Search(Request {
            seq: self.seq,
            mode: self.mode,
            query: self.input.text().to_string(),
        })
    }

    /// Run a popup action (its scope's keys).
    pub fn act(&mut self, action: Action) -> Effect {
        let rows = self.shown.as_ref().map_or(0, |u| u.rows.len());
        let page = self.visible.max(1);
        match action {
            Action::Down => self.select(self.selected.saturating_add(1), rows),
            Action::Up => self.select(self.selected.saturating_sub(1), rows),
            Action::PageDown => self.select(self.selected.saturating_add(page), rows),
            Action::PageUp => self.select(self.selected.saturating_sub(page), rows),
            Action::Open => {
                return self
                    .shown
                    .as_ref()
                    .and_then(|u| u.rows.get(self.selected))
                    .map_or(Effect::None, |row| Effect::Go(row.clone()));
            }
            Action::ToggleMode => {
                self.mode = self.mode.toggled();
                return self.query_changed();
            }
            Action::DeleteBack if self.input.delete_back() => return self.query_changed(),
            Action::DeleteForward if self.input.delete_forward() => return self.query_changed(),
            Action::ClearQuery if !self.input.text().is_empty() => {
                self.input.clear();
                return self.query_changed();
            }
            Action::CursorLeft => self.input.left(),
            Action::CursorRight => self.input.right(),
            Action::CursorStart => self.input.home(),
            Action::CursorEnd => self.input.end(),
            _ => {}
        }
        Effect::None
    }

    fn select(&mut self, wanted: usize, rows: usize) {
        self.selected = wanted.min(rows.saturating_sub(1));
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let visible = self.visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
    }

    /// An answer arrived: show it if it is for the newest query (or if
    /// nothing newer is on screen yet, so the list never goes blank).
    pub fn receive(&mut self, update: Update) {
        let newer = self
            .shown
            .as_ref()
            .is_none_or(|shown| update.request.seq > shown.request.seq);
        if newer && update.request.seq <= self.seq {
            let same_query = self.shown.as_ref().is_some_and(|s| {
                s.request.query == update.request.query && s.request.mode == update.request.mode
            });
            if !same_query {
                self.selected = 0;
                self.offset = 0;
            }
            self.shown = Some(update);
        }
    }

    /// The popup's frame on a screen of `area`: centred, a margin around it.
    pub fn frame(area: Rect) -> Rect {
        let width = area
            .width
            .saturating_sub(4)
            .min(100)
            .max(area.width.min(20));
        let height = area
            .height
            .saturating_sub(4)
            .min(32)
            .max(area.height.min(8));
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    /// Fit to a frame of `frame` (border, input row, count row, results).
    pub fn resize(&mut self, frame: Rect) {
        let rows = view::result_rows(frame);
        self.visible = (rows / 2).max(1);
        self.keep_selection_visible();
    }
}
