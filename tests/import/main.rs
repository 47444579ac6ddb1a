//! The importer: raw bytes of a scraped page to a report.
//!
//! - `decode`: bytes to normalised text (encodings, line ends, controls,
//!   binary files refused).
//! - `seeds`: the five seed reports of `data/raw`, and `data/reports` kept
//!   equal to what the importer makes of them.
//! - `audit`: no sentence of a line kept as text lost, none duplicated, on
//!   every seed, sample and shape text.
//! - `classes`: the failure classes of real pages, on texts written for them.
//! - `judged`: the 32 real excerpts of `tests/data/samples` scored against
//!   `expected.json` (township, year, kind, period, headings at their level,
//!   furniture gone), per file and per set.
//! - `samples`: the first twelve excerpts, checked in more detail (places,
//!   dates, paragraphs), and every sample cut anywhere.
//! - `shapes`: report shapes the samples do not show, one small file each in
//!   `tests/data/shapes`.
//! - `places`: placing the township in the official divisions (unique,
//!   ambiguous, unknown names; 街道/苏木/乡; traditional characters).
//! - `variants`: reports built in the test (numbering styles, traditional
//!   characters, title blocks, PDF damage), and `variants::robustness`
//!   (encodings, one-line pages, degenerate and arbitrary input).
//!
//! Below: the helpers these share, to import a file of the repository and
//! read a report's outline.

mod audit;
mod classes;
mod decode;
mod formats;
mod judged;
mod places;
mod samples;
mod seeds;
mod shapes;
mod variants;

use baogao_import::import_bytes;
use baogao_report::model::{Report, Section};
use baogao_testkit::fixtures::repo_path;
use std::path::PathBuf;

/// Import `dir/<file starting with prefix>` from the repository.
fn import_file(dir: &str, prefix: &str) -> Report {
    let dir = repo_path(dir);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    assert_eq!(
        entries.len(),
        1,
        "one file starting with {prefix} in {}",
        dir.display()
    );
    let path = entries.remove(0);
    let bytes = std::fs::read(&path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    import_bytes(&bytes, &name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn headings(sections: &[Section]) -> Vec<&str> {
    sections.iter().map(|s| s.heading.as_str()).collect()
}

/// Every heading and paragraph of a report, joined: to check what is gone.
fn all_text(report: &Report) -> String {
    let mut out = report.preamble.join("\n");
    let mut stack: Vec<&Section> = report.sections.iter().collect();
    while let Some(s) = stack.pop() {
        out.push('\n');
        out.push_str(&s.heading);
        for p in &s.paragraphs {
            out.push('\n');
            out.push_str(p);
        }
        stack.extend(s.sections.iter());
    }
    out
}

/// Headings start with these (numbering and first words), in order.
fn assert_heads(sections: &[Section], starts: &[&str]) {
    let got = headings(sections);
    assert_eq!(got.len(), starts.len(), "headings {got:#?}");
    for (heading, start) in got.iter().zip(starts) {
        assert!(
            heading.starts_with(start),
            "{heading:?} should start with {start:?}"
        );
    }
}
