//! Drawing the app: the pane frames (titles painted by our own widths),
//! the welcome text, the status bar's words, then the layers on top.
//! Drawing reads the state and never changes it.

use super::{App, Focus, Layer};
use crate::document::Punctuation;
use crate::figures::FiguresLayer;
use crate::paint::{clear_left_of, put_str};
use crate::reader::Progress;
use crate::search::SearchLayer;
use crate::shelf::{report_title, township_with_county, year_label};
use crate::status::{render_footer, render_status};
use crate::tree::TreeView;
use baogao_i18n::{t, tf};
use baogao_layout::{AmbiguousWidth, full_width_punctuation, truncate, wrap_cjk};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::border;
use ratatui::widgets::{Block, Clear, Widget};
use std::borrow::Cow;

impl App<'_> {
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
        let lines = if self.library.is_empty() {
            vec![
                (t("welcome.empty").to_string(), self.theme.title),
                (t("welcome.import").to_string(), self.theme.dim),
            ]
        } else {
            Vec::new()
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

    /// Report text as the reader shows it: marks between Chinese
    /// characters full-width unless the text is read as written.
    fn shown<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.reader.punctuation() {
            Punctuation::FullWidth => full_width_punctuation(text),
            Punctuation::AsWritten => Cow::Borrowed(text),
        }
    }

    fn status_text(&self) -> (String, String) {
        if let Some(notice) = &self.notice {
            return (notice.clone(), String::new());
        }
        if self.overview_shown && !self.library.is_empty() {
            return (self.overview.status().to_string(), String::new());
        }
        let Some((index, _)) = self.reader.location() else {
            return (
                tf("status.reports", &[("n", &self.library.len())]),
                String::new(),
            );
        };
        let report = &self.library.reports()[index];
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.aside.clone());
        parts.push(township_with_county(report));
        parts.push(year_label(report.year));
        parts.push(self.shown(report_title(report)).into_owned());
        let crumbs = self.reader.breadcrumb();
        if !crumbs.is_empty() {
            parts.push(crumbs.join(" › "));
        }
        let mut right = match self.reader.progress() {
            Some(Progress::All) => t("status.all").to_string(),
            Some(Progress::Percent(p)) => format!("{p}%"),
            None => String::new(),
        };
        if let Some(at) = self.reader.hit_position() {
            // "1/200000+": the hits past the kept ones are not stepped through.
            let more = if at.complete { "" } else { "+" };
            right = format!(
                "{} {}/{}{more}  {right}",
                at.walked.word(),
                at.current,
                at.count
            );
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
/// screen the text keeps this measure (50 Chinese characters) unless the
/// settings choose another.
const MAX_TEXT_WIDTH: u16 = 100;

/// The reader's text area inside its border (its first row is the
/// breadcrumb): the whole pane but a blank column each side, or, on a pane
/// wider than the measure, a column of the measure in its middle.
pub(super) fn reader_text_area(reader: Rect) -> Rect {
    let inner = Block::bordered().inner(reader);
    // One blank column each side keeps text off the border.
    let room = inner.width.saturating_sub(2);
    let measure = crate::settings::get().measure.saturating_mul(2);
    let width = room.min(if measure == 0 {
        MAX_TEXT_WIDTH
    } else {
        measure
    });
    let margin = (room - width) / 2;
    Rect::new(inner.x + 1 + margin, inner.y, width, inner.height)
}

impl Widget for &App<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(areas) = self.areas.filter(|areas| areas.screen == area) else {
            let message = truncate(t("screen.too_small"), area.width as usize, self.widths);
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
            // The grouping where the frame has room for it.
            let mut title = tf("tree.title", &[("n", &self.library.len())]);
            let grouped = format!("{title} \u{B7} {}", self.tree.shelf().grouping.name());
            if self.widths.str(&grouped) + 6 <= usize::from(tree.width) {
                title = grouped;
            }
            let inner = self.render_frame(tree, buf, &title, self.focus == Focus::Tree);
            TreeView {
                pane: &self.tree,
                focused: self.focus == Focus::Tree,
            }
            .render(inner, buf);
        }
        if let Some(reader) = areas.reader {
            let title = if self.overview_shown {
                Cow::Borrowed(self.overview.title())
            } else {
                self.reader
                    .location()
                    .map_or(Cow::Borrowed(""), |(index, _)| {
                        self.shown(report_title(&self.library.reports()[index]))
                    })
            };
            self.render_frame(reader, buf, &title, self.focus == Focus::Reader);
            if self.library.is_empty() {
                self.render_welcome(reader_text_area(reader), buf);
            } else if self.overview_shown {
                self.overview.render(reader_text_area(reader), buf);
            } else {
                self.reader.render(reader_text_area(reader), buf);
            }
        }
        let (left, right) = self.status_text();
        let style = if self.notice.is_some() {
            self.theme.notice.patch(self.theme.status())
        } else {
            self.theme.status()
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
                        t("help.title_scroll")
                    } else {
                        t("help.title")
                    };
                    let inner = self.render_frame(frame, buf, title, true);
                    help.render(inner, buf);
                }
                Layer::Search(layer) => {
                    let frame = SearchLayer::frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let inner = self.render_frame(frame, buf, t("search.title"), true);
                    self.search_view(layer).render(inner, buf);
                }
                Layer::Outline(outline) => {
                    let frame = outline.frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let inner = self.render_frame(frame, buf, t("outline.title"), true);
                    outline.render(inner, buf);
                }
                Layer::Figures(figures) => {
                    let frame = FiguresLayer::frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let inner = self.render_frame(frame, buf, figures.title(), true);
                    figures.render(inner, buf);
                }
                Layer::Marks(marks) => {
                    let frame = marks.frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let inner = self.render_frame(frame, buf, t("marks.title"), true);
                    marks.render(inner, buf, self);
                }
                Layer::Compare(compare) => {
                    let frame = crate::compare_view::CompareLayer::frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let title = compare.title(self.library, area.width);
                    let inner = self.render_frame(frame, buf, &title, true);
                    compare.render(self.library, inner, buf, area.width);
                }
                Layer::Related(related) => {
                    let frame = crate::related::RelatedLayer::frame(area);
                    clear_left_of(buf, frame);
                    Clear.render(frame, buf);
                    let inner = self.render_frame(frame, buf, &related.title(), true);
                    related.render(inner, buf);
                }
            }
        }
    }
}
