//! A drawn buffer read as text, row by row, as a person reads the screen:
//! a wide character is one character, and the cell it covers to its right
//! is not read again.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The screen as text rows, one per buffer row. A cell's symbol is taken
/// as it is; the cells a wide symbol covers (one for a CJK character) are
/// skipped, so a row reads as the terminal shows it and its display width
/// is the buffer's width.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let width = usize::from(buffer.area.width);
    if width == 0 {
        return Vec::new();
    }
    buffer
        .content
        .chunks(width)
        .map(|line| {
            let mut text = String::new();
            let mut covered = 0;
            for cell in line {
                if covered == 0 {
                    text.push_str(cell.symbol());
                }
                covered = covered.max(cell.symbol().width()).saturating_sub(1);
            }
            text
        })
        .collect()
}

/// The whole screen as text: [`rows`] joined with newlines.
pub fn screen(buffer: &Buffer) -> String {
    rows(buffer).join("\n")
}
