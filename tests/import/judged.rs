//! The 32 real excerpts of `tests/data/samples`, judged against
//! `expected.json` (what their README says a correct import gives) and
//! scored the way real pages are scored: a point each for the township, the
//! year, the kind and the period, one for each heading found at its level,
//! and one for each line of site furniture that is gone.
//!
//! `cargo test --test import judged -- --nocapture` prints the score of
//! every file and of each set (01–12, 13–32).

use crate::{all_text, import_file};
use baogao_report::model::{Report, Section};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    file: String,
    /// `None`: the README names no title (the page has none).
    title: Option<String>,
    /// Every value accepted; `null` among them accepts no township.
    township: Vec<Option<String>>,
    year: Vec<Option<i32>>,
    /// `None`: not checked (a five-year report has no one period).
    period: Option<String>,
    kind: Vec<String>,
    headings: Vec<ExpectedHeading>,
    furniture: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectedHeading {
    level: usize,
    text: String,
}

/// Points won and possible for one file, with what was missed.
#[derive(Debug, Default)]
struct Score {
    won: usize,
    of: usize,
    missed: Vec<String>,
}

impl Score {
    fn point(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.of += 1;
        if ok {
            self.won += 1;
        } else {
            self.missed.push(what());
        }
    }
}

fn expected() -> Vec<Expected> {
    let path = baogao_testkit::fixtures::repo_path("tests/data/samples/expected.json");
    let json = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every heading with its level (1 = a top-level section).
fn leveled(sections: &[Section], level: usize, out: &mut Vec<(usize, String)>) {
    for s in sections {
        out.push((level, squash(&s.heading)));
        leveled(&s.sections, level + 1, out);
    }
}

fn score(report: &Report, want: &Expected) -> Score {
    let mut score = Score::default();
    let township = report.township.clone();
    score.point(want.township.contains(&township), || {
        format!("township {township:?}")
    });
    score.point(want.year.contains(&report.year), || {
        format!("year {:?}", report.year)
    });
    let kind = report.kind.as_str();
    score.point(want.kind.iter().any(|k| k == kind), || {
        format!("kind {kind}")
    });
    if let Some(period) = &want.period {
        let got = report.period.as_str();
        score.point(got == period, || format!("period {got}"));
    }
    let mut got = Vec::new();
    leveled(&report.sections, 1, &mut got);
    for heading in &want.headings {
        let text = squash(&heading.text);
        let found = got.iter().any(|(l, h)| *l == heading.level && *h == text);
        score.point(found, || {
            format!("heading at level {}: {}", heading.level, heading.text)
        });
    }
    let text = all_text(report);
    for line in &want.furniture {
        score.point(!text.contains(line.as_str()), || {
            format!("furniture kept: {line}")
        });
    }
    score
}

/// Files that do not yet import as their README says; shrinks to empty.
const NOT_YET: &[&str] = &[];

#[test]
fn the_32_samples_score_as_their_readme_says() {
    let mut sets = [(0, 0), (0, 0)];
    let mut wrong = Vec::new();
    for want in expected() {
        let report = import_file("tests/data/samples", &want.file);
        let mut score = score(&report, &want);
        if let Some(title) = &want.title {
            // Not a point of the real pages' score, but the README's word.
            if report.title != *title {
                score.missed.push(format!("title {:?}", report.title));
            }
        }
        let set = usize::from(want.file.as_str() >= "13_");
        sets[set].0 += score.won;
        sets[set].1 += score.of;
        eprintln!(
            "{} {:>2}/{:<2} {}",
            want.file,
            score.won,
            score.of,
            score.missed.join(" · ")
        );
        if !score.missed.is_empty() && !NOT_YET.contains(&want.file.as_str()) {
            wrong.push(format!("{}: {}", want.file, score.missed.join(" · ")));
        }
    }
    for (name, (won, of)) in ["01–12", "13–32"].iter().zip(sets) {
        eprintln!(
            "set {name}: {won}/{of} = {:.1} %",
            100.0 * won as f64 / of as f64
        );
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
