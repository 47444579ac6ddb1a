//! The importer: raw scraped text → a schema-1 [`Report`].
//!
//! The pipeline, one module per step:
//! decode (bytes → text) → clean (web cruft out, metadata fields kept) →
//! repair (PDF spaces and broken lines) → outline (headings → section tree) →
//! metadata (title, township, year, kind…) → id.

pub mod decode;

use crate::model::{Kind, Period, Report, SCHEMA_VERSION};
use thiserror::Error;

/// Why a file could not be imported.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error(transparent)]
    Decode(#[from] decode::DecodeError),
    #[error("no report text found: the file is empty or holds only web-page clutter")]
    Empty,
}

/// Import one raw report. `source` is the file name recorded in the report.
pub fn import_bytes(bytes: &[u8], source: &str) -> Result<Report, ImportError> {
    let text = decode::decode(bytes)?;
    import_text(&text, source)
}

/// Import one raw report that is already text.
pub fn import_text(text: &str, source: &str) -> Result<Report, ImportError> {
    // Temporary: the real pipeline lands with the outline work.
    let lines: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let Some((title, rest)) = lines.split_first() else {
        return Err(ImportError::Empty);
    };
    Ok(Report {
        schema: SCHEMA_VERSION,
        id: format!("report-{}", source.len()),
        title: title.clone(),
        township: None,
        county: None,
        city: None,
        province: None,
        year: None,
        period: Period::Annual,
        kind: Kind::WorkSummary,
        published: None,
        publisher: None,
        source: Some(source.to_string()),
        preamble: rest.to_vec(),
        sections: vec![],
    })
}
