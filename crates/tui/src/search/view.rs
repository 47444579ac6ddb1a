//! Drawing the search popup inside its frame: the input line, a line that
//! says what is searched and how much was found, then two rows per result
//! (what matched, with the matched characters marked, and where it is).

use super::SearchLayer;
use super::worker::{ResultRow, Update};
use crate::paint::{fill, put_spans, put_str};
use crate::shelf::{report_title, township_label, year_label};
use crate::theme::Theme;
use baogao_layout::{Widths, truncate};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use baogao_search::{
    Mode, Scope, TextHit, WHOLE_REPORT, fulltext::paragraph_text, section_path, snippet,
};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::ops::Range;

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
        let switch = format!("Tab: {other}");
        let (mode, scope, rest, whole_library) = if layer.input().text().trim().is_empty() {
            let (hint, whole_library) = match layer.mode() {
                Mode::Headings => (
                    "pinyin works (zsyz, nanji)",
                    "Headings and titles; pinyin works (zsyz, nanji)",
                ),
                Mode::FullText => ("as written", "Paragraph text, as written"),
            };
            (
                layer.mode(),
                layer.scope(),
                format!("{hint} \u{B7} {switch}"),
                Some(format!("{whole_library} \u{B7} {switch}")),
            )
        } else if let Some(shown) = layer.shown().filter(|_| !layer.waiting()) {
            let count = found(shown);
            let rest = format!("{count} \u{B7} {switch}");
            (shown.request.mode, shown.request.scope, rest, None)
        } else {
            let rest = "searching\u{2026}".to_string();
            (layer.mode(), layer.scope(), rest, None)
        };
        let label = mode_label(mode);
        let Scope::Report(report) = scope else {
            return whole_library.unwrap_or_else(|| format!("{label} \u{B7} {rest}"));
        };
        let title = self.library.reports().get(report).map_or("", report_title);
        let fixed = format!("{label} \u{B7} in  \u{B7} {rest}");
        let room = width.saturating_sub(self.widths.str(&fixed)).max(MIN_TITLE);
        let title = truncate(title, room, self.widths);
        format!("{label} \u{B7} in {title} \u{B7} {rest}")
    }

    fn draw_row(&self, buf: &mut Buffer, area: Rect, y: u16, row: &ResultRow, selected: bool) {
        let theme = self.theme;
        let base = if selected { theme.selected } else { theme.text };
        let mark = base.patch(theme.mark);
        if selected {
            fill(buf, area.x, y, area.right(), base);
        }
        let width = area.width.saturating_sub(1) as usize;
        let report = &self.library.reports()[row.report as usize];
        // What matched, cut to fit, and the byte ranges to mark in it.
        let (text, marked) = match row.hit {
            None => cut_heading(&row.text, &row.positions, width, self.widths),
            Some(hit) => self.cut_paragraph(hit, row, width),
        };
        let marked: Vec<_> = marked.into_iter().map(|range| (range, mark)).collect();
        if let Some(count) = self.hit_count(row, width) {
            // The count sits at the row's end, after the room the snippet had.
            let x = area
                .right()
                .saturating_sub(self.widths.str(&count) as u16 + 1);
            put_str(
                buf,
                x,
                y,
                area.right(),
                &count,
                place_style(theme, base, selected),
                self.widths,
            );
        }
        put_spans(
            buf,
            area.x + 1,
            y,
            area.right(),
            &text,
            &marked,
            base,
            self.widths,
        );
        let place = place_of(report, row);
        let place_style = place_style(theme, base, selected);
        put_str(
            buf,
            area.x + 3,
            y + 1,
            area.right(),
            &truncate(&place, width.saturating_sub(2), self.widths),
            place_style,
            self.widths,
        );
        if selected {
            fill(buf, area.x, y + 1, area.x + 3, base);
        }
    }
}

impl SearchView<'_> {
    /// What a full-text row says at its end: how many hits its paragraph
    /// holds, when more than one and when the row of `width` cells keeps
    /// room enough for its text.
    fn hit_count(&self, row: &ResultRow, width: usize) -> Option<String> {
        if row.hit.is_none() || row.count < 2 {
            return None;
        }
        let count = format!("\u{D7}{}", row.count);
        (width >= self.widths.str(&count) + 2 + MIN_SNIPPET).then_some(count)
    }

    /// A full-text row's text: its paragraph cut around the first hit to
    /// `width` cells less the hit count at the end, every hit of the
    /// paragraph that is in the cut marked.
    fn cut_paragraph(
        &self,
        hit: TextHit,
        row: &ResultRow,
        width: usize,
    ) -> (String, Vec<Range<usize>>) {
        let paragraph =
            paragraph_text(self.library, hit.report, hit.section, hit.paragraph).unwrap_or("");
        let shown = self.layer.shown();
        let len = shown.map_or(0, |u| u.request.query.trim().len());
        let room = match self.hit_count(row, width) {
            // The count, a space before it and a blank column after it.
            Some(count) => width - self.widths.str(&count) - 2,
            None => width,
        };
        let start = (hit.offset as usize).min(paragraph.len());
        let end = (start + len).min(paragraph.len());
        let cut = snippet(paragraph, start..end, room, self.widths);
        let text = truncate(&cut.text, room, self.widths).into_owned();
        let hits = shown
            .and_then(|u| u.text_hits.as_deref())
            .and_then(|hits| hits.get(row.index..row.index + row.count))
            .unwrap_or_default();
        // The cut holds the paragraph's text from some byte on, shifted by
        // where the first hit landed in it: a hit is marked where that
        // shift puts the same text.
        let marked = hits
            .iter()
            .filter_map(|other| {
                let from = other.offset as usize;
                let to = (from + len).min(paragraph.len());
                let at = (from + cut.hit.start).checked_sub(start)?;
                let moved = at..at + (to - from);
                let same = text
                    .get(moved.clone())
                    .zip(paragraph.get(from..to))
                    .is_some_and(|(cut, whole)| cut == whole);
                if same {
                    Some(moved)
                } else if *other == hit {
                    // A hit wider than the row: what is left of it.
                    Some(moved.start.min(text.len())..moved.end.min(text.len()))
                } else {
                    None
                }
            })
            .collect();
        (text, marked)
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
        let first = self.layer.offset();
        let mut y = area.y + RESULTS_TOP as u16;
        for (index, row) in shown.rows.iter().enumerate().skip(first) {
            if y + 1 >= area.bottom() {
                break;
            }
            self.draw_row(buf, area, y, row, index == self.layer.selected());
            y += 2;
        }
    }
}

/// Cells of a report's title the scope keeps on the count line, however
/// little room the rest leaves.
const MIN_TITLE: usize = 8;

/// What an answer found, for the count line.
fn found(shown: &Update) -> String {
    let mut count = match shown.request.mode {
        Mode::Headings => match shown.total {
            0 => "no match".to_string(),
            1 => "1 match".to_string(),
            n => format!("{n} matches"),
        },
        Mode::FullText => text_count(shown.total, shown.paragraphs, shown.complete),
    };
    if shown.rows.len() < shown.paragraphs {
        count.push_str(&format!(", the first {} listed", shown.rows.len()));
    }
    count
}

/// Cells a snippet keeps before a hit count may take room from it.
const MIN_SNIPPET: usize = 8;

/// The style of a row's dimmed parts: its place and its hit count.
fn place_style(theme: Theme, base: Style, selected: bool) -> Style {
    if selected { base } else { theme.dim }
}

/// The count line's words for full text: hits, and the paragraphs (rows)
/// they are in.
fn text_count(hits: usize, paragraphs: usize, complete: bool) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    match (hits, complete) {
        (0, _) => "no match".to_string(),
        (_, true) => format!(
            "{} in {}",
            plural(hits, "hit", "hits"),
            plural(paragraphs, "paragraph", "paragraphs")
        ),
        (_, false) => format!("over {hits} hits in {paragraphs}+ paragraphs"),
    }
}

/// How the popup names a search mode.
fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Headings => "Headings",
        Mode::FullText => "Full text",
    }
}

/// Where a result is: township · year, then the report (for a text hit or a
/// heading) and the headings above the one that matched.
fn place_of(report: &Report, row: &ResultRow) -> String {
    let mut place = format!(
        "{} \u{B7} {}",
        township_label(report.township.as_deref()),
        year_label(report.year)
    );
    if row.section == WHOLE_REPORT {
        if row.hit.is_some() {
            place.push_str(" \u{B7} ");
            place.push_str(report_title(report));
        } else {
            place.push_str(" \u{B7} ");
            place.push_str(report.kind.label_zh(report.period));
        }
        return place;
    }
    let path = section_path(report, row.section);
    // A heading result shows itself above: its place is its parents.
    let depth = if row.hit.is_some() {
        path.depth()
    } else {
        path.depth().saturating_sub(1)
    };
    for level in 1..=depth {
        if let Some(section) = report.section(&SectionPath(path.0[..level].to_vec())) {
            place.push_str(" \u{203A} ");
            place.push_str(&section.heading);
        }
    }
    place
}

/// A heading cut to `width` cells with its matched characters (byte ranges
/// of the cut text): from its start when the matches fit that way, else
/// around the matches; a "…" where it was cut is never marked.
fn cut_heading(
    text: &str,
    positions: &[usize],
    width: usize,
    widths: Widths,
) -> (String, Vec<Range<usize>>) {
    let marked = char_ranges(text, positions);
    let cut = truncate(text, width, widths);
    let kept = if cut.len() < text.len() {
        cut.len().saturating_sub(ELLIPSIS.len_utf8())
    } else {
        cut.len()
    };
    let (Some(first), Some(last)) = (marked.first(), marked.last()) else {
        return (cut.into_owned(), marked);
    };
    if last.end <= kept {
        return (cut.into_owned(), marked);
    }
    let span = first.start..last.end;
    let around = snippet(text, span.clone(), width, widths);
    if around.hit.is_empty() {
        return (cut.into_owned(), Vec::new());
    }
    // The snippet keeps text[span] whole at `around.hit`: shift the marks.
    let moved = marked
        .iter()
        .map(|range| {
            let start = range.start - span.start + around.hit.start;
            start..start + range.len()
        })
        .collect();
    (around.text, moved)
}

const ELLIPSIS: char = '\u{2026}';

/// Byte ranges of the characters at `positions` (char indices) in `text`.
fn char_ranges(text: &str, positions: &[usize]) -> Vec<Range<usize>> {
    let mut wanted = positions.iter().peekable();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (index, (at, c)) in text.char_indices().enumerate() {
        while wanted.peek().is_some_and(|&&p| p < index) {
            wanted.next();
        }
        if wanted.peek() == Some(&&index) {
            match ranges.last_mut() {
                Some(last) if last.end == at => last.end = at + c.len_utf8(),
                _ => ranges.push(at..at + c.len_utf8()),
            }
        }
    }
    ranges
}
