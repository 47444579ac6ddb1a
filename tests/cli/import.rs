//! `baogao import`: the files written and the lines printed, refusals to
//! overwrite, unreadable files, ids that clash, the same report twice.

use super::*;

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
    // It is skipped, not an error: a rerun goes on where the last one stopped.
    let again = import_into(tmp.path(), &out_dir, &[&b], false);
    assert_eq!(code(&again), 0);
    assert!(
        stderr(&again).contains(&ids[1]) && stderr(&again).contains("--force"),
        "{}",
        stderr(&again)
    );
    assert_eq!(json_files(&out_dir).len(), 2);
}

/// `import --out OUT FILE...` run in `cwd`.
pub(super) fn import_into(cwd: &Path, out_dir: &Path, files: &[&Path], force: bool) -> Output {
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
/// differs only in `source`): skipped as already imported, not kept twice.
#[test]
fn a_renamed_copy_of_an_imported_text_is_skipped_not_duplicated() {
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
    assert_eq!(code(&again), 0, "skipped, not an error");
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
