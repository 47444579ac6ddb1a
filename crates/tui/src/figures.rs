//! The figures layer (`f` in the reader): the key figures of the report
//! being read, or of the section being read (Tab), in a table sortable by
//! position, indicator or value (`s`); Enter reads the selected figure's
//! sentence. `c` draws the selected indicator over the township's years
//! as a bar chart with a table beside it, `v` across the townships of the
//! county in the report's year. Figures are computed here, when the layer
//! opens (about a millisecond a report), never at load.

use super::effect::Effect;
use super::keymap::Action;
use super::paint::{fill, put_str};
use super::theme::Theme;
use crate::position::ReadingPosition;
use crate::selection;
use baogao_figures::{Located, find, of_report};
use baogao_i18n::t;
use baogao_layout::{Widths, truncate, wrap_cjk};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

/// Every word this layer shows, in one place, for the string catalogue.
pub(crate) mod text {
    pub(crate) const TITLE: &str = "Figures";
    pub(crate) const TITLE_YEARS: &str = "Figures · over the years";
    pub(crate) const TITLE_COUNTY: &str = "Figures · across the county";
    pub(crate) const WHOLE_REPORT: &str = "whole report";
    pub(crate) const THIS_SECTION: &str = "this section";
    pub(crate) const SORTED_BY: &str = "sorted by";
    pub(crate) const BY_POSITION: &str = "position";
    pub(crate) const BY_INDICATOR: &str = "indicator";
    pub(crate) const BY_VALUE: &str = "value";
    pub(crate) const NONE_HERE: &str = "No figures here.";
    pub(crate) const ONE_YEAR: &str = "Only one year of this township has this figure:";
    pub(crate) const ONE_TOWNSHIP: &str = "Only this township of the county has this figure in";
    pub(crate) const NO_COUNTY: &str = "The report names no county.";
    pub(crate) const BACK: &str = "Esc: back to the list";
    pub(crate) const YEAR: &str = "year";
    pub(crate) const TOWNSHIP: &str = "township";
    pub(crate) const FIGURES: &str = "figures";
    pub(crate) const UNKNOWN: &str = "?";
    pub(crate) const MARKED: &str = "figures: marked in the text";
    pub(crate) const NOT_MARKED: &str = "figures: not marked";
}

/// How the list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SortBy {
    Position,
    Indicator,
    Value,
}

/// What the layer shows: the list, or one indicator across reports.
#[derive(Debug, Clone, PartialEq)]
enum View {
    List,
    Series(Series),
}

/// One indicator across reports: over a township's years, or across a
/// county's townships in one year.
#[derive(Debug, Clone, PartialEq)]
struct Series {
    title: &'static str,
    indicator: String,
    unit: String,
    /// (label, value in `unit`) in order.
    points: Vec<(String, f64)>,
    /// Said instead of a chart when there is one point or none.
    note: Option<String>,
}

/// The layer's state.
#[derive(Debug)]
pub(crate) struct FiguresLayer {
    report: usize,
    report_id: String,
    section: SectionPath,
    all: Vec<Located>,
    /// Indexes into `all`: the ones shown, in the order shown.
    shown: Vec<usize>,
    whole_report: bool,
    sort: SortBy,
    selected: usize,
    scroll: usize,
    height: usize,
    view: View,
    theme: Theme,
    widths: Widths,
}

impl FiguresLayer {
    /// The figures of report `index`, for the section at `current`.
    pub(crate) fn new(
        index: usize,
        report: &Report,
        current: &SectionPath,
        theme: Theme,
        widths: Widths,
    ) -> Self {
        let mut layer = FiguresLayer {
            report: index,
            report_id: report.id.clone(),
            section: current.clone(),
            all: of_report(report),
            shown: Vec::new(),
            whole_report: current.depth() == 0,
            sort: SortBy::Position,
            selected: 0,
            scroll: 0,
            height: 1,
            view: View::List,
            theme,
            widths,
        };
        layer.refresh();
        layer
    }

    /// Filter and sort again, keeping the selected figure when it is still shown.
    fn refresh(&mut self) {
        let keep = self.shown.get(self.selected).copied();
        let section = &self.section.0;
        self.shown = (0..self.all.len())
            .filter(|&i| self.whole_report || self.all[i].section.0.starts_with(section))
            .collect();
        let all = &self.all;
        match self.sort {
            SortBy::Position => self.shown.sort_by_key(|&i| all[i].order),
            SortBy::Indicator => self
                .shown
                .sort_by(|&a, &b| all[a].figure.indicator.cmp(&all[b].figure.indicator)),
            SortBy::Value => self.shown.sort_by(|&a, &b| {
                all[b]
                    .figure
                    .normalised()
                    .total_cmp(&all[a].figure.normalised())
            }),
        }
        self.selected = keep
            .and_then(|k| self.shown.iter().position(|&i| i == k))
            .unwrap_or(0);
        self.scroll_to_selected();
    }

    fn scroll_to_selected(&mut self) {
        self.scroll = selection::in_view(self.selected, self.scroll, self.height);
    }

    /// Rows of figures on screen.
    pub(crate) fn resize(&mut self, rows: usize) {
        self.height = rows.max(1);
        self.scroll_to_selected();
    }

    /// Where the layer is drawn: most of the screen, at most 96 wide.
    pub(crate) fn frame(area: Rect) -> Rect {
        let width = area.width.min(96);
        let height = area.height.saturating_sub(2).max(area.height.min(6));
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    /// The report whose figures these are.
    pub(crate) fn report(&self) -> usize {
        self.report
    }

    pub(crate) fn title(&self) -> &'static str {
        match &self.view {
            View::List => t(text::TITLE),
            View::Series(series) => series.title,
        }
    }

    fn selected_figure(&self) -> Option<&Located> {
        self.shown.get(self.selected).map(|&i| &self.all[i])
    }

    pub(crate) fn act(&mut self, action: Action) -> Effect {
        if let View::Series(_) = self.view {
            if action == Action::Close {
                self.view = View::List;
            }
            return Effect::None;
        }
        match action {
            _ if let Some(moved) =
                selection::moved(self.selected, self.shown.len(), self.height, action) =>
            {
                self.selected = moved;
            }
            Action::ToggleScope => {
                self.whole_report = !self.whole_report;
                self.refresh();
            }
            Action::SortFigures => {
                self.sort = match self.sort {
                    SortBy::Position => SortBy::Indicator,
                    SortBy::Indicator => SortBy::Value,
                    SortBy::Value => SortBy::Position,
                };
                self.refresh();
            }
            Action::Close => return Effect::CloseLayer,
            _ => {}
        }
        self.scroll_to_selected();
        Effect::None
    }

    /// The reading position of the selected figure's sentence, for the app
    /// to open the reader at.
    pub(crate) fn target(&self, report: &Report) -> Option<(usize, ReadingPosition)> {
        let located = self.selected_figure()?;
        let block = located.paragraph.map_or(0, |p| p + 1);
        let written = match located.paragraph {
            Some(p) if located.section.depth() == 0 => report.preamble.get(p),
            Some(p) => report
                .section(&located.section)
                .and_then(|s| s.paragraphs.get(p)),
            None => None,
        };
        // The figure's sentence starts the screen: its byte offset.
        let offset = written.map_or(0, |text| {
            let start = text
                .find(located.figure.sentence.as_str())
                .unwrap_or_else(|| {
                    text.char_indices()
                        .nth(located.figure.start)
                        .map_or(0, |(b, _)| b)
                });
            start.min(text.len())
        });
        let position = ReadingPosition {
            report_id: self.report_id.clone(),
            section: located.section.0.clone(),
            block,
            offset,
        };
        Some((self.report, position))
    }

    /// `c`: the selected indicator over the years of this report's township.
    pub(crate) fn show_years(&mut self, library: &Library) {
        let Some(selected) = self.selected_figure().cloned() else {
            return;
        };
        let Some(report) = library.reports().get(self.report) else {
            return;
        };
        let same_place = |r: &Report| r.township == report.township && r.county == report.county;
        let mut points: Vec<(String, f64)> = Vec::new();
        for other in library.reports().iter().filter(|r| same_place(r)) {
            let label = other
                .year
                .map_or_else(|| t(text::UNKNOWN).to_string(), |y| y.to_string());
            if points.iter().any(|(l, _)| *l == label) {
                continue;
            }
            if let Some(v) = value_in(&selected, &of_report(other)) {
                points.push((label, v));
            }
        }
        points.sort_by(|a, b| a.0.cmp(&b.0));
        let note = (points.len() < 2).then(|| {
            let year = points.first().map_or(t(text::UNKNOWN), |p| p.0.as_str());
            format!("{} {year}", t(text::ONE_YEAR))
        });
        self.view = View::Series(Series {
            title: t(text::TITLE_YEARS),
            indicator: selected.figure.indicator.clone(),
            unit: selected.figure.unit.clone(),
            points,
            note,
        });
    }

    /// `v`: the selected indicator across the county's townships in this
    /// report's year.
    pub(crate) fn show_county(&mut self, library: &Library) {
        let Some(selected) = self.selected_figure().cloned() else {
            return;
        };
        let Some(report) = library.reports().get(self.report) else {
            return;
        };
        let year_label = report
            .year
            .map_or_else(|| t(text::UNKNOWN).to_string(), |y| y.to_string());
        let mut points: Vec<(String, f64)> = Vec::new();
        let note = if report.county.is_none() {
            Some(t(text::NO_COUNTY).to_string())
        } else {
            for other in library
                .reports()
                .iter()
                .filter(|r| r.county == report.county && r.year == report.year)
            {
                let label = other
                    .township
                    .clone()
                    .unwrap_or_else(|| t(text::UNKNOWN).to_string());
                if points.iter().any(|(l, _)| *l == label) {
                    continue;
                }
                if let Some(v) = value_in(&selected, &of_report(other)) {
                    points.push((label, v));
                }
            }
            (points.len() < 2).then(|| format!("{} {year_label}.", t(text::ONE_TOWNSHIP)))
        };
        self.view = View::Series(Series {
            title: t(text::TITLE_COUNTY),
            indicator: format!("{} · {year_label}", selected.figure.indicator),
            unit: selected.figure.unit.clone(),
            points,
            note,
        });
    }

    /// The summary line over the list.
    fn summary(&self) -> String {
        let scope = if self.whole_report {
            t(text::WHOLE_REPORT)
        } else {
            t(text::THIS_SECTION)
        };
        let sort = match self.sort {
            SortBy::Position => t(text::BY_POSITION),
            SortBy::Indicator => t(text::BY_INDICATOR),
            SortBy::Value => t(text::BY_VALUE),
        };
        format!(
            "{} {} · {scope} · {} {sort}",
            self.shown.len(),
            t(text::FIGURES),
            t(text::SORTED_BY)
        )
    }
}

/// The value of the figure in `figures` that matches `selected`'s
/// indicator, unit base and kind, in `selected`'s unit (万 and 亿 taken
/// into account).
fn value_in(selected: &Located, figures: &[Located]) -> Option<f64> {
    let wanted = &selected.figure;
    let same: Vec<Located> = figures
        .iter()
        .filter(|l| l.figure.base_unit == wanted.base_unit && l.figure.kind == wanted.kind)
        .cloned()
        .collect();
    let hit = find(&same, &wanted.indicator)?;
    Some(hit.figure.normalised() / wanted.scale)
}

/// A figure's value with its unit and qualifier where the text puts it:
/// 约26500 平方米, 1000多 个, 99.8 %以上.
fn written_value(f: &baogao_figures::Figure) -> String {
    let value = match f.value_max {
        Some(max) => format!("{}-{}", number(f.value), number(max)),
        None => number(f.value),
    };
    match f.qualifier.as_deref() {
        Some(q @ ("余" | "多")) => format!("{value}{q} {}", f.unit),
        Some(q @ ("以上" | "以下" | "左右")) => format!("{value} {}{q}", f.unit),
        Some(q) => format!("{q}{value} {}", f.unit),
        None => format!("{value} {}", f.unit),
    }
}

/// A value as the table writes it: no trailing zeros, at most two decimals.
fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Widget for &FiguresLayer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 {
            return;
        }
        match &self.view {
            View::List => self.render_list(area, buf),
            View::Series(series) => self.render_series(series, area, buf),
        }
    }
}

impl FiguresLayer {
    fn render_list(&self, area: Rect, buf: &mut Buffer) {
        let (theme, widths) = (&self.theme, self.widths);
        let width = area.width as usize;
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            &truncate(&self.summary(), width, widths),
            theme.dim,
            widths,
        );
        if self.shown.is_empty() {
            put_str(
                buf,
                area.x,
                area.y + 2,
                area.right(),
                t(text::NONE_HERE),
                theme.text,
                widths,
            );
            return;
        }
        for (y, (row, &i)) in (area.y + 2..area.bottom()).zip(
            self.shown
                .iter()
                .enumerate()
                .skip(self.scroll)
                .take(self.height),
        ) {
            let f = &self.all[i].figure;
            let value = written_value(f);
            let value_width = widths.str(&value).min(width / 2);
            let room = width.saturating_sub(value_width + 2);
            let indicator = truncate(&f.indicator, room, widths);
            let selected = row == self.selected;
            let style = if selected { theme.selected } else { theme.text };
            if selected {
                fill(buf, area.x, y, area.right(), style);
            }
            put_str(buf, area.x, y, area.right(), &indicator, style, widths);
            let x = area.right().saturating_sub(value_width as u16);
            put_str(
                buf,
                x,
                y,
                area.right(),
                &value,
                if selected { style } else { theme.key },
                widths,
            );
        }
    }

    fn render_series(&self, series: &Series, area: Rect, buf: &mut Buffer) {
        let (theme, widths) = (&self.theme, self.widths);
        let width = area.width as usize;
        let head = format!("{} ({})", series.indicator, series.unit);
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            &truncate(&head, width, widths),
            theme.title,
            widths,
        );
        put_str(
            buf,
            area.x,
            area.bottom() - 1,
            area.right(),
            &truncate(t(text::BACK), width, widths),
            theme.dim,
            widths,
        );
        let body = Rect::new(
            area.x,
            area.y + 2,
            area.width,
            area.height.saturating_sub(3),
        );
        if body.height == 0 {
            return;
        }
        let table_width = series
            .points
            .iter()
            .map(|(label, v)| widths.str(label) + widths.str(&number(*v)) + 3)
            .max()
            .unwrap_or(0)
            .max(widths.str(t(text::TOWNSHIP)) + 8) as u16;
        let chart_room =
            series.note.is_none() && area.width >= table_width + 24 && body.height >= 5;
        let [chart, table] = if chart_room {
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(table_width + 2)])
                .areas(body)
        } else {
            [Rect::new(body.x, body.y, 0, 0), body]
        };
        // The table: label and value, one a row.
        let mut y = table.y;
        let x = table.x + u16::from(chart_room) * 2;
        if let Some(note) = &series.note {
            // The note wraps: at 50 columns it takes two rows.
            for line in wrap_cjk(note, width, 0, widths) {
                let part = &note[line.start..line.end];
                put_str(buf, table.x, y, table.right(), part, theme.notice, widths);
                y += 1;
            }
            y += 1;
        }
        let label_head = if series.title == t(text::TITLE_YEARS) {
            t(text::YEAR)
        } else {
            t(text::TOWNSHIP)
        };
        put_str(buf, x, y, table.right(), label_head, theme.dim, widths);
        y += 1;
        for (label, v) in &series.points {
            if y >= table.bottom() {
                break;
            }
            let value = number(*v);
            put_str(buf, x, y, table.right(), label, theme.text, widths);
            let vx = table.right().saturating_sub(widths.str(&value) as u16);
            put_str(buf, vx.max(x), y, table.right(), &value, theme.key, widths);
            y += 1;
        }
        if chart_room {
            self.render_bars(series, chart, buf);
        }
    }

    fn render_bars(&self, series: &Series, area: Rect, buf: &mut Buffer) {
        let label_width = series
            .points
            .iter()
            .map(|(l, _)| self.widths.str(l))
            .max()
            .unwrap_or(4)
            .max(4);
        // Bars hold whole numbers: scale so two decimals survive.
        let bars: Vec<Bar> = series
            .points
            .iter()
            .map(|(label, v)| {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let scaled = (v.max(0.0) * 100.0).round() as u64;
                Bar::default()
                    .value(scaled)
                    .label(label.clone())
                    .text_value(String::new())
                    .style(self.theme.text)
            })
            .collect();
        let chart = BarChart::default()
            .data(BarGroup::default().bars(&bars))
            .bar_width(u16::try_from(label_width).unwrap_or(4))
            .bar_gap(1)
            .bar_style(self.theme.text)
            .label_style(self.theme.dim);
        chart.render(area, buf);
    }
}
