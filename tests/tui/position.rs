//! The reading-position state file: where it lives, loading it whatever state
//! it is in, and saving it atomically without losing other libraries' places.

use baogao_report::model::{Kind, Report, Section};
use baogao_tui::position::{ReadingPosition, StateError, StateFile, library_key};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

fn position(report_id: &str, section: &[usize], block: usize, offset: usize) -> ReadingPosition {
    ReadingPosition {
        report_id: report_id.to_string(),
        section: section.to_vec(),
        block,
        offset,
    }
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn positions_survive_a_save_and_a_load() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("deep/er/state.json");
    let mut state = StateFile::empty(path.clone());
    let nanji = position("nanji-2020-work-summary", &[0, 2], 3, 42);
    state.set("bundled", nanji.clone());
    state.set("/home/读者/报告", position("lupu", &[], 0, 0));
    state.save().unwrap();

    let loaded = StateFile::load(&path).unwrap();
    assert_eq!(loaded.get("bundled"), Some(&nanji));
    assert_eq!(
        loaded.get("/home/读者/报告"),
        Some(&position("lupu", &[], 0, 0))
    );
    assert_eq!(loaded.get("elsewhere"), None);
    assert_eq!(loaded.path(), path);
    // The documented layout.
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["schema"], 1);
    assert_eq!(
        json["positions"]["bundled"]["section"],
        serde_json::json!([0, 2])
    );
    assert_eq!(json["positions"]["bundled"]["offset"], 42);
}

#[test]
fn a_missing_file_is_an_empty_state() {
    let tmp = tempfile::tempdir().unwrap();
    let state = StateFile::load(&tmp.path().join("nothing/state.json")).unwrap();
    assert_eq!(state.get("bundled"), None);
}

#[test]
fn corrupt_json_names_the_path_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    fs::write(&path, "{\n  \"schema\": 1,\n  \"positions\": {\"读者\" x\n").unwrap();
    let error = StateFile::load(&path).unwrap_err();
    let message = error.to_string();
    // Line 3, and the column in characters (读者 is two, not six bytes).
    let expected = format!("{}:3:22: ", path.display());
    assert!(message.starts_with(&expected), "{message}");
    assert!(matches!(
        error,
        StateError::Corrupt {
            line: 3,
            column: 22,
            ..
        }
    ));
    assert!(!message.contains('\n'), "one line: {message}");

    fs::write(&path, "").unwrap();
    assert!(matches!(
        StateFile::load(&path),
        Err(StateError::Corrupt { .. })
    ));
}

#[test]
fn positions_of_the_wrong_shape_are_corrupt() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    let text = r#"{"schema": 1, "positions": {"bundled": {"report_id": "a", "section": [-1], "block": 0, "offset": 0}}}"#;
    fs::write(&path, text).unwrap();
    let error = StateFile::load(&path).unwrap_err();
    assert!(
        matches!(error, StateError::Corrupt { line: 1, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("-1"), "{error}");
}

#[test]
fn another_schema_is_named_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    for (text, found) in [
        (r#"{"schema": 2, "positions": ["a new layout"]}"#, "2"),
        (r#"{"positions": {}}"#, "none"),
        (r#"{"schema": "1", "positions": {}}"#, "\"1\""),
    ] {
        fs::write(&path, text).unwrap();
        let error = StateFile::load(&path).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, StateError::Schema { .. }), "{message}");
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains(&format!("schema {found};")), "{message}");
    }
}

#[test]
fn a_newer_schema_is_not_overwritten_but_an_older_shape_is() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    let newer = r#"{"schema": 2, "positions": ["a new layout"]}"#;
    fs::write(&path, newer).unwrap();
    let mut state = StateFile::empty(path.clone());
    state.set("bundled", position("a", &[], 0, 0));
    assert!(matches!(state.save(), Err(StateError::Schema { .. })));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);

    fs::write(&path, r#"{"positions": {}}"#).unwrap();
    state.save().unwrap();
    assert_eq!(
        StateFile::load(&path).unwrap().get("bundled"),
        Some(&position("a", &[], 0, 0))
    );
}

#[test]
fn an_unreadable_file_is_an_error_naming_it() {
    let tmp = tempfile::tempdir().unwrap();
    // A directory where the file should be: unreadable even for root.
    let path = tmp.path().join("state.json");
    fs::create_dir(&path).unwrap();
    let error = StateFile::load(&path).unwrap_err();
    assert!(matches!(error, StateError::Read { .. }), "{error}");
    assert!(error.to_string().starts_with(&path.display().to_string()));

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = tmp.path().join("locked.json");
        fs::write(&path, r#"{"schema": 1, "positions": {}}"#).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads it anyway; the assertion only holds where mode 000 bites.
        if fs::read(&path).is_err() {
            let error = StateFile::load(&path).unwrap_err();
            assert!(matches!(error, StateError::Read { .. }), "{error}");
        } else {
            assert!(StateFile::load(&path).is_ok());
        }
    }
}

#[test]
fn a_path_that_cannot_be_written_gives_an_error_not_a_panic() {
    let tmp = tempfile::tempdir().unwrap();
    // The directory would have to be made inside a regular file.
    let blocker = tmp.path().join("a-file");
    fs::write(&blocker, "not a directory").unwrap();
    let path = blocker.join("baogao/state.json");
    let mut state = StateFile::empty(path.clone());
    state.set("bundled", position("a", &[], 0, 0));
    let error = state.save().unwrap_err();
    assert!(matches!(error, StateError::Write { .. }), "{error}");
    assert!(
        error.to_string().starts_with(&path.display().to_string()),
        "{error}"
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = tmp.path().join("locked");
        fs::create_dir(&locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        let state = StateFile::empty(locked.join("state.json"));
        // Root writes anyway; where mode 555 bites, saving must fail cleanly.
        let probe = fs::write(locked.join("probe"), "");
        let saved = state.save();
        assert_eq!(saved.is_ok(), probe.is_ok(), "{saved:?}");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn no_temporary_file_is_left_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    let mut state = StateFile::empty(path.clone());
    state.set("bundled", position("a", &[1], 2, 3));
    state.save().unwrap();
    state.set("bundled", position("a", &[1], 2, 4));
    state.save().unwrap();
    // The lock file that keeps two readers' saves apart stays, empty.
    assert_eq!(entries(tmp.path()), ["state.json", "state.lock"]);

    // The rename fails (a non-empty directory stands at the path): the
    // temporary file written for it is removed too.
    let blocked = tmp.path().join("blocked");
    fs::create_dir_all(blocked.join("state.json/inside")).unwrap();
    let mut state = StateFile::empty(blocked.join("state.json"));
    state.set("bundled", position("a", &[], 0, 0));
    assert!(matches!(state.save(), Err(StateError::Write { .. })));
    assert_eq!(entries(&blocked), ["state.json", "state.lock"]);
}

#[test]
fn saving_keeps_other_libraries_positions() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    let mut first = StateFile::empty(path.clone());
    first.set("bundled", position("a", &[], 0, 0));
    first.set("/srv/reports", position("b", &[0], 1, 0));
    first.save().unwrap();

    // Two readers open at once, each on its own library.
    let mut one = StateFile::load(&path).unwrap();
    let mut two = StateFile::load(&path).unwrap();
    one.set("bundled", position("a", &[3], 1, 9));
    two.set("/home/me/reports", position("c", &[1, 1], 0, 0));
    one.save().unwrap();
    two.save().unwrap();

    let last = StateFile::load(&path).unwrap();
    assert_eq!(last.get("bundled"), Some(&position("a", &[3], 1, 9)));
    assert_eq!(last.get("/srv/reports"), Some(&position("b", &[0], 1, 0)));
    assert_eq!(
        last.get("/home/me/reports"),
        Some(&position("c", &[1, 1], 0, 0))
    );
}

#[test]
fn a_corrupt_file_is_replaced_by_the_next_save() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("state.json");
    fs::write(&path, "{{{").unwrap();
    assert!(StateFile::load(&path).is_err());
    let mut state = StateFile::empty(path.clone());
    state.set("bundled", position("a", &[], 1, 0));
    state.save().unwrap();
    assert_eq!(
        StateFile::load(&path).unwrap().get("bundled"),
        Some(&position("a", &[], 1, 0))
    );
}

#[test]
fn the_state_path_follows_xdg() {
    let path = |state: Option<&str>, home: Option<&str>| {
        StateFile::path_from(state.map(OsStr::new), home.map(OsStr::new))
    };
    let expect = |text: &str| Some(PathBuf::from(text));
    assert_eq!(
        path(Some("/x/state"), Some("/home/me")),
        expect("/x/state/baogao/state.json")
    );
    assert_eq!(
        path(None, Some("/home/me")),
        expect("/home/me/.local/state/baogao/state.json")
    );
    // Empty and relative values are ignored, as the XDG spec says.
    assert_eq!(
        path(Some(""), Some("/home/me")),
        expect("/home/me/.local/state/baogao/state.json")
    );
    assert_eq!(
        path(Some("relative/state"), Some("/home/me")),
        expect("/home/me/.local/state/baogao/state.json")
    );
    assert_eq!(path(Some("/x"), None), expect("/x/baogao/state.json"));
    assert_eq!(path(None, None), None);
    assert_eq!(path(Some("rel"), Some("also-rel")), None);
    assert_eq!(path(None, Some("")), None);
}

#[test]
fn library_keys_are_canonical_directories_or_bundled() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("reports");
    fs::create_dir(&dir).unwrap();
    let canonical = fs::canonicalize(&dir).unwrap();
    assert_eq!(library_key(None), "bundled");
    assert_eq!(library_key(Some(&dir)), canonical.to_string_lossy());
    assert_eq!(
        library_key(Some(&dir.join("../reports/."))),
        canonical.to_string_lossy()
    );
    let missing = tmp.path().join("gone");
    assert_eq!(library_key(Some(&missing)), missing.to_string_lossy());
}

fn sample_report() -> Report {
    let section = |heading: &str, paragraphs: &[&str], sections: Vec<Section>| Section {
        heading: heading.to_string(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        sections,
    };
    Report {
        year: Some(2020),
        kind: Kind::WorkSummary,
        preamble: vec!["今年以来".to_string()],
        sections: vec![
            section(
                "一、总结",
                &[],
                vec![section("(一)发展", &["一年来", "二"], vec![])],
            ),
            section("二、思路", &["明年"], vec![]),
        ],
        ..Report::new("nanji", "南麂镇2020年工作总结")
    }
}

#[test]
fn a_position_is_clamped_to_what_the_report_holds() {
    let report = sample_report();
    let keep = |p: ReadingPosition| assert_eq!(p.clamped_to(&report), p);
    keep(position("nanji", &[0, 0], 2, 3));
    keep(position("nanji", &[], 1, 12));
    keep(position("nanji", &[1], 0, 0));
    // A paragraph past the last: the last, from its start.
    assert_eq!(
        position("nanji", &[0, 0], 9, 5).clamped_to(&report),
        position("nanji", &[0, 0], 2, 0)
    );
    // A section that is gone: its nearest existing ancestor, from its heading.
    assert_eq!(
        position("nanji", &[0, 7, 1], 2, 3).clamped_to(&report),
        position("nanji", &[0], 0, 0)
    );
    assert_eq!(
        position("nanji", &[5], 1, 3).clamped_to(&report),
        position("nanji", &[], 0, 0)
    );
    // An offset past the text, or inside a character (一 is three bytes).
    assert_eq!(
        position("nanji", &[0, 0], 1, 99).clamped_to(&report),
        position("nanji", &[0, 0], 1, "一年来".len())
    );
    assert_eq!(
        position("nanji", &[0, 0], 1, 4).clamped_to(&report),
        position("nanji", &[0, 0], 1, 3)
    );
}

#[test]
fn a_position_saved_under_an_id_from_before_the_county_joined_it_resumes() {
    let library = baogao_testkit::fixtures::bundled_library();
    let mut app = baogao_testkit::draw::app(&library);
    // Saved before the county joined ids; the bundled report is now
    // pingyang-nanji-2020-work-summary.
    assert!(app.resume(&position("nanji-2020-work-summary", &[0], 0, 0)));
    let screen = baogao_testkit::screen::screen(&baogao_testkit::draw::draw(&mut app, 80, 24));
    assert!(screen.contains("南麂镇2020年工作总结"), "{screen}");
    // An id no report's id ends with is still gone.
    assert!(!app.resume(&position("anji-2020-work-summary", &[], 0, 0)));
}
