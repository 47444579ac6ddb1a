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

mod view;

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
mod tests {
    use super::*;
    use crate::shelf::Group;
    use baogao_bundled::load_bundled;
    use baogao_report::model::Report;

    /// The bundled reports with their places set, and a second 南麂镇 of
    /// another county: the tests do not depend on what the files say.
    fn library() -> Library {
        let places = [
            ("nanji", ["浙江省", "温州市", "平阳县"]),
            ("lupu", ["浙江省", "台州市", "玉环市"]),
            ("daixi", ["浙江省", "舟山市", "岱山县"]),
            ("nantang", ["浙江省", "温州市", "乐清市"]),
        ];
        let mut reports: Vec<Report> = load_bundled()
            .reports
            .into_iter()
            .map(|loaded| loaded.report)
            .collect();
        for report in &mut reports {
            let place = places
                .iter()
                .find(|(prefix, _)| report.id.starts_with(prefix))
                .map(|(_, place)| place);
            report.province = place.map(|p| p[0].to_string());
            report.city = place.map(|p| p[1].to_string());
            report.county = place.map(|p| p[2].to_string());
        }
        Library::new(reports)
    }

    fn ids(tree: &TreePane) -> Vec<NodeId> {
        tree.rows().iter().map(|row| row.id.clone()).collect()
    }

    fn labels(tree: &TreePane) -> Vec<String> {
        tree.rows()
            .iter()
            .map(|row| {
                let (label, count) = tree.label(&row.id);
                format!("{}{label} {count}", "  ".repeat(row.depth))
            })
            .collect()
    }

    fn group(tree: &TreePane, id: &NodeId) -> Group {
        let NodeId::Group(g) = id else {
            panic!("{id:?} is no group");
        };
        tree.shelf.groups[*g].clone()
    }

    #[test]
    fn places_nest_with_compact_chains_and_reports_are_no_deeper_than_two() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        assert_eq!(
            labels(&tree),
            ["浙江省 4", "未定位 › 未具名 › 年份不详 › 工作总结 11"]
        );
        let _ = tree.act(Action::Expand);
        let _ = tree.act(Action::Expand); // on an open node: to its first child
        let _ = tree.act(Action::Down);
        let _ = tree.act(Action::Expand);
        assert_eq!(
            labels(&tree),
            [
                "浙江省 4",
                "  台州市 › 玉环市 › 芦浦镇 › 2020 › 工作总结 10",
                "  温州市 2",
                "    乐清市 › 南塘镇 › 2022 › 上半年工作总结 19",
                "    平阳县 › 南麂镇 › 2020 › 工作总结 20",
                "  舟山市 › 岱山县 › 岱西镇 › 2023 › 政府工作报告 1",
                "未定位 › 未具名 › 年份不详 › 工作总结 11",
            ]
        );
        let rows = tree.rows();
        assert!(
            rows.iter()
                .filter(|row| matches!(row.id, NodeId::Report(_)))
                .all(|row| row.depth <= 2),
            "{:?}",
            labels(&tree)
        );
        let _ = tree.act(Action::Collapse); // on an open node: fold it
        let _ = tree.act(Action::Collapse); // on a closed node: to its parent
        assert_eq!(tree.selected().map(|row| row.depth), Some(0));
    }

    #[test]
    fn townships_of_one_name_in_two_counties_are_two_nodes() {
        let mut reports: Vec<Report> = library().reports().to_vec();
        let mut other = reports
            .iter()
            .find(|r| r.id.starts_with("nanji"))
            .cloned()
            .expect("bundled");
        other.id = "nanji-other".to_string();
        other.county = Some("苍南县".to_string());
        reports.push(other);
        let library = Library::new(reports);
        for grouping in [Grouping::Place, Grouping::Township, Grouping::Year] {
            let shelf = shelve(&library, grouping);
            let nanji: Vec<String> = library
                .reports()
                .iter()
                .enumerate()
                .filter(|(_, r)| r.township.as_deref() == Some("南麂镇"))
                .map(|(i, _)| shelf.report_label(&library, i))
                .collect();
            assert_eq!(nanji.len(), 2);
            assert_ne!(nanji[0], nanji[1], "{grouping:?}");
        }
        let shelf = shelve(&library, Grouping::Township);
        let tops: Vec<String> = shelf
            .top
            .iter()
            .map(|child| match child {
                Child::Group(g) => shelf.groups[*g].label.clone(),
                Child::Report(r) => shelf.report_label(&library, *r),
            })
            .collect();
        assert!(
            tops.contains(&"南麂镇 · 平阳县 › 2020 › 工作总结".to_string()),
            "{tops:?}"
        );
        assert!(
            tops.contains(&"南麂镇 · 苍南县 › 2020 › 工作总结".to_string()),
            "{tops:?}"
        );
    }

    #[test]
    fn v_groups_by_township_then_year_then_place_again_keeping_the_report() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let nanji = library
            .index_of("nanji-2020-work-summary")
            .expect("bundled");
        tree.reveal(nanji, &SectionPath(vec![1]));
        assert_eq!(tree.act(Action::Regroup), Effect::None);
        assert_eq!(tree.shelf.grouping, Grouping::Township);
        assert_eq!(
            tree.selected().map(|row| row.id.clone()),
            Some(NodeId::Section(nanji, SectionPath(vec![1])))
        );
        // Each township has one report: each is a row of its own.
        let _ = tree.act(Action::FoldAll);
        assert_eq!(tree.rows().len(), 5, "{:?}", labels(&tree));
        assert_eq!(
            tree.selected().map(|row| row.id.clone()),
            Some(NodeId::Report(nanji))
        );
        let _ = tree.act(Action::FoldAll);
        let _ = tree.act(Action::Regroup);
        assert_eq!(tree.shelf.grouping, Grouping::Year);
        assert_eq!(
            tree.selected().map(|row| row.id.clone()),
            Some(NodeId::Report(nanji))
        );
        let _ = tree.act(Action::FoldAll);
        assert_eq!(tree.selected, 0, "2020, the top row above 南麂镇's report");
        let first = group(&tree, &tree.rows()[0].id);
        assert_eq!(first.label, "2020");
        assert_eq!(first.reports.len(), 2);
        let _ = tree.act(Action::Regroup);
        assert_eq!(tree.shelf.grouping, Grouping::Place);
    }

    #[test]
    fn z_folds_everything_and_keeps_the_top_row_of_the_selection() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let nanji = library
            .index_of("nanji-2020-work-summary")
            .expect("bundled");
        tree.reveal(nanji, &SectionPath(vec![0, 1]));
        let effect = tree.act(Action::FoldAll);
        assert_eq!(tree.rows().len(), 2);
        assert_eq!(tree.selected, 0);
        assert!(matches!(effect, Effect::Overview(OverviewOf::Group(_))));
        assert!(tree.expanded.is_empty());
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
    fn counts_are_what_is_under_a_row_at_any_depth() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let (name, count) = tree.label(&tree.rows()[0].id.clone());
        assert_eq!((name.as_str(), count.as_str()), ("浙江省", "4"));
        let nanji = library
            .index_of("nanji-2020-work-summary")
            .expect("bundled");
        let (kind, sections) = tree.label(&NodeId::Report(nanji));
        assert_eq!(kind, "平阳县 › 南麂镇 › 2020 › 工作总结");
        let report = &library.reports()[nanji];
        assert_eq!(sections, report.section_count().to_string());
        // A section counts its subsections and theirs.
        tree.reveal(nanji, &SectionPath(vec![0]));
        let (_, under) = tree.label(&NodeId::Section(nanji, SectionPath(vec![0])));
        let first = &report.sections[0];
        let all: usize = first.sections.len()
            + first
                .sections
                .iter()
                .map(|s| s.sections.len())
                .sum::<usize>();
        assert_eq!(
            under,
            if all > 0 {
                all.to_string()
            } else {
                String::new()
            }
        );
    }

    #[test]
    fn page_keys_move_the_selection_a_pane_at_a_time() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let nanji = library.index_of("nanji-2020-work-summary").unwrap();
        tree.reveal(nanji, &SectionPath(vec![0]));
        let _ = tree.act(Action::First);
        tree.resize(2);
        let _ = tree.act(Action::PageDown);
        assert_eq!(tree.selected, 2);
        for _ in 0..tree.rows().len() {
            let _ = tree.act(Action::PageDown);
        }
        assert_eq!(tree.selected, tree.rows().len() - 1);
        let _ = tree.act(Action::PageUp);
        assert_eq!(tree.selected, tree.rows().len() - 3);
    }

    #[test]
    fn a_move_onto_a_group_shows_its_overview_and_onto_a_report_shows_it() {
        let library = library();
        let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
        let Effect::Show { report, path } = tree.act(Action::Down) else {
            panic!("the move onto a report showed nothing");
        };
        assert_eq!(path, SectionPath::front());
        assert!(matches!(
            tree.act(Action::Up),
            Effect::Overview(OverviewOf::Group(_))
        ));
        assert_eq!(
            tree.act(Action::Open),
            Effect::None,
            "Enter on a group opens it"
        );
        assert!(tree.rows().len() > 2);
        let _ = tree.act(Action::Last);
        assert_eq!(
            tree.act(Action::Open),
            Effect::Read {
                report,
                path: SectionPath::front()
            }
        );
        assert_eq!(tree.scroll(3), Effect::None);
    }
}
