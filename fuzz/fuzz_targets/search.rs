//! The search engine on arbitrary queries, over the bundled reports.
//!
//! Input: the query, read as UTF-8 with bad bytes replaced (libFuzzer's
//! `-max_len` keeps it short: each query is also typed one character at a
//! time). Both modes, headings and full text, are checked.

#![no_main]

use baogao_bundled::load_bundled;
use baogao_report::library::Library;
use baogao_testkit::invariants::check_search;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::from_loaded(load_bundled().reports))
}

fuzz_target!(|bytes: &[u8]| {
    let query = String::from_utf8_lossy(bytes);
    check_search(library(), &query);
});
