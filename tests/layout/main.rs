//! The CJK wrapper (`baogao_layout`) on its own: every paragraph and heading
//! of the bundled reports wrapped at every width from 2 to 120 in both
//! ambiguous-width settings, keeping the line-break rules (避头尾: no
//! closing punctuation at the start of a line, no opening punctuation at
//! its end, without exception from width 6 on), and arbitrary strings
//! (proptest) partitioned and fitted.
//!
//! `fill`: how full the reader's rows are at 50 columns (the figure the
//! docs give); `punctuation`: full-width marks between Chinese characters,
//! on arbitrary text.
//!
//! How wrapped text looks in the reader is tested with the reader, in
//! `tests/tui`; the wrapper on any Unicode straight from the sanitiser in
//! `tests/hostile` (`props`).

mod fill;
mod punctuation;
mod wrap;
