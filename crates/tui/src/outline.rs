//! The outline layer (`o` in the reader): the sections of the report being
//! read, indented by level, each with its length in characters and the
//! minutes it takes to read at about 300 characters a minute, the section
//! being read selected. Enter reads the selected one; it is drawn over the
//! screen like the help, in a frame the app draws.

use super::effect::Effect;
use super::keymap::Action;
use super::paint::put_str;
use super::theme::Theme;
use crate::selection;
use baogao_i18n::{t, tf};
use baogao_layout::{Widths, full_width_punctuation, truncate};
use baogao_report::model::{Report, SectionPath};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::collections::HashMap;

/// How fast a Chinese report is read aloud or silently, roughly: the
/// common figure for careful reading of official prose.
pub(crate) const CHARACTERS_PER_MINUTE: usize = 300;

/// One section of the outline.
#[derive(Debug, Clone)]
struct Entry {
    path: SectionPath,
    heading: String,
    /// Characters of its heading, paragraphs and subsections (no spaces).
    characters: usize,
}

/// The outline's state.
#[derive(Debug)]
pub(crate) struct OutlineLayer {
    report: usize,
    /// The whole report's characters.
    total: usize,
    entries: Vec<Entry>,
    selected: usize,
    scroll: usize,
    /// Rows of sections on screen, known once the app fits the layer.
    height: usize,
    theme: Theme,
    widths: Widths,
}

/// Characters of `text` a reader reads: all but white space.
fn characters(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Minutes to read `characters`, at least one for any text.
pub(crate) fn reading_minutes(characters: usize) -> usize {
    characters.div_ceil(CHARACTERS_PER_MINUTE)
}

/// "1,234": thousands set apart, as the length column reads.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl OutlineLayer {
    /// The outline of report `index`, with the section at `current`
    /// selected.
    pub(crate) fn new(
        index: usize,
        report: &Report,
        current: &SectionPath,
        full_width: bool,
        theme: Theme,
        widths: Widths,
    ) -> OutlineLayer {
        let mut entries: Vec<Entry> = Vec::new();
        let mut by_path: HashMap<Vec<usize>, usize> = HashMap::new();
        for (path, section) in report.outline() {
            let own = characters(&section.heading)
                + section
                    .paragraphs
                    .iter()
                    .map(|p| characters(p))
                    .sum::<usize>();
            // A section's length holds its subsections': add to each above.
            for depth in 1..path.depth() {
                if let Some(&above) = by_path.get(&path.0[..depth]) {
                    entries[above].characters += own;
                }
            }
            by_path.insert(path.0.clone(), entries.len());
            entries.push(Entry {
                path,
                // As the reader shows it.
                heading: if full_width {
                    full_width_punctuation(&section.heading).into_owned()
                } else {
                    section.heading.clone()
                },
                characters: own,
            });
        }
        let front = characters(&report.title)
            + report.preamble.iter().map(|p| characters(p)).sum::<usize>();
        let total = front
            + entries
                .iter()
                .filter(|entry| entry.path.depth() == 1)
                .map(|entry| entry.characters)
                .sum::<usize>();
        // The section being read, or the one it is inside of.
        let selected = (0..=current.depth())
            .rev()
            .find_map(|depth| by_path.get(&current.0[..depth]).copied())
            .unwrap_or(0);
        OutlineLayer {
            report: index,
            total,
            entries,
            selected,
            scroll: 0,
            height: 1,
            theme,
            widths,
        }
    }

    /// Move the selection, read the selected section, or close.
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        let page = self.height.max(1);
        match action {
            _ if let Some(moved) =
                selection::moved(self.selected, self.entries.len(), page, action) =>
            {
                self.selected = moved;
            }
            Action::Open => {
                return match self.entries.get(self.selected) {
                    Some(entry) => Effect::Read {
                        report: self.report,
                        path: entry.path.clone(),
                    },
                    None => Effect::CloseLayer,
                };
            }
            Action::Close => return Effect::CloseLayer,
            _ => {}
        }
        self.keep_selected_in_view();
        Effect::None
    }

    fn keep_selected_in_view(&mut self) {
        self.scroll = selection::in_view(self.selected, self.scroll, self.height);
    }

    /// Where the layer's frame sits on a screen of `area`: centred, at
    /// most 72 columns wide, as tall as the sections need.
    pub(crate) fn frame(&self, area: Rect) -> Rect {
        let width = area.width.min(72);
        // Borders, the summary line and a blank under it.
        let rows = u16::try_from(self.entries.len()).unwrap_or(u16::MAX);
        let height = area.height.min(rows.saturating_add(4));
        Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        )
    }

    /// Fit the sections to `rows` rows of text (the summary line included).
    pub(crate) fn resize(&mut self, rows: usize) {
        self.height = rows.saturating_sub(2).max(1);
        self.keep_selected_in_view();
    }

    /// The length and reading time of the whole report, as its first line
    /// says; the reading speed too when `width` cells leave room for it.
    pub(crate) fn summary(&self, width: usize) -> String {
        let short = tf(
            "outline.summary",
            &[
                ("sections", &self.entries.len()),
                ("characters", &grouped(self.total)),
                ("minutes", &reading_minutes(self.total)),
            ],
        );
        let long = tf(
            "outline.summary_speed",
            &[("summary", &short), ("speed", &CHARACTERS_PER_MINUTE)],
        );
        if self.widths.str(&long) <= width {
            long
        } else {
            short
        }
    }

    /// The section rows as drawn: indent and heading, length, minutes.
    fn row(&self, entry: &Entry, width: usize) -> (String, String) {
        let numbers = format!(
            "{:>7} {:>4} {}",
            grouped(entry.characters),
            reading_minutes(entry.characters),
            t("outline.min")
        );
        let room = width.saturating_sub(self.widths.str(&numbers) + 1);
        let indent = "  ".repeat(entry.path.depth().saturating_sub(1).min(4));
        let heading = format!("{indent}{}", entry.heading);
        (truncate(&heading, room, self.widths).into_owned(), numbers)
    }
}

impl Widget for &OutlineLayer {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (theme, widths) = (&self.theme, self.widths);
        if area.height == 0 {
            return;
        }
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            &truncate(
                &self.summary(area.width as usize),
                area.width as usize,
                widths,
            ),
            theme.dim,
            widths,
        );
        let width = area.width as usize;
        for (y, (index, entry)) in (area.y + 2..area.bottom()).zip(
            self.entries
                .iter()
                .enumerate()
                .skip(self.scroll)
                .take(self.height),
        ) {
            let (heading, numbers) = self.row(entry, width);
            let selected = index == self.selected;
            let style = if selected {
                theme.selected
            } else {
                theme.heading_at(entry.path.depth()).patch(theme.text)
            };
            if selected {
                crate::paint::fill(buf, area.x, y, area.right(), style);
            }
            put_str(buf, area.x, y, area.right(), &heading, style, widths);
            let x = area.right().saturating_sub(widths.str(&numbers) as u16);
            let number_style = if selected { style } else { theme.dim };
            put_str(buf, x, y, area.right(), &numbers, number_style, widths);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;
    use baogao_report::library::Library;

    #[test]
    fn lengths_hold_subsections_and_reading_time_rounds_up() {
        let library = Library::from_loaded(load_bundled().reports);
        let (index, report) = library
            .reports()
            .iter()
            .enumerate()
            .find(|(_, r)| r.id == "pingyang-nanji-2020-work-summary")
            .expect("the bundled report");
        let outline = OutlineLayer::new(
            index,
            report,
            &SectionPath(vec![0, 2]),
            true,
            Theme::default(),
            Widths::default(),
        );
        // The section being read is selected.
        assert_eq!(
            outline.entries[outline.selected].path,
            SectionPath(vec![0, 2])
        );
        let top = &outline.entries[0];
        let children: usize = outline
            .entries
            .iter()
            .filter(|e| e.path.depth() == 2 && e.path.0[0] == 0)
            .map(|e| e.characters)
            .sum();
        assert!(top.characters > children, "a chapter holds its sections");
        assert_eq!(reading_minutes(0), 0);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(301), 2);
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert!(outline.summary(100).ends_with("min at 300 a minute"));
        assert!(outline.summary(50).ends_with(" min"));
    }

    #[test]
    fn enter_reads_the_selected_section_and_esc_closes() {
        let library = Library::from_loaded(load_bundled().reports);
        let index = library
            .index_of("nanji-2020-work-summary")
            .expect("the bundled report");
        let report = &library.reports()[index];
        let mut outline = OutlineLayer::new(
            index,
            report,
            &SectionPath::front(),
            true,
            Theme::default(),
            Widths::default(),
        );
        outline.resize(5);
        assert_eq!(outline.act(Action::Down), Effect::None);
        let expected = outline.entries[1].path.clone();
        assert_eq!(
            outline.act(Action::Open),
            Effect::Read {
                report: index,
                path: expected
            }
        );
        assert_eq!(outline.act(Action::Close), Effect::CloseLayer);
    }
}
