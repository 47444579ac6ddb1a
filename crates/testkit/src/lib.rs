//! The test kit of baogao: what its integration tests (`tests/`), benches
//! (`benches/`) and fuzz targets (`fuzz/`) share, so that each helper is
//! written once. Only those use it; no crate of the program depends on it,
//! and it is never published.
//!
//! - [`fixtures`]: libraries of reports (the bundled one, one from a
//!   directory, one past the full-text hit cap), temporary directories,
//!   files written into them, and paths into the repository.
//! - [`keys`]: keys, pastes and mouse events handed to the reader's `App`.
//! - [`draw`]: the reader drawn through `App::draw` on ratatui's
//!   `TestBackend`.
//! - [`screen`]: a drawn buffer read as rows of text.
//! - [`pty`]: the real binary in a pseudo-terminal, read through a vt100
//!   emulator.
//! - [`invariants`]: the promises the fuzz targets check, which the property
//!   tests check too.
//! - [`property`]: proptest's configuration for the property tests.
//! - [`reports`]: reports built in code (places, years, headings as a
//!   test needs them) and a small library of placed reports.
//! - [`relevance`]: precision at k, recall and reciprocal rank of a ranked
//!   result list, for the relevance benchmark and search tests.
//!
//! The kit builds and reads; it does not judge. What a test expects stays
//! in the test, so a helper can never make a test unable to fail. The
//! exceptions are the fuzz invariants, which are the checks themselves, and
//! the waits of the pty session, which fail a test that never sees what it
//! waits for.

pub mod fixtures;
pub mod invariants;
pub mod relevance;
pub mod reports;

#[cfg(feature = "tui")]
pub mod draw;
#[cfg(feature = "tui")]
pub mod keys;
#[cfg(feature = "tui")]
pub mod screen;

#[cfg(feature = "pty")]
pub mod pty;

#[cfg(feature = "proptest")]
pub mod property;
