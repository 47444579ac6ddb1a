//! n/N in the reader: going through the results of the last search, of
//! either kind. A full-text search leaves its hits (also marked in the
//! text, see `marks`); a heading search leaves the headings it listed.
//! Either way n and N open the next or previous one, round at the ends,
//! and the status bar says which one is shown.

use super::marks::HitMarks;
use super::{Anchor, ReaderPane, Target};
use crate::effect::Effect;
use baogao_i18n::{t, tf};
use baogao_report::library::Library;
use baogao_search::TextHit;
use std::sync::Arc;

/// The results n/N go through: whichever search was last used with Enter.
#[derive(Debug, Clone)]
pub(crate) enum LastSearch {
    Text(HitMarks),
    Headings(HeadingResults),
}

/// The headings a search listed, in its order (best first): where each is,
/// as a report and a section (outline order, or `WHOLE_REPORT` for the
/// report itself), and the one the reader went to.
#[derive(Debug, Clone)]
pub(crate) struct HeadingResults {
    pub(crate) places: Arc<Vec<(u32, u32)>>,
    /// False when more headings matched than were listed.
    pub(crate) complete: bool,
    pub(crate) current: usize,
}

/// What n/N go through, as the status bar names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Walked {
    Hit,
    Result,
}

impl Walked {
    pub(crate) fn word(self) -> &'static str {
        match self {
            Walked::Hit => t("walk.hit"),
            Walked::Result => t("walk.result"),
        }
    }
}

/// Where the reader is among the last search's results, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HitPosition {
    pub(crate) walked: Walked,
    /// The current result's number, from 1.
    pub(crate) current: usize,
    pub(crate) count: usize,
    /// False when there are more results than were kept.
    pub(crate) complete: bool,
}

impl LastSearch {
    fn len(&self) -> usize {
        match self {
            LastSearch::Text(marks) => marks.hits.len(),
            LastSearch::Headings(results) => results.places.len(),
        }
    }

    fn current_mut(&mut self) -> &mut usize {
        match self {
            LastSearch::Text(marks) => &mut marks.current,
            LastSearch::Headings(results) => &mut results.current,
        }
    }
}

impl<'a> ReaderPane<'a> {
    /// What n/N go through from now on (or nothing); full-text hits are
    /// marked wherever the reader goes.
    pub(crate) fn set_last_search(&mut self, last: Option<LastSearch>) {
        self.last = last;
        self.rebuild_marks();
    }

    /// Where the reader is among the last search's results, if it has any.
    pub(crate) fn hit_position(&self) -> Option<HitPosition> {
        let last = self.last.as_ref()?;
        let (walked, current, complete) = match last {
            LastSearch::Text(marks) => (Walked::Hit, marks.current, marks.complete),
            LastSearch::Headings(results) => (Walked::Result, results.current, results.complete),
        };
        Some(HitPosition {
            walked,
            current: current + 1,
            count: last.len(),
            complete,
        })
    }

    /// Go to the next (or previous) result of the last search, across
    /// sections and reports, round at the end; with none, say how to get
    /// some.
    pub(crate) fn step_hit(&mut self, library: &'a Library, forward: bool) -> Effect {
        let Some(last) = self.last.as_mut().filter(|last| last.len() > 0) else {
            return Effect::Notice(t("notice.nothing_to_repeat").to_string());
        };
        let count = last.len();
        let word = match last {
            LastSearch::Text(_) => Walked::Hit,
            LastSearch::Headings(_) => Walked::Result,
        }
        .word();
        let current = last.current_mut();
        let wrapped = if forward {
            *current + 1 == count
        } else {
            *current == 0
        };
        *current = if forward {
            (*current + 1) % count
        } else {
            (*current + count - 1) % count
        };
        // Going round the end says so: the reader is back where it began.
        self.note = (wrapped && count > 1).then(|| {
            let key = if forward {
                "notice.wrapped_first"
            } else {
                "notice.wrapped_last"
            };
            tf(key, &[("what", &word)])
        });
        self.go_to_current_hit(library);
        Effect::SteppedHit
    }

    /// What the last step said about an edge (wrapped round), once.
    pub(crate) fn take_note(&mut self) -> Option<String> {
        self.note.take()
    }

    /// Show the current result: a hit's report with the line holding it a
    /// few lines from the top, every hit marked; a heading's section.
    pub(crate) fn go_to_current_hit(&mut self, library: &'a Library) {
        match &self.last {
            Some(LastSearch::Text(marks)) => {
                let Some(hit) = marks.hits.get(marks.current).copied() else {
                    return;
                };
                self.go_to_hit(library, &hit);
                // Opening the same report keeps its marks: the current one moved.
                self.rebuild_marks();
            }
            Some(LastSearch::Headings(results)) => {
                let Some(&(report, section)) = results.places.get(results.current) else {
                    return;
                };
                let Some(found) = library.reports().get(report as usize) else {
                    return;
                };
                let path = baogao_search::section_path(found, section);
                self.open(library, report as usize, &path);
            }
            None => {}
        }
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
            let offset = self
                .document
                .as_ref()
                .map_or(0, |doc| doc.shown_offset(block, hit.offset as usize));
            self.pending = Some(Target::Hit(Anchor { block, offset }));
            self.apply_pending();
        }
    }
}
