//! `baogao search` from the shell: the JSON fields, the tiers of heading
//! matches (noted, and the weak ones after a divider), nothing found, the
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
    assert_eq!(first["match"], "close");
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
    // A full-text hit has no tier.
    assert!(json[0].get("match").is_none(), "{json:#}");
}

/// The heading results of `baogao search --json --limit 0 QUERY` over the
/// bundled reports, each as (heading, tier).
fn tiers(query: &str) -> Vec<(String, String)> {
    let (code, stdout, stderr) = search(&["--json", "--limit", "0", query]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|hit| {
            let text = |field: &str| hit[field].as_str().unwrap_or_default().to_string();
            (text("heading"), text("match"))
        })
        .collect()
}

#[test]
fn search_command_json_names_each_headings_tier_in_order() {
    let order = ["close", "homophone", "typo", "weak"];
    // A homophone of 党建, a typo of dangjian, pinyin with scattered
    // matches after the close ones, and initials that only scatter.
    for (query, expected) in [
        ("党健", "homophone"),
        ("dnagjian", "typo"),
        ("dangjian", "close"),
        ("hxzc", "weak"),
    ] {
        let found = tiers(query);
        assert!(!found.is_empty(), "{query}");
        let ranks: Vec<usize> = found
            .iter()
            .map(|(_, tier)| {
                order
                    .iter()
                    .position(|t| t == tier)
                    .unwrap_or_else(|| panic!("{query}: tier {tier:?}"))
            })
            .collect();
        assert!(ranks.is_sorted(), "{query}: {found:#?}");
        assert_eq!(found[0].1, expected, "{query}: {found:#?}");
    }
    assert!(tiers("dangjian").iter().any(|(_, tier)| tier == "weak"));
}

#[test]
fn search_command_notes_homophones_and_typos_and_sets_weak_matches_apart() {
    for query in ["党健", "dnagjian", "jiansh", "dangjian", "hxzc"] {
        let found = tiers(query);
        let (code, stdout, stderr) = search(&["--limit", "0", query]);
        assert_eq!(code, Some(0), "{stderr}");
        let lines: Vec<&str> = stdout.lines().collect();
        let weak = found.iter().filter(|(_, tier)| tier == "weak").count();
        let dividers: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].starts_with("\u{2500}\u{2500} "))
            .collect();
        // The headings: every line that is neither a place nor a divider.
        let headings: Vec<&str> = lines
            .iter()
            .filter(|l| !l.starts_with("    ") && !l.starts_with('\u{2500}'))
            .copied()
            .collect();
        assert_eq!(headings.len(), found.len(), "{query}: {stdout}");
        for (line, (heading, tier)) in headings.iter().zip(&found) {
            let note = match tier.as_str() {
                "homophone" => "  (同音)",
                "typo" => "  (typo)",
                _ => "",
            };
            assert_eq!(*line, format!("{heading}{note}"), "{query}: {stdout}");
        }
        if weak == 0 {
            assert!(dividers.is_empty(), "{query}: {stdout}");
            continue;
        }
        // One divider, right before the first weak heading (two lines a result).
        let close = found.len() - weak;
        assert_eq!(dividers, [close * 2], "{query}: {stdout}");
        let expected = match (close, weak) {
            (0, 1) => "no close match \u{B7} 1 weak match".to_string(),
            (0, n) => format!("no close match \u{B7} {n} weak matches"),
            (_, 1) => "1 weak match".to_string(),
            (_, n) => format!("{n} weak matches"),
        };
        assert_eq!(
            lines[close * 2],
            format!("\u{2500}\u{2500} {expected} \u{2500}\u{2500}"),
            "{query}: {stdout}"
        );
    }
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
    let id = "pingyang-nanji-2020-work-summary";
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

#[test]
fn search_help_describes_the_tiers_and_the_match_field() {
    let (code, help, _) = search(&["--help"]);
    assert_eq!(code, Some(0));
    for phrase in [
        "(同音)",
        "(typo)",
        "── 12 weak matches ──",
        "no close match",
        "in headings mode, match",
        "close, homophone, typo or weak",
    ] {
        assert!(help.contains(phrase), "{phrase:?} missing from:\n{help}");
    }
}
