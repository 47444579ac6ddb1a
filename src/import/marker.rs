//! Outline markers: the numbering that starts a heading line.
//!
//! Levels, outermost first (design.md): `第一部分`/`第一章` → `一、` →
//! `(一)`/`（一）` → `1.`/`1、` → `(1)`/`（1）` → `①`. Numbers that only look
//! like markers ("14.9%", "2022.", "1-5月份", "1·26", "2699(国税…)") are not.

use super::text::{chinese_numeral, is_han, is_numeral_char};

/// The rank of a heading: smaller is further out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// 第一部分 / 第一章 / 第一篇, or an unnumbered part heading line.
    Part = 0,
    /// 一、
    Chapter = 1,
    /// (一) （一）, or an unnumbered one-sentence heading line.
    Section = 2,
    /// 1. 1、 1．
    Item = 3,
    /// (1) （1）
    SubItem = 4,
    /// ① ② …
    Circled = 5,
}

/// A numbered marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub rank: Rank,
    /// The number it carries (一 → 1, (3) → 3).
    pub number: u32,
    /// Byte length of the marker itself, so `&line[len..]` is the heading text.
    pub len: usize,
}

/// The outline marker at the start of `line`, if it has one.
pub fn marker(line: &str) -> Option<Marker> {
    let chars: Vec<(usize, char)> = line.char_indices().take(12).collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let end = |i: usize| chars.get(i).map_or(line.len(), |(b, _)| *b);
    let first = at(0)?;

    // 第一部分 / 第二章 / 第三篇
    if first == '第' {
        let n = (1..4)
            .take_while(|&i| at(i).is_some_and(is_numeral_char))
            .count();
        let number = chinese_numeral(&line[end(1)..end(1 + n)])?;
        let rest = &line[end(1 + n)..];
        for unit in ["部分", "章", "篇"] {
            if rest.starts_with(unit) {
                return Some(Marker {
                    rank: Rank::Part,
                    number,
                    len: end(1 + n) + unit.len(),
                });
            }
        }
        return None;
    }
    // 一、 十二、
    if is_numeral_char(first) {
        let n = (0..3)
            .take_while(|&i| at(i).is_some_and(is_numeral_char))
            .count();
        if at(n) == Some('、') && followed_by_text(at(n + 1)) {
            let number = chinese_numeral(&line[..end(n)])?;
            return Some(Marker {
                rank: Rank::Chapter,
                number,
                len: end(n + 1),
            });
        }
        return None;
    }
    // (一) （一） (1) （1）
    if matches!(first, '(' | '\u{FF08}') {
        let n = (1..4)
            .take_while(|&i| at(i).is_some_and(|c| is_numeral_char(c) || c.is_ascii_digit()))
            .count();
        if n == 0 || !matches!(at(1 + n), Some(')' | '\u{FF09}')) || !followed_by_text(at(2 + n)) {
            return None;
        }
        let inner = &line[end(1)..end(1 + n)];
        let len = end(2 + n);
        if let Some(number) = chinese_numeral(inner) {
            return Some(Marker {
                rank: Rank::Section,
                number,
                len,
            });
        }
        let number: u32 = inner
            .parse()
            .ok()
            .filter(|n| (1..=50).contains(n) && inner.len() <= 2)?;
        return Some(Marker {
            rank: Rank::SubItem,
            number,
            len,
        });
    }
    // 1. 1、 1． 12、  — but not 14.9%, 2022., 1-5月份, 1·26
    if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        let n = (0..3)
            .take_while(|&i| {
                at(i).is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            })
            .count();
        if n > 2 || !matches!(at(n), Some('.' | '、' | '．')) {
            return None;
        }
        let next = at(n + 1);
        let next = if next == Some(' ') { at(n + 2) } else { next };
        if !next.is_some_and(|c| {
            is_han(c) || matches!(c, '“' | '"' | '《' | '〔' | '(' | '\u{FF08}' | '‘')
        }) {
            return None;
        }
        let digits: String = line[..end(n)]
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    c
                } else {
                    char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or('0')
                }
            })
            .collect();
        let number: u32 = digits.parse().ok().filter(|n| (1..=50).contains(n))?;
        return Some(Marker {
            rank: Rank::Item,
            number,
            len: end(n + 1),
        });
    }
    // ① … ⑳
    if ('①'..='⑳').contains(&first) && followed_by_text(at(1)) {
        return Some(Marker {
            rank: Rank::Circled,
            number: first as u32 - '①' as u32 + 1,
            len: end(1),
        });
    }
    None
}

/// A marker must be followed by heading text, not by the end of the line or
/// by more numbering.
fn followed_by_text(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace() || c == ' ')
}

/// "一是" … "十是" at the start of a paragraph: the number, and the byte
/// length of the marker. 一是 is a paragraph-leading list item, not a heading
/// marker on its own (the outline decides whether it becomes a section).
pub fn shi_item(text: &str) -> Option<(u32, usize)> {
    let n = text
        .chars()
        .take(3)
        .take_while(|c| is_numeral_char(*c))
        .count();
    if n == 0 {
        return None;
    }
    let numeral_len: usize = text.chars().take(n).map(char::len_utf8).sum();
    let rest = &text[numeral_len..];
    if !rest.starts_with('是') {
        return None;
    }
    let number = chinese_numeral(&text[..numeral_len])?;
    Some((number, numeral_len + '是'.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(line: &str) -> Option<Rank> {
        marker(line).map(|m| m.rank)
    }

    #[test]
    fn markers() {
        assert_eq!(rank("一、2020年工作总结"), Some(Rank::Chapter));
        assert_eq!(rank("十二、其他"), Some(Rank::Chapter));
        assert_eq!(rank("(一)千方百计促发展"), Some(Rank::Section));
        assert_eq!(rank("（三）聚力乡村振兴"), Some(Rank::Section));
        assert_eq!(rank("1.经济实力不断增强。"), Some(Rank::Item));
        assert_eq!(rank("2、争取项目"), Some(Rank::Item));
        assert_eq!(rank("１．全角数字"), Some(Rank::Item));
        assert_eq!(rank("(1)加强领导"), Some(Rank::SubItem));
        assert_eq!(rank("（2）完善制度"), Some(Rank::SubItem));
        assert_eq!(rank("第一部分 工作回顾"), Some(Rank::Part));
        assert_eq!(rank("第三章"), Some(Rank::Part));
        assert_eq!(rank("①强化"), Some(Rank::Circled));
        let m = marker("(十一)加强").unwrap();
        assert_eq!((m.number, &"(十一)加强"[m.len..]), (11, "加强"));
    }

    #[test]
    fn numbers_that_are_not_markers() {
        for line in [
            "14.9%的增长",
            "2022.是关键之年",
            "1-5月份,完成",
            "1·26事件",
            "2699(国税1636地税1036)万元",
            "1.5公里道路",
            "7352 万元,同比增长",
            "一是经济发展",
            "十三五规划",
            "(国税)",
            "第一时间成立",
            "一、",
        ] {
            assert_eq!(marker(line), None, "{line}");
        }
    }

    #[test]
    fn shi_items() {
        assert_eq!(shi_item("一是突出转型升级"), Some((1, 6)));
        assert_eq!(shi_item("十二是"), Some((12, 9)));
        assert_eq!(shi_item("一年来"), None);
        assert_eq!(shi_item("是否"), None);
    }
}
