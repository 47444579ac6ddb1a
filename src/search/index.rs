//! The heading index: one entry per heading of every report, plus one per
//! report (its title, with the township and year when the title lacks them).
//!
//! Built once from a [`Library`]; everything a keystroke needs is computed
//! here, at build time: the texts in one contiguous string, the pinyin keys,
//! where each heading's words begin (after "一、"), and whether it has Latin
//! letters or digits worth a direct match for a Latin query.

use super::pinyin::{PinyinArena, PinyinKey};
use crate::import::marker::{marker, shi_item};
use crate::library::Library;
use crate::model::{Report, SectionPath};
use std::ops::Range;

/// `Entry::section` of the entry that stands for the whole report.
pub const WHOLE_REPORT: u32 = u32::MAX;

/// One searchable text.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index of the report in [`Library::reports`].
    pub report: u32,
    /// The section's place in [`Report::outline`] order, or [`WHOLE_REPORT`].
    pub section: u32,
    text: Range<u32>,
    pub(super) key: PinyinKey,
    /// Character index where the words begin, after an ordinal marker.
    pub(super) body_start: u16,
    /// Length in characters (shorter ranks first at equal score).
    pub(super) chars: u16,
    /// Holds an ASCII letter or digit: a Latin query may match it directly.
    pub(super) has_latin: bool,
}

/// Every heading and report title of a library, ready to be searched.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub(super) entries: Vec<Entry>,
    texts: String,
    pub(super) pinyin: PinyinArena,
}

impl SearchIndex {
    /// Index every report of `library`, in library order.
    pub fn build(library: &Library) -> SearchIndex {
        let mut index = SearchIndex::default();
        for (report_index, report) in library.reports().iter().enumerate() {
            let report_index = report_index as u32;
            index.push(report_index, WHOLE_REPORT, &report_text(report));
            for (order, (_, section)) in report.outline().enumerate() {
                let heading = section.heading.trim();
                if !heading.is_empty() {
                    index.push(report_index, order as u32, heading);
                }
            }
        }
        index
    }

    fn push(&mut self, report: u32, section: u32, text: &str) {
        let start = self.texts.len() as u32;
        self.texts.push_str(text);
        let chars = text.chars().count();
        self.entries.push(Entry {
            report,
            section,
            text: start..self.texts.len() as u32,
            key: self.pinyin.add(text),
            body_start: body_start(text).min(u16::MAX as usize) as u16,
            chars: chars.min(u16::MAX as usize) as u16,
            has_latin: text.bytes().any(|b| b.is_ascii_alphanumeric()),
        });
    }

    /// All entries, in library order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The searchable text of an entry: a heading, or a report's title line.
    pub fn text(&self, entry: &Entry) -> &str {
        &self.texts[entry.text.start as usize..entry.text.end as usize]
    }
}

/// Where an entry leads in its report.
pub fn section_path(report: &Report, entry: &Entry) -> SectionPath {
    if entry.section == WHOLE_REPORT {
        return SectionPath::front();
    }
    report
        .outline()
        .nth(entry.section as usize)
        .map_or_else(SectionPath::front, |(path, _)| path)
}

/// A report's entry text: its title, led by the township and year when the
/// title does not name them, so "nanji" or "2020" find the report itself.
fn report_text(report: &Report) -> String {
    let title = report.title.trim();
    let title = if title.is_empty() {
        report.kind.label_zh(report.period)
    } else {
        title
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(township) = report.township.as_deref()
        && !title.contains(township)
    {
        parts.push(township.to_string());
    }
    if let Some(year) = report.year
        && !title.contains(&year.to_string())
    {
        parts.push(year.to_string());
    }
    parts.push(title.to_string());
    parts.join(" ")
}

/// The character index after a heading's ordinal ("一、", "(三)", "2.", "一是").
fn body_start(heading: &str) -> usize {
    let len = marker(heading)
        .map(|m| m.len)
        .or_else(|| shi_item(heading).map(|(_, len)| len))
        .unwrap_or(0);
    let rest = &heading[len..];
    let spaces = rest.len() - rest.trim_start().len();
    heading[..len + spaces].chars().count()
}
