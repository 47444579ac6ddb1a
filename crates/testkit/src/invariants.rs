//! The invariants the fuzz targets (`fuzz/fuzz_targets`) check, which the
//! property tests check too (`tests/hostile/props.rs` for the importer, the
//! loader, the wrapper and the sanitiser; `tests/search/props.rs` for the
//! search engine): kept in one place so both check the same things.
//!
//! Each `check_*` takes one input, runs one library entry point on it and
//! panics with the input's story when a promise is broken: no panic inside
//! the library, and beyond that what the entry point's docs promise about its
//! output.

use baogao_import::{import_bytes, import_text};
use baogao_layout::{Widths, WrappedLine, truncate, wrap_cjk};
use baogao_report::load::{LoadError, Loaded, LoadedReport, parse_bytes, parse_report, validate};
use baogao_report::model::{Report, is_valid_id};
use baogao_report::sanitise::sanitise;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The file name an imported report is said to come from.
const SOURCE: &str = "fuzz-input.txt";

/// Import `bytes`. When the importer accepts them, the report must be one
/// `baogao validate` has nothing to say about (stored as `<id>.json`), hold
/// only terminal-safe text, come back unchanged through its own JSON and
/// the loader, and import the same from the text as from its UTF-8 bytes.
pub fn check_import(bytes: &[u8]) {
    let Ok(report) = import_bytes(bytes, SOURCE) else {
        return;
    };
    assert!(is_valid_id(&report.id), "invalid id {:?}", report.id);
    each_text(&report, assert_safe);

    let json = report.to_json_pretty();
    let reloaded = parse_report(&json, Path::new("imported.json"))
        .unwrap_or_else(|error| panic!("an imported report does not load: {error}\n{json}"));
    assert_eq!(reloaded, report, "the loader changed an imported report");

    let path = Path::new("library").join(format!("{}.json", report.id));
    let loaded = Loaded {
        reports: vec![LoadedReport { path, report }],
        errors: Vec::new(),
    };
    let problems = validate(&loaded);
    assert!(problems.is_empty(), "validate on an import: {problems:?}");

    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.starts_with('\u{feff}')
    {
        let from_text = import_text(text, SOURCE).expect("the bytes imported, the text did not");
        assert_eq!(from_text, loaded.reports[0].report, "text and bytes differ");
    }
}

/// Load `bytes` as a report file. An error must name the file and a place
/// inside it; a report must hold only terminal-safe text and survive its
/// own JSON. `validate` then runs on it twice over (the file itself and a
/// copy elsewhere), must report the duplicate id in both, and must place
/// every problem inside the file.
pub fn check_load(bytes: &[u8]) {
    let dir = scratch_dir();
    let path = dir.join("input.json");
    let report = match parse_bytes(bytes, &path) {
        Ok(report) => report,
        Err(error) => {
            assert_placed_in(&error, &path, bytes);
            return;
        }
    };
    each_text(&report, assert_safe);
    let json = report.to_json_pretty();
    let reloaded = parse_report(&json, &path)
        .unwrap_or_else(|error| panic!("a loaded report does not load again: {error}\n{json}"));
    assert_eq!(reloaded, report, "a loaded report changed through its JSON");

    // `validate` rereads a file with problems to place them.
    std::fs::write(&path, bytes).expect("write the scratch file");
    let copy = dir.join("copy").join(format!("{}.json", report.id));
    let loaded = Loaded {
        reports: vec![
            LoadedReport {
                path: path.clone(),
                report: report.clone(),
            },
            LoadedReport {
                path: copy.clone(),
                report,
            },
        ],
        errors: Vec::new(),
    };
    let problems = validate(&loaded);
    for file in [&path, &copy] {
        assert!(
            problems
                .iter()
                .any(|p| &p.path == file && p.message.starts_with("duplicate id")),
            "no duplicate id for {}: {problems:?}",
            file.display()
        );
    }
    for problem in &problems {
        if problem.path == path {
            assert_placed_in(problem, &path, bytes);
        } else {
            assert_eq!(problem.path, copy, "{problem:?}");
        }
    }
    let places: Vec<_> = problems
        .iter()
        .map(|p| (&p.path, p.line, p.column))
        .collect();
    assert!(places.is_sorted(), "problems out of order: {problems:?}");
}

/// Wrap `text` at `width` with `indent`: the lines partition the text on
/// char boundaries, report the width they show, and fit the width but for a
/// line holding one over-wide character. Truncating to `width` gives a
/// prefix with "…" that fits. Returns the lines, for more checks.
pub fn check_wrap(text: &str, width: usize, indent: usize, widths: Widths) -> Vec<WrappedLine> {
    let lines = wrap_cjk(text, width, indent, widths);
    let context =
        || format!("width {width}, indent {indent}, {widths:?}, text {text:?}, lines {lines:?}");
    assert!(!lines.is_empty(), "no lines: {}", context());
    assert_eq!(lines[0].start, 0, "{}", context());
    assert_eq!(lines[lines.len() - 1].end, text.len(), "{}", context());
    for pair in lines.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "gap or overlap: {}", context());
    }
    let pane = width.max(1);
    for line in &lines {
        assert!(line.start <= line.end, "{}", context());
        assert!(
            text.is_char_boundary(line.start) && text.is_char_boundary(line.end),
            "split char in {line:?}: {}",
            context()
        );
        let shown = visible(text, line);
        assert_eq!(
            line.width,
            widths.str(shown),
            "width of {shown:?}: {}",
            context()
        );
        assert!(
            line.indent + line.width <= pane || (line.indent == 0 && base_chars(shown) <= 1),
            "{shown:?} overflows: {}",
            context()
        );
    }
    check_truncate(text, width, widths);
    lines
}

/// `sanitise` leaves no unsafe character, changes nothing the second time,
/// and borrows only what it leaves unchanged (it may copy a text it keeps
/// as it was: an emoji ZWJ sequence is looked at and kept).
pub fn check_sanitise(text: &str) {
    let once = sanitise(text);
    assert_safe("sanitised", &once);
    if matches!(once, Cow::Borrowed(_)) {
        assert_eq!(once, text);
    }
    assert_eq!(sanitise(&once), once, "sanitising twice changed {text:?}");
}

fn check_truncate(text: &str, width: usize, widths: Widths) {
    let cut = truncate(text, width, widths);
    assert!(widths.str(&cut) <= width, "{cut:?} wider than {width}");
    if width == 0 {
        assert_eq!(cut, "");
    } else if widths.str(text) <= width {
        assert!(matches!(cut, Cow::Borrowed(t) if t == text), "{cut:?}");
    } else if !cut.is_empty() {
        let kept = cut.strip_suffix('\u{2026}');
        assert!(
            kept.is_some_and(|kept| text.starts_with(kept)),
            "{cut:?} of {text:?}"
        );
    }
}

/// The line's text without the spaces it ends with.
pub fn visible<'a>(text: &'a str, line: &WrappedLine) -> &'a str {
    text[line.start..line.end].trim_end_matches(' ')
}

/// Characters that start a new unit of display: not zero-width, not joined
/// to the one before by a ZWJ, not an emoji skin-tone modifier.
fn base_chars(text: &str) -> usize {
    let mut count = 0;
    let mut previous = None;
    for c in text.chars() {
        let zero_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) == 0;
        let modifier = ('\u{1F3FB}'..='\u{1F3FF}').contains(&c);
        if !(zero_width || modifier || previous == Some('\u{200D}')) {
            count += 1;
        }
        previous = Some(c);
    }
    count
}

/// Text the loader would pass as it is: no control character, nothing
/// `sanitise` would take out or replace.
fn assert_safe(field: &str, text: &str) {
    assert!(
        !text.chars().any(char::is_control) && sanitise(text) == text,
        "unsafe text in {field}: {text:?}"
    );
}

/// Every string of a report but the id, with a name for messages.
fn each_text(report: &Report, mut check: impl FnMut(&str, &str)) {
    check("title", &report.title);
    let optional = [
        ("township", &report.township),
        ("county", &report.county),
        ("city", &report.city),
        ("province", &report.province),
        ("published", &report.published),
        ("publisher", &report.publisher),
        ("source", &report.source),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            check(field, value);
        }
    }
    report.preamble.iter().for_each(|p| check("preamble", p));
    for (_, section) in report.outline() {
        check("heading", &section.heading);
        section
            .paragraphs
            .iter()
            .for_each(|p| check("paragraph", p));
    }
}

/// An error about `path`, at line 0 (the file as a whole) or at a 1-based
/// line and column that exist in `bytes` (a column may point just past the
/// end of its line, where something was expected).
fn assert_placed_in(error: &LoadError, path: &Path, bytes: &[u8]) {
    assert_eq!(error.path, path, "{error}");
    assert!(!error.message.is_empty(), "{error:?}");
    if error.line == 0 {
        assert_eq!(error.column, 0, "{error:?}");
        return;
    }
    let line = bytes.split(|&b| b == b'\n').nth(error.line - 1);
    let line = line.unwrap_or_else(|| panic!("{error}: no such line in {bytes:?}"));
    let chars = String::from_utf8_lossy(line).chars().count();
    assert!(
        (1..=chars + 1).contains(&error.column),
        "{error}: no such column in {:?}",
        String::from_utf8_lossy(line)
    );
}

/// A directory of this thread's own for `check_load`'s file (tests run
/// on several threads), removed when the thread ends.
fn scratch_dir() -> PathBuf {
    thread_local! {
        static DIR: tempfile::TempDir = tempfile::tempdir().expect("create a scratch directory");
    }
    DIR.with(|dir| dir.path().to_path_buf())
}

/// Search `library` for `query` in both modes. Typing it one character at
/// a time, and searching with the paragraph filter built, give exactly what
/// a fresh search gives (narrowing and the filter never lose or invent a
/// match); heading matches have highlight positions inside their
/// text; full-text hits are exactly the non-overlapping occurrences a plain
/// count finds in the text folded as full text compares it ([`fold_text`]),
/// each at an offset and length holding the query so folded.
pub fn check_search(library: &baogao_report::library::Library, query: &str) {
    use baogao_search::fulltext::paragraph_text;
    use baogao_search::{FuzzyQuery, Matches, Mode, Searcher};
    let mut typing = Searcher::new(library, usize::MAX);
    typing.prepare();
    for mode in [Mode::Headings, Mode::FullText] {
        typing.forget();
        let mut typed = String::new();
        let mut last = None;
        for c in query.chars() {
            typed.push(c);
            last = Some(typing.search(mode, &typed));
        }
        let fresh = Searcher::new(library, usize::MAX).search(mode, query);
        if let Some(last) = last {
            assert_eq!(
                format!("{:?}", last.matches),
                format!("{:?}", fresh.matches),
                "{mode:?} {query:?}: typed a character at a time"
            );
        }
        typing.forget();
        assert_eq!(
            format!("{:?}", typing.search(mode, query).matches),
            format!("{:?}", fresh.matches),
            "{mode:?} {query:?}: with the paragraph filter"
        );
        match &fresh.matches {
            Matches::Headings { hits, .. } => {
                let index = typing.index();
                for hit in hits.iter().take(50) {
                    let entry = &index.entries()[hit.entry as usize];
                    let chars = index.text(entry).chars().count();
                    let positions = FuzzyQuery::new(query)
                        .map(|q| q.positions(index, entry))
                        .unwrap_or_default();
                    assert!(!positions.is_empty(), "{query:?}: no positions");
                    assert!(
                        positions.iter().all(|&p| p < chars),
                        "{query:?}: {positions:?}"
                    );
                }
            }
            Matches::Text { hits, complete } => {
                let needle = fold_text(query.trim());
                for hit in hits.iter() {
                    let text = paragraph_text(library, hit.report, hit.section, hit.paragraph)
                        .expect("a hit names a paragraph");
                    let at = hit.offset as usize;
                    let found = text.get(at..at + hit.len as usize);
                    assert!(
                        found.is_some_and(|found| fold_text(found) == needle),
                        "{query:?}: hit at {at} holds something else"
                    );
                }
                if *complete && !needle.is_empty() {
                    let expected: usize = library
                        .reports()
                        .iter()
                        .flat_map(|r| {
                            r.preamble
                                .iter()
                                .chain(r.outline().flat_map(|(_, s)| &s.paragraphs))
                        })
                        .map(|p| fold_text(p).matches(needle.as_str()).count())
                        .sum();
                    assert_eq!(hits.len(), expected, "{query:?}: hits counted plainly");
                }
            }
        }
    }
}

/// Text as full-text search compares it, worked out plainly: ASCII letters
/// in lower case, and each full-width form (U+FF01–U+FF5E) of an ASCII
/// punctuation mark as that mark, one character for one.
pub fn fold_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            let narrow = u32::from(c)
                .checked_sub(0xFEE0)
                .and_then(char::from_u32)
                .filter(|n| ('!'..='~').contains(n) && n.is_ascii_punctuation());
            narrow.unwrap_or(c).to_ascii_lowercase()
        })
        .collect()
}
