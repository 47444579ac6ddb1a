//! Text as the command line prints it: control characters made harmless, and
//! padding by display width so that Chinese (two cells per character) lines up.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Replace control characters with visible stand-ins, so that text from a
/// report file can never send escape sequences to the terminal: C0 controls
/// become their Control Pictures (ESC → ␛), DEL becomes ␡, C1 controls become �.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c as u32 {
                code @ 0x00..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
                0x7f => '\u{2421}',
                _ if c.is_control() => '\u{fffd}',
                _ => c,
            })
            .collect(),
    )
}

/// Display width in terminal cells (ambiguous-width characters count as one).
/// The text must already be [`clean`]: control characters have no width.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` followed by spaces up to `cells` display cells.
pub fn pad_right(text: &str, cells: usize) -> String {
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(' ', cells.saturating_sub(width(text))));
    padded
}

/// Spaces up to `cells` display cells, then `text`.
pub fn pad_left(text: &str, cells: usize) -> String {
    let mut padded: String = std::iter::repeat_n(' ', cells.saturating_sub(width(text))).collect();
    padded.push_str(text);
    padded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_makes_controls_visible_and_leaves_text_alone() {
        assert_eq!(clean("南麂镇 2020"), "南麂镇 2020");
        assert!(matches!(clean("南麂镇"), Cow::Borrowed(_)));
        assert_eq!(clean("a\x1b[2Jb"), "a\u{241b}[2Jb");
        assert_eq!(clean("x\ty\r\n"), "x\u{2409}y\u{240d}\u{240a}");
        assert_eq!(clean("\x7f\u{9b}"), "\u{2421}\u{fffd}");
    }

    #[test]
    fn pads_by_display_width_not_chars() {
        assert_eq!(width("南麂镇"), 6);
        assert_eq!(pad_right("南麂镇", 8), "南麂镇  ");
        assert_eq!(pad_right("abc", 2), "abc");
        assert_eq!(pad_left("12", 5), "   12");
        assert_eq!(pad_left("二", 3), " 二");
    }
}
