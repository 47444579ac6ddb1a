//! Web pages → the text lines the importer's pipeline reads.
//!
//! A township report is often published as a government site's page: a
//! `<title>`, a metadata table (索引号, 发布机构, 成文日期, 标题), the report
//! itself in some container, and around it navigation, breadcrumbs, a
//! sidebar, share bars, scripts and a footer. [`page_text`] decodes the page
//! (its charset from a byte-order mark, `<meta charset>` or `http-equiv`,
//! else the text decoder's detection), parses it with a real HTML parser
//! (html5ever, through `scraper`), finds the main content by scoring the
//! DOM (`content.rs`) and writes it as lines: the title first, the metadata
//! rows as `label:value` lines, then one line per block of the content.
//! The content's `<h1>`–`<h6>` and blocks wholly in bold are declared
//! headings (`declared.rs`), for the outline to take even unnumbered.
//! The text pipeline then reads those lines like any scraped text, so the
//! front, place and outline rules (and `--explain`) apply unchanged.
//!
//! Every walk of the tree is iterative, and nesting deeper than browsers
//! keep is flattened before parsing (`depth.rs`): a page of 100 000 nested
//! `<div>`s must neither overflow the stack nor take the parser minutes.

mod content;
mod depth;

use crate::declared::{DeclaredHeadings, SourceText};
use crate::decode::{self, DecodeError};
use encoding_rs::Encoding;
use scraper::{Html, Node};

/// How far into the file the sniffing and the charset look, in bytes.
const HEAD_BYTES: usize = 4096;

/// Whether `bytes` look like a web page: after white space and comments,
/// markup that only a page starts with, whatever the file's extension.
pub(crate) fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return false;
    };
    if head[start] != b'<' {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta ",
    ]
    .iter()
    .any(|tag| lower.windows(tag.len()).any(|w| w == *tag))
}

/// The page's text as the pipeline's input: title, metadata lines, then the
/// main content's blocks, one a line.
pub(crate) fn page_text(bytes: &[u8]) -> Result<SourceText, DecodeError> {
    let source = decode_page(bytes)?;
    let document = Html::parse_document(&depth::cap_depth(&source));
    let mut lines = Vec::new();
    let main = content::main_content(&document);
    let blocks = main
        .map(|node| content::blocks(&document, node))
        .unwrap_or_default();
    let title = page_title(&document);
    if let Some(title) = &title {
        lines.push(title.clone());
    }
    lines.extend(metadata_rows(&document, main));
    lines.push(String::new());
    let mut headings = DeclaredHeadings::default();
    let mut first = true;
    for block in blocks {
        // The content's own heading when it is the title the front already has.
        if first && title.as_deref() == Some(block.text.as_str()) {
            first = false;
            continue;
        }
        first = false;
        headings.count(block.chars, block.bold_chars);
        if let Some(declared) = block.declared {
            headings.declare(&block.text, declared);
        }
        if let Some(lead) = &block.bold_lead {
            headings.declare_lead(lead);
        }
        lines.push(block.text);
    }
    Ok(SourceText {
        text: decode::normalise_text(&lines.join("\n")),
        headings: headings.finish(),
    })
}

/// Bytes → text: a byte-order mark, else the charset the page declares,
/// else the text decoder's own detection.
fn decode_page(bytes: &[u8]) -> Result<String, DecodeError> {
    if Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = declared_charset(bytes)
    {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return Ok(text.into_owned());
    }
    decode::decode(bytes)
}

/// The charset named in the page's head: `<meta charset=…>` or
/// `<meta http-equiv=Content-Type content="…; charset=…">`.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(HEAD_BYTES)];
    let lower = head.to_ascii_lowercase();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..end])?;
    // A page that says UTF-16 in its ASCII head cannot be UTF-16.
    (encoding != encoding_rs::UTF_16LE && encoding != encoding_rs::UTF_16BE).then_some(encoding)
}

/// The page's title: `og:title`, else the page's `<h1>` when the
/// `<title>` holds it (the `<title>` adds the site's name), else the
/// `<title>` (whose site-name tail the text pipeline's title rules take
/// off).
fn page_title(document: &Html) -> Option<String> {
    let head_title = element_text(document, "title");
    let og = document
        .select(&selector(
            "meta[property='og:title'], meta[name='ArticleTitle']",
        ))
        .find_map(|m| m.value().attr("content").map(collapse))
        .filter(|t| !t.is_empty());
    let heading = document
        .select(&selector("h1"))
        .map(|h| collapse(&h.text().collect::<String>()))
        .find(|h| !h.is_empty() && head_title.as_ref().is_some_and(|t| t.contains(h.as_str())));
    og.or(heading).or(head_title)
}

/// The metadata rows of the page (a table or list of `label: value`
/// pairs, inside the content or not), as `label:value` lines; only rows
/// the text pipeline's metadata reader takes as such are kept.
fn metadata_rows(document: &Html, main: Option<ego_tree::NodeId>) -> Vec<String> {
    let mut rows = Vec::new();
    for row in document.select(&selector("tr, li, dl")) {
        if main.is_some_and(|m| row.ancestors().any(|a| a.id() == m)) {
            // Rows of the content are its own text, read with it.
            continue;
        }
        let cells: Vec<String> = row
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .map(|c| collapse(&c.text().collect::<String>()))
            .filter(|c| !c.is_empty())
            .collect();
        if cells.is_empty() || cells.len() > 8 {
            continue;
        }
        let line = pair_cells(&cells);
        if crate::fields::parse_meta_line(&line).is_some_and(|pairs| !pairs.is_empty()) {
            rows.push(line);
        }
    }
    rows
}

/// Cells of a metadata row as one line: a label cell without its colon is
/// joined to the value after it.
fn pair_cells(cells: &[String]) -> String {
    let mut line = String::new();
    for cell in cells {
        if !line.is_empty() {
            let ends_label = line.ends_with([':', '：']);
            line.push_str(if ends_label { "" } else { " " });
        }
        line.push_str(cell);
    }
    line
}

fn element_text(document: &Html, css: &str) -> Option<String> {
    document
        .select(&selector(css))
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|t| !t.is_empty())
}

fn selector(css: &str) -> scraper::Selector {
    // The selectors are this module's own literals; one that does not
    // parse matches nothing rather than failing an import.
    scraper::Selector::parse(css).unwrap_or_else(|_| {
        scraper::Selector::parse("baogao-none").unwrap_or_else(|_| unreachable!())
    })
}

/// White space inside a block collapsed to one space, as a browser shows it.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a node is an element named `name`.
fn is_element(node: &Node, names: &[&str]) -> bool {
    node.as_element().is_some_and(|e| names.contains(&e.name()))
}
