//! The shelf: the library grouped the way the tree shows it. Three
//! groupings (`Grouping`): by place (province › city › county › township
//! › year › report), by township name (township, its county beside › year ›
//! report) and by year (year › township › report).
//!
//! A township is keyed by its whole place (province, city, county, name),
//! never by its name alone: two 城关镇 of different counties are two groups.
//! A level with a single child shares its row (compact chains: `浙江省 ›
//! 温州市 › 平阳县`), down to a single report, whose row then carries the
//! chain before its own label. Building is one pass over the reports with a
//! hash map per level, then a sort of each group's children; only the
//! distinct place names are read as pinyin.

mod build;

use baogao_i18n::t;
use baogao_report::library::Library;
use baogao_report::model::Report;

pub(crate) use build::shelve;

/// The tree's name for reports that name no county, city or province, in
/// the interface's language (`未定位`, `unplaced`).
pub(crate) fn unplaced() -> &'static str {
    t("place.unplaced")
}

/// Joins the levels of a compact chain, and a place and what is in it.
pub(crate) const CHAIN: &str = " \u{203A} ";

/// How the tree groups the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Grouping {
    /// Province › city › county › township › year.
    #[default]
    Place,
    /// Township (its county beside) › year, townships in pinyin order.
    Township,
    /// Year › township (its county beside).
    Year,
}

impl Grouping {
    /// The grouping the switch key goes to next.
    pub(crate) fn next(self) -> Grouping {
        match self {
            Grouping::Place => Grouping::Township,
            Grouping::Township => Grouping::Year,
            Grouping::Year => Grouping::Place,
        }
    }

    /// How the tree's title names it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Grouping::Place => baogao_i18n::t("grouping.place"),
            Grouping::Township => baogao_i18n::t("grouping.township"),
            Grouping::Year => baogao_i18n::t("grouping.year"),
        }
    }
}

/// What the last level of a group's chain is: it decides the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Level {
    Province,
    City,
    County,
    /// The reports that name no county, city or province.
    Unplaced,
    Township,
    Year,
}

impl Level {
    /// Province, city, county or the unplaced: a place above townships.
    pub(crate) fn is_place(self) -> bool {
        matches!(
            self,
            Level::Province | Level::City | Level::County | Level::Unplaced
        )
    }
}

/// A row of the tree below a group (or at the top): a group or a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Child {
    Group(usize),
    Report(usize),
}

/// A group of reports: one row of the tree, standing for a chain of levels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// The chain's names joined by " › ".
    pub(crate) label: String,
    /// The chain's last level.
    pub(crate) level: Level,
    pub(crate) children: Vec<Child>,
    /// Every report under the group, in library order.
    pub(crate) reports: Vec<usize>,
    /// Distinct townships under the group (by whole place).
    pub(crate) townships: usize,
    pub(crate) parent: Option<usize>,
}

/// The library grouped one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shelf {
    pub(crate) grouping: Grouping,
    pub(crate) groups: Vec<Group>,
    /// The rows at the top of the tree.
    pub(crate) top: Vec<Child>,
    /// Per report: the group whose child it is (`None` at the top).
    pub(crate) parent_of: Vec<Option<usize>>,
    /// Per report: how its row is labelled (see [`Shelf::report_label`]).
    pub(crate) rows: Vec<ReportRow>,
    /// The chains that share a report's row.
    pub(crate) prefixes: Vec<String>,
    /// Per report: its township (one per whole place), `None` when it names
    /// none. Ids are only compared.
    pub(crate) township_of: Vec<Option<u32>>,
    /// Distinct named townships of the library, and (grouped by place)
    /// distinct counties.
    pub(crate) townships: usize,
    pub(crate) counties: usize,
}

/// How a report's row is labelled: its kind, or its title when another
/// report of its group has that kind, led by the chain above it when that
/// chain shares its row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ReportRow {
    /// Index in [`Shelf::prefixes`].
    pub(crate) prefix: Option<u32>,
    pub(crate) by_title: bool,
}

impl Shelf {
    /// The groups from the top down to `group`'s.
    pub(crate) fn ancestry(&self, group: usize) -> Vec<usize> {
        let mut way = vec![group];
        let mut at = group;
        while let Some(parent) = self.groups.get(at).and_then(|g| g.parent) {
            way.push(parent);
            at = parent;
        }
        way.reverse();
        way
    }

    /// Report `r`'s row label (made when drawn: only rows on screen need
    /// one).
    pub(crate) fn report_label(&self, library: &Library, r: usize) -> String {
        let report = &library.reports()[r];
        let row = self.rows[r];
        let own = if row.by_title {
            report_title(report)
        } else {
            report.kind.label_zh(report.period)
        };
        // A report read from a raw file of the folder (a web page, .docx,
        // PDF or text), imported in memory but not into report JSON.
        let mark = if library.is_raw(r) {
            t("tree.not_imported")
        } else {
            ""
        };
        match row.prefix.and_then(|p| self.prefixes.get(p as usize)) {
            Some(prefix) => format!("{prefix}{CHAIN}{own}{mark}"),
            None => format!("{own}{mark}"),
        }
    }

    /// The whole chain from the top to `group`, as the status bar says it.
    pub(crate) fn path_label(&self, group: usize) -> String {
        self.ancestry(group)
            .iter()
            .map(|&g| self.groups[g].label.as_str())
            .collect::<Vec<_>>()
            .join(CHAIN)
    }
}

/// A township's whole place, which tells apart townships of one name.
pub(crate) fn place_key(report: &Report) -> [Option<&str>; 4] {
    [
        report.province.as_deref(),
        report.city.as_deref(),
        report.county.as_deref(),
        report.township.as_deref(),
    ]
}

/// The most precise place a report names above its township: its county,
/// else its city, else its province.
pub fn county_of(report: &Report) -> Option<&str> {
    report
        .county
        .as_deref()
        .or(report.city.as_deref())
        .or(report.province.as_deref())
}

/// A township with its county beside ("南塘镇 · 乐清市"), or alone when
/// the report names no place above it.
pub fn township_with_county(report: &Report) -> String {
    let township = township_label(report.township.as_deref());
    match county_of(report) {
        Some(county) => format!("{township} \u{B7} {county}"),
        None => township.to_string(),
    }
}

/// What to call a report on screen: its title, or its kind ("工作总结") when
/// the file gives no title.
pub fn report_title(report: &Report) -> &str {
    if report.title.trim().is_empty() {
        report.kind.label_zh(report.period)
    } else {
        &report.title
    }
}

/// A township as the screen names it (`未具名`, `unnamed` for none, in the
/// interface's language).
pub fn township_label(name: Option<&str>) -> &str {
    name.unwrap_or_else(|| t("place.unnamed"))
}

/// A year as the screen names it (`年份不详`, `year unknown` for none).
pub fn year_label(year: Option<i32>) -> String {
    year.map_or_else(
        || t("place.unknown_year").to_string(),
        |year| year.to_string(),
    )
}
