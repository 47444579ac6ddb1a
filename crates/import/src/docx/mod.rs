//! Word `.docx` files → the text lines the importer's pipeline reads.
//!
//! A `.docx` is a zip of XML parts. [`docx_text`] reads
//! `word/document.xml` paragraph by paragraph (tables as rows of cells
//! joined by spaces), and renders Word's automatic numbering from
//! `word/numbering.xml` (`numbering.rs`): a heading whose 一、 or （一）
//! Word draws, and which is not in the text, gets it written in front, so
//! the outline sees it as it would in a text file. The number may come
//! from the paragraph's own list or from its style's (`styles.rs`, read
//! from `word/styles.xml`); a heading style or outline level, or bold in
//! every run, declares the paragraph a heading even unnumbered
//! (`declared.rs`).
//!
//! The zip is read with bounds: a part whose declared or actual size is
//! over [`MAX_PART_BYTES`], or that expands more than [`MAX_RATIO`] times,
//! is refused (a zip bomb), so memory stays bounded whatever the file.

mod numbering;
mod styles;

use crate::declared::{Declared, DeclaredHeadings, SourceText};
use numbering::Numbering;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};
use styles::Styles;

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

/// The document's paragraphs, one a line, numbering rendered; the headings
/// its styles, outline levels and bold runs declare beside them.
pub(crate) fn docx_text(bytes: &[u8]) -> Result<SourceText, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx (zip): {e}"))?;
    let document = read_part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "not a Word document: no word/document.xml".to_string())?;
    let numbering = match read_part(&mut zip, "word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml),
        None => Numbering::default(),
    };
    let styles = match read_part(&mut zip, "word/styles.xml")? {
        Some(xml) => Styles::parse(&xml),
        None => Styles::default(),
    };
    paragraphs(&document, numbering, &styles)
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
    level: Option<usize>,
    style: Option<String>,
    /// Whether the paragraph's style sets its text in bold.
    style_bold: bool,
    /// An outline level written on the paragraph itself.
    outline: Option<u8>,
    in_text: bool,
    /// Inside the paragraph's own properties (`pPr`), whose run
    /// properties are the paragraph mark's, not its text's.
    in_properties: bool,
    /// The bold of the run being read, if its properties say.
    run_bold: Option<bool>,
    /// Characters of text (white space aside): all, and in bold runs.
    chars: usize,
    bold_chars: usize,
    /// The bold text the paragraph opens with, while no plain text has come.
    lead: String,
    lead_closed: bool,
}

impl Paragraph {
    /// The paragraph's opening in bold, when the rest is not.
    fn bold_lead(&self) -> Option<&str> {
        let lead = self.lead.trim();
        (self.bold_chars > 0 && self.bold_chars < self.chars && !lead.is_empty()).then_some(lead)
    }

    /// The paragraph's number (from its own list or its style's) and what
    /// it declares: a heading level, or bold throughout.
    fn finish(&self, numbering: &mut Numbering, styles: &Styles) -> (String, Option<Declared>) {
        let style = self
            .style
            .as_deref()
            .map(|id| styles.info(id))
            .unwrap_or_default();
        let list = match self.num_id.as_deref() {
            // numId 0 takes the style's numbering off.
            Some("0") => None,
            Some(id) => Some((id, self.level)),
            None => style
                .num_id
                .as_deref()
                .map(|id| (id, self.level.or(style.num_level))),
        };
        let prefix = list
            .and_then(|(id, level)| {
                let level = level
                    .or_else(|| numbering.level_of_style(id, self.style.as_deref()?))
                    .unwrap_or(0);
                numbering.next(id, level)
            })
            .unwrap_or_default();
        let heading = self.outline.map_or(style.heading, styles::outline_heading);
        let declared = match heading {
            Some(level) => Some(Declared::Level(level)),
            None if self.chars > 0 && self.bold_chars == self.chars => Some(Declared::Bold),
            None => None,
        };
        (format!("{prefix}{}", self.text), declared)
    }
}

/// Whether a toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
fn is_on(val: Option<&str>) -> bool {
    !matches!(val, Some("0" | "false" | "off"))
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// The body's paragraphs and table rows as lines, and the headings they
/// declare.
fn paragraphs(xml: &[u8], mut numbering: Numbering, styles: &Styles) -> Result<SourceText, String> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut headings = DeclaredHeadings::default();
    let mut paragraph = Paragraph::default();
    // Open tables: the row being read and its cell, for each.
    let mut tables: Vec<(Vec<String>, String)> = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("word/document.xml is not well-formed XML: {e}"))?;
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"p" => paragraph = Paragraph::default(),
                // `<w:pPr/>` holds nothing and has no end to reset the flag.
                b"pPr" if opens => paragraph.in_properties = true,
                b"pStyle" if paragraph.in_properties => {
                    paragraph.style = attr(&e, b"w:val");
                    // Read once: every run without a bold of its own asks.
                    paragraph.style_bold = paragraph
                        .style
                        .as_deref()
                        .is_some_and(|id| styles.info(id).bold);
                }
                b"outlineLvl" if paragraph.in_properties => {
                    paragraph.outline = attr(&e, b"w:val").and_then(|v| v.parse().ok());
                }
                b"numId" => paragraph.num_id = attr(&e, b"w:val"),
                b"ilvl" => paragraph.level = attr(&e, b"w:val").and_then(|v| v.parse().ok()),
                b"r" => paragraph.run_bold = None,
                b"b" if !paragraph.in_properties => {
                    paragraph.run_bold = Some(is_on(attr(&e, b"w:val").as_deref()));
                }
                b"t" => paragraph.in_text = true,
                b"tab" if !paragraph.in_text => paragraph.text.push(' '),
                b"br" | b"cr" => paragraph.text.push('\n'),
                b"tbl" => tables.push((Vec::new(), String::new())),
                _ => {}
            },
            Event::Text(t) if paragraph.in_text => {
                let text = t.xml_content().map_err(|e| e.to_string())?;
                let chars = text.chars().filter(|c| !c.is_whitespace()).count();
                paragraph.chars += chars;
                if paragraph.run_bold.unwrap_or(paragraph.style_bold) {
                    paragraph.bold_chars += chars;
                    if !paragraph.lead_closed {
                        paragraph.lead.push_str(&text);
                    }
                } else if chars > 0 {
                    paragraph.lead_closed = true;
                }
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
                b"pPr" => paragraph.in_properties = false,
                b"p" => {
                    let done = std::mem::take(&mut paragraph);
                    let (text, declared) = done.finish(&mut numbering, styles);
                    headings.count(done.chars, done.bold_chars);
                    if let Some(lead) = done.bold_lead() {
                        headings.declare_lead(lead);
                    }
                    match tables.last_mut() {
                        Some((_, cell)) => {
                            if !cell.is_empty() {
                                cell.push(' ');
                            }
                            cell.push_str(text.trim());
                        }
                        None => {
                            if let Some(declared) = declared {
                                headings.declare(&text, declared);
                            }
                            lines.push(text);
                        }
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
    Ok(SourceText {
        text: lines.join("\n"),
        headings: headings.finish(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(body: &str) -> SourceText {
        let xml = format!(r#"<w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#);
        paragraphs(xml.as_bytes(), Numbering::default(), &Styles::default()).expect("reads")
    }

    #[test]
    fn an_empty_paragraph_properties_element_hides_no_bold() {
        let source = read(
            "<w:p><w:pPr/><w:r><w:rPr><w:b/></w:rPr><w:t>工业稳中有进。</w:t></w:r>\
             <w:r><w:t>全年规上工业增加值增长百分之六。</w:t></w:r></w:p>\
             <w:p><w:pPr/><w:r><w:rPr><w:b/></w:rPr><w:t>成绩来之不易。</w:t></w:r></w:p>\
             <w:p><w:r><w:t>全年完成地区生产总值十二亿元，同比增长百分之六，各项指标好于预期。</w:t></w:r></w:p>",
        );
        assert!(source.headings.is_lead("工业稳中有进。"));
        assert_eq!(source.headings.get("成绩来之不易。"), Some(Declared::Bold));
    }

    #[test]
    fn the_paragraph_marks_bold_is_not_its_texts() {
        // The pPr's rPr is the paragraph mark's: its bold makes no heading.
        let source = read(
            "<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>成绩来之不易。</w:t></w:r></w:p>\
             <w:p><w:r><w:t>全年完成地区生产总值十二亿元，同比增长百分之六，各项指标好于预期。</w:t></w:r></w:p>",
        );
        assert_eq!(source.headings.get("成绩来之不易。"), None);
    }
}
