//! Drawing the search popup inside its frame: the input line, a line that
//! says what is searched and how much was found, then the results, two
//! rows each (drawn by `row.rs`), with a divider line before the first
//! weak heading match when closer ones come before it.

use super::SearchLayer;
use super::list::{self, Slot};
use super::tier;
use super::worker::Update;
use crate::paint::put_str;
use crate::shelf::report_title;
use crate::theme::Theme;
use baogao_i18n::{t, tf};
use baogao_layout::{Widths, truncate};
use baogao_report::library::Library;
use baogao_search::{Mode, Scope};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

/// What the input line starts with.
const PROMPT: &str = "\u{203A} ";

/// The first row of results inside the frame (after the input and count rows).
pub(crate) const RESULTS_TOP: usize = 2;

/// Rows of the frame's inside left for results.
pub(crate) fn result_rows(frame: Rect) -> usize {
    usize::from(frame.height.saturating_sub(2)).saturating_sub(RESULTS_TOP)
}

/// The popup's inside, drawn from the layer's state.
pub(crate) struct SearchView<'a> {
    pub(crate) layer: &'a SearchLayer,
    pub(crate) library: &'a Library,
    pub(crate) theme: Theme,
    pub(crate) widths: Widths,
}

impl SearchView<'_> {
    /// Where the terminal's cursor goes (an input method puts its window there).
    pub(crate) fn cursor(&self, inner: Rect) -> Option<Position> {
        let (_, column) = self.visible_input(inner.width as usize);
        let x = inner.x as usize + self.widths.str(PROMPT) + column;
        (x < inner.right() as usize && inner.height > 0).then(|| Position::new(x as u16, inner.y))
    }

    /// The part of the query that fits `width` cells with the cursor on
    /// screen, and the cursor's column in it.
    fn visible_input(&self, width: usize) -> (&str, usize) {
        let room = width.saturating_sub(self.widths.str(PROMPT) + 1);
        let input = self.layer.input();
        let (before, _) = input.split();
        let mut start = 0;
        // Drop characters from the left until the cursor fits.
        while self.widths.str(&before[start..]) > room {
            let Some(c) = before[start..].chars().next() else {
                break;
            };
            start += c.len_utf8();
        }
        (&input.text()[start..], self.widths.str(&before[start..]))
    }

    /// The line under the input: the mode, the scope when it is one
    /// report (its title cut so the rest fits `width`), and what was found
    /// or how to search.
    fn status_line(&self, width: usize) -> String {
        let layer = self.layer;
        let other = mode_label(layer.mode().toggled()).to_lowercase();
        let switch = tf("search.switch", &[("other", &other)]);
        if layer.input().text().trim().is_empty() {
            let (hint, whole_library) = match layer.mode() {
                Mode::Headings => (t("search.hint.pinyin"), t("search.hint.headings")),
                Mode::FullText => (t("search.hint.as_written"), t("search.hint.text")),
            };
            return match layer.scope() {
                Scope::Library => format!("{whole_library} \u{B7} {switch}"),
                scope @ Scope::Report(_) => {
                    let rest = format!("{hint} \u{B7} {switch}");
                    self.scoped(layer.mode(), scope, &rest, width)
                }
            };
        }
        let Some(shown) = layer.shown().filter(|_| !layer.waiting()) else {
            return self.scoped(layer.mode(), layer.scope(), t("search.searching"), width);
        };
        let (mode, scope) = (shown.request.mode, shown.request.scope);
        let count = found(shown);
        let line = self.scoped(mode, scope, &format!("{count} \u{B7} {switch}"), width);
        // What was found matters more than the hint: where both do not
        // fit, the hint goes rather than the end of the count.
        if self.widths.str(&line) > width {
            self.scoped(mode, scope, &count, width)
        } else {
            line
        }
    }

    /// "{mode} · {rest}", with one report's scope "{mode} · in {title} ·
    /// {rest}", the title cut so that the line fits `width` cells (but
    /// never to less than [`MIN_TITLE`]).
    fn scoped(&self, mode: Mode, scope: Scope, rest: &str, width: usize) -> String {
        let label = mode_label(mode);
        let Scope::Report(report) = scope else {
            return format!("{label} \u{B7} {rest}");
        };
        let title = self.library.reports().get(report).map_or("", report_title);
        let scoped = |title: &str| {
            tf(
                "search.scoped",
                &[("mode", &label), ("title", &title), ("rest", &rest)],
            )
        };
        let room = width
            .saturating_sub(self.widths.str(&scoped("")))
            .max(MIN_TITLE);
        scoped(&truncate(title, room, self.widths))
    }

    /// The line before the first weak match, in `width` cells.
    fn divider(&self, shown: &Update, width: usize) -> String {
        let weak = shown.total.saturating_sub(shown.close);
        tier::divider(&tier::weak_matches(weak), width, self.widths)
    }
}

impl Widget for &SearchView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let theme = self.theme;
        let (query, _) = self.visible_input(area.width as usize);
        let x = put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            PROMPT,
            theme.key,
            self.widths,
        );
        let style = if self.layer.input().is_selected() {
            theme.text.patch(theme.selection)
        } else {
            theme.text
        };
        put_str(buf, x, area.y, area.right(), query, style, self.widths);
        if area.height < 2 {
            return;
        }
        let status = self.status_line(area.width as usize);
        put_str(
            buf,
            area.x,
            area.y + 1,
            area.right(),
            &truncate(&status, area.width as usize, self.widths),
            theme.dim,
            self.widths,
        );
        let Some(shown) = self.layer.shown() else {
            return;
        };
        // The layer places rows for clicks by the same slots, in the
        // height it was fitted to: this area's.
        let height = usize::from(area.height).saturating_sub(RESULTS_TOP);
        let top = area.y + RESULTS_TOP as u16;
        let offset = self.layer.offset();
        for (y, slot) in list::slots(offset, shown.rows.len(), shown.weak_from, height) {
            let y = top + y as u16;
            match slot {
                Slot::Divider => {
                    let width = usize::from(area.width.saturating_sub(2));
                    let line = self.divider(shown, width);
                    put_str(
                        buf,
                        area.x + 1,
                        y,
                        area.right(),
                        &line,
                        theme.dim,
                        self.widths,
                    );
                }
                Slot::Result(index) => {
                    let selected = index == self.layer.selected();
                    self.draw_row(buf, area, y, &shown.rows[index], selected);
                }
            }
        }
    }
}

/// Cells of a report's title the scope keeps on the count line, however
/// little room the rest leaves.
const MIN_TITLE: usize = 8;

/// What an answer found, for the count line: when every heading match is
/// weak, it says so first.
fn found(shown: &Update) -> String {
    let mut count = match shown.request.mode {
        Mode::Headings => match (shown.total, shown.close) {
            (0, _) => t("search.no_match").to_string(),
            (n, 0) => tier::no_close_match(n),
            (1, _) => t("search.match.one").to_string(),
            (n, _) => tf("search.match.many", &[("n", &n)]),
        },
        Mode::FullText => text_count(shown.total, shown.paragraphs, shown.complete),
    };
    if shown.rows.len() < shown.paragraphs {
        count.push_str(&tf("search.first_listed", &[("n", &shown.rows.len())]));
    }
    count
}

/// The count line's words for full text: hits, and the paragraphs (rows)
/// they are in.
fn text_count(hits: usize, paragraphs: usize, complete: bool) -> String {
    let plural = |n: usize, noun: &str| {
        let form = if n == 1 { "one" } else { "many" };
        baogao_i18n::fill(t(&format!("{noun}.{form}")), &[("n", &n)])
    };
    match (hits, complete) {
        (0, _) => t("search.no_match").to_string(),
        (_, true) => tf(
            "search.hits_in",
            &[
                ("hits", &plural(hits, "search.hit")),
                ("paragraphs", &plural(paragraphs, "search.paragraph")),
            ],
        ),
        (_, false) => tf(
            "search.hits_over",
            &[("hits", &hits), ("paragraphs", &paragraphs)],
        ),
    }
}

/// How the popup names a search mode.
fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Headings => t("search.mode.headings"),
        Mode::FullText => t("search.mode.text"),
    }
}
