//! Half-width punctuation between Chinese characters, shown full-width.
//!
//! Scraped text often has `,` `;` `:` `(` `)` where the printed report had
//! ，；：（）. Between Chinese characters the narrow forms look cramped, so
//! the reader (and `baogao show`) draws them full-width. Only where a mark
//! touches Chinese text: `1,000`, `10:30`, `f(x)` and Latin text keep
//! theirs. Brackets go as pairs, so a `(1)` never comes out half converted.
//!
//! Each converted mark grows from one byte to three, so places in the text
//! as written (search hits, saved positions) move by two bytes for every
//! mark before them: [`full_width_marks`] gives where the marks are.

use std::borrow::Cow;

/// Whether `c` is Chinese text for this rule: ideographs, CJK and
/// full-width punctuation, and the quotes and marks Chinese text uses.
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF60}'
        // “ ” ‘ ’ … —
        | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{2026}' | '\u{2014}')
}

/// The full-width form of a mark this rule converts.
fn full_width(mark: u8) -> Option<char> {
    match mark {
        b',' => Some('\u{FF0C}'),
        b';' => Some('\u{FF1B}'),
        b':' => Some('\u{FF1A}'),
        b'(' => Some('\u{FF08}'),
        b')' => Some('\u{FF09}'),
        _ => None,
    }
}

/// Byte offsets, ascending, of the half-width marks of `text` that stand
/// between Chinese characters and are shown full-width.
pub fn full_width_marks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|&b| full_width(b).is_some()) {
        return Vec::new();
    }
    let before = |at: usize| text[..at].chars().next_back();
    let after = |at: usize| text[at + 1..].chars().next();
    let chinese = |c: Option<char>| c.is_some_and(is_chinese);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let in_number = |at: usize| digit(before(at)) && digit(after(at));
    // A lone mark: Chinese on one side at least, and never between digits.
    let lone = |at: usize| (chinese(before(at)) || chinese(after(at))) && !in_number(at);
    let mut marks = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b',' | b';' | b':' if lone(at) => marks.push(at),
            b'(' => open.push(at),
            b')' => match open.pop() {
                Some(start) => {
                    let inside = text[start + 1..at].chars().any(is_chinese);
                    let opens_chinese = chinese(before(start))
                        || (before(start).is_none_or(char::is_whitespace) && chinese(after(at)));
                    if (inside || opens_chinese) && !in_number(start) && !in_number(at) {
                        marks.push(start);
                        marks.push(at);
                    }
                }
                None if lone(at) => marks.push(at),
                None => {}
            },
            _ => {}
        }
    }
    // Brackets left open at the end go by the lone rule.
    marks.extend(open.into_iter().filter(|&at| lone(at)));
    marks.sort_unstable();
    marks
}

/// `text` with the marks [`full_width_marks`] finds shown full-width;
/// borrowed when there are none.
pub fn full_width_punctuation(text: &str) -> Cow<'_, str> {
    with_full_width(text, &full_width_marks(text))
}

/// `text` with the half-width marks at `marks` (as [`full_width_marks`]
/// gives them) shown full-width, for a caller that keeps the marks too.
pub fn with_full_width<'a>(text: &'a str, marks: &[usize]) -> Cow<'a, str> {
    if marks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 2 * marks.len());
    let mut from = 0;
    for &at in marks {
        let Some(before) = text.get(from..at) else {
            continue;
        };
        out.push_str(before);
        match text.as_bytes().get(at).copied().and_then(full_width) {
            Some(full) => out.push(full),
            // Not one of the marks: kept as it is.
            None => out.push_str(text.get(at..=at).unwrap_or("")),
        }
        from = at + 1;
    }
    out.push_str(&text[from..]);
    Cow::Owned(out)
}

/// Bytes a converted mark adds: one ASCII byte becomes a three-byte form.
pub const MARK_GROWTH: usize = 2;

/// Where byte `offset` of the text as written is in the converted text,
/// given the converted marks (`full_width_marks`).
pub fn shown_offset(marks: &[usize], offset: usize) -> usize {
    offset + MARK_GROWTH * marks.partition_point(|&at| at < offset)
}

/// Where byte `offset` of the converted text is in the text as written (a
/// place inside a converted mark goes to the mark).
pub fn written_offset(marks: &[usize], offset: usize) -> usize {
    // The k-th mark (from 0) sits at at + 2k in the converted text.
    let before = marks
        .iter()
        .enumerate()
        .take_while(|(k, at)| **at + MARK_GROWTH * k < offset)
        .count();
    let written = offset.saturating_sub(MARK_GROWTH * before);
    match before.checked_sub(1).and_then(|k| marks.get(k)) {
        Some(&last) if written <= last => last,
        _ => written,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        full_width_punctuation(text).into_owned()
    }

    #[test]
    fn marks_between_chinese_characters_are_full_width() {
        assert_eq!(shown("今年以来,我镇"), "今年以来，我镇");
        assert_eq!(shown("一是;二是:三是"), "一是；二是：三是");
        assert_eq!(
            shown("完成11892万元,同比增长8%,位居"),
            "完成11892万元，同比增长8%，位居"
        );
        assert_eq!(shown("总值(GDP)增长"), "总值（GDP）增长");
        assert_eq!(shown("(一)千方百计"), "（一）千方百计");
        assert_eq!(shown("(1)加强领导"), "（1）加强领导");
        assert_eq!(shown("投资(含2020年)"), "投资（含2020年）");
    }

    #[test]
    fn numbers_and_latin_text_keep_theirs() {
        for text in [
            "1,000万元",
            "10:30开会",
            "3.5亿元",
            "f(x)",
            "a, b; c: (d)",
            "http://x.cn",
        ] {
            assert_eq!(shown(text), text, "{text}");
        }
        assert_eq!(shown("共1,000人,其中"), "共1,000人，其中");
        assert_eq!(shown("函数f(x)的值"), "函数f(x)的值");
        assert_eq!(shown("1(1镇)"), "1(1镇)");
        assert!(matches!(
            full_width_punctuation("全是中文。"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn offsets_go_both_ways() {
        let text = "甲,乙,丙";
        let marks = full_width_marks(text);
        let converted = shown(text);
        for (written, c) in text.char_indices() {
            let at = shown_offset(&marks, written);
            assert!(converted.is_char_boundary(at));
            assert_eq!(written_offset(&marks, at), written, "{c}");
        }
        assert_eq!(shown_offset(&marks, text.len()), converted.len());
        assert_eq!(written_offset(&marks, converted.len()), text.len());
        // Inside the three bytes of "，": the mark itself.
        assert_eq!(written_offset(&marks, 4), 3);
    }
}
