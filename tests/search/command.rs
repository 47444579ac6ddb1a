//! `baogao search` from the shell: the JSON fields, nothing found, the
//! full-text hits past the cap, and `--report` (one report only).

use baogao_testkit::fixtures::{library_past_the_hit_cap, search_reports};
use std::process::Command;

#[test]
fn search_command_prints_json_with_the_documented_fields() {
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "--dir"])
        .arg(search_reports())
        .args(["--json", "zsyz"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &json[0];
    assert_eq!(first["report_id"], "shitang-2021-work-summary");
    assert_eq!(first["township"], "石塘乡");
    assert_eq!(first["year"], 2021);
    assert_eq!(first["heading"], "(一)招商引资成效明显，项目建设提速。");
    assert_eq!(
        first["path"],
        serde_json::json!(["一、2021年工作回顾", "(一)招商引资成效明显，项目建设提速。"])
    );
    assert!(first["score"].as_i64().unwrap() > 0);
    assert!(first.get("snippet").is_none());

    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "--dir"])
        .arg(search_reports())
        .args(["--json", "--full-text", "--limit", "1", "招商引资"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert!(json[0]["snippet"].as_str().unwrap().contains("招商引资"));
    assert_eq!(json[0]["path"], serde_json::json!(["一、2021年工作回顾"]));
}

#[test]
fn search_command_says_when_nothing_matches() {
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "xyzzyq"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("no match for xyzzyq"));
}

#[test]
fn search_command_says_when_full_text_hits_were_too_many_to_keep() {
    let dir = library_past_the_hit_cap();
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "--full-text", "--dir"])
        .arg(dir.path())
        .arg("\u{7684}")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!("20 of over {} results shown", baogao_search::MAX_TEXT_HITS);
    assert!(stderr.contains(&expected), "{stderr}");
    // --limit 0 ("all") shows every hit kept, and says there were more.
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "--full-text", "--json", "--limit", "0", "--dir"])
        .arg(dir.path())
        .arg("\u{7684}")
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let kept = baogao_search::MAX_TEXT_HITS;
    assert_eq!(json.as_array().unwrap().len(), kept);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!("{kept} of over {kept} results shown (the first {kept} hits are kept)");
    assert!(stderr.contains(&expected), "{stderr}");
}

/// `baogao search ARGS…`'s exit code, stdout and stderr.
fn search(args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .arg("search")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn search_command_searches_one_report_with_report() {
    let id = "nanji-2020-work-summary";
    // 垃圾分类 is in three bundled reports; --report keeps one's hits.
    let (code, stdout, stderr) = search(&["--full-text", "--json", "--limit", "0", "垃圾分类"]);
    assert_eq!(code, Some(0), "{stderr}");
    let everywhere: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let everywhere = everywhere.as_array().unwrap();
    let (code, stdout, stderr) = search(&[
        "--full-text",
        "--json",
        "--limit",
        "0",
        "--report",
        id,
        "垃圾分类",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let within: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let within = within.as_array().unwrap();
    let expected: Vec<_> = everywhere
        .iter()
        .filter(|hit| hit["report_id"] == id)
        .collect();
    assert!(!within.is_empty());
    assert!(expected.len() < everywhere.len());
    assert_eq!(within.iter().collect::<Vec<_>>(), expected);

    // Headings, as text: every result names the report.
    let (code, stdout, stderr) = search(&["--report", id, "--limit", "0", "gz"]);
    assert_eq!(code, Some(0), "{stderr}");
    let places: Vec<&str> = stdout.lines().filter(|l| l.starts_with("    ")).collect();
    assert!(!places.is_empty(), "{stdout}");
    assert!(
        places.iter().all(|l| l.ends_with(&format!("[{id}]"))),
        "{stdout}"
    );
}

#[test]
fn search_command_finds_a_report_of_dir_with_report() {
    let (code, stdout, stderr) = search(&[
        "--dir",
        &search_reports().display().to_string(),
        "--report",
        "shitang-2021-work-summary",
        "--json",
        "zsyz",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json[0]["report_id"], "shitang-2021-work-summary");
}

#[test]
fn search_command_names_an_unknown_report_id() {
    for extra in [&[][..], &["--json"], &["--full-text"]] {
        let mut args = vec!["--report", "no-such-report-2099"];
        args.extend_from_slice(extra);
        args.push("zsyz");
        let (code, stdout, stderr) = search(&args);
        assert_eq!(code, Some(1), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{stdout}");
        assert!(
            stderr.contains("error: no report with id `no-such-report-2099`"),
            "{stderr}"
        );
        assert!(stderr.contains("baogao list"), "{stderr}");
    }
}
