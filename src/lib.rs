//! baogao (报告): structured Chinese township government work reports.
//!
//! The library holds everything that is not the terminal:
//!
//! - [`model`]: the report JSON, schema 1 (`design.md`).
//! - [`import`]: raw scraped text → [`model::Report`].
//! - [`load`]: report JSON files on disk → reports, with errors that name the place.
//! - [`library`]: all loaded reports, sorted for reading.
//! - [`bundled`]: the reports shipped inside the binary (`data/reports/`).
//! - [`corpus`]: synthetic libraries built from the bundled reports, for benchmarks.
//! - [`sanitise`]: report text made safe for a terminal, applied on load.
//! - [`wrap`]: CJK line breaking (避头尾) and truncation by display width.
//! - [`position`]: where the reader left off, kept in the XDG state directory.
//!
//! [`tui`] is the terminal reader, the one module that draws; it reads the
//! library and nothing above depends on it. The binary (`src/main.rs`) is the
//! command line, which opens the reader by default.

pub mod bundled;
pub mod corpus;
mod escape;
pub mod import;
pub mod library;
pub mod load;
pub mod model;
pub mod position;
pub mod sanitise;
pub mod search;
pub mod tui;
pub mod wrap;
