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

mod comparison;

use super::effect::Effect;
use super::keymap::Action;
use super::paint::{fill, put_spans, put_str};
use super::theme::Theme;
use crate::selection;
use crate::shelf::{county_of, report_title, township_label, year_label};
use baogao_i18n::t;
use baogao_layout::{Widths, full_width_punctuation, truncate};
use baogao_report::library::Library;
use baogao_report::model::Report;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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

use comparison::{Cell, Comparison, Row, Side};

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
            Stage::Partners => format!("{} {left}", t(text::PARTNERS)),
            Stage::View(view) => {
                let right = reports
                    .get(view.right)
                    .map(place_and_year)
                    .unwrap_or_default();
                if screen_width >= SIDE_BY_SIDE {
                    format!("{} \u{B7} {left} \u{21C4} {right}", t(text::TITLE))
                } else {
                    let shown = match view.side {
                        Side::Left => left,
                        Side::Right => right,
                    };
                    let n = if view.side == Side::Left { 1 } else { 2 };
                    format!("{} {n}/2 \u{B7} {shown}", t(text::TITLE))
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
        self.offset = selection::in_view(self.selected, self.offset, self.height);
    }

    /// Move, open a partner, swap sides, or close.
    pub(crate) fn act(&mut self, library: &Library, action: Action) -> Effect {
        let page = self.height.max(1);
        let (left, theme, widths) = (self.left, self.theme, self.widths);
        match &mut self.stage {
            Stage::Partners => {
                match action {
                    _ if let Some(moved) =
                        selection::moved(self.selected, self.partners.len(), page, action) =>
                    {
                        self.selected = moved;
                    }
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
                    &truncate(t(text::SHARED), usize::from(area.width), widths),
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
                t(text::NO_PARTNERS),
                theme.dim,
                widths,
            );
            return;
        }
        let order = truncate(t(text::ORDER), width, widths);
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
            // The title as the reader shows it.
            let title = if self.full_width {
                full_width_punctuation(report_title(report))
            } else {
                report_title(report).into()
            };
            let line = format!("{}  {title}", place_and_year(report));
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
