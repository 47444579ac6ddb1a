//! Full-text search: every occurrence of a substring in the paragraphs of
//! every report (the preamble and each section's own paragraphs).
//!
//! Matching is on bytes with memchr's `memmem`, which is exact for UTF-8: a
//! Chinese query can only match whole characters. Latin letters match
//! without regard to case (ASCII folding keeps byte offsets, so a hit's
//! offset is valid in the original text). Hits carry the paragraph's place,
//! not a copy of it; [`snippet`] cuts the text around a hit for display.

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
}

/// A full-text query: the needle, folded for Latin letters.
#[derive(Debug)]
pub(crate) struct TextQuery {
    needle: Vec<u8>,
    /// The needle up to its first ASCII letter, found exactly (`memmem`);
    /// the rest is compared without regard to case.
    exact: Finder<'static>,
    exact_len: usize,
    /// The needle's characters, to skip paragraphs that lack one.
    chars: CharSet,
}

impl TextQuery {
    /// `None` for an empty or all-space query. Leading and trailing spaces
    /// are dropped; inner ones are part of the substring.
    pub(crate) fn new(query: &str) -> Option<TextQuery> {
        let folded = query.trim().to_ascii_lowercase();
        if folded.is_empty() {
            return None;
        }
        let chars = CharSet::of(&folded);
        let needle = folded.into_bytes();
        let exact_len = needle
            .iter()
            .position(u8::is_ascii_lowercase)
            .unwrap_or(needle.len());
        let exact = Finder::new(&needle[..exact_len]).into_owned();
        Some(TextQuery {
            needle,
            exact,
            exact_len,
            chars,
        })
    }

    /// Every occurrence in `text`, as byte offsets, not overlapping.
    fn find_in(&self, text: &str, mut found: impl FnMut(usize)) {
        let haystack = text.as_bytes();
        let n = self.needle.len();
        let mut from = 0;
        while from + n <= haystack.len() {
            let Some(at) = self.candidate(&haystack[from..]) else {
                return;
            };
            let at = from + at;
            let rest = self.exact_len..n;
            if at + n <= haystack.len()
                && haystack[at + rest.start..at + n].eq_ignore_ascii_case(&self.needle[rest])
            {
                found(at);
                from = at + n;
            } else {
                from = at + 1;
            }
        }
    }

    /// Where the needle may start: its exact part, or (when it starts with
    /// a letter) that letter in either case.
    fn candidate(&self, haystack: &[u8]) -> Option<usize> {
        if self.exact_len > 0 {
            self.exact.find(haystack)
        } else {
            let lower = self.needle[0];
            memchr::memchr2(lower, lower.to_ascii_uppercase(), haystack)
        }
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
                    self.find_in(paragraph.text, |offset| {
                        hits.push(TextHit {
                            report: paragraph.report,
                            section: paragraph.section,
                            paragraph: paragraph.index,
                            offset: offset as u32,
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
                self.find_in(text, |offset| {
                    hits.push(TextHit {
                        report: report_index,
                        section,
                        paragraph: paragraph as u32,
                        offset: offset as u32,
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
