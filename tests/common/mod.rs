//! Helpers shared by the integration tests: import a file of the
//! repository and read a report's outline as lists of headings (the
//! importer tests); a library with more full-text hits than are kept (the
//! search tests).

#![allow(dead_code)]

use baogao_import::import_bytes;
use baogao_report::model::{Report, Section};
use std::path::{Path, PathBuf};

/// A library of one report whose paragraph holds "的" five times more than
/// [`baogao_search::MAX_TEXT_HITS`]: a full-text search for it is cut.
pub fn library_past_the_hit_cap() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
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
    std::fs::write(dir.path().join("many.json"), report.to_string()).unwrap();
    dir
}

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Import `dir/<file starting with prefix>` from the repository.
pub fn import_file(dir: &str, prefix: &str) -> Report {
    let dir = repo_path(dir);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    assert_eq!(
        entries.len(),
        1,
        "one file starting with {prefix} in {}",
        dir.display()
    );
    let path = entries.remove(0);
    let bytes = std::fs::read(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    import_bytes(&bytes, &name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn headings(sections: &[Section]) -> Vec<&str> {
    sections.iter().map(|s| s.heading.as_str()).collect()
}

/// Every heading and paragraph of a report, joined: to check what is gone.
pub fn all_text(report: &Report) -> String {
    let mut out = report.preamble.join("\n");
    let mut stack: Vec<&Section> = report.sections.iter().collect();
    while let Some(s) = stack.pop() {
        out.push('\n');
        out.push_str(&s.heading);
        for p in &s.paragraphs {
            out.push('\n');
            out.push_str(p);
        }
        stack.extend(s.sections.iter());
    }
    out
}

/// Headings start with these (numbering and first words), in order.
pub fn assert_heads(sections: &[Section], starts: &[&str]) {
    let got = headings(sections);
    assert_eq!(got.len(), starts.len(), "headings {got:#?}");
    for (heading, start) in got.iter().zip(starts) {
        assert!(
            heading.starts_with(start),
            "{heading:?} should start with {start:?}"
        );
    }
}
