//! Usage across the subcommands: help and exit codes, and
//! `--ambiguous-wide` before or after the subcommand.

use super::*;

#[test]
fn every_help_exits_zero_and_usage_errors_exit_two() {
    let tmp = TempDir::new().unwrap();
    for command in [&[][..], &["import"], &["list"], &["show"], &["validate"]] {
        let args: Vec<&str> = command.iter().copied().chain(["--help"]).collect();
        let output = baogao(tmp.path(), &args);
        assert_eq!(code(&output), 0, "{args:?}");
        let help = stdout(&output);
        assert!(
            help.contains("Usage: baogao") && help.contains("Examples:"),
            "{help}"
        );
    }
    for args in [
        &["show"][..],
        &["list", "--no-such-flag"],
        &["import"],
        &["frobnicate", "x"],
    ] {
        assert_eq!(code(&baogao(tmp.path(), args)), 2, "{args:?}");
    }
}

#[test]
fn ambiguous_wide_goes_before_or_after_the_subcommand() {
    let tmp = TempDir::new().expect("temp dir");
    for args in [
        vec![
            "--ambiguous-wide",
            "show",
            "nanji-2020-work-summary",
            "--width",
            "30",
        ],
        vec![
            "show",
            "nanji-2020-work-summary",
            "--width",
            "30",
            "--ambiguous-wide",
        ],
    ] {
        let output = baogao(tmp.path(), &args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        // “ and ” count two cells each now: lines holding them are shorter.
        for line in stdout(&output).lines() {
            let cells = UnicodeWidthStr::width_cjk(line);
            assert!(cells <= 30, "{args:?}: {cells} cells: {line:?}");
        }
    }
    let output = baogao(tmp.path(), ["--ambiguous-wide", "list"]);
    assert!(output.status.success(), "{}", stderr(&output));
}
