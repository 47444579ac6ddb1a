//! The importer: raw scraped text → a schema-1 [`Report`], with an
//! [`Assessment`] of how sure it is and a [`Trace`] of why each line went.
//!
//! The pipeline, in typed stages, one module per step; the context (the
//! trace) is passed explicitly:
//!
//! 0. A file in another format (a web page, `.docx`, PDF; sniffed from
//!    its bytes by `formats.rs`) is turned into text first: `html/`,
//!    `docx/`, `pdf.rs`; a page's or Word file's own headings (`<h2>`, a
//!    heading style, bold) are kept beside the text (`declared.rs`).
//! 1. Decoded text → lines: [`decode`] in `decode.rs` (BOM, UTF-8,
//!    GB18030…; controls removed); page-chunk numbers taken out (`unchunk`);
//!    `split_giant_lines` in `reflow.rs` (a one-line page cut back into
//!    lines); `strip_watermark` in `cruft/`.
//! 2. The page's front, `front.rs`: title, metadata block (`fields.rs`),
//!    cover notice, title block; a restart where the title stands again
//!    (`restart_at_title`); the title's residue (`clean_title` in `meta.rs`).
//! 3. Body lines → paragraphs: `clean_body` with `cruft/` and `shape.rs`
//!    (site furniture by shape, captions, page numbers, footer); the closing
//!    signature (`take_signature`); `paragraphs` in `reflow.rs` (PDF line
//!    breaks joined, PDF spaces removed); repeats and abstracts dropped.
//! 4. Paragraphs → outline: `outline.rs` (headings by [`marker`], part and
//!    slogan lines, headings the document declared; `items.rs` for 一是
//!    items).
//! 5. Metadata: `meta.rs` (year, period, kind, the id) and one call into
//!    `place.rs` (township, county…); then `assess.rs`.
//!
//! Every rule that decides a line is a named row of [`RULES`] (`rules.rs`).
//! Keywords are matched on text folded to simplified characters
//! (`simplified` in `text.rs`), so traditional-character reports import alike;
//! the report itself keeps the characters it was written in.

#![forbid(unsafe_code)]

mod assess;
pub(crate) mod cruft;
pub(crate) mod declared;
pub(crate) mod decode;
mod docx;
pub(crate) mod fields;
pub mod formats;
mod fragments;
pub(crate) mod front;
mod html;
pub(crate) mod items;
pub(crate) mod meta;
pub(crate) mod outline;
mod pdf;
pub(crate) mod place;
pub(crate) mod reflow;
pub mod rules;
pub(crate) mod shape;
pub(crate) mod text;

pub use assess::Assessment;
pub use decode::{DecodeError, decode};
pub use meta::{kind_of, period_from_title, short_hash, year_from_title};
pub use rules::{RULES, Rule, Trace};

use baogao_report::marker;

use baogao_report::model::{Kind, Report, SCHEMA_VERSION};
use baogao_report::sanitise::sanitise_report;
use declared::SourceText;
use fields::{MetaFields, parse_meta_line};
use std::collections::HashSet;
use text::{ends_sentence, is_clause_end, is_han, page_width_str, simplified, trim};
use thiserror::Error;

/// The importer's version, part of the key under which a raw folder's
/// imports are cached.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why a file could not be imported.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] decode::DecodeError),
    #[error("no report text found: the file is empty or holds only white space")]
    Empty,
    #[error("no Chinese text found: this does not look like a report")]
    NoChinese,
    /// A web page, Word or PDF file that cannot be read, and why.
    #[error("{0}")]
    Format(String),
}

/// Import one raw report. `source` is the file name recorded in the report.
/// A page that is not a report is still imported; [`import_checked`] says
/// how sure the importer is.
pub fn import_bytes(bytes: &[u8], source: &str) -> Result<Report, ImportError> {
    Ok(import_checked(bytes, source, &mut Trace::default())?.report)
}

/// Import one raw report that is already text. It gets the character
/// clean-up [`decode`] gives bytes (CR and CRLF line ends, controls), so
/// text and its UTF-8 bytes import alike.
pub fn import_text(text: &str, source: &str) -> Result<Report, ImportError> {
    let text = SourceText::plain(decode::normalise_text(text));
    Ok(import_normalised(&text, source, &mut Trace::default())?.report)
}

/// Import one raw report and say how sure the import is (see
/// [`Assessment`]); every line's fate is recorded in `trace` when it
/// records ([`Trace::recording`]).
pub fn import_checked(
    bytes: &[u8],
    source: &str,
    trace: &mut Trace,
) -> Result<Imported, ImportError> {
    let text = formats::to_source(bytes)?;
    import_normalised(&text, source, trace)
}

/// A report and what the importer thinks of it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub report: Report,
    pub assessment: Assessment,
}

fn import_normalised(
    source_text: &SourceText,
    source: &str,
    trace: &mut Trace,
) -> Result<Imported, ImportError> {
    let text = source_text.text.as_str();
    let _folding = text::FoldingScope::for_document(text);
    if trim(text).is_empty() {
        return Err(ImportError::Empty);
    }
    if !text.chars().any(is_han) {
        return Err(ImportError::NoChinese);
    }
    // Stage 1: decoded text → lines.
    let mut lines = fragments::join_fragments(trimmed_lines(text));
    let chunks = unchunk(&mut lines);
    let mut lines = reflow::split_giant_lines(lines);
    cruft::strip_watermark(&mut lines);
    // The title run on into the text, on the first lines of a page that
    // gives it no line of its own (a sharing site's notes may come first).
    let run_on = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_empty())
        .take(RUN_ON_WINDOW)
        .take_while(|(_, l)| !front::is_title_candidate(l))
        .find_map(|(at, l)| front::split_run_on_title(l).map(|split| (at, split)));
    if let Some((at, (title, rest))) = run_on {
        lines.splice(at..=at, [title, rest]);
    }
    front::mend_title_broken_at_figures(&mut lines);
    trace.start(&lines);
    for chunk in chunks {
        trace.note(rules::CHUNK, chunk);
    }

    // Stage 2: the page's front (title, metadata, title block).
    let mut front = front::read_front(&lines, &source_text.headings, trace);
    if front.title.is_none() {
        take_title_the_page_names(&lines, &mut front, trace);
    }
    let title_found = front.title.is_some();
    if let Some(title) = front.title.take() {
        let (title, date) = meta::clean_title(&title);
        front.title = Some(title);
        front.title_date = front.title_date.take().or(date);
    }
    restart_at_title(&mut lines, &mut front, &source_text.headings, trace);
    let running = cruft::running_lines(&lines);

    // Stage 3: the body's lines → paragraphs.
    let title_now = front.title.clone().unwrap_or_default();
    let mut body_lines = clean_body(
        &lines,
        front.body_start,
        &running,
        &mut front.fields,
        &title_now,
        trace,
    );
    let signature = cruft::take_signature(&mut body_lines);
    let mut paragraphs = reflow::paragraphs(&body_lines, &source_text.headings);
    drop_repeats(&mut paragraphs, trace);
    // The metadata's 标题, when it names a report, is the page's own word.
    let meta_title = front
        .fields
        .title()
        .filter(|t| front::is_title_candidate(t));
    let title_names_report = title_found || meta_title.is_some();
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
    let (title, title_date) = meta::clean_title(&title);
    if front.title_date.is_none() {
        front.title_date = title_date;
    }
    let addressed_to_congress = paragraphs
        .iter()
        .take(3)
        .any(|p| simplified(p).starts_with("各位代表"));
    let body_text = paragraphs.join("\n");

    // Stage 4: paragraphs → outline.
    let (outline_preamble, sections) = outline::build_outline(paragraphs, &source_text.headings);
    outline::trace_outline(&sections, 1, &source_text.headings, trace);
    let preamble_block = std::mem::take(&mut front.title_block);
    let mut preamble = preamble_block.clone();
    preamble.extend(outline_preamble);

    // Stage 5: metadata and place (one call into the place resolver).
    let publisher = front.fields.publisher();
    let place = place::resolve_place(&place::PlaceSources {
        title: &title,
        publisher: publisher.as_deref(),
        site_names: &front.site_names,
        title_block: &preamble_block,
        body: &body_text,
    });
    let mut kind = meta::kind_of(&title, addressed_to_congress);
    // A page with no report title that speaks to the congress (各位代表)
    // is a government work report whatever line stands in for its title.
    if kind == Kind::Other && addressed_to_congress && !title_names_report {
        kind = Kind::GovernmentWorkReport;
    }
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
    let assessment = assess::assess(
        &report,
        title_names_report,
        addressed_to_congress,
        &body_text,
    );
    Ok(Imported { report, assessment })
}

/// Page-chunk numbers of a document-sharing site ("2、" where the page's
/// second chunk begins, cutting through a sentence): the number goes, and a
/// chunk that broke a sentence is joined back to it. Runs before one-line
/// pages are cut, so the joined text is cut at its headings like any other;
/// returns each number taken out, with the text around it, for the trace.
fn unchunk(lines: &mut [String]) -> Vec<String> {
    let mut taken = Vec::new();
    let mut previous: Option<usize> = None;
    for i in 0..lines.len() {
        if lines[i].is_empty() {
            continue;
        }
        let before = previous.map(|p| lines[p].as_str());
        if let Some(len) = shape::chunk_marker(&lines[i], before) {
            let head: String = lines[i].chars().take(12).collect();
            taken.push(format!("{} ← {head}…", &lines[i][..len]));
            let rest = lines[i][len..].to_string();
            match previous {
                Some(p)
                    if lines[p].chars().count() >= 60 && shape::stops_mid_sentence(&lines[p]) =>
                {
                    lines[p].push_str(&rest);
                    lines[i].clear();
                    continue;
                }
                _ => lines[i] = rest,
            }
        }
        previous = Some(i);
    }
    taken
}

/// How far into a page a title run on into the text is looked for, in
/// non-blank lines.
const RUN_ON_WINDOW: usize = 10;

/// How far into the body a second title may stand, in non-blank lines.
const RESTART_WINDOW: usize = 10;

/// The title standing again near the top of the body, before any heading
/// ("【正文】" / the title, after a teaser): what came between was the
/// site's, and the report starts after it. A title run on into the text
/// keeps the text. A shorter form of the title there (without the page's
/// note such as 范文) becomes the title.
fn restart_at_title(
    lines: &mut [String],
    front: &mut front::Front,
    declared: &declared::DeclaredHeadings,
    trace: &mut Trace,
) {
    let Some(title) = front.title.clone() else {
        return;
    };
    let mut seen = 0;
    let mut at = front.body_start;
    let mut found = None;
    while at < lines.len() && seen < RESTART_WINDOW {
        let line = &lines[at];
        if line.is_empty() {
            at += 1;
            continue;
        }
        if marker::marker(line).is_some() {
            break;
        }
        seen += 1;
        let repeat = shape::title_use(line, &title);
        let shorter = line.chars().count() >= 8
            && squash(&title).starts_with(&squash(line))
            && squash(&title).chars().count() <= squash(line).chars().count() + 4
            && front::is_title_candidate(line);
        if matches!(repeat, shape::TitleUse::Repeat | shape::TitleUse::RunOn) || shorter {
            found = Some((at, repeat, shorter));
        }
        at += 1;
    }
    let Some((at, repeat, shorter)) = found else {
        return;
    };
    for (i, line) in lines.iter().enumerate().take(at).skip(front.body_start) {
        if !line.is_empty() {
            trace.line(i, rules::RESTART);
        }
    }
    if repeat == shape::TitleUse::RunOn {
        trace.line(at, rules::TITLE_RUN_ON);
        lines[at] = shape::after_title(&lines[at], &title);
        front.body_start = at;
        return;
    }
    trace.line(at, rules::TITLE_REPEAT);
    if shorter {
        front.title = Some(lines[at].clone());
    }
    front.body_start = front::read_title_block(lines, at + 1, front, declared, trace);
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

/// How far into the body the lead (where the page's own lines may still
/// stand) reaches when no heading ends it first.
const LEAD_LINES: usize = 60;

/// Drop what is not report text from the body (`lines[from..]`): site
/// furniture, captions, page numbers, running heads, tags, tables of
/// contents, the footer, lines about the title, and metadata still standing
/// above the first paragraph (its fields are kept).
fn clean_body(
    lines: &[String],
    from: usize,
    running: &HashSet<&str>,
    fields: &mut MetaFields,
    title: &str,
    trace: &mut Trace,
) -> Vec<String> {
    let body = &lines[from..];
    let end = cruft::footer_start(body).unwrap_or(body.len());
    trace.lines(from + end..lines.len(), rules::FOOTER);
    let toc = cruft::numbered_toc_lines(&body[..end]);
    let mut out = Vec::with_capacity(end);
    let mut above_text = true;
    let mut before_heading = true;
    // Whether the body is a PDF's broken lines, found out when first needed.
    let mut pdf: Option<bool> = None;
    for (i, line) in body[..end].iter().enumerate() {
        if line.is_empty() {
            out.push(String::new());
            continue;
        }
        let drop = |trace: &mut Trace, rule| trace.line(from + i, rule);
        if toc.contains(&i) {
            drop(trace, rules::TOC);
            continue;
        }
        if above_text {
            if let Some(pairs) = parse_meta_line(line) {
                fields.add(pairs);
                drop(trace, rules::METADATA);
                continue;
            }
            if cruft::is_dash_list_item(line) {
                drop(trace, rules::LIST_ITEM);
                continue;
            }
            if cruft::is_breadcrumb(line) {
                drop(trace, rules::BREADCRUMB);
                continue;
            }
        }
        let heading = marker::marker(line).is_some();
        // The lead ends at the first heading, or after a page's worth of
        // lines when the body has none (a flattened report).
        before_heading &= !heading && i < LEAD_LINES;
        // Above the first heading only: a table's header row is shaped alike,
        // and a PDF's broken lines look like prompts. With no title found,
        // the first line may have to stand for it, and stays.
        if before_heading
            && above_text
            && !title.is_empty()
            && !front::is_speaker_line(line)
            && cruft::stands_apart(body, i)
        {
            let rule = if shape::is_menu_row(line) {
                Some(rules::MENU)
            } else if shape::is_scrap(line) {
                Some(rules::SCRAP)
            } else if shape::is_keyword_line(line) {
                Some(rules::KEYWORDS)
            } else if shape::is_prompt(line)
                && !*pdf.get_or_insert_with(|| reflow::looks_broken(body))
            {
                Some(rules::PROMPT)
            } else {
                None
            };
            if let Some(rule) = rule {
                drop(trace, rule);
                continue;
            }
        }
        if before_heading && !title.is_empty() {
            match shape::title_use(line, title) {
                shape::TitleUse::Repeat => {
                    drop(trace, rules::TITLE_REPEAT);
                    continue;
                }
                shape::TitleUse::Talk => {
                    drop(trace, rules::TITLE_TALK);
                    continue;
                }
                shape::TitleUse::RunOn | shape::TitleUse::None => {}
            }
        }
        let line = cruft::strip_decoration(line);
        let rule = if running.contains(line) {
            Some(rules::RUNNING)
        } else if cruft::is_credit_line(line) {
            Some(rules::CREDIT)
        } else if cruft::is_toc_line(line) {
            Some(rules::TOC)
        } else if shape::is_site_note(line) {
            Some(rules::SITE_NOTE)
        } else if cruft::is_site_line(line) && cruft::stands_apart(body, i) {
            Some(rules::SITE_LINE)
        } else if shape::is_portal_name(line) && cruft::stands_apart(body, i) {
            Some(rules::SITE_NAME)
        } else if before_heading
            && shape::talks_about_page(line)
            && page_width_str(line) <= 60
            && cruft::stands_apart(body, i)
        {
            Some(rules::PROMPT)
        } else if (shape::is_stamp_line(line) || shape::is_file_line(line))
            && cruft::stands_apart(body, i)
        {
            Some(if shape::is_stamp_line(line) {
                rules::STAMP
            } else {
                rules::FILE_LINE
            })
        } else if cruft::is_caption(line) {
            Some(rules::CAPTION)
        } else if cruft::is_page_number(line) {
            Some(rules::PAGE_NUMBER)
        } else if cruft::is_tag_line(line) {
            Some(rules::TAG)
        } else {
            None
        };
        if let Some(rule) = rule {
            drop(trace, rule);
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
/// "下面是小编为大家整理的街道工作总结及2023年工作思路,供大家参考。": a page
/// with no title line, whose first line of body talks about the page and
/// names the report: that name is the title, and the line, the site's,
/// goes (`title-talk`).
fn take_title_the_page_names(lines: &[String], front: &mut front::Front, trace: &mut Trace) {
    let Some(at) = (front.body_start..lines.len()).find(|&i| !lines[i].is_empty()) else {
        return;
    };
    if let Some(title) = shape::title_named_by_page(&lines[at]) {
        trace.line(at, rules::TITLE_TALK);
        front.title = Some(title);
        front.body_start = at + 1;
    }
}

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
fn drop_repeats(paragraphs: &mut Vec<String>, trace: &mut Trace) {
    // A summary field in brackets that the next paragraph repeats word for
    // word: "(2021年,某街道坚持…新成效。)" then the paragraph itself.
    let abstracts: Vec<usize> = (0..paragraphs.len().saturating_sub(1))
        .filter(|&i| {
            let p = &paragraphs[i];
            let inner = p
                .strip_prefix(['(', '\u{FF08}'])
                .and_then(|p| p.strip_suffix([')', '\u{FF09}']));
            inner.is_some_and(|inner| {
                inner.chars().count() >= 20
                    && squash(&paragraphs[i + 1]).starts_with(&squash(inner))
            })
        })
        .collect();
    for &i in &abstracts {
        trace.text(&paragraphs[i], rules::ABSTRACT);
    }
    if !abstracts.is_empty() {
        let mut at = 0;
        paragraphs.retain(|_| {
            at += 1;
            abstracts.binary_search(&(at - 1)).is_err()
        });
    }
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
