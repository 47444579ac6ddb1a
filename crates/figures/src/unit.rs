//! Units: which words after a number make it a figure, their class (money,
//! an amount, a count, a percentage), the form a unit is reported in
//! (simplified, half-width), and the scale 万 and 亿 give for comparison.

/// What a unit measures; it decides a figure's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// 元, 万元, 亿: an amount of money.
    Money,
    /// 吨, 亩, 平方米, 公里, 小时: an amount of something.
    Amount,
    /// 家, 个, 户, 人, 次: a number of things, people or events.
    Count,
    /// %: a rate, a proportion or a change.
    Percent,
    /// 个百分点: always a change.
    Points,
}

/// Base units (after any 万/亿), longest first where one is the start of
/// another, with their class. Time spans (年, 月, 天, 分钟) are not here:
/// the spec counts them as dates or schedules, not figures.
const UNITS: &[(&str, Class)] = &[
    ("个百分点", Class::Points),
    ("百分点", Class::Points),
    ("平方公里", Class::Amount),
    ("平方千米", Class::Amount),
    ("平方米", Class::Amount),
    ("立方米", Class::Amount),
    ("千瓦时", Class::Amount),
    ("人次", Class::Count),
    ("家次", Class::Count),
    ("户次", Class::Count),
    ("车次", Class::Count),
    ("批次", Class::Count),
    ("场次", Class::Count),
    ("架次", Class::Count),
    ("余元", Class::Money),
    ("美元", Class::Money),
    ("千元", Class::Money),
    ("元", Class::Money),
    ("平米", Class::Amount),
    ("公斤", Class::Amount),
    ("千克", Class::Amount),
    ("公顷", Class::Amount),
    ("公里", Class::Amount),
    ("千米", Class::Amount),
    ("千瓦", Class::Amount),
    ("兆瓦", Class::Amount),
    ("小时", Class::Amount),
    ("标箱", Class::Amount),
    ("立方", Class::Amount),
    ("吨", Class::Amount),
    ("斤", Class::Amount),
    ("亩", Class::Amount),
    ("米", Class::Amount),
    ("度", Class::Amount),
    ("方", Class::Amount),
    ("家", Class::Count),
    ("个", Class::Count),
    ("户", Class::Count),
    ("人", Class::Count),
    ("名", Class::Count),
    ("次", Class::Count),
    ("处", Class::Count),
    ("件", Class::Count),
    ("间", Class::Count),
    ("条", Class::Count),
    ("辆", Class::Count),
    ("台", Class::Count),
    ("场", Class::Count),
    ("支", Class::Count),
    ("份", Class::Count),
    ("批", Class::Count),
    ("轮", Class::Count),
    ("头", Class::Count),
    ("只", Class::Count),
    ("所", Class::Count),
    ("座", Class::Count),
    ("套", Class::Count),
    ("栋", Class::Count),
    ("幢", Class::Count),
    ("株", Class::Count),
    ("棵", Class::Count),
    ("盏", Class::Count),
    ("块", Class::Count),
    ("项", Class::Count),
    ("宗", Class::Count),
    ("起", Class::Count),
    ("位", Class::Count),
    ("艘", Class::Count),
    ("张", Class::Count),
    ("本", Class::Count),
    ("篇", Class::Count),
    ("笔", Class::Count),
    ("例", Class::Count),
    ("对", Class::Count),
    ("口", Class::Count),
    ("眼", Class::Count),
    ("部", Class::Count),
    ("届", Class::Count),
    ("组", Class::Count),
    ("队", Class::Count),
    ("颗", Class::Count),
    ("根", Class::Count),
    ("片", Class::Count),
    ("穴", Class::Count),
    ("枚", Class::Count),
    ("匹", Class::Count),
    ("羽", Class::Count),
    ("尾", Class::Count),
    ("架", Class::Count),
    ("%", Class::Percent),
];

/// Traditional and full-width forms of unit characters, to their
/// simplified, half-width form (§5 of the spec).
pub fn simplify(c: char) -> char {
    match c {
        '萬' => '万',
        '億' => '亿',
        '畝' => '亩',
        '噸' => '吨',
        '個' => '个',
        '戶' => '户',
        '處' => '处',
        '間' => '间',
        '條' => '条',
        '輛' => '辆',
        '臺' => '台',
        '場' => '场',
        '項' => '项',
        '頭' => '头',
        '隻' => '只',
        '筆' => '笔',
        '張' => '张',
        '棟' => '栋',
        '塊' => '块',
        '盞' => '盏',
        '門' => '门',
        '組' => '组',
        '隊' => '队',
        '輪' => '轮',
        '級' => '级',
        '點' => '点',
        '％' => '%',
        '／' => '/',
        other => other,
    }
}

/// A unit recognised after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// As the spec reports it: with 万/亿, simplified, half-width.
    pub text: String,
    pub class: Class,
    /// 10⁴ for 万, 10⁸ for 亿, 1 otherwise.
    pub scale: f64,
    /// The unit without 万/亿, for comparison.
    pub base: String,
    /// Chars it takes in the text.
    pub len: usize,
}

fn matches_at(chars: &[char], at: usize, word: &str) -> bool {
    let mut i = at;
    for w in word.chars() {
        match chars.get(i) {
            Some(&c) if simplify(c) == w => i += 1,
            _ => return false,
        }
    }
    true
}

/// The base unit starting at `at`, if any.
fn base_at(chars: &[char], at: usize) -> Option<(&'static str, Class)> {
    UNITS
        .iter()
        .find(|(word, _)| matches_at(chars, at, word))
        .copied()
}

/// Spaces PDF text leaves between a number and its unit.
pub fn skip_spaces(chars: &[char], mut at: usize) -> usize {
    while chars.get(at).is_some_and(|&c| c == ' ' || c == '\u{3000}') {
        at += 1;
    }
    at
}

/// The unit at `at` (after the number and any 余/多 between 万 and the
/// unit, which the caller has read): an optional 万/亿, a base unit, and a
/// compound second half (元/亩). `qualifier_gap` is how many chars of 余/多
/// may sit between 万/亿 and the base unit; the caller reads them.
pub fn read(chars: &[char], at: usize) -> Option<(Unit, Option<(usize, usize)>)> {
    let at = skip_spaces(chars, at);
    let mut i = at;
    let mut scale = 1.0;
    let mut prefix = String::new();
    for (word, s) in [
        ("万亿", 1e12),
        ("千万", 1e7),
        ("百万", 1e6),
        ("亿", 1e8),
        ("万", 1e4),
    ] {
        if matches_at(chars, i, word) {
            scale = s;
            prefix.push_str(word);
            i += word.chars().count();
            break;
        }
    }
    // 1.2万多吨: a qualifier between the scale and the base unit.
    let mut gap = None;
    if !prefix.is_empty()
        && matches!(chars.get(i), Some('余' | '多'))
        && base_at(chars, i + 1).is_some()
    {
        gap = Some((i, i + 1));
        i += 1;
    }
    let Some((base, class)) = base_at(chars, i) else {
        // A bare 万 or 亿 is a unit of its own (923.17亿).
        if prefix.is_empty() || gap.is_some() {
            return None;
        }
        let class = if prefix.ends_with('亿') {
            Class::Money
        } else {
            Class::Amount
        };
        return Some((
            Unit {
                text: prefix.clone(),
                class,
                scale,
                base: String::new(),
                len: i - at,
            },
            None,
        ));
    };
    if base == "余元" {
        return None;
    }
    if class == Class::Percent && !prefix.is_empty() {
        return None;
    }
    i += base.chars().count();
    let mut text = format!("{prefix}{base}");
    let mut base_text = base.to_string();
    // A compound unit: 元/亩, 吨/年, 元/人.
    if matches!(chars.get(i).copied().map(simplify), Some('/'))
        && let Some(second) = chars.get(i + 1).and_then(|_| compound_second(chars, i + 1))
    {
        text.push('/');
        text.push_str(&second);
        base_text.push('/');
        base_text.push_str(&second);
        i += 1 + second.chars().count();
    }
    // A bracketed alternative is dropped from the unit: 头(只).
    let text = text.replace("平米", "平方米");
    let base_text = base_text.replace("平米", "平方米");
    Some((
        Unit {
            text,
            class,
            scale,
            base: base_text,
            len: i - at,
        },
        gap,
    ))
}

fn compound_second(chars: &[char], at: usize) -> Option<String> {
    if let Some((word, _)) = base_at(chars, at) {
        return Some(word.to_string());
    }
    match chars.get(at) {
        Some('年' | '月' | '日' | '天') => Some(chars[at].to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(s: &str) -> Option<(String, Class, usize)> {
        let chars: Vec<char> = s.chars().collect();
        read(&chars, 0).map(|(u, _)| (u.text, u.class, u.len))
    }

    #[test]
    fn units() {
        assert_eq!(unit("万元,"), Some(("万元".into(), Class::Money, 2)));
        assert_eq!(unit("亿;"), Some(("亿".into(), Class::Money, 1)));
        assert_eq!(unit("人次"), Some(("人次".into(), Class::Count, 2)));
        assert_eq!(
            unit("万平方米"),
            Some(("万平方米".into(), Class::Amount, 4))
        );
        assert_eq!(unit("萬畝"), Some(("万亩".into(), Class::Amount, 2)));
        assert_eq!(unit("％"), Some(("%".into(), Class::Percent, 1)));
        assert_eq!(
            unit("个百分点"),
            Some(("个百分点".into(), Class::Points, 4))
        );
        assert_eq!(unit("元/亩"), Some(("元/亩".into(), Class::Money, 3)));
        assert_eq!(unit("万多吨").map(|u| u.0), Some("万吨".into()));
        assert_eq!(unit("年"), None);
        assert_eq!(unit("月份"), None);
    }
}
