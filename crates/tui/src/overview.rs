//! The overview pane: what the reader's side shows when the tree's
//! selection is not a report or section, instead of the last report read.
//!
//! - the library (at start, before anything is read): counts by place, and
//!   a bar chart of reports per year;
//! - a province, city, county or the unplaced: its townships and reports,
//!   by year, and what is in it;
//! - a township: its reports by year, each with its kind, sections and
//!   length;
//! - a year: that year's reports.
//!
//! The lines are made once when the selection moves ([`OverviewPane::show`]);
//! drawing only cuts them to the width (bars are scaled to it) and never
//! changes the pane. It scrolls with the reader's keys.

use crate::effect::{Effect, OverviewOf};
use crate::keymap::Action;
use crate::paint::put_str;
use crate::shelf::{
    CHAIN, Child, Grouping, Level, Shelf, report_title, township_with_county, unplaced, year_label,
};
use crate::theme::Theme;
use baogao_i18n::{t, tf};
use baogao_layout::{AmbiguousWidth, Widths, truncate};
use baogao_report::library::Library;
use baogao_report::model::Report;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::collections::{BTreeMap, HashSet};

/// Reports or groups listed one by one before "… and N more": a year of a
/// large library holds a thousand, and the list is made at every move.
const LISTED: usize = 200;

/// Reports counted with the townships (by whole place) they are from.
#[derive(Debug, Default)]
struct Tally {
    reports: usize,
    townships: HashSet<u32>,
}

impl Tally {
    fn add(&mut self, township: Option<u32>) {
        self.reports += 1;
        self.townships.extend(township);
    }
}

/// One line of an overview.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Title(String),
    Text(String),
    Dim(String),
    /// A bar of the chart: its label, its value, the largest value of the
    /// chart, and what is said after the bar.
    Bar {
        label: String,
        value: usize,
        max: usize,
        note: String,
    },
    Blank,
}

/// The overview's state: its lines, and how far it is scrolled.
#[derive(Debug)]
pub(crate) struct OverviewPane {
    /// The frame's title and the status bar's words.
    title: String,
    status: String,
    lines: Vec<Line>,
    scroll: usize,
    height: usize,
    widths: Widths,
    theme: Theme,
}

impl OverviewPane {
    pub(crate) fn new(widths: Widths, theme: Theme) -> OverviewPane {
        OverviewPane {
            title: String::new(),
            status: String::new(),
            lines: Vec::new(),
            scroll: 0,
            height: 1,
            widths,
            theme,
        }
    }

    /// Make the overview of `of` (a group of `shelf`).
    pub(crate) fn show(&mut self, library: &Library, shelf: &Shelf, of: OverviewOf) {
        let (title, status, lines) = match of {
            OverviewOf::Group(g) if g < shelf.groups.len() => group_lines(library, shelf, g),
            _ => library_lines(library, shelf),
        };
        self.title = title;
        self.status = status;
        self.lines = lines;
        self.scroll = 0;
    }

    pub(crate) fn title(&self) -> &str {
        &self.title
    }

    /// What the status bar says of the selection.
    pub(crate) fn status(&self) -> &str {
        &self.status
    }

    /// Rows of text the pane shows at once.
    pub(crate) fn resize(&mut self, height: usize) {
        self.height = height.max(1);
        self.scroll = self.scroll.min(self.last_scroll());
    }

    fn last_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.height)
    }

    /// Scroll with the reader's keys; the last page stays full.
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        let last = self.last_scroll();
        self.scroll = match action {
            Action::Down => self.scroll + 1,
            Action::Up => self.scroll.saturating_sub(1),
            Action::PageDown => self.scroll + self.height.saturating_sub(1).max(1),
            Action::PageUp => self
                .scroll
                .saturating_sub(self.height.saturating_sub(1).max(1)),
            Action::First => 0,
            Action::Last => last,
            _ => self.scroll,
        }
        .min(last);
        Effect::None
    }

    /// The mouse wheel.
    pub(crate) fn scroll(&mut self, lines: isize) -> Effect {
        self.scroll = self
            .scroll
            .saturating_add_signed(lines)
            .min(self.last_scroll());
        Effect::None
    }

    /// Draw the lines from the scroll offset, each cut to the width.
    pub(crate) fn render(&self, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width);
        let label_width = self
            .lines
            .iter()
            .filter_map(|line| match line {
                Line::Bar { label, .. } => Some(self.widths.str(label)),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        let rows = self.lines.iter().skip(self.scroll);
        for (y, line) in (area.y + 1..area.bottom()).zip(rows) {
            let bar;
            let (text, style) = match line {
                Line::Title(text) => (text.as_str(), self.theme.title),
                Line::Text(text) => (text.as_str(), self.theme.text),
                Line::Dim(text) => (text.as_str(), self.theme.dim),
                Line::Blank => continue,
                Line::Bar {
                    label,
                    value,
                    max,
                    note,
                } => {
                    bar = self.bar(label, label_width, *value, *max, note, width);
                    (bar.as_str(), self.theme.text)
                }
            };
            // Most lines fit: cut only those that do not.
            if self.widths.str(text) <= width {
                put_str(buf, area.x, y, area.right(), text, style, self.widths);
            } else {
                let cut = truncate(text, width, self.widths);
                put_str(buf, area.x, y, area.right(), &cut, style, self.widths);
            }
        }
    }

    /// A bar of the chart, scaled so the largest fills the room the label
    /// and the note leave (at most 40 cells).
    fn bar(
        &self,
        label: &str,
        label_width: usize,
        value: usize,
        max: usize,
        note: &str,
        width: usize,
    ) -> String {
        let room = width
            .saturating_sub(label_width + 2 + self.widths.str(note) + 1)
            .min(40);
        let cells = if max == 0 {
            0
        } else {
            (value * room).div_ceil(max)
        };
        // The full block is ambiguous-width: where those are two cells,
        // draw the bar in ASCII, as the borders are.
        let block = match self.widths.ambiguous {
            AmbiguousWidth::Narrow => "\u{2588}",
            AmbiguousWidth::Wide => "#",
        };
        let pad = label_width.saturating_sub(self.widths.str(label));
        format!(
            "{label}{} {} {note}",
            " ".repeat(pad + 1),
            block.repeat(cells)
        )
    }
}

/// "1 report", "2 reports": `noun` is a catalogue key with a `.one` and a
/// `.many` form.
fn count(n: usize, noun: &str) -> String {
    let form = if n == 1 { "one" } else { "many" };
    baogao_i18n::fill(baogao_i18n::t(&format!("{noun}.{form}")), &[("n", &n)])
}

/// Characters of a report's text: its preamble, headings and paragraphs.
fn text_length(report: &Report) -> usize {
    let preamble: usize = report.preamble.iter().map(|p| p.chars().count()).sum();
    let body: usize = report
        .outline()
        .map(|(_, section)| {
            section.heading.chars().count()
                + section
                    .paragraphs
                    .iter()
                    .map(|p| p.chars().count())
                    .sum::<usize>()
        })
        .sum();
    preamble + body
}

/// What a report is, in a list: its kind (and its title when it says more
/// than the kind, or when `alike`: another report beside it has that kind),
/// sections and length.
fn report_line(report: &Report, alike: bool) -> String {
    let kind = report.kind.label_zh(report.period);
    let title = report_title(report);
    let what = if title == kind || (title.contains(kind) && !alike) {
        kind.to_string()
    } else {
        format!("{kind} \u{B7} {title}")
    };
    format!(
        "{what} \u{B7} {} \u{B7} {}",
        count(report.section_count(), "count.section"),
        count(text_length(report), "count.character"),
    )
}

/// Whether another of `reports` is of report `r`'s township, year and kind:
/// the two are then told apart by title. (A township holds a few reports,
/// and a year's list is cut at [`LISTED`].)
fn has_twin(library: &Library, shelf: &Shelf, reports: &[usize], r: usize) -> bool {
    let report = &library.reports()[r];
    let kind = report.kind.label_zh(report.period);
    reports.iter().take(LISTED).any(|&other| {
        let twin = &library.reports()[other];
        other != r
            && shelf.township_of[other] == shelf.township_of[r]
            && twin.year == report.year
            && twin.kind.label_zh(twin.period) == kind
    })
}

/// Reports per year as chart bars, years upwards and the undated last,
/// with the townships of each year in the note when `townships`.
fn year_bars(
    library: &Library,
    shelf: &Shelf,
    reports: impl Iterator<Item = usize>,
    townships: bool,
) -> Vec<Line> {
    let mut per_year: BTreeMap<(bool, i32), Tally> = BTreeMap::new();
    for r in reports {
        let year = library.reports()[r].year;
        let township = if townships {
            shelf.township_of[r]
        } else {
            None
        };
        per_year
            .entry((year.is_none(), year.unwrap_or(0)))
            .or_default()
            .add(township);
    }
    let max = per_year
        .values()
        .map(|tally| tally.reports)
        .max()
        .unwrap_or(0);
    per_year
        .into_iter()
        .map(|((none, year), tally)| Line::Bar {
            label: year_label((!none).then_some(year)),
            value: tally.reports,
            max,
            // Reports that name no township add none.
            note: if townships && !tally.townships.is_empty() {
                format!(
                    "{} \u{B7} {}",
                    count(tally.reports, "count.report"),
                    count(tally.townships.len(), "count.township")
                )
            } else if townships {
                count(tally.reports, "count.report")
            } else {
                tally.reports.to_string()
            },
        })
        .collect()
}

/// The library: counts, reports per year, and by place (the top rows of
/// the tree when it is grouped by place, as it is at start; the counts of
/// the whole library otherwise).
fn library_lines(library: &Library, shelf: &Shelf) -> (String, String, Vec<Line>) {
    let mut summary = format!(
        "{} \u{B7} {}",
        count(library.len(), "count.report"),
        count(shelf.townships, "count.township"),
    );
    if shelf.grouping == Grouping::Place {
        summary.push_str(&format!(
            " \u{B7} {}",
            count(shelf.counties, "count.county")
        ));
    }
    let mut lines = vec![Line::Title(summary.clone()), Line::Blank];
    lines.push(Line::Title(t("overview.per_year").to_string()));
    lines.extend(year_bars(library, shelf, 0..library.len(), false));
    if shelf.grouping == Grouping::Place {
        lines.push(Line::Blank);
        lines.push(Line::Title(t("overview.by_place").to_string()));
        // The first name of each top row: its province (or the most
        // precise place it names, or 未定位).
        for child in shelf.top.iter().take(LISTED) {
            let (label, townships, reports) = match *child {
                Child::Group(g) => {
                    let group = &shelf.groups[g];
                    (group.label.as_str(), group.townships, group.reports.len())
                }
                Child::Report(r) => {
                    let prefix = shelf.rows[r]
                        .prefix
                        .and_then(|p| shelf.prefixes.get(p as usize));
                    let named = usize::from(shelf.township_of[r].is_some());
                    (prefix.map_or("", String::as_str), named, 1)
                }
            };
            lines.push(Line::Text(format!(
                "{} \u{B7} {} \u{B7} {}",
                label.split(CHAIN).next().unwrap_or(unplaced()),
                count(townships, "count.township"),
                count(reports, "count.report"),
            )));
        }
        more(&mut lines, shelf.top.len());
    }
    lines.push(Line::Blank);
    lines.push(Line::Dim(t("overview.pick").to_string()));
    lines.push(Line::Dim(t("overview.keys").to_string()));
    (String::new(), summary, lines)
}

/// "… and 812 more" after a list cut at [`LISTED`].
fn more(lines: &mut Vec<Line>, total: usize) {
    if total > LISTED {
        lines.push(Line::Dim(tf("overview.more", &[("n", &(total - LISTED))])));
    }
}

/// A group of the shelf: a place, a township or a year.
fn group_lines(library: &Library, shelf: &Shelf, g: usize) -> (String, String, Vec<Line>) {
    let group = &shelf.groups[g];
    let path = shelf.path_label(g);
    let reports = count(group.reports.len(), "count.report");
    let counts = if group.level == Level::Township {
        // A township is one: say its years instead.
        let years = group
            .reports
            .iter()
            .filter_map(|&r| library.reports()[r].year);
        match (years.clone().min(), years.max()) {
            (Some(first), Some(last)) if first < last => tf(
                "overview.years",
                &[("reports", &reports), ("first", &first), ("last", &last)],
            ),
            (Some(year), _) => tf("overview.year", &[("reports", &reports), ("year", &year)]),
            _ => reports,
        }
    } else {
        format!(
            "{} \u{B7} {reports}",
            count(group.townships, "count.township")
        )
    };
    let status = format!("{path} \u{B7} {counts}");
    let mut lines = vec![Line::Title(path.clone()), Line::Text(counts), Line::Blank];
    match group.level {
        level if level.is_place() => {
            lines.push(Line::Title(t("overview.by_year").to_string()));
            lines.extend(year_bars(
                library,
                shelf,
                group.reports.iter().copied(),
                true,
            ));
            lines.push(Line::Blank);
            lines.push(Line::Title(t("overview.in_it").to_string()));
            for child in group.children.iter().take(LISTED) {
                lines.push(Line::Text(match *child {
                    Child::Group(c) => {
                        let inner = &shelf.groups[c];
                        format!(
                            "{} \u{B7} {}",
                            inner.label,
                            count(inner.reports.len(), "count.report")
                        )
                    }
                    Child::Report(r) => shelf.report_label(library, r),
                }));
            }
            more(&mut lines, group.children.len());
        }
        Level::Township => {
            let mut year = None;
            for &r in &group.reports {
                let report = &library.reports()[r];
                if year != Some(report.year) {
                    year = Some(report.year);
                    lines.push(Line::Title(year_label(report.year)));
                }
                let alike = has_twin(library, shelf, &group.reports, r);
                lines.push(Line::Text(format!("  {}", report_line(report, alike))));
            }
        }
        _ => {
            for &r in group.reports.iter().take(LISTED) {
                let report = &library.reports()[r];
                lines.push(Line::Text(format!(
                    "{}{CHAIN}{}",
                    township_with_county(report),
                    report_line(report, has_twin(library, shelf, &group.reports, r))
                )));
            }
            more(&mut lines, group.reports.len());
        }
    }
    (path, status, lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shelf::{Grouping, shelve};
    use baogao_bundled::load_bundled;

    fn texts(pane: &OverviewPane) -> Vec<String> {
        pane.lines
            .iter()
            .map(|line| match line {
                Line::Title(t) | Line::Text(t) | Line::Dim(t) => t.clone(),
                Line::Bar { label, note, .. } => format!("{label} {note}"),
                Line::Blank => String::new(),
            })
            .collect()
    }

    #[test]
    fn the_library_overview_counts_reports_per_year() {
        let library = Library::from_loaded(load_bundled().reports);
        let shelf = shelve(&library, Grouping::Place);
        let mut pane = OverviewPane::new(Widths::default(), Theme::default());
        pane.show(&library, &shelf, OverviewOf::Library);
        let lines = texts(&pane);
        assert!(lines[0].starts_with("5 reports"), "{lines:?}");
        assert!(lines.contains(&"2020 2".to_string()), "{lines:?}");
        assert!(lines.contains(&"year unknown 1".to_string()), "{lines:?}");
    }

    #[test]
    fn two_reports_of_one_kind_in_a_year_are_told_apart_by_title() {
        let source = load_bundled()
            .reports
            .into_iter()
            .map(|loaded| loaded.report)
            .find(|report| report.id.contains("nanji"))
            .expect("bundled");
        let mut other = source.clone();
        other.id = "nanji-other".to_string();
        other.title = "南麂镇2020年重点工作推进情况".to_string();
        let library = Library::new(vec![source.clone(), other]);
        let shelf = shelve(&library, Grouping::Township);
        let mut pane = OverviewPane::new(Widths::default(), Theme::default());
        pane.show(&library, &shelf, OverviewOf::Group(0));
        let lines = texts(&pane);
        assert!(
            lines
                .iter()
                .any(|line| line.contains("工作总结 · 南麂镇2020年重点工作推进情况 · ")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|line| line.contains(&format!("工作总结 · {} · ", source.title))),
            "{lines:?}"
        );
    }

    #[test]
    fn scrolling_stops_at_the_last_page() {
        let library = Library::from_loaded(load_bundled().reports);
        let shelf = shelve(&library, Grouping::Place);
        let mut pane = OverviewPane::new(Widths::default(), Theme::default());
        pane.show(&library, &shelf, OverviewOf::Library);
        pane.resize(3);
        let _ = pane.act(Action::Last);
        assert_eq!(pane.scroll, pane.lines.len() - 3);
        let _ = pane.act(Action::Down);
        assert_eq!(pane.scroll, pane.lines.len() - 3);
        let _ = pane.act(Action::First);
        assert_eq!(pane.scroll, 0);
    }
}
