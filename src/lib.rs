//! baogao (报告): structured Chinese township government work reports.
//!
//! The library holds everything that is not the terminal:
//!
//! - [`model`]: the report JSON, schema 1 (`design.md`).
//! - [`import`]: raw scraped text → [`model::Report`].
//! - [`load`]: report JSON files on disk → reports, with errors that name the place.
//! - [`library`]: all loaded reports, sorted for reading.
//! - [`bundled`]: the reports shipped inside the binary (`data/reports/`).
//! - [`sanitise`]: report text made safe for a terminal, applied on load.
//! - [`position`]: where the reader left off, kept in the XDG state directory.
//!
//! The binary (`src/main.rs`) is the command line and, later, the reader; it
//! depends on these modules and never the reverse.

pub mod bundled;
pub mod import;
pub mod library;
pub mod load;
pub mod model;
pub mod position;
pub mod sanitise;
