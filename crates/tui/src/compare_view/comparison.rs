//! Two reports compared, laid out for the compare view: the entries of
//! the alignment in reading order, each side's heading and paragraphs
//! wrapped in its column with shared text underlined, the two sides padded
//! to one height so they scroll together, and the changed figures after.

use super::{GUTTER, text};
use crate::shelf::report_title;
use crate::theme::Theme;
use baogao_compare::{align, shared_text};
use baogao_i18n::t;
use baogao_layout::{
    Widths, full_width_marks, full_width_punctuation, shown_offset, with_full_width, wrap_cjk,
};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use ratatui::style::{Modifier, Style};
use std::collections::HashMap;
use std::ops::Range;

/// Per (section, paragraph) of one side: the byte ranges shared with the
/// other report.
type SharedSpans = HashMap<(SectionPath, usize), Vec<Range<usize>>>;

/// One row of a column: text and the byte ranges drawn in their own style.
#[derive(Debug, Clone, Default)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) spans: Vec<(Range<usize>, Style)>,
    pub(super) style: Style,
}

/// One row of the view: both sides, or one row across (the figures).
#[derive(Debug, Clone)]
pub(super) enum Row {
    Sides(Cell, Cell),
    Across(Cell),
}

/// A unit of the view: a section of each side (either may be missing).
#[derive(Debug, Clone)]
struct Entry {
    left: Option<SectionPath>,
    right: Option<SectionPath>,
    similarity: Option<f32>,
    part: bool,
}

/// Which side shows on a narrow screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Left,
    Right,
}

/// Two reports compared, laid out for one width.
#[derive(Debug)]
pub(super) struct Comparison {
    pub(super) right: usize,
    entries: Vec<Entry>,
    /// Per side: (section, paragraph) → shared byte ranges.
    shared: [SharedSpans; 2],
    /// (indicator, before, after) as said.
    changes: Vec<(String, String, String)>,
    pub(super) rows: Vec<Row>,
    /// The (width, both sides) the rows are laid out for.
    pub(super) laid_for: Option<(usize, bool)>,
    pub(super) side: Side,
    pub(super) scroll: usize,
    /// The row each entry starts at, as laid out.
    pub(super) entry_rows: Vec<usize>,
    /// The entry to bring back to the top after the next lay-out (a swap
    /// of sides changes the rows' heights).
    pub(super) keep: Option<usize>,
    /// Marks between Chinese characters shown full-width, as the reader
    /// shows them.
    full_width: bool,
}

/// A figure as said in the list: its value (a range as low-high) and unit.
fn figure_said(figure: Option<&baogao_figures::Figure>) -> String {
    figure.map_or_else(
        || t(text::ABSENT).to_string(),
        |f| {
            let value = match f.value_max {
                Some(max) => format!("{}-{}", f.value, max),
                None => f.value.to_string(),
            };
            format!("{value}{}", f.unit)
        },
    )
}

impl Comparison {
    pub(super) fn new(
        library: &Library,
        left: usize,
        right: usize,
        full_width: bool,
    ) -> Option<Comparison> {
        let (a, b) = (library.reports().get(left)?, library.reports().get(right)?);
        let alignment = align(a, b);
        let order = |report: &Report| -> HashMap<SectionPath, usize> {
            report
                .outline()
                .enumerate()
                .map(|(i, (path, _))| (path, i + 1))
                .collect()
        };
        let (left_order, right_order) = (order(a), order(b));
        let mut entries: Vec<(usize, Entry)> = alignment
            .pairs
            .iter()
            .map(|pair| {
                (
                    left_order.get(&pair.left).copied().unwrap_or(usize::MAX),
                    Entry {
                        left: Some(pair.left.clone()),
                        right: Some(pair.right.clone()),
                        similarity: Some(pair.similarity),
                        part: pair.part,
                    },
                )
            })
            .chain(alignment.left_only.iter().map(|path| {
                (
                    left_order.get(path).copied().unwrap_or(usize::MAX),
                    Entry {
                        left: Some(path.clone()),
                        right: None,
                        similarity: None,
                        part: false,
                    },
                )
            }))
            .collect();
        entries.sort_by_key(|(at, _)| *at);
        let mut entries: Vec<Entry> = entries.into_iter().map(|(_, entry)| entry).collect();
        // A right section with no partner goes after the last entry whose
        // right side comes before it, so each column stays in its order.
        for path in &alignment.right_only {
            let at = right_order.get(path).copied().unwrap_or(usize::MAX);
            let after = entries.iter().rposition(|entry| {
                entry
                    .right
                    .as_ref()
                    .and_then(|r| right_order.get(r))
                    .is_some_and(|&r| r < at)
            });
            let entry = Entry {
                left: None,
                right: Some(path.clone()),
                similarity: None,
                part: false,
            };
            entries.insert(after.map_or(0, |i| i + 1), entry);
        }
        if !a.preamble.is_empty() || !b.preamble.is_empty() {
            entries.insert(
                0,
                Entry {
                    left: Some(SectionPath::front()),
                    right: Some(SectionPath::front()),
                    similarity: None,
                    part: false,
                },
            );
        }
        let mut shared: [SharedSpans; 2] = Default::default();
        for found in shared_text(a, b) {
            for (side, at) in [(0, &found.left), (1, &found.right)] {
                shared[side]
                    .entry((at.path.clone(), at.paragraph))
                    .or_default()
                    .push(at.start..at.end);
            }
        }
        for ranges in shared.iter_mut().flat_map(HashMap::values_mut) {
            ranges.sort_by_key(|r| (r.start, r.end));
        }
        let changes = baogao_figures::changes(a, b)
            .into_iter()
            .map(|c| {
                (
                    c.indicator,
                    figure_said(c.before.as_ref()),
                    figure_said(c.after.as_ref()),
                )
            })
            .collect();
        Some(Comparison {
            right,
            entries,
            shared,
            changes,
            rows: Vec::new(),
            laid_for: None,
            side: Side::Left,
            scroll: 0,
            entry_rows: Vec::new(),
            keep: None,
            full_width,
        })
    }

    /// Lay the rows out for columns of `width` cells, both sides or one.
    pub(super) fn lay_out(
        &mut self,
        a: &Report,
        b: &Report,
        width: usize,
        both: bool,
        theme: &Theme,
        widths: Widths,
    ) {
        if self.laid_for == Some((width, both)) {
            return;
        }
        let column = if both {
            width.saturating_sub(GUTTER) / 2
        } else {
            width
        }
        .max(4);
        let mut rows = Vec::new();
        let mut entry_rows = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            entry_rows.push(rows.len());
            // One side shown: a section only the other side has is nothing
            // to read here (that side shows it as having no partner), and a
            // column of `—` would hide the text there is.
            let shown = match self.side {
                Side::Left => &entry.left,
                Side::Right => &entry.right,
            };
            if !both && shown.is_none() {
                continue;
            }
            let meta = |own: &Option<SectionPath>, other: &Option<SectionPath>| -> Cell {
                let said = match (own, other, entry.similarity) {
                    (Some(_), Some(_), Some(s)) if entry.part => {
                        format!("{} {s:.2} \u{B7} {}", t(text::MATCH), t(text::PART))
                    }
                    (Some(_), Some(_), Some(s)) => format!("{} {s:.2}", t(text::MATCH)),
                    (Some(p), Some(_), None) if p.0.is_empty() => t(text::FRONT).to_string(),
                    (Some(_), None, _) => t(text::NO_PARTNER).to_string(),
                    (None, ..) => t(text::ABSENT).to_string(),
                    _ => String::new(),
                };
                Cell {
                    text: said,
                    spans: Vec::new(),
                    style: theme.dim,
                }
            };
            let left = self.column_cells(0, a, entry.left.as_ref(), column, theme, widths);
            let right = self.column_cells(1, b, entry.right.as_ref(), column, theme, widths);
            let (mut left, mut right) = (
                std::iter::once(meta(&entry.left, &entry.right))
                    .chain(left)
                    .collect::<Vec<_>>(),
                std::iter::once(meta(&entry.right, &entry.left))
                    .chain(right)
                    .collect::<Vec<_>>(),
            );
            if both {
                let height = left.len().max(right.len());
                left.resize(height, Cell::default());
                right.resize(height, Cell::default());
                rows.extend(left.into_iter().zip(right).map(|(l, r)| Row::Sides(l, r)));
            } else {
                // One side shows: its rows, the other's kept for a swap.
                let height = match self.side {
                    Side::Left => left.len(),
                    Side::Right => right.len(),
                };
                left.resize(height, Cell::default());
                right.resize(height, Cell::default());
                rows.extend(left.into_iter().zip(right).map(|(l, r)| Row::Sides(l, r)));
            }
            rows.push(Row::Sides(Cell::default(), Cell::default()));
        }
        let across = |text: String, style: Style| {
            Row::Across(Cell {
                text,
                spans: Vec::new(),
                style,
            })
        };
        rows.push(across(
            format!("{} ({})", t(text::CHANGED_FIGURES), self.changes.len()),
            theme.heading_top,
        ));
        if self.changes.is_empty() {
            rows.push(across(t(text::NO_CHANGES).to_string(), theme.dim));
        }
        for (indicator, before, after) in &self.changes {
            let line = format!("{indicator}: {before} \u{2192} {after}");
            for wrapped in wrap_cjk(&line, width, 2, widths) {
                let indent = " ".repeat(wrapped.indent);
                rows.push(across(
                    format!("{indent}{}", wrapped.text(&line)),
                    theme.text,
                ));
            }
        }
        self.rows = rows;
        self.laid_for = Some((width, both));
        if let Some(entry) = self.keep.take() {
            self.scroll = entry_rows.get(entry).copied().unwrap_or(0);
        }
        self.entry_rows = entry_rows;
        self.scroll = self.scroll.min(self.rows.len().saturating_sub(1));
    }

    /// The rows of one side's section: its heading, then its own paragraphs
    /// (subsections are entries of their own), shared text underlined.
    fn column_cells(
        &self,
        side: usize,
        report: &Report,
        path: Option<&SectionPath>,
        width: usize,
        theme: &Theme,
        widths: Widths,
    ) -> Vec<Cell> {
        let Some(path) = path else {
            return Vec::new();
        };
        let (heading, paragraphs, style) = if path.0.is_empty() {
            (report_title(report), &report.preamble, theme.title)
        } else {
            match report.section(path) {
                Some(section) => (
                    section.heading.as_str(),
                    &section.paragraphs,
                    theme.heading_at(path.depth()).patch(theme.text),
                ),
                None => return Vec::new(),
            }
        };
        let heading = if self.full_width {
            full_width_punctuation(heading)
        } else {
            heading.into()
        };
        let heading = heading.as_ref();
        let mut cells: Vec<Cell> = wrap_cjk(heading, width, 0, widths)
            .iter()
            .map(|line| Cell {
                text: line.text(heading).trim_end().to_string(),
                spans: Vec::new(),
                style,
            })
            .collect();
        let underline = theme.text.add_modifier(Modifier::UNDERLINED);
        for (k, paragraph) in paragraphs.iter().enumerate() {
            let marks = if self.full_width {
                full_width_marks(paragraph)
            } else {
                Vec::new()
            };
            let paragraph = with_full_width(paragraph, &marks);
            let paragraph = paragraph.as_ref();
            // Shared spans are offsets in the text as written.
            let shared: Vec<Range<usize>> = self.shared[side]
                .get(&(path.clone(), k))
                .into_iter()
                .flatten()
                .map(|r| shown_offset(&marks, r.start)..shown_offset(&marks, r.end))
                .collect();
            for line in wrap_cjk(paragraph, width, 2, widths) {
                let (start, end) = (line.start, line.end);
                let mut spans = Vec::new();
                let indent = " ".repeat(line.indent);
                for range in &shared {
                    let (s, e) = (range.start.max(start), range.end.min(end));
                    if s < e {
                        spans.push((
                            s - start + indent.len()..e - start + indent.len(),
                            underline,
                        ));
                    }
                }
                cells.push(Cell {
                    text: format!("{indent}{}", &paragraph[start..end]),
                    spans,
                    style: theme.text,
                });
            }
        }
        cells
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;

    #[test]
    fn a_report_beside_itself_is_shared_text_underlined_throughout() {
        let library = Library::from_loaded(load_bundled().reports);
        let theme = Theme::default();
        let mut view = Comparison::new(&library, 0, 0, true).expect("the report is there");
        let report = &library.reports()[0];
        view.lay_out(report, report, 117, true, &theme, Widths::default());
        let underlined = view
            .rows
            .iter()
            .filter(
                |row| matches!(row, Row::Sides(l, r) if !l.spans.is_empty() && !r.spans.is_empty()),
            )
            .count();
        assert!(underlined > 10, "{underlined} rows underlined");
        for row in &view.rows {
            if let Row::Sides(l, _) = row {
                for (range, _) in &l.spans {
                    assert!(
                        l.text.is_char_boundary(range.start) && l.text.is_char_boundary(range.end)
                    );
                }
            }
        }
    }
}
