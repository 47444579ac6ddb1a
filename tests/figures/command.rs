//! `baogao figures` from the shell: one report as a table, the JSON
//! fields, `--indicator`, CSV with and without a byte-order mark, and an
//! unknown id.

use std::process::{Command, Output};

const NANJI: &str = "pingyang-nanji-2020-work-summary";

fn figures(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .arg("figures")
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn one_report_as_a_table() {
    let out = String::from_utf8(figures(&[NANJI]).stdout).expect("UTF-8");
    assert!(
        out.starts_with("南麂镇 · 2020 · pingyang-nanji-2020-work-summary\n"),
        "{out}"
    );
    let line = out
        .lines()
        .find(|l| l.contains("固定资产投资"))
        .expect("the investment figure");
    assert!(line.contains("11892 万元"), "{line}");
    assert!(line.contains("level"), "{line}");
}

#[test]
fn json_has_the_documented_fields() {
    let out = figures(&[NANJI, "--json", "--indicator", "全民参保率"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let first = &json[0];
    assert_eq!(first["report_id"], NANJI);
    assert_eq!(first["township"], "南麂镇");
    assert_eq!(first["county"], "平阳县");
    assert_eq!(first["year"], 2020);
    assert_eq!(first["indicator"], "全民参保率");
    assert_eq!(first["value"], 99.8);
    assert_eq!(first["unit"], "%");
    assert_eq!(first["kind"], "share");
    assert_eq!(first["qualifier"], "以上");
    assert_eq!(first["text"], "全民参保率达99.8%以上");
    assert!(
        first["sentence"]
            .as_str()
            .is_some_and(|s| s.ends_with('。'))
    );
    assert!(first["section"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn indicator_finds_near_phrases_and_normalises_units() {
    let out = figures(&[NANJI, "--json", "--indicator", "完成固定资产投资额"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json[0]["indicator"], "固定资产投资");
    assert_eq!(json[0]["base_value"], 118_920_000.0);
    assert_eq!(json[0]["base_unit"], "元");
}

#[test]
fn csv_opens_in_a_spreadsheet() {
    let plain = figures(&[NANJI, "--csv"]).stdout;
    let text = String::from_utf8(plain).expect("UTF-8");
    assert!(text.starts_with("report_id,township,county,year,section,indicator,value,"));
    assert!(text.lines().count() > 30);
    assert!(text.contains("\r\n"));
    // The sentence holds commas (half-width in this report): quoted.
    let row = text
        .lines()
        .find(|l| l.contains(",固定资产投资,"))
        .expect("a row");
    assert!(row.contains(",11892,"), "{row}");
    assert!(row.ends_with('"'), "{row}");

    let bom = figures(&[NANJI, "--csv", "--bom"]).stdout;
    assert!(bom.starts_with("\u{feff}report_id".as_bytes()));
}

#[test]
fn an_unknown_id_is_an_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["figures", "no-such-report"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("baogao list"));
}
