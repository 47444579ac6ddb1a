//! Drawing one result of the search popup in its two screen rows: what
//! matched (a heading, or a paragraph cut around its first hit), cut to
//! the row with the matched characters marked and, at the row's end, a
//! dimmed note (a paragraph's hit count, a heading found by homophone or
//! typo); under it, dimmed, where it is.

use super::tier;
use super::view::SearchView;
use super::worker::ResultRow;
use crate::paint::{fill, put_spans, put_str};
use crate::shelf::{report_title, township_with_county, year_label};
use crate::theme::Theme;
use baogao_layout::{Widths, truncate};
use baogao_report::model::{Report, SectionPath};
use baogao_search::{TextHit, WHOLE_REPORT, fulltext::paragraph_text, section_path, snippet};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;

impl SearchView<'_> {
    /// Draw `row` at screen row `y` of the list's `area` and the row
    /// under it, reversed when `selected`.
    pub(crate) fn draw_row(
        &self,
        buf: &mut Buffer,
        area: Rect,
        y: u16,
        row: &ResultRow,
        selected: bool,
    ) {
        let theme = self.theme;
        let base = if selected { theme.selected } else { theme.text };
        let mark = base.patch(theme.mark);
        if selected {
            fill(buf, area.x, y, area.right(), base);
        }
        let width = area.width.saturating_sub(1) as usize;
        let report = &self.library.reports()[row.report as usize];
        let note = self.end_note(row, width);
        // The text's room: the note, a space before it and a blank column
        // after it are taken off.
        let room = match &note {
            Some(note) => width - self.widths.str(note) - 2,
            None => width,
        };
        // What matched, cut to fit, and the byte ranges to mark in it.
        let (text, marked) = match row.hit {
            None => cut_heading(&row.text, &row.positions, room, self.widths),
            Some(hit) => self.cut_paragraph(hit, row, room),
        };
        let marked: Vec<_> = marked.into_iter().map(|range| (range, mark)).collect();
        if let Some(note) = note {
            // The note sits at the row's end, after the room the text had.
            let x = area
                .right()
                .saturating_sub(self.widths.str(&note) as u16 + 1);
            put_str(
                buf,
                x,
                y,
                area.right(),
                &note,
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

    /// What a row says at its end: a full-text row, how many hits its
    /// paragraph holds when more than one; a heading, its tier's note
    /// (homophone, typo). Only when the row of `width` cells keeps room
    /// enough for its text: a note is shown whole or not at all.
    fn end_note(&self, row: &ResultRow, width: usize) -> Option<String> {
        let note = match row.hit {
            Some(_) if row.count > 1 => format!("\u{D7}{}", row.count),
            Some(_) => return None,
            None => tier::note(row.kind?)?.to_string(),
        };
        (width >= self.widths.str(&note) + 2 + MIN_TEXT).then_some(note)
    }

    /// A full-text row's text: its paragraph cut around the first hit to
    /// `room` cells, every hit of the paragraph that is in the cut marked.
    fn cut_paragraph(
        &self,
        hit: TextHit,
        row: &ResultRow,
        room: usize,
    ) -> (String, Vec<Range<usize>>) {
        let paragraph =
            paragraph_text(self.library, hit.report, hit.section, hit.paragraph).unwrap_or("");
        let shown = self.layer.shown();
        let start = (hit.offset as usize).min(paragraph.len());
        let end = (start + hit.len as usize).min(paragraph.len());
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
                let to = (from + other.len as usize).min(paragraph.len());
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

/// Cells a row's text keeps before a note at its end may take room from it.
const MIN_TEXT: usize = 8;

/// The style of a row's dimmed parts: its place and the note at its end.
fn place_style(theme: Theme, base: Style, selected: bool) -> Style {
    if selected { base } else { theme.dim }
}

/// Where a result is: township · county (where known) · year, then the
/// report (for a text hit or a heading) and the headings above the one
/// that matched.
fn place_of(report: &Report, row: &ResultRow) -> String {
    let mut place = format!(
        "{} \u{B7} {}",
        township_with_county(report),
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
    // The snippet keeps text[span] whole at `around.hit` (even when it is
    // wider than the row): shift the marks, then cut to the row and keep
    // only the marks that are still inside.
    let text = truncate(&around.text, width, widths).into_owned();
    let inside = if text.len() < around.text.len() {
        text.len().saturating_sub(ELLIPSIS.len_utf8())
    } else {
        text.len()
    };
    let moved = marked
        .iter()
        .map(|range| {
            let start = range.start - span.start + around.hit.start;
            start..start + range.len()
        })
        .filter(|range| range.end <= inside)
        .collect();
    (text, moved)
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

#[cfg(test)]
mod tests {
    use super::cut_heading;
    use baogao_layout::Widths;

    // Matched characters wider than the row are cut with the rest: nothing
    // runs past the row (over a note such as "(同音)"), and no mark points
    // past the text kept.
    #[test]
    fn matches_wider_than_the_row_are_cut_to_it() {
        let widths = Widths::default();
        let heading = "一、全面推进乡村振兴战略实施";
        let positions: Vec<usize> = (2..12).collect();
        for width in [6, 9, 15] {
            let (text, marks) = cut_heading(heading, &positions, width, widths);
            assert!(widths.str(&text) <= width, "{text:?} at {width}");
            assert!(marks.iter().all(|mark| mark.end <= text.len()), "{marks:?}");
            assert!(
                marks.iter().all(
                    |mark| text.is_char_boundary(mark.start) && text.is_char_boundary(mark.end)
                )
            );
        }
    }
}
