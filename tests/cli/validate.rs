//! `baogao validate`: a good library passes; duplicate ids and misnamed
//! files are problems.

use super::*;

#[test]
fn validate_passes_a_good_library_and_fails_on_a_duplicate_id() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let good = baogao(tmp.path(), [OsStr::new("validate"), dir.as_os_str()]);
    assert_eq!(code(&good), 0, "{}{}", stdout(&good), stderr(&good));
    assert_eq!(stdout(&good).lines().last(), Some("2 reports, 0 problems"));

    let copy = dir.join("copy");
    fs::create_dir(&copy).unwrap();
    fs::copy(
        dir.join("nanji-2020-work-summary.json"),
        copy.join("nanji-2020-work-summary.json"),
    )
    .unwrap();
    let duplicate = baogao(tmp.path(), [OsStr::new("validate"), dir.as_os_str()]);
    assert_eq!(code(&duplicate), 1);
    let text = stdout(&duplicate);
    assert!(text.contains("nanji-2020-work-summary"), "{text}");
    let summary = text.lines().last().unwrap();
    assert!(
        summary.ends_with("problem") || summary.ends_with("problems"),
        "{summary}"
    );
    assert!(!summary.ends_with(" 0 problems"), "{summary}");
}

/// `validate --help` lists what it checks, the file name among them, and a
/// misnamed file is a problem like any other (exit 1), not a "warning".
#[test]
fn validate_help_lists_its_checks_and_a_misnamed_file_is_a_problem() {
    let tmp = TempDir::new().unwrap();
    let help = stdout(&baogao(tmp.path(), ["validate", "--help"]));
    for check in [
        "not used by another file",
        "Windows device name",
        "YYYY-MM-DD",
        "1949..=2100",
        "title and every heading are not empty",
        "named <id>.json",
    ] {
        assert!(help.contains(check), "{check:?} missing from:\n{help}");
    }

    let dir = good_library(tmp.path());
    fs::rename(dir.join("anon-work-summary.json"), dir.join("anon.json")).unwrap();
    let output = baogao(tmp.path(), [OsStr::new("validate"), dir.as_os_str()]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let expected = format!(
        "{}: file name should be `anon-work-summary.json` to match its id",
        dir.join("anon.json").display()
    );
    assert!(text.lines().any(|line| line == expected), "{text}");
    assert!(!text.contains("warning"), "{text}");
    assert_eq!(text.lines().last(), Some("2 reports, 1 problem"));
}
