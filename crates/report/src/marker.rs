//! Outline markers: the numbering that starts a heading line.
//!
//! Levels, outermost first (`docs/report-format.md`): `第一部分`/`第一章` → `一、` →
//! `(一)`/`（一）` → `1.`/`1、` → `(1)`/`（1）` → `①`. Numbers that only look
//! like markers ("14.9%", "2022.", "1-5月份", "1·26", "2699(国税…)") are not.

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
    let chars: Vec<(usize, char)> = line.char_indices().take(16).collect();
    let at = |i: usize| chars.get(i).map(|(_, c)| *c);
    let end = |i: usize| chars.get(i).map_or(line.len(), |(b, _)| *b);
    let numerals = |from: usize| {
        (from..from + 3)
            .take_while(|&i| at(i).is_some_and(is_numeral_char))
            .count()
    };
    let digits = |from: usize| {
        (from..from + 3)
            .take_while(|&i| at(i).and_then(digit_value).is_some())
            .count()
    };
    let number_of = |from: usize, n: usize| -> Option<u32> {
        let value = (from..from + n)
            .try_fold(0u32, |acc, i| Some(acc * 10 + at(i).and_then(digit_value)?))?;
        (n <= 2 && (1..=50).contains(&value)).then_some(value)
    };
    // Where the heading text starts after the numbering that ends at char
    // `i`: a stray second separator ("（一）、") and a space are skipped.
    let text_start = |mut i: usize| {
        if at(i).is_some_and(|c| matches!(c, '、' | '.' | '．')) {
            i += 1;
        }
        if at(i) == Some(' ') {
            i += 1;
        }
        i
    };
    let found = |rank: Rank, number: u32, text_at: usize| {
        heading_text(at(text_at)).then(|| Marker {
            rank,
            number,
            len: end(text_at),
        })
    };
    let first = at(0)?;

    // 第一部分 / 第二章 / 第三篇
    if first == '第' {
        let n = numerals(1);
        let number = chinese_numeral(&line[end(1)..end(1 + n)])?;
        let rest = &line[end(1 + n)..];
        let unit = ["部分", "章", "篇"]
            .into_iter()
            .find(|u| rest.starts_with(u))?;
        // "第一部分:2022年工作回顾": the colon belongs to the marker.
        let after = &rest[unit.len()..];
        let sep = after
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '\u{FF1A}' | '、' | ' '))
            .map_or(0, char::len_utf8);
        return Some(Marker {
            rank: Rank::Part,
            number,
            len: end(1 + n) + unit.len() + sep,
        });
    }
    // 一、 十二、 一． 二. 三 、
    if is_numeral_char(first) {
        let n = numerals(0);
        let sep = if at(n) == Some(' ') { n + 1 } else { n };
        if !at(sep).is_some_and(|c| matches!(c, '、' | '.' | '．')) {
            return None;
        }
        // "一、二季度…", "三、四月份…": a list of numbers, not a heading.
        if at(sep + 1).is_some_and(is_numeral_char)
            && at(sep + 2).is_some_and(|c| matches!(c, '、' | '季' | '月'))
        {
            return None;
        }
        let number = chinese_numeral(&line[..end(n)])?;
        let start = if at(sep + 1) == Some(' ') {
            sep + 2
        } else {
            sep + 1
        };
        return found(Rank::Chapter, number, start);
    }
    // (一) （一） (1) （1） （１）
    if matches!(first, '(' | '\u{FF08}') {
        let (n, chinese) = match numerals(1) {
            0 => (digits(1), false),
            n => (n, true),
        };
        if n == 0 || !matches!(at(1 + n), Some(')' | '\u{FF09}')) {
            return None;
        }
        let start = text_start(2 + n);
        return if chinese {
            found(
                Rank::Section,
                chinese_numeral(&line[end(1)..end(1 + n)])?,
                start,
            )
        } else {
            found(Rank::SubItem, number_of(1, n)?, start)
        };
    }
    // "01 经济发展": a post's numbered part, alone on a short line.
    if first == '0'
        && at(1).is_some_and(|c| c.is_ascii_digit())
        && at(2) == Some(' ')
        && at(3).is_some_and(is_han)
        && line.chars().count() <= 20
    {
        let number = at(1).and_then(digit_value).filter(|n| *n > 0)?;
        return Some(Marker {
            rank: Rank::Chapter,
            number,
            len: end(3),
        });
    }
    // 1. 1、 1． １． 12、 1） — but not 14.9%, 2022., 1-5月份, 1·26
    if digit_value(first).is_some() {
        let n = digits(0);
        let number = number_of(0, n)?;
        return match at(n)? {
            '.' | '、' | '．' => {
                let start = if at(n + 1) == Some(' ') { n + 2 } else { n + 1 };
                // "14.9%", "1.5公里", "1、2月份": a number goes on, not a heading.
                if at(start).is_some_and(|c| c.is_ascii_alphanumeric() || digit_value(c).is_some())
                {
                    return None;
                }
                found(Rank::Item, number, start)
            }
            ')' | '\u{FF09}' => found(Rank::SubItem, number, text_start(n + 1)),
            _ => None,
        };
    }
    // ① … ⑳, ⑴ … ⒇, ⒈ … ⒛ (as word processors number lists)
    let (rank, base) = match first {
        '①'..='⑳' => (Rank::Circled, '①'),
        '⑴'..='⒇' => (Rank::SubItem, '⑴'),
        '⒈'..='⒛' => (Rank::Item, '⒈'),
        _ => return None,
    };
    found(rank, first as u32 - base as u32 + 1, text_start(1))
}

/// The value of an ASCII or full-width digit.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Heading text must follow a marker: Chinese, or an opening quote or
/// bracket, or a year ("一、2022年工作回顾"); not the end of the line, not
/// more numbering.
fn heading_text(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        is_han(c)
            || c.is_ascii_alphanumeric()
            || matches!(c, '“' | '"' | '《' | '〔' | '(' | '\u{FF08}' | '‘' | '「')
    })
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

/// Whether a heading runs into its text, as a printed report sets it: the
/// heading is the bold start of its section's first paragraph rather than
/// a line of its own. Decided from the shape of the two: a 一是/二是 item
/// that ends with a mark (it was cut from its paragraph at a sentence or a
/// clause) reads that way, and so does any heading that stops at a clause
/// mark (，、；：) where its sentence goes on in the paragraph. A 一是 item
/// with no mark at its end was a line of its own and stays one. Either way
/// there must be a paragraph to run into, and not one that starts a list
/// of its own. The model keeps such headings as sections; only the reader
/// draws them this way.
pub fn runs_in(heading: &str, first_paragraph: Option<&str>) -> bool {
    let Some(paragraph) = first_paragraph.map(str::trim).filter(|p| !p.is_empty()) else {
        return false;
    };
    if marker(paragraph).is_some() || shi_item(paragraph).is_some() {
        return false;
    }
    let heading = heading.trim_end();
    let clause = [
        ',', '\u{FF0C}', '\u{3001}', ';', '\u{FF1B}', ':', '\u{FF1A}',
    ];
    // 。！？ and their half-width forms.
    let sentence = ['\u{3002}', '\u{FF01}', '\u{FF1F}', '.', '!', '?'];
    heading.ends_with(clause) || (shi_item(heading).is_some() && heading.ends_with(sentence))
}

/// A CJK ideograph (the unified blocks and their extensions, plus 〇).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '〇')
}

/// The value of a Chinese numeral from 一 to 九十九 (一, 十, 十一, 二十三…).
pub fn chinese_numeral(text: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
    }
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|d| *d > 0),
        ['十', u] => digit(*u).map(|u| 10 + u),
        [t, '十'] => digit(*t).filter(|t| *t > 1).map(|t| t * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// Is the character one that makes up Chinese numerals?
pub fn is_numeral_char(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
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
        assert_eq!(rank("一．经济发展"), Some(Rank::Chapter));
        assert_eq!(rank("二. 社会事业"), Some(Rank::Chapter));
        assert_eq!(rank("三 、党的建设"), Some(Rank::Chapter));
        assert_eq!(rank("（一）、环境整治"), Some(Rank::Section));
        assert_eq!(rank("（１）粮食生产"), Some(Rank::SubItem));
        assert_eq!(rank("1）垃圾分类"), Some(Rank::SubItem));
        assert_eq!(rank("⑴工业技改"), Some(Rank::SubItem));
        assert_eq!(rank("⒉乡村旅游"), Some(Rank::Item));
        assert_eq!(rank("01 经济发展"), Some(Rank::Chapter));
        assert_eq!(
            &"第一部分：2022年工作回顾"[marker("第一部分：2022年工作回顾").unwrap().len..],
            "2022年工作回顾"
        );
        assert_eq!(
            rank("05 亿元的投资全部到位，完成了年度目标任务的百分之八十以上"),
            None
        );
        assert_eq!(
            &"（一）、环境整治"[marker("（一）、环境整治").unwrap().len..],
            "环境整治"
        );
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
            "一、二季度全乡累计完成投资",
            "三、四月份组织开展植树",
            "1、2月份",
            "(1)",
        ] {
            assert_eq!(marker(line), None, "{line}");
        }
    }

    #[test]
    fn headings_that_run_into_their_text() {
        // A 一是 item cut from its paragraph leads it.
        assert!(runs_in(
            "一是持续保护海洋生态环境。",
            Some("严格控制游客总量")
        ));
        assert!(runs_in(
            "三是聚焦城市高品质;",
            Some("以争创国家卫生镇为抓手")
        ));
        // One with no mark at its end was a line of its own.
        assert!(!runs_in(
            "三是聚焦城市高品质",
            Some("以争创国家卫生镇为抓手")
        ));
        // A heading cut at a clause mark: its sentence goes on below.
        assert!(runs_in(
            "二是全面推进垃圾分类,",
            Some("全岛投放分类式垃圾桶")
        ));
        assert!(runs_in(
            "(一)脱贫攻坚成效显著：",
            Some("全乡建档立卡贫困户")
        ));
        assert!(runs_in("1.加强领导，", Some("成立工作专班")));
        // A heading that is a whole sentence, or a title, stands alone.
        assert!(!runs_in(
            "(一)千方百计促发展,生态产业转型加快。",
            Some("一年来")
        ));
        assert!(!runs_in("一、2020年工作总结", Some("2020年,面对疫情")));
        assert!(!runs_in("（三）聚力乡村振兴", Some("坚持镇村融合发展")));
        // Nothing to run into, or the text below is a list of its own.
        assert!(!runs_in("一是筑牢疫情防控线,", None));
        assert!(!runs_in("一是筑牢疫情防控线,", Some("  ")));
        assert!(!runs_in("(二)强化保障,", Some("1.落实责任")));
        assert!(!runs_in("(二)强化保障,", Some("一是落实责任")));
    }

    #[test]
    fn shi_items() {
        assert_eq!(shi_item("一是突出转型升级"), Some((1, 6)));
        assert_eq!(shi_item("十二是"), Some((12, 9)));
        assert_eq!(shi_item("一年来"), None);
        assert_eq!(shi_item("是否"), None);
    }
}
