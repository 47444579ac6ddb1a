//! The importer: raw scraped text → a schema-1 [`Report`].
//!
//! The pipeline, one module per step, each a plain function over lines:
//!
//! 1. [`decode`] in `decode.rs`: bytes → text (BOM, UTF-8, GB18030…;
//!    controls removed).
//! 2. `split_giant_lines` in `reflow.rs`: a one-line page is cut back into
//!    lines.
//! 3. `strip_watermark` in `cruft/`: a slogan repeated at the end of lines
//!    goes.
//! 4. `front.rs`: title, metadata block (`fields.rs`), cover notice, title
//!    block.
//! 5. body cleaning (`cruft/`): site furniture, captions, page numbers,
//!    footer; the closing signature and date (`take_signature` in `cruft/`).
//! 6. `paragraphs` in `reflow.rs`: PDF line breaks joined, PDF spaces
//!    removed.
//! 7. `outline.rs`: headings ([`marker`], `items.rs`) → preamble + section
//!    tree.
//! 8. `meta.rs` and `place.rs`: year, period, kind, township, county…, and
//!    the id.
//!
//! Keywords are matched on text folded to simplified characters
//! (`simplified` in `text.rs`), so traditional-character reports import alike;
//! the report itself keeps the characters it was written in.

#![forbid(unsafe_code)]

pub(crate) mod cruft;
pub(crate) mod decode;
pub(crate) mod fields;
pub(crate) mod front;
pub(crate) mod items;
pub(crate) mod meta;
pub(crate) mod outline;
pub(crate) mod place;
pub(crate) mod reflow;
pub(crate) mod text;

pub use decode::{DecodeError, decode};
pub use meta::{kind_of, period_from_title, short_hash, year_from_title};

use baogao_report::marker;

use baogao_report::model::{Kind, Report, SCHEMA_VERSION};
use baogao_report::sanitise::sanitise_report;
use fields::{MetaFields, parse_meta_line};
use std::collections::HashSet;
use text::{ends_sentence, is_clause_end, is_han, simplified, trim};
use thiserror::Error;

/// Why a file could not be imported.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] decode::DecodeError),
    #[error("no report text found: the file is empty or holds only white space")]
    Empty,
    #[error("no Chinese text found: this does not look like a report")]
    NoChinese,
}

/// Import one raw report. `source` is the file name recorded in the report.
pub fn import_bytes(bytes: &[u8], source: &str) -> Result<Report, ImportError> {
    let text = decode::decode(bytes)?;
    import_normalised(&text, source)
}

/// Import one raw report that is already text. It gets the character
/// clean-up [`decode`] gives bytes (CR and CRLF line ends, controls), so
/// text and its UTF-8 bytes import alike.
pub fn import_text(text: &str, source: &str) -> Result<Report, ImportError> {
    import_normalised(&decode::normalise_text(text), source)
}

fn import_normalised(text: &str, source: &str) -> Result<Report, ImportError> {
    let _folding = text::FoldingScope::for_document(text);
    if trim(text).is_empty() {
        return Err(ImportError::Empty);
    }
    if !text.chars().any(is_han) {
        return Err(ImportError::NoChinese);
    }
    let lines = trimmed_lines(text);
    let mut lines = reflow::split_giant_lines(lines);
    cruft::strip_watermark(&mut lines);
    if let Some(first) = lines.iter().position(|l| !l.is_empty())
        && let Some((title, rest)) = front::split_run_on_title(&lines[first])
    {
        lines.splice(first..=first, [title, rest]);
    }

    let mut front = front::read_front(&lines);
    let running = cruft::running_lines(&lines);
    let mut body_lines = clean_body(&lines[front.body_start..], &running, &mut front.fields);
    let signature = cruft::take_signature(&mut body_lines);
    let mut paragraphs = reflow::paragraphs(&body_lines);
    drop_repeats(&mut paragraphs);
    // The metadata's 标题, when it names a report, is the page's own word.
    let meta_title = front
        .fields
        .title()
        .filter(|t| front::is_title_candidate(t));
    let title = match front.title.take() {
        Some(title) => meta_title
            .filter(|m| squash(m) != squash(&title) && !squash(&title).contains(&squash(m)))
            .unwrap_or(title),
        None => front
            .fields
            .title()
            .or_else(|| take_first_line_as_title(&mut paragraphs))
            .unwrap_or_else(|| file_stem(source)),
    };
    let addressed_to_congress = paragraphs
        .first()
        .is_some_and(|p| simplified(p).starts_with("各位代表"));
    let body_text = paragraphs.join("\n");
    let (outline_preamble, sections) = outline::build_outline(paragraphs);
    let preamble_block = std::mem::take(&mut front.title_block);
    let mut preamble = preamble_block.clone();
    preamble.extend(outline_preamble);

    let publisher = front.fields.publisher();
    let place = place::resolve_place(&place::PlaceSources {
        title: &title,
        publisher: publisher.as_deref(),
        site_names: &front.site_names,
        title_block: &preamble_block,
        body: &body_text,
    });
    let kind = meta::kind_of(&title, addressed_to_congress);
    // A bare "政府工作报告" is the report of the year its meeting is held.
    let meeting_year = || {
        let date = front.title_date.as_deref()?;
        date.get(..4)?.parse().ok()
    };
    let year = meta::year_from_title(&title).or_else(|| {
        (kind == Kind::GovernmentWorkReport)
            .then(meeting_year)
            .flatten()
    });
    let period = meta::period_from_title(&title);
    let id = meta::make_id(
        place.county.as_deref(),
        place.township.as_deref(),
        year,
        period,
        kind,
        text,
    );
    let mut report = Report {
        schema: SCHEMA_VERSION,
        id,
        publisher: place::title_org(&title).or(publisher).or(signature.org),
        published: front
            .fields
            .published()
            .or(front.title_date.clone())
            .or(signature.date),
        title,
        township: place.township,
        county: place.county,
        city: place.city,
        province: place.province,
        code: place.code,
        year,
        period,
        kind,
        source: Some(source.to_string()),
        preamble,
        sections,
    };
    // `decode` leaves some invisible characters the loader's sanitiser
    // drops (U+2060, U+200C, a ZWJ not between emoji): sanitised here too,
    // a report reads back from its file exactly as it was imported.
    sanitise_report(&mut report);
    Ok(report)
}

/// The text's lines, trimmed. An indented line after a sentence end starts
/// a paragraph (首行缩进): a blank line is put before it, so that the mark
/// survives the trimming and PDF lines are not joined across it.
fn trimmed_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let line = trim(raw);
        let indented = raw.starts_with('\u{3000}') || raw.starts_with("  ");
        let after_sentence = lines.last().is_some_and(|l| ends_sentence(l));
        if indented && after_sentence && !line.is_empty() {
            lines.push(String::new());
        }
        lines.push(line.to_string());
    }
    lines
}

/// Drop what is not report text from the body: site furniture, captions,
/// page numbers, running heads, tags, the footer, and metadata still standing above the
/// first paragraph (its fields are kept).
fn clean_body(lines: &[String], running: &HashSet<&str>, fields: &mut MetaFields) -> Vec<String> {
    let end = cruft::footer_start(lines).unwrap_or(lines.len());
    let mut out = Vec::with_capacity(end);
    let mut above_text = true;
    for (i, line) in lines[..end].iter().enumerate() {
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        if above_text {
            if let Some(pairs) = parse_meta_line(line) {
                fields.add(pairs);
                continue;
            }
            if cruft::is_dash_list_item(line) || cruft::is_breadcrumb(line) {
                continue;
            }
        }
        let line = cruft::strip_decoration(line);
        if running.contains(line)
            || cruft::is_credit_line(line)
            || cruft::is_toc_line(line)
            || (cruft::is_site_line(line) && cruft::stands_apart(lines, i))
            || cruft::is_caption(line)
            || cruft::is_page_number(line)
            || cruft::is_tag_line(line)
        {
            continue;
        }
        if line.chars().count() >= 40 {
            above_text = false;
        }
        out.push(line.to_string());
    }
    out
}

/// With no title line found, a short first line that is not a sentence
/// or a heading serves as the title.
fn take_first_line_as_title(paragraphs: &mut Vec<String>) -> Option<String> {
    let first = paragraphs.first()?;
    let fits = first.chars().count() <= 40
        && !ends_sentence(first)
        && !first.ends_with(is_clause_end)
        && marker::marker(first).is_none();
    fits.then(|| paragraphs.remove(0))
}

/// A scraper's glitch: a paragraph, or a heading with its text (up to three
/// paragraphs), printed twice in a row. The second copy goes; copies apart
/// from each other stay.
fn drop_repeats(paragraphs: &mut Vec<String>) {
    let mut kept: Vec<String> = Vec::with_capacity(paragraphs.len());
    for paragraph in paragraphs.drain(..) {
        kept.push(paragraph);
        let n = kept.len();
        if let Some(k) = (1..=3).find(|&k| {
            n >= 2 * k
                && kept[n - k..] == kept[n - 2 * k..n - k]
                && kept[n - k..].iter().all(|p| p.chars().count() >= 4)
        }) {
            kept.truncate(n - k);
        }
    }
    *paragraphs = kept;
}

/// Text without its white space, to compare titles.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn file_stem(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}
