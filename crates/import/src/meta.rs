//! Report metadata read from the title (year, period, kind) and the id.

use super::text::simplified;
use baogao_report::model::{Kind, Period};

/// The year the title names: the first standalone 4-digit year in it
/// ("南麂镇2020年…" → 2020, "2023上半年" → 2023, "xxxx年" → none).
pub fn year_from_title(title: &str) -> Option<i32> {
    let title = super::fields::arabic_date(title);
    let chars: Vec<char> = title.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let year: i32 = chars[start..i].iter().collect::<String>().parse().ok()?;
                if (1949..=2100).contains(&year) {
                    return Some(year);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Half-year when the title says 上半年/半年 or 1-6月.
pub fn period_from_title(title: &str) -> Period {
    let key = simplified(title);
    let first_six_months = [
        "1-6月",
        "1—6月",
        "1–6月",
        "1至6月",
        "1~6月",
        "1～6月",
        "一至六月",
    ]
    .iter()
    .any(|w| key.contains(w));
    if key.contains("半年") || first_six_months {
        Period::HalfYear
    } else {
        Period::Annual
    }
}

/// The kind: the title decides; a report addressed to the congress
/// (the body opens with 各位代表) is a government work report.
pub fn kind_of(title: &str, addressed_to_congress: bool) -> Kind {
    let key = simplified(title);
    if key.contains("政府工作报告") {
        return Kind::GovernmentWorkReport;
    }
    if ["总结", "计划", "思路", "打算", "工作要点", "工作汇报"]
        .iter()
        .any(|w| key.contains(w))
    {
        return Kind::WorkSummary;
    }
    if addressed_to_congress && key.contains("报告") {
        return Kind::GovernmentWorkReport;
    }
    Kind::Other
}

/// A stable, ASCII id: county and township in pinyin (without their
/// units), year, period and kind — "pingyang-nanji-2020-work-summary".
/// The county keeps apart townships of one name; without one the id starts
/// at the township ("nanji-2020-work-summary"). A report without a township
/// or year gets a hash of its text instead, so anonymous reports stay apart.
pub(crate) fn make_id(
    county: Option<&str>,
    township: Option<&str>,
    year: Option<i32>,
    period: Period,
    kind: Kind,
    text: &str,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    match township.map(name_in_pinyin).filter(|n| !n.is_empty()) {
        Some(name) => {
            let county = county.map(|c| {
                let simple = simplified(c);
                baogao_places::to_pinyin(baogao_places::short_name(
                    &simple,
                    baogao_places::Level::County,
                ))
            });
            parts.extend(county.filter(|c| !c.is_empty()));
            parts.push(name);
        }
        None => parts.push("unnamed".into()),
    }
    match year {
        Some(year) => parts.push(year.to_string()),
        None => parts.push("undated".into()),
    }
    if period == Period::HalfYear {
        parts.push("half-year".into());
    }
    parts.push(kind.as_str().into());
    if township.is_none() || year.is_none() {
        parts.push(short_hash(text.as_bytes()));
    }
    parts.join("-")
}

/// The township's name without its unit, in toneless pinyin: 南麂镇 → nanji.
fn name_in_pinyin(township: &str) -> String {
    let simple = simplified(township);
    let name = ["街道", "苏木", "镇", "乡"]
        .iter()
        .find_map(|unit| simple.strip_suffix(unit))
        .unwrap_or(&simple);
    baogao_places::to_pinyin(name)
}

/// Eight hex digits that stand for `bytes`: the same text always gives the
/// same digits. Used to keep apart reports that would share an id.
pub fn short_hash(bytes: &[u8]) -> String {
    format!("{:08x}", fnv1a(bytes) as u32)
}

/// FNV-1a, 64 bit: a small stable hash (std's hasher may change between releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years() {
        assert_eq!(
            year_from_title("南麂镇2020年工作总结及2021年工作思路"),
            Some(2020)
        );
        assert_eq!(year_from_title("〔…〕镇2023上半年工作开展情况"), Some(2023));
        assert_eq!(year_from_title("乡镇 2020 年工作总结"), Some(2020));
        assert_eq!(year_from_title("乡镇人民政府年度工作总结"), None);
        assert_eq!(year_from_title("xxxx年工作总结"), None);
        assert_eq!(year_from_title("石桥镇二〇二二年工作总结"), Some(2022));
        assert_eq!(year_from_title("报告(20230115)"), None);
    }

    #[test]
    fn periods() {
        assert_eq!(
            period_from_title("石门乡2023年1-6月份工作总结"),
            Period::HalfYear
        );
        assert_eq!(
            period_from_title("石门乡2023年上半年工作总结"),
            Period::HalfYear
        );
        assert_eq!(period_from_title("石门乡2023年工作总结"), Period::Annual);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_of("卢村乡2023年政府工作报告", true),
            Kind::GovernmentWorkReport
        );
        assert_eq!(
            kind_of("南麂镇2020年工作总结及2021年工作思路", false),
            Kind::WorkSummary
        );
        assert_eq!(
            kind_of("润雅乡主要工作目标管理情况自查报告", false),
            Kind::Other
        );
        assert_eq!(
            kind_of("南麂鎮2020年政府工作報告", false),
            Kind::GovernmentWorkReport
        );
    }

    #[test]
    fn ids() {
        assert_eq!(
            make_id(
                None,
                Some("南麂镇"),
                Some(2020),
                Period::Annual,
                Kind::WorkSummary,
                "x"
            ),
            "nanji-2020-work-summary"
        );
        assert_eq!(
            make_id(
                None,
                Some("西溪街道"),
                Some(2021),
                Period::HalfYear,
                Kind::WorkSummary,
                "x"
            ),
            "xixi-2021-half-year-work-summary"
        );
        assert_eq!(
            make_id(
                Some("平阳县"),
                Some("南麂镇"),
                Some(2020),
                Period::Annual,
                Kind::WorkSummary,
                "x"
            ),
            "pingyang-nanji-2020-work-summary"
        );
        assert_eq!(
            make_id(
                Some("峨边彝族自治县"),
                Some("沙坪镇"),
                Some(2021),
                Period::Annual,
                Kind::Other,
                "x"
            ),
            "ebian-shaping-2021-other"
        );
        let anon = make_id(None, None, None, Period::Annual, Kind::WorkSummary, "text");
        assert!(anon.starts_with("unnamed-undated-work-summary-"));
        assert_eq!(
            anon,
            make_id(None, None, None, Period::Annual, Kind::WorkSummary, "text")
        );
    }
}
