//! Every paragraph of a library in one flat list, with the characters each
//! holds (roughly), laid out for full-text search over many queries.
//!
//! Reading the paragraphs where they live in the reports means walking
//! every report's tree of sections, pointer by pointer, on every query:
//! over 10 000 reports (114 000 paragraphs, 82 MB) that walk, not the
//! byte search, was most of the ~16 ms a query took. Here each paragraph is
//! a [`Paragraph`] — its text (borrowed from the library) and its place —
//! in reading order, so a query runs down an array.
//!
//! Beside each paragraph is a [`CharSet`] of 512 bits (one cache line):
//! every character sets one bit, chosen by a hash of the character (ASCII
//! letters folded to lower case and full-width punctuation to its ASCII
//! form, as the query is). A paragraph that
//! contains the query contains each of its characters, so its set has all
//! the query's bits; a paragraph that lacks one cannot match and is skipped
//! unread. There are false positives (another character with the same
//! bit), never false negatives.
//!
//! Built once per library, by the popup's worker before the first query
//! ([`super::Searcher::prepare`]); it costs about 10 MB at 10 000 reports.
//! A single search (`baogao search`) walks the reports instead, since
//! building this costs more than one query saves.

use super::fulltext::{for_each_paragraph_list, half_width};
use baogao_report::library::Library;
use rayon::prelude::*;

const WORDS: usize = 8;
const BITS: u32 = (WORDS * 64) as u32;

/// A set of characters, inexact: membership is by a 9-bit hash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(align(64))]
pub(crate) struct CharSet([u64; WORDS]);

impl CharSet {
    /// The characters of `text`, ASCII letters folded to lower case and
    /// full-width punctuation to ASCII.
    pub(crate) fn of(text: &str) -> CharSet {
        let mut set = CharSet::default();
        for c in text.chars() {
            let bit = bit_of(c);
            set.0[bit / 64] |= 1 << (bit % 64);
        }
        set
    }

    /// Whether every character of `other` may be in `self` (no false
    /// negatives: `true` whenever it is).
    pub(crate) fn may_contain_all(&self, other: &CharSet) -> bool {
        self.0
            .iter()
            .zip(&other.0)
            .all(|(have, need)| have & need == *need)
    }
}

fn bit_of(c: char) -> usize {
    // Fibonacci hashing: CJK code points are consecutive, and the top bits of
    // the product spread neighbours apart. Both widths of a punctuation mark
    // get one bit, as the search takes them for one character.
    let code = u32::from(half_width(c).to_ascii_lowercase());
    (code.wrapping_mul(0x9E37_79B9) >> (32 - BITS.trailing_zeros())) as usize
}

/// One paragraph and its place, as a full-text hit names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paragraph<'a> {
    pub(crate) text: &'a str,
    /// Index of the report in [`Library::reports`].
    pub(crate) report: u32,
    /// The section in outline order, or [`super::WHOLE_REPORT`] for the preamble.
    pub(crate) section: u32,
    /// Index of the paragraph in its section (or preamble).
    pub(crate) index: u32,
}

/// Every paragraph of a library in reading order ([`for_each_paragraph_list`],
/// report by report), each with its [`CharSet`] at the same index.
#[derive(Debug, Default)]
pub(crate) struct ParagraphIndex<'a> {
    paragraphs: Vec<Paragraph<'a>>,
    sets: Vec<CharSet>,
}

/// A stretch of a [`ParagraphIndex`]: paragraphs and their sets, at the
/// same indices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run<'i, 'a> {
    pub(crate) paragraphs: &'i [Paragraph<'a>],
    pub(crate) sets: &'i [CharSet],
}

impl<'a> ParagraphIndex<'a> {
    pub(crate) fn build(library: &'a Library) -> ParagraphIndex<'a> {
        let reports = library.reports();
        let mut total = 0;
        for report in reports {
            for_each_paragraph_list(report, |_, paragraphs| total += paragraphs.len());
        }
        // Sized once: growing by doubling would hold twice the list at the peak.
        let mut paragraphs = Vec::with_capacity(total);
        for (report_index, report) in reports.iter().enumerate() {
            for_each_paragraph_list(report, |section, texts| {
                for (index, text) in texts.iter().enumerate() {
                    paragraphs.push(Paragraph {
                        text,
                        report: report_index as u32,
                        section,
                        index: index as u32,
                    });
                }
            });
        }
        let mut sets = Vec::with_capacity(total);
        paragraphs
            .par_iter()
            .map(|paragraph| CharSet::of(paragraph.text))
            .collect_into_vec(&mut sets);
        ParagraphIndex { paragraphs, sets }
    }

    /// The whole list.
    pub(crate) fn all(&self) -> Run<'_, 'a> {
        Run {
            paragraphs: &self.paragraphs,
            sets: &self.sets,
        }
    }

    /// The paragraphs of the report at `report` in [`Library::reports`]:
    /// one run of the list, found by bisection (none past the end).
    pub(crate) fn of_report(&self, report: usize) -> Run<'_, 'a> {
        let from = self
            .paragraphs
            .partition_point(|p| (p.report as usize) < report);
        let to = self
            .paragraphs
            .partition_point(|p| p.report as usize <= report);
        Run {
            paragraphs: &self.paragraphs[from..to],
            sets: &self.sets[from..to],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_may_contain_its_own_characters_in_any_ascii_case() {
        let text = CharSet::of("推进GDP增长\u{FF0C}完成2021年目标");
        for query in ["GDP", "gdp", "增长", "2021年", "\u{FF0C}", "推"] {
            assert!(text.may_contain_all(&CharSet::of(query)), "{query}");
        }
        assert!(text.may_contain_all(&CharSet::default()));
    }

    #[test]
    fn either_width_of_a_punctuation_mark_is_one_character() {
        for (ascii, full) in [
            (',', '，'),
            (';', '；'),
            ('(', '（'),
            ('?', '？'),
            ('~', '～'),
        ] {
            let narrow = CharSet::of(&format!("推进{ascii}完成"));
            let wide = CharSet::of(&format!("推进{full}完成"));
            assert_eq!(narrow, wide, "{ascii} {full}");
        }
    }

    #[test]
    fn a_missing_character_usually_rules_a_text_out() {
        let text = CharSet::of("党建引领");
        let missing = ["垃", "圾", "分", "类", "招", "商", "x", "9"];
        let ruled_out = missing
            .iter()
            .filter(|query| !text.may_contain_all(&CharSet::of(query)))
            .count();
        // 4 of 512 bits are set: a collision is possible, not likely.
        assert!(ruled_out >= missing.len() - 1, "{ruled_out}");
    }

    #[test]
    fn every_paragraph_is_listed_in_reading_order_with_its_place_and_set() {
        let library = Library::from_loaded(baogao_bundled::load_bundled().reports);
        let index = ParagraphIndex::build(&library);
        let mut expected = Vec::new();
        for (report_index, report) in library.reports().iter().enumerate() {
            for_each_paragraph_list(report, |section, texts| {
                for (i, text) in texts.iter().enumerate() {
                    expected.push((report_index as u32, section, i as u32, text.as_str()));
                }
            });
        }
        let listed: Vec<_> = index
            .all()
            .paragraphs
            .iter()
            .map(|p| (p.report, p.section, p.index, p.text))
            .collect();
        assert_eq!(listed, expected);
        assert_eq!(index.all().sets.len(), listed.len());
        for (paragraph, set) in index.all().paragraphs.iter().zip(index.all().sets) {
            assert_eq!(*set, CharSet::of(paragraph.text));
        }
        // Each report's run is exactly its paragraphs; past the end, none.
        for report in 0..=library.reports().len() {
            let run = index.of_report(report);
            let expected = listed.iter().filter(|p| p.0 as usize == report).count();
            assert_eq!(run.paragraphs.len(), expected, "{report}");
            assert_eq!(run.sets.len(), expected, "{report}");
            assert!(run.paragraphs.iter().all(|p| p.report as usize == report));
        }
    }

    #[test]
    fn neighbouring_characters_get_different_bits() {
        let bits: std::collections::HashSet<usize> =
            ('\u{4E00}'..='\u{4E3F}').map(bit_of).collect();
        assert!(bits.len() >= 60, "{}", bits.len());
    }
}
