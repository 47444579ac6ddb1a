//! The compare view (`C` on a report): first a list of partners for the
//! report (the township's previous and next years, then the same year of
//! the county's other townships, then the rest), then, on Enter, the two
//! reports side by side. Sections are paired by `baogao_compare::align`,
//! each pair on the same rows with its similarity, a section with no
//! partner said to have none; the two columns scroll together. Text the two
//! reports share is underlined (it reads without colour too), and the
//! figures that changed (`baogao_figures::changes`) close the view. Under
//! [`SIDE_BY_SIDE`] columns one side shows at a time and Tab swaps.
//! Everything is computed when a partner is opened, never at load.

use super::effect::Effect;
use super::keymap::Action;
use super::paint::{fill, put_spans, put_str};
use super::theme::Theme;
use crate::shelf::{county_of, report_title, township_label, year_label};
use baogao_compare::{align, shared_text};
use baogao_layout::{
    Widths, full_width_marks, full_width_punctuation, shown_offset, truncate, with_full_width,
    wrap_cjk,
};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use std::collections::HashMap;
use std::ops::Range;

/// Every word this view shows, in one place, for the string catalogue.
pub(crate) mod text {
    pub(crate) const TITLE: &str = "Compare";
    pub(crate) const PARTNERS: &str = "Compare with…";
    pub(crate) const NO_PARTNERS: &str = "No other report to compare with.";
    pub(crate) const MATCH: &str = "match";
    pub(crate) const PART: &str = "part";
    pub(crate) const NO_PARTNER: &str = "no partner";
    pub(crate) const FRONT: &str = "front";
    pub(crate) const CHANGED_FIGURES: &str = "Changed figures";
    pub(crate) const NO_CHANGES: &str = "No figure changed.";
    pub(crate) const ABSENT: &str = "—";
    pub(crate) const SHARED: &str = "shared passages underlined";
    pub(crate) const ORDER: &str =
        "the township's other years first, then the county's townships in the same year";
}

/// Below this many screen columns one side shows at a time.
pub(crate) const SIDE_BY_SIDE: u16 = 100;
/// Columns between the two sides: a blank, a rule, a blank.
const GUTTER: usize = 3;

/// Per (section, paragraph) of one side: the byte ranges shared with the
/// other report.
type SharedSpans = HashMap<(SectionPath, usize), Vec<Range<usize>>>;

/// One row of a column: text and the byte ranges drawn in their own style.
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    spans: Vec<(Range<usize>, Style)>,
    style: Style,
}

/// One row of the view: both sides, or one row across (the figures).
#[derive(Debug, Clone)]
enum Row {
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
enum Side {
    Left,
    Right,
}

/// Two reports compared, laid out for one width.
#[derive(Debug)]
struct Comparison {
    right: usize,
    entries: Vec<Entry>,
    /// Per side: (section, paragraph) → shared byte ranges.
    shared: [SharedSpans; 2],
    /// (indicator, before, after) as said.
    changes: Vec<(String, String, String)>,
    rows: Vec<Row>,
    /// The (width, both sides) the rows are laid out for.
    laid_for: Option<(usize, bool)>,
    side: Side,
    scroll: usize,
    /// The row each entry starts at, as laid out.
    entry_rows: Vec<usize>,
    /// The entry to bring back to the top after the next lay-out (a swap
    /// of sides changes the rows' heights).
    keep: Option<usize>,
    /// Marks between Chinese characters shown full-width, as the reader
    /// shows them.
    full_width: bool,
}

/// What the layer shows.
#[derive(Debug)]
enum Stage {
    Partners,
    View(Box<Comparison>),
}

/// The compare layer's state.
#[derive(Debug)]
pub(crate) struct CompareLayer {
    left: usize,
    full_width: bool,
    partners: Vec<usize>,
    selected: usize,
    offset: usize,
    height: usize,
    stage: Stage,
    theme: Theme,
    widths: Widths,
}

/// The partners of report `left`, best first: the same township's other
/// years (the nearest first, the year before ahead of the year after),
/// then the same year of the county's other townships, then the county's
/// other years, then the rest by nearness of year.
pub(crate) fn partners(library: &Library, left: usize) -> Vec<usize> {
    let reports = library.reports();
    let Some(me) = reports.get(left) else {
        return Vec::new();
    };
    let county = county_of(me);
    let year = me.year.unwrap_or(0);
    let mut ranked: Vec<((u8, i32, bool), usize)> = reports
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != left)
        .map(|(i, other)| {
            let same_county = county.is_some() && county_of(other) == county;
            let same_township =
                same_county && other.township.is_some() && other.township == me.township;
            let distance = (other.year.unwrap_or(0) - year).abs();
            let group = match (same_township, same_county, distance == 0) {
                (true, ..) => 0,
                (false, true, true) => 1,
                (false, true, false) => 2,
                _ => 3,
            };
            ((group, distance, other.year.unwrap_or(0) > year), i)
        })
        .collect();
    ranked.sort_by_key(|&(key, i)| (key, i));
    ranked.into_iter().map(|(_, i)| i).collect()
}

/// "南麂镇 · 平阳县 · 2021": where and when a report is.
fn place_and_year(report: &Report) -> String {
    let mut parts = vec![township_label(report.township.as_deref()).to_string()];
    parts.extend(county_of(report).map(str::to_string));
    parts.push(year_label(report.year));
    parts.join(" \u{B7} ")
}

/// A figure as written: qualifier, value and unit.
fn figure_said(figure: Option<&baogao_figures::Figure>) -> String {
    figure.map_or_else(
        || text::ABSENT.to_string(),
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
    fn new(library: &Library, left: usize, right: usize, full_width: bool) -> Option<Comparison> {
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
    fn lay_out(
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
            let meta = |own: &Option<SectionPath>, other: &Option<SectionPath>| -> Cell {
                let said = match (own, other, entry.similarity) {
                    (Some(_), Some(_), Some(s)) if entry.part => {
                        format!("{} {s:.2} \u{B7} {}", text::MATCH, text::PART)
                    }
                    (Some(_), Some(_), Some(s)) => format!("{} {s:.2}", text::MATCH),
                    (Some(p), Some(_), None) if p.0.is_empty() => text::FRONT.to_string(),
                    (Some(_), None, _) => text::NO_PARTNER.to_string(),
                    (None, ..) => text::ABSENT.to_string(),
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
            format!("{} ({})", text::CHANGED_FIGURES, self.changes.len()),
            theme.heading_top,
        ));
        if self.changes.is_empty() {
            rows.push(across(text::NO_CHANGES.to_string(), theme.dim));
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

impl CompareLayer {
    /// The partner list for report `left`.
    pub(crate) fn new(
        library: &Library,
        left: usize,
        full_width: bool,
        theme: Theme,
        widths: Widths,
    ) -> CompareLayer {
        CompareLayer {
            left,
            full_width,
            partners: partners(library, left),
            selected: 0,
            offset: 0,
            height: 1,
            stage: Stage::Partners,
            theme,
            widths,
        }
    }

    /// Where the layer sits: the whole screen but the status and footer rows.
    pub(crate) fn frame(area: Rect) -> Rect {
        let below = if area.height >= 12 { 2 } else { 1 };
        Rect::new(
            area.x,
            area.y,
            area.width,
            area.height.saturating_sub(below).max(3),
        )
    }

    /// The frame's title.
    pub(crate) fn title(&self, library: &Library, screen_width: u16) -> String {
        let reports = library.reports();
        let left = reports
            .get(self.left)
            .map(place_and_year)
            .unwrap_or_default();
        match &self.stage {
            Stage::Partners => format!("{} {left}", text::PARTNERS),
            Stage::View(view) => {
                let right = reports
                    .get(view.right)
                    .map(place_and_year)
                    .unwrap_or_default();
                if screen_width >= SIDE_BY_SIDE {
                    format!("{} \u{B7} {left} \u{21C4} {right}", text::TITLE)
                } else {
                    let shown = match view.side {
                        Side::Left => left,
                        Side::Right => right,
                    };
                    let n = if view.side == Side::Left { 1 } else { 2 };
                    format!("{} {n}/2 \u{B7} {shown}", text::TITLE)
                }
            }
        }
    }

    /// Fit to the frame's inner area (the first row is a summary line).
    pub(crate) fn resize(&mut self, library: &Library, inner: Rect, screen_width: u16) {
        self.height = usize::from(inner.height.saturating_sub(1)).max(1);
        let both = screen_width >= SIDE_BY_SIDE;
        let left = self.left;
        if let Stage::View(view) = &mut self.stage {
            let reports = library.reports();
            if let (Some(a), Some(b)) = (reports.get(left), reports.get(view.right)) {
                view.lay_out(
                    a,
                    b,
                    usize::from(inner.width),
                    both,
                    &self.theme,
                    self.widths,
                );
            }
        }
        self.keep_selected_in_view();
    }

    fn keep_selected_in_view(&mut self) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.height {
            self.offset = self.selected + 1 - self.height;
        }
    }

    /// Move, open a partner, swap sides, or close.
    pub(crate) fn act(&mut self, library: &Library, action: Action) -> Effect {
        let page = self.height.max(1);
        let (left, theme, widths) = (self.left, self.theme, self.widths);
        match &mut self.stage {
            Stage::Partners => {
                let last = self.partners.len().saturating_sub(1);
                match action {
                    Action::Down => self.selected = (self.selected + 1).min(last),
                    Action::Up => self.selected = self.selected.saturating_sub(1),
                    Action::PageDown => self.selected = (self.selected + page).min(last),
                    Action::PageUp => self.selected = self.selected.saturating_sub(page),
                    Action::First => self.selected = 0,
                    Action::Last => self.selected = last,
                    Action::Open => {
                        if let Some(&right) = self.partners.get(self.selected)
                            && let Some(view) =
                                Comparison::new(library, self.left, right, self.full_width)
                        {
                            self.stage = Stage::View(Box::new(view));
                        }
                    }
                    Action::Close => return Effect::CloseLayer,
                    _ => {}
                }
                self.keep_selected_in_view();
            }
            Stage::View(view) => {
                let last = view.rows.len().saturating_sub(page);
                match action {
                    Action::Down => view.scroll = (view.scroll + 1).min(last),
                    Action::Up => view.scroll = view.scroll.saturating_sub(1),
                    Action::PageDown => view.scroll = (view.scroll + page).min(last),
                    Action::PageUp => view.scroll = view.scroll.saturating_sub(page),
                    Action::First => view.scroll = 0,
                    Action::Last => view.scroll = last,
                    Action::SwapSide => {
                        view.side = match view.side {
                            Side::Left => Side::Right,
                            Side::Right => Side::Left,
                        };
                        // Rows are as tall as the side shown: lay out again,
                        // keeping the same entry at the top.
                        view.keep = Some(
                            view.entry_rows
                                .partition_point(|&start| start <= view.scroll)
                                .saturating_sub(1),
                        );
                        let reports = library.reports();
                        if let (Some((width, both)), Some(a), Some(b)) = (
                            view.laid_for.take(),
                            reports.get(left),
                            reports.get(view.right),
                        ) {
                            view.lay_out(a, b, width, both, &theme, widths);
                        }
                    }
                    Action::Close => return Effect::CloseLayer,
                    _ => {}
                }
            }
        }
        Effect::None
    }

    /// Whether the two reports are shown (not the partner list).
    #[cfg(test)]
    pub(crate) fn comparing(&self) -> bool {
        matches!(self.stage, Stage::View(_))
    }

    /// Draw inside the frame.
    pub(crate) fn render(
        &self,
        library: &Library,
        area: Rect,
        buf: &mut Buffer,
        screen_width: u16,
    ) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let (theme, widths) = (&self.theme, self.widths);
        match &self.stage {
            Stage::Partners => self.render_partners(library, area, buf),
            Stage::View(view) => {
                put_str(
                    buf,
                    area.x,
                    area.y,
                    area.right(),
                    &truncate(text::SHARED, usize::from(area.width), widths),
                    theme.dim,
                    widths,
                );
                let both = screen_width >= SIDE_BY_SIDE;
                let column = if both {
                    (usize::from(area.width).saturating_sub(GUTTER) / 2) as u16
                } else {
                    area.width
                };
                for (y, row) in (area.y + 1..area.bottom()).zip(view.rows.iter().skip(view.scroll))
                {
                    match row {
                        Row::Across(cell) => draw_cell(buf, area.x, y, area.right(), cell, widths),
                        Row::Sides(l, r) if both => {
                            draw_cell(buf, area.x, y, area.x + column, l, widths);
                            let rule = area.x + column + 1;
                            put_str(buf, rule, y, rule + 1, "\u{2502}", theme.border, widths);
                            let x = area.x + column + GUTTER as u16;
                            draw_cell(buf, x, y, area.right(), r, widths);
                        }
                        Row::Sides(l, r) => {
                            let cell = if view.side == Side::Left { l } else { r };
                            draw_cell(buf, area.x, y, area.right(), cell, widths);
                        }
                    }
                }
            }
        }
    }

    fn render_partners(&self, library: &Library, area: Rect, buf: &mut Buffer) {
        let (theme, widths) = (&self.theme, self.widths);
        let reports = library.reports();
        let width = usize::from(area.width);
        if self.partners.is_empty() {
            put_str(
                buf,
                area.x,
                area.y,
                area.right(),
                text::NO_PARTNERS,
                theme.dim,
                widths,
            );
            return;
        }
        let order = truncate(text::ORDER, width, widths);
        put_str(buf, area.x, area.y, area.right(), &order, theme.dim, widths);
        for (y, (i, &index)) in (area.y + 1..area.bottom()).zip(
            self.partners
                .iter()
                .enumerate()
                .skip(self.offset)
                .take(self.height),
        ) {
            let Some(report) = reports.get(index) else {
                continue;
            };
            let line = format!("{}  {}", place_and_year(report), report_title(report));
            let style = if i == self.selected {
                fill(buf, area.x, y, area.right(), theme.selected);
                theme.selected
            } else {
                theme.text
            };
            put_str(
                buf,
                area.x,
                y,
                area.right(),
                &truncate(&line, width, widths),
                style,
                widths,
            );
        }
    }
}

fn draw_cell(buf: &mut Buffer, x: u16, y: u16, right: u16, cell: &Cell, widths: Widths) {
    put_spans(
        buf,
        x,
        y,
        right,
        &cell.text,
        &cell.spans,
        cell.style,
        widths,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;

    #[test]
    fn partners_put_the_township_first_then_its_county_in_the_same_year() {
        let library = Library::from_loaded(load_bundled().reports);
        for left in 0..library.len() {
            let list = partners(&library, left);
            assert_eq!(list.len(), library.len() - 1);
            let me = &library.reports()[left];
            let same = |i: usize| {
                let other = &library.reports()[i];
                county_of(other) == county_of(me) && other.township == me.township
            };
            // No report of the township comes after one that is not.
            let first_other = list.iter().position(|&i| !same(i)).unwrap_or(list.len());
            assert!(list[first_other..].iter().all(|&i| !same(i)));
        }
    }

    #[test]
    fn the_view_pairs_every_section_and_lays_out_without_a_row_past_its_column() {
        let library = Library::from_loaded(load_bundled().reports);
        let widths = Widths::default();
        let mut layer = CompareLayer::new(&library, 0, true, Theme::default(), widths);
        assert_eq!(layer.act(&library, Action::Open), Effect::None);
        assert!(layer.comparing());
        layer.resize(&library, Rect::new(0, 0, 118, 36), 120);
        let Stage::View(view) = &layer.stage else {
            panic!("the view is open");
        };
        let column = (118 - GUTTER) / 2;
        for row in &view.rows {
            if let Row::Sides(l, r) = row {
                assert!(widths.str(&l.text) <= column && widths.str(&r.text) <= column);
                for cell in [l, r] {
                    let first = cell.text.trim_start().chars().next();
                    assert!(!matches!(first, Some('，' | '。' | '、')), "{}", cell.text);
                }
            }
        }
        assert_eq!(layer.act(&library, Action::Close), Effect::CloseLayer);
    }
}

#[cfg(test)]
mod shared_marks {
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
