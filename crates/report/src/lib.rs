//! baogao-report: the schema-1 report, how it is read from disk, and the
//! library of reports every other crate works on.
//!
//! - [`model`]: the report JSON, schema 1 (`docs/report-format.md`).
//! - [`marker`]: the numbering that opens a heading (`一、`, `(一)`, `1.`,
//!   `(1)`, `①`, `一是`…) and its outline rank; the importer and search
//!   both read headings through it.
//! - [`load`]: report JSON files on disk → reports, with errors that name
//!   the place (`path:line:col: reason`), and `baogao validate`'s checks.
//! - [`library`]: all loaded reports, sorted for reading.
//! - [`sanitise`]: report text made safe for a terminal, applied on load.
//! - [`escape`]: where a terminal escape sequence ends, for the sanitiser
//!   and the importer's clean-up.
//!
//! This crate must never depend on a terminal library (ratatui, crossterm)
//! or on clap: the importer, search and any other program reading reports
//! build on it alone.

#![forbid(unsafe_code)]

pub mod escape;
pub mod library;
pub mod load;
pub mod marker;
pub mod model;
pub mod sanitise;
