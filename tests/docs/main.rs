//! The repository's documents are true to its tree.
//!
//! ARCHITECTURE.md, README.md and docs/*.md name crates, files and each
//! other. Code moves; these checks catch a document left behind:
//!
//! - every crate ARCHITECTURE.md names (`crates/<name>`, `baogao-<name>`)
//!   is a crate directory, `crates/<name>/Cargo.toml` with the package
//!   `baogao-<name>`, and every crate directory is named there;
//! - every relative link leads to a file of the repository, and a link to a
//!   heading (`page.md#anchor`) to a heading of that page;
//! - every path in backticks that starts in a top-level directory of the
//!   repository (`crates/…`, `src/…`, `docs/…`, `tests/…`…) exists;
//! - no source file under `crates/` or `src/` points to a design file
//!   outside the repository or names an issue number, and neither do the
//!   documents: a comment states its rule or points into `docs/`.
//!
//! Only the standard library: files are read relative to the top package.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The documents checked, relative to the repository root; docs/*.md are
/// added by [`documents`].
const TOP_DOCUMENTS: &[&str] = &["ARCHITECTURE.md", "README.md"];

/// Directories whose paths, written in backticks, must exist.
const PATH_ROOTS: &[&str] = &[
    "crates/",
    "src/",
    "docs/",
    "tests/",
    "data/",
    "benches/",
    "examples/",
    "scripts/",
    "fuzz/",
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &Path) -> String {
    let path = root().join(relative);
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every document checked, as paths relative to the root.
fn documents() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = TOP_DOCUMENTS.iter().map(PathBuf::from).collect();
    let mut pages: Vec<PathBuf> = fs::read_dir(root().join("docs"))
        .expect("a docs/ directory")
        .map(|entry| entry.expect("a readable docs/ entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .map(|path| Path::new("docs").join(path.file_name().expect("a file name")))
        .collect();
    pages.sort();
    found.extend(pages);
    found
}

/// The text outside fenced code blocks, with the line number of each line.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            lines.push((index + 1, line));
        }
    }
    lines
}

/// The names that follow each occurrence of `prefix` in `text`: the run of
/// lowercase letters, digits, `-` and `_` after it, without a trailing `-`.
fn names_after<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        // Only where the prefix starts a word: `baogao-x`, not `xbaogao-x`.
        let before = rest[..at].chars().next_back();
        let after = &rest[at + prefix.len()..];
        let len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        let name = after[..len].trim_end_matches('-');
        if !name.is_empty() && before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_')) {
            names.push(name);
        }
        rest = &after[len..];
    }
    names
}

#[test]
fn the_crates_named_in_architecture_md_are_the_crate_directories() {
    let architecture = read(Path::new("ARCHITECTURE.md"));
    let mut named: BTreeSet<&str> = BTreeSet::new();
    named.extend(names_after(&architecture, "crates/"));
    named.extend(names_after(&architecture, "baogao-"));
    let mut directories: BTreeSet<String> = BTreeSet::new();
    for entry in fs::read_dir(root().join("crates")).expect("a crates/ directory") {
        let entry = entry.expect("a readable crates/ entry");
        if entry.path().is_dir() {
            directories.insert(entry.file_name().to_string_lossy().into_owned());
        }
    }
    let mut wrong = Vec::new();
    for name in &named {
        let manifest = Path::new("crates").join(name).join("Cargo.toml");
        if !root().join(&manifest).is_file() {
            wrong.push(format!(
                "ARCHITECTURE.md names the crate `{name}`, but there is no {}",
                manifest.display()
            ));
            continue;
        }
        let package = format!("name = \"baogao-{name}\"");
        if !read(&manifest).lines().any(|line| line.trim() == package) {
            wrong.push(format!("{} does not say {package}", manifest.display()));
        }
    }
    for directory in &directories {
        if !named.contains(directory.as_str()) {
            wrong.push(format!(
                "crates/{directory} is not named in ARCHITECTURE.md (as `crates/{directory}` or `baogao-{directory}`)"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

/// The targets of the inline links `[text](target)` of a document, with
/// their line numbers.
fn links(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (line_number, line) in prose(text) {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            found.push((line_number, after[..end].trim().to_string()));
            rest = &after[end..];
        }
    }
    found
}

/// The anchor GitHub gives a heading: lower case, spaces as `-`, and only
/// letters, digits, `-` and `_` kept.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The anchors of every heading of a Markdown document.
fn anchors(text: &str) -> BTreeSet<String> {
    prose(text)
        .into_iter()
        .filter_map(|(_, line)| {
            let title = line.trim_start_matches('#');
            (title.len() < line.len() && title.starts_with(' ')).then(|| anchor(title))
        })
        .collect()
}

#[test]
fn relative_links_lead_to_files_and_headings_of_the_repository() {
    let mut wrong = Vec::new();
    for document in documents() {
        let text = read(&document);
        let base = document.parent().unwrap_or(Path::new(""));
        for (line, target) in links(&text) {
            let is_external = target.contains("://") || target.starts_with("mailto:");
            if is_external || target.is_empty() {
                continue;
            }
            let (file, fragment) = match target.split_once('#') {
                Some((file, fragment)) => (file, Some(fragment)),
                None => (target.as_str(), None),
            };
            let linked = if file.is_empty() {
                document.clone()
            } else {
                base.join(file)
            };
            let place = format!("{}:{line}: link `{target}`", document.display());
            if !root().join(&linked).exists() {
                wrong.push(format!("{place}: no such file"));
                continue;
            }
            let is_markdown = linked.extension().is_some_and(|e| e == "md");
            if let Some(fragment) = fragment.filter(|_| is_markdown)
                && !anchors(&read(&linked)).contains(fragment)
            {
                wrong.push(format!("{place}: no heading with that anchor"));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

/// The code spans of a document's prose (text between single backticks),
/// with the line each starts on.
fn code_spans(text: &str) -> Vec<(usize, String)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (line_number, line) in prose(text) {
        for (i, piece) in line.split('`').enumerate() {
            if i > 0 {
                // A backtick: a span opens or closes here.
                match open.take() {
                    Some(span) => spans.push(span),
                    None => open = Some((line_number, String::new())),
                }
            }
            if let Some((_, span)) = &mut open {
                if i == 0 && !span.is_empty() {
                    span.push(' ');
                }
                span.push_str(piece);
            }
        }
        // A blank line ends a paragraph, and any span left open in it.
        if line.trim().is_empty() {
            open = None;
        }
    }
    spans
}

/// Whether a code span reads as a path in the repository: it starts in one
/// of [`PATH_ROOTS`], and holds no placeholder (`<id>`, `*.json`, `…`) and
/// no space (a command line).
fn as_repo_path(span: &str) -> Option<&str> {
    let placeholder = |c: char| matches!(c, '<' | '>' | '*' | '{' | '}' | '$' | '…' | ' ' | '|');
    (PATH_ROOTS.iter().any(|root| span.starts_with(root)) && !span.contains(placeholder))
        .then(|| span.trim_end_matches('/'))
}

#[test]
fn paths_in_backticks_exist() {
    let mut wrong = Vec::new();
    for document in documents() {
        for (line, span) in code_spans(&read(&document)) {
            if let Some(path) = as_repo_path(&span)
                && !root().join(path).exists()
            {
                wrong.push(format!(
                    "{}:{line}: `{span}` does not exist",
                    document.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.expect("a readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "target") {
                rust_files(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The old design file's name, spelt in pieces so that this checker does
/// not hold what it looks for.
const DESIGN_FILE: &str = concat!("design", ".md");

/// What a line says that points outside the repository: the old design
/// file, or an issue's number (the word, then a number, `#` or not).
fn outside_reference(line: &str) -> Option<&'static str> {
    let lower = line.to_lowercase();
    if lower.contains(DESIGN_FILE) {
        return Some(DESIGN_FILE);
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("issue") {
        let after = rest[at + "issue".len()..].trim_start_matches([' ', '#']);
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            return Some("an issue number");
        }
        rest = &rest[at + "issue".len()..];
    }
    None
}

#[test]
fn sources_and_documents_point_only_into_the_repository() {
    let mut files = Vec::new();
    rust_files(&root().join("crates"), &mut files);
    rust_files(&root().join("src"), &mut files);
    files.extend(
        documents()
            .into_iter()
            .map(|document| root().join(document)),
    );
    assert!(files.len() > 10, "found only {files:?}");
    let mut wrong = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (index, line) in text.lines().enumerate() {
            if let Some(what) = outside_reference(line) {
                let shown = file.strip_prefix(root()).unwrap_or(file);
                wrong.push(format!(
                    "{}:{}: names {what}; point into docs/ or state the rule",
                    shown.display(),
                    index + 1
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}\n", wrong.join("\n"));
}

mod helpers {
    use super::*;

    #[test]
    fn names_follow_their_prefix_at_a_word_start() {
        let text = "`crates/report/src/lib.rs`, baogao-search and baogao_tui; xbaogao-no";
        assert_eq!(names_after(text, "crates/"), ["report"]);
        assert_eq!(names_after(text, "baogao-"), ["search"]);
    }

    #[test]
    fn anchors_read_as_github_makes_them() {
        assert_eq!(anchor("4. The library"), "4-the-library");
        assert_eq!(
            anchor("What `baogao validate` checks"),
            "what-baogao-validate-checks"
        );
        assert_eq!(anchor("避头尾 (after W3C clreq)"), "避头尾-after-w3c-clreq");
    }

    #[test]
    fn code_spans_may_run_over_a_line_end() {
        let text = "a `crates/x` and `cargo\nbench` b\n\n```\n`not/this`\n```\n";
        assert_eq!(
            code_spans(text),
            [(1, "crates/x".to_string()), (1, "cargo bench".to_string())]
        );
    }

    #[test]
    fn only_plain_repository_paths_are_checked() {
        assert_eq!(as_repo_path("crates/tui/"), Some("crates/tui"));
        assert_eq!(as_repo_path("tests/<subject>/main.rs"), None);
        assert_eq!(as_repo_path("data/raw/*.txt"), None);
        assert_eq!(as_repo_path("cargo test"), None);
        assert_eq!(as_repo_path("Cargo.toml"), None);
    }

    #[test]
    fn issue_numbers_and_the_design_file_are_found() {
        // Spelt in pieces, as DESIGN_FILE is, for the same reason.
        assert_eq!(
            outside_reference(concat!("(iss", "ue 3 item 6)")),
            Some("an issue number")
        );
        assert_eq!(
            outside_reference(concat!("see Iss", "ue #12")),
            Some("an issue number")
        );
        assert_eq!(
            outside_reference(concat!("`Design", ".md` says")),
            Some(DESIGN_FILE)
        );
        assert_eq!(outside_reference("no issue here, 2 issues"), None);
    }
}
