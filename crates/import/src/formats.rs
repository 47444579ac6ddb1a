//! Which reader a file's bytes go to: a web page, a Word `.docx`, a PDF, or
//! plain text. The format is sniffed from the content, never the file's
//! extension: a `.pdf` that is really a web page is read as the page it is.
//! Each reader gives text that the one text pipeline then reads.

use crate::ImportError;
use crate::declared::SourceText;
use crate::{decode, docx, html, pdf};

/// The format a file's bytes are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Docx,
    Pdf,
}

/// Sniffs the format of `bytes`.
pub fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        Format::Pdf
    } else if docx::looks_like_docx(bytes) {
        Format::Docx
    } else if html::looks_like_html(bytes) {
        Format::Html
    } else {
        Format::Text
    }
}

/// The extensions of the raw files a folder stands for: text, web pages,
/// Word and PDF (`.doc` and `.wps` too, to be told how to convert them).
pub const RAW_EXTENSIONS: &[&str] = &[
    "txt", "html", "htm", "shtml", "xhtml", "docx", "pdf", "doc", "wps",
];

/// Whether a file name has one of [`RAW_EXTENSIONS`].
pub fn is_raw_file_name(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| RAW_EXTENSIONS.iter().any(|r| e.eq_ignore_ascii_case(r)))
}

/// Whether a folder is the files a browser saved with a page
/// (`page_files/`, `page.files/`): its scripts and frames are not reports.
pub fn is_saved_page_folder(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with("_files") || n.ends_with(".files"))
}

/// The Word 97–2003 and WPS signature (an OLE compound file).
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The text of a file in any format the importer reads, with the headings
/// a web page or Word file declares.
pub(crate) fn to_source(bytes: &[u8]) -> Result<SourceText, ImportError> {
    match sniff(bytes) {
        Format::Pdf => pdf::pdf_text(bytes)
            .map(|t| SourceText::plain(decode::normalise_text(&t)))
            .map_err(ImportError::Format),
        Format::Docx => docx::docx_text(bytes)
            .map(|mut source| {
                source.text = decode::normalise_text(&source.text);
                source
            })
            .map_err(ImportError::Format),
        Format::Html => Ok(html::page_text(bytes)?),
        Format::Text if bytes.starts_with(OLE) => Err(ImportError::Format(
            "a Word 97-2003 (.doc) or WPS document: convert it to .docx first \
             (LibreOffice: soffice --headless --convert-to docx FILE)"
                .to_string(),
        )),
        Format::Text => Ok(SourceText::plain(decode::decode(bytes)?)),
    }
}
