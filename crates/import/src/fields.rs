//! Index-metadata blocks: "索引号 … 发布机构 … 成文日期 …" in all the shapes
//! government sites print them (colon or not, one pair per line or all on
//! one line, pipe tables, `[ 标签 ]` cells, labels spaced out with blanks,
//! a bullet list with the value on the next line).
//!
//! The block is not report text, but some of its values are kept:
//! the publisher, the date and the title. [`MetaFields`] collects them.

use super::text::{COLONS, is_han, page_width_str, simplified};

/// Labels that a metadata block uses. Needed to split blocks that print
/// labels without colons ("索引号 0010… 主题分类 政务公开").
const LABELS: &[&str] = &[
    "索引号",
    "信息索引号",
    "主题分类",
    "组配分类",
    "体裁分类",
    "服务对象分类",
    "发布机构",
    "发布机关",
    "发布单位",
    "发文机关",
    "所属机构",
    "生成日期",
    "成文日期",
    "发布日期",
    "公布日期",
    "公开日期",
    "发布时间",
    "公开方式",
    "公开范围",
    "公开时限",
    "文号",
    "发文字号",
    "有效性",
    "统一编号",
    "主题词",
    "标题",
    "著录日期",
    "生效日期",
    "废止日期",
    "来源",
    "信息来源",
    "作者",
    "点击",
    "时间",
    "日期",
    "浏览次数",
    "字体",
    "字体大小",
    "分类",
    "关键词",
    "关键字",
    "标签",
    "更新时间",
    "阅读",
];

/// Labels whose value names the publisher, best first.
const PUBLISHER_LABELS: &[&str] = &["发布机构", "发布机关", "发文机关", "发布单位", "所属机构"];

/// Labels whose value is the publication date, best first: the date the
/// document was written beats the date the page went up.
const DATE_LABELS: &[&str] = &[
    "成文日期",
    "生成日期",
    "发布日期",
    "公布日期",
    "公开日期",
    "发布时间",
    "更新时间",
    "时间",
    "日期",
];

/// One `label: value` pair of a metadata block (value may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    pub(crate) label: String,
    pub(crate) value: String,
}

/// What the metadata blocks of a page say, collected across its lines.
#[derive(Debug, Default, Clone)]
pub(crate) struct MetaFields {
    pairs: Vec<Pair>,
}

impl MetaFields {
    pub(crate) fn add(&mut self, pairs: Vec<Pair>) {
        self.pairs.extend(pairs);
    }

    fn first_of(&self, labels: &[&str], accept: impl Fn(&str) -> Option<String>) -> Option<String> {
        labels.iter().find_map(|label| {
            self.pairs
                .iter()
                .filter(|p| p.label == *label)
                .find_map(|p| accept(&p.value))
        })
    }

    /// The publisher, when the block names an organisation.
    pub(crate) fn publisher(&self) -> Option<String> {
        self.first_of(PUBLISHER_LABELS, |v| {
            let v = v.trim();
            let han = v.chars().filter(|c| is_han(*c)).count();
            (han >= 2 && !["未知", "本站", "本网"].contains(&v)).then(|| v.to_string())
        })
    }

    /// The publication date as YYYY-MM-DD.
    pub(crate) fn published(&self) -> Option<String> {
        self.first_of(DATE_LABELS, parse_date)
    }

    /// The title the block gives (标题).
    pub(crate) fn title(&self) -> Option<String> {
        self.first_of(&["标题"], |v| {
            (!v.trim().is_empty()).then(|| v.trim().to_string())
        })
    }
}

/// Parse a line as part of a metadata block. `None` when it is not one.
///
/// A line is metadata when it holds two or more labels, or starts with a
/// known label and is short and not a sentence.
pub(crate) fn parse_meta_line(line: &str) -> Option<Vec<Pair>> {
    if line.contains('。') {
        return None;
    }
    let tokens = tokens(line);
    let mut pairs: Vec<Pair> = Vec::new();
    let mut first_is_label = false;
    for (i, token) in tokens.iter().enumerate() {
        let split = token.find(COLONS);
        let (label, rest) = match split {
            Some(at) => {
                let label = &token[..at];
                let rest = token[at..].trim_start_matches(COLONS);
                (Some(label), rest)
            }
            None if is_known_label(token) => (Some(token.as_str()), ""),
            None => (None, token.as_str()),
        };
        match label.map(simplified) {
            Some(label) if is_label_shaped(&label) => {
                if i == 0 {
                    first_is_label = true;
                }
                pairs.push(Pair {
                    label: label.into_owned(),
                    value: rest.to_string(),
                });
            }
            _ => {
                let piece = token.as_str();
                match pairs.last_mut() {
                    Some(pair) => {
                        if !pair.value.is_empty() {
                            pair.value.push(' ');
                        }
                        pair.value.push_str(piece);
                    }
                    None => return None,
                }
            }
        }
    }
    let known = pairs.iter().filter(|p| is_known_label(&p.label)).count();
    let is_meta = known >= 2
        || (pairs.len() >= 2 && known >= 1)
        || (known == 1 && first_is_label && page_width_str(line) <= 80);
    is_meta.then_some(pairs)
}

/// Split a line into tokens, after turning table and bracket furniture into
/// blanks and gluing spaced-out labels ("索 引 号" → "索引号").
fn tokens(line: &str) -> Vec<String> {
    let cleaned: String = line
        .chars()
        .map(|c| match c {
            '|' | '[' | ']' | '【' | '】' | '•' | '·' | '\u{3000}' => ' ',
            c => c,
        })
        .collect();
    let raw: Vec<&str> = cleaned.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    let mut gluing = false;
    for token in raw {
        let mut chars = token.chars();
        let starts_han = chars.next().is_some_and(is_han);
        let rest = chars.as_str();
        let single_han = starts_han && rest.is_empty();
        let single_han_label = starts_han && rest.starts_with(COLONS);
        match out.last_mut() {
            Some(last) if gluing && (single_han || single_han_label) => last.push_str(token),
            _ => out.push(token.to_string()),
        }
        gluing = single_han;
    }
    out
}

fn is_known_label(text: &str) -> bool {
    LABELS.contains(&&*simplified(text))
}

fn is_label_shaped(label: &str) -> bool {
    let n = label.chars().count();
    (2..=8).contains(&n) && label.chars().all(is_han)
}

/// Parse a date written as 2022-02-16, 2022- 07- 29 17:02, 2022年3月14日,
/// 2022/3/14, 2022.03.14 or 20230115, into YYYY-MM-DD.
pub(crate) fn parse_date(text: &str) -> Option<String> {
    let text = arabic_date(text);
    let chars: Vec<char> = text.chars().filter(|c| *c != ' ').collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(date) = date_at(&chars, i) {
            return Some(date);
        }
        i += 1;
    }
    None
}

/// "二〇二三年一月十日" → "2023年1月10日": dates written in Chinese numerals,
/// as government documents print them, turned into digits. Other text is
/// returned as it is.
pub(crate) fn arabic_date(text: &str) -> String {
    const DIGITS: &str = "〇○零一二三四五六七八九";
    let digit = |c: char| {
        DIGITS
            .chars()
            .position(|d| d == c)
            .map(|p| p.saturating_sub(2) as u32)
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        // A year: four numeral digits and 年.
        if i + 4 < chars.len()
            && chars[i + 4] == '年'
            && chars[i..i + 4].iter().all(|c| digit(*c).is_some())
        {
            for c in &chars[i..i + 4] {
                out.push_str(&digit(*c).unwrap_or(0).to_string());
            }
            out.push('年');
            i += 5;
            // Month and day: 一 … 十二月, 一 … 三十一日.
            for unit in ['月', '日'] {
                let n = chars[i..]
                    .iter()
                    .take(4)
                    .take_while(|c| super::text::is_numeral_char(**c))
                    .count();
                let word: String = chars[i..i + n].iter().collect();
                match (super::text::chinese_numeral(&word), chars.get(i + n)) {
                    (Some(value), Some(&u)) if n > 0 && u == unit => {
                        out.push_str(&value.to_string());
                        out.push(unit);
                        i += n + 1;
                    }
                    _ => break,
                }
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn date_at(chars: &[char], start: usize) -> Option<String> {
    if start > 0 && chars[start - 1].is_ascii_digit() {
        return None;
    }
    let digits = |from: usize, max: usize| -> (u32, usize) {
        let mut value = 0;
        let mut n = 0;
        while n < max && chars.get(from + n).is_some_and(char::is_ascii_digit) {
            value = value * 10 + chars[from + n].to_digit(10).unwrap_or(0);
            n += 1;
        }
        (value, n)
    };
    let (year, n) = digits(start, 8);
    let (year, month, day) = if n == 8 {
        (year / 10000, year / 100 % 100, year % 100)
    } else if n == 4 {
        let sep = chars.get(start + 4)?;
        if !matches!(sep, '-' | '/' | '.' | '年') {
            return None;
        }
        let (month, m) = digits(start + 5, 2);
        let sep2 = chars.get(start + 5 + m)?;
        if m == 0 || !matches!(sep2, '-' | '/' | '.' | '月') {
            return None;
        }
        let (day, d) = digits(start + 6 + m, 2);
        if d == 0 {
            return None;
        }
        (year, month, day)
    } else {
        return None;
    };
    let valid = (1949..=2100).contains(&year)
        && baogao_report::model::days_in_month(year, month)
            .is_some_and(|days| (1..=days).contains(&day));
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A line that is only a date, perhaps in brackets: "(2022年3月31日)".
pub(crate) fn is_date_line(line: &str) -> bool {
    let core = super::text::trim(line.trim_matches(|c| {
        matches!(
            c,
            '(' | ')' | '\u{FF08}' | '\u{FF09}' | '[' | ']' | '〔' | '〕'
        )
    }));
    core.chars().count() <= 14 && parse_date(core).is_some() && !core.contains(['。', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(line: &str) -> Vec<(String, String)> {
        parse_meta_line(line)
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.label, p.value))
            .collect()
    }

    #[test]
    fn colonless_block() {
        let p = pairs("组配分类 计划总结 发布机构 中共平阳县南麂镇委员会");
        assert_eq!(p[1], ("发布机构".into(), "中共平阳县南麂镇委员会".into()));
    }

    #[test]
    fn spaced_labels_and_empty_values() {
        let line = "索  引  号:nhxyxj-/2021-0329001 公开范围:公开 发布机关:南华县一街乡 著录日期: 发文字号: 主  题  词: 标      题:一街乡2020年政府工作报告 生效日期:";
        let mut fields = MetaFields::default();
        fields.add(parse_meta_line(line).unwrap());
        assert_eq!(fields.publisher().as_deref(), Some("南华县一街乡"));
        assert_eq!(fields.title().as_deref(), Some("一街乡2020年政府工作报告"));
        assert_eq!(fields.published(), None);
    }

    #[test]
    fn pipe_and_bracket_tables() {
        let p = pairs("文 号: | 发布机构: | 沂水县沙沟镇 | 发布日期: | 2021-02-27 | |");
        assert_eq!(p[1], ("发布机构".into(), "沂水县沙沟镇".into()));
        let p = pairs("[ 发布机构 ] | 巴南区木洞镇 | [ 有效性 ] | |");
        assert_eq!(p[0], ("发布机构".into(), "巴南区木洞镇".into()));
    }

    #[test]
    fn not_metadata() {
        assert!(parse_meta_line("一年来,主要做了以下工作:").is_none());
        assert!(parse_meta_line("各位代表:").is_none());
        assert!(parse_meta_line("现在,我代表镇人民政府向大会报告工作。").is_none());
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2022- 07- 29 17 : 02").as_deref(),
            Some("2022-07-29")
        );
        assert_eq!(
            parse_date("2016-11-03 14:59:50").as_deref(),
            Some("2016-11-03")
        );
        assert_eq!(parse_date("2024年2月22日").as_deref(), Some("2024-02-22"));
        assert_eq!(parse_date("(20230115)").as_deref(), Some("2023-01-15"));
        assert_eq!(parse_date("2023-02-30"), None);
        assert_eq!(parse_date("未知"), None);
        assert_eq!(
            parse_date("——二○二三年一月十日在石桥镇").as_deref(),
            Some("2023-01-10")
        );
        assert_eq!(
            parse_date("二〇二二年十二月三十一日").as_deref(),
            Some("2022-12-31")
        );
        assert_eq!(
            arabic_date("石桥镇二〇二二年工作总结"),
            "石桥镇2022年工作总结"
        );
    }
}
