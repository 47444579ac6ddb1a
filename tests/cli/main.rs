//! The command line: each test runs the real `baogao` on files in a
//! temporary directory and checks exit codes, stdout, stderr and the files
//! written. One module per subcommand (`import`, `list`, `places`, `show`,
//! `validate`), and `usage` for what they share (help, exit codes, global
//! options), and `raw` for a folder of raw reports (web pages, `.docx`,
//! PDF, text) read directly and cached. `baogao search` is tested with the search engine, in
//! `tests/search`; the reader in a terminal in `tests/tui`.
//!
//! The importer is still changing, so imports of `data/raw/` are checked for
//! behaviour (one file per report, lines that match the files, refusals), not
//! for particular ids or headings. Where a known report is needed, the test
//! writes its JSON itself.

mod config;
mod export;
mod import;
mod import_batch;
mod language;
mod list;
mod places;
mod raw;
mod show;
mod usage;
mod validate;

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
        // English unless a test asks for a locale (see `language`).
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        // No settings file but one a test writes there.
        .env("XDG_CONFIG_HOME", cwd)
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
