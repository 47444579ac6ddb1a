//! Full-text search: every occurrence of a substring in the paragraphs of
//! every report (the preamble and each section's own paragraphs).
//!
//! Matching is on bytes with memchr's `memmem`, which is exact for UTF-8: a
//! Chinese query can only match whole characters. Latin letters match
//! without regard to case (ASCII folding keeps byte offsets, so a hit's
//! offset is valid in the original text). Punctuation matches in either
//! width: an ASCII mark and its full-width form (U+FF01–U+FF5E, `,` and
//! `，`, `(` and `（`) are one character to the search, so the text a hit
//! covers may be longer or shorter than the query, and each hit says how
//! long it is. Hits carry the paragraph's place, not a copy of it;
//! [`snippet`] cuts the text around a hit for display.

use super::index::WHOLE_REPORT;
use super::paragraphs::{CharSet, Run};
use baogao_layout::{Widths, is_closer};
use baogao_report::library::Library;
use baogao_report::model::{Report, Section};
use memchr::memmem::Finder;
use rayon::prelude::*;
use std::ops::Range;

/// One occurrence of the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextHit {
    /// Index of the report in [`Library::reports`].
    pub report: u32,
    /// The section in [`Report::outline`] order, or [`WHOLE_REPORT`] for the preamble.
    pub section: u32,
    /// Index of the paragraph in that section (or preamble).
    pub paragraph: u32,
    /// Byte offset of the hit in the paragraph.
    pub offset: u32,
    /// Length of the hit in the paragraph, in bytes: the text it covers is
    /// `offset..offset + len`. It differs from the query's length where one
    /// has a punctuation mark in the other width.
    pub len: u32,
}

/// The ASCII form of a full-width punctuation mark (U+FF01–U+FF5E whose
/// counterpart, 0xFEE0 below, is ASCII punctuation: `，` → `,`); any other
/// character as it is. Full-text search compares characters through this,
/// so either width of a mark finds both.
pub(crate) fn half_width(c: char) -> char {
    if let '\u{FF01}'..='\u{FF5E}' = c
        && let Some(ascii) = char::from_u32(c as u32 - 0xFEE0)
        && ascii.is_ascii_punctuation()
    {
        return ascii;
    }
    c
}

/// The UTF-8 bytes of the full-width form of ASCII punctuation `mark`.
fn full_width(mark: u8) -> [u8; 3] {
    let code = 0xFEE0 + u32::from(mark);
    // U+FF01–U+FF5E: three bytes, lead byte 0xEF.
    [
        0xEF,
        0x80 | ((code >> 6) & 0x3F) as u8,
        0x80 | (code & 0x3F) as u8,
    ]
}

/// A full-text query: the needle, folded for Latin letters and punctuation.
#[derive(Debug)]
pub(crate) struct TextQuery {
    /// The query with ASCII letters in lower case and full-width
    /// punctuation in its ASCII form ([`half_width`]).
    needle: Vec<u8>,
    /// The needle up to its first ASCII letter or punctuation mark, found
    /// exactly (`memmem`); the rest is compared byte by byte, letters in
    /// either case, marks in either width.
    exact: Finder<'static>,
    exact_len: usize,
    /// The needle's characters, to skip paragraphs that lack one.
    chars: CharSet,
}

impl TextQuery {
    /// `None` for an empty or all-space query. Leading and trailing spaces
    /// are dropped; inner ones are part of the substring.
    pub(crate) fn new(query: &str) -> Option<TextQuery> {
        let folded: String = query
            .trim()
            .chars()
            .map(|c| half_width(c).to_ascii_lowercase())
            .collect();
        if folded.is_empty() {
            return None;
        }
        let chars = CharSet::of(&folded);
        let needle = folded.into_bytes();
        let exact_len = needle
            .iter()
            .position(|b| b.is_ascii_lowercase() || b.is_ascii_punctuation())
            .unwrap_or(needle.len());
        let exact = Finder::new(&needle[..exact_len]).into_owned();
        Some(TextQuery {
            needle,
            exact,
            exact_len,
            chars,
        })
    }

    /// Every occurrence in `text`, not overlapping, as its byte offset and
    /// length.
    fn find_in(&self, text: &str, mut found: impl FnMut(usize, usize)) {
        let haystack = text.as_bytes();
        // The needle in ASCII is as short as a match can be.
        let n = self.needle.len();
        let mut from = 0;
        while from + n <= haystack.len() {
            let Some(at) = self.candidate(&haystack[from..]) else {
                return;
            };
            let at = from + at;
            if let Some(len) = self.match_len(haystack, at) {
                found(at, len);
                from = at + len;
            } else {
                from = at + 1;
            }
        }
    }

    /// Where the needle may start: its exact part, or (when it starts with
    /// a letter) that letter in either case, or (with a mark) the mark or
    /// the lead byte of a full-width form.
    fn candidate(&self, haystack: &[u8]) -> Option<usize> {
        if self.exact_len > 0 {
            return self.exact.find(haystack);
        }
        let first = self.needle[0];
        if first.is_ascii_punctuation() {
            memchr::memchr2(first, 0xEF, haystack)
        } else {
            memchr::memchr2(first, first.to_ascii_uppercase(), haystack)
        }
    }

    /// The length of the match starting at `at`, whose exact part is
    /// there already, or `None`. Needle and haystack advance a whole
    /// character at a time where they differ, so a match never splits one.
    fn match_len(&self, haystack: &[u8], at: usize) -> Option<usize> {
        let mut end = at + self.exact_len;
        for &want in &self.needle[self.exact_len..] {
            let &have = haystack.get(end)?;
            if have.to_ascii_lowercase() == want {
                end += 1;
            } else if want.is_ascii_punctuation()
                && haystack.get(end..end + 3) == Some(&full_width(want)[..])
            {
                end += 3;
            } else {
                return None;
            }
        }
        Some(end - at)
    }

    /// Every hit in the library, in library order, walking each report.
    pub(crate) fn find(&self, library: &Library) -> Vec<TextHit> {
        library
            .reports()
            .par_iter()
            .enumerate()
            .with_min_len(16)
            .flat_map_iter(|(index, report)| self.find_in_report(index as u32, report))
            .collect()
    }

    /// Every hit in a run of a paragraph index, in library order: the same
    /// hits as [`TextQuery::find`] (or [`TextQuery::find_in_report`]) over
    /// what the run holds, found by running down it and skipping the
    /// paragraphs whose character set lacks one of the query's.
    pub(crate) fn find_indexed(&self, run: Run) -> Vec<TextHit> {
        const CHUNK: usize = 2048;
        run.paragraphs
            .par_chunks(CHUNK)
            .zip(run.sets.par_chunks(CHUNK))
            .flat_map_iter(|(paragraphs, sets)| {
                let mut hits = Vec::new();
                for (paragraph, set) in paragraphs.iter().zip(sets) {
                    if !set.may_contain_all(&self.chars) {
                        continue;
                    }
                    self.find_in(paragraph.text, |offset, len| {
                        hits.push(TextHit {
                            report: paragraph.report,
                            section: paragraph.section,
                            paragraph: paragraph.index,
                            offset: offset as u32,
                            len: len as u32,
                        });
                    });
                }
                hits
            })
            .collect()
    }

    /// Every hit in one report (at `report_index` in its library), in
    /// reading order.
    pub(crate) fn find_in_report(&self, report_index: u32, report: &Report) -> Vec<TextHit> {
        let mut hits = Vec::new();
        for_each_paragraph_list(report, |section, paragraphs| {
            for (paragraph, text) in paragraphs.iter().enumerate() {
                self.find_in(text, |offset, len| {
                    hits.push(TextHit {
                        report: report_index,
                        section,
                        paragraph: paragraph as u32,
                        offset: offset as u32,
                        len: len as u32,
                    });
                });
            }
        });
        hits
    }
}

/// Visit each list of paragraphs of a report in the order full-text search
/// reads them: the preamble (as [`WHOLE_REPORT`]), then every section's own
/// paragraphs in [`Report::outline`] order.
pub fn for_each_paragraph_list<'a>(report: &'a Report, mut visit: impl FnMut(u32, &'a [String])) {
    visit(WHOLE_REPORT, &report.preamble);
    for_each_section(report, |order, section| visit(order, &section.paragraphs));
}

/// Visit every section in [`Report::outline`] order with its place in it,
/// without building paths (this runs over every section on every query).
pub(crate) fn for_each_section<'a>(report: &'a Report, mut visit: impl FnMut(u32, &'a Section)) {
    let mut order = 0;
    let mut stack: Vec<std::slice::Iter<'a, Section>> = vec![report.sections.iter()];
    while let Some(level) = stack.last_mut() {
        match level.next() {
            Some(section) => {
                visit(order, section);
                order += 1;
                stack.push(section.sections.iter());
            }
            None => {
                stack.pop();
            }
        }
    }
}

/// The text of a paragraph named by a hit's place.
pub fn paragraph_text(
    library: &Library,
    report: u32,
    section: u32,
    paragraph: u32,
) -> Option<&str> {
    let report = library.reports().get(report as usize)?;
    let paragraphs = if section == WHOLE_REPORT {
        &report.preamble
    } else {
        let mut found = None;
        for_each_section(report, |order, s| {
            if order == section {
                found = Some(&s.paragraphs);
            }
        });
        found?
    };
    paragraphs.get(paragraph as usize).map(String::as_str)
}

/// A piece of a paragraph around a hit, cut to fit a width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Where the hit sits in `text`, in bytes.
    pub hit: Range<usize>,
}

/// Cut `text` around the byte range `hit` to at most `width` cells, with
/// "…" where it was cut; about a third of the room goes before the hit. A
/// hit wider than `width` is returned whole: the caller truncates.
pub fn snippet(text: &str, hit: Range<usize>, width: usize, widths: Widths) -> Snippet {
    let valid = hit.start <= hit.end
        && hit.end <= text.len()
        && text.is_char_boundary(hit.start)
        && text.is_char_boundary(hit.end);
    if !valid {
        return Snippet {
            text: String::new(),
            hit: 0..0,
        };
    }
    let ellipsis = widths.char(ELLIPSIS);
    let (mut start, mut end) = (hit.start, hit.end);
    let mut used = widths.str(&text[hit.clone()]);
    // Whether `w` more cells fit, the text being cut at `start`..`end`.
    let fits = |used: usize, w: usize, start: usize, end: usize| {
        let marks = ellipsis * (usize::from(start > 0) + usize::from(end < text.len()));
        used + w + marks <= width
    };
    let before_share = width.saturating_sub(used) / 3;
    let mut before_used = 0;
    for (at, c) in text[..start].char_indices().rev() {
        let w = widths.char(c);
        if before_used + w > before_share || !fits(used, w, at, end) {
            break;
        }
        (used, before_used, start) = (used + w, before_used + w, at);
    }
    for c in text[end..].chars() {
        let w = widths.char(c);
        let next = end + c.len_utf8();
        if !fits(used, w, start, next) {
            break;
        }
        (used, end) = (used + w, next);
    }
    // Room left when the text ran out after the hit goes back before it.
    for (at, c) in text[..start].char_indices().rev() {
        let w = widths.char(c);
        if !fits(used, w, at, end) {
            break;
        }
        (used, start) = (used + w, at);
    }
    // After the "…", no closing punctuation (避头尾): drop it.
    while start > 0 && start < hit.start {
        match text[start..].chars().next() {
            Some(c) if is_closer(c) => start += c.len_utf8(),
            _ => break,
        }
    }
    if !fits(used, 0, start, end) {
        // Not even the marks fit beside the hit: the hit alone.
        return Snippet {
            text: text[hit.clone()].to_string(),
            hit: 0..hit.len(),
        };
    }
    let mut out = String::new();
    if start > 0 {
        out.push(ELLIPSIS);
    }
    let hit_start = out.len() + hit.start - start;
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push(ELLIPSIS);
    }
    Snippet {
        text: out,
        hit: hit_start..hit_start + hit.len(),
    }
}

const ELLIPSIS: char = '\u{2026}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_full_width_mark_has_its_ascii_form_and_nothing_else_does() {
        for ascii in (0x21u8..=0x7E).filter(u8::is_ascii_punctuation) {
            let full = std::str::from_utf8(&full_width(ascii))
                .expect("a full-width form is UTF-8")
                .chars()
                .next()
                .expect("one character");
            assert_eq!(u32::from(full), 0xFEE0 + u32::from(ascii));
            assert_eq!(half_width(full), char::from(ascii));
        }
        // Full-width letters and digits, and marks outside the block, stay.
        for c in [
            'Ａ', 'ｚ', '１', '。', '、', '“', '\u{FF5F}', '\u{FF00}', ',', '中',
        ] {
            assert_eq!(half_width(c), c);
        }
    }

    /// (offset, len) of every hit of `query` in `text`.
    fn hits(query: &str, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let query = TextQuery::new(query).expect("a query");
        query.find_in(text, |at, len| found.push((at, len)));
        found
    }

    #[test]
    fn a_mark_finds_both_widths_with_the_length_as_written() {
        let text = "甲,乙，丙(丁)（戊）";
        for query in [",", "，"] {
            assert_eq!(hits(query, text), [(3, 1), (7, 3)], "{query}");
        }
        assert_eq!(hits("(丁)", text), [(13, 5)]);
        assert_eq!(hits("（丁）", text), [(13, 5)]);
        assert_eq!(hits("(戊)", text), [(18, 9)]);
        assert_eq!(hits("乙,丙", text), [(4, 9)]);
        assert_eq!(hits("乙，丙(", text), [(4, 10)]);
        assert_eq!(hits(")（", text), [(17, 4)]);
        for (at, len) in hits("，", text) {
            assert!(text.is_char_boundary(at) && text.is_char_boundary(at + len));
        }
    }

    #[test]
    fn letters_and_marks_mix_and_the_rest_is_exact() {
        let text = "GDP增长6.5%，Gdp：好; gdp;";
        assert_eq!(hits("gdp;", text), [(27, 4)]);
        assert_eq!(hits("GDP：", text), [(16, 6)]);
        assert_eq!(hits("GDP；", text), [(27, 4)]);
        assert_eq!(hits("6．5％", text), [(9, 4)]);
        assert_eq!(hits("%,g", text), [(12, 5)]);
        // A full-width letter is not its ASCII form.
        assert!(hits("ＧＤＰ", text).is_empty());
        assert!(hits("增长6.5%。", text).is_empty());
    }
}
