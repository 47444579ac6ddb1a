//! Libraries and files for tests: the bundled library, the bundled library
//! with the search test reports, a library loaded from a directory, the
//! library past the full-text hit cap, temporary directories and files
//! written into them, and paths into the repository (`tests/data`, `data/`).

use baogao_bundled::load_bundled;
use baogao_report::library::Library;
use baogao_report::load::load_dir;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// The repository's root: the top package's directory, where `data/` and
/// `tests/` are.
pub fn repo_root() -> PathBuf {
    let kit = Path::new(env!("CARGO_MANIFEST_DIR"));
    kit.ancestors()
        .nth(2)
        .expect("the test kit lives in crates/testkit")
        .to_path_buf()
}

/// `relative` under the repository's root, such as `data/raw`.
pub fn repo_path(relative: &str) -> PathBuf {
    repo_root().join(relative)
}

/// `relative` under `tests/data`, the integration tests' fixtures.
pub fn test_data(relative: &str) -> PathBuf {
    repo_root().join("tests/data").join(relative)
}

/// The reports bundled into the binary (`data/reports`), as the reader
/// opens them when given no directory.
pub fn bundled_library() -> Library {
    Library::from_loaded(load_bundled().reports)
}

/// The bundled reports plus `tests/data/search` (a report with 招商引资
/// headings and a preamble, which the bundled ones lack): the library of
/// the search and search-popup tests. Panics when a report there does not
/// load.
pub fn search_library() -> Library {
    let extra = load_dir(&search_reports()).expect("the search test reports load");
    assert!(extra.errors.is_empty(), "{:?}", extra.errors);
    Library::from_loaded(load_bundled().reports.into_iter().chain(extra.reports))
}

/// The directory of the search test reports, `tests/data/search`.
pub fn search_reports() -> PathBuf {
    test_data("search")
}

/// The reports of `dir`, loaded as `baogao DIR` loads them. Panics when the
/// directory cannot be read; files that fail to load are left out.
pub fn library_from_dir(dir: &Path) -> Library {
    let loaded = load_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    Library::from_loaded(loaded.reports)
}

/// A new temporary directory, removed when dropped.
pub fn temp_dir() -> TempDir {
    TempDir::new().expect("a temporary directory")
}

/// A library of one report whose paragraph holds "的" five times more than
/// [`baogao_search::MAX_TEXT_HITS`]: a full-text search for it is cut.
pub fn library_past_the_hit_cap() -> TempDir {
    let dir = temp_dir();
    let report = serde_json::json!({
        "schema": 1,
        "id": "many-2021-work-summary",
        "title": "多镇2021年工作总结",
        "township": "多镇",
        "year": 2021,
        "period": "annual",
        "kind": "work-summary",
        "sections": [{
            "heading": "一、工作回顾",
            "paragraphs": ["\u{7684}".repeat(baogao_search::MAX_TEXT_HITS + 5)],
        }],
    });
    write_text(dir.path(), "many.json", &report.to_string());
    dir
}

/// Write `value` pretty-printed to `dir/relative`, creating directories.
pub fn write_json(dir: &Path, relative: &str, value: &Value) -> PathBuf {
    let text = serde_json::to_string_pretty(value).expect("a JSON value serialises");
    write_text(dir, relative, &text)
}

/// Write `text` to `dir/relative`, creating directories.
pub fn write_text(dir: &Path, relative: &str, text: &str) -> PathBuf {
    write_bytes(dir, relative, text.as_bytes())
}

/// Write `bytes` to `dir/relative`, creating directories.
pub fn write_bytes(dir: &Path, relative: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("a directory for the file");
    }
    std::fs::write(&path, bytes).expect("the file is written");
    path
}
