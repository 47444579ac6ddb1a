//! `baogao list` (and `baogao DIR` with no subcommand): the table, its
//! JSON, broken files named with their place.

use super::*;

#[test]
fn list_names_a_broken_file_with_its_place_and_lists_the_rest() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    fs::write(
        dir.join("broken.json"),
        "{\n  \"schema\": 1,\n  \"id\": \"broken\",\n  \"title\": \n}\n",
    )
    .unwrap();
    let output = baogao(tmp.path(), [OsStr::new("list"), dir.as_os_str()]);
    assert_eq!(code(&output), 1);
    let message = stderr(&output);
    let error_line = message
        .lines()
        .find(|line| line.contains("broken.json"))
        .unwrap_or_else(|| panic!("broken.json is named: {message}"));
    let place = error_line.split("broken.json:").nth(1).unwrap();
    let numbers: Vec<&str> = place.splitn(3, ':').take(2).collect();
    assert!(
        numbers.len() == 2
            && numbers
                .iter()
                .all(|n| n.parse::<usize>().is_ok_and(|n| n > 0)),
        "path:line:col: {error_line}"
    );
    let table = stdout(&output);
    assert!(table.contains("nanji-2020-work-summary"), "{table}");
    assert!(table.contains("anon-work-summary"), "{table}");
    assert!(!table.contains("broken"), "{table}");
}

#[test]
fn list_of_a_directory_where_every_file_failed_says_none_loaded() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("broken.json"), "{").unwrap();
    let output = baogao(tmp.path(), [OsStr::new("list"), dir.as_os_str()]);
    assert_eq!(code(&output), 1);
    let message = stderr(&output);
    assert!(message.contains("broken.json:"), "{message}");
    assert_eq!(message.lines().last(), Some("no reports loaded"));

    fs::remove_file(dir.join("broken.json")).unwrap();
    let empty = baogao(tmp.path(), [OsStr::new("list"), dir.as_os_str()]);
    assert_eq!(code(&empty), 0);
    assert!(
        stderr(&empty).starts_with("no report files in"),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn list_table_is_aligned_by_display_width() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let output = baogao(tmp.path(), [OsStr::new("list"), dir.as_os_str()]);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let table = stdout(&output);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "header and two reports: {table}");
    for field in [
        "ID", "TOWNSHIP", "COUNTY", "YEAR", "PERIOD", "KIND", "TITLE", "SECTIONS",
    ] {
        assert!(lines[0].contains(field), "{}", lines[0]);
    }
    let widths: Vec<usize> = lines.iter().map(|line| line.width()).collect();
    assert!(
        widths.iter().all(|&w| w == widths[0]),
        "{widths:?}\n{table}"
    );
    let nanji = lines.iter().find(|l| l.contains("南麂镇")).unwrap();
    let title_at = |line: &str, needle: &str| line[..line.find(needle).unwrap()].width();
    assert_eq!(title_at(lines[0], "TITLE"), title_at(nanji, "南麂镇2020年"));
    assert!(
        nanji.trim_end().ends_with(" 4"),
        "sections at every level: {nanji}"
    );
}

#[test]
fn list_json_has_the_documented_fields() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let output = baogao(
        tmp.path(),
        [OsStr::new("list"), dir.as_os_str(), OsStr::new("--json")],
    );
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let entries = value.as_array().expect("an array");
    assert_eq!(entries.len(), 2);
    let nanji = entries
        .iter()
        .find(|e| e["id"] == "nanji-2020-work-summary")
        .expect("nanji listed");
    let expected = json!({
        "id": "nanji-2020-work-summary",
        "township": "南麂镇",
        "county": "平阳县",
        "city": null,
        "province": null,
        "code": null,
        "year": 2020,
        "period": "annual",
        "kind": "work-summary",
        "title": "南麂镇2020年工作总结及2021年工作思路",
        "sections": 4
    });
    assert_eq!(nanji, &expected);
}

#[test]
fn no_subcommand_with_a_dir_prints_the_list() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let bare = baogao(tmp.path(), [dir.as_os_str()]);
    let list = baogao(tmp.path(), [OsStr::new("list"), dir.as_os_str()]);
    assert_eq!(code(&bare), 0);
    assert_eq!(stdout(&bare), stdout(&list));
    assert!(stdout(&bare).contains("nanji-2020-work-summary"));
}

#[test]
fn list_and_validate_take_the_library_as_dir_like_every_command() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let flag = baogao(
        tmp.path(),
        [OsStr::new("list"), OsStr::new("--dir"), dir.as_os_str()],
    );
    let positional = baogao(tmp.path(), [OsStr::new("list"), dir.as_os_str()]);
    assert_eq!(code(&flag), 0, "{}", stderr(&flag));
    assert_eq!(stdout(&flag), stdout(&positional));
    let validate = baogao(
        tmp.path(),
        [OsStr::new("validate"), OsStr::new("--dir"), dir.as_os_str()],
    );
    assert_eq!(code(&validate), 0, "{}", stderr(&validate));
    // Both at once is a usage error, not a silent choice.
    let both = baogao(
        tmp.path(),
        [
            OsStr::new("list"),
            dir.as_os_str(),
            OsStr::new("--dir"),
            dir.as_os_str(),
        ],
    );
    assert_eq!(code(&both), 2, "{}", stderr(&both));
}
