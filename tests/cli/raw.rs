//! A folder of raw reports (text, web pages, `.docx`, PDF) read directly by
//! `list` and `search --dir`, with the imports cached under
//! `$XDG_CACHE_HOME/baogao/raw/`; `import DIR` takes every format,
//! recursively.

use std::path::Path;
use std::process::{Command, Output};

fn run(cwd: &Path, cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .current_dir(cwd)
        .env("XDG_CACHE_HOME", cache)
        .args(args)
        .output()
        .expect("baogao runs")
}

fn raw_folder(dir: &Path) {
    let formats = baogao_testkit::fixtures::repo_path("tests/data/formats");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::create_dir_all(dir.join("page_files")).unwrap();
    std::fs::copy(formats.join("01.b.html"), dir.join("page.html")).unwrap();
    std::fs::copy(formats.join("04.auto.docx"), dir.join("sub/report.docx")).unwrap();
    std::fs::copy(formats.join("14.a.html"), dir.join("sub/other.htm")).unwrap();
    // A saved page's own files are not reports.
    std::fs::write(
        dir.join("page_files/frame.html"),
        "<html><body>某镇2021年工作总结</body></html>",
    )
    .unwrap();
}

#[test]
fn a_folder_of_raw_reports_is_listed_and_searched_and_cached() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let cache = tmp.path().join("cache");
    raw_folder(&lib);
    let lib_arg = lib.to_str().unwrap();
    let first = run(tmp.path(), &cache, &["list", lib_arg]);
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    for township in ["晓坪乡", "卢村乡", "五角场街道"] {
        assert!(stdout.contains(township), "{stdout}");
    }
    assert_eq!(
        stdout.lines().count(),
        4,
        "a header and three reports: {stdout}"
    );
    let cached = std::fs::read_dir(cache.join("baogao/raw")).unwrap().count();
    assert_eq!(cached, 3, "one cached import per raw report");
    // The second open reads the cache and gives the same list.
    let second = run(tmp.path(), &cache, &["list", lib_arg]);
    assert_eq!(String::from_utf8_lossy(&second.stdout), stdout);

    let search = run(
        tmp.path(),
        &cache,
        &["search", "--dir", lib_arg, "工作回顾"],
    );
    assert!(String::from_utf8_lossy(&search.stdout).contains("卢村乡"));
}

#[test]
fn import_of_a_folder_takes_every_format_recursively() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("raw");
    raw_folder(&lib);
    let out = tmp.path().join("out");
    let result = run(
        tmp.path(),
        &tmp.path().join("cache"),
        &[
            "import",
            "--out",
            out.to_str().unwrap(),
            lib.to_str().unwrap(),
        ],
    );
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 3);
}
