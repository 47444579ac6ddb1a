//! The search popup: a layer over the screen with an input line and the
//! results of what is typed, updated on every keystroke.
//!
//! - `input`: the line being typed, edited by character.
//! - `list`: which screen rows each result (and the divider before the
//!   weak matches) takes.
//! - `recall`: what the popup shows again when reopened.
//! - [`tier`]: how a heading result's tier is shown (here and in
//!   `baogao search`).
//! - [`worker`]: the queries run off the event loop, answered with rows.
//! - `view`: drawing the popup; `row`: drawing one result.
//!
//! The layer owns what it shows; the app routes keys to it and acts on what
//! it asks for (an `Effect`): a new query to run, a result to go to, or
//! to be closed. What it should show again when reopened (each mode's last
//! query, the result chosen, the scope) it hands back as a `Recall`.

pub(crate) mod input;
pub(crate) mod list;
pub(crate) mod recall;
pub(crate) mod row;
pub mod tier;
pub(crate) mod view;
pub mod worker;

use super::effect::Effect;
use super::keymap::Action;
use baogao_search::{Mode, Scope};
use input::LineInput;
use list::Slot;
use ratatui::layout::Rect;
pub(crate) use recall::Recall;
use recall::Remembered;
use worker::{Request, Update};

/// The popup's state.
#[derive(Debug)]
pub(crate) struct SearchLayer {
    input: LineInput,
    mode: Mode,
    /// The other mode's last query (this mode's is in `input`), and
    /// whether to search only the report being read.
    recall: Recall,
    /// The report open in the reader, which the popup may search alone.
    open_report: Option<usize>,
    /// The place to select once the answer to a recalled query comes.
    restore: Option<usize>,
    /// Number of this popup's first request: answers below it were meant
    /// for an earlier popup.
    first_seq: u64,
    /// Number of the newest request; older answers are not shown.
    seq: u64,
    shown: Option<Update>,
    selected: usize,
    /// First result row on screen.
    offset: usize,
    /// Enter came before the answer to the newest query: go once it comes.
    open_when_answered: bool,
    /// Results that fit (each takes two screen rows): a page.
    visible: usize,
    /// Screen rows for results (and the divider before the weak ones).
    height: usize,
}

impl SearchLayer {
    /// A popup searching in `mode`, numbering its requests after `last_seq`
    /// (the last number an earlier popup used: a late answer to an earlier
    /// popup must never pass for one of this popup's), showing `recall`'s
    /// query of `mode` selected; in `open_report` alone when the recall
    /// says so. Run [`SearchLayer::rerun`] to show its results again.
    pub(crate) fn new(
        mode: Mode,
        last_seq: u64,
        recall: Recall,
        open_report: Option<usize>,
    ) -> SearchLayer {
        let last = recall.get(mode);
        SearchLayer {
            input: LineInput::recalled(&last.query),
            restore: Some(last.place_in(recall.scope(open_report))),
            recall,
            open_report,
            mode,
            first_seq: last_seq + 1,
            seq: last_seq,
            shown: None,
            selected: 0,
            offset: 0,
            visible: 1,
            height: 2,
            open_when_answered: false,
        }
    }

    /// Search for the recalled query again, if there is one.
    pub(crate) fn rerun(&mut self) -> Effect {
        if self.is_blank() {
            return Effect::None;
        }
        let restore = self.restore;
        let effect = self.query_changed();
        self.restore = restore;
        effect
    }

    /// What to show when the popup opens next: each mode's query, and the
    /// result selected in this one.
    pub(crate) fn recall(&self) -> Recall {
        let mut recall = self.recall.clone();
        *recall.get_mut(self.mode) = Remembered {
            query: self.input.text().to_string(),
            place: self.selected_place(),
            scope: self.recall.scope(self.open_report),
        };
        recall
    }

    /// The selected row's place in the whole result list.
    fn selected_place(&self) -> usize {
        self.shown
            .as_ref()
            .and_then(|u| u.rows.get(self.selected))
            .map_or(0, |row| row.index)
    }

    /// The number of the newest request.
    pub(crate) fn seq(&self) -> u64 {
        self.seq
    }

    pub(crate) fn mode(&self) -> Mode {
        self.mode
    }

    /// Where the popup searches: the report being read, when the user
    /// asked for it and one is open, else every report.
    pub(crate) fn scope(&self) -> Scope {
        self.recall.scope(self.open_report)
    }

    pub(crate) fn input(&self) -> &LineInput {
        &self.input
    }

    /// The answer on screen, if any.
    pub(crate) fn shown(&self) -> Option<&Update> {
        self.shown.as_ref()
    }

    pub(crate) fn selected(&self) -> usize {
        self.selected
    }

    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    /// Whether the newest query has not been answered yet.
    pub(crate) fn waiting(&self) -> bool {
        self.shown
            .as_ref()
            .is_none_or(|u| u.request.seq != self.seq)
            && !self.is_blank()
    }

    fn is_blank(&self) -> bool {
        self.input.text().trim().is_empty()
    }

    /// Typed or pasted text goes into the query.
    pub(crate) fn type_text(&mut self, text: &str) -> Effect {
        self.input.insert(text);
        self.query_changed()
    }

    fn query_changed(&mut self) -> Effect {
        self.seq += 1;
        self.open_when_answered = false;
        self.restore = None;
        Effect::Search(Request {
            seq: self.seq,
            scope: self.scope(),
            mode: self.mode,
            query: self.input.text().to_string(),
        })
    }

    /// Run a popup action (its scope's keys).
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        let rows = self.shown.as_ref().map_or(0, |u| u.rows.len());
        let page = self.visible.max(1);
        match action {
            Action::Down => self.select(self.selected.saturating_add(1), rows),
            Action::Up => self.select(self.selected.saturating_sub(1), rows),
            Action::PageDown => self.select(self.selected.saturating_add(page), rows),
            Action::PageUp => self.select(self.selected.saturating_sub(page), rows),
            // Enter means the results of what is typed, not of what was
            // typed a moment ago: wait for them if they are not here yet.
            Action::Open if self.waiting() => self.open_when_answered = true,
            Action::Open => {
                return self
                    .shown
                    .as_ref()
                    .and_then(|u| u.rows.get(self.selected))
                    .map_or(Effect::None, |row| Effect::Go(row.clone()));
            }
            Action::ToggleMode => return self.toggle_mode(),
            Action::ToggleScope => return self.toggle_scope(),
            Action::DeleteBack if self.input.delete_back() => return self.query_changed(),
            Action::DeleteForward if self.input.delete_forward() => return self.query_changed(),
            Action::DeleteToStart if self.input.delete_to_start() => return self.query_changed(),
            Action::DeleteWord if self.input.delete_word() => return self.query_changed(),
            Action::CursorLeft => self.input.left(),
            Action::CursorRight => self.input.right(),
            Action::CursorStart => self.input.home(),
            Action::CursorEnd => self.input.end(),
            Action::Close => return Effect::CloseLayer,
            _ => {}
        }
        Effect::None
    }

    /// Tab: the other mode, with its last query selected and run. When it
    /// has none yet, what is typed is searched there instead: a heading
    /// query that found nothing is tried on the text with one key.
    fn toggle_mode(&mut self) -> Effect {
        let scope = self.recall.scope(self.open_report);
        *self.recall.get_mut(self.mode) = Remembered {
            query: self.input.text().to_string(),
            place: self.selected_place(),
            scope,
        };
        self.mode = self.mode.toggled();
        let last = self.recall.get(self.mode).clone();
        if last.query.trim().is_empty() {
            return self.query_changed();
        }
        self.input = LineInput::recalled(&last.query);
        let effect = self.query_changed();
        self.restore = Some(last.place_in(scope));
        effect
    }

    /// Ctrl-R: the report being read alone, or every report again; the
    /// query is run in the new scope.
    fn toggle_scope(&mut self) -> Effect {
        if self.open_report.is_none() {
            return Effect::Notice(baogao_i18n::t("notice.no_open_report").to_string());
        }
        self.recall.this_report = !self.recall.this_report;
        self.query_changed()
    }

    /// What the result list shows, row by row, from the first result on
    /// screen: see [`list::slots`].
    pub(crate) fn slots(&self) -> Vec<(usize, Slot)> {
        let (rows, weak_from) = self.list_shape();
        list::slots(self.offset, rows, weak_from, self.height)
    }

    /// How many results are listed, and the one the divider comes before.
    fn list_shape(&self) -> (usize, Option<usize>) {
        self.shown
            .as_ref()
            .map_or((0, None), |u| (u.rows.len(), u.weak_from))
    }

    /// A click on row `y` of the popup's inside: the first click on a
    /// result selects it, a click on the selected one goes there; a click
    /// on the divider does nothing.
    pub(crate) fn click(&mut self, y: usize) -> Effect {
        let Some(relative) = y.checked_sub(view::RESULTS_TOP) else {
            return Effect::None;
        };
        let Some(index) = list::result_at(&self.slots(), relative) else {
            return Effect::None;
        };
        let (rows, _) = self.list_shape();
        if index == self.selected {
            return self.act(Action::Open);
        }
        self.select(index, rows);
        Effect::None
    }

    /// Select the row holding `place` of the whole list: the last row that
    /// starts at or before it (a full-text row holds its paragraph's hits).
    fn select_place(&mut self, place: usize) {
        let Some(shown) = &self.shown else { return };
        let rows = shown.rows.len();
        let row = shown.rows.partition_point(|row| row.index <= place);
        self.select(row.saturating_sub(1), rows);
    }

    fn select(&mut self, wanted: usize, rows: usize) {
        self.selected = wanted.min(rows.saturating_sub(1));
        self.keep_selection_visible();
    }

    fn keep_selection_visible(&mut self) {
        let (rows, weak_from) = self.list_shape();
        self.offset =
            list::offset_showing(self.selected, self.offset, rows, weak_from, self.height);
    }

    /// An answer arrived: show it if it is for the newest query (or if
    /// nothing newer is on screen yet, so the list never goes blank). An
    /// Enter that waited for it goes now.
    pub(crate) fn receive(&mut self, update: Update) -> Effect {
        let newer = self
            .shown
            .as_ref()
            .is_none_or(|shown| update.request.seq > shown.request.seq);
        let ours = (self.first_seq..=self.seq).contains(&update.request.seq);
        if newer && ours {
            let same_query = self.shown.as_ref().is_some_and(|s| {
                s.request.query == update.request.query
                    && s.request.mode == update.request.mode
                    && s.request.scope == update.request.scope
            });
            if !same_query {
                self.selected = 0;
                self.offset = 0;
            }
            let fresh = update.request.seq == self.seq;
            self.shown = Some(update);
            if fresh && let Some(place) = self.restore.take() {
                self.select_place(place);
            }
        }
        if self.open_when_answered && !self.waiting() {
            self.open_when_answered = false;
            return self.act(Action::Open);
        }
        Effect::None
    }

    /// The popup's frame on a screen of `area`: centred, a margin around it.
    pub(crate) fn frame(area: Rect) -> Rect {
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
    pub(crate) fn resize(&mut self, frame: Rect) {
        self.height = view::result_rows(frame);
        self.visible = (self.height / 2).max(1);
        self.keep_selection_visible();
    }
}

#[cfg(test)]
mod tests;
