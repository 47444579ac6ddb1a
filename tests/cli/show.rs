//! `baogao show`: the outline, wrapping by display width, safe text,
//! unknown ids, and which files it reads.

use super::*;

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
        // Marks between Chinese characters are printed full-width.
        "  （一）千方百计促发展，生态产业转型加快。",
        "  （二）坚持不懈强统筹，城乡面貌持续改善。",
        "二、2021年工作计划",
    ] {
        assert!(
            lines.contains(&expected),
            "missing line {expected:?} in\n{page}"
        );
    }
    assert!(!page.contains("publisher"), "null fields are skipped");
    assert!(page.contains("一年来，我们始终把经济发展作为工作重点。"));
    assert!(page.contains("\u{3000}\u{3000}今年以来，我镇在县委"));

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
fn show_as_written_keeps_the_punctuation_of_the_report() {
    let tmp = TempDir::new().unwrap();
    let dir = good_library(tmp.path());
    let args = [
        OsStr::new("show"),
        OsStr::new("--dir"),
        dir.as_os_str(),
        OsStr::new("nanji-2020-work-summary"),
        OsStr::new("--as-written"),
    ];
    let output = baogao(tmp.path(), args);
    assert_eq!(code(&output), 0, "stderr: {}", stderr(&output));
    let page = stdout(&output);
    assert!(
        page.contains("  (一)千方百计促发展,生态产业转型加快。"),
        "{page}"
    );
    assert!(page.contains("一年来,我们始终把经济发展作为工作重点。"));
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
