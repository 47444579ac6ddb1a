//! The text-loss audit: on every seed, sample and shape text, each sentence
//! of a line the importer kept as text is in the report, and no sentence
//! stands in the report more often than in the page. A line that is not in
//! the report was dropped by a named rule (`--explain` shows which).

use baogao_import::{Trace, import_checked, rules};
use baogao_report::model::{Report, Section};
use baogao_testkit::fixtures::repo_path;

/// The report's text in reading order: preamble, then each heading and its
/// paragraphs, depth first.
fn in_order(report: &Report) -> String {
    fn walk(sections: &[Section], out: &mut String) {
        for s in sections {
            out.push_str(&s.heading);
            for p in &s.paragraphs {
                out.push_str(p);
            }
            walk(&s.sections, out);
        }
    }
    let mut out = report.preamble.concat();
    walk(&report.sections, &mut out);
    out
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The whole sentences of a line: the pieces between two 。 (and the first
/// piece when the line starts one), 10 characters or more.
fn sentences(line: &str, starts_sentence: bool) -> Vec<String> {
    let pieces: Vec<&str> = line.split('。').collect();
    let last = pieces.len().saturating_sub(1);
    pieces
        .iter()
        .enumerate()
        .filter(|(k, _)| *k < last && (*k > 0 || starts_sentence))
        .map(|(_, p)| squash(p))
        .filter(|p| p.chars().count() >= 10)
        .collect()
}

#[test]
fn no_sentence_is_lost_or_duplicated() {
    let mut checked = 0;
    for dir in ["data/raw", "tests/data/samples", "tests/data/shapes"] {
        let mut paths: Vec<_> = std::fs::read_dir(repo_path(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap();
            let mut trace = Trace::recording();
            let Ok(imported) = import_checked(&bytes, &name, &mut trace) else {
                continue;
            };
            let report = squash(&in_order(&imported.report));
            let page = squash(&String::from_utf8_lossy(&bytes));
            let mut after_end = true;
            for verdict in trace.verdicts() {
                let line = verdict.line.as_str();
                if verdict.rule == rules::TEXT {
                    for sentence in sentences(line, after_end) {
                        checked += 1;
                        // Sentences the PDF repair rejoins or the outline
                        // splits keep their characters in order.
                        assert!(report.contains(&sentence), "{name}: lost {sentence:?}");
                        // At most as often as the page has it (once, when
                        // the page had it broken by a chunk number).
                        let in_page = page.matches(&sentence).count().max(1);
                        assert!(
                            report.matches(&sentence).count() <= in_page,
                            "{name}: duplicated {sentence:?}"
                        );
                    }
                }
                if !line.is_empty() {
                    after_end = line.ends_with('。');
                }
            }
        }
    }
    assert!(checked > 500, "{checked} sentences checked");
}
