//! Drawing the tree: one row per visible node, indented by depth, with a
//! fold marker, a label cut by display width with "…", and at the right what
//! the node holds at any depth (reports, or sections). Focus is passed in by the app, so
//! the pane keeps no copy of it.

use super::{NodeId, TreePane};
use crate::paint::{fill, put_str};
use baogao_layout::truncate;
use baogao_report::model::Section;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// The tree as drawn: the pane, and whether it has the keys.
pub(crate) struct TreeView<'p, 'a> {
    pub(crate) pane: &'p TreePane<'a>,
    pub(crate) focused: bool,
}

impl TreePane<'_> {
    /// The label and the count shown at the right of a row: what is under
    /// it, at any depth (reports under a group, sections under a report or
    /// section; none for a section without subsections).
    pub(super) fn label(&self, id: &NodeId) -> (String, String) {
        match id {
            NodeId::Group(g) => {
                let group = &self.shelf.groups[*g];
                (group.label.clone(), group.reports.len().to_string())
            }
            NodeId::Report(r) => (
                self.shelf.report_label(self.library, *r),
                self.library.reports()[*r].section_count().to_string(),
            ),
            NodeId::Section(r, path) => match self.library.reports()[*r].section(path) {
                Some(section) => {
                    let under = sections_under(section);
                    let count = if under > 0 {
                        under.to_string()
                    } else {
                        String::new()
                    };
                    (section.heading.clone(), count)
                }
                None => (String::new(), String::new()),
            },
        }
    }
}

/// Every section below `section`, at any depth.
fn sections_under(section: &Section) -> usize {
    let mut count = 0;
    let mut stack = vec![section.sections.as_slice()];
    while let Some(sections) = stack.pop() {
        count += sections.len();
        stack.extend(sections.iter().map(|child| child.sections.as_slice()));
    }
    count
}

/// Cells before a row's fold marker: two a level, but deep outlines stop
/// indenting where the label would lose its room.
pub(super) fn row_indent(depth: usize, width: usize) -> usize {
    (depth * 2).min(width.saturating_sub(12))
}

impl Widget for TreeView<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let pane = self.pane;
        let theme = pane.theme;
        let rows = pane
            .rows()
            .iter()
            .enumerate()
            .skip(pane.offset)
            .take(area.height as usize);
        for (y, (index, row)) in (area.y..).zip(rows) {
            let selected = index == pane.selected;
            let style = match (selected, self.focused) {
                (true, true) => theme.selected,
                (true, false) => theme.selected_unfocused,
                (false, _) => theme.text,
            };
            if selected {
                fill(buf, area.x, y, area.right(), style);
            }
            let marker = match (row.has_children, pane.expanded.contains(&row.id)) {
                (false, _) => "  ",
                (true, true) => "▾ ",
                (true, false) => "▸ ",
            };
            let (label, count) = pane.label(&row.id);
            let width = area.width as usize;
            let indent = row_indent(row.depth, width);
            let count_width = if count.is_empty() { 0 } else { count.len() + 1 };
            let room = width.saturating_sub(indent + 2 + count_width);
            let x = put_str(
                buf,
                area.x + indent as u16,
                y,
                area.right(),
                marker,
                style,
                pane.widths,
            );
            put_str(
                buf,
                x,
                y,
                area.right(),
                &truncate(&label, room, pane.widths),
                style,
                pane.widths,
            );
            if !count.is_empty() && room > 0 {
                let count_style = if selected { style } else { theme.dim };
                let at = area.right().saturating_sub(count.len() as u16);
                put_str(buf, at, y, area.right(), &count, count_style, pane.widths);
            }
        }
    }
}
