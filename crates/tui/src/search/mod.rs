//! The search popup: a layer over the screen with an input line and the
//! results of what is typed, updated on every keystroke.
//!
//! - `input`: the line being typed, edited by character.
//! - `recall`: what the popup shows again when reopened.
//! - [`worker`]: the queries run off the event loop, answered with rows.
//! - `view`: drawing the popup.
//!
//! The layer owns what it shows; the app routes keys to it and acts on what
//! it asks for (an `Effect`): a new query to run, a result to go to, or
//! to be closed. What it should show again when reopened (each mode's last
//! query, the result chosen, the scope) it hands back as a `Recall`.

pub(crate) mod input;
pub(crate) mod recall;
pub(crate) mod view;
pub mod worker;

use super::effect::Effect;
use super::keymap::Action;
use baogao_search::{Mode, Scope};
use input::LineInput;
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
    /// Result rows that fit (each result takes two screen rows).
    visible: usize,
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
            restore: Some(last.place),
            recall,
            open_report,
            mode,
            first_seq: last_seq + 1,
            seq: last_seq,
            shown: None,
            selected: 0,
            offset: 0,
            visible: 1,
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
        *self.recall.get_mut(self.mode) = Remembered {
            query: self.input.text().to_string(),
            place: self.selected_place(),
        };
        self.mode = self.mode.toggled();
        let last = self.recall.get(self.mode).clone();
        if last.query.trim().is_empty() {
            return self.query_changed();
        }
        self.input = LineInput::recalled(&last.query);
        let effect = self.query_changed();
        self.restore = Some(last.place);
        effect
    }

    /// Ctrl-R: the report being read alone, or every report again; the
    /// query is run in the new scope.
    fn toggle_scope(&mut self) -> Effect {
        if self.open_report.is_none() {
            return Effect::Notice(
                "no report is open: Ctrl-R searches the one being read".to_string(),
            );
        }
        self.recall.this_report = !self.recall.this_report;
        self.query_changed()
    }

    /// A click on row `y` of the popup's inside: the first click on a
    /// result selects it, a click on the selected one goes there.
    pub(crate) fn click(&mut self, y: usize) -> Effect {
        let Some(relative) = y.checked_sub(view::RESULTS_TOP) else {
            return Effect::None;
        };
        let index = self.offset + relative / 2;
        let rows = self.shown.as_ref().map_or(0, |u| u.rows.len());
        if index >= rows || relative / 2 >= self.visible {
            return Effect::None;
        }
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
        let visible = self.visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
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
        let rows = view::result_rows(frame);
        self.visible = (rows / 2).max(1);
        self.keep_selection_visible();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use worker::ResultRow;

    fn update(seq: u64, query: &str) -> Update {
        Update {
            request: Request {
                seq,
                scope: Scope::Library,
                mode: Mode::Headings,
                query: query.to_string(),
            },
            total: 0,
            paragraphs: 0,
            complete: true,
            rows: Vec::new(),
            text_hits: None,
        }
    }

    fn shown_query(layer: &SearchLayer) -> Option<&str> {
        layer.shown().map(|u| u.request.query.as_str())
    }

    #[test]
    fn only_answers_newer_than_the_shown_one_and_not_from_the_future_are_shown() {
        let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
        let _ = layer.type_text("z");
        let _ = layer.type_text("s");
        assert!(layer.waiting());
        // The answer to "z" arrives first: better than nothing.
        assert_eq!(layer.receive(update(1, "z")), Effect::None);
        assert_eq!(shown_query(&layer), Some("z"));
        assert!(layer.waiting());
        let _ = layer.receive(update(2, "zs"));
        assert_eq!(shown_query(&layer), Some("zs"));
        assert!(!layer.waiting());
        // A late answer to an older query does not replace it.
        let _ = layer.receive(update(1, "z"));
        assert_eq!(shown_query(&layer), Some("zs"));
    }

    #[test]
    fn a_new_popup_ignores_answers_meant_for_the_one_before() {
        let mut first = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
        let _ = first.type_text("n");
        let _ = first.type_text("a");
        let mut second = SearchLayer::new(Mode::Headings, first.seq(), Recall::default(), None);
        let _ = second.type_text("d");
        let _ = second.receive(update(1, "n"));
        let _ = second.receive(update(2, "na"));
        assert_eq!(shown_query(&second), None);
        let _ = second.receive(update(3, "d"));
        assert_eq!(shown_query(&second), Some("d"));
    }

    #[test]
    fn enter_before_the_answer_goes_once_the_answer_comes() {
        let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
        let _ = layer.type_text("z");
        let _ = layer.receive(update(1, "z"));
        let _ = layer.type_text("s");
        // The rows of "z" are on screen, but Enter means "zs".
        assert_eq!(layer.act(Action::Open), Effect::None);
        let mut answer = update(2, "zs");
        answer.rows.push(ResultRow {
            report: 0,
            section: 3,
            text: "招商".to_string(),
            positions: vec![0, 1],
            hit: None,
            count: 1,
            index: 0,
        });
        let Effect::Go(row) = layer.receive(answer) else {
            panic!("Enter went nowhere");
        };
        assert_eq!(row.text, "招商");
    }

    #[test]
    fn typing_asks_for_a_search_and_esc_to_be_closed() {
        let mut layer = SearchLayer::new(Mode::FullText, 4, Recall::default(), None);
        assert_eq!(
            layer.type_text("招商"),
            Effect::Search(Request {
                seq: 5,
                scope: Scope::Library,
                mode: Mode::FullText,
                query: "招商".to_string(),
            })
        );
        assert_eq!(layer.act(Action::CursorLeft), Effect::None);
        assert_eq!(layer.act(Action::Close), Effect::CloseLayer);
    }

    #[test]
    fn ctrl_r_runs_the_query_in_the_open_report_and_back() {
        let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), Some(7));
        let _ = layer.type_text("dj");
        let Effect::Search(request) = layer.act(Action::ToggleScope) else {
            panic!("no search");
        };
        assert_eq!(
            (request.scope, request.query.as_str()),
            (Scope::Report(7), "dj")
        );
        assert!(layer.recall().this_report);
        let Effect::Search(request) = layer.act(Action::ToggleScope) else {
            panic!("no search");
        };
        assert_eq!(request.scope, Scope::Library);
        // With no report open there is nothing to narrow to.
        let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
        assert!(matches!(layer.act(Action::ToggleScope), Effect::Notice(_)));
        assert_eq!(layer.scope(), Scope::Library);
    }
}
