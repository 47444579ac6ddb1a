//! The reader across a change of its library on disk. Everything the app
//! holds names reports by their index in one library, so a changed library
//! gets an app of its own; [`App::carry`] takes what the user has made of
//! the old one in terms of ids (where they read, the tree's folds and
//! selection, bookmarks and the jump list, the search's queries, the help
//! or search popup open), and [`App::take_over`] takes it up in the new
//! one. A layer that lists one library's sections (outline, figures,
//! related, compare, bookmarks) is closed; the search popup is opened
//! again and its query run on the new library; the related index, built
//! on first use, is built afresh with the app.

use super::{App, Focus, Layer};
use crate::document::Punctuation;
use crate::effect::{Effect, OverviewOf};
use crate::help::HelpLayer;
use crate::position::{Kept, ReadingPosition};
use crate::search::Recall;
use crate::tree::{KeptTree, NodeId};
use baogao_i18n::{t, tf};
use baogao_report::library::ChangeCount;
use baogao_report::model::SectionPath;
use baogao_search::{Mode, Scope};

/// How far either way from a report gone the tree looks for the nearest
/// one left.
const NEIGHBOURS: usize = 16;

/// What a change of the library on disk did, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    pub count: ChangeCount,
    /// Files that still did not load after every try.
    pub broken: usize,
}

impl Changes {
    /// The status bar's line: what changed, then the files that failed as
    /// at start; none when nothing did.
    pub fn describe(&self) -> Option<String> {
        let ChangeCount {
            added,
            updated,
            removed,
        } = self.count;
        let parts: Vec<String> = [
            ("watch.added", added),
            ("watch.updated", updated),
            ("watch.removed", removed),
        ]
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(key, n)| tf(key, &[("n", &n)]))
        .collect();
        let mut said = Vec::new();
        if !parts.is_empty() {
            let changes = parts.join(t("watch.separator"));
            said.push(tf("watch.changed", &[("changes", &changes)]));
        }
        if self.broken > 0 {
            said.push(tf("read.failed", &[("n", &self.broken)]));
        }
        (!said.is_empty()).then(|| said.join("; "))
    }
}

/// The app's state in terms of ids, to be taken up over a changed library.
#[derive(Debug, Clone)]
pub struct Carried {
    reading: Option<ReadingPosition>,
    /// The ids of the reports next to the one read, nearest first (after,
    /// then before): where the tree goes when that report is gone.
    neighbours: Vec<String>,
    /// Where the report read was in the old order: the last resort.
    reading_index: Option<usize>,
    overview_shown: bool,
    focus: Focus,
    tree: KeptTree,
    kept: Kept,
    search_mode: Mode,
    recall: Recall,
    search_open: bool,
    help_open: bool,
    punctuation: Punctuation,
    figures: bool,
}

impl App<'_> {
    /// What the user has made of this library, by ids.
    pub fn carry(&self) -> Carried {
        let reports = self.library.reports();
        let reading_index = self.reader.location().map(|(index, _)| index);
        let neighbours = reading_index
            .map(|index| {
                (1..=NEIGHBOURS)
                    .flat_map(|step| [index.checked_add(step), index.checked_sub(step)])
                    .flatten()
                    .filter_map(|i| reports.get(i).map(|r| r.id.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let search = self.layers.iter().find_map(|layer| match layer {
            Layer::Search(search) => Some(search),
            _ => None,
        });
        Carried {
            reading: self.reader.position(),
            neighbours,
            reading_index,
            overview_shown: self.overview_shown,
            focus: self.focus,
            tree: self.tree.keep(),
            kept: self.kept(),
            search_mode: search.map_or(self.search_mode, |s| s.mode()),
            recall: search.map_or_else(|| self.recall.clone(), |s| s.recall()),
            search_open: search.is_some(),
            help_open: self.layers.iter().any(|l| matches!(l, Layer::Help(_))),
            punctuation: self.reader.punctuation(),
            figures: self.reader.figures_shown(),
        }
    }

    /// Take up what the app over the old library was, as far as it still
    /// exists here: the reading position (the nearest section left when its
    /// own is gone; when its report is gone, the nearest report's row in
    /// the tree, and a notice), the tree, bookmarks and jumps, the search.
    /// The status bar says what `changes` did.
    pub fn take_over(&mut self, carried: Carried, changes: &Changes) {
        let selected_kept = self.tree.restore(&carried.tree);
        self.set_kept(carried.kept);
        self.search_mode = carried.search_mode;
        self.recall = carried.recall;
        // A result's place is an index into the old results.
        for mode in [Mode::Headings, Mode::FullText] {
            let remembered = self.recall.get_mut(mode);
            remembered.place = 0;
            remembered.scope = Scope::Library;
        }
        if self.reader.punctuation() != carried.punctuation {
            self.reader.toggle_punctuation(self.library);
        }
        if self.reader.figures_shown() != carried.figures {
            self.reader.toggle_figures();
        }
        self.focus = carried.focus;
        let mut notices: Vec<String> = changes.describe().into_iter().collect();
        if let Some(position) = &carried.reading {
            match self.library.index_of(&position.report_id) {
                Some(index) => {
                    let position = position.clamped_to(&self.library.reports()[index]);
                    self.reader.open_at(self.library, index, &position);
                    self.overview_shown = carried.overview_shown;
                    if !selected_kept && !self.overview_shown {
                        self.follow_reader();
                    }
                }
                None => {
                    self.reading_gone(&carried.neighbours, carried.reading_index);
                    notices.push(tf(
                        "watch.reading_gone",
                        &[(
                            "id",
                            &baogao_report::sanitise::sanitise(&position.report_id),
                        )],
                    ));
                }
            }
        }
        if self.overview_shown {
            let of = match self.tree.selected().map(|row| &row.id) {
                Some(NodeId::Group(g)) => OverviewOf::Group(*g),
                _ => OverviewOf::Library,
            };
            self.overview.show(self.library, self.tree.shelf(), of);
        }
        if carried.help_open {
            let help = HelpLayer::new(self.theme, self.widths);
            self.layers.push(Layer::Help(help));
        }
        if carried.search_open {
            self.open_search();
        }
        self.notice = (!notices.is_empty()).then(|| notices.join("; "));
        self.unfitted = true;
    }

    /// The report read is gone: the tree goes to the nearest report left
    /// and the reader shows it, as a move in the tree would.
    fn reading_gone(&mut self, neighbours: &[String], reading_index: Option<usize>) {
        let len = self.library.len();
        let nearest = neighbours
            .iter()
            .find_map(|id| self.library.index_of(id))
            .or_else(|| reading_index.map(|i| i.min(len.saturating_sub(1))))
            .filter(|&i| i < len);
        self.focus = Focus::Tree;
        match nearest {
            Some(index) => {
                self.tree.reveal(index, &SectionPath::front());
                self.apply(Effect::Show {
                    report: index,
                    path: SectionPath::front(),
                });
            }
            None => {
                self.overview_shown = true;
            }
        }
    }
}

#[cfg(test)]
mod tests;
