//! Text as the command line prints it: control characters made harmless, and
//! padding by display width so that Chinese (two cells per character) lines up.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Make text from a report file safe to print: C0 controls become their
/// Control Pictures (ESC → ␛), DEL becomes ␡, C1 controls become �, so no
/// escape sequence can reach the terminal; bidirectional controls (U+202A–
/// U+202E, U+2066–U+2069, U+200E, U+200F) are dropped, so no text can make
/// the terminal show what follows it reordered.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| !is_bidi_control(c))
            .map(|c| match c as u32 {
                code @ 0x00..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
                0x7f => '\u{2421}',
                _ if c.is_control() => '\u{fffd}',
                _ => c,
            })
            .collect(),
    )
}

/// Embeddings, overrides, isolates and the two directional marks: invisible
/// characters that reorder the text around them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
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
    fn clean_drops_bidirectional_controls() {
        let every = "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}";
        assert_eq!(clean(&format!("南{every}麂")), "南麂");
        assert_eq!(clean("report\u{202e}nosj.txt"), "reportnosj.txt");
        // Neighbours of the ranges are ordinary text.
        assert_eq!(
            clean("\u{2029}\u{2065}\u{200d}"),
            "\u{2029}\u{2065}\u{200d}"
        );
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
