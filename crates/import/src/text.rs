//! Character classes and small string helpers shared by the import steps.
//!
//! Everything here works on `char`s and display widths, never on bytes, so
//! the steps above can reason about "a Chinese character", "a sentence end"
//! or "a line about as wide as the page" without caring about encodings.

pub(crate) use baogao_report::marker::{chinese_numeral, is_han, is_numeral_char};
use std::borrow::Cow;

/// Full-width punctuation and symbols used in Chinese running text.
pub(crate) fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·' | '•')
}

/// Half-width punctuation that scraped Chinese text uses in place of the
/// full-width forms (the samples have `,` `:` `;` `(` `)` throughout).
pub(crate) fn is_ascii_cjk_stand_in(c: char) -> bool {
    matches!(c, ',' | ':' | ';' | '(' | ')' | '!' | '?')
}

/// A character that belongs to Chinese running text: an ideograph or its punctuation.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Marks that end a sentence (full- and half-width). `.` is not one: it is
/// far more often a decimal point or a list number.
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '\u{FF01}' | '\u{FF1F}')
}

/// Colons, commas and semicolons in either width, for `contains`,
/// `split` and `ends_with`.
pub(crate) const COLONS: [char; 2] = [':', '\u{FF1A}'];
pub(crate) const COMMAS: [char; 2] = [',', '\u{FF0C}'];
pub(crate) const SEMICOLONS: [char; 2] = [';', '\u{FF1B}'];

/// Marks that end a clause inside a sentence: comma, colon, semicolon and
/// the enumeration comma, in either width.
pub(crate) fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        ',' | ':' | ';' | '、' | '\u{FF0C}' | '\u{FF1A}' | '\u{FF1B}'
    )
}

/// Marks that may close a paragraph: sentence ends, plus the closing quotes
/// and brackets that can follow them.
pub(crate) fn is_closing(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '”' | '’' | '」' | '』' | ')' | '\u{FF09}' | '》' | '"')
}

/// Does the text end a sentence, allowing closing quotes after the mark?
/// A trailing ellipsis ends one too (inside text, "〔…〕" is a placeholder).
pub(crate) fn ends_sentence(text: &str) -> bool {
    for c in text.chars().rev() {
        if is_sentence_end(c) || c == '…' {
            return true;
        }
        if !is_closing(c) {
            return false;
        }
    }
    false
}

/// Width of a character as a printed page would set it: full-width (2) for
/// Chinese and for the half-width stand-ins of Chinese punctuation, 1 for
/// Latin letters and digits. Used to tell a full PDF line from a short one.
pub(crate) fn page_width(c: char) -> usize {
    if is_cjk(c) || is_ascii_cjk_stand_in(c) || (c as u32) >= 0x1100 {
        2
    } else {
        1
    }
}

/// [`page_width`] of a whole string.
pub(crate) fn page_width_str(text: &str) -> usize {
    text.chars().map(page_width).sum()
}

thread_local! {
    /// Whether the text being imported has traditional characters at all.
    /// Most reports have none, and then folding every line for keyword
    /// matching would be a quarter of the import time for nothing.
    static FOLDING: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// Fold traditional characters to simplified, for matching keywords only;
/// the report keeps its own characters. The mapping is one char to one char.
pub(crate) fn simplified(text: &str) -> Cow<'_, str> {
    if FOLDING.with(|f| f.get()) {
        Cow::Owned(fast2s::convert(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// While this guard lives, on this thread, [`simplified`] folds only if
/// `document` has traditional characters to fold.
#[derive(Debug)]
pub(crate) struct FoldingScope {
    before: bool,
}

impl FoldingScope {
    pub(crate) fn for_document(document: &str) -> FoldingScope {
        // fast2s also "folds" a few simplified characters (乾 → 干, 捍 → 扞):
        // a traditional text is one where many characters fold.
        let folded = fast2s::convert(document);
        let changed = document
            .chars()
            .zip(folded.chars())
            .filter(|(a, b)| a != b)
            .count();
        let han = document.chars().filter(|c| is_han(*c)).count();
        let needed = changed * 100 >= han.max(1);
        FoldingScope {
            before: FOLDING.with(|f| f.replace(needed)),
        }
    }
}

impl Drop for FoldingScope {
    fn drop(&mut self) {
        FOLDING.with(|f| f.set(self.before));
    }
}

/// Whitespace as it appears in scraped text, including the ideographic space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Trim all kinds of whitespace from both ends.
pub(crate) fn trim(text: &str) -> &str {
    text.trim_matches(is_space)
}

/// Does the text start with a word that is Chinese after a Latin or
/// placeholder lead ("xxxx年是…", "A级景区")? Not so for "AI 产业".
pub(crate) fn starts_chinese_word(text: &str) -> bool {
    text.split(' ')
        .next()
        .is_some_and(|word| word.chars().any(is_han))
}

/// Remove spaces a PDF extraction leaves inside Chinese text: a run of
/// spaces goes when both neighbours are Chinese (ideograph or punctuation,
/// including half-width stand-ins next to an ideograph), and, when
/// `around_numbers`, between a number and an ideograph. Spaces next to
/// Latin words stay.
pub(crate) fn remove_cjk_spaces(text: &str, around_numbers: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' || c == '\u{3000}' {
            let start = i;
            while i < chars.len() && (chars[i] == ' ' || chars[i] == '\u{3000}') {
                i += 1;
            }
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let joinable = match (before, after) {
                (Some(b), Some(a)) => {
                    let number =
                        |x: char, y: char| around_numbers && x.is_ascii_digit() && is_han(y);
                    (cjk_side(b, a) && cjk_side(a, b)) || number(b, a) || number(a, b)
                }
                _ => false,
            };
            if !joinable && start > 0 && i < chars.len() {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Is `c` Chinese for the purpose of joining, given the other side `other`?
fn cjk_side(c: char, other: char) -> bool {
    is_cjk(c) || (is_ascii_cjk_stand_in(c) && is_han(other))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(chinese_numeral("一"), Some(1));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十二"), Some(12));
        assert_eq!(chinese_numeral("二十"), Some(20));
        assert_eq!(chinese_numeral("二十三"), Some(23));
        assert_eq!(chinese_numeral("十十"), None);
        assert_eq!(chinese_numeral("是"), None);
    }

    #[test]
    fn pdf_spaces() {
        assert_eq!(
            remove_cjk_spaces("请各位代 表审议", false),
            "请各位代表审议"
        );
        assert_eq!(remove_cjk_spaces("1.89亿元 ,其中", false), "1.89亿元,其中");
        assert_eq!(remove_cjk_spaces("各位代表: 现在", false), "各位代表:现在");
        assert_eq!(
            remove_cjk_spaces("一是 CFL 信息安全", false),
            "一是 CFL 信息安全"
        );
        assert_eq!(remove_cjk_spaces("2019 年", false), "2019 年");
        assert_eq!(remove_cjk_spaces("资金 2.1亿元", true), "资金2.1亿元");
        assert_eq!(remove_cjk_spaces("  缩进 ", false), "缩进");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("经济发展。"));
        assert!(ends_sentence("“你好。”"));
        assert!(!ends_sentence("经济发展,"));
        assert!(!ends_sentence("100."));
    }
}
