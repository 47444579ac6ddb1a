//! PDF files with a text layer → the text the importer's pipeline reads.
//!
//! The text is extracted by poppler's `pdftotext` (package `poppler-utils`),
//! run as a child process on a temporary copy of the file, in reading order
//! (no `-layout`: columns of spaces would break the Chinese lines apart).
//! Page numbers, running heads and the hard line breaks of a PDF are then
//! the text pipeline's business, as for a PDF's text pasted into a file.
//! Poppler was picked over the pure-Rust extractors because it reads the
//! CJK CID fonts (STSong-Light and other Adobe-GB1 fonts without an
//! embedded ToUnicode map) that township PDFs are set in; see
//! `docs/data-flow.md` for the measurement.
//!
//! A PDF with no text (page images only) is an error that says to run OCR;
//! the child is killed after [`TIMEOUT`], so a hostile file cannot hang an
//! import.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long `pdftotext` may take on one file.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The most text taken from one PDF (a 2 000-page report is ~10 MB).
const MAX_TEXT_BYTES: u64 = 64 << 20;

/// The text layer of a PDF, pages separated by line breaks.
pub(crate) fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let mut file = tempfile::Builder::new()
        .prefix("baogao-")
        .suffix(".pdf")
        .tempfile()
        .map_err(|e| format!("cannot write a temporary copy of the PDF: {e}"))?;
    file.write_all(bytes)
        .and_then(|()| file.flush())
        .map_err(|e| format!("cannot write a temporary copy of the PDF: {e}"))?;
    let mut child = Command::new("pdftotext")
        .args(["-q", "-enc", "UTF-8", "-eol", "unix"])
        .arg(file.path())
        .arg("-")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                "reading a PDF needs pdftotext: install poppler-utils (apt-get install poppler-utils)".to_string()
            } else {
                format!("cannot run pdftotext: {e}")
            }
        })?;
    let Some(stdout) = child.stdout.take() else {
        return Err("cannot read pdftotext's output".to_string());
    };
    // Read on a thread so the deadline below holds while the child writes.
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.take(MAX_TEXT_BYTES).read_to_end(&mut out);
        out
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "pdftotext took more than {} s: the PDF is given up",
                    TIMEOUT.as_secs()
                ));
            }
            Err(e) => return Err(format!("cannot wait for pdftotext: {e}")),
        }
    };
    let out = reader
        .join()
        .map_err(|_| "cannot read pdftotext's output".to_string())?;
    if !status.success() {
        return Err(format!(
            "the PDF cannot be read (damaged or encrypted; pdftotext exit status {})",
            status.code().unwrap_or(-1)
        ));
    }
    let text = String::from_utf8_lossy(&out).replace('\u{c}', "\n");
    if text.trim().is_empty() {
        return Err("no text layer: the PDF holds page images; run OCR first".to_string());
    }
    Ok(text)
}
