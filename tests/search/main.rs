//! The search engine, on the bundled reports plus one test report with
//! 招商引资 headings and a preamble (the bundled ones have none):
//!
//! - `engine`: ranking, pinyin, highlight positions, full text, narrowing
//!   while typing, snippets.
//! - `tiers`: close, homophone, typo and weak matches, in that order.
//! - `command`: `baogao search` from the shell.
//! - `places`: county, city and province names narrowing as township
//!   names do.
//! - `props`: any query gives consistent results, as the fuzz target checks.
//! - `punctuation`: full text takes either width of a mark for one.
//! - `scope`: searching within one report.
//! - `precision`: precision@10 and recall of queries of every kind (exact,
//!   pinyin, initials, mixed, homophone, typo, place) made from the
//!   libraries' own frequent words by `words`.
//!
//! The popup that shows the results is tested with the reader, in
//! `tests/tui`.

mod command;
mod engine;
mod places;
mod precision;
mod props;
mod punctuation;
mod scope;
mod tiers;
mod words;
