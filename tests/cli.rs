//! End-to-end tests of the `baogao` binary: each test runs the real
//! executable on files in a temporary directory and checks exit codes,
//! stdout, stderr and the files written.
//!
//! The importer is still changing, so imports of `data/raw/` are checked for
//! behaviour (one file per report, lines that match the files, refusals), not
//! for particular ids or headings. Where a known report is needed, the test
//! writes its JSON itself.

use baogao_report::model::Report;
use serde_json::{Value, json};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;
use unicode_width::UnicodeWidthStr;

/// Run baogao with `args` in `cwd` (always a temporary directory, so that a
/// default `data/reports` never lands in the repository).
fn baogao<I, S>(cwd: &Path, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the baogao binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited, not killed")
}

/// The raw seed reports committed in data/raw/, sorted by name.
fn raw_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "data/raw holds the seed reports");
    files
}

fn read_report(path: &Path) -> Report {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Check one `import` output line against the file it says was written:
/// `id  township  year  N sections`. Returns the id.
fn check_import_line(line: &str, out_dir: &Path) -> String {
    let fields: Vec<&str> = line.split_whitespace().collect();
    assert!(fields.len() >= 5, "line {line:?}");
    let id = fields[0];
    let report = read_report(&out_dir.join(format!("{id}.json")));
    assert_eq!(report.id, id);
    assert_eq!(fields[1], report.township.as_deref().unwrap_or("-"));
    let year = report.year.map_or("-".to_string(), |y| y.to_string());
    assert_eq!(fields[2], year);
    assert_eq!(fields[3], report.section_count().to_string(), "{line:?}");
    assert!(fields[4].starts_with("section"), "{line:?}");
    id.to_string()
}

/// A report JSON file written by hand, for the commands that read a library.
fn fixture(id: &str, township: Option<&str>, year: Option<i32>, title: &str) -> Value {
    json!({
        "schema": 1,
        "id": id,
        "title": title,
        "township": township,
        "county": "平阳县",
        "city": null,
        "province": null,
        "year": year,
        "period": "annual",
        "kind": "work-summary",
        "published": "2022-02-16",
        "publisher": null,
        "source": "fixture.txt",
        "preamble": ["今年以来,我镇在县委、县政府的正确领导下,全力完成各项工作目标任务。"],
        "sections": [
            {
                "heading": "一、2020年工作总结",
                "paragraphs": [],
                "sections": [
                    {
                        "heading": "(一)千方百计促发展,生态产业转型加快。",
                        "paragraphs": ["一年来,我们始终把经济发展作为工作重点。"],
                        "sections": []
                    },
                    {
                        "heading": "(二)坚持不懈强统筹,城乡面貌持续改善。",
                        "paragraphs": [],
                        "sections": []
                    }
                ]
            },
            {
                "heading": "二、2021年工作计划",
                "paragraphs": ["明年,我们将重点抓好以下工作。"],
                "sections": []
            }
        ]
    })
}

fn write_json(path: &Path, value: &Value) {
    fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
}

/// A directory with two good reports, each in `<id>.json`.
fn good_library(root: &Path) -> PathBuf {
    let dir = root.join("reports");
    fs::create_dir_all(&dir).unwrap();
    write_json(
        &dir.join("nanji-2020-work-summary.json"),
        &fixture(
            "nanji-2020-work-summary",
            Some("南麂镇"),
            Some(2020),
            "南麂镇2020年工作总结及2021年工作思路",
        ),
    );
    write_json(
        &dir.join("anon-work-summary.json"),
        &fixture("anon-work-summary", None, None, "乡镇人民政府年度工作总结"),
    );
    dir
}

#[test]
fn import_writes_a_json_file_and_prints_its_line() {
    let tmp = TempDir::new().unwrap();
    // The output directory does not exist yet: import creates it.
    let out_dir = tmp.path().join("nested/out");
    let raw = &raw_files()[0];
    let output = baogao(tmp.path(), [OsStr::new("import"), OsStr::new("--out")])
        .status
        .code();
    assert_eq!(output, Some(2), "import needs at least one FILE");

    let output = baogao(
        tmp.path(),
        [
            OsStr::new("import"),
            OsStr::new("--out"),
            out_dir.as_os_str(),
            raw.as_os_str(),
        ],
    );
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let id = check_import_line(&lines[0], &out_dir);
    assert_eq!(json_files(&out_dir), vec![format!("{id}.json")]);
    let report = read_report(&out_dir.join(format!("{id}.json")));
    assert_eq!(
        report.source.as_deref(),
        raw.file_name().and_then(OsStr::to_str)
    );
    assert!(
        !tmp.path().join("data").exists(),
        "nothing written outside --out"
    );
}

#[test]
fn import_of_every_seed_writes_one_file_per_printed_report() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let mut args = vec![
        OsStr::new("import").to_owned(),
        OsStr::new("--force").to_owned(),
        OsStr::new("--out").to_owned(),
        out_dir.clone().into_os_string(),
    ];
    args.extend(raw_files().into_iter().map(PathBuf::into_os_string));
    let output = baogao(tmp.path(), &args);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let printed: Vec<String> = stdout(&output)
        .lines()
        .map(|line| check_import_line(line, &out_dir))
        .collect();
    assert_eq!(printed.len(), raw_files().len(), "one line per FILE");
    let mut ids = printed.clone();
    ids.sort();
    ids.dedup();
    let expected: Vec<String> = ids.iter().map(|id| format!("{id}.json")).collect();
    assert_eq!(json_files(&out_dir), expected);
}

#[test]
fn second_import_refuses_to_overwrite_unless_forced() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let raw = raw_files()[0].clone();
    let import = |force: bool| {
        let mut args = vec![
            OsStr::new("import"),
            OsStr::new("--out"),
            out_dir.as_os_str(),
        ];
        if force {
            args.push(OsStr::new("--force"));
        }
        args.push(raw.as_os_str());
        baogao(tmp.path(), args)
    };
    let first = import(false);
    assert_eq!(code(&first), 0, "stderr: {}", stderr(&first));
    let names = json_files(&out_dir);
    assert_eq!(names.len(), 1);
    let file = out_dir.join(&names[0]);
    let imported = fs::read_to_string(&file).unwrap();
    fs::write(&file, "edited by hand\n").unwrap();

    let refused = import(false);
    assert_eq!(code(&refused), 1);
    let message = stderr(&refused);
    assert!(message.contains("--force"), "{message}");
    assert!(message.contains(&names[0]), "names the file: {message}");
    assert_eq!(fs::read_to_string(&file).unwrap(), "edited by hand\n");

    let forced = import(true);
    assert_eq!(code(&forced), 0, "stderr: {}", stderr(&forced));
    assert_eq!(fs::read_to_string(&file).unwrap(), imported);
    assert_eq!(
        json_files(&out_dir),
        names,
        "no temporary files left behind"
    );
    assert_eq!(
        fs::read_dir(&out_dir).unwrap().count(),
        1,
        "no temporary files left behind"
    );
}

#[test]
fn unreadable_files_are_named_and_the_others_still_import() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let missing = tmp.path().join("没有这个文件.txt");
    let a_directory = tmp.path().join("a-directory.txt");
    fs::create_dir(&a_directory).unwrap();
    let raw = &raw_files()[0];
    let output = baogao(
        tmp.path(),
        [
            OsStr::new("import"),
            OsStr::new("--out"),
            out_dir.as_os_str(),
            missing.as_os_str(),
            raw.as_os_str(),
            a_directory.as_os_str(),
        ],
    );
    assert_eq!(code(&output), 1);
    let message = stderr(&output);
    assert!(message.contains("没有这个文件.txt"), "{message}");
    assert!(message.contains("a-directory.txt"), "{message}");
    let lines: Vec<String> = stdout(&output).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1, "the readable file is imported: {lines:?}");
    check_import_line(&lines[0], &out_dir);
}

#[test]
fn two_files_with_the_same_id_in_one_run_clash_unless_forced() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    // The same text under the same name gives the same id, whatever the
    // importer's id rule.
    let raw = &raw_files()[0];
    let name = raw.file_name().unwrap();
    let (first, second) = (
        tmp.path().join("a").join(name),
        tmp.path().join("b").join(name),
    );
    for copy in [&first, &second] {
        fs::create_dir_all(copy.parent().unwrap()).unwrap();
        fs::copy(raw, copy).unwrap();
    }
    let run = |force: bool| {
        let mut args = vec![
            OsStr::new("import"),
            OsStr::new("--out"),
            out_dir.as_os_str(),
        ];
        if force {
            args.push(OsStr::new("--force"));
        }
        args.extend([first.as_os_str(), second.as_os_str()]);
        baogao(tmp.path(), args)
    };

    let refused = run(false);
    assert_eq!(code(&refused), 1);
    let message = stderr(&refused);
    let (first_name, second_name) = (first.display().to_string(), second.display().to_string());
    assert!(
        message.contains(&first_name) && message.contains(&second_name),
        "{message}"
    );
    assert_eq!(
        stdout(&refused).lines().count(),
        1,
        "the first file is written"
    );
    assert_eq!(json_files(&out_dir).len(), 1);

    fs::remove_dir_all(&out_dir).unwrap();
    let forced = run(true);
    assert_eq!(code(&forced), 0, "stderr: {}", stderr(&forced));
    let warning = stderr(&forced);
    assert!(
        warning.contains("warning") && warning.contains(&second_name),
        "{warning}"
    );
    assert_eq!(stdout(&forced).lines().count(), 2);
    assert_eq!(json_files(&out_dir).len(), 1);
}

/// Two different reports that the id rule names alike (same township, year
/// and kind): the second of them gets a hash suffix when both are imported.
const SHIQIAO_A: &str = "石桥镇2022年工作总结\n2022年，石桥镇各项工作取得新成效。\n一、经济发展\n全镇完成财政收入5000万元。\n";
const SHIQIAO_B: &str = "石桥镇2022年工作总结及2023年工作思路\n2022年，石桥镇党委带领全镇干部群众攻坚克难。\n一、党的建设\n全面从严治党。\n";

/// The ids `baogao import` printed, one per line.
fn printed_ids(output: &Output) -> Vec<String> {
    stdout(output)
        .lines()
        .map(|l| l.split("  ").next().unwrap().to_string())
        .collect()
}

/// `ids[1]` is `ids[0]` plus an 8-digit hash suffix.
fn assert_second_id_is_suffixed(ids: &[String]) {
    assert_eq!(ids[0], "shiqiao-2022-work-summary");
    assert!(
        ids[1].starts_with("shiqiao-2022-work-summary-") && ids[1].len() == ids[0].len() + 9,
        "{ids:?}"
    );
}

/// Two different reports with one id (two sites' versions, or two 城关镇 of
/// different counties) are both kept. Importing either again finds its own
/// file and refuses to overwrite it.
#[test]
fn different_reports_with_the_same_id_are_both_kept() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let (a, b) = (tmp.path().join("a.txt"), tmp.path().join("b.txt"));
    fs::write(&a, SHIQIAO_A).unwrap();
    fs::write(&b, SHIQIAO_B).unwrap();
    let first = import_into(tmp.path(), &out_dir, &[&a, &b], false);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let ids = printed_ids(&first);
    assert_second_id_is_suffixed(&ids);
    assert_eq!(json_files(&out_dir).len(), 2);
    // Importing the second again, alone, finds its own file again.
    let again = import_into(tmp.path(), &out_dir, &[&b], false);
    assert_eq!(code(&again), 1);
    assert!(
        stderr(&again).contains(&ids[1]) && stderr(&again).contains("--force"),
        "{}",
        stderr(&again)
    );
    assert_eq!(json_files(&out_dir).len(), 2);
}

/// `import --out OUT FILE...` run in `cwd`.
fn import_into(cwd: &Path, out_dir: &Path, files: &[&Path], force: bool) -> Output {
    let mut args = vec![
        OsStr::new("import"),
        OsStr::new("--out"),
        out_dir.as_os_str(),
    ];
    if force {
        args.push(OsStr::new("--force"));
    }
    args.extend(files.iter().map(|f| f.as_os_str()));
    baogao(cwd, args)
}

/// A renamed copy of a text already imported is the same report (its JSON
/// differs only in `source`): refused as already imported, not kept twice.
#[test]
fn a_renamed_copy_of_an_imported_text_is_refused_not_duplicated() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let raw = &raw_files()[0];
    let copy = tmp.path().join("renamed copy.txt");
    fs::copy(raw, &copy).unwrap();

    let first = import_into(tmp.path(), &out_dir, &[raw], false);
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let names = json_files(&out_dir);
    assert_eq!(names.len(), 1);

    let again = import_into(tmp.path(), &out_dir, &[&copy], false);
    assert_eq!(code(&again), 1);
    let message = stderr(&again);
    assert!(
        message.contains("already imported") && message.contains(&names[0]),
        "{message}"
    );
    assert!(message.contains("--force"), "{message}");
    assert_eq!(json_files(&out_dir), names, "not duplicated");

    // In one run, the second FILE is refused the same way.
    fs::remove_dir_all(&out_dir).unwrap();
    let one_run = import_into(tmp.path(), &out_dir, &[raw, &copy], false);
    assert_eq!(code(&one_run), 1);
    assert!(
        stderr(&one_run).contains("same report"),
        "{}",
        stderr(&one_run)
    );
    assert_eq!(json_files(&out_dir), names);

    // --force overwrites it: the file now names the copy as its source.
    let forced = import_into(tmp.path(), &out_dir, &[&copy], true);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(json_files(&out_dir), names);
    let report = read_report(&out_dir.join(&names[0]));
    assert_eq!(report.source.as_deref(), Some("renamed copy.txt"));
}

/// Two different texts saved under one file name (two sites, two folders)
/// whose reports get the same id are both kept, in one run or in two.
#[test]
fn different_texts_with_the_same_file_name_are_both_kept() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let files: Vec<PathBuf> = [("site-a", SHIQIAO_A), ("site-b", SHIQIAO_B)]
        .iter()
        .map(|(folder, text)| {
            let path = tmp.path().join(folder).join("report.txt");
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, text).unwrap();
            path
        })
        .collect();

    let together = import_into(tmp.path(), &out_dir, &[&files[0], &files[1]], false);
    assert_eq!(code(&together), 0, "{}", stderr(&together));
    assert_second_id_is_suffixed(&printed_ids(&together));
    assert_eq!(json_files(&out_dir).len(), 2);

    fs::remove_dir_all(&out_dir).unwrap();
    for file in &files {
        let alone = import_into(tmp.path(), &out_dir, &[file], false);
        assert_eq!(code(&alone), 0, "{}", stderr(&alone));
    }
    assert_eq!(json_files(&out_dir).len(), 2);
}

/// `import --help` says when an existing file is the same report and what
/// --force does.
#[test]
fn import_help_describes_the_same_report_rule_and_force() {
    let tmp = TempDir::new().unwrap();
    let help = stdout(&baogao(tmp.path(), ["import", "--help"]));
    for phrase in [
        "same report",
        "everything but `source`",
        "same `source` file name and the",
        "<id>-<hash>.json",
        "--force overwrites",
    ] {
        assert!(help.contains(phrase), "{phrase:?} missing from:\n{help}");
    }
}

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
fn show_prints_title_metadata_and_indented_outline() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let args = [
        OsStr::new("show"),
        OsStr::new("--dir"),
        dir.as_os_str(),
        OsStr::new("nanji-2020-work-summary"),
    ];
    let output = baogao(tmp.path(), args);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let page = stdout(&output);
    let lines: Vec<&str> = page.lines().collect();
    assert_eq!(lines[0], "南麂镇2020年工作总结及2021年工作思路");
    for expected in [
        "township:  南麂镇",
        "county:    平阳县",
        "year:      2020",
        "published: 2022-02-16",
        "一、2020年工作总结",
        "  (一)千方百计促发展,生态产业转型加快。",
        "  (二)坚持不懈强统筹,城乡面貌持续改善。",
        "二、2021年工作计划",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in\n{page}"
        );
    }
    assert!(!page.contains("publisher"), "null fields are skipped");
    assert!(page.contains("一年来,我们始终把经济发展作为工作重点。"));
    assert!(page.contains("今年以来,我镇在县委"));

    let json = baogao(tmp.path(), args.iter().chain([&OsStr::new("--json")]));
    assert_eq!(code(&json), 0);
    let shown: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(
        shown,
        fixture(
            "nanji-2020-work-summary",
            Some("南麂镇"),
            Some(2020),
            "南麂镇2020年工作总结及2021年工作思路"
        )
    );
}

#[test]
fn show_never_sends_control_characters_to_the_terminal() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).unwrap();
    write_json(
        &dir.join("evil.json"),
        &fixture(
            "evil",
            Some("某镇"),
            Some(2020),
            "标题\u{1b}[2J\u{7}\u{202e}txt.exe",
        ),
    );
    for args in [vec!["show", "evil"], vec!["list"]] {
        let mut full: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        if args[0] == "show" {
            full.splice(1..1, [OsStr::new("--dir"), dir.as_os_str()]);
        } else {
            full.push(dir.as_os_str());
        }
        let output = baogao(tmp.path(), full);
        assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("标题"), "{text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{text:?}"
        );
    }
}

#[test]
fn show_of_an_unknown_id_fails_and_points_at_list() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let output = baogao(
        tmp.path(),
        [
            OsStr::new("show"),
            OsStr::new("--dir"),
            dir.as_os_str(),
            OsStr::new("no-such-report"),
        ],
    );
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.contains("no-such-report"), "{message}");
    assert!(message.contains("baogao list"), "{message}");
}

/// The unknown-id message is whole sentences, and the suggested command
/// can be pasted even when the directory has a space in its name.
#[test]
fn show_of_an_unknown_id_explains_in_sentences() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("my reports");
    fs::rename(good_library(tmp.path()), &dir).unwrap();
    fs::write(dir.join("broken.json"), "{").unwrap();
    let output = baogao(
        tmp.path(),
        [
            OsStr::new("show"),
            OsStr::new("--dir"),
            dir.as_os_str(),
            OsStr::new("nanji"),
        ],
    );
    assert_eq!(code(&output), 1);
    let dir = dir.display().to_string();
    let expected = format!(
        "error: no report with id `nanji` in {dir}. Did you mean nanji-2020-work-summary? \
         1 file failed to load (named above) and may hold it. \
         `baogao list '{dir}'` shows every id."
    );
    assert_eq!(stderr(&output).lines().last(), Some(expected.as_str()));

    let bundled = baogao(tmp.path(), ["show", "no-such-report"]);
    assert_eq!(
        stderr(&bundled).lines().last(),
        Some(
            "error: no report with id `no-such-report` in the bundled reports. \
             `baogao list` shows every id."
        )
    );
}

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
fn show_wraps_by_display_width_without_starting_a_line_with_a_comma() {
    let tmp = TempDir::new().expect("temp dir");
    for width in [20, 33, 80] {
        let output = baogao(
            tmp.path(),
            [
                "show",
                "nanji-2020-work-summary",
                "--width",
                &width.to_string(),
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        let text = stdout(&output);
        // Every line: title, its rule, the fields and the body.
        let body: Vec<&str> = text.lines().collect();
        assert!(body.len() > 100, "{text}");
        for line in body {
            assert!(
                UnicodeWidthStr::width(line) <= width,
                "wider than {width}: {line:?}"
            );
            let first = line.trim_start_matches([' ', '\u{3000}']).chars().next();
            assert!(
                !first.is_some_and(|c| "，。、；：？！）》」,.;:?!)".contains(c)),
                "{line:?}"
            );
        }
    }
    // In a file (not a terminal) each paragraph stays one line.
    let output = baogao(tmp.path(), ["show", "nanji-2020-work-summary"]);
    assert!(
        stdout(&output)
            .lines()
            .any(|line| UnicodeWidthStr::width(line) > 200)
    );
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

/// `show --dir DIR ID` reads only DIR/ID.json when it holds that report; a
/// file of another name (or holding another id) means loading them all.
#[test]
fn show_reads_only_the_file_named_by_the_id_when_it_holds_the_report() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    fs::write(dir.join("broken.json"), "{").unwrap();
    let show = |id: &str| {
        baogao(
            tmp.path(),
            [
                OsStr::new("show"),
                OsStr::new("--dir"),
                dir.as_os_str(),
                OsStr::new(id),
            ],
        )
    };
    let direct = show("nanji-2020-work-summary");
    assert_eq!(code(&direct), 0);
    assert!(stdout(&direct).contains("南麂镇2020年工作总结"));
    assert!(
        !stderr(&direct).contains("broken.json"),
        "{}",
        stderr(&direct)
    );

    // The same report under another file name: found by loading everything,
    // and the broken file is named.
    fs::rename(
        dir.join("nanji-2020-work-summary.json"),
        dir.join("南麂.json"),
    )
    .unwrap();
    let loaded = show("nanji-2020-work-summary");
    assert_eq!(code(&loaded), 0);
    assert_eq!(stdout(&loaded), stdout(&direct));
    assert!(
        stderr(&loaded).contains("broken.json"),
        "{}",
        stderr(&loaded)
    );

    // A file named by the id that holds another report is not taken for it.
    fs::copy(dir.join("南麂.json"), dir.join("anon-work-summary.json")).unwrap();
    let other = show("anon-work-summary");
    assert_eq!(code(&other), 1, "{}", stdout(&other));
}

/// A FIFO named like the id is not read (it would never end): the library
/// is loaded instead, as the loader skips what is not a regular file.
#[test]
fn show_does_not_wait_on_a_fifo_named_like_the_id() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let fifo = dir.join("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .current_dir(tmp.path())
        .args([OsStr::new("show"), OsStr::new("--dir"), dir.as_os_str()])
        .arg("pipe")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("baogao show waited on the FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1), "no report with id `pipe`");
}
