//! Which characters each paragraph holds, roughly, so that a full-text
//! search reads only the paragraphs that may contain its query.
//!
//! Each paragraph gets a [`CharSet`] of 512 bits (one cache line): every
//! character sets one bit, chosen by a hash of the character (ASCII letters
//! folded to lower case, as the query is). A paragraph that contains the
//! query contains each of its characters, so its set has all the query's
//! bits; a paragraph that lacks one cannot match and is skipped unread.
//! There are false positives (another character with the same bit), never
//! false negatives.
//!
//! Why: reading every paragraph of 10 000 reports (114 000 paragraphs,
//! 82 MB, each its own allocation) costs about 25 ms per core, most of it
//! per paragraph rather than per byte; the sets take 7 MB and let a
//! Chinese query skip most paragraphs. They are built once per library, by
//! the popup's worker before the first query ([`super::Searcher::prepare`]);
//! a single search (`baogao search`) reads every paragraph instead, since
//! building the sets costs more than one query saves.

use super::fulltext::for_each_paragraph_list;
use crate::library::Library;
use crate::model::Report;
use rayon::prelude::*;

const WORDS: usize = 8;
const BITS: u32 = (WORDS * 64) as u32;

/// A set of characters, inexact: membership is by a 9-bit hash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(align(64))]
pub struct CharSet([u64; WORDS]);

impl CharSet {
    /// The characters of `text`, ASCII letters folded to lower case.
    pub fn of(text: &str) -> CharSet {
        let mut set = CharSet::default();
        for c in text.chars() {
            let bit = bit_of(c);
            set.0[bit / 64] |= 1 << (bit % 64);
        }
        set
    }

    /// Whether every character of `other` may be in `self` (no false
    /// negatives: `true` whenever it is).
    pub fn may_contain_all(&self, other: &CharSet) -> bool {
        self.0
            .iter()
            .zip(&other.0)
            .all(|(have, need)| have & need == *need)
    }
}

fn bit_of(c: char) -> usize {
    // Fibonacci hashing: CJK code points are consecutive, and the top bits of
    // the product spread neighbours apart.
    let code = u32::from(c.to_ascii_lowercase());
    (code.wrapping_mul(0x9E37_79B9) >> (32 - BITS.trailing_zeros())) as usize
}

/// The [`CharSet`] of every paragraph of a library, in the order
/// full-text search reads them ([`for_each_paragraph_list`]).
#[derive(Debug, Default)]
pub struct ParagraphFilter {
    sets: Vec<CharSet>,
    /// Where each report's sets start in `sets`; one more entry at the end.
    starts: Vec<usize>,
}

impl ParagraphFilter {
    pub fn build(library: &Library) -> ParagraphFilter {
        let reports = library.reports();
        let counts: Vec<usize> = reports.par_iter().map(paragraph_count).collect();
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0;
        for count in &counts {
            starts.push(total);
            total += count;
        }
        starts.push(total);
        // Filled in place, report by report: collecting per-report vectors
        // would hold the sets twice at the peak.
        let mut sets = vec![CharSet::default(); total];
        let mut slices = Vec::with_capacity(counts.len());
        let mut rest = sets.as_mut_slice();
        for count in counts {
            let (head, tail) = rest.split_at_mut(count);
            slices.push(head);
            rest = tail;
        }
        slices
            .into_par_iter()
            .zip(reports.par_iter())
            .for_each(|(slice, report)| {
                let mut slots = slice.iter_mut();
                for_each_paragraph_list(report, |_, paragraphs| {
                    // Paragraphs first: zip takes from its first iterator
                    // before it finds the second empty.
                    for (text, slot) in paragraphs.iter().zip(slots.by_ref()) {
                        *slot = CharSet::of(text);
                    }
                });
            });
        ParagraphFilter { sets, starts }
    }

    /// The sets of report `index`'s paragraphs, in reading order; empty for
    /// a report the filter does not know.
    pub fn report(&self, index: usize) -> &[CharSet] {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&start), Some(&end)) => &self.sets[start..end],
            _ => &[],
        }
    }
}

fn paragraph_count(report: &Report) -> usize {
    let mut count = 0;
    for_each_paragraph_list(report, |_, paragraphs| count += paragraphs.len());
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_may_contain_its_own_characters_in_any_ascii_case() {
        let text = CharSet::of("推进GDP增长，完成2021年目标");
        for query in ["GDP", "gdp", "增长", "2021年", "，", "推"] {
            assert!(text.may_contain_all(&CharSet::of(query)), "{query}");
        }
        assert!(text.may_contain_all(&CharSet::default()));
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
    fn each_paragraph_has_its_own_set_in_reading_order() {
        let library = Library::from_loaded(crate::bundled::load_bundled().reports);
        let filter = ParagraphFilter::build(&library);
        for (index, report) in library.reports().iter().enumerate() {
            let mut expected = Vec::new();
            for_each_paragraph_list(report, |_, paragraphs| {
                expected.extend(paragraphs.iter().map(|text| CharSet::of(text)));
            });
            assert!(!expected.is_empty());
            assert_eq!(filter.report(index), expected.as_slice(), "{}", report.id);
        }
        assert!(filter.report(library.len()).is_empty());
    }

    #[test]
    fn neighbouring_characters_get_different_bits() {
        let bits: std::collections::HashSet<usize> =
            ('\u{4E00}'..='\u{4E3F}').map(bit_of).collect();
        assert!(bits.len() >= 60, "{}", bits.len());
    }
}
