//! `baogao config`: the effective settings with their sources, and a
//! settings file that cannot be read named with line and column.

use crate::{baogao, stderr, stdout};
use std::fs;
use tempfile::TempDir;

fn with_settings(text: &str) -> TempDir {
    let dir = TempDir::new().expect("a temporary directory");
    fs::create_dir_all(dir.path().join("baogao")).expect("the settings directory");
    fs::write(dir.path().join("baogao/config.toml"), text).expect("the settings file");
    dir
}

#[test]
fn each_setting_is_printed_with_its_source() {
    let dir = with_settings("theme = \"light\"\nmeasure = 40\n[keys]\ndown = \"e\"\n");
    let output = baogao(dir.path(), ["--ambiguous-wide", "config"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let row = |name: &str| {
        text.lines()
            .find(|line| line.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("theme").contains("light") && row("theme").ends_with("(file)"),
        "{text}"
    );
    assert!(row("measure").contains("40"), "{text}");
    assert!(row("indent").ends_with("(default)"), "{text}");
    assert!(row("ambiguous_width").contains("wide"), "{text}");
    assert!(row("ambiguous_width").ends_with("(flag)"), "{text}");
    assert!(row("language").ends_with("(environment)"), "{text}");
    assert!(row("keys.down").contains('e'), "{text}");
}

#[test]
fn a_broken_file_is_named_with_line_and_column_and_the_rest_still_counts() {
    let dir = with_settings("theme = \"light\"\nmeasure = = 3\nindent = 7\n");
    let output = baogao(dir.path(), ["config"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("config.toml:2:"), "{errors}");
    assert!(errors.contains("config.toml:3:10:"), "{errors}");
    assert!(stdout(&output).contains("light"), "{}", stdout(&output));
    // Other commands still run, with a warning.
    let list = baogao(dir.path(), ["list"]);
    assert!(list.status.success());
    assert!(
        stderr(&list).contains("config.toml:2:"),
        "{}",
        stderr(&list)
    );
}
