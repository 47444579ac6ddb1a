//! The shelf: the library grouped the way the tree shows it, township →
//! year → reports. The library is already in reading order (township by
//! pinyin, then year), so groups are runs of neighbouring reports.

use baogao_report::library::Library;
use baogao_report::model::Report;

/// The tree's name for reports that name no township, and for no year.
pub(crate) const UNNAMED_TOWNSHIP: &str = "未具名";
pub(crate) const UNKNOWN_YEAR: &str = "年份不详";

/// One township and its years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TownshipShelf {
    /// `None` for the reports that name no township.
    pub(crate) name: Option<String>,
    pub(crate) years: Vec<YearShelf>,
}

impl TownshipShelf {
    pub(crate) fn label(&self) -> &str {
        township_label(self.name.as_deref())
    }

    pub(crate) fn report_count(&self) -> usize {
        self.years.iter().map(|year| year.reports.len()).sum()
    }
}

/// One year of a township: indexes into [`Library::reports`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YearShelf {
    pub(crate) year: Option<i32>,
    pub(crate) reports: Vec<usize>,
}

impl YearShelf {
    pub(crate) fn label(&self) -> String {
        year_label(self.year)
    }
}

/// Group a library by township, then year, keeping reading order.
pub(crate) fn shelve(library: &Library) -> Vec<TownshipShelf> {
    let mut townships: Vec<TownshipShelf> = Vec::new();
    for (index, report) in library.reports().iter().enumerate() {
        let same_township = townships
            .last()
            .is_some_and(|last| last.name == report.township);
        if !same_township {
            townships.push(TownshipShelf {
                name: report.township.clone(),
                years: Vec::new(),
            });
        }
        let Some(township) = townships.last_mut() else {
            continue;
        };
        match township.years.last_mut() {
            Some(year) if year.year == report.year => year.reports.push(index),
            _ => township.years.push(YearShelf {
                year: report.year,
                reports: vec![index],
            }),
        }
    }
    townships
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

/// A township as the screen names it (未具名 for none).
pub fn township_label(name: Option<&str>) -> &str {
    name.unwrap_or(UNNAMED_TOWNSHIP)
}

/// A year as the screen names it (年份不详 for none).
pub fn year_label(year: Option<i32>) -> String {
    year.map_or_else(|| UNKNOWN_YEAR.to_string(), |year| year.to_string())
}
