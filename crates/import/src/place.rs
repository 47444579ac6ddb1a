//! Place names: the township (镇/乡/街道/苏木) a report belongs to and the
//! county, city and province above it, read from the title, an
//! organisation name ("中共平阳县南麂镇委员会") or a site name.
//!
//! Only what the text states is returned: an anonymised "xx镇", "〔…〕镇",
//! "某乡" or the generic "乡镇" gives no township.

use super::text::{is_han, simplified};

/// The places a piece of text names. Every field is as written in the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) township: Option<String>,
    pub(crate) county: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) province: Option<String>,
}

/// Township units, as simplified text. Traditional 鎮/鄉 fold to these.
const UNITS: &[&str] = &["街道", "苏木", "镇", "乡"];

/// Single characters that stand before 镇/乡 without being a name:
/// "全镇", "我乡", "本镇", "该镇", "乡镇", "城镇", "集镇"…
const NOT_NAMES: &[&str] = &[
    "全", "我", "本", "该", "各", "乡", "镇", "城", "集", "小", "大", "村", "市", "县", "区", "某",
    "某某", "乡镇",
];

/// Find the first township named in `text`, with what stands before it.
pub(crate) fn parse_place(text: &str) -> Place {
    let original: Vec<char> = text.chars().collect();
    let simple: Vec<char> = simplified(text).chars().collect();
    if simple.len() != original.len() {
        return Place::default();
    }
    let mut j = 0;
    while j < simple.len() {
        if let Some(unit) = UNITS.iter().find(|u| starts_with(&simple, j, u)) {
            let unit_len = unit.chars().count();
            // "湘乡市", "新乡市", "安乡县", "东乡区": 乡/镇 inside a higher name.
            if simple
                .get(j + unit_len)
                .is_some_and(|c| matches!(c, '市' | '县' | '区' | '旗' | '州'))
            {
                j += unit_len;
                continue;
            }
            if let Some(place) = place_ending_at(&original, &simple, j, unit_len) {
                return place;
            }
            j += unit_len;
        } else {
            j += 1;
        }
    }
    Place::default()
}

fn starts_with(chars: &[char], at: usize, word: &str) -> bool {
    (at..)
        .zip(word.chars())
        .all(|(i, c)| chars.get(i) == Some(&c))
}

/// Read the name before the unit at `unit_at` and split off the
/// administrative levels written in front of it.
fn place_ending_at(
    original: &[char],
    simple: &[char],
    unit_at: usize,
    unit_len: usize,
) -> Option<Place> {
    let mut start = unit_at;
    while start > 0 && is_han(simple[start - 1]) {
        start -= 1;
    }
    // A year ("2023年岱西镇") or an opening word stands before the name.
    if let Some(p) = simple[start..unit_at].iter().rposition(|c| *c == '年') {
        start += p + 1;
    }
    // "中共…", "关于报送…", "关于印发…": words before a name, not part of it.
    for prefix in ["中共", "关于", "报送", "上报", "印发", "转发"] {
        if starts_with(simple, start, prefix) {
            start += 2;
        }
    }
    let mut place = Place::default();
    // Administrative levels, left to right: 省/自治区, 市/州/盟, 县/区/旗.
    let mut name_start = start;
    let mut i = start + 1;
    while i + 1 < unit_at {
        let c = simple[i];
        let level = match c {
            '省' => Some(&mut place.province),
            '市' | '州' | '盟' => Some(&mut place.city),
            '县' | '区' | '旗' => Some(&mut place.county),
            _ => None,
        };
        if let Some(slot) = level
            && i - name_start >= 2
        {
            *slot = Some(original[name_start..=i].iter().collect());
            name_start = i + 1;
            i += 2;
            continue;
        }
        i += 1;
    }
    let name: String = original[name_start..unit_at].iter().collect();
    if name.is_empty() || NOT_NAMES.contains(&&*simplified(&name)) || name.chars().count() > 10 {
        return None;
    }
    place.township = Some(original[name_start..unit_at + unit_len].iter().collect());
    if place.city.is_none() {
        place.city = bracketed_city(original, start);
    }
    Some(place)
}

/// "(玉环市)芦浦镇": a city or county in brackets just before the name.
fn bracketed_city(original: &[char], name_start: usize) -> Option<String> {
    if name_start < 3 || !matches!(original[name_start - 1], ')' | '\u{FF09}') {
        return None;
    }
    let open = original[..name_start - 1]
        .iter()
        .rposition(|c| matches!(c, '(' | '\u{FF08}'))?;
    let inner: String = original[open + 1..name_start - 1].iter().collect();
    let simple = simplified(&inner);
    (inner.chars().count() >= 2 && inner.chars().all(is_han) && simple.ends_with('市'))
        .then_some(inner)
}

/// Words that end the name of a government body.
const ORG_WORDS: &[&str] = &[
    "人民政府",
    "政府",
    "委员会",
    "办事处",
    "党委",
    "党工委",
    "办公室",
];

/// A government body's name standing alone: "重庆市巴南区木洞镇人民政府",
/// "中共石桥镇委员会", "石桥镇党政办公室" (Chinese and brackets only).
pub(crate) fn is_org_name(text: &str) -> bool {
    let key = simplified(text);
    text.chars().count() <= 30
        && text
            .chars()
            .all(|c| is_han(c) || matches!(c, '(' | ')' | '\u{FF08}' | '\u{FF09}'))
        && ORG_WORDS.iter().any(|w| key.ends_with(w))
}

/// "重庆市巴南区木洞镇人民政府2024年政府工作报告": the body named at the
/// head of a title, when it names a real township.
pub(crate) fn title_org(title: &str) -> Option<String> {
    let key = simplified(title);
    let end = ORG_WORDS
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .filter_map(|w| key.find(w).map(|at| at + w.len()))
        .min()?;
    let org = title.get(..end)?;
    (is_org_name(org) && parse_place(org).township.is_some()).then(|| org.to_string())
}

/// What a report states about where it is from, best source first.
#[derive(Debug)]
pub(crate) struct PlaceSources<'a> {
    pub(crate) title: &'a str,
    /// The publisher a metadata block names.
    pub(crate) publisher: Option<&'a str>,
    /// Site names and breadcrumb items.
    pub(crate) site_names: &'a [String],
    /// The title block of a government work report ("——…在石桥镇第十八届…").
    pub(crate) title_block: &'a [String],
    pub(crate) body: &'a str,
}

/// Township, county, city and province: from the title first, then the
/// publisher, the meeting the title block names, the site name and
/// breadcrumbs, and last a statement in the body ("晓坪乡地处芷江县…").
pub(crate) fn resolve_place(sources: &PlaceSources) -> Place {
    let mut place = parse_place(sources.title);
    if let Some(publisher) = sources.publisher {
        let from_publisher = parse_place(publisher);
        if place.township.is_none() {
            place.township = from_publisher.township.clone();
        }
        let same_township =
            from_publisher.township.is_none() || from_publisher.township == place.township;
        if same_township {
            place.county = place
                .county
                .or(from_publisher.county)
                .or_else(|| county_in(publisher));
            place.city = place.city.or(from_publisher.city);
            place.province = place.province.or(from_publisher.province);
        }
    }
    if place.township.is_none() {
        // "——2023年1月10日在石桥镇第十八届人民代表大会…": the meeting's place.
        place.township = sources
            .title_block
            .iter()
            .filter_map(|line| line.rsplit_once('在').map(|(_, venue)| venue))
            .find_map(|venue| parse_place(venue).township);
    }
    if place.county.is_none() {
        place.county = sources.site_names.iter().find_map(|s| county_in(s));
    }
    if place.county.is_none()
        && let Some(township) = &place.township
    {
        place.county = county_from_body(township, sources.body);
    }
    place
}

/// The first county-level name in a site or organisation name:
/// "永顺县人民政府" → 永顺县, "南华县一街乡" → 南华县.
pub(crate) fn county_in(text: &str) -> Option<String> {
    let original: Vec<char> = text.chars().collect();
    let simple: Vec<char> = simplified(text).chars().collect();
    if simple.len() != original.len() {
        return None;
    }
    let mut start = 0;
    for (i, c) in simple.iter().enumerate() {
        if !is_han(*c) {
            start = i + 1;
            continue;
        }
        if matches!(c, '市' | '州' | '省') && i - start >= 2 {
            start = i + 1;
            continue;
        }
        if matches!(c, '县' | '区' | '旗') && (2..=5).contains(&(i - start)) {
            return Some(original[start..=i].iter().collect());
        }
    }
    None
}

/// A county the body states for the township: "晓坪乡地处芷江县东南部",
/// "…镇位于X县…", "…镇隶属X县".
pub(crate) fn county_from_body(township: &str, body: &str) -> Option<String> {
    for verb in ["地处", "位于", "隶属", "地属"] {
        let needle = format!("{township}{verb}");
        if let Some(at) = body.find(&needle) {
            let after = &body[at + needle.len()..];
            let run: String = after.chars().take_while(|c| is_han(*c)).take(8).collect();
            if let Some(county) = county_in(&run) {
                return Some(county);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn township(text: &str) -> Option<String> {
        parse_place(text).township
    }

    #[test]
    fn townships_from_titles() {
        assert_eq!(
            township("南麂镇2020年工作总结及2021年工作思路").as_deref(),
            Some("南麂镇")
        );
        assert_eq!(
            township("2023年岱西镇政府工作报告").as_deref(),
            Some("岱西镇")
        );
        assert_eq!(
            township("2016年上半年润雅乡主要工作目标管理情况自查报告").as_deref(),
            Some("润雅乡")
        );
        assert_eq!(
            township("西溪街道2021年工作总结和2022年工作思路").as_deref(),
            Some("西溪街道")
        );
        assert_eq!(township("南麂鎮2020年工作總結").as_deref(), Some("南麂鎮"));
        assert_eq!(
            township("晓坪乡人民政府2018年工作总结").as_deref(),
            Some("晓坪乡")
        );
        assert_eq!(
            township("锡林苏木2021年工作总结").as_deref(),
            Some("锡林苏木")
        );
    }

    #[test]
    fn anonymous_townships() {
        for title in [
            "乡镇人民政府年度工作总结及下一步工作计划",
            "乡镇 2020 年工作总结和 2021 年工作计划",
            "〔…〕镇2023上半年工作开展情况和下半年工作打算",
            "2022年上半年政府工作报告(镇乡)",
            "镇政府2019年工作总结和2020年工作计划",
            "xx镇2020年工作总结",
            "某某乡2020年工作总结",
        ] {
            assert_eq!(township(title), None, "{title}");
        }
    }

    #[test]
    fn county_names_with_a_unit_character() {
        for (text, township, above) in [
            ("湘乡市东郊乡2022年工作总结", "东郊乡", "湘乡市"),
            ("宁乡市夏铎铺镇2022年工作总结", "夏铎铺镇", "宁乡市"),
            ("安乡县安障乡2022年工作总结", "安障乡", "安乡县"),
            ("东乡区黎圩镇2022年工作总结", "黎圩镇", "东乡区"),
        ] {
            let p = parse_place(text);
            assert_eq!(p.township.as_deref(), Some(township), "{text}");
            assert!(
                p.county.as_deref() == Some(above) || p.city.as_deref() == Some(above),
                "{text}: {p:?}"
            );
        }
        let p = parse_place("河南省新乡市原阳县师寨镇2022年工作总结");
        assert_eq!(p.township.as_deref(), Some("师寨镇"));
        assert_eq!(
            (
                p.province.as_deref(),
                p.city.as_deref(),
                p.county.as_deref()
            ),
            (Some("河南省"), Some("新乡市"), Some("原阳县"))
        );
    }

    #[test]
    fn levels_above() {
        let p = parse_place("重庆市巴南区木洞镇人民政府2024年政府工作报告");
        assert_eq!(p.township.as_deref(), Some("木洞镇"));
        assert_eq!(p.county.as_deref(), Some("巴南区"));
        assert_eq!(p.city.as_deref(), Some("重庆市"));
        let p = parse_place("(玉环市)芦浦镇2020年工作总结和2021年工作思路汇报");
        assert_eq!(p.township.as_deref(), Some("芦浦镇"));
        assert_eq!(p.city.as_deref(), Some("玉环市"));
        let p = parse_place("中共平阳县南麂镇委员会");
        assert_eq!(p.county.as_deref(), Some("平阳县"));
        assert_eq!(p.township.as_deref(), Some("南麂镇"));
    }

    #[test]
    fn counties() {
        assert_eq!(county_in("永顺县人民政府").as_deref(), Some("永顺县"));
        assert_eq!(
            county_from_body("晓坪乡", "晓坪乡地处芷江县东南部,乡政府").as_deref(),
            Some("芷江县")
        );
        assert_eq!(county_from_body("晓坪乡", "晓坪乡的基本情况"), None);
    }
}
