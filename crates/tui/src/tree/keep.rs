//! The tree's state in terms that outlive a library: a report by its id, a
//! group by the names of the levels from the top down to it. Node ids are
//! indices into one library and one shelf; when the library changes on
//! disk the tree is built anew, and takes up its folds, grouping and
//! selection from these. A group is named by its levels, not its row's
//! label: a report added or removed can join levels into one row (`温州市
//! › 平阳县 › 南麂镇`) or split them, and a level the user opened stays
//! open in whichever row now holds it.

use super::{NodeId, TreePane};
use crate::shelf::{CHAIN, Grouping, shelve};
use baogao_report::model::SectionPath;
use std::collections::HashMap;

/// A node of the tree, by what it stands for whatever the library's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeptNode {
    /// A group, by the names of its levels from the top of the tree down.
    Group(Vec<String>),
    Report(String),
    Section(String, SectionPath),
}

/// The folds, grouping, selection and scroll of a tree.
#[derive(Debug, Clone, Default)]
pub(crate) struct KeptTree {
    grouping: Grouping,
    expanded: Vec<KeptNode>,
    selected: Option<KeptNode>,
    offset: usize,
}

impl TreePane<'_> {
    /// The tree's state, to be taken up by a tree of a changed library.
    pub(crate) fn keep(&self) -> KeptTree {
        KeptTree {
            grouping: self.shelf.grouping,
            expanded: self
                .expanded
                .iter()
                .filter_map(|id| self.kept(id))
                .collect(),
            selected: self.selected().and_then(|row| self.kept(&row.id)),
            offset: self.offset,
        }
    }

    fn kept(&self, id: &NodeId) -> Option<KeptNode> {
        let reports = self.library.reports();
        Some(match id {
            NodeId::Group(g) => {
                KeptNode::Group(self.levels(*g).into_iter().map(str::to_string).collect())
            }
            NodeId::Report(r) => KeptNode::Report(reports.get(*r)?.id.clone()),
            NodeId::Section(r, path) => {
                KeptNode::Section(reports.get(*r)?.id.clone(), path.clone())
            }
        })
    }

    /// The names of the levels from the top of the tree down to group `g`.
    fn levels(&self, g: usize) -> Vec<&str> {
        self.shelf
            .ancestry(g)
            .into_iter()
            .filter_map(|g| self.shelf.groups.get(g))
            .flat_map(|group| group.label.split(CHAIN))
            .collect()
    }

    /// Take up a kept state as far as its nodes are still there; returns
    /// whether the selected node was (else the selection is the first row).
    pub(crate) fn restore(&mut self, kept: &KeptTree) -> bool {
        if kept.grouping != self.shelf.grouping {
            self.shelf = shelve(self.library, kept.grouping);
        }
        // Per group: its levels, and how many of them are its parent's.
        let groups: Vec<(Vec<&str>, usize)> = (0..self.shelf.groups.len())
            .map(|g| {
                let above = self.shelf.groups[g]
                    .parent
                    .map_or(0, |parent| self.levels(parent).len());
                (self.levels(g), above)
            })
            .collect();
        let by_levels: HashMap<&[&str], usize> = groups
            .iter()
            .enumerate()
            .map(|(g, (levels, _))| (levels.as_slice(), g))
            .collect();
        let open_levels: Vec<Vec<&str>> = kept
            .expanded
            .iter()
            .filter_map(|node| match node {
                KeptNode::Group(levels) => Some(levels.iter().map(String::as_str).collect()),
                _ => None,
            })
            .collect();
        // A group is open when a row that was open held one of its levels:
        // the open row's levels run into it, or through it.
        let open_groups = groups
            .iter()
            .enumerate()
            .filter_map(|(g, (levels, above))| {
                let open = open_levels.iter().any(|open| {
                    (open.len() > *above && levels.starts_with(open)) || open.starts_with(levels)
                });
                open.then_some(NodeId::Group(g))
            });
        let find = |node: &KeptNode| -> Option<NodeId> {
            match node {
                KeptNode::Group(levels) => {
                    let levels: Vec<&str> = levels.iter().map(String::as_str).collect();
                    by_levels.get(levels.as_slice()).map(|&g| NodeId::Group(g))
                }
                KeptNode::Report(id) => self.library.index_of(id).map(NodeId::Report),
                KeptNode::Section(id, path) => {
                    let r = self.library.index_of(id)?;
                    self.library.reports()[r]
                        .section(path)
                        .map(|_| NodeId::Section(r, path.clone()))
                }
            }
        };
        let mut expanded: Vec<NodeId> = kept
            .expanded
            .iter()
            .filter(|node| !matches!(node, KeptNode::Group(_)))
            .filter_map(&find)
            .collect();
        expanded.extend(open_groups);
        let selected = kept.selected.as_ref().and_then(&find);
        // What was open or selected was on show: the way down to it was
        // open, whichever rows now hold the levels of that way.
        let shown: Vec<(usize, SectionPath, bool)> = expanded
            .iter()
            .map(|id| (id, true))
            .chain(selected.iter().map(|id| (id, false)))
            .filter_map(|(id, open)| match id {
                NodeId::Report(r) => Some((*r, SectionPath::front(), open)),
                NodeId::Section(r, path) => Some((*r, path.clone(), open)),
                NodeId::Group(_) => None,
            })
            .collect();
        for (r, path, open) in shown {
            let mut way = self.way_to(r, &path);
            if !open {
                way.pop();
            }
            expanded.extend(way);
        }
        self.expanded = expanded.into_iter().collect();
        self.glimpsed.clear();
        self.rows.clear();
        self.selected = 0;
        self.offset = kept.offset;
        self.rebuild_rows();
        let found = selected.is_some_and(|id| self.select_id(&id));
        self.keep_selection_visible();
        found
    }
}
