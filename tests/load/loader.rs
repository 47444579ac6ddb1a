//! The loader, validation, the Library and the bundled reports, over real
//! directories made with tempfile.

use baogao_bundled::load_bundled;
use baogao_report::library::Library;
use baogao_report::load::{LoadError, load_dir, validate};
use baogao_report::model::{Kind, Period, Report, SCHEMA_VERSION, Section};
use baogao_testkit::fixtures::write_text;
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn report(id: &str, township: Option<&str>, year: Option<i32>) -> Report {
    Report {
        schema: SCHEMA_VERSION,
        id: id.to_string(),
        title: format!("{}工作总结", township.unwrap_or("某镇")),
        township: township.map(str::to_string),
        county: None,
        city: None,
        province: None,
        code: None,
        year,
        period: Period::Annual,
        kind: Kind::WorkSummary,
        published: Some("2022-02-16".to_string()),
        publisher: None,
        source: None,
        preamble: vec!["今年以来,我镇……".to_string()],
        sections: vec![Section {
            heading: "一、工作总结".to_string(),
            paragraphs: vec!["一年来……".to_string()],
            sections: Vec::new(),
        }],
    }
}

fn write_report(dir: &Path, relative: &str, report: &Report) -> PathBuf {
    write_text(dir, relative, &report.to_json_pretty())
}

fn ids(loaded: &baogao_report::load::Loaded) -> Vec<&str> {
    loaded
        .reports
        .iter()
        .map(|r| r.report.id.as_str())
        .collect()
}

/// The single load error, after checking there is exactly one.
fn only_error(dir: &Path) -> LoadError {
    let loaded = load_dir(dir).unwrap();
    assert!(loaded.reports.is_empty(), "{:?}", ids(&loaded));
    assert_eq!(loaded.errors.len(), 1, "{:?}", loaded.errors);
    loaded.errors[0].clone()
}

#[test]
fn four_good_files_load_and_the_broken_one_is_named_with_its_place() {
    let dir = TempDir::new().unwrap();
    for id in ["a", "b", "d", "e"] {
        write_report(
            dir.path(),
            &format!("{id}.json"),
            &report(id, Some("南麂镇"), Some(2020)),
        );
    }
    // Drop the comma after the id: the parser stops at the next key.
    let broken = report("c", Some("南麂镇"), Some(2020))
        .to_json_pretty()
        .replacen("\"c\",", "\"c\"", 1);
    let broken_path = write_text(dir.path(), "c.json", &broken);

    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(ids(&loaded), ["a", "b", "d", "e"]);
    assert_eq!(loaded.errors.len(), 1);
    let error = &loaded.errors[0];
    assert_eq!(error.path, broken_path);
    assert_eq!((error.line, error.column), (4, 3), "{error}");
    assert_eq!(error.message, "expected `,` or `}`");
    assert_eq!(
        error.to_string(),
        format!("{}:4:3: expected `,` or `}}`", broken_path.display())
    );
}

#[test]
fn unknown_schema_is_reported_before_missing_fields() {
    let dir = TempDir::new().unwrap();
    write_text(
        dir.path(),
        "future.json",
        "{\n  \"schema\": 2,\n  \"name\": \"新格式\"\n}\n",
    );
    let error = only_error(dir.path());
    assert_eq!((error.line, error.column), (2, 13));
    assert_eq!(
        error.message,
        "unsupported schema 2 (this build reads schema 1)"
    );
}

#[test]
fn missing_field_is_named() {
    let dir = TempDir::new().unwrap();
    let text = report("a", Some("南麂镇"), Some(2020)).to_json_pretty();
    let text: String = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("\"title\""))
        .map(|line| format!("{line}\n"))
        .collect();
    write_text(dir.path(), "a.json", &text);
    let error = only_error(dir.path());
    assert_eq!(error.message, "missing field `title`");
    // serde notices at the closing brace of the report, the last line.
    assert_eq!((error.line, error.column), (text.lines().count(), 1));
}

#[test]
fn wrong_type_names_the_field() {
    let dir = TempDir::new().unwrap();
    let text = report("a", Some("南麂镇"), Some(2020))
        .to_json_pretty()
        .replace("\"year\": 2020", "\"year\": \"2020\"");
    write_text(dir.path(), "a.json", &text);
    let error = only_error(dir.path());
    assert_eq!(
        error.message,
        "year: invalid type: string \"2020\", expected i32"
    );
    assert_eq!(error.line, 9);
}

/// serde_json calls a non-string where an enum belongs a syntax error
/// ("expected value"); the loader names the field and what it accepts.
#[test]
fn wrong_type_of_an_enum_field_names_the_field_and_its_values() {
    let cases = [
        (
            "\"kind\": \"work-summary\"",
            "\"kind\": 5",
            "kind: invalid type: integer `5`, expected one of \
             `work-summary`, `government-work-report`, `other`",
        ),
        (
            "\"kind\": \"work-summary\"",
            "\"kind\": null",
            "kind: invalid type: null, expected one of \
             `work-summary`, `government-work-report`, `other`",
        ),
        (
            "\"period\": \"annual\"",
            "\"period\": true",
            "period: invalid type: boolean `true`, expected one of `annual`, `half-year`",
        ),
        (
            "\"period\": \"annual\"",
            "\"period\": [1]",
            "period: invalid type: sequence, expected one of `annual`, `half-year`",
        ),
    ];
    let good = report("a", Some("南麂镇"), Some(2020)).to_json_pretty();
    for (from, to, expected) in cases {
        let dir = TempDir::new().unwrap();
        assert!(good.contains(from));
        write_text(dir.path(), "a.json", &good.replace(from, to));
        let error = only_error(dir.path());
        assert_eq!(error.message, expected);
        let line = good.lines().position(|l| l.contains(from)).unwrap() + 1;
        assert_eq!(error.line, line, "{error}");
    }
}

#[test]
fn malformed_json_inside_a_field_names_the_field() {
    let dir = TempDir::new().unwrap();
    let text = report("a", None, None)
        .to_json_pretty()
        .replace("\"kind\": \"work-summary\"", "\"kind\": ,");
    write_text(dir.path(), "a.json", &text);
    let error = only_error(dir.path());
    assert_eq!(error.message, "kind: expected value");
}

#[test]
fn unknown_extra_fields_are_ignored() {
    let dir = TempDir::new().unwrap();
    let text = report("a", None, None).to_json_pretty().replacen(
        "{\n",
        "{\n  \"x-note\": {\"by\": [1, 2]},\n",
        1,
    );
    write_text(dir.path(), "a.json", &text);
    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(loaded.errors, Vec::new());
    assert_eq!(loaded.reports[0].report, report("a", None, None));
}

#[test]
fn nested_directories_load_in_path_order() {
    let dir = TempDir::new().unwrap();
    write_report(dir.path(), "z.json", &report("z", None, None));
    write_report(
        dir.path(),
        "2020/b/c/deep.json",
        &report("deep", None, None),
    );
    write_report(dir.path(), "2020/a.json", &report("a", None, None));
    // A directory named like a report file is walked, not read.
    write_report(
        dir.path(),
        "odd.json/inner.json",
        &report("inner", None, None),
    );
    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(loaded.errors, Vec::new());
    assert_eq!(ids(&loaded), ["a", "deep", "inner", "z"]);
    assert_eq!(
        loaded.reports[1].path,
        dir.path().join("2020/b/c/deep.json")
    );
}

#[test]
fn files_that_are_not_json_are_ignored() {
    let dir = TempDir::new().unwrap();
    write_report(dir.path(), "a.json", &report("a", None, None));
    write_text(dir.path(), "notes.txt", "not json {");
    write_text(dir.path(), "README.md", "# reports");
    write_text(dir.path(), "a.json.bak", "{ broken");
    write_text(dir.path(), "json", "{ broken");
    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(loaded.errors, Vec::new());
    assert_eq!(ids(&loaded), ["a"]);
}

#[cfg(unix)]
#[test]
fn directory_symlinks_are_followed_and_loops_end() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new().unwrap();
    let elsewhere = TempDir::new().unwrap();
    write_report(dir.path(), "sub/a.json", &report("a", None, None));
    write_report(elsewhere.path(), "b.json", &report("b", None, None));
    symlink(dir.path(), dir.path().join("sub/back-to-top")).unwrap();
    symlink(".", dir.path().join("self")).unwrap();
    symlink(elsewhere.path(), dir.path().join("linked")).unwrap();
    // A broken link named like a report is an error, not a silent skip.
    symlink(dir.path().join("gone"), dir.path().join("broken.json")).unwrap();

    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(ids(&loaded), ["b", "a"]);
    assert_eq!(loaded.reports[0].path, dir.path().join("linked/b.json"));
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(loaded.errors[0].path, dir.path().join("broken.json"));
    assert!(loaded.errors[0].message.starts_with("cannot read file"));
}

/// When several links lead to one directory, its reports are found under
/// the first link in name order, whatever order the file system lists them.
#[cfg(unix)]
#[test]
fn a_directory_reached_by_several_links_is_read_under_the_first_name() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new().unwrap();
    write_report(dir.path(), "real/a.json", &report("a", None, None));
    // Created in reverse, so creation order is not name order either.
    for name in ('b'..='z').rev() {
        symlink(
            dir.path().join("real"),
            dir.path().join(format!("{name}-link")),
        )
        .unwrap();
    }
    symlink(dir.path().join("real"), dir.path().join("a-link")).unwrap();
    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(loaded.errors, Vec::new());
    assert_eq!(ids(&loaded), ["a"]);
    assert_eq!(loaded.reports[0].path, dir.path().join("a-link/a.json"));
}

#[test]
fn hidden_directories_are_skipped_but_a_hidden_root_is_walked() {
    let dir = TempDir::new().unwrap();
    let root = dir.path().join(".reports");
    write_report(&root, "a.json", &report("a", None, None));
    write_report(&root, "sub/b.json", &report("b", None, None));
    write_text(&root, ".git/objects/x.json", "{ not a report");
    write_report(&root, ".cache/c.json", &report("c", None, None));
    let loaded = load_dir(&root).unwrap();
    assert_eq!(loaded.errors, Vec::new());
    assert_eq!(ids(&loaded), ["a", "b"]);
}

#[test]
fn invalid_utf8_is_placed() {
    let dir = TempDir::new().unwrap();
    let mut bytes = b"{\n  \"schema\": 1,\n  \"id\": \"".to_vec();
    bytes.extend_from_slice(&[0xC4, 0xCF]); // "南" in GB18030
    bytes.extend_from_slice(b"\"\n}\n");
    let path = dir.path().join("gbk.json");
    fs::write(&path, bytes).unwrap();
    let error = only_error(dir.path());
    assert_eq!(error.path, path);
    assert_eq!((error.line, error.column), (3, 10));
    assert!(error.message.starts_with("invalid UTF-8"), "{error}");
}

#[test]
fn empty_directory_loads_nothing() {
    let dir = TempDir::new().unwrap();
    let loaded = load_dir(dir.path()).unwrap();
    assert!(loaded.reports.is_empty() && loaded.errors.is_empty());
}

#[test]
fn missing_directory_or_a_file_is_an_err() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope");
    let error = load_dir(&missing).unwrap_err();
    assert_eq!(error.path, missing);
    assert_eq!(error.line, 0);
    assert!(
        error.message.starts_with("cannot read directory"),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: ", missing.display()))
    );

    let file = write_report(dir.path(), "a.json", &report("a", None, None));
    let error = load_dir(&file).unwrap_err();
    assert_eq!(error.message, "not a directory");
}

#[test]
fn duplicate_ids_are_kept_and_each_file_names_the_other() {
    let dir = TempDir::new().unwrap();
    let first = write_report(
        dir.path(),
        "2020/same.json",
        &report("same", Some("南麂镇"), None),
    );
    let second = write_report(
        dir.path(),
        "2021/same.json",
        &report("same", Some("芦浦镇"), None),
    );
    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(ids(&loaded), ["same", "same"]);

    let problems = validate(&loaded);
    let expected = |path: &Path, other: &Path| LoadError {
        path: path.to_path_buf(),
        line: 3,
        column: 9,
        message: format!("duplicate id `same`: also in {}", other.display()),
    };
    assert_eq!(
        problems,
        [expected(&first, &second), expected(&second, &first)]
    );
}

/// n copies of an id give n lines of one size each, not n lines naming
/// every other copy.
#[test]
fn many_duplicate_ids_name_one_other_file_and_count_the_rest() {
    let dir = TempDir::new().unwrap();
    let paths: Vec<PathBuf> = (0..4)
        .map(|n| {
            write_report(
                dir.path(),
                &format!("{n}/same.json"),
                &report("same", None, None),
            )
        })
        .collect();
    let problems = validate(&load_dir(dir.path()).unwrap());
    let messages: Vec<String> = problems.iter().map(|p| p.message.clone()).collect();
    let also = |other: usize| {
        format!(
            "duplicate id `same`: also in {} and 2 other files",
            paths[other].display()
        )
    };
    assert_eq!(messages, [also(1), also(0), also(0), also(0)]);
    let two = TempDir::new().unwrap();
    let first = write_report(two.path(), "a/same.json", &report("same", None, None));
    write_report(two.path(), "b/same.json", &report("same", None, None));
    write_report(two.path(), "c/same.json", &report("same", None, None));
    let problems = validate(&load_dir(two.path()).unwrap());
    assert_eq!(
        problems[1].message,
        format!(
            "duplicate id `same`: also in {} and 1 other file",
            first.display()
        )
    );
}

/// A file that starts with a byte-order mark loads, and its problems keep
/// their places, columns counted after the mark.
#[test]
fn validate_places_problems_in_a_file_with_a_bom() {
    let dir = TempDir::new().unwrap();
    let text = format!("\u{feff}{}", report("a", None, Some(1800)).to_json_pretty());
    let path = write_text(dir.path(), "a.json", &text);
    let problems = validate(&load_dir(dir.path()).unwrap());
    assert_eq!(
        problems,
        [LoadError {
            path,
            line: 9,
            column: 11,
            message: "year 1800 is outside 1949..=2100".to_string(),
        }]
    );
}

#[test]
fn validate_finds_every_problem_with_its_place() {
    let dir = TempDir::new().unwrap();
    let mut bad = report("Bad_Id", Some("南麂镇"), Some(1900));
    bad.title = " ".to_string();
    bad.published = Some("2021-02-29".to_string());
    bad.sections[0].sections.push(Section {
        heading: String::new(),
        paragraphs: Vec::new(),
        sections: Vec::new(),
    });
    let bad_path = write_report(dir.path(), "Bad_Id.json", &bad);
    let misnamed = write_report(dir.path(), "wrong-name.json", &report("right", None, None));
    write_report(dir.path(), "fine.json", &report("fine", None, Some(2020)));

    let problems: Vec<(PathBuf, usize, usize, String)> = validate(&load_dir(dir.path()).unwrap())
        .into_iter()
        .map(|e| (e.path, e.line, e.column, e.message))
        .collect();
    let at = |line, column, message: &str| (bad_path.clone(), line, column, message.to_string());
    assert_eq!(
        problems,
        [
            at(
                3,
                9,
                "id `Bad_Id` must be lowercase ASCII letters, digits and hyphens, \
                 starting with a letter or digit, and not a Windows device name"
            ),
            at(4, 12, "empty title"),
            at(9, 11, "year 1900 is outside 1949..=2100"),
            at(
                12,
                16,
                "published `2021-02-29` is not a valid YYYY-MM-DD date"
            ),
            at(26, 22, "empty heading at sections[0].sections[0]"),
            (
                misnamed,
                0,
                0,
                "file name should be `right.json` to match its id".to_string()
            ),
        ]
    );
}

/// validate and import share one id rule: what import would refuse to
/// write, validate reports.
#[test]
fn validate_reports_a_windows_device_name_as_an_id() {
    let dir = TempDir::new().unwrap();
    let path = write_report(dir.path(), "con.json", &report("con", None, None));
    write_report(dir.path(), "com10.json", &report("com10", None, None));
    let problems = validate(&load_dir(dir.path()).unwrap());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, path);
    assert!(
        problems[0].message.starts_with("id `con` must be"),
        "{problems:?}"
    );
}

/// Problems come in the order of the file, not the order of the checks.
#[test]
fn problems_in_one_file_are_in_line_order() {
    let dir = TempDir::new().unwrap();
    let mut bad = report("Bad", None, Some(1800));
    bad.published = Some("someday".to_string());
    // Move `published` and `year` above `id`: hand-written files need not
    // follow the documented field order.
    let text = bad
        .to_json_pretty()
        .replace("  \"published\": \"someday\",\n", "")
        .replace("  \"year\": 1800,\n", "")
        .replacen(
            "{\n",
            "{\n  \"published\": \"someday\",\n  \"year\": 1800,\n",
            1,
        );
    write_text(dir.path(), "Bad.json", &text);
    let places: Vec<(usize, usize)> = validate(&load_dir(dir.path()).unwrap())
        .iter()
        .map(|problem| (problem.line, problem.column))
        .collect();
    assert_eq!(places, [(2, 16), (3, 11), (5, 9)]);
}

#[test]
fn validate_names_only_the_file_when_it_changed_since_loading() {
    let dir = TempDir::new().unwrap();
    let path = write_report(dir.path(), "x.json", &report("x", None, Some(1800)));
    let loaded = load_dir(dir.path()).unwrap();
    fs::remove_file(&path).unwrap();
    let problems = validate(&loaded);
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (0, 0));
    assert_eq!(
        problems[0].to_string(),
        format!("{}: year 1800 is outside 1949..=2100", path.display())
    );
}

#[test]
fn library_sorts_by_township_pinyin_then_year_period_title_id() {
    let mut half = report("nanji-2020-half", Some("南麂镇"), Some(2020));
    half.period = Period::HalfYear;
    let mut title_b = report("nanji-2020-b", Some("南麂镇"), Some(2020));
    title_b.title = "B".to_string();
    let mut title_a_id_2 = report("nanji-2020-a2", Some("南麂镇"), Some(2020));
    title_a_id_2.title = "A".to_string();
    let mut title_a_id_1 = report("nanji-2020-a1", Some("南麂镇"), Some(2020));
    title_a_id_1.title = "A".to_string();
    let reports = vec![
        report("anon-2019", None, Some(2019)),
        report("nantang-2022", Some("南塘镇"), Some(2022)),
        half,
        report("nanji-none", Some("南麂镇"), None),
        title_b,
        report("lupu-2020", Some("芦浦镇"), Some(2020)),
        report("anon-none", None, None),
        title_a_id_2,
        report("nanji-2019", Some("南麂镇"), Some(2019)),
        report("daixi-2023", Some("岱西镇"), Some(2023)),
        title_a_id_1,
        report("anon-2018", None, Some(2018)),
    ];
    let library = Library::new(reports);
    let order: Vec<&str> = library.reports().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        order,
        [
            "daixi-2023",
            "lupu-2020",
            "nanji-2019",
            "nanji-2020-a1",
            "nanji-2020-a2",
            "nanji-2020-b",
            "nanji-2020-half",
            "nanji-none",
            "nantang-2022",
            "anon-2018",
            "anon-2019",
            "anon-none",
        ]
    );
    assert_eq!(library.len(), 12);
    assert!(!library.is_empty());
    assert_eq!(
        library.find("lupu-2020").unwrap().township.as_deref(),
        Some("芦浦镇")
    );
    assert!(library.find("missing").is_none());
}

#[test]
fn library_keeps_duplicate_ids_and_finds_the_first_in_order() {
    let library = Library::new(vec![
        report("same", Some("芦浦镇"), Some(2020)),
        report("same", Some("岱西镇"), Some(2020)),
    ]);
    assert_eq!(library.len(), 2);
    assert_eq!(
        library.find("same").unwrap().township.as_deref(),
        Some("岱西镇")
    );
    assert!(Library::new(Vec::new()).is_empty());
}

#[test]
fn every_bundled_file_parses() {
    let loaded = load_bundled();
    assert_eq!(loaded.errors, Vec::new());
    let on_disk = match fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reports")) {
        Ok(entries) => entries
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "json"))
            .count(),
        Err(_) => 0,
    };
    assert_eq!(loaded.reports.len(), on_disk);
    for loaded_report in &loaded.reports {
        assert!(
            loaded_report.path.starts_with("data/reports"),
            "{:?}",
            loaded_report.path
        );
    }
}
