//! Place names: the township (镇/乡/街道/苏木) a report belongs to and the
//! county, city and province above it, read from the title, an
//! organisation name ("中共平阳县南麂镇委员会") or a site name.
//!
//! Only what the text states is returned: an anonymised "xx镇", "〔…〕镇",
//! "某乡" or the generic "乡镇" gives no township.
//!
//! The township found is then placed in the official divisions
//! ([`baogao_places`]): a name that one unit bears fills county, city,
//! province and code; a name several units bear is settled by the county,
//! city or province the page names (right before the township first, then
//! the title, the publisher and site names, then the body), and otherwise
//! stays unplaced — never a guess. A name not in the list is kept as
//! written.

use super::text::{is_han, simplified};
use baogao_places::{Gazetteer, Level, Unit, short_name};
use std::collections::HashMap;

/// The places a piece of text names. Every field is as written in the text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) township: Option<String>,
    pub(crate) county: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) province: Option<String>,
    /// The township's division code, once placed in the official list.
    pub(crate) code: Option<String>,
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
            // "乡镇", "镇乡", "乡村": the generic words, not the end of a name
            // ("…五千字乡镇" names no township 五千字乡), unless an official
            // name ends here.
            let generic = |c: Option<&char>| c.is_some_and(|c| matches!(c, '乡' | '镇'));
            if unit_len == 1
                && (generic(simple.get(j + 1))
                    || (simple[j] == '乡' && simple.get(j + 1) == Some(&'村'))
                    || generic(j.checked_sub(1).and_then(|i| simple.get(i))))
                && !official_name_ends(&simple, j + 1)
            {
                j += 1;
                continue;
            }
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
    name_start = whole_name_start(simple, name_start, unit_at + unit_len);
    let name: String = original[name_start..unit_at].iter().collect();
    // "统筹城乡": the word 城乡 (town and country), unless the official list
    // has the name (新城乡 is four townships).
    if simple[unit_at] == '乡' && unit_at > name_start && simple[unit_at - 1] == '城' {
        let whole: String = simple[name_start..=unit_at].iter().collect();
        if Gazetteer::get().count_named(&whole) == 0 {
            return None;
        }
    }
    if name.is_empty() || NOT_NAMES.contains(&&*simplified(&name)) || name.chars().count() > 10 {
        return None;
    }
    place.township = Some(original[name_start..unit_at + unit_len].iter().collect());
    if place.city.is_none() {
        place.city = bracketed_city(original, start);
    }
    Some(place)
}

/// Where the township name ending at `end` starts, at `from` or later. A
/// name of the official list wins: the longest one that ends the run
/// ("日在锡林苏木" → 锡林苏木). Otherwise the name starts after a
/// date ("…日") or the preposition 在 ("…日在某某苏木召开"): the words of the
/// sentence before it are not part of it.
fn whole_name_start(simple: &[char], from: usize, end: usize) -> usize {
    let gazetteer = Gazetteer::get();
    for k in from..end.saturating_sub(1) {
        let candidate: String = simple[k..end].iter().collect();
        if gazetteer.count_named(&candidate) > 0 {
            return k;
        }
    }
    let unit_at = end
        - UNITS
            .iter()
            .find(|u| ends_with(&simple[..end], u))
            .map_or(1, |u| u.chars().count());
    simple[from..unit_at]
        .iter()
        .rposition(|c| matches!(c, '在' | '日'))
        .map_or(from, |p| from + p + 1)
}

/// Whether an official township name of up to ten characters ends at `end`.
fn official_name_ends(simple: &[char], end: usize) -> bool {
    let gazetteer = Gazetteer::get();
    (end.saturating_sub(10)..end.saturating_sub(1)).any(|k| {
        let candidate: String = simple[k..end].iter().collect();
        gazetteer.count_named(&candidate) > 0
    })
}

fn ends_with(chars: &[char], word: &str) -> bool {
    let n = word.chars().count();
    chars.len() >= n && starts_with(chars, chars.len() - n, word)
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
    if place.township.is_none() {
        // "现在，我代表新村乡人民政府，向大会报告……": the speaker of a
        // government work report names the government speaking.
        place.township =
            speaking_government(sources.body).and_then(|org| parse_place(org).township);
    }
    if place.county.is_none() {
        place.county = sources.site_names.iter().find_map(|s| county_in(s));
    }
    if place.county.is_none()
        && let Some(township) = &place.township
    {
        place.county = county_from_body(township, sources.body);
    }
    if place.township.is_none() {
        place.township = township_without_unit(sources.title);
    }
    locate(&mut place, sources);
    place
}

/// How far into the body the speaker's sentence is looked for: it opens a
/// government work report, after the salutation (各位代表：).
const SPEAKER_REACH: usize = 300;

/// The government a report's speaker speaks for, from the body's opening
/// (`我代表新村乡人民政府` → `新村乡人民政府`): the words between 代表 and the
/// first 人民政府 or 政府 after it, when they are a name (no mark, at most
/// 20 characters).
fn speaking_government(body: &str) -> Option<&str> {
    let opening = match body.char_indices().nth(SPEAKER_REACH) {
        Some((end, _)) => &body[..end],
        None => body,
    };
    let start = opening.find("我代表")? + "我代表".len();
    let rest = &opening[start..];
    let end = rest.find("政府")? + "政府".len();
    let name = &rest[..end];
    let plain = name.chars().count() <= 20 && name.chars().all(is_han);
    plain.then_some(name)
}

/// "南麂2020年工作总结": a title that opens with a township's name without
/// its unit. Taken only when one unit of the whole list (of any level) has
/// that short name: 南麂 is 南麂镇, but 平阳 (a county and several towns)
/// is nothing.
fn township_without_unit(title: &str) -> Option<String> {
    let head: String = simplified(title)
        .chars()
        .take_while(|c| is_han(*c))
        .collect();
    if !(2..=6).contains(&head.chars().count()) {
        return None;
    }
    Gazetteer::get()
        .by_short_name_unique(&head, Level::Township)
        .map(|unit| unit.name.to_string())
}

/// Place the township found in the official list. The evidence is read in
/// tiers, best first: the levels written right before the township (already
/// in `place`), the title, the publisher and site names, the body. A tier
/// that points at some of the units bearing the name keeps only those; one
/// unit left is the answer. Several left at the end: the levels they all
/// share are filled, the rest stays null.
fn locate(place: &mut Place, sources: &PlaceSources) {
    let Some(township) = &place.township else {
        return;
    };
    let gazetteer = Gazetteer::get();
    let name = simplified(township).into_owned();
    let mut units = gazetteer.by_name(&name);
    if units.is_empty() {
        // Names not in the 2023 list (renamed, merged, or not a township
        // at all) are kept as written, with what the text says above them.
        return;
    }
    let written: Vec<&str> = [&place.county, &place.city, &place.province]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let publisher_and_sites: Vec<&str> = sources
        .publisher
        .into_iter()
        .chain(sources.site_names.iter().map(String::as_str))
        .chain(sources.title_block.iter().map(String::as_str))
        .collect();
    let title = [sources.title];
    let body = [sources.body];
    let tiers: [&[&str]; 4] = [&written, &title, &publisher_and_sites, &body];
    let evidence = Evidence::new(gazetteer, &units, &name);
    for (tier, texts) in tiers.iter().enumerate() {
        let scores = evidence.scores(texts, units.len());
        let best = scores.iter().copied().max().unwrap_or(0);
        if best == 0 {
            if tier == 0 && !written.is_empty() && units.len() == 1 {
                // The page names a county or city the one unit of this name
                // is not in: a renamed or moved unit. Keep what is written.
                return;
            }
            continue;
        }
        units = units
            .into_iter()
            .zip(scores)
            .filter(|(_, score)| *score == best)
            .map(|(unit, _)| unit)
            .collect();
        if units.len() == 1 {
            break;
        }
    }
    place.township = Some(name);
    let shared = |level: fn(&baogao_places::Ancestors) -> Option<Unit>| {
        let first = units
            .first()
            .and_then(|u| level(&gazetteer.ancestors(*u)))?;
        units
            .iter()
            .all(|u| level(&gazetteer.ancestors(*u)) == Some(first))
            .then(|| first.name.to_string())
    };
    let county = shared(|a| a.county);
    let city = shared(|a| a.city);
    let province = shared(|a| a.province);
    if let [unit] = units[..] {
        place.county = county;
        place.city = city;
        place.province = province;
        place.code = Some(unit.code());
    } else {
        place.county = county.or(place.county.take());
        place.city = city.or(place.city.take());
        place.province = province.or(place.province.take());
    }
}

/// The names of the levels above each candidate unit, full and short
/// (平阳县 and 平阳), and how telling each is: a county more than a city, a
/// city more than a province, and at one level the full name more than the
/// short one, which may be an ordinary word as well (朝阳, 和平, 太平).
struct Evidence {
    /// Name → (candidate index, weight).
    needles: HashMap<String, Vec<(usize, u8)>>,
    /// The longest needle, in characters.
    longest: usize,
    /// The township's name: where it stands, it is not a name above it.
    township: String,
}

impl Evidence {
    fn new(gazetteer: &Gazetteer, units: &[Unit], township: &str) -> Evidence {
        // 柳河县's short name is 柳河镇's too: the township's own name is no
        // evidence of the county.
        let own = short_name(township, Level::Township);
        let mut needles: HashMap<String, Vec<(usize, u8)>> = HashMap::new();
        for (i, unit) in units.iter().enumerate() {
            let above = gazetteer.ancestors(*unit);
            let levels = [
                (above.county, Level::County, 6),
                (above.city, Level::City, 4),
                (above.province, Level::Province, 2),
            ];
            for (at, level, full) in levels {
                let Some(at) = at else { continue };
                let short = short_name(at.name, level);
                for (form, weight) in [(at.name, full), (short, full - 1)] {
                    if form == own || form == township {
                        continue;
                    }
                    let entry = needles.entry(form.to_string()).or_default();
                    if !entry.contains(&(i, weight)) {
                        entry.push((i, weight));
                    }
                }
            }
        }
        let longest = needles.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        Evidence {
            needles,
            longest,
            township: township.to_string(),
        }
    }

    /// For each candidate, the weight of the most telling name of its
    /// levels that `texts` contain. One pass over the text, trying the few
    /// lengths a name can have at each character: linear in the text
    /// however many places it names.
    fn scores(&self, texts: &[&str], candidates: usize) -> Vec<u8> {
        let mut scores = vec![0u8; candidates];
        for text in texts {
            let text = simplified(text).replace(&self.township, "|");
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for (n, &from) in starts.iter().enumerate() {
                if !text[from..].starts_with(is_han) {
                    continue;
                }
                for len in 2..=self.longest {
                    let Some(&to) = starts.get(n + len) else {
                        break;
                    };
                    if let Some(hits) = self.needles.get(&text[from..to]) {
                        for &(i, weight) in hits {
                            scores[i] = scores[i].max(weight);
                        }
                    }
                }
            }
        }
        scores
    }
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
    fn a_name_starts_at_a_boundary() {
        // The official name wins over the words before it.
        assert_eq!(
            township("1月10日在吉忽伦图苏木召开").as_deref(),
            Some("吉忽伦图苏木")
        );
        // A name not in the list starts after the date and the 在.
        assert_eq!(
            township("1月10日在青河苏木召开").as_deref(),
            Some("青河苏木")
        );
        assert_eq!(township("共五千字乡镇工作总结"), None);
        assert_eq!(township("推进城乡融合发展"), None);
        assert_eq!(township("新城乡2021年工作总结").as_deref(), Some("新城乡"));
        // 镇村 (town and village) after a name leaves the name whole.
        assert_eq!(
            township("南麂镇村级组织建设工作总结").as_deref(),
            Some("南麂镇")
        );
    }

    #[test]
    fn the_speaker_names_the_government() {
        let body = "各位代表：现在，我代表新村乡人民政府，向大会报告工作，请予审议。";
        assert_eq!(speaking_government(body), Some("新村乡人民政府"));
        assert_eq!(
            parse_place(speaking_government(body).unwrap_or_default())
                .township
                .as_deref(),
            Some("新村乡")
        );
        // No name, or no speaker: nothing.
        assert_eq!(
            speaking_government("现在，我代表镇人民政府，向大会报告工作"),
            Some("镇人民政府")
        );
        assert_eq!(parse_place("镇人民政府").township, None);
        assert_eq!(speaking_government("我镇政府全力推进，各位代表"), None);
        assert_eq!(
            speaking_government("我代表全镇干部群众，感谢市政府的关心"),
            None
        );
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
