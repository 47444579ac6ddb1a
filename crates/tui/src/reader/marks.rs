//! Full-text hits in the reader: which stretches of the report shown are
//! marked (rebuilt when the hits or the report change, never while
//! drawing) and the marks on one screen line. Going from hit to hit is in
//! `walk`.

use super::ReaderPane;
use super::walk::LastSearch;
use baogao_search::TextHit;
use std::ops::Range;
use std::sync::Arc;

/// Full-text hits to mark in the text and step through with n/N: all of
/// them (in library order) or, when `complete` is false, the first
/// [`baogao_search::MAX_TEXT_HITS`] (each knows its own length: a
/// punctuation mark may stand in the other width than the query's), and
/// the one the reader went to.
#[derive(Debug, Clone)]
pub(crate) struct HitMarks {
    pub(crate) hits: Arc<Vec<TextHit>>,
    pub(crate) complete: bool,
    pub(crate) current: usize,
}

/// A marked stretch of one block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mark {
    pub(super) block: usize,
    pub(super) range: Range<usize>,
    pub(super) current: bool,
    /// A key figure (marked when figures are shown), not a search hit.
    pub(super) figure: bool,
}

impl ReaderPane<'_> {
    pub(super) fn rebuild_marks(&mut self) {
        self.marks.clear();
        if self.show_figures {
            self.mark_figures();
        }
        self.mark_hits();
        self.marks
            .sort_by_key(|mark| (mark.block, mark.range.start));
    }

    /// The key figures of the report shown, each over the span that
    /// states it (computed here, when the report opens: about a millisecond).
    fn mark_figures(&mut self) {
        let Some(document) = &self.document else {
            return;
        };
        for located in baogao_figures::of_report(document.report) {
            let Some(paragraph) = located.paragraph else {
                continue;
            };
            let Some(section) = document.section_index(&located.section) else {
                continue;
            };
            let block = document.blocks.iter().position(|b| {
                b.section == section
                    && b.kind == crate::document::BlockKind::Paragraph
                    && b.index_in_section == paragraph + 1
            });
            let written = match located.section.depth() {
                0 => document.report.preamble.get(paragraph),
                _ => document
                    .report
                    .section(&located.section)
                    .and_then(|s| s.paragraphs.get(paragraph)),
            };
            let (Some(block), Some(written)) = (block, written) else {
                continue;
            };
            // Figures count chars; marks are bytes of the text shown.
            let byte = |chars: usize| {
                written
                    .char_indices()
                    .nth(chars)
                    .map_or(written.len(), |(b, _)| b)
            };
            let start = document.shown_offset(block, byte(located.figure.start));
            let end = document.shown_offset(block, byte(located.figure.end));
            self.marks.push(Mark {
                block,
                range: start..end,
                current: false,
                figure: true,
            });
        }
    }

    fn mark_hits(&mut self) {
        let (Some(document), Some(LastSearch::Text(marks))) = (&self.document, &self.last) else {
            return;
        };
        let report = document.report_index as u32;
        let from = marks.hits.partition_point(|hit| hit.report < report);
        let to = marks.hits.partition_point(|hit| hit.report <= report);
        for (i, hit) in marks.hits[from..to].iter().enumerate() {
            if let Some(block) = document.paragraph_block(hit.section, hit.paragraph) {
                // Hits name the text as written; the marks go on the text shown.
                let start = document.shown_offset(block, hit.offset as usize);
                let end = document.shown_offset(block, (hit.offset + hit.len) as usize);
                self.marks.push(Mark {
                    block,
                    range: start..end,
                    current: marks.current == from + i,
                    figure: false,
                });
            }
        }
    }

    /// The marks on one line (`line` is a byte range of `block`), as ranges
    /// of the line's own text with their styles.
    pub(super) fn spans_in(
        &self,
        block: usize,
        line: Range<usize>,
    ) -> Vec<(Range<usize>, ratatui::style::Style)> {
        let from = self.marks.partition_point(|mark| mark.block < block);
        self.marks[from..]
            .iter()
            .take_while(|mark| mark.block == block)
            .filter(|mark| mark.range.start < line.end && mark.range.end > line.start)
            .map(|mark| {
                let start = mark.range.start.max(line.start) - line.start;
                let end = mark.range.end.min(line.end) - line.start;
                let style = if mark.figure {
                    self.theme.mark
                } else if mark.current {
                    self.theme.current_hit()
                } else {
                    self.theme.hit
                };
                (start..end, style)
            })
            .collect()
    }
}
