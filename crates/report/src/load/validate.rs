//! Semantic checks over a loaded set, for `baogao validate`.
//!
//! A file can be valid schema-1 JSON and still be wrong for a library:
//! two files with one id, an id that is not a plain ASCII slug, an empty
//! title or heading, an impossible date, a year no report can have, or a
//! file name that does not match its id. These are reported, never fixed or
//! dropped: the loader keeps every report that parsed. Load errors are not
//! repeated here; the command line prints both.

use super::locate::{self, Step};
use super::{LoadError, Loaded, LoadedReport};
use crate::model::{Report, Section, is_valid_id};
use std::collections::HashMap;

/// Years a township work report can be about: the People's Republic's
/// townships date from 1949, and anything past 2100 is a typo.
const YEARS: std::ops::RangeInclusive<i32> = 1949..=2100;

/// Every semantic problem in `loaded`, in path order and, within a file, in
/// line and column order.
pub fn validate(loaded: &Loaded) -> Vec<LoadError> {
    let mut indices_by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, loaded_report) in loaded.reports.iter().enumerate() {
        indices_by_id
            .entry(&loaded_report.report.id)
            .or_default()
            .push(index);
    }
    let mut problems: Vec<LoadError> = Vec::new();
    for (index, loaded_report) in loaded.reports.iter().enumerate() {
        let mut found = check_report(&loaded_report.report);
        let same_id = &indices_by_id[loaded_report.report.id.as_str()];
        if same_id.len() > 1 {
            // Name one other file and count the rest: listing them all would
            // make n copies of an id print n² paths.
            let first_other = if same_id[0] == index {
                same_id[1]
            } else {
                same_id[0]
            };
            let message = format!(
                "duplicate id `{}`: also in {}{}",
                loaded_report.report.id.escape_debug(),
                loaded.reports[first_other].path.display(),
                more_files(same_id.len() - 2)
            );
            found.insert(0, Problem::at(vec![Step::Key("id")], message));
        }
        problems.extend(place(loaded_report, found));
    }
    sort_by_place(&mut problems);
    problems
}

/// Order problems by file, then line and column: the order a reader goes
/// through a file in, whatever order the checks ran in. Problems without a
/// place in the file (line 0) come first.
pub fn sort_by_place(problems: &mut [LoadError]) {
    problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
}

/// " and N other file(s)", or nothing when N is 0.
fn more_files(count: usize) -> String {
    match count {
        0 => String::new(),
        1 => " and 1 other file".to_string(),
        _ => format!(" and {count} other files"),
    }
}

/// A problem found in a report, with the JSON path of the value at fault
/// when there is one.
struct Problem {
    at: Option<Vec<Step>>,
    message: String,
}

impl Problem {
    fn at(path: Vec<Step>, message: String) -> Self {
        Problem {
            at: Some(path),
            message,
        }
    }
}

fn check_report(report: &Report) -> Vec<Problem> {
    let mut found = Vec::new();
    let id_is_valid = is_valid_id(&report.id);
    if !id_is_valid {
        found.push(Problem::at(
            vec![Step::Key("id")],
            format!(
                "id `{}` must be lowercase ASCII letters, digits and hyphens, \
                 starting with a letter or digit, and not a Windows device name",
                report.id.escape_debug()
            ),
        ));
    }
    if report.title.trim().is_empty() {
        found.push(Problem::at(vec![Step::Key("title")], "empty title".into()));
    }
    if let Some(year) = report.year.filter(|year| !YEARS.contains(year)) {
        found.push(Problem::at(
            vec![Step::Key("year")],
            format!("year {year} is outside {}..={}", YEARS.start(), YEARS.end()),
        ));
    }
    if let Some(published) = report
        .published
        .as_deref()
        .filter(|date| !is_valid_date(date))
    {
        found.push(Problem::at(
            vec![Step::Key("published")],
            format!(
                "published `{}` is not a valid YYYY-MM-DD date",
                published.escape_debug()
            ),
        ));
    }
    let mut path = vec![Step::Key("sections")];
    check_headings(&report.sections, &mut path, &mut found);
    found
}

/// Report every empty heading, depth first in file order, with its JSON path.
fn check_headings(sections: &[Section], path: &mut Vec<Step>, found: &mut Vec<Problem>) {
    for (index, section) in sections.iter().enumerate() {
        path.push(Step::Index(index));
        if section.heading.trim().is_empty() {
            let mut at = path.clone();
            at.push(Step::Key("heading"));
            let message = format!("empty heading at {}", describe(path));
            found.push(Problem::at(at, message));
        }
        path.push(Step::Key("sections"));
        check_headings(&section.sections, path, found);
        path.pop();
        path.pop();
    }
}

/// A JSON path as people write it: `sections[0].sections[2]`.
fn describe(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(key) if text.is_empty() => text.push_str(key),
            Step::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// Attach file positions to one report's problems, and add the file-name
/// check, which has no position. Positions need the file's text, so it is
/// read again (only for files with problems); when it cannot be read, or no
/// longer holds the report that was loaded (embedded reports, edited files),
/// the problems name the file only.
fn place(loaded_report: &LoadedReport, mut found: Vec<Problem>) -> Vec<LoadError> {
    let LoadedReport { path, report } = loaded_report;
    let expected_name = format!("{}.json", report.id);
    if is_valid_id(&report.id)
        && path.file_name().and_then(|name| name.to_str()) != Some(expected_name.as_str())
    {
        found.push(Problem {
            at: None,
            message: format!("file name should be `{expected_name}` to match its id"),
        });
    }
    if found.is_empty() {
        return Vec::new();
    }
    let text = found
        .iter()
        .any(|problem| problem.at.is_some())
        .then(|| std::fs::read_to_string(path).ok())
        .flatten()
        .filter(|text| super::parse_report(text, path).ok().as_ref() == Some(report));
    // Columns count from after a byte-order mark, as the loader's do (and
    // as editors show them).
    let positions = match &text {
        Some(text) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let paths: Vec<&[Step]> = found
                .iter()
                .map(|problem| problem.at.as_deref().unwrap_or_default())
                .collect();
            locate::positions_of_values(text, &paths)
        }
        None => vec![None; found.len()],
    };
    found
        .into_iter()
        .zip(positions)
        .map(|(problem, position)| {
            // A problem with no path is about the file as a whole.
            let position = position.filter(|_| problem.at.is_some());
            let (line, column) = position.unwrap_or((0, 0));
            LoadError::at(path, line, column, problem.message)
        })
        .collect()
}

fn is_valid_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |value, &digit| {
            digit
                .is_ascii_digit()
                .then(|| value * 10 + u32::from(digit - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day)) = (
        number(&bytes[..4]),
        number(&bytes[5..7]),
        number(&bytes[8..]),
    ) else {
        return false;
    };
    let Some(days) = crate::model::days_in_month(year, month) else {
        return false;
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        for good in ["2022-02-16", "2020-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_valid_date(good), "{good}");
        }
        let bad = [
            "2021-02-29",
            "1900-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-04-31",
            "2022-4-1",
            "2022/04/01",
            "2022-04-01 ",
            "二〇二二-04-01",
            "",
            "2022-04-00",
        ];
        for bad in bad {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn heading_paths_read_like_json() {
        let path = [
            Step::Key("sections"),
            Step::Index(0),
            Step::Key("sections"),
            Step::Index(2),
        ];
        assert_eq!(describe(&path), "sections[0].sections[2]");
    }
}
