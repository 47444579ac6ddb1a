//! The reader pane: one report, laid out for the pane's width, scrolled a
//! line at a time. It owns its scroll position; the layout is rebuilt only
//! when the width changes (in [`ReaderPane::resize`], before drawing) or
//! for a report opened since, so drawing a frame touches only the lines on
//! screen.

mod marks;
mod walk;

use super::document::{BlockKind, Document, Layout, Punctuation};
use super::effect::Effect;
use super::keymap::Action;
use super::paint::{put_spans_spread, put_str};
use super::theme::Theme;
use crate::position::ReadingPosition;
use baogao_layout::{Widths, full_width_punctuation, spread, truncate};
use baogao_report::library::Library;
use baogao_report::model::SectionPath;
pub(crate) use marks::HitMarks;
use marks::Mark;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use std::borrow::Cow;
pub(crate) use walk::{HeadingResults, LastSearch};

/// Where the top line of the screen is, in terms that survive a new width:
/// a block and a byte offset inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Anchor {
    pub(crate) block: usize,
    pub(crate) offset: usize,
}

/// Where the top of the screen goes once the document is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The first line of a section (by its index in the document), which
    /// may have no text of its own.
    Section(usize),
    /// The line holding a place in the text.
    Text(Anchor),
    /// A search hit: its line, with a few lines of what comes before it
    /// above (within its section).
    Hit(Anchor),
}

/// Lines above a search hit gone to, so that it is read in its context.
const HIT_CONTEXT: usize = 3;

/// The reader's state.
#[derive(Debug, Default)]
pub(crate) struct ReaderPane<'a> {
    document: Option<Document<'a>>,
    layout: Layout,
    /// First line on screen.
    top: usize,
    /// Text columns, as last drawn; 0 before the first draw.
    width: usize,
    /// Text rows (the pane minus its breadcrumb row).
    height: usize,
    /// Where to put the top line once the document is laid out.
    pending: Option<Target>,
    /// What n/N go through: the last search used with Enter.
    last: Option<LastSearch>,
    /// The full-text hits in the report shown, by block (ascending).
    marks: Vec<Mark>,
    widths: Widths,
    theme: Theme,
    /// Half-width marks between Chinese shown full-width, or as written.
    punctuation: Punctuation,
    /// What n/N going round the end has to say, until the app takes it.
    note: Option<String>,
    /// Key figures marked in the text (`F`).
    show_figures: bool,
}

/// How far through the report the screen is, for the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Progress {
    /// The whole report is on screen.
    All,
    /// Percent scrolled: 0 at the top, 100 once the last line is on screen.
    Percent(usize),
}

impl<'a> ReaderPane<'a> {
    pub(crate) fn new(widths: Widths, theme: Theme) -> ReaderPane<'a> {
        let punctuation = if crate::settings::get().full_width {
            Punctuation::FullWidth
        } else {
            Punctuation::AsWritten
        };
        ReaderPane {
            widths,
            theme,
            punctuation,
            ..ReaderPane::default()
        }
    }

    /// Show report `index` from its section at `path` (the front if empty).
    pub(crate) fn open(&mut self, library: &'a Library, index: usize, path: &SectionPath) {
        let Some(report) = library.reports().get(index) else {
            return;
        };
        if self
            .document
            .as_ref()
            .is_none_or(|doc| doc.report_index != index)
        {
            self.document = Some(Document::new(index, report, self.punctuation));
            self.layout = Layout::default();
            self.rebuild_marks();
        }
        let section = self
            .document
            .as_ref()
            .and_then(|doc| doc.section_index(path));
        self.pending = Some(Target::Section(section.unwrap_or(0)));
        self.apply_pending();
    }

    /// The reading position at the top of the screen, in the terms of the
    /// state file: the section, the block inside it, the offset in the block.
    pub(crate) fn position(&self) -> Option<ReadingPosition> {
        let document = self.document.as_ref()?;
        let anchor = self.anchor();
        let block = document.blocks.get(anchor.block)?;
        // The facts line is not in the report file: it stands for the title;
        // a heading run into its paragraph is the heading's block.
        let written = document.written_offset(anchor.block, anchor.offset);
        let (index, offset) = match written {
            _ if block.kind == BlockKind::Facts => (block.index_in_section, 0),
            Some(offset) => (block.index_in_section, offset),
            None => (0, 0),
        };
        Some(ReadingPosition {
            report_id: document.report.id.clone(),
            section: document.sections[block.section].path.0.clone(),
            block: index,
            offset,
        })
    }

    /// Open report `index` at a saved position (already clamped to the report).
    pub(crate) fn open_at(
        &mut self,
        library: &'a Library,
        index: usize,
        position: &ReadingPosition,
    ) {
        let path = SectionPath(position.section.clone());
        self.open(library, index, &path);
        if let Some(anchor) = self.anchor_of(position) {
            self.jump_to(anchor);
        }
    }

    /// Where a position in the text as written is in the text shown.
    fn anchor_of(&self, position: &ReadingPosition) -> Option<Anchor> {
        let document = self.document.as_ref()?;
        let section = document.section_index(&SectionPath(position.section.clone()))?;
        let block = document
            .blocks
            .iter()
            .position(|block| block.section == section && block.index_in_section == position.block);
        match block {
            Some(block) => Some(Anchor {
                block,
                offset: document.shown_offset(block, position.offset),
            }),
            // A heading run into its paragraph has no block of its own.
            None => Some(Anchor {
                block: document.sections.get(section)?.first_block,
                offset: 0,
            }),
        }
    }

    /// How punctuation is shown.
    pub(crate) fn punctuation(&self) -> Punctuation {
        self.punctuation
    }

    /// Whether key figures are marked in the text (`F`).
    pub(crate) fn figures_shown(&self) -> bool {
        self.show_figures
    }

    /// Mark the key figures in the text, or stop; returns whether they are
    /// marked now.
    pub(crate) fn toggle_figures(&mut self) -> bool {
        self.show_figures = !self.show_figures;
        self.rebuild_marks();
        self.show_figures
    }

    /// Show half-width marks between Chinese full-width, or the text as
    /// written; the reader stays where it was. Returns the mode now on.
    pub(crate) fn toggle_punctuation(&mut self, library: &'a Library) -> Punctuation {
        self.punctuation = match self.punctuation {
            Punctuation::FullWidth => Punctuation::AsWritten,
            Punctuation::AsWritten => Punctuation::FullWidth,
        };
        let Some(document) = &self.document else {
            return self.punctuation;
        };
        let index = document.report_index;
        let position = self.position();
        let Some(report) = library.reports().get(index) else {
            return self.punctuation;
        };
        self.document = Some(Document::new(index, report, self.punctuation));
        self.layout = Layout::default();
        self.rebuild_marks();
        let anchor = position
            .as_ref()
            .and_then(|position| self.anchor_of(position));
        self.pending = anchor.map(Target::Text);
        self.lay_out_opened();
        self.punctuation
    }

    /// Put the top of the screen at `anchor` (now, or once laid out).
    pub(crate) fn jump_to(&mut self, anchor: Anchor) {
        self.pending = Some(Target::Text(anchor));
        self.apply_pending();
    }

    fn apply_pending(&mut self) {
        if self.layout.lines.is_empty() && self.document.is_some() {
            return; // not laid out yet: `resize` applies it
        }
        match self.pending.take() {
            Some(Target::Section(section)) => {
                self.top = self.layout.section_lines.get(section).copied().unwrap_or(0);
            }
            Some(Target::Text(anchor)) => {
                self.top = self
                    .layout
                    .line_of(anchor.block, anchor.offset)
                    .unwrap_or(0);
            }
            Some(Target::Hit(anchor)) => {
                let line = self
                    .layout
                    .line_of(anchor.block, anchor.offset)
                    .unwrap_or(0);
                let section = self
                    .document
                    .as_ref()
                    .and_then(|doc| doc.blocks.get(anchor.block))
                    .map_or(0, |block| block.section);
                let start = self.layout.section_lines.get(section).copied().unwrap_or(0);
                self.top = line.saturating_sub(HIT_CONTEXT).max(start);
            }
            None => return,
        }
        self.clamp();
    }

    /// Fit the pane to its text area (`width` × `height` cells, breadcrumb
    /// row excluded), laying the document out again if the width changed.
    pub(crate) fn resize(&mut self, width: usize, height: usize) {
        self.width = width;
        self.height = height;
        let Some(document) = &self.document else {
            return;
        };
        if self.layout.width != width || self.layout.lines.is_empty() {
            if self.pending.is_none() && !self.layout.lines.is_empty() {
                self.pending = Some(Target::Text(self.anchor()));
            }
            self.layout = document.lay_out(width.max(1), self.widths);
        }
        self.apply_pending();
        self.clamp();
    }

    /// The block and offset of the top line on screen.
    pub(crate) fn anchor(&self) -> Anchor {
        let start = Anchor {
            block: 0,
            offset: 0,
        };
        match self.pending {
            Some(Target::Text(anchor) | Target::Hit(anchor)) => return anchor,
            Some(Target::Section(section)) => {
                let block = self
                    .document
                    .as_ref()
                    .and_then(|doc| doc.sections.get(section))
                    .map(|entry| entry.first_block);
                return Anchor {
                    block: block.unwrap_or(0),
                    offset: 0,
                };
            }
            None => {}
        }
        // A blank line at the top belongs to the section above it (it is the
        // gap before the next heading): anchor to the text above, so that a
        // new width keeps the reader in the same section.
        if self.layout.lines.is_empty() {
            return start;
        }
        let top = self.top.min(self.layout.lines.len() - 1);
        let above = self.layout.lines[..=top]
            .iter()
            .rev()
            .find(|line| line.block.is_some());
        let line = above.or_else(|| {
            self.layout.lines[top..]
                .iter()
                .find(|line| line.block.is_some())
        });
        line.and_then(|line| {
            Some(Anchor {
                block: line.block? as usize,
                offset: line.start as usize,
            })
        })
        .unwrap_or(start)
    }

    fn max_top(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.height.max(1))
    }

    /// A jump may put a section near the end at the top, leaving the rest
    /// of the screen blank; only the last line must stay on screen.
    fn clamp(&mut self) {
        self.top = self.top.min(self.layout.lines.len().saturating_sub(1));
    }

    /// Scrolling down stops at the last page. From there it goes on one
    /// section at a time (each press at most to the next heading), so the
    /// sections that start on the last page still reach the top, and the
    /// breadcrumb and the tree with them.
    fn scroll_down(&mut self, lines: usize) {
        let max_top = self.max_top();
        if self.top < max_top {
            self.top = self.top.saturating_add(lines).min(max_top);
            return;
        }
        let top = self.top;
        if let Some(next) = self
            .layout
            .section_lines
            .iter()
            .copied()
            .find(|&line| line > top)
        {
            self.top = top.saturating_add(lines).min(next);
        }
    }

    /// A report opened since the last draw has no layout yet, and a key
    /// that moves through it needs its lines: lay it out now at the size
    /// the pane was last drawn at, as the next draw would.
    fn lay_out_opened(&mut self) {
        if self.layout.lines.is_empty() && self.width > 0 {
            self.resize(self.width, self.height);
        }
    }

    /// Run a reader action; when the view moved, the tree is to follow.
    pub(crate) fn act(&mut self, action: Action) -> Effect {
        if self.document.is_none() {
            return Effect::None;
        }
        self.lay_out_opened();
        let before = self.top;
        // Keep two lines of context, unless the pane is so short that
        // would leave almost nothing to turn.
        let page = if self.height > 6 {
            self.height - 2
        } else {
            self.height.saturating_sub(1).max(1)
        };
        let half = (self.height / 2).max(1);
        let mut edge = None;
        match action {
            Action::Up => self.top = self.top.saturating_sub(1),
            Action::Down => self.scroll_down(1),
            Action::PageDown => self.scroll_down(page),
            Action::PageUp => self.top = self.top.saturating_sub(page),
            Action::HalfPageDown => self.scroll_down(half),
            Action::HalfPageUp => self.top = self.top.saturating_sub(half),
            Action::First => self.top = 0,
            Action::Last => self.top = self.max_top(),
            Action::NextSection => edge = self.next_section(|_| true),
            Action::PreviousSection => self.previous_section(|_| true),
            Action::NextTopSection => edge = self.next_section(|path| path.depth() == 1),
            Action::PreviousTopSection => self.previous_section(|path| path.depth() <= 1),
            _ => {}
        }
        self.clamp();
        if self.top != before {
            Effect::Scrolled
        } else if let Some(edge) = edge {
            Effect::Notice(edge.to_string())
        } else {
            Effect::None
        }
    }

    /// Scroll by `lines` (mouse wheel), negative is up. The tree follows
    /// even when the wheel met the end and nothing moved: it then selects
    /// what is being read again.
    pub(crate) fn scroll(&mut self, lines: isize) -> Effect {
        if self.document.is_none() {
            return Effect::None;
        }
        self.lay_out_opened();
        match usize::try_from(lines) {
            Ok(down) => self.scroll_down(down),
            Err(_) => self.top = self.top.saturating_sub(lines.unsigned_abs()),
        }
        Effect::Scrolled
    }

    /// First line of each section that `wanted` accepts, in reading order.
    fn section_starts(&self, wanted: impl Fn(&SectionPath) -> bool) -> impl Iterator<Item = usize> {
        let document = self.document.as_ref();
        self.layout
            .section_lines
            .iter()
            .enumerate()
            .filter(move |(s, _)| document.is_some_and(|doc| wanted(&doc.sections[*s].path)))
            .map(|(_, &line)| line)
    }

    /// Go to the next section `wanted` accepts; at the last one, say so.
    fn next_section(&mut self, wanted: impl Fn(&SectionPath) -> bool) -> Option<&'static str> {
        let top = self.first_text_row();
        let next = self.section_starts(wanted).find(|&line| line > top);
        match next {
            Some(line) => {
                self.top = line;
                None
            }
            None => Some(baogao_i18n::t("notice.last_section")),
        }
    }

    /// The first row on screen that holds text: the top row, or the
    /// heading below it when the top row is the gap above that heading.
    fn first_text_row(&self) -> usize {
        let lines = &self.layout.lines;
        match lines.get(self.top) {
            Some(line) if line.block.is_none() && self.top + 1 < lines.len() => self.top + 1,
            _ => self.top,
        }
    }

    fn previous_section(&mut self, wanted: impl Fn(&SectionPath) -> bool) {
        let top = self.top;
        let previous = self
            .section_starts(wanted)
            .filter(|&line| line < top)
            .last();
        self.top = previous.unwrap_or(0);
    }

    /// The report shown and the section at the top of the screen.
    pub(crate) fn location(&self) -> Option<(usize, &SectionPath)> {
        let document = self.document.as_ref()?;
        // Not laid out yet (just opened): where it is about to be.
        let section = match self.pending {
            Some(Target::Section(section)) => section,
            Some(Target::Text(anchor) | Target::Hit(anchor)) => {
                document.blocks.get(anchor.block).map_or(0, |b| b.section)
            }
            None => self.layout.section_at(self.first_text_row()),
        };
        Some((document.report_index, &document.sections.get(section)?.path))
    }

    /// How far through the report the reader has scrolled; a report that
    /// fits on the screen says so.
    pub(crate) fn progress(&self) -> Option<Progress> {
        if self.layout.lines.is_empty() {
            return None;
        }
        let max_top = self.max_top();
        Some(if max_top == 0 && self.top == 0 {
            Progress::All
        } else if self.top >= max_top {
            Progress::Percent(100)
        } else {
            Progress::Percent(self.top * 100 / max_top)
        })
    }

    /// Headings from the top level down to the section at the top of the
    /// screen, with their punctuation shown as the text is.
    pub(crate) fn breadcrumb(&self) -> Vec<Cow<'_, str>> {
        let Some(document) = &self.document else {
            return Vec::new();
        };
        let Some((_, path)) = self.location() else {
            return Vec::new();
        };
        let mut crumbs = Vec::new();
        let mut walk = SectionPath::front();
        for &index in &path.0 {
            walk = walk.child(index);
            if let Some(section) = document.report.section(&walk) {
                crumbs.push(match self.punctuation {
                    Punctuation::FullWidth => full_width_punctuation(&section.heading),
                    Punctuation::AsWritten => Cow::Borrowed(section.heading.as_str()),
                });
            }
        }
        crumbs
    }
}

impl Widget for &ReaderPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let Some(document) = &self.document else {
            return;
        };
        if area.height == 0 {
            return;
        }
        let mut crumbs = self.breadcrumb();
        // The heading on the first text row needs no repeating above it;
        // at the report's front the title below says it all.
        let first = self.first_text_row();
        let section = self.layout.section_at(first);
        if self.layout.section_lines.get(section) == Some(&first) {
            crumbs.pop();
        }
        let crumb = crumbs.join(" › ");
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            &truncate(&crumb, area.width as usize, self.widths),
            theme.dim,
            self.widths,
        );
        for (row, line) in self
            .layout
            .lines
            .iter()
            .skip(self.top)
            .take(area.height as usize - 1)
            .enumerate()
        {
            let Some(block) = line.block else { continue };
            let kind = document.blocks[block as usize].kind;
            let style = match kind {
                BlockKind::Title => theme.title,
                BlockKind::Facts => theme.dim,
                BlockKind::Heading { depth } => theme.heading_at(depth),
                BlockKind::Paragraph => theme.text,
            };
            let y = area.y + 1 + row as u16;
            let x = area.x.saturating_add(line.indent);
            let range = line.start as usize..line.end as usize;
            let mut spans = Vec::new();
            let lead = document.blocks[block as usize].lead;
            if (line.start as usize) < lead {
                let end = lead.min(line.end as usize) - line.start as usize;
                spans.push((0..end, theme.run_in()));
            }
            spans.extend(self.spans_in(block as usize, range));
            let text = &document.blocks[block as usize].text;
            let gaps = if line.justify {
                let wrapped = baogao_layout::WrappedLine {
                    start: line.start as usize,
                    end: line.end as usize,
                    indent: usize::from(line.indent),
                    width: self
                        .widths
                        .str(document.line_text(line).trim_end_matches(' ')),
                };
                spread(text, &wrapped, self.layout.width, self.widths)
                    .into_iter()
                    .map(|at| at - line.start as usize)
                    .collect()
            } else {
                Vec::new()
            };
            put_spans_spread(
                buf,
                x,
                y,
                area.right(),
                document.line_text(line),
                &spans,
                style,
                &gaps,
                self.widths,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_bundled::load_bundled;

    #[test]
    fn a_move_asks_the_tree_to_follow_and_no_move_asks_nothing() {
        let library = Library::from_loaded(load_bundled().reports);
        let mut reader = ReaderPane::new(Widths::default(), Theme::default());
        assert_eq!(reader.act(Action::PageDown), Effect::None, "nothing open");
        reader.open(&library, 0, &SectionPath::front());
        reader.resize(40, 10);
        assert_eq!(reader.act(Action::Up), Effect::None, "already at the top");
        assert_eq!(reader.act(Action::PageDown), Effect::Scrolled);
        assert_eq!(reader.act(Action::First), Effect::Scrolled);
        assert!(matches!(reader.step_hit(&library, true), Effect::Notice(_)));
    }
}
