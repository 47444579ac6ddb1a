//! Choosing the indicator phrase (§3 of the spec): trimming the clause
//! before a number of its time and place phrases, the acting unit, the
//! reporting verbs and the linking words, so what is left names what the
//! number measures. Every list here is grammar (verbs of reporting,
//! adverbs, time words), never names of indicators.

/// Words that open a clause without naming anything measured: time,
/// place, the reporting unit, reporting verbs and adverbs, determiners.
const LEFT: &[&str] = &[
    "截至目前",
    "截止目前",
    "截止到目前",
    "截至当前",
    "到目前为止",
    "今年以来",
    "年初以来",
    "去年以来",
    "近年来",
    "一年来",
    "两年来",
    "三年来",
    "五年来",
    "多年来",
    "以来",
    "同时",
    "此外",
    "另外",
    "其中",
    "其余",
    "目前",
    "当前",
    "至今",
    "今年",
    "去年",
    "全年",
    "当年",
    "年内",
    "上半年",
    "下半年",
    "前三季度",
    "一季度",
    "同期",
    "期间",
    "全镇上下",
    "全镇",
    "全乡",
    "全街道",
    "全区",
    "全县",
    "全市",
    "全岛",
    "全域",
    "全村",
    "我镇",
    "我乡",
    "我街道",
    "我区",
    "本镇",
    "本乡",
    "镇党委政府",
    "镇党委",
    "镇政府",
    "乡党委",
    "乡政府",
    "上级",
    "镇村干部",
    "镇村两级",
    "辖区内",
    "镇域内",
    "在辖区内",
    "累计",
    "共计",
    "合计",
    "总计",
    "共有",
    "现有",
    "已有",
    "拥有",
    "完成",
    "实现",
    "开展",
    "组织",
    "落实",
    "推进",
    "打造",
    "力争",
    "成功",
    "已经",
    "已",
    "高效",
    "动态",
    "预计",
    "全力",
    "积极",
    "各类",
    "各项",
    "各种",
    "并",
    "还",
    "又",
    "及",
    "和",
    "与",
    "、",
    "，",
    "共",
    "有",
    "对",
    "将",
    "均",
    "再",
];

/// Words that link a phrase to its number (达, 为, 共计…); never part of
/// the indicator.
const RIGHT: &[&str] = &[
    "控制在",
    "保持在",
    "维持在",
    "稳定在",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "达到了",
    "达到",
    "将达",
    "可达",
    "已达",
    "均达",
    "共计",
    "累计",
    "合计",
    "总计",
    "预计",
    "突破",
    "增至",
    "降至",
    "达",
    "为",
    "共",
    "有",
    "均",
    "计",
    "是",
    "完成",
    "实现",
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "不足",
    "大约",
    "将近",
];

/// Words of change: a % after them is a growth.
const GROWTH: &[&str] = &[
    "同比增长",
    "同比下降",
    "同比增加",
    "同比减少",
    "同比提高",
    "同比上升",
    "较上年增长",
    "比上年增长",
    "较去年增长",
    "比去年增长",
    "较上年下降",
    "比上年下降",
    "年均增长",
    "平均增长",
    "累计增速",
    "累计增长",
    "增长率",
    "增速",
    "增幅",
    "增长",
    "下降",
    "减少",
    "降低",
    "提高",
    "提升",
    "上升",
    "增加",
    "回落",
    "同比",
    "分别",
];

/// The growth words that mean a decrease.
const FALL: [&str; 4] = ["下降", "减少", "降低", "回落"];

fn chars_len(s: &str) -> usize {
    s.chars().count()
}

/// Drop a leading date or time: 1-5月份, 6月底, 2021年, 3月, 上半年.
fn strip_date(s: &str) -> Option<&str> {
    let mut it = s.char_indices().peekable();
    let mut digits = 0;
    while let Some(&(_, c)) = it.peek() {
        if c.is_ascii_digit() || "-－~～至一二三四五六七八九十".contains(c) {
            digits += 1;
            it.next();
        } else {
            break;
        }
    }
    if digits == 0 {
        return None;
    }
    let (at, _) = *it.peek()?;
    let rest = &s[at..];
    for tail in [
        "月份",
        "月底",
        "月末",
        "月初",
        "月中旬",
        "月下旬",
        "月上旬",
        "月",
        "年底",
        "年末",
        "年度",
        "年",
        "日",
        "号",
        "季度",
    ] {
        if let Some(r) = rest.strip_prefix(tail) {
            return Some(r);
        }
    }
    None
}

/// Drop 截至…底/末/目前 and 截止(到)…: a date that bounds the count.
fn strip_until(s: &str) -> Option<&str> {
    let rest = s
        .strip_prefix("截至")
        .or_else(|| s.strip_prefix("截止到"))
        .or_else(|| s.strip_prefix("截止"))?;
    for end in ["目前", "底", "末", "止", "日"] {
        if let Some(i) = rest.find(end)
            && chars_len(&rest[..i]) <= 8
        {
            return Some(&rest[i + end.len()..]);
        }
    }
    strip_date(rest).or(Some(rest))
}

/// Trim the clause before a number to its indicator (may come back empty:
/// the figure then takes the indicator of the one it belongs to).
pub fn trim(clause: &str) -> String {
    let mut s = clause.trim_matches(|c: char| c.is_whitespace());
    // An example list "A、B等X": only X names what is counted.
    if let Some(i) = s.rfind('等')
        && s[..i].contains('、')
        && i + '等'.len_utf8() < s.len()
    {
        s = &s[i + '等'.len_utf8()..];
    }
    loop {
        let before = s;
        if let Some(r) = strip_until(s).or_else(|| strip_date(s)) {
            s = r;
        }
        for word in LEFT {
            if let Some(r) = s.strip_prefix(word)
                && chars_len(r) >= 2
                && !r.starts_with(['率', '额', '量', '值', '数'])
            {
                // 共享, 有效: 共 and 有 begin words of their own.
                if (*word == "共" || *word == "有") && !single_verb_follows(r) {
                    continue;
                }
                s = r;
                break;
            }
        }
        // A place phrase 在…内.
        if let Some(r) = s.strip_prefix('在')
            && let Some(i) = r.find('内')
            && chars_len(&r[..i]) <= 6
            && chars_len(&r[i + '内'.len_utf8()..]) >= 2
        {
            s = &r[i + '内'.len_utf8()..];
        }
        if s == before {
            break;
        }
    }
    loop {
        let before = s;
        for word in RIGHT {
            if let Some(r) = s.strip_suffix(word) {
                s = r;
                break;
            }
        }
        if s == before {
            break;
        }
    }
    s.trim_matches(|c: char| c.is_whitespace() || "，,、；;：:（(".contains(c))
        .to_string()
}

/// After 共 or 有, a verb then a noun (共排查单位场所) rather than a word
/// that starts with it (共享, 有效): judged by the next char being one that
/// opens a verb of counting or acting.
fn single_verb_follows(rest: &str) -> bool {
    rest.starts_with([
        '排', '查', '发', '走', '完', '建', '组', '开', '举', '办', '接', '计', '投', '培', '新',
        '引', '帮', '救', '慰', '收', '化', '调', '处', '整', '拆', '清', '种', '修',
    ])
}

/// Split a trimmed phrase into the indicator and a trailing growth word:
/// 税收收入同比增长 → (税收收入, Some(增长)). A phrase that is only a
/// growth word gives an empty indicator.
pub fn split_growth(phrase: &str) -> (&str, Option<&'static str>) {
    for word in GROWTH {
        if let Some(r) = phrase.strip_suffix(word) {
            // 增长率 and a share word are a rate named, not a change.
            if *word == "增长率" {
                return (phrase, None);
            }
            let r = r.trim_end_matches(['，', ',']);
            let r = r.strip_suffix("累计").unwrap_or(r);
            let r = r.strip_suffix("同比").unwrap_or(r);
            let r = r
                .strip_suffix("较上年")
                .or_else(|| r.strip_suffix("比上年"))
                .unwrap_or(r);
            return (r, Some(word));
        }
    }
    (phrase, None)
}

/// Whether a growth word means a fall (a negative value).
pub fn is_fall(word: &str) -> bool {
    FALL.iter().any(|f| word.contains(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims() {
        assert_eq!(
            trim(
                "截至目前,完成固定资产投资"
                    .split(',')
                    .next_back()
                    .unwrap_or("")
            ),
            "固定资产投资"
        );
        assert_eq!(trim("成功引进总部经济回归企业"), "引进总部经济回归企业");
        assert_eq!(trim("入驻基金资管规模达"), "入驻基金资管规模");
        assert_eq!(trim("全镇共有深水网箱"), "深水网箱");
        assert_eq!(trim("预计年产值将达"), "年产值");
        assert_eq!(trim("累计产生税收"), "产生税收");
        assert_eq!(trim("完成率"), "完成率");
        assert_eq!(trim("今年上级转办信访件、县长热线等交办件"), "交办件");
        assert_eq!(trim("截至6月底拆整"), "拆整");
        assert_eq!(trim("3月底化解历史积案"), "化解历史积案");
        assert_eq!(trim("1-5月份完成规上工业产值共计"), "规上工业产值");
        assert_eq!(trim("共排查单位场所"), "排查单位场所");
        assert_eq!(trim("共享单车"), "共享单车");
        assert_eq!(trim("其中自排查"), "自排查");
        assert_eq!(trim("累计增速"), "增速");
        assert_eq!(split_growth("增速"), ("", Some("增速")));
        assert_eq!(
            split_growth("税收收入同比增长"),
            ("税收收入", Some("同比增长"))
        );
    }
}
