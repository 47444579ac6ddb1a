//! The search engine, on the bundled reports plus one test report with
//! 招商引资 headings and a preamble (the bundled ones have none):
//!
//! - `engine`: ranking, pinyin, highlight positions, full text, narrowing
//!   while typing, snippets.
//! - `command`: `baogao search` from the shell.
//! - `props`: any query gives consistent results, as the fuzz target checks.
//! - `punctuation`: full text takes either width of a mark for one.
//! - `scope`: searching within one report.
//!
//! The popup that shows the results is tested with the reader, in
//! `tests/tui`.

mod command;
mod engine;
mod props;
mod punctuation;
mod scope;
