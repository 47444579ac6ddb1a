//! The importer's rules by name, and the trace that says which rule decided
//! each line: what `baogao import --explain` prints.
//!
//! Every rule that drops, keeps or promotes a line is a row of [`RULES`]: a
//! short name and a one-line reason. A stage that decides a line records it
//! in the [`Trace`] it is handed (explicitly, never through a global), so a
//! person can see why a line went or why a heading is missing. Adding a rule
//! is a predicate, a row here, and a test.

use std::fmt::Write as _;

/// One named rule of the importer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// A short name, unique among [`RULES`].
    pub name: &'static str,
    /// Why the rule holds, in one line.
    pub reason: &'static str,
}

macro_rules! rules {
    ($($id:ident = $name:literal : $reason:literal;)*) => {
        $(#[doc = $reason] pub const $id: Rule = Rule { name: $name, reason: $reason };)*
        /// Every rule, in the order the pipeline applies them.
        pub const RULES: &[Rule] = &[$($id),*];
    };
}

rules! {
    BLANK = "blank": "a blank line only separates paragraphs";
    BEFORE_TITLE = "before-title": "what stands above the report's title is the page around it";
    TITLE = "title": "a short line naming a kind of report and a year, a place or 工作";
    TITLE_GUESSED = "title-guessed": "no line names a report: a short first line, the metadata's title or the file name stands in";
    TITLE_CONTINUED = "title-continued": "a short line that goes on with the title (和…, 暨…) is the title's second line";
    TITLE_REPEAT = "title-repeat": "the title printed again (perhaps with a note or a page label) is said once";
    TITLE_RUN_ON = "title-run-on": "the title run on into the text: the title goes, the text after it stays";
    TITLE_TALK = "title-talk": "a sentence that names the report's own title talks about the page, not the work";
    RESTART = "restart-at-title": "the title standing again near the top: what came between was the site's";
    METADATA = "metadata": "label: value pairs of an index block; their dates and publisher are kept as fields";
    TITLE_BLOCK = "title-block": "subtitle, meeting date and speaker of a 政府工作报告 go to the preamble";
    DISPLAY_TITLE = "display-title": "a second, shorter display title under the title is typography";
    NOTICE = "cover-notice": "a 关于印发… notice wrapped around the report is not the report";
    BREADCRUMB = "breadcrumb": "a trail of short items between arrows is navigation";
    SITE_NAME = "site-name": "a line that is only a site's or portal's name";
    SITE_LINE = "site-line": "a short line of download, share, counter or copyright words standing apart";
    SITE_NOTE = "site-note": "a paywall or link note wrapped in ellipses or brackets, wherever it stands";
    STAMP = "stamp-line": "a short line holding a numeric date or clock time and no sentence: a page stamp";
    MENU = "menu-row": "a row of two or more very short words set apart by blanks: buttons and links";
    SCRAP = "scrap": "a few characters with fewer than four Chinese, no sentence, no numbering: a widget's leftover";
    KEYWORDS = "keyword-line": "a short label and a colon before a few short words set apart (标签: …): a page's tags";
    PROMPT = "prompt": "under the title, a short line broken by a comma or speaking to 'you' (您, 亲) but not a sentence of the report";
    TEASER = "teaser": "under the title, a short label and a colon before a sentence about the page (内容简介:…)";
    FILE_LINE = "file-line": "a short line naming a file size or file name is a download box";
    LIST_ITEM = "dash-list": "a '- ' bullet line above the report text is a site's info list";
    CREDIT = "credit-line": "编辑:/审核:/来源: a post's credits";
    RUNNING = "running-line": "a short line repeated three times or more is a running head or foot";
    TOC = "toc": "a table of contents: dot leaders or page numbers counting up at the line ends";
    CAPTION = "caption": "an image caption or infographic link";
    PAGE_NUMBER = "page-number": "a lone page number or counter";
    TAG = "tag-line": "a short label with no Chinese, such as an author tag";
    CHUNK = "chunk-marker": "a page-chunk number of a document-sharing site cutting through the text is not numbering";
    FOOTER = "footer": "after a footer line in the second half of the page nothing is report text";
    SIGNATURE = "signature": "the closing signature and date become publisher and published";
    ABSTRACT = "abstract": "a bracketed summary repeating the next paragraph word for word";
    REPEAT = "repeat": "a paragraph printed twice in a row is said once";
    TEXT = "text": "report text";
    HEADING_NUMBERED = "heading-numbered": "a line that starts with outline numbering (一、 (一) 1. (1) ①)";
    HEADING_PART = "heading-part": "a short unpunctuated line opening a run of numbering or standing between paragraphs";
    HEADING_DECLARED = "heading-declared": "a line the document itself marks as a heading: a web page heading element (h1 to h6) or a block wholly in bold, a Word heading style, outline level or bold paragraph";
    HEADING_SLOGAN = "heading-slogan": "a one-sentence slogan line standing alone in a section";
    HEADING_ITEM = "heading-item": "paragraph-leading 一是/二是 items of a section with no numbered children";
    HEADING_FIRST = "heading-first": "a short headline right under a numbered heading whose numbered children start at (二): their first, its number lost";
}

/// What happened to one line of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineVerdict {
    /// The line as the importer saw it (after one-line pages were cut).
    pub line: String,
    /// The rule that decided it.
    pub rule: Rule,
}

/// The record of one import, for `--explain`: a verdict for every line,
/// and the headings with the rule that made each one.
#[derive(Debug, Default)]
pub struct Trace {
    on: bool,
    lines: Vec<Option<Rule>>,
    texts: Vec<String>,
    headings: Vec<(usize, String, Rule)>,
    notes: Vec<(Rule, String)>,
}

impl Trace {
    /// A trace that records; [`Trace::default`] records nothing and costs
    /// nothing.
    pub fn recording() -> Trace {
        Trace {
            on: true,
            ..Trace::default()
        }
    }

    pub(crate) fn is_on(&self) -> bool {
        self.on
    }

    /// The page's lines, once they are known.
    pub(crate) fn start(&mut self, lines: &[String]) {
        if self.on {
            self.texts = lines.to_vec();
            self.lines = vec![None; lines.len()];
        }
    }

    /// A change made inside lines before they were cut (a page-chunk number
    /// taken out of the text), with what it touched.
    pub(crate) fn note(&mut self, rule: Rule, what: String) {
        if self.on {
            self.notes.push((rule, what));
        }
    }

    /// Line `i` was decided by `rule` (the first decision stands).
    pub(crate) fn line(&mut self, i: usize, rule: Rule) {
        if let Some(slot) = self.lines.get_mut(i)
            && slot.is_none()
        {
            *slot = Some(rule);
        }
    }

    /// Lines `range` were all decided by `rule`.
    pub(crate) fn lines(&mut self, range: std::ops::Range<usize>, rule: Rule) {
        if self.on {
            for i in range {
                self.line(i, rule);
            }
        }
    }

    /// A paragraph was dropped by `rule`: the first undecided line that
    /// holds it gets the verdict.
    pub(crate) fn text(&mut self, text: &str, rule: Rule) {
        if !self.on {
            return;
        }
        let found = self
            .texts
            .iter()
            .zip(&self.lines)
            .position(|(line, verdict)| {
                verdict.is_none() && !line.is_empty() && text.contains(line.as_str())
            });
        if let Some(i) = found {
            self.lines[i] = Some(rule);
        }
    }

    /// A heading of the outline at `level` (1 = top), made by `rule`.
    pub(crate) fn heading(&mut self, level: usize, heading: &str, rule: Rule) {
        if self.on {
            self.headings.push((level, heading.to_string(), rule));
        }
    }

    /// Every line with its verdict; a line no rule took is report text
    /// (or a blank).
    pub fn verdicts(&self) -> Vec<LineVerdict> {
        self.texts
            .iter()
            .zip(&self.lines)
            .map(|(line, rule)| LineVerdict {
                line: line.clone(),
                rule: rule.unwrap_or(if line.is_empty() { BLANK } else { TEXT }),
            })
            .collect()
    }

    /// The outline's headings: level, heading, rule.
    pub fn headings(&self) -> &[(usize, String, Rule)] {
        &self.headings
    }

    /// The trace as text: each line with its rule, then the outline.
    pub fn render(&self) -> String {
        let mut out = String::from("lines:\n");
        for (rule, what) in &self.notes {
            let _ = writeln!(out, "   - {:<17} {what}", rule.name);
        }
        for (i, verdict) in self.verdicts().iter().enumerate() {
            if verdict.line.is_empty() {
                continue;
            }
            let line: String = verdict.line.chars().take(60).collect();
            let more = if verdict.line.chars().count() > 60 {
                "…"
            } else {
                ""
            };
            let _ = writeln!(out, "{:>4} {:<17} {line}{more}", i + 1, verdict.rule.name);
        }
        out.push_str("outline:\n");
        if self.headings.is_empty() {
            out.push_str("  (no headings found)\n");
        }
        for (level, heading, rule) in &self.headings {
            let _ = writeln!(
                out,
                "  {}{heading}  [{}]",
                "  ".repeat(level.saturating_sub(1)),
                rule.name
            );
        }
        out.push_str("rules:\n");
        let mut used: Vec<Rule> = self.lines.iter().flatten().copied().collect();
        used.extend(self.notes.iter().map(|(r, _)| *r));
        used.extend(self.headings.iter().map(|(_, _, r)| *r));
        for rule in RULES.iter().filter(|r| used.contains(r)) {
            let _ = writeln!(out, "  {:<17} {}", rule.name, rule.reason);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_and_every_rule_has_a_reason() {
        for (i, rule) in RULES.iter().enumerate() {
            assert!(!rule.reason.is_empty(), "{}", rule.name);
            assert!(
                RULES[..i].iter().all(|r| r.name != rule.name),
                "{} twice",
                rule.name
            );
        }
    }
}
