//! `baogao compare` and `baogao related` through the real binary: the JSON
//! fields, text output, shared passages found where a report repeats the
//! year before, the township's other year listed first, and unknown ids
//! and sections.

use baogao_testkit::fixtures::{bundled_library, temp_dir, write_text};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn baogao(args: &[&str], dir: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baogao"));
    command.args(args);
    if let Some(dir) = dir {
        command.arg("--dir").arg(dir);
    }
    command.output().expect("the baogao binary runs")
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON on stdout")
}

const NANJI: &str = "pingyang-nanji-2020-work-summary";
const LUPU: &str = "yuhuan-lupu-2020-work-summary";

/// 南麂镇's 2020 report and a 2021 one that reports on its plan, carrying
/// one of its sentences over.
fn two_years() -> tempfile::TempDir {
    let dir = temp_dir();
    let library = bundled_library();
    let first = library.find(NANJI).expect("bundled").clone();
    let mut next = first.clone();
    next.id = "pingyang-nanji-2021-work-summary".to_string();
    next.year = Some(2021);
    next.title = "南麂镇2021年工作总结".to_string();
    let mut summary = first.sections[1].clone();
    summary.heading = "一、2021年工作总结".to_string();
    next.sections = vec![summary];
    write_text(dir.path(), "a.json", &first.to_json_pretty());
    write_text(dir.path(), "b.json", &next.to_json_pretty());
    dir
}

#[test]
fn compare_prints_pairs_unmatched_sections_and_shared_text_as_json() {
    let dir = two_years();
    let found = json(&baogao(
        &[
            "compare",
            NANJI,
            "pingyang-nanji-2021-work-summary",
            "--json",
        ],
        Some(dir.path()),
    ));
    assert_eq!(found["left"], NANJI);
    let pairs = found["pairs"].as_array().expect("pairs");
    let plan = pairs
        .iter()
        .find(|p| p["left"]["path"] == serde_json::json!([2]))
        .expect("the plan is paired");
    assert_eq!(plan["right"]["path"], serde_json::json!([1]));
    assert_eq!(plan["right"]["heading"], "一、2021年工作总结");
    assert!(plan["similarity"].as_f64().is_some_and(|s| s > 0.5));
    assert_eq!(plan["part"], false);
    let left_only = found["left_only"].as_array().expect("left_only");
    assert!(
        left_only
            .iter()
            .any(|p| p["heading"] == "一、2020年工作总结")
    );
    let shared = found["shared"].as_array().expect("shared");
    assert!(!shared.is_empty());
    let first = &shared[0];
    let text = first["text"].as_str().expect("text");
    assert!(text.chars().count() >= 16, "{text}");
    assert!(first["right"]["end"].as_u64() > first["right"]["start"].as_u64());
}

#[test]
fn compare_prints_text_and_exits_1_on_an_unknown_id() {
    let output = baogao(&["compare", NANJI, LUPU], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(text.contains("aligned sections"), "{text}");
    assert!(text.contains("一、2020年工作总结"), "{text}");
    let output = baogao(&["compare", NANJI, "no-such-report"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-report"));
}

#[test]
fn related_lists_the_townships_other_year_first() {
    let dir = two_years();
    let found = json(&baogao(
        &[
            "related",
            "pingyang-nanji-2021-work-summary",
            "--section",
            "1.1",
            "--limit",
            "3",
            "--json",
        ],
        Some(dir.path()),
    ));
    let listing = &found[0];
    assert_eq!(listing["section"]["path"], serde_json::json!([1, 1]));
    let related = listing["related"].as_array().expect("related");
    assert!(!related.is_empty() && related.len() <= 3);
    assert_eq!(related[0]["report_id"], NANJI);
    assert_eq!(related[0]["kinship"], "township");
    assert_eq!(related[0]["path"], serde_json::json!([2, 1]));
}

#[test]
fn related_finds_a_section_by_heading_text_and_names_a_missing_one() {
    let found = json(&baogao(
        &["related", NANJI, "--section", "垃圾分类", "--json"],
        None,
    ));
    assert!(
        found[0]["section"]["heading"]
            .as_str()
            .is_some_and(|h| h.contains("垃圾分类"))
    );
    let output = baogao(&["related", NANJI, "--section", "9.9"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("9.9"));
    let output = baogao(&["related", NANJI], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("1 一、2020年工作总结"), "{text}");
}

#[test]
fn compare_and_related_speak_chinese_with_lang_zh_and_keep_their_json() {
    let output = baogao(&["compare", NANJI, LUPU, "--lang", "zh"], None);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("左侧："), "{text}");
    assert!(text.contains("对齐的章节："), "{text}");
    assert!(!text.contains("aligned sections"), "{text}");
    let output = baogao(&["compare", NANJI, "no-such-report", "--lang", "zh"], None);
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(
        error.contains("没有编号为 `no-such-report` 的报告"),
        "{error}"
    );

    let dir = two_years();
    let args = [
        "related",
        "pingyang-nanji-2021-work-summary",
        "--section",
        "1.1",
        "--lang",
        "zh",
    ];
    let output = baogao(&args, Some(dir.path()));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("（本乡镇）"), "{text}");
    assert!(!text.contains("township"), "{text}");
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let found = json(&baogao(&json_args, Some(dir.path())));
    assert_eq!(found[0]["related"][0]["kinship"], "township");
    let output = baogao(
        &["related", NANJI, "--section", "9.9", "--lang", "zh"],
        None,
    );
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("中没有章节 `9.9`"), "{error}");
}
