//! Unit tests for the wrapper and truncation, one rule at a time. Full-width
//! punctuation is written as escapes (see the constants) so no tool can turn
//! it into ASCII behind our back.

use super::*;

const COMMA: &str = "\u{FF0C}"; // ，
const STOP: &str = "\u{3002}"; // 。
const CLOSE_CORNER: &str = "\u{300D}"; // 」
const OPEN_CORNER: &str = "\u{300C}"; // 「
const OPEN_QUOTE: &str = "\u{201C}"; // “
const CLOSE_QUOTE: &str = "\u{201D}"; // ”
const OPEN_PAREN: &str = "\u{FF08}"; // （
const ELLIPSIS: &str = "\u{2026}"; // …

const NARROW: Widths = Widths {
    ambiguous: AmbiguousWidth::Narrow,
};
const WIDE: Widths = Widths {
    ambiguous: AmbiguousWidth::Wide,
};

/// The wrapped lines as text (trailing spaces included).
fn wrapped(text: &str, width: usize, indent: usize, widths: Widths) -> Vec<&str> {
    wrap_cjk(text, width, indent, widths)
        .iter()
        .map(|line| line.text(text))
        .collect()
}

fn plain(text: &str, width: usize) -> Vec<&str> {
    wrapped(text, width, 0, NARROW)
}

#[test]
fn measures_cjk_latin_ambiguous_and_zero_width() {
    assert_eq!(NARROW.str("南麂镇"), 6);
    assert_eq!(NARROW.str("GDP"), 3);
    assert_eq!(NARROW.char('\u{201C}'), 1);
    assert_eq!(WIDE.char('\u{201C}'), 2);
    assert_eq!(NARROW.char('\u{FF0C}'), 2);
    assert_eq!(NARROW.char('\u{1b}'), 0);
    assert_eq!(NARROW.str("e\u{301}"), 1);
    // An emoji ZWJ sequence is drawn as one two-cell glyph, not three.
    assert_eq!(NARROW.str("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"), 2);
    assert_eq!(NARROW.str("\u{2764}\u{FE0F}"), 2);
}

#[test]
fn pure_chinese_breaks_between_any_two_characters() {
    assert_eq!(
        plain("我们始终把经济发展作为工作重点", 10),
        ["我们始终把", "经济发展作", "为工作重点"]
    );
    // Odd widths leave the last cell empty rather than split a character.
    assert_eq!(plain("经济发展作为", 5), ["经济", "发展", "作为"]);
}

#[test]
fn paragraph_indent_takes_cells_from_the_first_line_only() {
    let lines = wrap_cjk("我们始终把经济发展作为工作", 10, 2, NARROW);
    let shape: Vec<_> = lines.iter().map(|l| (l.indent, l.width)).collect();
    assert_eq!(shape, [(2, 8), (0, 10), (0, 8)]);
}

#[test]
fn indent_is_dropped_when_the_pane_cannot_hold_it_and_a_character() {
    let lines = wrap_cjk("我们始终", 3, 2, NARROW);
    assert!(lines.iter().all(|l| l.indent == 0));
    assert_eq!(lines.len(), 4);
    assert_eq!(wrap_cjk("我们始终", 4, 2, NARROW)[0].indent, 2);
}

#[test]
fn numbers_stay_whole_and_keep_their_unit() {
    // "2020年" is one word: the break falls before it, not after "2020".
    assert_eq!(plain("南麂镇完成2020年", 12), ["南麂镇完成", "2020年"]);
    assert_eq!(plain("达923.17亿元", 9), ["达", "923.17亿", "元"]);
    // The unit is only the one character right after the number.
    assert_eq!(plain("投资127.8亿元", 12), ["投资127.8亿", "元"]);
}

#[test]
fn latin_words_are_not_split_but_break_beside_chinese() {
    assert_eq!(plain("推进R&D投入", 6), ["推进", "R&D投", "入"]);
    assert_eq!(plain("GDP增长3.5%以上", 9), ["GDP增长", "3.5%以上"]);
    assert_eq!(
        plain("见http://x.y/z网站", 12),
        ["见", "http://x.y/z", "网站"]
    );
}

#[test]
fn a_word_longer_than_the_line_is_broken_by_character() {
    assert_eq!(plain("see abcdefghij", 4), ["see ", "abcd", "efgh", "ij"]);
    assert_eq!(plain("12345678", 3), ["123", "456", "78"]);
}

#[test]
fn spaces_end_the_line_they_follow_and_are_not_counted() {
    let text = "ab cd  ef";
    assert_eq!(plain(text, 4), ["ab ", "cd  ", "ef"]);
    let widths: Vec<_> = wrap_cjk(text, 4, 0, NARROW)
        .iter()
        .map(|l| l.width)
        .collect();
    assert_eq!(widths, [2, 2, 2]);
}

#[test]
fn a_closer_at_the_would_be_line_start_pulls_one_character_down() {
    let text = format!("一二三四{COMMA}五六");
    assert_eq!(plain(&text, 8), ["一二三", &format!("四{COMMA}五六")]);
    // Half-width punctuation after Chinese text counts as a closer too.
    assert_eq!(plain("一二三四,五六", 8), ["一二三", "四,五六"]);
}

#[test]
fn a_run_of_closers_pulls_down_the_character_before_it() {
    let text = format!("一二三四{STOP}{CLOSE_CORNER}五");
    assert_eq!(
        plain(&text, 10),
        ["一二三", &format!("四{STOP}{CLOSE_CORNER}五")]
    );
    let text = format!("一二三{CLOSE_QUOTE}{STOP}五六");
    assert_eq!(
        plain(&text, 7),
        ["一二", &format!("三{CLOSE_QUOTE}{STOP}五"), "六"]
    );
}

#[test]
fn an_opener_at_the_line_end_moves_down() {
    let text = format!("一二三{OPEN_QUOTE}四五{CLOSE_QUOTE}");
    assert_eq!(
        plain(&text, 8),
        ["一二三", &format!("{OPEN_QUOTE}四五{CLOSE_QUOTE}")]
    );
    let text = format!("一二三{OPEN_CORNER}{OPEN_PAREN}四");
    assert_eq!(
        plain(&text, 10),
        ["一二三", &format!("{OPEN_CORNER}{OPEN_PAREN}四")]
    );
    // A half-width "(" after Chinese opens a note: "元(温州" keeps "(温" together.
    assert_eq!(plain("二家企业元(温州", 11), ["二家企业元", "(温州"]);
}

#[test]
fn breaks_after_closers_where_chinese_continues() {
    let text = format!("{OPEN_QUOTE}南麂{CLOSE_QUOTE}品质");
    assert_eq!(
        plain(&text, 6),
        [&format!("{OPEN_QUOTE}南麂{CLOSE_QUOTE}"), "品质"]
    );
    assert_eq!(plain("一二,GDP", 6), ["一二,", "GDP"]);
}

#[test]
fn pulling_down_never_overflows_the_line() {
    // "四，" cannot fit in three cells: the comma starts a line of its own.
    let text = format!("一二三四{COMMA}五");
    let lines = wrap_cjk(&text, 3, 0, NARROW);
    assert!(lines.iter().all(|l| l.width <= 3), "{lines:?}");
    assert_eq!(plain(&text, 3), ["一", "二", "三", "四", COMMA, "五"]);
}

#[test]
fn a_pull_down_that_cannot_fit_is_not_tried() {
    // "b。」" is wider than the line: moving "b" down would only add a line.
    let text = format!("ab{STOP}{CLOSE_CORNER}");
    assert_eq!(plain(&text, 4), [&format!("ab{STOP}"), CLOSE_CORNER]);
}

#[test]
fn a_pathological_run_of_closers_still_wraps() {
    let text = COMMA.repeat(2_000);
    let lines = wrap_cjk(&text, 10, 2, NARROW);
    assert_eq!(lines.len(), 1 + (2_000 - 4) / 5 + 1);
    assert_eq!(lines[0].width, 8);
    assert!(lines.iter().all(|l| l.width <= 10));
}

#[test]
fn a_wide_character_never_straddles_the_edge() {
    assert_eq!(plain("abc中文", 4), ["abc", "中文"]);
    assert_eq!(plain("a中文", 4), ["a中", "文"]);
    let lines = wrap_cjk("a中文", 4, 0, NARROW);
    assert_eq!(lines[0].width, 3);
}

#[test]
fn narrow_widths_one_to_four() {
    let text = "南麂ab镇";
    assert_eq!(plain(text, 1), ["南", "麂", "a", "b", "镇"]);
    assert_eq!(plain(text, 2), ["南", "麂", "ab", "镇"]);
    assert_eq!(plain(text, 3), ["南", "麂", "ab", "镇"]);
    assert_eq!(plain(text, 4), ["南麂", "ab镇"]);
    // Width 0 is taken as 1 rather than looping.
    assert_eq!(plain(text, 0), plain(text, 1));
}

#[test]
fn a_character_wider_than_the_pane_goes_alone_on_its_line() {
    let lines = wrap_cjk("中文", 1, 2, NARROW);
    let shape: Vec<_> = lines
        .iter()
        .map(|l| (l.start, l.end, l.indent, l.width))
        .collect();
    assert_eq!(shape, [(0, 3, 0, 2), (3, 6, 0, 2)]);
}

#[test]
fn zero_width_characters_stay_with_the_character_before_them() {
    assert_eq!(plain("abe\u{301}", 2), ["ab", "e\u{301}"]);
    let family = "\u{1F468}\u{200D}\u{1F469}";
    assert_eq!(plain(&format!("{family}{family}"), 2), [family, family]);
}

#[test]
fn ambiguous_characters_count_two_cells_in_the_wide_setting() {
    let text = format!("{OPEN_QUOTE}南麂{CLOSE_QUOTE}");
    assert_eq!(wrapped(&text, 6, 0, NARROW), [text.as_str()]);
    assert_eq!(
        wrapped(&text, 6, 0, WIDE),
        [&format!("{OPEN_QUOTE}南"), &format!("麂{CLOSE_QUOTE}")]
    );
}

#[test]
fn empty_text_is_one_empty_line() {
    let lines = wrap_cjk("", 10, 2, NARROW);
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].start, lines[0].end, lines[0].width), (0, 0, 0));
    assert_eq!(wrap_cjk("", 0, 0, WIDE).len(), 1);
}

#[test]
fn truncate_borrows_what_fits() {
    assert!(matches!(
        truncate("南麂镇", 6, NARROW),
        Cow::Borrowed("南麂镇")
    ));
    assert!(matches!(truncate("", 0, NARROW), Cow::Borrowed("")));
}

#[test]
fn truncate_cuts_with_an_ellipsis_by_display_width() {
    assert_eq!(
        truncate("南麂镇工作总结", 7, NARROW),
        format!("南麂镇{ELLIPSIS}")
    );
    assert_eq!(
        truncate("Nanji town report", 8, NARROW),
        format!("Nanji t{ELLIPSIS}")
    );
    assert_eq!(
        truncate("Nanji town report", 7, NARROW),
        format!("Nanji{ELLIPSIS}")
    );
    assert_eq!(truncate("南麂镇", 0, NARROW), "");
    assert_eq!(truncate("南麂镇", 1, NARROW), ELLIPSIS);
}

#[test]
fn truncate_stops_before_a_wide_character_that_does_not_fit() {
    // Budget 3 before the "…": "南" fits, "麂" would straddle, so 3 cells in all.
    let cut = truncate("南麂镇", 4, NARROW);
    assert_eq!(cut, format!("南{ELLIPSIS}"));
    assert_eq!(NARROW.str(&cut), 3);
    // Combining marks stay with their letter.
    assert_eq!(
        truncate("e\u{301}e\u{301}e\u{301}", 2, NARROW),
        format!("e\u{301}{ELLIPSIS}")
    );
}

#[test]
fn truncate_counts_the_ellipsis_with_the_setting() {
    let cut = truncate("南麂镇", 4, WIDE);
    assert_eq!(cut, format!("南{ELLIPSIS}"));
    assert_eq!(WIDE.str(&cut), 4);
    assert_eq!(truncate("南麂镇", 5, WIDE), format!("南{ELLIPSIS}"));
    // Not even the two-cell "…" fits in one cell.
    assert_eq!(truncate("南麂镇", 1, WIDE), "");
}

#[test]
fn doubled_dashes_and_ellipses_stay_together() {
    let dash = "\u{2014}\u{2014}";
    let ellipsis = format!("{ELLIPSIS}{ELLIPSIS}");
    // Narrow: each mark is one cell; the break falls before the pair or after
    // it, never inside. (Below 4 cells "发……" cannot fit, and … may not start
    // a line, so the pair must give.)
    for text in [format!("经济发{dash}发展"), format!("经济发{ellipsis}发展")] {
        for width in 4..12 {
            let lines = plain(&text, width);
            for pair in lines.windows(2) {
                let split = pair[0].ends_with(['\u{2014}', '\u{2026}'])
                    && pair[1].starts_with(['\u{2014}', '\u{2026}']);
                assert!(!split, "{text:?} split at width {width}: {lines:?}");
            }
        }
    }
}
