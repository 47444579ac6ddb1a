//! `baogao import` over many files: refusal of pages that are not reports,
//! `--force`, `--json`, `--explain`, folders, the summary, and a rerun that
//! skips what is done.

use super::import::import_into;
use super::*;

fn shape_file(name: &str) -> PathBuf {
    baogao_testkit::fixtures::repo_path(&format!("tests/data/shapes/{name}.txt"))
}

const NOT_REPORTS: [&str; 3] = [
    "not-a-report-poem",
    "not-a-report-news-article",
    "not-a-report-navigation-page",
];

#[test]
fn a_poem_a_news_item_and_a_menu_page_are_refused_unless_forced() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let files: Vec<PathBuf> = NOT_REPORTS.iter().map(|n| shape_file(n)).collect();
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let refused = import_into(tmp.path(), &out_dir, &refs, false);
    assert_eq!(code(&refused), 1, "every file refused: exit 1");
    let message = stderr(&refused);
    assert_eq!(message.matches("not a report:").count(), 3, "{message}");
    assert!(
        message.contains("no title") && message.contains("--force"),
        "{message}"
    );
    assert!(json_files(&out_dir).is_empty());

    let forced = import_into(tmp.path(), &out_dir, &refs, true);
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert_eq!(json_files(&out_dir).len(), 3);
    assert!(
        stderr(&forced).contains("warning:"),
        "doubtful imports warn"
    );
}

#[test]
fn one_refused_file_among_reports_is_not_a_failure() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let raw = &raw_files()[0];
    let poem = shape_file(NOT_REPORTS[0]);
    let output = import_into(tmp.path(), &out_dir, &[raw, &poem], false);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("1 imported, 0 already there, 1 refused, 0 failed"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_lists_each_file_and_a_folder_is_walked() {
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let input = tmp.path().join("pages");
    fs::create_dir_all(input.join("more")).unwrap();
    fs::copy(&raw_files()[0], input.join("a.txt")).unwrap();
    fs::copy(shape_file(NOT_REPORTS[0]), input.join("more/poem.txt")).unwrap();
    fs::write(input.join("notes.md"), "not a page").unwrap();
    let output = baogao(
        tmp.path(),
        [
            OsStr::new("import"),
            OsStr::new("--json"),
            OsStr::new("--out"),
            out_dir.as_os_str(),
            input.as_os_str(),
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let entries: Vec<Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let statuses: Vec<&str> = entries
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["written", "refused"]);
    assert!(entries[0]["id"].is_string());
    assert!(
        entries[1]["reason"]
            .as_str()
            .unwrap()
            .starts_with("not a report")
    );

    // A rerun skips what is there and exits 0.
    let again = baogao(
        tmp.path(),
        [
            OsStr::new("import"),
            OsStr::new("--json"),
            OsStr::new("--out"),
            out_dir.as_os_str(),
            input.as_os_str(),
        ],
    );
    assert_eq!(code(&again), 0, "{}", stderr(&again));
    let entries: Vec<Value> = serde_json::from_str(&stdout(&again)).unwrap();
    assert_eq!(entries[0]["status"], "already-there");
    assert_eq!(json_files(&out_dir).len(), 1);
}

#[test]
fn explain_names_a_rule_for_every_dropped_line_and_writes_nothing() {
    let tmp = TempDir::new().unwrap();
    let page = baogao_testkit::fixtures::repo_path(
        "tests/data/samples/21_x-zhen-2022-zhengfu-gongzuo-baogao-docx-preview-chunks.txt",
    );
    let output = baogao(
        tmp.path(),
        [
            OsStr::new("import"),
            OsStr::new("--explain"),
            page.as_os_str(),
        ],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    for rule in [
        "before-title",
        "title",
        "menu-row",
        "file-line",
        "chunk-marker",
        "heading-numbered",
    ] {
        assert!(text.contains(rule), "{rule} in {text}");
    }
    assert!(text.contains("outline:") && text.contains("一、2021年工作总结及过去五年工作回顾"));
    // Every numbered line of the page is named with a rule.
    let lines: Vec<&str> = text
        .lines()
        .take_while(|l| *l != "outline:")
        .skip(2)
        .collect();
    for line in lines {
        let rule = line.split_whitespace().nth(1).unwrap_or_default();
        assert!(
            baogao_import::RULES.iter().any(|r| r.name == rule),
            "{line}"
        );
    }
    assert!(
        fs::read_dir(tmp.path()).unwrap().next().is_none(),
        "nothing written"
    );
}

/// SIGTERM in the middle of a batch: the run stops between two files, says
/// so, leaves no temporary or half-written file, and a rerun imports the
/// rest and skips what is done.
#[test]
fn a_batch_stopped_by_sigterm_leaves_whole_files_and_a_rerun_finishes_it() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    let tmp = TempDir::new().unwrap();
    let out_dir = tmp.path().join("out");
    let input = tmp.path().join("pages");
    fs::create_dir_all(&input).unwrap();
    let years: Vec<i32> = (1950..2100).collect();
    for year in &years {
        let text = format!(
            "石桥镇{year}年工作总结\n{year}年，石桥镇各项工作取得新成效。\n一、经济发展\n{}\n",
            "全镇完成财政收入五千万元，同比增长百分之八。".repeat(200)
        );
        fs::write(input.join(format!("{year}.txt")), text).unwrap();
    }
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_baogao"))
            .current_dir(tmp.path())
            .args([
                OsStr::new("import"),
                OsStr::new("--out"),
                out_dir.as_os_str(),
                input.as_os_str(),
            ])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let child = run();
    // Wait until some files are written, then stop it.
    let started = std::time::Instant::now();
    let written_so_far = || {
        if out_dir.is_dir() {
            json_files(&out_dir).len()
        } else {
            0
        }
    };
    while written_so_far() < 5 && started.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    kill(
        Pid::from_raw(i32::try_from(child.id()).unwrap()),
        Signal::SIGTERM,
    )
    .unwrap();
    let output = child.wait_with_output().unwrap();
    let written = json_files(&out_dir);
    let leftovers: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    for name in &written {
        read_report(&out_dir.join(name));
    }
    if written.len() < years.len() {
        assert_eq!(code(&output), 1);
        assert!(
            stderr(&output).contains("interrupted"),
            "{}",
            stderr(&output)
        );
    }
    let rest = run().wait_with_output().unwrap();
    assert_eq!(code(&rest), 0, "{}", stderr(&rest));
    assert_eq!(json_files(&out_dir).len(), years.len());
    assert!(
        stderr(&rest).contains(&format!("{} already there", written.len())),
        "{}",
        stderr(&rest)
    );
}
