//! Hostile input to the loader, `validate` and `list`: broken, wrongly
//! typed, oversized, deeply nested and duplicated report files, loops and
//! unreadable entries. Every case checks what the user is told (the file,
//! the place, a short reason) and that the rest still loads.
//!
//! Big inputs are made at run time in temporary directories.

use crate::support::*;
use baogao_report::load::{LoadError, MAX_SECTION_DEPTH, load_dir, validate};
use baogao_testkit::fixtures::{temp_dir, write_bytes, write_json, write_text};
use serde_json::json;
use std::ffi::OsStr;
use std::path::Path;

/// Two good reports, one of them in a subdirectory.
fn good_reports(dir: &Path) {
    let one = report(
        "good-one",
        "甲镇2021年工作总结",
        Some("甲镇"),
        json!([section("一、总结", &["正文。"])]),
    );
    write_json(dir, "good-one.json", &one);
    let two = report(
        "good-two",
        "乙镇2021年工作总结",
        Some("乙镇"),
        json!([section("一、总结", &["正文。"])]),
    );
    write_json(dir, "sub/good-two.json", &two);
}

fn loaded_ids(dir: &Path) -> Vec<String> {
    let loaded = load_dir(dir).expect("the directory loads");
    loaded.reports.iter().map(|r| r.report.id.clone()).collect()
}

/// A message a person can read on one line: short, no control characters.
fn assert_readable(error: &LoadError) {
    let shown = error.to_string();
    assert!(
        shown.len() < 300,
        "too long ({} bytes): {shown}",
        shown.len()
    );
    assert!(
        !shown.chars().any(char::is_control),
        "control characters: {shown:?}"
    );
    assert!(!error.message.is_empty(), "{error:?}");
}

#[test]
fn each_broken_file_gets_one_clear_error_naming_it_and_the_rest_load() {
    let dir = temp_dir();
    let root = dir.path();
    good_reports(root);
    let valid = report("x", "标题", None, json!([]));
    let valid_text = serde_json::to_string_pretty(&valid).expect("serialises");
    // (file, its bytes, whether the error has a line and column in the file)
    let broken: Vec<(&str, Vec<u8>, bool)> = vec![
        (
            "invalid-json.json",
            br#"{"schema": 1, "id": "x", oops}"#.to_vec(),
            true,
        ),
        (
            "truncated.json",
            valid_text.as_bytes()[..valid_text.len() / 2].to_vec(),
            true,
        ),
        ("empty.json", Vec::new(), true),
        ("nul-bytes.json", vec![0; 64], true),
        ("array.json", format!("[{valid_text}]").into_bytes(), true),
        (
            "wrong-type.json",
            valid_text.replace("\"标题\"", "5").into_bytes(),
            true,
        ),
        (
            "wrong-enum.json",
            valid_text.replace("\"work-summary\"", "[1]").into_bytes(),
            true,
        ),
        (
            "unknown-kind.json",
            valid_text
                .replace("\"work-summary\"", "\"speech\"")
                .into_bytes(),
            true,
        ),
        (
            "schema-99.json",
            valid_text
                .replace("\"schema\": 1", "\"schema\": 99")
                .into_bytes(),
            true,
        ),
        (
            "schema-text.json",
            valid_text
                .replace("\"schema\": 1", "\"schema\": \"1\"")
                .into_bytes(),
            true,
        ),
        (
            "huge-year.json",
            valid_text.replace("2021", "1e400").into_bytes(),
            true,
        ),
        (
            "trailing.json",
            format!("{valid_text} {{}}").into_bytes(),
            true,
        ),
        (
            "invalid-utf8.json",
            {
                let mut bytes = valid_text.as_bytes().to_vec();
                let at = valid_text.find("标题").expect("the title");
                bytes[at] = 0xFF;
                bytes
            },
            true,
        ),
    ];
    for (name, bytes, _) in &broken {
        write_bytes(root, &format!("broken/{name}"), bytes);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        // A directory that links back to its parent, and two files that
        // link to each other: the walk ends, the files are named.
        symlink("..", root.join("sub/loop")).expect("a directory link");
        symlink("loop-b.json", root.join("loop-a.json")).expect("a file link");
        symlink("loop-a.json", root.join("loop-b.json")).expect("a file link");
    }

    let loaded = load_dir(root).expect("the directory loads");
    let mut ids: Vec<&str> = loaded
        .reports
        .iter()
        .map(|r| r.report.id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["good-one", "good-two"],
        "errors: {:#?}",
        loaded.errors
    );
    for (name, _, placed) in &broken {
        let path = root.join("broken").join(name);
        let errors: Vec<&LoadError> = loaded.errors.iter().filter(|e| e.path == path).collect();
        assert_eq!(errors.len(), 1, "{name}: {errors:#?}");
        let error = errors[0];
        assert_readable(error);
        assert!(
            error.to_string().starts_with(&path.display().to_string()),
            "{error}"
        );
        if *placed {
            assert!(
                error.line >= 1 && error.column >= 1,
                "{name} has no place: {error}"
            );
        }
    }
    #[cfg(unix)]
    for name in ["loop-a.json", "loop-b.json"] {
        let error = loaded
            .errors
            .iter()
            .find(|e| e.path == root.join(name))
            .unwrap_or_else(|| panic!("{name} is named: {:#?}", loaded.errors));
        assert!(error.message.starts_with("cannot read file"), "{error}");
        assert_readable(error);
    }
    let expected_errors = broken.len() + if cfg!(unix) { 2 } else { 0 };
    assert_eq!(loaded.errors.len(), expected_errors, "{:#?}", loaded.errors);

    // The command line says the same, one line a file, and goes on.
    let (code, out, _) = run_baogao(root, &[OsStr::new("validate"), root.as_os_str()]);
    assert_eq!(code, 1, "{out}");
    for (name, _, _) in &broken {
        let lines = out
            .lines()
            .filter(|line| line.contains(&format!("broken/{name}")))
            .count();
        assert_eq!(lines, 1, "{name} once in:\n{out}");
    }
    assert!(
        out.ends_with(&format!("2 reports, {expected_errors} problems\n")),
        "{out}"
    );
    let (code, out, err) = run_baogao(root, &[OsStr::new("list"), root.as_os_str()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("good-one") && out.contains("good-two"),
        "{out}"
    );
    assert_eq!(
        err.lines().filter(|line| line.contains("broken/")).count(),
        broken.len(),
        "{err}"
    );
}

/// chmod 000 stops everyone but root; as root the file is simply read, and
/// that is what is checked then.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named_and_the_rest_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir();
    good_reports(dir.path());
    let locked = write_json(
        dir.path(),
        "locked.json",
        &report("locked", "锁", None, json!([])),
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let loaded = load_dir(dir.path()).expect("the directory loads");
    let mut ids: Vec<&str> = loaded
        .reports
        .iter()
        .map(|r| r.report.id.as_str())
        .collect();
    ids.sort_unstable();
    if running_as_root() {
        eprintln!("running as root: a mode-000 file is readable, so it must load like any other");
        assert_eq!(ids, ["good-one", "good-two", "locked"]);
        assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    } else {
        assert_eq!(ids, ["good-one", "good-two"]);
        assert_eq!(loaded.errors.len(), 1, "{:#?}", loaded.errors);
        assert_eq!(loaded.errors[0].path, locked);
        assert!(
            loaded.errors[0].message.starts_with("cannot read file"),
            "{}",
            loaded.errors[0]
        );
    }
}

#[test]
fn sections_nested_ten_thousand_deep_are_refused_briefly_and_the_rest_load() {
    let dir = temp_dir();
    good_reports(dir.path());
    let deep = write_text(dir.path(), "deep.json", &deep_report_text("deep", 10_000));
    let loaded = load_dir(dir.path()).expect("the directory loads");
    assert_eq!(loaded.reports.len(), 2, "{:#?}", loaded.errors);
    assert_eq!(loaded.errors.len(), 1, "{:#?}", loaded.errors);
    let error = &loaded.errors[0];
    assert_eq!(error.path, deep);
    assert_readable(error);
    let expected = format!("sections[0]: sections nested deeper than {MAX_SECTION_DEPTH} levels");
    assert_eq!(error.message, expected);
    // Placed where the first section too deep starts.
    assert_eq!(error.line, 1);
    let text = std::fs::read_to_string(&deep).expect("readable");
    let first_too_deep = text
        .match_indices("{\"heading\"")
        .nth(MAX_SECTION_DEPTH)
        .map(|(at, _)| text[..at].chars().count() + 1);
    assert_eq!(Some(error.column), first_too_deep, "{error}");

    let (code, out, _) = run_baogao(
        dir.path(),
        &[OsStr::new("validate"), dir.path().as_os_str()],
    );
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains(&expected), "{out}");
}

#[test]
fn nesting_up_to_the_limit_loads_and_one_more_level_is_refused() {
    let dir = temp_dir();
    write_text(
        dir.path(),
        "at-limit.json",
        &deep_report_text("at-limit", MAX_SECTION_DEPTH),
    );
    let loaded = load_dir(dir.path()).expect("the directory loads");
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let outline: Vec<usize> = loaded.reports[0]
        .report
        .outline()
        .map(|(path, _)| path.depth())
        .collect();
    assert_eq!(outline, (1..=MAX_SECTION_DEPTH).collect::<Vec<_>>());
    assert!(validate(&loaded).is_empty());

    // One level more: refused whether or not serde_json's own limit is hit.
    for depth in [MAX_SECTION_DEPTH + 1, 63, 64, 65] {
        let over = temp_dir();
        write_text(over.path(), "over.json", &deep_report_text("over", depth));
        let loaded = load_dir(over.path()).expect("the directory loads");
        assert!(loaded.reports.is_empty(), "depth {depth} loaded");
        assert_eq!(loaded.errors.len(), 1);
        assert!(
            loaded.errors[0]
                .message
                .ends_with(&format!("nested deeper than {MAX_SECTION_DEPTH} levels")),
            "depth {depth}: {}",
            loaded.errors[0]
        );
    }
}

/// An unknown field is skipped however deep it nests (serde_json skips
/// values without recursing); sections written as arrays (serde reads a
/// struct from a sequence too) nested 10 000 deep get a short error.
#[test]
fn deep_nesting_elsewhere_is_skipped_or_refused_briefly() {
    let dir = temp_dir();
    good_reports(dir.path());
    let mut text = serde_json::to_string(&report("extra", "标题", None, json!([]))).expect("json");
    text.pop();
    text.push_str(&format!(
        ",\"extra\":{}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    ));
    write_text(dir.path(), "extra.json", &text);
    let mut text = serde_json::to_string(&report("arrays", "标题", None, json!([]))).expect("json");
    let nested = format!("{}{}", "[\"层\",[],[".repeat(10_000), "]]".repeat(10_000));
    text = text.replace("\"sections\":[]", &format!("\"sections\":[{nested}]"));
    let arrays = write_text(dir.path(), "arrays.json", &text);

    let loaded = load_dir(dir.path()).expect("the directory loads");
    let mut ids: Vec<&str> = loaded
        .reports
        .iter()
        .map(|r| r.report.id.as_str())
        .collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        ["extra", "good-one", "good-two"],
        "{:#?}",
        loaded.errors
    );
    assert_eq!(loaded.errors.len(), 1, "{:#?}", loaded.errors);
    let error = &loaded.errors[0];
    assert_eq!(error.path, arrays);
    assert_eq!(
        error.message,
        "sections: arrays and objects nested more than 127 deep"
    );
    assert_readable(error);
}

#[test]
fn a_ten_megabyte_paragraph_full_of_escapes_loads_clean_and_whole() {
    let dir = temp_dir();
    // As JSON escapes: the file holds the control characters themselves.
    let unit = r"正文\u001b[31m红\u001b]0;PWNED\u0007字\u202e，";
    let clean_unit = "正文红字，";
    let repeats = (10 << 20) / unit.len() + 1;
    let text = report_text("big", &[("一、大", &unit.repeat(repeats))]);
    write_text(dir.path(), "big.json", &text);
    good_reports(dir.path());
    let loaded = load_dir(dir.path()).expect("the directory loads");
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let big = loaded
        .reports
        .iter()
        .find(|r| r.report.id == "big")
        .expect("loaded");
    assert!(big.report.sections[0].paragraphs[0] == clean_unit.repeat(repeats));
    assert!(validate(&loaded).is_empty());
}

#[test]
fn a_hundred_thousand_sections_load_and_every_empty_heading_is_placed() {
    let dir = temp_dir();
    // Every other heading empty: 50 000 problems, each on its own line.
    let headings: Vec<String> = (0..100_000)
        .map(|i| {
            if i % 2 == 0 {
                format!("第{i}节")
            } else {
                String::new()
            }
        })
        .collect();
    let sections: Vec<(&str, &str)> = headings.iter().map(|h| (h.as_str(), "段落。")).collect();
    let many = write_text(dir.path(), "many.json", &report_text("many", &sections));
    let loaded = load_dir(dir.path()).expect("the directory loads");
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    assert_eq!(loaded.reports[0].report.section_count(), 100_000);
    let problems = validate(&loaded);
    assert_eq!(problems.len(), 50_000);
    let text = std::fs::read_to_string(&many).expect("readable");
    let empty_heading_lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.starts_with("{\"heading\":\"\""))
        .map(|(index, _)| index + 1)
        .collect();
    let placed: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.column)).collect();
    let expected: Vec<(usize, usize)> =
        empty_heading_lines.iter().map(|&line| (line, 12)).collect();
    assert!(placed == expected, "problems not at the empty headings");
    assert_eq!(problems[1].message, "empty heading at sections[3]");
}

#[test]
fn duplicate_ids_are_both_listed_and_both_reported() {
    let dir = temp_dir();
    let first = report("dup", "甲镇2021年工作总结", Some("甲镇"), json!([]));
    let second = report("dup", "乙镇2021年工作总结", Some("乙镇"), json!([]));
    write_json(dir.path(), "dup.json", &first);
    write_json(dir.path(), "other/dup.json", &second);
    assert_eq!(loaded_ids(dir.path()), ["dup", "dup"]);
    let (code, out, _) = run_baogao(
        dir.path(),
        &[OsStr::new("validate"), dir.path().as_os_str()],
    );
    assert_eq!(code, 1);
    let duplicates: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("duplicate id `dup`"))
        .collect();
    assert_eq!(duplicates.len(), 2, "{out}");
    assert!(duplicates[0].starts_with(&dir.path().join("dup.json").display().to_string()));
    assert!(duplicates[0].contains(&dir.path().join("other/dup.json").display().to_string()));
    let (code, out, err) = run_baogao(dir.path(), &[OsStr::new("list"), dir.path().as_os_str()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("甲镇") && out.contains("乙镇"), "{out}");
}

#[test]
fn an_empty_library_and_one_of_only_broken_files() {
    let dir = temp_dir();
    let (code, out, _) = run_baogao(
        dir.path(),
        &[OsStr::new("validate"), dir.path().as_os_str()],
    );
    assert_eq!((code, out.as_str()), (0, "0 reports, 0 problems\n"));

    write_text(dir.path(), "a.json", "{");
    write_bytes(dir.path(), "b.json", b"\xff\xfe");
    write_text(dir.path(), "c.json", &deep_report_text("c", 5_000));
    let loaded = load_dir(dir.path()).expect("the directory loads");
    assert!(loaded.reports.is_empty());
    assert_eq!(loaded.errors.len(), 3);
    let (code, out, _) = run_baogao(
        dir.path(),
        &[OsStr::new("validate"), dir.path().as_os_str()],
    );
    assert_eq!(code, 1);
    assert!(out.ends_with("0 reports, 3 problems\n"), "{out}");
    let (code, _, err) = run_baogao(dir.path(), &[OsStr::new("list"), dir.path().as_os_str()]);
    assert_eq!(code, 1);
    assert_eq!(err.lines().last(), Some("no reports loaded"), "{err}");
}
