//! Word `.docx` files → the text lines the importer's pipeline reads.
//!
//! A `.docx` is a zip of XML parts. [`docx_text`] reads
//! `word/document.xml` paragraph by paragraph (tables as rows of cells
//! joined by spaces), and renders Word's automatic numbering from
//! `word/numbering.xml` (`numbering.rs`): a heading whose 一、 or （一）
//! Word draws, and which is not in the text, gets it written in front, so
//! the outline sees it as it would in a text file.
//!
//! The zip is read with bounds: a part whose declared or actual size is
//! over [`MAX_PART_BYTES`], or that expands more than [`MAX_RATIO`] times,
//! is refused (a zip bomb), so memory stays bounded whatever the file.

mod numbering;

use numbering::Numbering;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The largest XML part read, uncompressed. A long report's document.xml
/// is a few megabytes.
const MAX_PART_BYTES: u64 = 64 << 20;

/// The largest expansion of a part over its compressed size. XML compresses
/// well, some 10–20 times; a zip bomb expands by thousands.
const MAX_RATIO: u64 = 200;

/// Whether `bytes` are a zip holding a Word document.
pub(crate) fn looks_like_docx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && zip::ZipArchive::new(Cursor::new(bytes))
            .is_ok_and(|zip| zip.index_for_name("word/document.xml").is_some())
}

/// The document's paragraphs, one a line, numbering rendered.
pub(crate) fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx (zip): {e}"))?;
    let document = read_part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "not a Word document: no word/document.xml".to_string())?;
    let numbering = match read_part(&mut zip, "word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml),
        None => Numbering::default(),
    };
    paragraphs(&document, numbering)
}

/// One part of the zip, bounded; `None` when the part is missing.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let file = zip
        .by_index(index)
        .map_err(|e| format!("{name} cannot be read: {e}"))?;
    let declared = file.size();
    let limit = MAX_PART_BYTES.min(file.compressed_size().max(1024).saturating_mul(MAX_RATIO));
    if declared > limit {
        return Err(format!(
            "{name} would expand to {declared} bytes: refused as a zip bomb"
        ));
    }
    let mut out = Vec::new();
    if let Err(e) = file.take(limit + 1).read_to_end(&mut out) {
        // The zip reader stops a part that runs past its declared size
        // itself, before all of it is read.
        return Err(
            if out.len() as u64 >= declared || e.to_string().contains("declared") {
                format!(
                    "{name} expands past the {declared} bytes it declares: refused as a zip bomb"
                )
            } else {
                format!("{name} cannot be read: {e}")
            },
        );
    }
    if out.len() as u64 > limit {
        return Err(format!(
            "{name} expands past {limit} bytes, more than it declares: refused as a zip bomb"
        ));
    }
    Ok(Some(out))
}

/// What is being read in `document.xml`.
#[derive(Debug, Default)]
struct Paragraph {
    text: String,
    num_id: Option<String>,
    level: usize,
    in_text: bool,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The body's paragraphs and table rows as lines.
fn paragraphs(xml: &[u8], mut numbering: Numbering) -> Result<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut paragraph = Paragraph::default();
    // Open tables: the row being read and its cell, for each.
    let mut tables: Vec<(Vec<String>, String)> = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("word/document.xml is not well-formed XML: {e}"))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"p" => paragraph = Paragraph::default(),
                b"numId" => paragraph.num_id = attr(&e, b"w:val"),
                b"ilvl" => {
                    paragraph.level = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0);
                }
                b"t" => paragraph.in_text = true,
                b"tab" if !paragraph.in_text => paragraph.text.push(' '),
                b"br" | b"cr" => paragraph.text.push('\n'),
                b"tbl" => tables.push((Vec::new(), String::new())),
                _ => {}
            },
            Event::Text(t) if paragraph.in_text => {
                let text = t.xml_content().map_err(|e| e.to_string())?;
                paragraph.text.push_str(&text);
            }
            Event::GeneralRef(r) if paragraph.in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.text.push(c);
                } else {
                    let name = String::from_utf8_lossy(r.as_ref()).into_owned();
                    paragraph.text.push_str(match name.as_str() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => paragraph.in_text = false,
                b"p" => {
                    let done = std::mem::take(&mut paragraph);
                    let prefix = done
                        .num_id
                        .as_deref()
                        .and_then(|id| numbering.next(id, done.level))
                        .unwrap_or_default();
                    let text = format!("{prefix}{}", done.text);
                    match tables.last_mut() {
                        Some((_, cell)) => {
                            if !cell.is_empty() {
                                cell.push(' ');
                            }
                            cell.push_str(text.trim());
                        }
                        None => lines.push(text),
                    }
                }
                b"tc" => {
                    if let Some((row, cell)) = tables.last_mut() {
                        row.push(std::mem::take(cell));
                    }
                }
                b"tr" => {
                    if let Some((row, _)) = tables.last_mut() {
                        let cells: Vec<String> = std::mem::take(row)
                            .into_iter()
                            .filter(|c| !c.is_empty())
                            .collect();
                        lines.push(cells.join(" "));
                    }
                }
                b"tbl" => {
                    tables.pop();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(lines.join("\n"))
}
