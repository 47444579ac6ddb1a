//! The line breaker: first fit in one pass over the clusters.
//!
//! 避头尾 needs no second pass: a closer has no break before it and an opener
//! none after it, so when a line overflows, breaking at the last opportunity
//! already pulls the character before a closer (or the opener) down with it.
//! Only the last opportunity of each sort is remembered, so the work per
//! cluster is constant and a 50 000-character paragraph costs one scan.
//!
//! When a character does not fit, the line ends at the last normal break
//! opportunity; failing that (a word longer than the line), at the last place
//! that keeps 避头尾, if what moves down then fits on the next line; failing
//! that, right before the character, which only a run of prohibited
//! characters wider than a line can force.

use super::cluster::{Class, Cluster, Clusters, may_break, may_force_break};
use super::{Widths, WrappedLine};

/// A place a line may end, with the running widths there (cells since the
/// start of the text) so the rest of the line can be measured without a rescan.
#[derive(Debug, Clone, Copy)]
struct BreakAt {
    position: usize,
    /// Width of everything before the break.
    total: usize,
    /// The same without the spaces right before the break.
    visible_total: usize,
}

struct LineBreaker {
    width: usize,
    lines: Vec<WrappedLine>,
    line_start: usize,
    line_start_total: usize,
    line_indent: usize,
    available: usize,
    total: usize,
    visible_total: usize,
    /// The last normal break opportunity seen.
    last_break: Option<BreakAt>,
    /// The last place a too-long word may be cut without breaking 避头尾.
    last_forced_break: Option<BreakAt>,
}

pub(super) fn wrap(
    text: &str,
    width: usize,
    first_indent: usize,
    widths: Widths,
) -> Vec<WrappedLine> {
    let width = width.max(1);
    // A pane too narrow for the indent and one Chinese character shows text instead.
    let indent = if first_indent.saturating_add(2) <= width {
        first_indent
    } else {
        0
    };
    let mut breaker = LineBreaker {
        width,
        lines: Vec::new(),
        line_start: 0,
        line_start_total: 0,
        line_indent: indent,
        available: width - indent,
        total: 0,
        visible_total: 0,
        last_break: None,
        last_forced_break: None,
    };
    let mut previous: Option<Cluster> = None;
    for cluster in Clusters::new(text, widths) {
        if let Some(before) = &previous {
            breaker.note_boundary(before, &cluster);
        }
        breaker.place(&cluster);
        previous = Some(cluster);
    }
    breaker.finish(text.len())
}

impl LineBreaker {
    fn here(&self, position: usize) -> BreakAt {
        BreakAt {
            position,
            total: self.total,
            visible_total: self.visible_total,
        }
    }

    fn note_boundary(&mut self, before: &Cluster, after: &Cluster) {
        if may_break(before, after) {
            self.last_break = Some(self.here(after.start));
            self.last_forced_break = self.last_break;
        } else if may_force_break(before, after) {
            self.last_forced_break = Some(self.here(after.start));
        }
    }

    fn place(&mut self, cluster: &Cluster) {
        if cluster.class == Class::Space {
            // Spaces hang past the edge rather than start the next line.
            self.total += cluster.width;
            return;
        }
        loop {
            let line_width = self.total - self.line_start_total;
            if line_width == 0 && cluster.width > self.available && self.available < self.width {
                // A glyph wider than two cells (an emoji sequence) does not
                // fit beside the indent: it starts the next line, which has
                // the whole width, and the indented one stays empty.
                self.end_line(self.here(cluster.start));
                continue;
            }
            if line_width == 0 || line_width + cluster.width <= self.available {
                // An empty line takes the cluster even when it is wider than
                // the whole width; the renderer clips it.
                break;
            }
            let within_line = |at: &BreakAt| at.position > self.line_start;
            if let Some(at) = self.last_break.filter(within_line) {
                self.end_line(at);
                continue;
            }
            let pulled_down_fits = |at: &BreakAt| {
                at.position == cluster.start || self.total - at.total + cluster.width <= self.width
            };
            if let Some(at) = self
                .last_forced_break
                .filter(within_line)
                .filter(pulled_down_fits)
            {
                self.end_line(at);
                continue;
            }
            // A run of closers (or an opener with what follows it) wider than
            // the line: nothing can be pulled down, so break where it stands.
            self.end_line(self.here(cluster.start));
        }
        self.total += cluster.width;
        self.visible_total = self.total;
    }

    fn end_line(&mut self, at: BreakAt) {
        self.lines.push(WrappedLine {
            start: self.line_start,
            end: at.position,
            indent: self.line_indent,
            width: at.visible_total.saturating_sub(self.line_start_total),
        });
        self.line_start = at.position;
        self.line_start_total = at.total;
        self.line_indent = 0;
        self.available = self.width;
    }

    fn finish(mut self, text_len: usize) -> Vec<WrappedLine> {
        self.end_line(self.here(text_len));
        self.lines
    }
}
