//! The Library: every loaded report, in reading order.
//!
//! Reports are sorted the way a reader browses them: by township in pinyin
//! order (岱西镇 dai < 芦浦镇 lu < 南麂镇 nan ji < 南塘镇 nan tang), then by
//! year, then annual before half-year, then title and id. Reports that name
//! no township come last, and within a township those with no year. The
//! tree, search index and reader all index into this one order.

use crate::load::LoadedReport;
use crate::model::{Period, Report};
use pinyin::ToPinyin;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

mod change;
pub use change::{ChangeCount, FileChange};

/// All loaded reports, sorted for reading. Duplicate ids are kept (`validate`
/// reports them); `find` returns the first in reading order.
#[derive(Debug, Clone, Default)]
pub struct Library {
    reports: Vec<Report>,
    first_by_id: HashMap<String, usize>,
    /// Whether each report (in reading order) was imported in memory from
    /// a raw file of the folder, not read from report JSON.
    raw: Vec<bool>,
    /// The file each report (in reading order) came from; empty for a
    /// report given without one. Kept so that a file changed on disk
    /// replaces its own report ([`Library::changed`]).
    paths: Vec<PathBuf>,
}

impl Library {
    /// Build a library, sorting the reports into reading order.
    pub fn new(reports: Vec<Report>) -> Library {
        Library::build(reports.into_iter().map(|r| (r, PathBuf::new())).collect())
    }

    fn build(mut pairs: Vec<(Report, PathBuf)>) -> Library {
        // Pinyin lookup per character is the costly part: compute each key once.
        pairs.sort_by_cached_key(|(report, _)| SortKey::of(report));
        let (reports, paths): (Vec<Report>, Vec<PathBuf>) = pairs.into_iter().unzip();
        let raw = paths
            .iter()
            .map(|path| {
                let json = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"));
                !json && !path.as_os_str().is_empty()
            })
            .collect();
        let mut first_by_id = HashMap::with_capacity(reports.len());
        for (index, report) in reports.iter().enumerate() {
            first_by_id.entry(report.id.clone()).or_insert(index);
        }
        Library {
            reports,
            first_by_id,
            raw,
            paths,
        }
    }

    /// A library of the reports that loaded, each with its file (whether
    /// it came from a raw file rather than report JSON is told by it).
    pub fn from_loaded(loaded: impl IntoIterator<Item = LoadedReport>) -> Library {
        Library::build(
            loaded
                .into_iter()
                .map(|loaded| (loaded.report, loaded.path))
                .collect(),
        )
    }

    /// Whether the report at `index` (in reading order) was imported in
    /// memory from a raw file (a text, web page, `.docx` or PDF in the
    /// folder), not read from an imported report's JSON.
    pub fn is_raw(&self, index: usize) -> bool {
        self.raw.get(index).copied().unwrap_or(false)
    }

    /// The reports, in reading order.
    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// The first report (in reading order) with this id, or with the id
    /// this one used to be (see [`Library::index_of`]).
    pub fn find(&self, id: &str) -> Option<&Report> {
        self.index_of(id).map(|index| &self.reports[index])
    }

    /// The index (in reading order) of the first report with this id. An id
    /// no report has may be one from before the county joined ids
    /// (`nanji-2020-work-summary`, now `pingyang-nanji-2020-work-summary`):
    /// it names the one report whose id ends with `-` and it. When two
    /// reports' ids end so (two 南塘镇 of different counties), it names
    /// none: which was meant cannot be told.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        if let Some(&index) = self.first_by_id.get(id) {
            return Some(index);
        }
        if id.is_empty() {
            return None;
        }
        let mut found = None;
        for (index, report) in self.reports.iter().enumerate() {
            let older = report
                .id
                .strip_suffix(id)
                .is_some_and(|head| head.ends_with('-'));
            if older {
                match found {
                    None => found = Some((index, &report.id)),
                    // Copies of one id count once: the first in reading order.
                    Some((_, first)) if *first == report.id => {}
                    Some(_) => return None,
                }
            }
        }
        found.map(|(index, _)| index)
    }

    pub fn len(&self) -> usize {
        self.reports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }
}

/// Reading order, field by field; the derived `Ord` compares in field order.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    no_township: bool,
    township_pinyin: Vec<Cow<'static, str>>,
    /// Breaks ties between townships whose names read alike (同音字).
    township: String,
    no_year: bool,
    year: i32,
    period: Period,
    title: String,
    id: String,
}

impl SortKey {
    fn of(report: &Report) -> SortKey {
        let township = report.township.clone().unwrap_or_default();
        SortKey {
            no_township: report.township.is_none(),
            township_pinyin: reading_key(&township),
            township,
            no_year: report.year.is_none(),
            year: report.year.unwrap_or_default(),
            period: report.period,
            title: report.title.clone(),
            id: report.id.clone(),
        }
    }
}

/// The toneless pinyin of each character, compared syllable by syllable (so
/// 西安 "xi an" sorts before 先 "xian"): the order townships are sorted in,
/// and other places' names in lists. A character with no pinyin stands for
/// itself, lowercased so that Latin names fall among the pinyin ones.
pub fn reading_key(text: &str) -> Vec<Cow<'static, str>> {
    text.chars()
        .map(|character| match character.to_pinyin() {
            Some(pinyin) => Cow::Borrowed(pinyin.plain()),
            None => Cow::Owned(character.to_lowercase().collect()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(id: &str) -> Report {
        Report::new(id, "t")
    }

    #[test]
    fn a_report_from_a_raw_file_is_marked_in_reading_order() {
        let loaded = |id: &str, path: &str| LoadedReport {
            path: path.into(),
            report: report(id),
        };
        let library =
            Library::from_loaded(vec![loaded("b", "lib/b.html"), loaded("a", "lib/a.json")]);
        let b = library.index_of("b").unwrap_or(usize::MAX);
        let a = library.index_of("a").unwrap_or(usize::MAX);
        assert!(library.is_raw(b));
        assert!(!library.is_raw(a));
        assert!(!library.is_raw(99));
    }

    #[test]
    fn an_id_from_before_the_county_joined_it_still_names_its_report() {
        let library = Library::new(vec![
            report("pingyang-nanji-2020-work-summary"),
            report("leqing-nantang-2022-work-summary"),
            report("gaozhou-nantang-2022-work-summary"),
        ]);
        let nanji = library.index_of("pingyang-nanji-2020-work-summary");
        assert!(nanji.is_some());
        assert_eq!(library.index_of("nanji-2020-work-summary"), nanji);
        // Two counties' 南塘镇: the old id could be either.
        assert_eq!(library.index_of("nantang-2022-work-summary"), None);
        // Only a whole part of an id: "anji-2020-…" is not "nanji-2020-…".
        assert_eq!(library.index_of("anji-2020-work-summary"), None);
        assert_eq!(library.index_of(""), None);
    }

    #[test]
    fn pinyin_keys_are_toneless_syllables() {
        assert_eq!(reading_key("南麂镇"), ["nan", "ji", "zhen"]);
        assert_eq!(reading_key("A镇2"), ["a", "zhen", "2"]);
        assert!(reading_key("西安") < reading_key("先"));
        assert!(reading_key("岱西镇") < reading_key("芦浦镇"));
        assert!(reading_key("南麂镇") < reading_key("南塘镇"));
        assert!(reading_key("乐清市") < reading_key("平阳县"));
    }
}
