//! The tree pane: the library grouped by place, township or year
//! ([`Grouping`], see `shelf`), then reports and their sections,
//! collapsible.
//!
//! Only expanded nodes are walked: the visible rows are rebuilt when a node
//! opens or closes, so a library of ten thousand reports costs one row per
//! province until the reader opens one. Labels are cut by display width with
//! "…" when drawn ([`TreeView`]); the pane owns its selection and scroll
//! offset. The number at a row's right counts what is under it: reports
//! under a group, every section (at any depth) under a report or section.

mod keep;
mod view;

pub(crate) use keep::KeptTree;
pub(crate) use view::TreeView;

use super::effect::{Effect, OverviewOf};
use super::keymap::Action;
use super::shelf::{Child, Grouping, Shelf, shelve};
use super::theme::Theme;
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_report::model::SectionPath;
use std::collections::HashSet;

/// A node of the tree, by what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum NodeId {
    /// A group of the shelf (a place, township or year chain).
    Group(usize),
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
    shelf: Shelf,
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
        let mut tree = TreePane {
            library,
            shelf: shelve(library, Grouping::default()),
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

    /// The library as the tree groups it now.
    pub(crate) fn shelf(&self) -> &Shelf {
        &self.shelf
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
        // Depth-first with an explicit stack, children pushed in reverse.
        let mut stack: Vec<(Child, usize)> = self
            .shelf
            .top
            .iter()
            .rev()
            .map(|&child| (child, 0))
            .collect();
        while let Some((child, depth)) = stack.pop() {
            match child {
                Child::Group(g) => {
                    let id = NodeId::Group(g);
                    let open = self.expanded.contains(&id);
                    rows.push(Row {
                        id,
                        depth,
                        has_children: true,
                    });
                    if open {
                        let children = &self.shelf.groups[g].children;
                        stack.extend(children.iter().rev().map(|&child| (child, depth + 1)));
                    }
                }
                Child::Report(r) => self.push_report(&mut rows, r, depth),
            }
        }
        self.rows = rows;
        if let Some(id) = selected {
            self.select_id(&id);
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.keep_selection_visible();
    }

    fn push_report(&self, rows: &mut Vec<Row>, r: usize, depth: usize) {
        let report = &self.library.reports()[r];
        let id = NodeId::Report(r);
        let open = self.expanded.contains(&id);
        rows.push(Row {
            id,
            depth,
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
                depth: depth + path.depth(),
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

    /// Fold every row, keeping selected the top row that held the
    /// selection; the reader shows that row's overview (or its report).
    fn fold_all(&mut self) -> Effect {
        let Some(before) = self.selected().map(|row| row.id.clone()) else {
            return Effect::None;
        };
        let top = self.top_of(&before);
        self.expanded.clear();
        self.rebuild_rows();
        self.select_id(&top);
        self.keep_selection_visible();
        self.moved_from(&before)
    }

    /// Group the library the next way, keeping selected the report or
    /// section that was (its groups open), else the first row.
    fn regroup(&mut self) -> Effect {
        let text = self.selected_text();
        self.shelf = shelve(self.library, self.shelf.grouping.next());
        self.expanded.retain(|id| !matches!(id, NodeId::Group(_)));
        // The old rows name groups of the old shelf: nothing to keep.
        self.rows.clear();
        self.selected = 0;
        self.offset = 0;
        self.rebuild_rows();
        if let Some((r, path)) = text {
            self.open_way(r, &path, true);
            return Effect::None;
        }
        self.selection_effect()
    }

    /// The top-level row above the node `id`.
    fn top_of(&self, id: &NodeId) -> NodeId {
        let group = match id {
            NodeId::Group(g) => Some(*g),
            NodeId::Report(r) | NodeId::Section(r, _) => match self.shelf.parent_of[*r] {
                Some(g) => Some(g),
                None => return NodeId::Report(*r),
            },
        };
        group
            .and_then(|g| self.shelf.ancestry(g).first().copied())
            .map_or_else(|| id.clone(), NodeId::Group)
    }

    /// What the selected row asks the reader pane to show.
    fn selection_effect(&self) -> Effect {
        match self.selected().map(|row| &row.id) {
            Some(NodeId::Group(g)) => Effect::Overview(OverviewOf::Group(*g)),
            Some(NodeId::Report(r)) => Effect::Show {
                report: *r,
                path: SectionPath::front(),
            },
            Some(NodeId::Section(r, path)) => Effect::Show {
                report: *r,
                path: path.clone(),
            },
            None => Effect::None,
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
                if let NodeId::Group(_) = row.id {
                    self.set_expanded(row.id, !open);
                }
            }
            Action::FoldAll => return self.fold_all(),
            Action::Regroup => return self.regroup(),
            _ => {}
        }
        self.keep_selection_visible();
        match self.selected_text() {
            Some((report, path)) if action == Action::Open => Effect::Read { report, path },
            _ => self.moved_from(&before),
        }
    }

    /// The report, and its section (the front for the report's own row),
    /// that the selected row stands for; none for a group.
    fn selected_text(&self) -> Option<(usize, SectionPath)> {
        match &self.selected()?.id {
            NodeId::Report(report) => Some((*report, SectionPath::front())),
            NodeId::Section(report, path) => Some((*report, path.clone())),
            NodeId::Group(_) => None,
        }
    }

    /// What a change of selection from `before` asks of the reader pane:
    /// to show the report or section now selected, or the group's overview.
    fn moved_from(&self, before: &NodeId) -> Effect {
        if self.selected().map(|row| &row.id) == Some(before) {
            return Effect::None;
        }
        self.selection_effect()
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

    /// The nodes from report `r`'s top group down to its section at
    /// `path` (down to the report itself for the front).
    fn way_to(&self, r: usize, path: &SectionPath) -> Vec<NodeId> {
        if r >= self.library.len() {
            return Vec::new();
        }
        let mut way: Vec<NodeId> = match self.shelf.parent_of[r] {
            Some(group) => self
                .shelf
                .ancestry(group)
                .into_iter()
                .map(NodeId::Group)
                .collect(),
            None => Vec::new(),
        };
        way.push(NodeId::Report(r));
        let mut walk = SectionPath::front();
        for &index in &path.0 {
            walk = walk.child(index);
            way.push(NodeId::Section(r, walk.clone()));
        }
        way
    }
}

#[cfg(test)]
mod tests;
