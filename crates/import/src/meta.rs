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

/// A title without what a page glued to it: a file name's extension
/// (".docx"), a date after a blank or in brackets ("… 2018-06-15",
/// "(20220301)", returned as the second value, YYYY-MM-DD), a date label in
/// front ("20230105:"), and a page-chunk digit glued to the year
/// ("32022年…" → "2022年…").
pub fn clean_title(title: &str) -> (String, Option<String>) {
    let mut title = super::text::trim(title).to_string();
    let mut date = None;
    let lower = title.to_ascii_lowercase();
    for ext in [
        ".docx", ".doc", ".pdf", ".wps", ".txt", ".xlsx", ".xls", ".pptx", ".ppt",
    ] {
        if lower.ends_with(ext) && title.len() > ext.len() {
            title.truncate(title.len() - ext.len());
            break;
        }
    }
    // "…工作总结 - 某某网", "…工作总结 | 某某门户": a page title with the
    // site's name after a spaced dash or a bar; the site's part names no
    // report.
    for sep in [" - ", " – ", " — ", " | ", "|", "\u{FF5C}"] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && super::front::is_title_candidate(super::text::trim(head))
            && !super::front::is_title_candidate(super::text::trim(tail))
            && tail.chars().count() <= 24
        {
            title = super::text::trim(head).to_string();
            break;
        }
    }
    // "…工作安排 2018-06-15": a date after a blank.
    if let Some((head, tail)) = title.rsplit_once(' ')
        && super::fields::is_date_line(tail)
        && tail
            .chars()
            .all(|c| c.is_ascii_digit() || "-/.".contains(c))
        && !super::text::trim(head).is_empty()
    {
        date = super::fields::parse_date(tail);
        title = super::text::trim(head).to_string();
    }
    // "(20220301)", "(2022-03-01)": a bracketed date at the end.
    if let Some(open) = title.rfind(['(', '\u{FF08}']) {
        let tail = &title[open..];
        if open > 0
            && tail.ends_with([')', '\u{FF09}'])
            && tail.chars().any(|c| c.is_ascii_digit())
            && tail
                .chars()
                .all(|c| c.is_ascii_digit() || "-/.()\u{FF08}\u{FF09}".contains(c))
            && let Some(d) = super::fields::parse_date(tail)
        {
            date = date.or(Some(d));
            title = super::text::trim(&title[..open]).to_string();
        }
    }
    // "-精品合同推荐- 2008年街道办工作总结": a site's label between dashes
    // in front of the title.
    if let Some(rest) = after_dashed_label(&title) {
        title = rest.to_string();
    }
    // "…某乡政府工作总结工作总结": a site's category, the same words
    // naming a kind of report, glued on after the title's own.
    if let Some(doubled) = doubled_kind(&title) {
        title.truncate(title.len() - doubled);
    }
    // "…政府工作报告(全文)": a page's note that this is the whole text.
    if let Some(open) = whole_text_note(&title) {
        title = super::text::trim(&title[..open]).to_string();
    }
    // "…的报告[此文共8216字]", "（全文约3000余字）": a page's count of the
    // characters, in brackets after the title.
    if let Some(open) = length_note(&title) {
        title = super::text::trim(&title[..open]).to_string();
    }
    // "20230105:…", "2023-01-05 …": a page's date label in front.
    let digits: String = title
        .chars()
        .take_while(|c| c.is_ascii_digit() || "-/.".contains(*c))
        .collect();
    let after = &title[digits.len()..];
    if digits.chars().filter(char::is_ascii_digit).count() == 8
        && let Some(rest) = after.strip_prefix([':', '\u{FF1A}', ' ', '_', '-'])
        && !super::text::trim(rest).is_empty()
    {
        date = date.or_else(|| super::fields::parse_date(&digits));
        title = super::text::trim(rest).to_string();
    }
    // "32022年…": one or two digits of a page chunk glued to the year.
    let lead: String = title.chars().take_while(char::is_ascii_digit).collect();
    if (5..=6).contains(&lead.len())
        && title[lead.len()..].starts_with('年')
        && let Ok(year) = lead[lead.len() - 4..].parse::<i32>()
        && (1949..=2100).contains(&year)
    {
        title = title[lead.len() - 4..].to_string();
    }
    (title, date)
}

/// The title after a label set between two dashes at its start
/// (`-精品合同推荐- …`, `—范文— …`): a label of 2 to 12 characters with no
/// figure, and a title after it.
fn after_dashed_label(title: &str) -> Option<&str> {
    let dash = title.chars().next().filter(|c| "-—－".contains(*c))?;
    let body = &title[dash.len_utf8()..];
    let close = body.find(dash)?;
    let label = &body[..close];
    let rest = super::text::trim(&body[close + dash.len_utf8()..]);
    let n = label.chars().count();
    ((2..=12).contains(&n)
        && !label.contains(|c: char| c.is_ascii_digit())
        && super::front::is_title_candidate(rest))
    .then_some(rest)
}

/// The byte length of the words ending `title` twice over, when they name a
/// kind of report (`工作总结工作总结`, `总结总结`): 2 to 6 characters, with
/// title text before the pair.
fn doubled_kind(title: &str) -> Option<usize> {
    let chars: Vec<char> = title.chars().collect();
    (2..=6).rev().find_map(|k| {
        let n = chars.len();
        if n < 2 * k + 2 {
            return None;
        }
        let (first, second) = (&chars[n - 2 * k..n - k], &chars[n - k..]);
        let word: String = second.iter().collect();
        (first == second && super::front::ends_naming_a_report(&word)).then_some(word.len())
    })
}

/// The bracket closing `title`, when title text stands before it: where
/// it opens (a byte offset) and what it holds.
fn closing_bracket(title: &str) -> Option<(usize, &str)> {
    let close = title.chars().last()?;
    let open_mark = match close {
        ']' => '[',
        '】' => '【',
        ')' => '(',
        '\u{FF09}' => '\u{FF08}',
        _ => return None,
    };
    let open = title.rfind(open_mark).filter(|&open| open > 0)?;
    Some((
        open,
        &title[open + open_mark.len_utf8()..title.len() - close.len_utf8()],
    ))
}

/// Where a bracketed note that the page holds the whole text, or the whole
/// of a model text, ends `title`: `(全文)`, `（完整版）`, `[范文]`.
fn whole_text_note(title: &str) -> Option<usize> {
    let (open, inner) = closing_bracket(title)?;
    ["全文", "完整版", "范文"].contains(&inner).then_some(open)
}

/// Where a bracketed count of characters ends `title` (`[此文共8216字]`,
/// `（全文约3000余字）`): a bracket of at most 12 characters closing the title,
/// its last character 字 after a digit (or 余, 多).
fn length_note(title: &str) -> Option<usize> {
    let (open, inner) = closing_bracket(title)?;
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut tail = inner.chars().rev();
    let counted = tail.next() == Some('字')
        && tail.next().is_some_and(|c| digit(c) || "余多".contains(c))
        && inner.chars().any(digit);
    (inner.chars().count() <= 12 && counted).then_some(open)
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
    // Plans and reviews: 总结, 计划, 规划, 谋划, 安排, 述职 (a person's review
    // of a year's work) and the like.
    if [
        "总结",
        "计划",
        "思路",
        "打算",
        "工作要点",
        "工作汇报",
        "规划",
        "谋划",
        "工作安排",
        "述职",
    ]
    .iter()
    .any(|w| key.contains(w))
    {
        return Kind::WorkSummary;
    }
    // A bare 工作报告 (a 街道's, an office's) is its government's report.
    if key.contains("工作报告") || (addressed_to_congress && key.contains("报告")) {
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
    fn title_residue() {
        assert_eq!(
            clean_title("某镇2022年工作总结 - 某某范文网").0,
            "某镇2022年工作总结"
        );
        assert_eq!(
            clean_title("某镇2022年工作总结|首页").0,
            "某镇2022年工作总结"
        );
        assert_eq!(
            clean_title("2022工作总结及2023年工作计划-22篇").0,
            "2022工作总结及2023年工作计划-22篇"
        );
        assert_eq!(
            clean_title("某镇2022年工作总结.docx"),
            ("某镇2022年工作总结".to_string(), None)
        );
        assert_eq!(
            clean_title("32022年某镇政府工作报告 2023-01-05"),
            (
                "2022年某镇政府工作报告".to_string(),
                Some("2023-01-05".to_string())
            )
        );
    }

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

    #[test]
    fn a_label_between_dashes_before_the_title_goes() {
        assert_eq!(
            clean_title("-精品合同推荐- 2008年街道办工作总结").0,
            "2008年街道办工作总结"
        );
        assert_eq!(
            clean_title("—范文—某镇2022年工作总结").0,
            "某镇2022年工作总结"
        );
        // A dash that opens no label, or a label before no title: kept.
        assert_eq!(clean_title("-2022年工作总结").0, "-2022年工作总结");
        assert_eq!(clean_title("-精品推荐- 欢迎下载").0, "-精品推荐- 欢迎下载");
    }

    #[test]
    fn a_kind_of_report_said_twice_at_the_end_is_said_once() {
        assert_eq!(
            clean_title("2021年上半年某乡政府工作总结工作总结").0,
            "2021年上半年某乡政府工作总结"
        );
        assert_eq!(clean_title("某镇2022年总结总结").0, "某镇2022年总结");
        // Not a kind of report, or nothing before the pair: kept.
        assert_eq!(clean_title("某镇谈谈谈谈").0, "某镇谈谈谈谈");
        assert_eq!(clean_title("工作总结工作总结").0, "工作总结工作总结");
    }

    #[test]
    fn a_note_that_the_page_is_the_whole_text_goes() {
        assert_eq!(
            clean_title("(涡阳县)2021年牌坊镇人民政府工作报告(全文)").0,
            "(涡阳县)2021年牌坊镇人民政府工作报告"
        );
        assert_eq!(
            clean_title("某镇2022年工作总结（完整版）").0,
            "某镇2022年工作总结"
        );
        assert_eq!(
            clean_title("某镇2022年工作总结(草案)").0,
            "某镇2022年工作总结(草案)"
        );
    }

    #[test]
    fn a_count_of_characters_after_the_title_goes() {
        for (page, title) in [
            (
                "某乡关于上半年工作的报告[此文共8216字]",
                "某乡关于上半年工作的报告",
            ),
            ("某镇2022年工作总结（全文约3000余字）", "某镇2022年工作总结"),
            (
                "某镇2022年工作总结【共５千字】",
                "某镇2022年工作总结【共５千字】",
            ),
            ("某镇2022年工作总结(修订稿)", "某镇2022年工作总结(修订稿)"),
            ("[此文共8216字]", "[此文共8216字]"),
        ] {
            assert_eq!(clean_title(page).0, title, "{page}");
        }
    }
}
