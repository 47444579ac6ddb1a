//! Outline numbering at the start of a heading: 一、 (一) 一是 1. (1).
//!
//! Sections recombined from several reports arrive numbered for their old
//! places; the generator strips each heading's number, keeps its style and
//! numbers the siblings again, so a generated outline reads 一、二、三、
//! whatever reports its parts came from.

/// How a heading is numbered: brackets, digits, and what follows the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MarkerStyle {
    /// Opening and closing bracket, ASCII or full-width, when the number is bracketed.
    brackets: Option<(char, char)>,
    /// Chinese numerals (一, 十二) rather than Arabic digits.
    chinese: bool,
    /// What follows an unbracketed number: 、 . ． or 是.
    separator: Option<char>,
}

const IDEOGRAPHIC_COMMA: char = '\u{3001}';
const FULLWIDTH_FULL_STOP: char = '\u{FF0E}';
const FULLWIDTH_LEFT_PAREN: char = '\u{FF08}';
const FULLWIDTH_RIGHT_PAREN: char = '\u{FF09}';

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

impl MarkerStyle {
    /// The top outline level, 一、
    pub(crate) fn top() -> MarkerStyle {
        MarkerStyle {
            brackets: None,
            chinese: true,
            separator: Some(IDEOGRAPHIC_COMMA),
        }
    }

    /// The marker for the `number`th sibling (from 1).
    pub(crate) fn render(self, number: usize, out: &mut String) {
        if let Some((open, _)) = self.brackets {
            out.push(open);
        }
        if self.chinese {
            push_chinese_numeral(number, out);
        } else {
            out.push_str(&number.to_string());
        }
        if let Some((_, close)) = self.brackets {
            out.push(close);
        }
        if let Some(separator) = self.separator {
            out.push(separator);
        }
    }
}

/// Split a heading into its numbering style and the text after the number;
/// `None` when it does not start with an outline number.
pub(crate) fn split_marker(heading: &str) -> Option<(MarkerStyle, &str)> {
    let mut chars = heading.char_indices().peekable();
    let open = chars.next_if(|&(_, c)| c == '(' || c == FULLWIDTH_LEFT_PAREN);
    let first = chars.peek()?.1;
    let chinese = NUMERALS.contains(&first);
    if !chinese && !first.is_ascii_digit() {
        return None;
    }
    while chars
        .next_if(|&(_, c)| {
            if chinese {
                NUMERALS.contains(&c)
            } else {
                c.is_ascii_digit()
            }
        })
        .is_some()
    {}
    let (at, next) = chars.next()?;
    let (brackets, separator) = match open {
        Some((_, open)) => {
            let close = if open == '(' {
                ')'
            } else {
                FULLWIDTH_RIGHT_PAREN
            };
            if next != close && next != ')' && next != FULLWIDTH_RIGHT_PAREN {
                return None;
            }
            (Some((open, next)), None)
        }
        None if next == IDEOGRAPHIC_COMMA || next == FULLWIDTH_FULL_STOP || next == '.' => {
            (None, Some(next))
        }
        None if next == '是' && chinese => (None, Some(next)),
        None => return None,
    };
    let rest = &heading[at + next.len_utf8()..];
    // A marker with nothing after it is a heading that is only a number:
    // keep it as text rather than lose it.
    if rest.trim().is_empty() {
        return None;
    }
    let style = MarkerStyle {
        brackets,
        chinese,
        separator,
    };
    Some((style, rest))
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; beyond that, digits.
fn push_chinese_numeral(number: usize, out: &mut String) {
    let digit = |d: usize| NUMERALS[d - 1];
    match number {
        1..=10 => out.push(digit(number)),
        11..=19 => {
            out.push('十');
            out.push(digit(number - 10));
        }
        20..=99 => {
            out.push(digit(number / 10));
            out.push('十');
            if !number.is_multiple_of(10) {
                out.push(digit(number % 10));
            }
        }
        _ => out.push_str(&number.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renumbered(heading: &str, number: usize) -> Option<String> {
        let (style, rest) = split_marker(heading)?;
        let mut out = String::new();
        style.render(number, &mut out);
        out.push_str(rest);
        Some(out)
    }

    #[test]
    fn every_outline_style_is_renumbered_in_its_own_style() {
        let cases = [
            ("一\u{3001}2020年工作总结", 3, "三\u{3001}2020年工作总结"),
            ("(一)千方百计促发展", 12, "(十二)千方百计促发展"),
            ("\u{FF08}二\u{FF09}坚持", 20, "\u{FF08}二十\u{FF09}坚持"),
            ("一是经济发展交出新答卷。", 4, "四是经济发展交出新答卷。"),
            ("1.抓实党建", 10, "10.抓实党建"),
            ("2\u{3001}强化", 1, "1\u{3001}强化"),
            ("(3)夯实", 7, "(7)夯实"),
            ("十一\u{3001}其他", 31, "三十一\u{3001}其他"),
        ];
        for (heading, number, expected) in cases {
            assert_eq!(renumbered(heading, number).as_deref(), Some(expected));
        }
    }

    #[test]
    fn headings_without_an_outline_number_are_left_alone() {
        for heading in [
            "三农工作",
            "十四五规划",
            "2020年工作",
            "(一",
            "一是",
            "xx镇",
            "",
        ] {
            assert_eq!(split_marker(heading), None, "{heading}");
        }
    }
}
