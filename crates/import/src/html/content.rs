//! The main content of a page, found by scoring its DOM, and its blocks as
//! lines.
//!
//! The scoring follows readability's idea, measured in characters of
//! Chinese text: each block that holds text (a `<p>`, a cell, a `<div>`
//! with text of its own) scores one point, one per clause mark (，。；)
//! and one per hundred characters (at most three); its parent gets the
//! score, its grandparent half. A candidate's score is cut by the share of
//! its text that is links, and a class or id naming content or furniture
//! (in the English words every CMS uses: `content`, `article`, `nav`,
//! `footer`, `share`…) moves it. The best candidate is the content.
//! Navigation, headers, footers, asides, forms, scripts and styles are
//! never read, inside the content or out.

use super::is_element;
use crate::declared::Declared;
use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::collections::HashMap;

/// Elements never read: not text, or a page's furniture by their very tag.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
    "select", "textarea", "template", "svg", "head", "title", "object", "embed", "video", "audio",
    "canvas", "map",
];

/// Blocks: each starts and ends a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "ul",
    "ol",
    "center",
    "main",
    "body",
    "hr",
    "br",
    "tbody",
    "thead",
    "caption",
];

/// Blocks whose whole text is one paragraph for the scoring.
const PARAGRAPHS: &[&str] = &["p", "pre", "td", "li", "blockquote", "h1", "h2", "h3", "h4"];

/// English words in a class or id that name a page's furniture.
const FURNITURE_HINTS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "foot",
    "sidebar",
    "side",
    "share",
    "comment",
    "breadcrumb",
    "crumb",
    "copyright",
    "related",
    "toolbar",
    "banner",
    "login",
    "search",
    "position",
    "location",
    "link",
    "bottom",
    "top",
    "header",
    "print",
    "qrcode",
    "pager",
    "tool",
];

/// English words in a class or id that name the content.
const CONTENT_HINTS: &[&str] = &[
    "content", "article", "editor", "zoom", "text", "main", "detail", "body", "post", "entry",
    "view",
];

/// Text and link counts of one element's subtree.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    chars: usize,
    link_chars: usize,
    marks: usize,
    own_chars: usize,
    own_marks: usize,
}

/// The element holding the page's main content, if any text is found.
pub(super) fn main_content(document: &Html) -> Option<NodeId> {
    let stats = subtree_stats(document);
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    for node in document.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let Some(s) = stats.get(&node.id()) else {
            continue;
        };
        let (chars, marks) = if PARAGRAPHS.contains(&element.name()) {
            (s.chars - s.link_chars.min(s.chars), s.marks)
        } else if element.name() == "div"
            || element.name() == "section"
            || element.name() == "span"
            || element.name() == "font"
        {
            (s.own_chars, s.own_marks)
        } else {
            continue;
        };
        if chars < 10 {
            continue;
        }
        let score = 1.0 + marks as f64 + (chars as f64 / 100.0).min(3.0);
        let mut up = node.parent();
        for share in [1.0, 0.5] {
            let Some(ancestor) = up else { break };
            if ancestor.value().is_element() {
                *scores.entry(ancestor.id()).or_default() += score * share;
            }
            up = ancestor.parent();
        }
    }
    scores
        .into_iter()
        .filter_map(|(id, score)| {
            let node = document.tree.get(id)?;
            let s = stats.get(&id)?;
            let density = s.link_chars as f64 / s.chars.max(1) as f64;
            let hint = node.value().as_element().map_or(0.0, class_weight);
            Some((id, score * (1.0 - density) + hint))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _)| id)
}

/// How a class or id moves a candidate: up for content words, down for
/// furniture words.
fn class_weight(element: &scraper::node::Element) -> f64 {
    let names = format!(
        "{} {}",
        element.attr("class").unwrap_or(""),
        element.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    let words: Vec<&str> = names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |hints: &[&str]| words.iter().any(|w| hints.iter().any(|h| w == h));
    let mut weight = 0.0;
    if has(CONTENT_HINTS) {
        weight += 25.0;
    }
    if has(FURNITURE_HINTS) {
        weight -= 25.0;
    }
    weight
}

/// Whether an element is furniture by its tag, or by its class or id alone.
fn is_skipped(node: &Node) -> bool {
    is_element(node, SKIPPED)
        || node
            .as_element()
            .is_some_and(|e| class_weight(e) < 0.0 && !matches!(e.name(), "body" | "html"))
}

/// Text counts of every element, in one iterative pass (open and close
/// edges), furniture left out.
fn subtree_stats(document: &Html) -> HashMap<NodeId, Stats> {
    let mut out = HashMap::new();
    let mut stack: Vec<Stats> = vec![Stats::default()];
    let mut skipping: Option<NodeId> = None;
    let mut in_link = 0usize;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(_) if is_skipped(node.value()) => skipping = Some(node.id()),
                    Node::Element(e) => {
                        in_link += usize::from(e.name() == "a");
                        stack.push(Stats::default());
                    }
                    Node::Text(text) => {
                        let (chars, marks) = count(text);
                        if let Some(top) = stack.last_mut() {
                            top.chars += chars;
                            top.marks += marks;
                            top.own_chars += chars;
                            top.own_marks += marks;
                            if in_link > 0 {
                                top.link_chars += chars;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(e) = node.value() {
                    in_link -= usize::from(e.name() == "a" && in_link > 0);
                    let done = stack.pop().unwrap_or_default();
                    out.insert(node.id(), done);
                    if let Some(top) = stack.last_mut() {
                        top.chars += done.chars;
                        top.link_chars += done.link_chars;
                        top.marks += done.marks;
                        // Inline text is its block's own text.
                        if !BLOCKS.contains(&e.name()) {
                            top.own_chars += done.own_chars;
                            top.own_marks += done.own_marks;
                        }
                    }
                }
            }
        }
    }
    out
}

/// Characters that are not white space, and clause marks.
fn count(text: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut marks = 0;
    for c in text.chars() {
        if !c.is_whitespace() {
            chars += 1;
        }
        if matches!(c, '，' | '。' | '；' | ',' | ';' | '、') {
            marks += 1;
        }
    }
    (chars, marks)
}

/// The content's blocks as lines, in order, each with what its markup says
/// of it (an `<h1>`–`<h6>`, or a block wholly in `<strong>`/`<b>`);
/// furniture inside the content left out.
pub(super) fn blocks(document: &Html, root: NodeId) -> Vec<Block> {
    let Some(root) = document.tree.get(root) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut line = Line::default();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(_) if is_skipped(node.value()) => {
                        skipping = Some(node.id());
                        line.flush(&mut lines);
                    }
                    Node::Element(e) if BLOCKS.contains(&e.name()) => {
                        line.flush(&mut lines);
                        line.level = heading_level(e.name());
                    }
                    Node::Text(text) => {
                        let bold = node
                            .ancestors()
                            .take_while(|a| a.id() != root.id())
                            .any(|a| a.value().as_element().is_some_and(is_bold));
                        line.push(text, bold);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(e) if BLOCKS.contains(&e.name()) => line.flush(&mut lines),
                    Node::Element(e) if matches!(e.name(), "td" | "th") => line.text.push(' '),
                    _ => {}
                }
            }
        }
    }
    line.flush(&mut lines);
    lines
}

/// Whether an element sets its text in bold: `<strong>`, `<b>`, or a
/// `font-weight` of bold (700 and up) in its style, as editors write it.
fn is_bold(element: &scraper::node::Element) -> bool {
    if matches!(element.name(), "strong" | "b") {
        return true;
    }
    let Some(style) = element.attr("style") else {
        return false;
    };
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value = value.trim().trim_end_matches("!important").trim();
        property.trim().eq_ignore_ascii_case("font-weight")
            && (value.eq_ignore_ascii_case("bold")
                || value.eq_ignore_ascii_case("bolder")
                || value.parse::<u32>().is_ok_and(|weight| weight >= 700))
    })
}

/// The level of a heading element: 1 for `<h1>` to 6 for `<h6>`.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', digit @ b'1'..=b'6'] => Some(digit - b'0'),
        _ => None,
    }
}

/// One block of the content as a line, and what its markup says of it.
#[derive(Debug, Default)]
pub(super) struct Block {
    pub text: String,
    /// A heading element, or a block wholly in bold.
    pub declared: Option<Declared>,
    /// The block's opening in bold, when the rest is not.
    pub bold_lead: Option<String>,
    /// Characters of text (white space aside), and how many were bold.
    pub chars: usize,
    pub bold_chars: usize,
}

/// The block being read: its text, and what its markup says of it.
#[derive(Debug, Default)]
struct Line {
    text: String,
    /// The heading element it is, if it is one.
    level: Option<u8>,
    /// Characters of text (white space aside), and how many were bold.
    chars: usize,
    bold_chars: usize,
    /// The bold text the block opens with, while no plain text has come.
    lead: String,
    lead_closed: bool,
}

impl Line {
    fn push(&mut self, text: &str, bold: bool) {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += chars;
        if bold {
            self.bold_chars += chars;
            if !self.lead_closed {
                self.lead.push_str(text);
            }
        } else if chars > 0 {
            self.lead_closed = true;
        }
        self.text.push_str(text);
    }

    /// Ends the line: white space collapsed, and a line break in the
    /// source between two Chinese characters removed (as a browser does).
    fn flush(&mut self, lines: &mut Vec<Block>) {
        let line = std::mem::take(self);
        let bold_lead = (line.bold_chars > 0 && line.bold_chars < line.chars)
            .then(|| line.lead.trim().to_string())
            .filter(|lead| !lead.is_empty());
        let declared = match line.level {
            Some(level) => Some(Declared::Level(level)),
            None if line.chars > 0 && line.bold_chars == line.chars => Some(Declared::Bold),
            None => None,
        };
        let mut out = String::with_capacity(line.text.len());
        let mut pending_space = false;
        for c in line.text.chars() {
            if c.is_whitespace() && c != '\u{3000}' {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                let wide = |c: char| c > '\u{2E80}';
                if !(out.chars().next_back().is_some_and(wide) && wide(c)) {
                    out.push(' ');
                }
                pending_space = false;
            }
            out.push(c);
        }
        if !out.is_empty() {
            lines.push(Block {
                text: out,
                declared,
                bold_lead,
                chars: line.chars,
                bold_chars: line.bold_chars,
            });
        }
    }
}
