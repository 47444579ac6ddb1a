//! The related list (`R` on a section): sections of other reports on the
//! same topic, by `baogao_compare::related` — the township's other years
//! first, then the county's other townships, then the rest — each row
//! saying township · county · year · heading. Enter reads the selected one.
//! The index over every section of the library is built in the background
//! when the first list is opened ([`indexing`]): the list says so, and
//! fills when the index arrives.

pub(crate) mod indexing;

use super::effect::Effect;
use super::keymap::Action;
use super::paint::{fill, put_str};
use super::theme::Theme;
use crate::selection;
use crate::shelf::{county_of, township_label, year_label};
use baogao_compare::{Kinship, RelatedIndex};
use baogao_i18n::t;
use baogao_layout::{Widths, full_width_punctuation, truncate};
use baogao_report::library::Library;
use baogao_report::model::SectionPath;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Every word this layer shows, in one place, for the string catalogue.
pub(crate) mod text {
    pub(crate) const TITLE: &str = "Related";
    pub(crate) const NONE_FOUND: &str = "No related sections found.";
    pub(crate) const PICK_A_SECTION: &str = "related: pick a section first";
    pub(crate) const PICK_A_REPORT: &str = "compare: pick a report first";
    pub(crate) const BUILDING: &str = "Building the index of every section…";
    pub(crate) const SAME_TOWNSHIP: &str = "this township";
    pub(crate) const SAME_COUNTY: &str = "this county";
    pub(crate) const ELSEWHERE: &str = "elsewhere";
}

/// How a related section's place stands to the one asked about, in the
/// interface's language (`this township`, `this county`, `elsewhere`).
pub fn kinship_label(kinship: Kinship) -> &'static str {
    t(match kinship {
        Kinship::SameTownship => text::SAME_TOWNSHIP,
        Kinship::SameCounty => text::SAME_COUNTY,
        Kinship::Elsewhere => text::ELSEWHERE,
    })
}

/// How many related sections the list holds.
pub(crate) const LIMIT: usize = 50;

/// One row of the list.
#[derive(Debug, Clone)]
struct Entry {
    report: usize,
    path: SectionPath,
    line: String,
    kinship: Kinship,
}

/// The related list's state.
#[derive(Debug)]
pub(crate) struct RelatedLayer {
    /// The report and section the list is about.
    report: usize,
    path: SectionPath,
    /// What the list is related to, for the title.
    about: String,
    /// Empty until [`RelatedLayer::fill`] runs.
    entries: Vec<Entry>,
    /// False while the index is being built.
    filled: bool,
    full_width: bool,
    selected: usize,
    offset: usize,
    height: usize,
    theme: Theme,
    widths: Widths,
}

impl RelatedLayer {
    /// The list for report `report`'s section at `path`, waiting for the
    /// index: [`RelatedLayer::fill`] lists the sections.
    pub(crate) fn pending(
        library: &Library,
        report: usize,
        path: &SectionPath,
        full_width: bool,
        theme: Theme,
        widths: Widths,
    ) -> RelatedLayer {
        let about = library
            .reports()
            .get(report)
            .and_then(|r| r.section(path))
            .map(|s| s.heading.clone())
            .unwrap_or_default();
        RelatedLayer {
            report,
            path: path.clone(),
            about,
            entries: Vec::new(),
            filled: false,
            full_width,
            selected: 0,
            offset: 0,
            height: 1,
            theme,
            widths,
        }
    }

    /// The sections related to report `report`'s section at `path`.
    #[cfg(test)]
    pub(crate) fn new(
        library: &Library,
        index: &RelatedIndex,
        report: usize,
        path: &SectionPath,
        full_width: bool,
        theme: Theme,
        widths: Widths,
    ) -> RelatedLayer {
        let mut layer = RelatedLayer::pending(library, report, path, full_width, theme, widths);
        layer.fill(library, index);
        layer
    }

    /// Whether the list still waits for the index.
    pub(crate) fn is_pending(&self) -> bool {
        !self.filled
    }

    /// List the related sections, from `index`.
    pub(crate) fn fill(&mut self, library: &Library, index: &RelatedIndex) {
        let reports = library.reports();
        let full_width = self.full_width;
        self.entries = index
            .related(library, self.report, &self.path, LIMIT)
            .into_iter()
            .filter_map(|found| {
                let other = reports.get(found.report)?;
                let heading = other.section(&found.path)?.heading.as_str();
                let mut parts = vec![township_label(other.township.as_deref()).to_string()];
                parts.extend(county_of(other).map(str::to_string));
                parts.push(year_label(other.year));
                // As the reader shows it.
                parts.push(if full_width {
                    full_width_punctuation(heading).into_owned()
                } else {
                    heading.to_string()
                });
                Some(Entry {
                    report: found.report,
                    path: found.path,
                    line: parts.join(" \u{B7} "),
                    kinship: found.kinship,
                })
            })
            .collect();
        self.filled = true;
        self.selected = 0;
        self.offset = 0;
    }

    /// The frame's title: what the list is related to.
    pub(crate) fn title(&self) -> String {
        format!("{} \u{B7} {}", t(text::TITLE), self.about)
    }

    /// Where the layer sits: the whole screen but the status and footer rows.
    pub(crate) fn frame(area: Rect) -> Rect {
        crate::compare_view::CompareLayer::frame(area)
    }

    /// Fit to `rows` rows inside the frame.
    pub(crate) fn resize(&mut self, rows: usize) {
        self.height = rows.max(1);
        self.keep_selected_in_view();
    }

    fn keep_selected_in_view(&mut self) {
        self.offset = selection::in_view(self.selected, self.offset, self.height);
    }

    /// Move, read the selected section, or close.
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        let page = self.height.max(1);
        match action {
            _ if let Some(moved) =
                selection::moved(self.selected, self.entries.len(), page, action) =>
            {
                self.selected = moved;
            }
            // Nothing to read yet; Esc still closes.
            Action::Open if !self.filled => {}
            Action::Open => {
                return match self.entries.get(self.selected) {
                    Some(entry) => Effect::Read {
                        report: entry.report,
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

    /// Draw inside the frame: a group's name above its first row.
    pub(crate) fn render(&self, area: Rect, buf: &mut Buffer) {
        let (theme, widths) = (&self.theme, self.widths);
        if self.entries.is_empty() {
            let said = if self.filled {
                t(text::NONE_FOUND)
            } else {
                t(text::BUILDING)
            };
            put_str(
                buf,
                area.x,
                area.y,
                area.right(),
                &truncate(said, usize::from(area.width), widths),
                theme.dim,
                widths,
            );
            return;
        }
        let width = usize::from(area.width);
        let tags = [
            Kinship::SameTownship,
            Kinship::SameCounty,
            Kinship::Elsewhere,
        ]
        .map(kinship_label);
        // The names line up by display width: a Chinese tag's characters
        // are two columns each.
        let tag_width = tags.iter().map(|tag| widths.str(tag)).max().unwrap_or(0) + 1;
        for (y, (i, entry)) in (area.y..area.bottom()).zip(
            self.entries
                .iter()
                .enumerate()
                .skip(self.offset)
                .take(self.height),
        ) {
            let group = kinship_label(entry.kinship);
            let pad = tag_width.saturating_sub(widths.str(group));
            let tag = format!("{group}{:pad$}", "");
            let style = if i == self.selected {
                fill(buf, area.x, y, area.right(), theme.selected);
                theme.selected
            } else {
                theme.text
            };
            let tag_style = if i == self.selected { style } else { theme.dim };
            let x = put_str(buf, area.x, y, area.right(), &tag, tag_style, widths);
            let room = width.saturating_sub(usize::from(x - area.x));
            put_str(
                buf,
                x,
                y,
                area.right(),
                &truncate(&entry.line, room, widths),
                style,
                widths,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;

    #[test]
    fn enter_reads_a_related_section_of_another_report() {
        let library = Library::from_loaded(load_bundled().reports);
        let index = RelatedIndex::build(&library);
        let report = library
            .index_of("nanji-2020-work-summary")
            .expect("the bundled report");
        let mut layer = RelatedLayer::new(
            &library,
            &index,
            report,
            &SectionPath(vec![0, 0]),
            true,
            Theme::default(),
            Widths::default(),
        );
        assert!(!layer.entries.is_empty());
        match layer.act(Action::Open) {
            Effect::Read { report: other, .. } => assert_ne!(other, report),
            effect => panic!("{effect:?}"),
        }
        assert_eq!(layer.act(Action::Close), Effect::CloseLayer);
    }

    /// The names after the tags start in one column in both languages,
    /// though a Chinese tag's characters are two columns each.
    #[test]
    fn the_names_line_up_after_tags_of_any_width() {
        use baogao_i18n::{Language, with_language};
        let library = Library::from_loaded(load_bundled().reports);
        let mut layer = RelatedLayer::pending(
            &library,
            0,
            &SectionPath(vec![0]),
            false,
            Theme::default(),
            Widths::default(),
        );
        layer.entries = [
            Kinship::SameTownship,
            Kinship::SameCounty,
            Kinship::Elsewhere,
        ]
        .into_iter()
        .map(|kinship| Entry {
            report: 0,
            path: SectionPath(vec![0]),
            line: "NAME".to_string(),
            kinship,
        })
        .collect();
        layer.filled = true;
        layer.resize(3);
        for language in [Language::English, Language::Chinese] {
            let columns: Vec<usize> = with_language(language, || {
                let area = Rect::new(0, 0, 50, 3);
                let mut buf = Buffer::empty(area);
                layer.render(area, &mut buf);
                (0..3)
                    .map(|y| {
                        (0..50)
                            .position(|x| buf[(x, y)].symbol() == "N")
                            .expect("the name is drawn")
                    })
                    .collect()
            });
            assert!(
                columns.windows(2).all(|w| w[0] == w[1]),
                "{language:?}: {columns:?}"
            );
        }
    }
}
