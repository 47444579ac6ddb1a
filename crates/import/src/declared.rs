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
    /// Characters of the document's text, and how many were bold.
    chars: usize,
    bold_chars: usize,
}

impl DeclaredHeadings {
    /// Records `text` as declared, if it can be a heading at all: not
    /// empty, not too long, and (for bold alone) at most one sentence.
    pub(crate) fn declare(&mut self, text: &str, declared: Declared) {
        let key = declared_key(text);
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

    /// Counts a paragraph's characters, and how many were bold.
    pub(crate) fn count(&mut self, chars: usize, bold_chars: usize) {
        self.chars += chars;
        self.bold_chars += bold_chars;
    }

    /// The declarations once the whole document is read: where most of
    /// the text is bold, bold sets nothing apart and declares nothing.
    pub(crate) fn finish(mut self) -> DeclaredHeadings {
        if self.bold_chars * 2 > self.chars {
            self.whole.retain(|_, d| *d != Declared::Bold);
            self.leads.clear();
        }
        self
    }

    /// Records the bold opening of a paragraph, if it is one sentence (it
    /// ends at a sentence end or a colon) short enough for a heading.
    pub(crate) fn declare_lead(&mut self, lead: &str) {
        let key = declared_key(lead);
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

/// A declared text as the stages after see it: the decoder's clean-up
/// (which drops zero-width spaces and bidi marks a page or Word file may
/// hold) has run on the text they read, so it runs on the declaration
/// once here, not on every line looked up.
fn declared_key(text: &str) -> String {
    key(&crate::decode::normalise_text(text))
}

/// A text with its white space left out.
fn key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_heading_is_found_by_its_text_whatever_its_spaces() {
        let mut d = DeclaredHeadings::default();
        d.declare("经济 发展", Declared::Level(2));
        d.declare("经济发展", Declared::Bold);
        assert_eq!(
            d.get("经济发展"),
            Some(Declared::Level(2)),
            "a level outranks bold"
        );
        d.declare(
            "这是一句很长的加粗文字，它说明了全年的工作成绩。它还有第二句话。",
            Declared::Bold,
        );
        assert_eq!(
            d.get("这是一句很长的加粗文字，它说明了全年的工作成绩。它还有第二句话。"),
            None
        );
        d.declare("2020", Declared::Level(1));
        assert_eq!(d.get("2020"), None, "no Chinese, no heading");
        d.declare("社会\u{200B}事业", Declared::Level(2));
        assert_eq!(
            d.get("社会事业"),
            Some(Declared::Level(2)),
            "as the decoder leaves it"
        );
    }

    #[test]
    fn a_bold_lead_in_heads_its_paragraph_only_when_more_follows() {
        let mut d = DeclaredHeadings::default();
        d.declare_lead("工业稳中有进。");
        d.declare_lead("没有句号的加粗");
        let paragraph = "工业稳中有进。全年规上工业增加值增长6%。";
        assert_eq!(d.lead_len(paragraph), Some("工业稳中有进。".len()));
        assert_eq!(
            d.lead_len("工业稳中有进。"),
            None,
            "a lead-in alone is the whole line"
        );
        assert_eq!(d.lead_len("没有句号的加粗文字在这里。"), None);
        assert!(d.is_lead("工业稳中有进。"));
    }

    #[test]
    fn bold_over_most_of_the_text_declares_nothing() {
        let mut d = DeclaredHeadings::default();
        d.declare("成绩来之不易。", Declared::Bold);
        d.declare_lead("工业稳中有进。");
        d.declare("经济发展", Declared::Level(2));
        d.count(100, 80);
        let d = d.finish();
        assert_eq!(d.get("成绩来之不易。"), None);
        assert!(!d.is_lead("工业稳中有进。"));
        assert_eq!(d.get("经济发展"), Some(Declared::Level(2)));
    }
}
