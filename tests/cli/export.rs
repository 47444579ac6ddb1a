//! `baogao export`: Markdown, text and JSON of a report or a section, on
//! stdout or in a file that is never overwritten without `--force`.

use crate::{baogao, stderr, stdout};
use std::fs;
use tempfile::TempDir;

const NANJI: &str = "pingyang-nanji-2020-work-summary";

#[test]
fn markdown_has_a_front_block_the_title_and_the_outline_as_headings() {
    let dir = TempDir::new().expect("a temporary directory");
    let output = baogao(dir.path(), ["export", NANJI, "--format", "md"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(
        md.starts_with("---\nid: \"pingyang-nanji-2020-work-summary\"\n"),
        "{md}"
    );
    assert!(md.contains("\nyear: 2020\n"), "{md}");
    assert!(md.contains("\n# 南麂镇2020年工作总结"), "{md}");
    assert!(md.contains("\n## 一、2020年工作总结\n"), "{md}");
    assert!(md.contains("\n### "), "{md}");
}

#[test]
fn a_section_alone_in_each_format() {
    let dir = TempDir::new().expect("a temporary directory");
    let md = stdout(&baogao(
        dir.path(),
        ["export", NANJI, "--section", "2", "--format", "md"],
    ));
    assert!(md.contains("\n## 二、2021年工作计划\n"), "{md}");
    assert!(!md.contains("一、2020年工作总结"), "{md}");
    let txt = stdout(&baogao(
        dir.path(),
        ["export", NANJI, "--section", "2", "--format", "txt"],
    ));
    assert!(
        txt.contains("二、2021年工作计划") && !txt.contains("## "),
        "{txt}"
    );
    let json = stdout(&baogao(
        dir.path(),
        ["export", NANJI, "--section", "2", "--format", "json"],
    ));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["sections"].as_array().map(Vec::len), Some(1));
    let missing = baogao(dir.path(), ["export", NANJI, "--section", "99"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no section 99"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn out_writes_a_file_and_keeps_an_existing_one_without_force() {
    let dir = TempDir::new().expect("a temporary directory");
    let file = dir.path().join("nanji.md");
    let first = baogao(dir.path(), ["export", NANJI, "--out", "nanji.md"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).is_empty());
    let written = fs::read_to_string(&file).expect("the file is written");
    assert!(written.starts_with("---\n"));
    fs::write(&file, "mine").expect("overwrite for the test");
    let again = baogao(
        dir.path(),
        ["export", NANJI, "--format", "txt", "--out", "nanji.md"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(fs::read_to_string(&file).expect("still there"), "mine");
    let forced = baogao(
        dir.path(),
        [
            "export", NANJI, "--format", "txt", "--out", "nanji.md", "--force",
        ],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(
        fs::read_to_string(&file)
            .expect("rewritten")
            .contains("南麂镇")
    );
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("the directory")
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}
