//! Writing text into ratatui's buffer cell by cell, by our own display widths.
//!
//! ratatui measures with `unicode-width`'s narrow rule; with ambiguous-width
//! characters set to two cells (`docs/cjk-layout.md`), a “ takes two cells on screen, so
//! its cell is given a forced width of two and the cell after it is cleared,
//! and ratatui's diff then places the next character where the terminal does.
//! Text is expected to be sanitised already (the loader does it).

use baogao_layout::Widths;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::style::Style;
use std::num::NonZeroU16;
use std::ops::Range;

/// Write `text` at (x, y), never past `right` (exclusive) nor outside the
/// buffer; a character that does not fit whole is not drawn. Text is drawn
/// in the wrapper's units (a character with its combining marks, an emoji
/// sequence), so what the layout measured is what the screen shows. Returns
/// the column after the last unit written.
pub(crate) fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    widths: Widths,
) -> u16 {
    let area = buf.area;
    let right = right.min(area.right());
    if y < area.top() || y >= area.bottom() {
        return x;
    }
    let mut col = x.max(area.left());
    for (unit, width) in widths.cells(text) {
        // Zero-width units (a stray mark at the start) have no cell of their own.
        let Ok(width) = u16::try_from(width) else {
            break;
        };
        if width == 0 {
            continue;
        }
        if col.saturating_add(width) > right {
            break;
        }
        if let Some(cell) = buf.cell_mut((col, y)) {
            cell.reset();
            cell.set_symbol(unit).set_style(style);
            // ratatui would measure an ambiguous character as one cell; tell
            // its diff how many the terminal (and our layout) give it.
            if usize::from(width) != unicode_width::UnicodeWidthStr::width(unit)
                && let Some(forced) = NonZeroU16::new(width)
            {
                cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
            }
        }
        for covered in col + 1..col + width {
            if let Some(cell) = buf.cell_mut((covered, y)) {
                cell.reset();
                cell.set_style(style);
            }
        }
        col += width;
    }
    col
}

/// Fill cells from `x` to `right` (exclusive) on row `y` with spaces in `style`.
pub(crate) fn fill(buf: &mut Buffer, x: u16, y: u16, right: u16, style: Style) {
    for col in x..right.min(buf.area.right()) {
        if let Some(cell) = buf.cell_mut((col, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// Draw `text` like [`put_str`], the byte ranges of `spans` (ascending, not
/// overlapping) in their own styles and the rest in `base`. A span that is
/// out of order or not on character boundaries is drawn plain.
#[allow(clippy::too_many_arguments)]
pub(crate) fn put_spans(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    spans: &[(Range<usize>, Style)],
    base: Style,
    widths: Widths,
) -> u16 {
    let mut col = x;
    let mut at = 0;
    for (range, style) in spans {
        let fits = range.start >= at
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !fits {
            continue;
        }
        col = put_str(buf, col, y, right, &text[at..range.start], base, widths);
        col = put_str(buf, col, y, right, &text[range.clone()], *style, widths);
        at = range.end;
    }
    put_str(buf, col, y, right, &text[at..], base, widths)
}

/// Draw `text` like [`put_spans`], with one blank cell before each byte
/// offset of `gaps` (ascending; an offset may repeat): a justified row.
#[allow(clippy::too_many_arguments)]
pub(crate) fn put_spans_spread(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    spans: &[(Range<usize>, Style)],
    base: Style,
    gaps: &[usize],
    widths: Widths,
) -> u16 {
    if gaps.is_empty() {
        return put_spans(buf, x, y, right, text, spans, base, widths);
    }
    let mut col = x;
    let mut from = 0;
    let ends = gaps
        .iter()
        .copied()
        .filter(|&at| at <= text.len() && text.is_char_boundary(at))
        .chain(std::iter::once(text.len()));
    for to in ends {
        if to < from {
            continue;
        }
        let pieces: Vec<(Range<usize>, Style)> = spans
            .iter()
            .filter(|(range, _)| range.start < to && range.end > from)
            .map(|(range, style)| {
                (
                    range.start.max(from) - from..range.end.min(to) - from,
                    *style,
                )
            })
            .collect();
        col = put_spans(buf, col, y, right, &text[from..to], &pieces, base, widths);
        if to < text.len() {
            // The blank cell takes the style of what it sits in, so a mark
            // running across it stays one.
            let inside = spans
                .iter()
                .find(|(range, _)| range.start < to && range.end > to)
                .map_or(base, |(_, style)| *style);
            fill(buf, col, y, col.saturating_add(1).min(right), inside);
            col = col.saturating_add(1);
        }
        from = to;
    }
    col
}

/// Before drawing a frame over `area`: a wide character just left of it
/// would cover the frame's first column (its second half sits there), and
/// ratatui's diff skips the cell a wide character covers, so the border
/// would never reach the screen. Such a character gives way to a space.
pub(crate) fn clear_left_of(buf: &mut Buffer, area: ratatui::layout::Rect) {
    let Some(x) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((x, y))
            && unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1
        {
            let style = cell.style();
            cell.reset();
            cell.set_symbol(" ").set_style(style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn a_wide_character_left_of_a_frame_gives_way() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
        put_str(&mut buf, 0, 0, 6, "一二三", Style::new(), Widths::default());
        put_str(&mut buf, 0, 1, 6, "ab二", Style::new(), Widths::default());
        clear_left_of(&mut buf, Rect::new(3, 0, 3, 2));
        // Row 0: 二 sat at columns 2-3, across the frame's edge.
        assert_eq!(buf[(2, 0)].symbol(), " ");
        assert_eq!(buf[(0, 0)].symbol(), "一");
        // Row 1: column 2 holds 二 too; narrow letters stay.
        assert_eq!(buf[(2, 1)].symbol(), " ");
        assert_eq!(buf[(1, 1)].symbol(), "b");
    }
}
