//! Report text with its place and time left open, to be filled in per
//! generated report.
//!
//! A paragraph of 南麂镇's 2020 report names 南麂, 平阳县, "我镇" and 2021;
//! moved into 白沙乡's 2015 report it should say 白沙, its county, "我乡"
//! and 2016. A [`Template`] is the source text cut at those words once,
//! when the sources are read, so filling one in per report is a plain
//! concatenation. The anonymised report's "xx" and "xxxx" become a place
//! name, a year or a number, by what follows them.

use super::rng::SplitMix64;

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(Box<str>),
    /// The township's full name: 白沙乡.
    Township,
    /// The township's name without its unit: 白沙.
    Place,
    /// The township's unit: 镇, 乡 or 街道 (我镇 → 我乡).
    Unit,
    County,
    /// The county's name without its unit: 平阳县 → 平阳.
    CountyPlace,
    /// The report's year plus this offset.
    Year(i32),
    /// A number of this many digits, drawn when filled in.
    Number(usize),
}

/// Text with open slots for place, year and anonymised numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Template {
    pieces: Vec<Piece>,
}

/// What the source report calls itself, to find in its text.
#[derive(Debug, Clone)]
pub(crate) struct SourceNames {
    pub(crate) township: Option<String>,
    pub(crate) place: Option<String>,
    pub(crate) unit: &'static str,
    /// The county's and city's full names, when the report gives them.
    pub(crate) regions: Vec<String>,
    /// The same without their unit (玉环市 → 玉环), as text often says them.
    pub(crate) region_places: Vec<String>,
    /// The year its text counts from: its own year, or 2020 for an
    /// undated report (its outlook is the 十四五 plan, 2021–2025).
    pub(crate) year: i32,
}

/// The place and year a template is filled in for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Setting<'a> {
    pub(crate) township: &'a str,
    pub(crate) place: &'a str,
    pub(crate) unit: &'a str,
    pub(crate) county: &'a str,
    pub(crate) county_place: &'a str,
    pub(crate) year: i32,
}

/// Words in which the unit stands for "this township" (我镇, 镇政府), as
/// the text before and after the unit.
const UNIT_WORDS: &[(&str, &str)] = &[
    ("我", ""),
    ("全", ""),
    ("本", ""),
    ("", "党委"),
    ("", "人民政府"),
    ("", "政府"),
    ("", "人大"),
];

/// Characters that make a following unit part of a common noun: 乡镇, 城镇.
const NOT_BEFORE_UNIT: &[char] = &['乡', '城', '村', '集'];

/// What follows an anonymised number: measure words, units, 余 (over), %.
const AFTER_NUMBER: &[char] = &[
    '个', '亩', '万', '亿', '千', '百', '余', '元', '人', '户', '家', '项', '座', '吨', '米', '只',
    '条', '次', '%', '.',
];

impl Template {
    /// Cut `text` at the source report's names, unit words, years and "xx".
    pub(crate) fn parse(text: &str, source: &SourceNames) -> Template {
        let mut pieces = Vec::new();
        let mut literal_start = 0;
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            let previous = text[..at].chars().next_back();
            match match_slot(rest, previous, source) {
                Some((slot, length)) => {
                    if literal_start < at {
                        pieces.push(Piece::Text(text[literal_start..at].into()));
                    }
                    pieces.extend(slot);
                    at += length;
                    literal_start = at;
                }
                None => at += rest.chars().next().map_or(1, char::len_utf8),
            }
        }
        if literal_start < text.len() {
            pieces.push(Piece::Text(text[literal_start..].into()));
        }
        Template { pieces }
    }

    /// Append the text filled in for `setting`; anonymised numbers are drawn from `rng`.
    pub(crate) fn render_into(&self, setting: &Setting, rng: &mut SplitMix64, out: &mut String) {
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Township => out.push_str(setting.township),
                Piece::Place => out.push_str(setting.place),
                Piece::Unit => out.push_str(setting.unit),
                Piece::County => out.push_str(setting.county),
                Piece::CountyPlace => out.push_str(setting.county_place),
                Piece::Year(offset) => out.push_str(&(setting.year + offset).to_string()),
                Piece::Number(digits) => {
                    out.push(char::from(b'1' + rng.below(9) as u8));
                    for _ in 1..*digits {
                        out.push(char::from(b'0' + rng.below(10) as u8));
                    }
                }
            }
        }
    }

    pub(crate) fn render(&self, setting: &Setting, rng: &mut SplitMix64) -> String {
        let mut out = String::new();
        self.render_into(setting, rng, &mut out);
        out
    }
}

/// The slot that starts `rest`, as pieces, and how many bytes it covers.
fn match_slot(
    rest: &str,
    previous: Option<char>,
    source: &SourceNames,
) -> Option<(Vec<Piece>, usize)> {
    if let Some(township) = source.township.as_deref()
        && rest.starts_with(township)
    {
        return Some((vec![Piece::Township], township.len()));
    }
    if let Some(region) = source.regions.iter().find(|r| rest.starts_with(r.as_str())) {
        return Some((vec![Piece::County], region.len()));
    }
    if let Some(region) = source
        .region_places
        .iter()
        .find(|r| rest.starts_with(r.as_str()))
    {
        return Some((vec![Piece::CountyPlace], region.len()));
    }
    if let Some(place) = source.place.as_deref()
        && rest.starts_with(place)
    {
        return Some((vec![Piece::Place], place.len()));
    }
    if let Some(found) = unit_word(rest, previous, source.unit) {
        return Some(found);
    }
    if let Some(found) = year(rest, previous, source.year) {
        return Some(found);
    }
    anonymised(rest, previous)
}

fn unit_word(rest: &str, previous: Option<char>, unit: &str) -> Option<(Vec<Piece>, usize)> {
    for &(before, after) in UNIT_WORDS {
        let Some(tail) = rest
            .strip_prefix(before)
            .and_then(|r| r.strip_prefix(unit))
            .and_then(|r| r.strip_prefix(after))
        else {
            continue;
        };
        if before.is_empty() && previous.is_some_and(|c| NOT_BEFORE_UNIT.contains(&c)) {
            continue;
        }
        let mut pieces = Vec::with_capacity(3);
        if !before.is_empty() {
            pieces.push(Piece::Text(before.into()));
        }
        pieces.push(Piece::Unit);
        if !after.is_empty() {
            pieces.push(Piece::Text(after.into()));
        }
        return Some((pieces, rest.len() - tail.len()));
    }
    None
}

/// A standalone four-digit year followed by 年, as an offset from `base`.
fn year(rest: &str, previous: Option<char>, base: i32) -> Option<(Vec<Piece>, usize)> {
    let bytes = rest.as_bytes();
    if previous.is_some_and(|c| c.is_ascii_digit())
        || bytes.len() < 5
        || !bytes[..4].iter().all(u8::is_ascii_digit)
        || !rest[4..].starts_with('年')
    {
        return None;
    }
    let value: i32 = rest[..4].parse().ok()?;
    (1990..=2035)
        .contains(&value)
        .then(|| (vec![Piece::Year(value - base)], 4))
}

/// A run of "x" standing for a name, year or number in an anonymised text.
fn anonymised(rest: &str, previous: Option<char>) -> Option<(Vec<Piece>, usize)> {
    let length = rest.bytes().take_while(|&b| b == b'x').count();
    if length == 0 || previous.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let next = rest[length..].chars().next();
    if next.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let next = next.unwrap_or(' ');
    let numeric = AFTER_NUMBER.contains(&next) || previous == Some('.');
    match (length, next) {
        (4, '年') => Some((vec![Piece::Year(0)], 4)),
        (2.., '镇' | '乡') => Some((vec![Piece::Township], length + next.len_utf8())),
        (_, _) if numeric => Some((vec![Piece::Number(length)], length)),
        (2.., _) => Some((vec![Piece::Place], length)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nanji() -> SourceNames {
        SourceNames {
            township: Some("南麂镇".into()),
            place: Some("南麂".into()),
            unit: "镇",
            regions: vec!["平阳县".into()],
            region_places: vec!["平阳".into()],
            year: 2020,
        }
    }

    fn baisha() -> Setting<'static> {
        Setting {
            township: "白沙乡",
            place: "白沙",
            unit: "乡",
            county: "青江县",
            county_place: "青江",
            year: 2015,
        }
    }

    fn fill(text: &str, source: &SourceNames) -> String {
        Template::parse(text, source).render(&baisha(), &mut SplitMix64::new(1))
    }

    #[test]
    fn names_unit_words_and_years_follow_the_new_report() {
        let text =
            "中共平阳县南麂镇委员会:我镇深化平安南麂建设,2021年起全镇乡镇干部、镇政府,美丽平阳";
        assert_eq!(
            fill(text, &nanji()),
            "中共青江县白沙乡委员会:我乡深化平安白沙建设,2016年起全乡乡镇干部、乡政府,美丽青江"
        );
    }

    #[test]
    fn only_standalone_years_move() {
        let text = "问题2000余条,12020年,2019年底,1880年";
        assert_eq!(fill(text, &nanji()), "问题2000余条,12020年,2014年底,1880年");
    }

    #[test]
    fn anonymised_runs_become_names_years_and_numbers() {
        let source = SourceNames {
            township: None,
            place: None,
            unit: "镇",
            regions: Vec::new(),
            region_places: Vec::new(),
            year: 2020,
        };
        let filled = fill("xxxx年,xx镇建设xx余个,打造靓丽xx,资金x.xx亿元,Max", &source);
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).count();
        assert!(filled.starts_with("2015年,白沙乡建设"), "{filled}");
        assert!(filled.contains("余个,打造靓丽白沙,资金"), "{filled}");
        assert!(filled.ends_with("亿元,Max"), "{filled}");
        assert_eq!(filled.matches('x').count(), 1, "{filled}");
        assert_eq!(digits(&filled), 4 + 2 + 3, "{filled}");
    }
}
