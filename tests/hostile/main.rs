//! Hostile input: whatever people feed baogao, it must not panic, hang,
//! write outside where it was told, or let a report's text command the
//! terminal; it must say what is wrong, where, and go on with the rest.
//!
//! - `import`: `baogao import` on titles and file names that point
//!   elsewhere, a full disk, a read-only directory, files of many megabytes
//!   and of random bytes.
//! - `load`: the loader, `validate` and `list` on broken, wrongly typed,
//!   oversized, deeply nested and duplicated report files, loops and
//!   unreadable entries.
//! - `tui`: the reader in a pseudo-terminal on escape sequences in reports,
//!   big and broken libraries, an unusable state file, a storm of resizes.
//! - `props`: property tests, in bounded time, over what the fuzz targets
//!   (`fuzz/`) cover: the importer and the loader on arbitrary and mutated
//!   bytes, the wrapper and the sanitiser on any text at any width, with the
//!   fuzz targets' own invariants (`baogao_testkit::invariants`).
//! - `formats`: a zip bomb `.docx`, 100 000 nested `<div>`s, a broken and
//!   a truncated PDF, a PDF of images, a `.pdf` that is a web page, a
//!   Word 97 file.
//! - `fuzz_regressions`: the inputs fuzzing and the property tests found
//!   breaking a promise, each kept as a test.
//!
//! `support` builds the report files these write into temporary libraries.

mod formats;
mod fuzz_regressions;
mod import;
mod load;
mod props;
mod support;
mod tui;
