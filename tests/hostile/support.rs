//! Helpers shared by the hostile-input suites: report files written into
//! temporary libraries, built as JSON values so a test can put anything in
//! any field.

use serde_json::{Value, json};
use std::path::Path;

/// A schema-1 report with `sections`, as a JSON value.
pub fn report(id: &str, title: &str, township: Option<&str>, sections: Value) -> Value {
    json!({
        "schema": 1,
        "id": id,
        "title": title,
        "township": township,
        "county": null,
        "city": null,
        "province": null,
        "year": 2021,
        "period": "annual",
        "kind": "work-summary",
        "published": null,
        "publisher": null,
        "source": null,
        "preamble": [],
        "sections": sections,
    })
}

/// A section with `paragraphs` and no children.
pub fn section(heading: &str, paragraphs: &[&str]) -> Value {
    json!({ "heading": heading, "paragraphs": paragraphs, "sections": [] })
}

/// A report nested `depth` sections deep (one section per level), as text:
/// built as a string, since serde_json's own writer recurses.
pub fn deep_report_text(id: &str, depth: usize) -> String {
    let open = r#"{"heading":"层","paragraphs":["段落"],"sections":["#;
    let mut text = format!(
        r#"{{"schema":1,"id":"{id}","title":"深层报告","township":"深镇","year":2021,"period":"annual","kind":"other","sections":["#
    );
    text.reserve(depth * (open.len() + 2));
    for _ in 0..depth {
        text.push_str(open);
    }
    for _ in 0..depth {
        text.push_str("]}");
    }
    text.push_str("]}\n");
    text
}

/// Run the real `baogao` with `args` in `cwd`; its exit code, stdout and
/// stderr. A panic (exit 101) or a signal fails the test here, whatever the
/// caller expected.
pub fn run_baogao(cwd: &Path, args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_baogao"))
        .current_dir(cwd)
        .args(args)
        .env_remove("BAOGAO_DEBUG_PANIC")
        .output()
        .expect("the baogao binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = output
        .status
        .code()
        .unwrap_or_else(|| panic!("baogao was killed: {:?}\n{stderr}", output.status));
    assert_ne!(code, 101, "baogao panicked:\n{stderr}");
    (code, stdout, stderr)
}

/// Whether this process runs as root, for whom file permissions do not
/// stop reading or writing.
pub fn running_as_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// A report file's text with one section per `(heading, paragraph)`, one
/// section a line, written directly: big inputs would spend seconds in
/// serde_json's value tree in a debug build. Both strings go in as they are,
/// so they may hold JSON escapes (`\u001b`) but no quote or backslash of
/// their own.
pub fn report_text(id: &str, sections: &[(&str, &str)]) -> String {
    let mut text = format!(
        "{{\"schema\":1,\"id\":\"{id}\",\"title\":\"标题\",\"township\":\"大镇\",\
         \"year\":2021,\"period\":\"annual\",\"kind\":\"work-summary\",\"sections\":[\n"
    );
    for (index, (heading, paragraph)) in sections.iter().enumerate() {
        if index > 0 {
            text.push_str(",\n");
        }
        text.push_str(&format!(
            "{{\"heading\":\"{heading}\",\"paragraphs\":[\"{paragraph}\"],\"sections\":[]}}"
        ));
    }
    text.push_str("\n]}\n");
    text
}
