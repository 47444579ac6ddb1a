//! The bottom rows: the status bar (where the reader is, how far through)
//! and the footer of key hints, generated from the key table.

use super::keymap::{Scope, hints};
use super::paint::{fill, put_str};
use super::theme::Theme;
use baogao_layout::{Widths, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Draw the status bar: `left` cut to fit, `right` (the position) at the end.
pub(crate) fn render_status(
    area: Rect,
    buf: &mut Buffer,
    left: &str,
    right: &str,
    style: ratatui::style::Style,
    widths: Widths,
) {
    fill(buf, area.x, area.y, area.right(), style);
    let right_width = widths.str(right) as u16;
    let room = area.width.saturating_sub(right_width + 3) as usize;
    put_str(
        buf,
        area.x + 1,
        area.y,
        area.right(),
        &truncate(left, room, widths),
        style,
        widths,
    );
    if right_width + 2 <= area.width {
        put_str(
            buf,
            area.right() - right_width - 1,
            area.y,
            area.right(),
            right,
            style,
            widths,
        );
    }
}

/// Draw the key hints of `scope`, as many whole hints as fit.
pub(crate) fn render_footer(
    area: Rect,
    buf: &mut Buffer,
    scope: Scope,
    theme: &Theme,
    widths: Widths,
) {
    let mut x = area.x + 1;
    for (keys, words) in hints(scope) {
        let needed = widths.str(&keys) + 1 + widths.str(words);
        if x as usize + needed > area.right() as usize {
            break;
        }
        x = put_str(buf, x, area.y, area.right(), &keys, theme.key, widths);
        x = put_str(buf, x + 1, area.y, area.right(), words, theme.dim, widths) + 2;
    }
}
