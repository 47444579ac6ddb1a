//! Full-text hits in the reader: which stretches of the report shown are
//! marked (rebuilt when the hits or the report change, never while
//! drawing), going to a hit, and the marks on one screen line.

use super::{Anchor, ReaderPane, Target};
use crate::effect::Effect;
use baogao_report::library::Library;
use baogao_search::TextHit;
use std::ops::Range;
use std::sync::Arc;

/// Full-text hits to mark in the text and step through with n/N: all of
/// them (in library order) or, when `complete` is false, the first
/// [`baogao_search::MAX_TEXT_HITS`]; the length of each in bytes, and the
/// one the reader went to.
#[derive(Debug, Clone)]
pub(crate) struct HitMarks {
    pub(crate) hits: Arc<Vec<TextHit>>,
    pub(crate) complete: bool,
    pub(crate) len: usize,
    pub(crate) current: usize,
}

/// Where the reader is among the hits, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HitPosition {
    /// The current hit's number, from 1.
    pub(crate) current: usize,
    pub(crate) count: usize,
    /// False when there are more hits than were kept.
    pub(crate) complete: bool,
}

/// A marked stretch of one block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mark {
    pub(super) block: usize,
    pub(super) range: Range<usize>,
    pub(super) current: bool,
}

impl<'a> ReaderPane<'a> {
    /// Mark these full-text hits (or none) wherever the reader goes.
    pub(crate) fn set_hits(&mut self, hits: Option<HitMarks>) {
        self.hits = hits;
        self.rebuild_marks();
    }

    pub(super) fn rebuild_marks(&mut self) {
        self.marks.clear();
        let (Some(document), Some(marks)) = (&self.document, &self.hits) else {
            return;
        };
        let report = document.report_index as u32;
        let from = marks.hits.partition_point(|hit| hit.report < report);
        let to = marks.hits.partition_point(|hit| hit.report <= report);
        for (i, hit) in marks.hits[from..to].iter().enumerate() {
            if let Some(block) = document.paragraph_block(hit.section, hit.paragraph) {
                let start = hit.offset as usize;
                self.marks.push(Mark {
                    block,
                    range: start..start + marks.len,
                    current: marks.current == from + i,
                });
            }
        }
        self.marks
            .sort_by_key(|mark| (mark.block, mark.range.start));
    }

    /// Where the reader is among the hits, if it has any.
    pub(crate) fn hit_position(&self) -> Option<HitPosition> {
        self.hits.as_ref().map(|h| HitPosition {
            current: h.current + 1,
            count: h.hits.len(),
            complete: h.complete,
        })
    }

    /// Go to the next (or previous) hit, across sections and reports, round
    /// at the end; with no hits, say how to get some.
    pub(crate) fn step_hit(&mut self, library: &'a Library, forward: bool) -> Effect {
        let Some(marks) = self.hits.as_mut().filter(|marks| !marks.hits.is_empty()) else {
            return Effect::Notice("no full-text hits: / then Tab searches the text".to_string());
        };
        let count = marks.hits.len();
        marks.current = if forward {
            (marks.current + 1) % count
        } else {
            (marks.current + count - 1) % count
        };
        self.go_to_current_hit(library);
        Effect::SteppedHit
    }

    /// Show the current hit: its report, with the line holding it a few
    /// lines from the top, every hit marked.
    pub(crate) fn go_to_current_hit(&mut self, library: &'a Library) {
        let Some(hit) = self
            .hits
            .as_ref()
            .and_then(|h| h.hits.get(h.current).copied())
        else {
            return;
        };
        self.go_to_hit(library, &hit);
        // Opening the same report keeps its marks: the current one moved.
        self.rebuild_marks();
    }

    fn go_to_hit(&mut self, library: &'a Library, hit: &TextHit) {
        let report = hit.report as usize;
        let Some(found) = library.reports().get(report) else {
            return;
        };
        let path = baogao_search::section_path(found, hit.section);
        self.open(library, report, &path);
        let block = self
            .document
            .as_ref()
            .and_then(|doc| doc.paragraph_block(hit.section, hit.paragraph));
        if let Some(block) = block {
            self.pending = Some(Target::Hit(Anchor {
                block,
                offset: hit.offset as usize,
            }));
            self.apply_pending();
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
                let style = if mark.current {
                    self.theme.current_hit
                } else {
                    self.theme.hit
                };
                (start..end, style)
            })
            .collect()
    }
}
