//! CJK line wrapping and truncation by display width (`docs/cjk-layout.md`).
//!
//! The reader pane hands ratatui lines that already fit: this module decides
//! where they break. [`wrap_cjk`] breaks between Chinese characters and at
//! spaces, keeps Latin words and numbers whole, follows 避头尾 (no line starts
//! with "，" or "」", none ends with "“"), and never lets a wide character
//! straddle the edge. [`truncate`] cuts labels with "…". Both measure with
//! one [`Widths`], so the ambiguous-width setting applies everywhere alike.
//!
//! How a printed report is set, on top of that: [`full_width_punctuation`]
//! shows half-width `,` `;` `:` `(` `)` between Chinese characters
//! full-width (with [`shown_offset`] and [`written_offset`] to map places
//! between the two texts), [`spread`] puts the blank cells of a short row
//! inside it, and [`PARAGRAPH_INDENT`] is the first-line indent.
//!
//! Pure library code: no terminal here, the TUI turns [`WrappedLine`]s into
//! ratatui lines.

#![forbid(unsafe_code)]

mod cluster;
mod layout;
mod punctuation;
mod spread;
#[cfg(test)]
mod tests;

use cluster::Clusters;
pub use cluster::is_closer;
pub use punctuation::{
    MARK_GROWTH, full_width_marks, full_width_punctuation, shown_offset, with_full_width,
    written_offset,
};
pub use spread::{NATURAL_GAP, spread};

/// The first-line indent of a paragraph, in cells: two Chinese characters
/// (首行缩进), in the reader and in `baogao show` alike.
pub const PARAGRAPH_INDENT: usize = 4;
use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// How ambiguous-width characters (“ ” ‘ ’ · — … • ─ …) are counted: one cell
/// by default, two with a setting; the whole UI uses one setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmbiguousWidth {
    #[default]
    Narrow,
    Wide,
}

/// Display widths under one ambiguous-width setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Widths {
    pub ambiguous: AmbiguousWidth,
}

impl Widths {
    /// Cells `c` takes on its own; control characters take none (they are
    /// sanitised before display).
    #[inline]
    pub fn char(&self, c: char) -> usize {
        // Report text is mostly ASCII and CJK ideographs, whose widths do not
        // depend on the setting: skip the table lookup for them.
        let width = match (c, self.ambiguous) {
            (' '..='~', _) => Some(1),
            ('\u{4E00}'..='\u{9FFF}', _) => Some(2),
            (_, AmbiguousWidth::Narrow) => c.width(),
            (_, AmbiguousWidth::Wide) => c.width_cjk(),
        };
        width.unwrap_or(0)
    }

    /// Cells `s` takes, measured cluster by cluster as the wrapper does, so an
    /// emoji sequence counts as drawn (two cells), not as the sum of its parts.
    pub fn str(&self, s: &str) -> usize {
        Clusters::new(s, *self).map(|cluster| cluster.width).sum()
    }

    /// The units a screen draws one per cell run: each character with the
    /// zero-width characters after it, emoji sequences whole, with the cells
    /// each takes. Drawing by these keeps the screen in step with the layout.
    pub fn cells<'a>(&self, s: &'a str) -> impl Iterator<Item = (&'a str, usize)> + 'a {
        Clusters::new(s, *self).map(move |cluster| (&s[cluster.start..cluster.end], cluster.width))
    }
}

/// One wrapped line: a byte range of the source text. Lines partition the text: the first
/// starts at 0, each starts where the previous ends, the last ends at text.len().
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: usize,
    pub end: usize,
    /// Blank cells before the text (the paragraph's first-line indent, else 0).
    pub indent: usize,
    /// Display width of the visible text: text[start..end] minus trailing spaces at a break.
    pub width: usize,
}

impl WrappedLine {
    /// The line's text in `source` (the text it was wrapped from), with any
    /// trailing spaces; empty if `source` is some other text.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// Break `text` into lines no wider than `width` cells. `first_indent` cells of blank go
/// before the first line (2 for paragraphs, 0 for headings); drop the indent when
/// width < first_indent + 2 so narrow panes still show text.
///
/// Always at least one line (an empty text gives one empty line). A width of
/// 0 is taken as 1. A line is wider than `width` only when it holds a single
/// character wider than the whole width.
pub fn wrap_cjk(text: &str, width: usize, first_indent: usize, widths: Widths) -> Vec<WrappedLine> {
    layout::wrap(text, width, first_indent, widths)
}

/// `text` cut to at most `width` cells, ending with "…" when cut (the "…" counts with the
/// setting); never cuts a character in half: if a wide char doesn't fit, stop before it
/// (the result may then be one cell short). width 0 → "". Borrowed when it fits.
///
/// When even the "…" does not fit (width 1 with wide ambiguous characters)
/// the result is "", as a label that could not say it was cut would mislead.
pub fn truncate(text: &str, width: usize, widths: Widths) -> Cow<'_, str> {
    const ELLIPSIS: char = '\u{2026}';
    if width == 0 {
        return Cow::Borrowed("");
    }
    let budget = width.saturating_sub(widths.char(ELLIPSIS));
    let mut used = 0;
    let mut kept_end = 0;
    for cluster in Clusters::new(text, widths) {
        used += cluster.width;
        if used > width {
            if width < widths.char(ELLIPSIS) {
                return Cow::Borrowed("");
            }
            // A space right before the "…" would only look like a gap.
            let kept = text[..kept_end].trim_end_matches(' ');
            let mut cut = String::with_capacity(kept.len() + ELLIPSIS.len_utf8());
            cut.push_str(kept);
            cut.push(ELLIPSIS);
            return Cow::Owned(cut);
        }
        if used <= budget {
            kept_end = cluster.end;
        }
    }
    Cow::Borrowed(text)
}
