//! Clusters: the units the wrapper never splits, and where a line may end
//! between two of them.
//!
//! A cluster is a character together with the zero-width characters after it
//! (combining marks, variation selectors, ZWJ and the character a ZWJ joins,
//! emoji skin-tone modifiers). That is close to what a terminal and ratatui
//! treat as one grapheme, so a cluster is measured the way they will draw it.

use super::{AmbiguousWidth, Widths};
use std::str::CharIndices;
use unicode_width::UnicodeWidthStr;

const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// How a cluster takes part in line breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// An ASCII space: a break follows a run of them, and they hang at the line end.
    Space,
    /// A wide character (ideograph, kana, hangul, full-width form, emoji): a
    /// break opportunity on both sides.
    Wide,
    /// Everything else (Latin letters, digits, half-width punctuation): runs of
    /// these are words and are not split.
    Narrow,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Cluster {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Display width under the layout's ambiguous-width setting.
    pub width: usize,
    pub class: Class,
    /// May not start a line (closing punctuation, pause and stop marks).
    pub closer: bool,
    /// May not end a line (opening punctuation).
    pub opener: bool,
    /// Its first character is ASCII.
    pub ascii: bool,
    /// Its first character is a digit (half- or full-width).
    pub digit: bool,
    /// Chinese text comes right before it, through any closers: a half-width
    /// "," or ")" there stands for its full-width form and a line may end after it.
    pub follows_wide: bool,
    /// A dash or ellipsis (——, ……): two in a row are one mark, never split.
    pub doubled_mark: Option<char>,
}

/// 避头尾, W3C clreq: characters that may not start a line. Written as escapes
/// because editors and pipes here have turned full-width punctuation into ASCII.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        // ，。、；：？！）
        '\u{FF0C}' | '\u{3002}' | '\u{3001}' | '\u{FF1B}' | '\u{FF1A}' | '\u{FF1F}' | '\u{FF01}' | '\u{FF09}'
        // 》」』】〕〉’”
        | '\u{300B}' | '\u{300D}' | '\u{300F}' | '\u{3011}' | '\u{3015}' | '\u{3009}' | '\u{2019}' | '\u{201D}'
        // …‥·々ー
        | '\u{2026}' | '\u{2025}' | '\u{00B7}' | '\u{3005}' | '\u{30FC}'
        | ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']' | '}'
        // ］｝．, 〗〙 (closing the 〖〘 of the openers), half-width ｡｣､
        | '\u{FF3D}' | '\u{FF5D}' | '\u{FF0E}' | '\u{3017}' | '\u{3019}' | '\u{FF61}' | '\u{FF63}' | '\u{FF64}'
    )
}

/// Characters that may not end a line.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        // “‘（《「『【〔〈
        '\u{201C}' | '\u{2018}' | '\u{FF08}' | '\u{300A}' | '\u{300C}' | '\u{300E}' | '\u{3010}' | '\u{3014}' | '\u{3008}'
        | '(' | '[' | '{'
        // ［｛〖〘｢
        | '\u{FF3B}' | '\u{FF5B}' | '\u{3016}' | '\u{3018}' | '\u{FF62}'
    )
}

/// Whether `c` belongs to the cluster before it rather than starting one:
/// zero-width characters and emoji skin-tone modifiers. Control characters
/// count as zero-width: they should have been sanitised away, and attaching
/// them keeps them from ever starting a line.
fn attaches(c: char) -> bool {
    // Chinese text is ideographs and CJK, full-width and general punctuation,
    // none of it zero-width: answer for those without the width table.
    if c.is_ascii_graphic()
        || is_ideograph(c)
        || matches!(c, '\u{3000}'..='\u{3029}' | '\u{FF01}'..='\u{FF60}' | '\u{2010}'..='\u{2027}')
    {
        return false;
    }
    Widths::default().char(c) == 0 || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// Width of a cluster of several characters. unicode-width measures emoji
/// sequences (ZWJ, VS16) as terminals draw them; a control character inside
/// would count one cell there, so such a cluster is summed char by char.
fn measure_sequence(sequence: &str, widths: Widths) -> usize {
    if sequence.chars().any(char::is_control) {
        return sequence.chars().map(|c| widths.char(c)).sum();
    }
    match widths.ambiguous {
        AmbiguousWidth::Narrow => sequence.width(),
        AmbiguousWidth::Wide => sequence.width_cjk(),
    }
}

/// The clusters of a text, in order, covering it exactly.
pub(super) struct Clusters<'a> {
    text: &'a str,
    chars: CharIndices<'a>,
    widths: Widths,
    previous_wide_context: bool,
}

impl<'a> Clusters<'a> {
    pub fn new(text: &'a str, widths: Widths) -> Self {
        Clusters {
            text,
            chars: text.char_indices(),
            widths,
            previous_wide_context: false,
        }
    }
}

/// Whether the character starting with byte `lead` surely starts a new
/// cluster (printable ASCII, or U+4000–U+9FFF), so it need not be decoded.
fn starts_cluster(lead: u8) -> bool {
    (0x20..0x7F).contains(&lead) || (0xE4..=0xE9).contains(&lead)
}

impl Iterator for Clusters<'_> {
    type Item = Cluster;

    #[inline]
    fn next(&mut self) -> Option<Cluster> {
        let (start, first) = self.chars.next()?;
        let mut last = first;
        loop {
            let lead = self.text.as_bytes().get(self.chars.offset());
            if lead.is_none_or(|&lead| last != ZERO_WIDTH_JOINER && starts_cluster(lead)) {
                break;
            }
            let mut ahead = self.chars.clone();
            let Some((_, c)) = ahead.next() else {
                break;
            };
            // A ZWJ joins the next character (emoji sequences), but not a
            // space or control character, which would then hide inside a glyph.
            let joined = last == ZERO_WIDTH_JOINER && !c.is_whitespace() && !c.is_control();
            if !(attaches(c) || joined) {
                break;
            }
            self.chars = ahead;
            last = c;
        }
        let end = self.chars.offset();
        let single = end - start == first.len_utf8();

        let cluster = if single && is_ideograph(first) {
            // Most of a report: skip the punctuation tables.
            Cluster {
                start,
                end,
                width: 2,
                class: Class::Wide,
                closer: false,
                opener: false,
                ascii: false,
                digit: false,
                follows_wide: self.previous_wide_context,
                doubled_mark: None,
            }
        } else {
            let width = if single {
                self.widths.char(first)
            } else {
                measure_sequence(&self.text[start..end], self.widths)
            };
            // A space carrying a combining mark shows something: it is no gap.
            let class = if first == ' ' && single {
                Class::Space
            } else if Widths::default().char(first) == 2 {
                Class::Wide
            } else {
                Class::Narrow
            };
            Cluster {
                start,
                end,
                width,
                class,
                closer: is_closer(first),
                opener: is_opener(first),
                doubled_mark: matches!(first, '\u{2014}' | '\u{2026}' | '\u{2025}' | '\u{2E3A}')
                    .then_some(first),
                ascii: first.is_ascii(),
                digit: first.is_ascii_digit() || ('\u{FF10}'..='\u{FF19}').contains(&first),
                follows_wide: self.previous_wide_context,
            }
        };
        self.previous_wide_context =
            cluster.class == Class::Wide || (cluster.closer && cluster.follows_wide);
        Some(cluster)
    }
}

/// CJK Unified Ideographs, the bulk of every report.
fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether a line may end between `before` and `after` in normal layout.
pub(super) fn may_break(before: &Cluster, after: &Cluster) -> bool {
    if !may_force_break(before, after) {
        return false;
    }
    if before.class == Class::Space {
        return true;
    }
    // clreq: the two halves of —— and …… are never split across lines.
    if before.doubled_mark.is_some() && before.doubled_mark == after.doubled_mark {
        return false;
    }
    // A number and the unit after it read as one word: 2020年, 923.17亿.
    let unit = after.class == Class::Wide && !after.opener;
    if before.digit && (after.digit || unit) {
        return false;
    }
    if before.class == Class::Wide || after.class == Class::Wide {
        return true;
    }
    // ” … · only occur as Chinese punctuation; "," only after Chinese text.
    if before.closer && (!before.ascii || before.follows_wide) {
        return true;
    }
    after.opener && !after.ascii
}

/// Whether a line may end there when nothing from [`may_break`] fits (a word
/// longer than the line): anywhere that keeps 避头尾 and leaves spaces at the
/// end of the line they follow.
pub(super) fn may_force_break(before: &Cluster, after: &Cluster) -> bool {
    !(after.class == Class::Space || after.closer || before.opener)
}
