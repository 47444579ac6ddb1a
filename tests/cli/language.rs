//! The language of the human output: Chinese when the locale or `--lang`
//! says so, English otherwise; JSON the same in every language.

use crate::{stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

/// Run baogao with `args` and exactly the locale variables in `locale`.
fn run_in(locale: &[(&str, &str)], args: &[&str], cwd: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baogao"));
    command
        .current_dir(cwd)
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in locale {
        command.env(name, value);
    }
    command.output().expect("the baogao binary runs")
}

#[test]
fn list_is_in_chinese_under_a_chinese_locale_and_english_under_c() {
    let dir = TempDir::new().expect("a temporary directory");
    let zh = stdout(&run_in(&[("LANG", "zh_CN.UTF-8")], &["list"], dir.path()));
    let header = zh.lines().next().unwrap_or_default();
    for word in ["编号", "乡镇", "年份", "类别", "标题", "节数"] {
        assert!(header.contains(word), "{header}");
    }
    assert!(zh.contains("政府工作报告") && zh.contains("全年"), "{zh}");
    // The ids keep their ASCII; the kind column does not.
    assert!(!zh.contains(" government-work-report"), "{zh}");
    let en = stdout(&run_in(&[("LANG", "C")], &["list"], dir.path()));
    assert!(en.starts_with("ID "), "{en}");
    assert!(en.contains(" government-work-report"), "{en}");
    // LC_ALL wins over LANG, and --lang over both.
    let over = stdout(&run_in(
        &[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")],
        &["list"],
        dir.path(),
    ));
    assert!(over.starts_with("ID "), "{over}");
    let flag = stdout(&run_in(
        &[("LANG", "C")],
        &["--lang", "zh", "list"],
        dir.path(),
    ));
    assert!(flag.starts_with("编号"), "{flag}");
}

#[test]
fn json_is_the_same_in_every_language() {
    let dir = TempDir::new().expect("a temporary directory");
    let zh = run_in(&[("LANG", "zh_CN.UTF-8")], &["list", "--json"], dir.path());
    let en = run_in(&[("LANG", "C")], &["list", "--json"], dir.path());
    assert_eq!(stdout(&zh), stdout(&en));
}

#[test]
fn messages_and_errors_follow_the_language() {
    let dir = TempDir::new().expect("a temporary directory");
    let zh = run_in(
        &[("LANG", "zh_CN.UTF-8")],
        &["show", "no-such-id"],
        dir.path(),
    );
    assert!(stderr(&zh).starts_with("错误："), "{}", stderr(&zh));
    assert!(stderr(&zh).contains("没有编号为"), "{}", stderr(&zh));
    let en = run_in(&[("LANG", "C")], &["show", "no-such-id"], dir.path());
    assert!(
        stderr(&en).starts_with("error: no report with id"),
        "{}",
        stderr(&en)
    );
    let validate = stdout(&run_in(
        &[("LANG", "zh_CN.UTF-8")],
        &["validate"],
        dir.path(),
    ));
    assert!(
        validate.contains("份报告") && validate.contains("个问题"),
        "{validate}"
    );
}

/// `--help` describes the commands in Chinese under a Chinese locale (clap's
/// own words, Usage and Options, stay as clap has them), in English under C.
#[test]
fn help_describes_the_commands_in_the_language() {
    let dir = TempDir::new().expect("a temporary directory");
    let zh = stdout(&run_in(&[("LANG", "zh_CN.UTF-8")], &["--help"], dir.path()));
    assert!(zh.contains("乡镇政府工作报告阅读器"), "{zh}");
    assert!(zh.contains("列出报告库中的报告"), "{zh}");
    let flag = stdout(&run_in(
        &[("LANG", "C")],
        &["--lang", "zh", "list", "--help"],
        dir.path(),
    ));
    assert!(flag.starts_with("列出报告库中的报告"), "{flag}");
    let en = stdout(&run_in(&[("LANG", "C")], &["--help"], dir.path()));
    assert!(en.starts_with("baogao (报告): a reader"), "{en}");
    assert!(!en.contains("列出报告库"), "{en}");
}
