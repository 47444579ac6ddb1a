//! The heading index: one entry per heading of every report, plus one per
//! report (its title, with the township and year when the title lacks them).
//!
//! Built once from a [`Library`]; everything a keystroke needs is computed
//! here, at build time. Headings repeat across reports ("一、2020年工作总结"),
//! so each distinct text is a [`Key`] matched once per query, and entries
//! point at their key. A key holds its text (in one contiguous string), its
//! pinyin, where its words begin (after "一、"), and whether it has Latin
//! letters or digits worth a direct match for a Latin query.

use super::direct::char_bit;
use super::pinyin::{PinyinArena, PinyinKey, letter_bit};
use baogao_report::library::Library;
use baogao_report::marker::{marker, shi_item};
use baogao_report::model::{Report, SectionPath};
use std::collections::HashMap;
use std::ops::Range;

/// `Entry::section` of the entry that stands for the whole report.
pub const WHOLE_REPORT: u32 = u32::MAX;

/// One heading (or report title) of one report.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index of the report in [`Library::reports`].
    pub report: u32,
    /// The section's place in [`Report::outline`] order, or [`WHOLE_REPORT`].
    pub section: u32,
    /// Index of its text in the index's keys.
    pub(crate) key: u32,
}

/// One distinct searchable text.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    text: Range<u32>,
    /// The text as matched: [`fold`]ed (the same range when that changes nothing).
    folded: Range<u32>,
    pub(super) pinyin: PinyinKey,
    /// Character index where the words begin, after an ordinal marker.
    pub(super) body_start: u16,
    /// Length in characters (shorter ranks first at equal score).
    pub(super) chars: u16,
    /// Bit per ASCII letter (either case) and digit in the text
    /// ([`letter_bit`]): a Latin query matches directly only if it has all
    /// of its own.
    pub(super) latin: u64,
    /// Bit per other character ([`char_bit`]): a term's characters can
    /// only all be in the text when their bits all are.
    pub(super) chars_seen: u64,
}

/// Every heading and report title of a library, ready to be searched.
#[derive(Debug, Default)]
pub struct SearchIndex {
    pub(super) entries: Vec<Entry>,
    pub(super) keys: Vec<Key>,
    /// The entries of key k are `key_entries[key_starts[k]..key_starts[k + 1]]`.
    key_starts: Vec<u32>,
    key_entries: Vec<u32>,
    texts: String,
    pub(super) pinyin: PinyinArena,
    /// Distinct place names — townships, counties, cities, provinces — as
    /// keys (no entries of their own), and per report the ones it names
    /// and its year: a query term may name the place instead of matching
    /// the heading ("党建 紫庄", "党建 平阳", "dj zhejiang").
    pub(super) places: Vec<Key>,
    pub(super) report_places: Vec<ReportPlace>,
}

/// Where a report is from, for terms that name a place.
#[derive(Debug, Clone, Copy)]
pub(super) struct ReportPlace {
    /// Indexes in [`SearchIndex::places`] of its township, county, city
    /// and province, where it names them.
    pub(super) names: [Option<u32>; 4],
    pub(super) year: Option<i32>,
}

impl SearchIndex {
    /// Index every report of `library`, in library order.
    pub(crate) fn build(library: &Library) -> SearchIndex {
        let mut index = SearchIndex::default();
        let mut key_of: HashMap<String, u32> = HashMap::new();
        let mut place_of: HashMap<&str, u32> = HashMap::new();
        for (report_index, report) in library.reports().iter().enumerate() {
            let names = [
                &report.township,
                &report.county,
                &report.city,
                &report.province,
            ]
            .map(|name| {
                name.as_deref().map(|name| {
                    *place_of.entry(name).or_insert_with(|| {
                        let key = index.make_key(name);
                        index.places.push(key);
                        index.places.len() as u32 - 1
                    })
                })
            });
            index.report_places.push(ReportPlace {
                names,
                year: report.year,
            });
            let report_index = report_index as u32;
            index.push(
                &mut key_of,
                report_index,
                WHOLE_REPORT,
                &report_text(report),
            );
            for (order, (_, section)) in report.outline().enumerate() {
                let heading = section.heading.trim();
                if !heading.is_empty() {
                    index.push(&mut key_of, report_index, order as u32, heading);
                }
            }
        }
        // Group the entries by key, keeping library order within each.
        let mut counts = vec![0u32; index.keys.len() + 1];
        for entry in &index.entries {
            counts[entry.key as usize + 1] += 1;
        }
        for k in 1..counts.len() {
            counts[k] += counts[k - 1];
        }
        index.key_starts = counts.clone();
        index.key_entries = vec![0; index.entries.len()];
        for (id, entry) in index.entries.iter().enumerate() {
            let slot = &mut counts[entry.key as usize];
            index.key_entries[*slot as usize] = id as u32;
            *slot += 1;
        }
        // Only headings say how the library writes: a report's title line
        // differs from report to report by its township and year alone.
        let mut in_heading = vec![false; index.keys.len()];
        for entry in &index.entries {
            if entry.section != WHOLE_REPORT {
                in_heading[entry.key as usize] = true;
            }
        }
        let weighed = index
            .keys
            .iter()
            .zip(in_heading)
            .map(|(key, heading)| (key.pinyin, usize::from(key.body_start), heading));
        let places = index.places.iter().map(|key| (key.pinyin, 0, false));
        let texts: Vec<_> = weighed.chain(places).collect();
        index.pinyin.weigh_pairs(texts.into_iter());
        index
    }

    fn push(&mut self, key_of: &mut HashMap<String, u32>, report: u32, section: u32, text: &str) {
        let key = match key_of.get(text) {
            Some(&key) => key,
            None => {
                let key = self.keys.len() as u32;
                let made = self.make_key(text);
                self.keys.push(made);
                key_of.insert(text.to_string(), key);
                key
            }
        };
        self.entries.push(Entry {
            report,
            section,
            key,
        });
    }

    /// A key for `text`, its text and pinyin stored in the index.
    fn make_key(&mut self, text: &str) -> Key {
        let start = self.texts.len() as u32;
        self.texts.push_str(text);
        let shown = start..self.texts.len() as u32;
        let folded_text = fold(text);
        let folded = if folded_text == text {
            shown.clone()
        } else {
            let start = self.texts.len() as u32;
            self.texts.push_str(&folded_text);
            start..self.texts.len() as u32
        };
        let chars = text.chars().count();
        Key {
            text: shown,
            folded,
            pinyin: self.pinyin.add(&folded_text),
            body_start: body_start(text).min(u16::MAX as usize) as u16,
            chars: chars.min(u16::MAX as usize) as u16,
            latin: folded_text.bytes().fold(0, |bits, b| bits | letter_bit(b)),
            chars_seen: folded_text.chars().fold(0, |bits, c| bits | char_bit(c)),
        }
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
        self.key_text(&self.keys[entry.key as usize])
    }

    /// A key's text as matched ([`fold`]ed).
    pub(super) fn folded_text(&self, key: &Key) -> &str {
        &self.texts[key.folded.start as usize..key.folded.end as usize]
    }

    pub(super) fn key_text(&self, key: &Key) -> &str {
        &self.texts[key.text.start as usize..key.text.end as usize]
    }

    /// The entries whose text is key `key`, in library order.
    pub(super) fn entries_of(&self, key: u32) -> &[u32] {
        let k = key as usize;
        &self.key_entries[self.key_starts[k] as usize..self.key_starts[k + 1] as usize]
    }

    /// Number of distinct texts.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }
}

/// The path of the section at `order` in [`Report::outline`] order (as
/// entries and hits name sections); the front for [`WHOLE_REPORT`].
pub fn section_path(report: &Report, order: u32) -> SectionPath {
    if order == WHOLE_REPORT {
        return SectionPath::front();
    }
    report
        .outline()
        .nth(order as usize)
        .map_or_else(SectionPath::front, |(path, _)| path)
}

/// Text as search compares it: full-width Latin letters, digits and signs
/// (ＡＢＣ１２) as ASCII, and letters in lower case where that keeps one
/// character for one, so match positions are the same in both texts.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| {
            let c = match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            };
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(one), None) => one,
                _ => c,
            }
        })
        .collect()
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
