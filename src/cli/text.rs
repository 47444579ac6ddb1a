//! Text as the command line prints it: made safe for the terminal by the
//! library's sanitiser, and padded by display width so that Chinese (two
//! cells per character) lines up.

use baogao_i18n::t;
use baogao_report::model::{Kind, Period};
use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Make text safe to print: the library's [`baogao_report::sanitise::sanitise`], the
/// rule report text already got on load. Applied again to everything the
/// command line prints from outside the program (report fields, paths, error
/// messages that quote a file), so no escape sequence can reach the terminal
/// whichever way the text came; on clean text it copies nothing.
pub fn clean(text: &str) -> Cow<'_, str> {
    baogao_report::sanitise::sanitise(text)
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

/// How the human output names a period: its JSON spelling in English,
/// 全年 or 上半年 in Chinese.
pub fn period_label(period: Period) -> &'static str {
    match period {
        Period::Annual => t("period.annual"),
        Period::HalfYear => t("period.half-year"),
    }
}

/// How the human output names a kind of report: its JSON spelling in
/// English, 工作总结, 政府工作报告 or 其他 in Chinese.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::WorkSummary => t("kind.work-summary"),
        Kind::GovernmentWorkReport => t("kind.government-work-report"),
        Kind::Other => t("kind.other"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_removes_sequences_shows_controls_and_leaves_text_alone() {
        assert_eq!(clean("南麂镇 2020"), "南麂镇 2020");
        assert!(matches!(clean("南麂镇"), Cow::Borrowed(_)));
        assert_eq!(clean("a\x1b[2Jb"), "ab");
        assert_eq!(clean("x\ty\r\n"), "x y\u{240d}\u{240a}");
        assert_eq!(clean("\x7f\u{85}"), "\u{2421}\u{fffd}");
        assert_eq!(clean("report\u{202e}nosj.txt"), "reportnosj.txt");
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
