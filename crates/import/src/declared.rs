//! Headings a structured document declares itself: a web page's `<h1>`–
//! `<h6>` and paragraphs wholly in bold, a Word paragraph's heading style or
//! outline level and paragraphs whose every run is bold.
//!
//! Text files say nothing of their headings, and the outline finds them by
//! their numbering and shape. A page or a `.docx` often says more: a
//! heading with no number in its text (`<h2>经济发展</h2>`, a Word "Heading
//! 1" paragraph `2020年工作回顾`) is a heading all the same. The format's
//! reader records what it was told beside the text it writes
//! ([`SourceText`]); the outline stage reads it back by the paragraph's
//! text, since the stages between may split and join lines.

use std::collections::{HashMap, HashSet};

/// The longest heading a document may declare, in characters: a longer
/// `<h2>` or bold paragraph is emphasised text, not a heading.
pub(crate) const MAX_DECLARED_CHARS: usize = 60;

/// The longest paragraph taken as a heading for being bold alone: bold
/// marks a lead-in sentence as often as a heading.
pub(crate) const MAX_BOLD_CHARS: usize = 40;

/// What the document says of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Declared {
    /// A heading of this level (1 the outermost), by its tag or style.
    Level(u8),
    /// A paragraph wholly in bold: a heading of unknown level.
    Bold,
}

/// The text a format's reader gives, and the headings it declared.
#[derive(Debug, Default, Clone)]
pub(crate) struct SourceText {
    pub text: String,
    pub headings: DeclaredHeadings,
}

impl SourceText {
    /// Text that declares nothing (a text file, a PDF).
    pub(crate) fn plain(text: String) -> SourceText {
        SourceText {
            text,
            headings: DeclaredHeadings::default(),
        }
    }
}

/// Declared headings by their text, white space left out; and bold
/// lead-ins, a paragraph's opening sentence in bold (`<b>疫情防控成效显著。
/// </b>采用…`), which head their paragraph as a run-in heading does.
#[derive(Debug, Default, Clone)]
pub(crate) struct DeclaredHeadings {
    whole: HashMap<String, Declared>,
    leads: HashSet<String>,
}

impl DeclaredHeadings {
    /// Records `text` as declared, if it can be a heading at all: not
    /// empty, not too long, and (for bold alone) at most one sentence.
    pub(crate) fn declare(&mut self, text: &str, declared: Declared) {
        let key = key(text);
        let chars = key.chars().count();
        let sentences = key
            .chars()
            .filter(|c| matches!(c, '。' | '！' | '？' | '!' | '?'))
            .count();
        let fits = match declared {
            Declared::Level(_) => chars <= MAX_DECLARED_CHARS,
            Declared::Bold => chars <= MAX_BOLD_CHARS && sentences <= 1,
        };
        if chars > 0 && fits && key.chars().any(crate::text::is_han) {
            // A level outranks bold: a bold heading-styled paragraph is a
            // heading of that level.
            let entry = self.whole.entry(key).or_insert(declared);
            if matches!(declared, Declared::Level(_)) {
                *entry = declared;
            }
        }
    }

    /// What the document declared of a paragraph with this text.
    pub(crate) fn get(&self, text: &str) -> Option<Declared> {
        if self.whole.is_empty() {
            return None;
        }
        self.whole.get(&key(text)).copied()
    }

    /// Records the bold opening of a paragraph, if it is one sentence (it
    /// ends at a sentence end or a colon) short enough for a heading.
    pub(crate) fn declare_lead(&mut self, lead: &str) {
        let key = key(lead);
        let ends = key.ends_with(|c| LEAD_ENDS.contains(&c));
        let sentences = key.chars().filter(|c| LEAD_ENDS.contains(c)).count();
        if ends && sentences == 1 && key.chars().count() <= MAX_BOLD_CHARS {
            self.leads.insert(key);
        }
    }

    /// Whether `text` is a declared bold lead-in.
    pub(crate) fn is_lead(&self, text: &str) -> bool {
        !self.leads.is_empty() && self.leads.contains(&key(text))
    }

    /// The length in bytes of a declared bold lead-in `paragraph` opens
    /// with, if it does (and is more than it).
    pub(crate) fn lead_len(&self, paragraph: &str) -> Option<usize> {
        if self.leads.is_empty() {
            return None;
        }
        let mut squashed = String::new();
        for (at, c) in paragraph.char_indices().take(MAX_BOLD_CHARS * 2) {
            if c.is_whitespace() {
                continue;
            }
            squashed.push(c);
            if LEAD_ENDS.contains(&c) {
                let end = at + c.len_utf8();
                return (self.leads.contains(&squashed) && end < paragraph.trim_end().len())
                    .then_some(end);
            }
        }
        None
    }
}

/// The marks a bold lead-in ends with: a sentence end, or a colon.
const LEAD_ENDS: &[char] = &['。', '！', '？', '!', '?', '：', ':'];

fn key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
