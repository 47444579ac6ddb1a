//! The tree pane: township → year → report → sections, collapsible.
//!
//! Only expanded nodes are walked: the visible rows are rebuilt when a node
//! opens or closes, so a library of ten thousand reports costs one row per
//! township until the reader opens one. Labels are cut by display width with
//! "…" when drawn ([`TreeView`]); the pane owns its selection and scroll offset.

mod view;

pub(crate) use view::TreeView;

use super::effect::Effect;
use super::keymap::Action;
use super::shelf::{TownshipShelf, YearShelf, report_title, shelve};
use super::theme::Theme;
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use std::collections::HashSet;

/// A node of the tree, by what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum NodeId {
    Township(usize),
    Year(usize, usize),
    Report(usize),
    Section(usize, SectionPath),
}

/// A visible row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) id: NodeId,
    pub(crate) depth: usize,
    pub(crate) has_children: bool,
}

/// The tree's state.
#[derive(Debug)]
pub(crate) struct TreePane<'a> {
    library: &'a Library,
    shelf: Vec<TownshipShelf>,
    /// (township, year) of each report, by report index.
    shelf_place: Vec<(usize, usize)>,
    /// Each report's row label and number of sections, worked out once.
    report_labels: Vec<(String, usize)>,
    expanded: HashSet<NodeId>,
    /// The nodes the last [`TreePane::glimpse`] opened, which the next one
    /// folds again unless the user has touched the tree since.
    glimpsed: Vec<NodeId>,
    rows: Vec<Row>,
    selected: usize,
    offset: usize,
    height: usize,
    widths: Widths,
    theme: Theme,
}

impl<'a> TreePane<'a> {
    pub(crate) fn new(library: &'a Library, widths: Widths, theme: Theme) -> TreePane<'a> {
        let shelf = shelve(library);
        let mut shelf_place = vec![(0, 0); library.len()];
        for (t, township) in shelf.iter().enumerate() {
            for (y, year) in township.years.iter().enumerate() {
                for &r in &year.reports {
                    shelf_place[r] = (t, y);
                }
            }
        }
        let mut report_labels = vec![(String::new(), 0); library.len()];
        for year in shelf.iter().flat_map(|township| &township.years) {
            for &r in &year.reports {
                let report = &library.reports()[r];
                let mut label = report_label(report, year, library);
                if library.is_raw(r) {
                    label.push_str(NOT_IMPORTED);
                }
                report_labels[r] = (label, report.section_count());
            }
        }
        let mut tree = TreePane {
            library,
            shelf,
            shelf_place,
            report_labels,
            expanded: HashSet::new(),
            glimpsed: Vec::new(),
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            height: 1,
            widths,
            theme,
        };
        tree.rebuild_rows();
        tree
    }

    /// Named townships on the shelf (not the group of unnamed reports).
    pub(crate) fn township_count(&self) -> usize {
        self.shelf
            .iter()
            .filter(|township| township.name.is_some())
            .count()
    }

    pub(crate) fn rows(&self) -> &[Row] {
        &self.rows
    }

    pub(crate) fn selected(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// Rows the pane can show at once.
    pub(crate) fn resize(&mut self, height: usize) {
        // Only a new height moves the view: a wheel scroll must stay put.
        if self.height != height.max(1) {
            self.height = height.max(1);
            self.keep_selection_visible();
        }
    }

    fn rebuild_rows(&mut self) {
        let selected = self.selected().map(|row| row.id.clone());
        let mut rows = Vec::new();
        for (t, township) in self.shelf.iter().enumerate() {
            let id = NodeId::Township(t);
            let open = self.expanded.contains(&id);
            rows.push(Row {
                id,
                depth: 0,
                has_children: true,
            });
            if !open {
                continue;
            }
            for (y, year) in township.years.iter().enumerate() {
                let id = NodeId::Year(t, y);
                let open = self.expanded.contains(&id);
                rows.push(Row {
                    id,
                    depth: 1,
                    has_children: true,
                });
                if open {
                    for &r in &year.reports {
                        self.push_report(&mut rows, r);
                    }
                }
            }
        }
        self.rows = rows;
        if let Some(id) = selected {
            self.select_id(&id);
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    fn push_report(&self, rows: &mut Vec<Row>, r: usize) {
        let report = &self.library.reports()[r];
        let id = NodeId::Report(r);
        let open = self.expanded.contains(&id);
        rows.push(Row {
            id,
            depth: 2,
            has_children: !report.sections.is_empty(),
        });
        if !open {
            return;
        }
        // Depth-first with an explicit stack: outlines can be deep.
        let mut stack: Vec<SectionPath> = (0..report.sections.len())
            .rev()
            .map(|i| SectionPath(vec![i]))
            .collect();
        while let Some(path) = stack.pop() {
            let Some(section) = report.section(&path) else {
                continue;
            };
            let id = NodeId::Section(r, path.clone());
            let open = self.expanded.contains(&id);
            rows.push(Row {
                id,
                depth: 2 + path.depth(),
                has_children: !section.sections.is_empty(),
            });
            if open {
                stack.extend((0..section.sections.len()).rev().map(|i| path.child(i)));
            }
        }
    }

    fn select_id(&mut self, id: &NodeId) -> bool {
        match self.rows.iter().position(|row| &row.id == id) {
            Some(index) => {
                self.selected = index;
                true
            }
            None => false,
        }
    }

    fn keep_selection_visible(&mut self) {
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + self.height {
            self.offset = self.selected + 1 - self.height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(self.height));
    }

    fn set_expanded(&mut self, id: NodeId, open: bool) {
        let changed = if open {
            self.expanded.insert(id)
        } else {
            self.expanded.remove(&id)
        };
        if changed {
            self.rebuild_rows();
        }
    }

    /// Run a tree action: move, fold, or (Enter on a township or year)
    /// fold. A move onto a report or section asks the reader to show it;
    /// Enter on one asks to read it.
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        // What the user opens or walks into is theirs: a glimpse keeps it.
        self.glimpsed.clear();
        let Some(row) = self.selected().cloned() else {
            return Effect::None;
        };
        let before = row.id.clone();
        let open = self.expanded.contains(&row.id);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
            }
            Action::PageDown => {
                self.selected =
                    (self.selected + self.height).min(self.rows.len().saturating_sub(1));
            }
            Action::PageUp => self.selected = self.selected.saturating_sub(self.height),
            Action::First => self.selected = 0,
            Action::Last => self.selected = self.rows.len().saturating_sub(1),
            Action::Collapse if open && row.has_children => self.set_expanded(row.id, false),
            Action::Collapse => {
                if let Some(parent) = self.parent_row(self.selected) {
                    self.selected = parent;
                }
            }
            Action::Expand if row.has_children && !open => self.set_expanded(row.id, true),
            Action::Expand if row.has_children => {
                self.selected = (self.selected + 1).min(self.rows.len().saturating_sub(1));
            }
            Action::Toggle if row.has_children => self.set_expanded(row.id, !open),
            Action::Open => {
                if let NodeId::Township(_) | NodeId::Year(..) = row.id {
                    self.set_expanded(row.id, !open);
                }
            }
            _ => {}
        }
        self.keep_selection_visible();
        match self.selected_text() {
            Some((report, path)) if action == Action::Open => Effect::Read { report, path },
            _ => self.moved_from(&before),
        }
    }

    /// The report, and its section (the front for the report's own row),
    /// that the selected row stands for; none for a township or year.
    fn selected_text(&self) -> Option<(usize, SectionPath)> {
        match &self.selected()?.id {
            NodeId::Report(report) => Some((*report, SectionPath::front())),
            NodeId::Section(report, path) => Some((*report, path.clone())),
            NodeId::Township(_) | NodeId::Year(..) => None,
        }
    }

    /// What a change of selection from `before` asks of the reader: to show
    /// the report or section now selected.
    fn moved_from(&self, before: &NodeId) -> Effect {
        if self.selected().map(|row| &row.id) == Some(before) {
            return Effect::None;
        }
        match self.selected_text() {
            Some((report, path)) => Effect::Show { report, path },
            None => Effect::None,
        }
    }

    fn parent_row(&self, index: usize) -> Option<usize> {
        let depth = self.rows.get(index)?.depth;
        self.rows[..index].iter().rposition(|row| row.depth < depth)
    }

    /// A mouse click at (`x`, `y`) inside a pane `width` cells wide: it
    /// selects the row; on the fold marker, or on a row already selected, it
    /// opens or closes it too.
    pub(crate) fn click(&mut self, x: usize, y: usize, width: usize) -> Effect {
        let index = self.offset + y;
        let Some(row) = self.rows.get(index) else {
            return Effect::None;
        };
        let marker = view::row_indent(row.depth, width);
        let on_marker = (marker..marker + 2).contains(&x);
        let again = index == self.selected;
        let Some(before) = self.selected().map(|row| row.id.clone()) else {
            return Effect::None;
        };
        self.selected = index;
        if on_marker || again {
            // A fold keeps the selection where the click put it.
            let _ = self.act(Action::Toggle);
        }
        self.moved_from(&before)
    }

    /// Scroll the view by `lines` (mouse wheel); the selection stays where
    /// it is, even off screen, until a key moves it.
    pub(crate) fn scroll(&mut self, lines: isize) -> Effect {
        let last_offset = self.rows.len().saturating_sub(self.height);
        self.offset = self.offset.saturating_add_signed(lines).min(last_offset);
        Effect::None
    }

    /// Open the path down to report `r`'s section and select it (a jump:
    /// resuming, opening from elsewhere).
    pub(crate) fn reveal(&mut self, r: usize, path: &SectionPath) {
        self.glimpsed.clear();
        self.open_way(r, path, false);
    }

    /// As [`TreePane::reveal`], for stepping through search hits: what the
    /// previous glimpse opened is folded again first, so that walking
    /// hundreds of hits does not leave the whole tree open.
    pub(crate) fn glimpse(&mut self, r: usize, path: &SectionPath) {
        let mut folded = false;
        for id in std::mem::take(&mut self.glimpsed) {
            folded |= self.expanded.remove(&id);
        }
        self.glimpsed = self.open_way(r, path, folded);
    }

    /// Open the way to report `r`'s section at `path` and select it;
    /// return the nodes it opened (those that were closed). `folded`: the
    /// caller closed nodes, so the rows must be rebuilt in any case.
    fn open_way(&mut self, r: usize, path: &SectionPath, folded: bool) -> Vec<NodeId> {
        let mut way = self.way_to(r, path);
        let target = way.pop();
        let closed: Vec<NodeId> = way
            .into_iter()
            .filter(|id| !self.expanded.contains(id))
            .collect();
        if folded || !closed.is_empty() {
            self.expanded.extend(closed.iter().cloned());
            self.rebuild_rows();
        }
        let Some(target) = target else {
            return closed;
        };
        self.select_id(&target);
        self.keep_selection_visible();
        closed
    }

    /// Follow the reader without undoing the user's folding: select the
    /// deepest row on show on the way from report `r`'s township down to
    /// its section at `path` (the section itself when all above are open).
    pub(crate) fn follow(&mut self, r: usize, path: &SectionPath) {
        let way = self.way_to(r, path);
        // A node is on show when every node above it is open.
        let open_above = way
            .iter()
            .take_while(|id| self.expanded.contains(id))
            .count();
        if let Some(target) = way
            .get(open_above.min(way.len().saturating_sub(1)))
            .cloned()
        {
            self.select_id(&target);
        }
        self.keep_selection_visible();
    }

    /// The nodes from report `r`'s township down to its section at `path`
    /// (down to the report itself for the front).
    fn way_to(&self, r: usize, path: &SectionPath) -> Vec<NodeId> {
        let Some((t, y)) = self.locate(r) else {
            return Vec::new();
        };
        let mut way = vec![NodeId::Township(t), NodeId::Year(t, y), NodeId::Report(r)];
        let mut walk = SectionPath::front();
        for &index in &path.0 {
            walk = walk.child(index);
            way.push(NodeId::Section(r, walk.clone()));
        }
        way
    }

    fn locate(&self, r: usize) -> Option<(usize, usize)> {
        self.shelf_place.get(r).copied()
    }
}

/// The mark after a report read from a raw file of the folder (a web page,
/// `.docx`, PDF or text), imported in memory but not into report JSON.
const NOT_IMPORTED: &str = "（未导入）";

/// A report's row: its kind and period ("上半年工作总结"), or its title when
/// another report of the same year shares that label.
fn report_label(report: &Report, year: &YearShelf, library: &Library) -> String {
    let label = report.kind.label_zh(report.period);
    let sharing = year
        .reports
        .iter()
        .map(|&r| &library.reports()[r])
        .filter(|other| other.kind.label_zh(other.period) == label)
        .count();
    if sharing > 1 {
        report_title(report).to_string()
    } else {
        label.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;

    fn library() -> Library {
        Library::from_loaded(load_bundled().reports)
    }

    fn ids(tree: &TreePane) -> Vec<NodeId> {
        tree.rows().iter().map(|row| row.id.clone()).collect()
    }

    #[test]
    fn starts_with_one_row_per_township_and_opens_level_by_level() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        assert_eq!(tree.rows().len(), tree.shelf.len());
        let _ = tree.act(Action::Expand);
        assert_eq!(tree.rows()[1].id, NodeId::Year(0, 0));
        let _ = tree.act(Action::Expand); // on an open node: to its first child
        assert_eq!(
            tree.selected().map(|row| row.id.clone()),
            Some(NodeId::Year(0, 0))
        );
        let _ = tree.act(Action::Collapse); // on a closed node: to its parent
        assert_eq!(
            tree.selected().map(|row| row.id.clone()),
            Some(NodeId::Township(0))
        );
        let _ = tree.act(Action::Collapse);
        assert_eq!(tree.rows().len(), tree.shelf.len());
    }

    #[test]
    fn reveal_opens_the_way_to_a_section_and_selects_it() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let nanji = library
            .index_of("nanji-2020-work-summary")
            .expect("bundled");
        let path = SectionPath(vec![0, 1]);
        tree.reveal(nanji, &path);
        assert_eq!(
            tree.selected().map(|row| row.id.clone()),
            Some(NodeId::Section(nanji, path))
        );
        let rows = ids(&tree);
        assert!(rows.contains(&NodeId::Report(nanji)));
        assert!(rows.contains(&NodeId::Section(nanji, SectionPath(vec![1]))));
        // The selection stays visible in a short pane.
        tree.resize(3);
        assert!(tree.selected >= tree.offset && tree.selected < tree.offset + 3);
    }

    #[test]
    fn a_glimpse_folds_again_what_the_last_one_opened_but_not_what_the_user_did() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let nanji = library.index_of("nanji-2020-work-summary").unwrap();
        let lupu = library.index_of("lupu-2020-work-summary").unwrap();
        let folded = tree.rows().len();
        tree.glimpse(nanji, &SectionPath(vec![0]));
        assert!(ids(&tree).contains(&NodeId::Report(nanji)));
        tree.glimpse(lupu, &SectionPath(vec![0]));
        assert!(ids(&tree).contains(&NodeId::Report(lupu)));
        assert!(!ids(&tree).contains(&NodeId::Report(nanji)), "folded again");
        // The user moves in the tree: what is open now stays open.
        let _ = tree.act(Action::Down);
        tree.glimpse(nanji, &SectionPath(vec![0]));
        assert!(ids(&tree).contains(&NodeId::Report(lupu)));
        assert!(ids(&tree).contains(&NodeId::Report(nanji)));
        // A jump keeps what it opens, and what is open before it.
        tree.reveal(nanji, &SectionPath(vec![1]));
        tree.glimpse(lupu, &SectionPath(vec![1]));
        assert!(ids(&tree).contains(&NodeId::Report(nanji)));
        assert!(tree.rows().len() > folded);
    }

    #[test]
    fn labels_say_what_a_node_holds() {
        let library = library();
        let tree = TreePane::new(&library, Widths::default(), Theme::default());
        let (name, count) = tree.label(&NodeId::Township(0));
        assert_eq!((name.as_str(), count.as_str()), ("岱西镇", "1"));
        let nanji = library
            .index_of("nanji-2020-work-summary")
            .expect("bundled");
        let (kind, sections) = tree.label(&NodeId::Report(nanji));
        assert_eq!(kind, "工作总结");
        assert_eq!(
            sections,
            library.reports()[nanji].section_count().to_string()
        );
    }

    #[test]
    fn page_keys_move_the_selection_a_pane_at_a_time() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        tree.resize(2);
        let _ = tree.act(Action::PageDown);
        assert_eq!(tree.selected, 2);
        let _ = tree.act(Action::PageDown);
        let _ = tree.act(Action::PageDown);
        assert_eq!(tree.selected, tree.rows().len() - 1);
        let _ = tree.act(Action::PageUp);
        assert_eq!(tree.selected, tree.rows().len() - 3);
    }

    #[test]
    fn a_move_onto_a_report_or_section_shows_it_and_enter_reads_it() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        // Townships and years have nothing for the reader to show.
        assert_eq!(tree.act(Action::Down), Effect::None);
        assert_eq!(tree.act(Action::Expand), Effect::None);
        assert_eq!(tree.act(Action::Expand), Effect::None);
        assert_eq!(
            tree.act(Action::Open),
            Effect::None,
            "Enter on a year opens it"
        );
        assert!(ids(&tree).iter().any(|id| matches!(id, NodeId::Report(_))));
        let Effect::Show { report, path } = tree.act(Action::Down) else {
            panic!("the move onto a report showed nothing");
        };
        assert_eq!(path, SectionPath::front());
        assert_eq!(
            tree.act(Action::Open),
            Effect::Read {
                report,
                path: SectionPath::front()
            }
        );
        // Folding moves nothing; walking into the report shows its first section.
        assert_eq!(tree.act(Action::Expand), Effect::None);
        assert_eq!(
            tree.act(Action::Expand),
            Effect::Show {
                report,
                path: SectionPath(vec![0])
            }
        );
        assert_eq!(tree.scroll(3), Effect::None);
    }
}
