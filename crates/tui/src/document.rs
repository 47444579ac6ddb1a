//! A report as the reader pages through it: one flat run of blocks (title,
//! a line of facts, preamble, then every heading and its paragraphs in
//! reading order), laid out into screen lines once per width.
//!
//! Reading flows from one section into the next like turning a page, so the
//! reader scrolls through the whole report; a section is where its heading
//! starts. Layout is the only costly step and happens in [`Document::lay_out`]
//! when the width changes, never while drawing.
//!
//! The text is shown as a printed report sets it: half-width marks between
//! Chinese characters full-width (unless the reader asked for the text as
//! written), a heading that runs into its text as the bold start of its
//! first paragraph (`baogao_report::marker::runs_in`), each level of
//! heading with an indent of its own. Places in the text as written
//! (search hits, saved positions) are turned into places in the text shown
//! by [`Document::shown_offset`] and back by [`Document::written_offset`].

use baogao_layout::{
    PARAGRAPH_INDENT, Widths, full_width_marks, shown_offset, wrap_cjk, written_offset,
};
use baogao_report::marker::runs_in;
use baogao_report::model::{Report, SectionPath};
use std::borrow::Cow;

/// How punctuation is shown: half-width marks between Chinese characters
/// full-width (the default), or the text exactly as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Punctuation {
    #[default]
    FullWidth,
    AsWritten,
}

/// The cells a heading of outline depth `depth` is indented by: none for the
/// top level, then a character per level, so that the level of a heading
/// shows at a glance with or without colour.
pub(crate) fn heading_indent(depth: usize) -> usize {
    depth.saturating_sub(1).min(2) * 2
}

/// What a block is, which decides its style and indent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// The report title, centred.
    Title,
    /// Township, year, publisher…, centred and dim.
    Facts,
    /// A section heading; `depth` 1 is top level.
    Heading { depth: usize },
    /// A paragraph, first line indented two characters (首行缩进).
    Paragraph,
}

/// One block of text and where it belongs.
#[derive(Debug, Clone)]
pub(crate) struct Block<'a> {
    pub(crate) kind: BlockKind,
    pub(crate) text: Cow<'a, str>,
    /// Index into [`Document::sections`].
    pub(crate) section: usize,
    /// 0 for a heading (or the title/facts of the front), paragraph index + 1.
    pub(crate) index_in_section: usize,
    /// Bytes at the start of `text` that are the section's heading run
    /// into its first paragraph (0 for any other block).
    pub(crate) lead: usize,
    /// Where the marks shown full-width are in the text as written (of
    /// the paragraph, after the lead), ascending.
    pub(crate) marks: Vec<usize>,
}

/// A section in reading order; entry 0 is the report's front.
#[derive(Debug, Clone)]
pub(crate) struct SectionEntry {
    pub(crate) path: SectionPath,
    pub(crate) first_block: usize,
}

/// One screen line: part of a block's text, or a blank line between blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LayoutLine {
    /// `None` for a blank line.
    pub(crate) block: Option<u32>,
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) indent: u16,
    /// A row of a paragraph that is not its last: its blank cells are
    /// spread inside it (`baogao_layout::spread`), as print justifies.
    pub(crate) justify: bool,
}

impl LayoutLine {
    /// The gap before a heading and after the facts line.
    pub(crate) const BLANK: LayoutLine = LayoutLine {
        block: None,
        start: 0,
        end: 0,
        indent: 0,
        justify: false,
    };
}

/// The document laid out at one width.
#[derive(Debug, Clone, Default)]
pub(crate) struct Layout {
    pub(crate) width: usize,
    pub(crate) lines: Vec<LayoutLine>,
    /// First line of each section (the blank line above a heading belongs to
    /// the section before it).
    pub(crate) section_lines: Vec<usize>,
}

/// One report, flattened for reading.
#[derive(Debug, Clone)]
pub(crate) struct Document<'a> {
    pub(crate) report_index: usize,
    pub(crate) report: &'a Report,
    pub(crate) blocks: Vec<Block<'a>>,
    pub(crate) sections: Vec<SectionEntry>,
    pub(crate) punctuation: Punctuation,
}

impl<'a> Document<'a> {
    pub(crate) fn new(
        report_index: usize,
        report: &'a Report,
        punctuation: Punctuation,
    ) -> Document<'a> {
        let mut document = Document {
            report_index,
            report,
            blocks: Vec::new(),
            sections: Vec::new(),
            punctuation,
        };
        document.sections.push(SectionEntry {
            path: SectionPath::front(),
            first_block: 0,
        });
        document.push(BlockKind::Title, &report.title, 0, 0);
        // The facts line is made here, not in the report: never converted.
        let facts = facts(report);
        if !facts.is_empty() {
            document.blocks.push(Block {
                kind: BlockKind::Facts,
                text: Cow::Owned(facts),
                section: 0,
                index_in_section: 0,
                lead: 0,
                marks: Vec::new(),
            });
        }
        for (i, paragraph) in report.preamble.iter().enumerate() {
            document.push(BlockKind::Paragraph, paragraph, 0, i + 1);
        }
        for (path, section) in report.outline() {
            let entry = document.sections.len();
            let depth = path.depth();
            document.sections.push(SectionEntry {
                path,
                first_block: document.blocks.len(),
            });
            let mut paragraphs = section.paragraphs.iter().enumerate();
            let first = section.paragraphs.first().map(String::as_str);
            if runs_in(&section.heading, first)
                && let Some((_, paragraph)) = paragraphs.next()
            {
                document.push_run_in(&section.heading, paragraph, entry);
            } else {
                document.push(BlockKind::Heading { depth }, &section.heading, entry, 0);
            }
            for (i, paragraph) in paragraphs {
                document.push(BlockKind::Paragraph, paragraph, entry, i + 1);
            }
        }
        document
    }

    /// `text` as shown, with where its converted marks are.
    fn shown(&self, text: &'a str) -> (Cow<'a, str>, Vec<usize>) {
        if self.punctuation == Punctuation::AsWritten {
            return (Cow::Borrowed(text), Vec::new());
        }
        let marks = full_width_marks(text);
        (baogao_layout::with_full_width(text, &marks), marks)
    }

    fn push(&mut self, kind: BlockKind, text: &'a str, section: usize, index_in_section: usize) {
        if !text.is_empty() {
            let (text, marks) = self.shown(text);
            self.blocks.push(Block {
                kind,
                text,
                section,
                index_in_section,
                lead: 0,
                marks,
            });
        }
    }

    /// A heading run into its section's first paragraph: one block, the
    /// heading its lead.
    fn push_run_in(&mut self, heading: &'a str, paragraph: &'a str, section: usize) {
        let (lead, _) = self.shown(heading.trim_end());
        let (body, marks) = self.shown(paragraph);
        let mut text = String::with_capacity(lead.len() + body.len());
        text.push_str(&lead);
        text.push_str(&body);
        self.blocks.push(Block {
            kind: BlockKind::Paragraph,
            text: Cow::Owned(text),
            section,
            index_in_section: 1,
            lead: lead.len(),
            marks,
        });
    }

    /// Where byte `offset` of block `block`'s text as written (the
    /// paragraph's, for a block with a lead) is in the text shown.
    pub(crate) fn shown_offset(&self, block: usize, offset: usize) -> usize {
        self.blocks
            .get(block)
            .map_or(offset, |b| b.lead + shown_offset(&b.marks, offset))
    }

    /// Where byte `offset` of block `block`'s text shown is in the text as
    /// written; `None` inside a lead (the place is the section's heading).
    pub(crate) fn written_offset(&self, block: usize, offset: usize) -> Option<usize> {
        let b = self.blocks.get(block)?;
        let offset = offset.checked_sub(b.lead)?;
        Some(written_offset(&b.marks, offset))
    }

    /// The index of the section entry with this path.
    pub(crate) fn section_index(&self, path: &SectionPath) -> Option<usize> {
        self.sections.iter().position(|entry| &entry.path == path)
    }

    /// The block of paragraph `paragraph` of the section at `order` in
    /// [`Report::outline`] order (`WHOLE_REPORT`: the preamble), as search
    /// hits name it.
    pub(crate) fn paragraph_block(&self, order: u32, paragraph: u32) -> Option<usize> {
        let section = if order == baogao_search::WHOLE_REPORT {
            0
        } else {
            order as usize + 1
        };
        let first = self.sections.get(section)?.first_block;
        let wanted = paragraph as usize + 1;
        self.blocks[first..]
            .iter()
            .take_while(|block| block.section == section)
            .position(|block| {
                block.kind == BlockKind::Paragraph && block.index_in_section == wanted
            })
            .map(|i| first + i)
    }

    /// Lay every block out at `width` cells.
    pub(crate) fn lay_out(&self, width: usize, widths: Widths) -> Layout {
        let mut layout = Layout {
            width,
            lines: Vec::new(),
            section_lines: vec![0; self.sections.len()],
        };
        let mut next_section = 0;
        for (index, block) in self.blocks.iter().enumerate() {
            let after_blank = layout.lines.last().is_none_or(|line| line.block.is_none());
            if matches!(block.kind, BlockKind::Heading { .. }) && !after_blank {
                layout.lines.push(LayoutLine::BLANK);
            }
            // Sections with no text of their own start where the next one does.
            while next_section <= block.section {
                layout.section_lines[next_section] = layout.lines.len();
                next_section += 1;
            }
            // A heading hangs at its level's indent on every row, unless
            // the pane is too narrow to give it and a character.
            let hang = match block.kind {
                BlockKind::Heading { depth } if heading_indent(depth) + 2 < width => {
                    heading_indent(depth)
                }
                _ => 0,
            };
            let first_indent =
                if block.kind == BlockKind::Paragraph && crate::settings::get().indent {
                    PARAGRAPH_INDENT
                } else {
                    0
                };
            let centred = matches!(block.kind, BlockKind::Title | BlockKind::Facts);
            let lines = wrap_cjk(&block.text, width - hang, first_indent, widths);
            let last = lines.len().saturating_sub(1);
            for (i, line) in lines.into_iter().enumerate() {
                let indent = if centred {
                    width.saturating_sub(line.width) / 2
                } else {
                    line.indent + hang
                };
                layout.lines.push(LayoutLine {
                    block: Some(index as u32),
                    start: line.start as u32,
                    end: line.end as u32,
                    indent: indent.min(u16::MAX as usize) as u16,
                    justify: block.kind == BlockKind::Paragraph && i < last,
                });
            }
            if block.kind == BlockKind::Facts {
                layout.lines.push(LayoutLine::BLANK);
            }
        }
        for line in &mut layout.section_lines[next_section..] {
            *line = layout.lines.len();
        }
        layout
    }

    /// The text of a laid-out line (empty for a blank line).
    pub(crate) fn line_text(&self, line: &LayoutLine) -> &str {
        match line.block {
            Some(block) => self.blocks[block as usize]
                .text
                .get(line.start as usize..line.end as usize)
                .unwrap_or(""),
            None => "",
        }
    }
}

/// The line under the title: where, when, who.
fn facts(report: &Report) -> String {
    let place: String = [
        &report.province,
        &report.city,
        &report.county,
        &report.township,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect();
    let mut parts: Vec<String> = Vec::new();
    if !place.is_empty() {
        parts.push(place);
    }
    if let Some(year) = report.year {
        parts.push(format!("{year}年"));
    }
    parts.push(report.kind.label_zh(report.period).to_string());
    if let Some(publisher) = &report.publisher {
        parts.push(publisher.clone());
    }
    if let Some(published) = &report.published {
        parts.push(published.clone());
    }
    parts.join(" · ")
}

impl Layout {
    /// The section entry that line `line` belongs to.
    pub(crate) fn section_at(&self, line: usize) -> usize {
        self.section_lines
            .partition_point(|&first| first <= line)
            .saturating_sub(1)
    }

    /// The line holding byte `offset` of block `block`, or the block's first line.
    pub(crate) fn line_of(&self, block: usize, offset: usize) -> Option<usize> {
        let block = block as u32;
        let first = self
            .lines
            .iter()
            .position(|line| line.block == Some(block))?;
        let within = self.lines[first..]
            .iter()
            .take_while(|line| line.block == Some(block))
            .take_while(|line| line.start as usize <= offset)
            .count();
        Some(first + within.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_report::model::{Kind, Section};

    fn section(heading: &str, paragraphs: &[&str], sections: Vec<Section>) -> Section {
        Section {
            heading: heading.to_string(),
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            sections,
        }
    }

    fn report() -> Report {
        Report {
            township: Some("某镇".to_string()),
            year: Some(2020),
            kind: Kind::WorkSummary,
            preamble: vec!["今年以来,我镇工作扎实推进。".to_string()],
            sections: vec![
                section(
                    "一、总结",
                    &[],
                    vec![section("(一)发展", &["经济稳步增长。"; 3], Vec::new())],
                ),
                section("二、计划", &["明年继续努力。"], Vec::new()),
            ],
            ..Report::new("t", "某镇2020年工作总结")
        }
    }

    #[test]
    fn sections_are_in_reading_order_with_their_blocks() {
        let report = report();
        let document = Document::new(0, &report, Punctuation::FullWidth);
        let paths: Vec<Vec<usize>> = document.sections.iter().map(|s| s.path.0.clone()).collect();
        assert_eq!(paths, vec![vec![], vec![0], vec![0, 0], vec![1]]);
        let kinds: Vec<BlockKind> = document.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds[..3],
            [BlockKind::Title, BlockKind::Facts, BlockKind::Paragraph]
        );
        assert_eq!(kinds[3], BlockKind::Heading { depth: 1 });
        assert_eq!(kinds[4], BlockKind::Heading { depth: 2 });
        assert_eq!(document.blocks[5].index_in_section, 1);
    }

    #[test]
    fn layout_knows_where_each_section_starts_and_which_line_holds_an_offset() {
        let report = report();
        let document = Document::new(0, &report, Punctuation::FullWidth);
        let layout = document.lay_out(10, Widths::default());
        for (s, entry) in document.sections.iter().enumerate().skip(1) {
            let line = layout.lines[layout.section_lines[s]];
            let heading = &document.blocks[entry.first_block].text;
            assert_eq!(document.line_text(&line), &heading[..line.end as usize]);
            assert_eq!(layout.section_at(layout.section_lines[s]), s);
        }
        // A blank line goes before every heading, and belongs to the section above.
        let first_heading = layout.section_lines[1];
        assert_eq!(layout.lines[first_heading - 1].block, None);
        assert_eq!(layout.section_at(first_heading - 1), 0);
        // The preamble (block 2) wraps over several lines at width 10.
        let second = layout.line_of(2, 12).expect("the preamble is laid out");
        assert_eq!(layout.lines[second].block, Some(2));
        assert!(layout.lines[second].start > 0 && layout.lines[second].start <= 12);
        assert_eq!(layout.line_of(99, 0), None);
    }

    #[test]
    fn paragraphs_are_indented_two_cells_and_the_title_is_centred() {
        let report = report();
        let document = Document::new(0, &report, Punctuation::FullWidth);
        let layout = document.lay_out(40, Widths::default());
        assert_eq!(layout.lines[0].indent, (40 - 18) / 2);
        let preamble = layout
            .lines
            .iter()
            .find(|line| line.block == Some(2))
            .expect("preamble");
        assert_eq!(preamble.indent, 4);
        let heading = layout.lines[layout.section_lines[1]];
        assert_eq!(heading.indent, 0);
        let second_level = layout.lines[layout.section_lines[2]];
        assert_eq!(second_level.indent, 2);
    }

    #[test]
    fn a_heading_that_runs_in_leads_its_first_paragraph() {
        let mut report = report();
        report.sections[1].sections = vec![
            section(
                "一是全面推进垃圾分类,",
                &["全岛投放垃圾桶1000多个。", "另起一段。"],
                Vec::new(),
            ),
            section("二是持续保护生态。", &["严格控制游客总量。"], Vec::new()),
        ];
        let document = Document::new(0, &report, Punctuation::FullWidth);
        let entry = document
            .section_index(&SectionPath(vec![1, 0]))
            .expect("the item is a section");
        let block = &document.blocks[document.sections[entry].first_block];
        assert_eq!(block.kind, BlockKind::Paragraph);
        assert_eq!(block.text, "一是全面推进垃圾分类，全岛投放垃圾桶1000多个。");
        assert_eq!(&block.text[..block.lead], "一是全面推进垃圾分类，");
        assert_eq!(block.index_in_section, 1);
        // The paragraph's places as written map past the lead and back.
        let first = document.sections[entry].first_block;
        let at = "全岛".len();
        assert_eq!(document.shown_offset(first, at), block.lead + at);
        assert_eq!(document.written_offset(first, block.lead + at), Some(at));
        assert_eq!(document.written_offset(first, 3), None);
        // No heading line of its own: no row of the layout ends with the comma.
        let layout = document.lay_out(30, Widths::default());
        for line in &layout.lines {
            assert!(!document.line_text(line).ends_with(['\u{FF0C}', ',']));
        }
    }

    #[test]
    fn punctuation_is_full_width_between_chinese_unless_asked_as_written() {
        let report = report();
        let shown = Document::new(0, &report, Punctuation::FullWidth);
        let preamble = &shown.blocks[2];
        assert_eq!(preamble.text, "今年以来，我镇工作扎实推进。");
        assert_eq!(shown.shown_offset(2, "今年以来,".len()), "今年以来，".len());
        let written = Document::new(0, &report, Punctuation::AsWritten);
        assert_eq!(written.blocks[2].text, "今年以来,我镇工作扎实推进。");
    }
}
