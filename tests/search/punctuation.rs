//! Full text takes a punctuation mark in either width for one character:
//! `,` finds `，` and `，` finds `,` (every ASCII mark and its full-width
//! form, U+FF01–U+FF5E). The bundled reports write their marks in ASCII and
//! the search test report in full width, so one library has both. Hits
//! name the text as written: its offset and length, and the snippet marks it.

use baogao_layout::{AmbiguousWidth, Widths};
use baogao_report::library::Library;
use baogao_search::fulltext::paragraph_text;
use baogao_search::{Matches, Mode, Scope, Searcher, TextHit, snippet};
use baogao_testkit::fixtures::{search_library, search_reports};
use std::process::Command;

/// The full-text hits of `query`, with the text each covers.
fn hits<'a>(library: &'a Library, searcher: &mut Searcher, query: &str) -> Vec<(TextHit, &'a str)> {
    hits_in(library, searcher, Scope::Library, query)
}

fn hits_in<'a>(
    library: &'a Library,
    searcher: &mut Searcher,
    scope: Scope,
    query: &str,
) -> Vec<(TextHit, &'a str)> {
    let results = searcher.search_in(scope, Mode::FullText, query);
    let Matches::Text { hits, complete } = &results.matches else {
        panic!("text hits expected");
    };
    assert!(complete);
    hits.iter()
        .map(|hit| {
            let text = paragraph_text(library, hit.report, hit.section, hit.paragraph)
                .expect("a hit names a paragraph");
            let at = hit.offset as usize;
            let covered = text
                .get(at..at + hit.len as usize)
                .expect("a hit covers whole characters of its paragraph");
            (*hit, covered)
        })
        .collect()
}

/// Every paragraph of the library.
fn paragraphs(library: &Library) -> impl Iterator<Item = &String> {
    library.reports().iter().flat_map(|report| {
        report
            .preamble
            .iter()
            .chain(report.outline().flat_map(|(_, s)| &s.paragraphs))
    })
}

#[test]
fn a_mark_finds_itself_in_either_width() {
    let library = search_library();
    for (ascii, full) in [
        (",", "，"),
        ("%", "％"),
        ("(", "（"),
        (":", "："),
        (";", "；"),
    ] {
        let expected: usize = paragraphs(&library)
            .map(|p| p.matches(ascii).count() + p.matches(full).count())
            .sum();
        for prepared in [false, true] {
            let mut searcher = Searcher::new(&library, 100);
            if prepared {
                searcher.prepare();
            }
            for query in [ascii, full] {
                let found = hits(&library, &mut searcher, query);
                assert_eq!(found.len(), expected, "{query} prepared {prepared}");
                assert!(
                    found
                        .iter()
                        .all(|(_, text)| *text == ascii || *text == full),
                    "{query}"
                );
            }
        }
    }
    // Both widths are in the library: the bundled reports write `,`, the
    // test report `，`; each query finds both.
    let mut searcher = Searcher::new(&library, 100);
    let found = hits(&library, &mut searcher, ",");
    assert!(found.iter().any(|(_, text)| *text == ","));
    assert!(found.iter().any(|(_, text)| *text == "，"));
}

#[test]
fn a_phrase_with_the_other_width_is_found_as_written() {
    let library = search_library();
    for prepared in [false, true] {
        let mut searcher = Searcher::new(&library, 100);
        if prepared {
            searcher.prepare();
        }
        // Written `,` in the bundled report, asked with `，`: the hit is
        // shorter than the query.
        let found = hits(&library, &mut searcher, "33个点，完善");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "33个点,完善");
        assert_eq!(found[0].0.len as usize, "33个点,完善".len());
        // Written `，` in the test report, asked with `,`: longer.
        let found = hits(&library, &mut searcher, "实现新突破,签约");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "实现新突破，签约");
        assert_eq!(found[0].0.len as usize, "实现新突破，签约".len());
        // Marks in both widths in one query, letters in either case.
        let found = hits(&library, &mut searcher, "全乡gdp增长6.5％，各项");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "全乡GDP增长6.5%，各项");
    }
}

#[test]
fn a_report_scope_is_punctuation_blind_too() {
    let library = search_library();
    let report = library
        .index_of("shitang-2021-work-summary")
        .expect("the search test report is in the library");
    let expected: usize = library.reports()[report]
        .preamble
        .iter()
        .chain(
            library.reports()[report]
                .outline()
                .flat_map(|(_, s)| &s.paragraphs),
        )
        .map(|p| p.matches('，').count() + p.matches(',').count())
        .sum();
    assert!(expected > 0);
    for prepared in [false, true] {
        let mut searcher = Searcher::new(&library, 100);
        if prepared {
            searcher.prepare();
        }
        let found = hits_in(&library, &mut searcher, Scope::Report(report), ",");
        assert_eq!(found.len(), expected, "prepared {prepared}");
    }
}

#[test]
fn the_snippet_marks_the_text_as_written() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let found = hits(&library, &mut searcher, "实现新突破,签约");
    let (hit, covered) = found[0];
    let text = paragraph_text(&library, hit.report, hit.section, hit.paragraph)
        .expect("a hit names a paragraph");
    let at = hit.offset as usize;
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let widths = Widths { ambiguous };
        for width in 16..=60 {
            let cut = snippet(text, at..at + hit.len as usize, width, widths);
            assert_eq!(&cut.text[cut.hit.clone()], covered, "{width}");
        }
    }
}

#[test]
fn search_command_shows_and_places_the_text_as_written() {
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "--full-text", "--json", "--dir"])
        .arg(search_reports())
        .arg("实现新突破,签约")
        .output()
        .expect("baogao runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("search prints JSON");
    let hits = json.as_array().expect("an array of results");
    assert_eq!(hits.len(), 1, "{json}");
    let snippet = hits[0]["snippet"].as_str().expect("a snippet");
    assert!(snippet.contains("实现新突破，签约"), "{snippet}");
    let paragraph = "全年引进项目12个，总投资8.6亿元，其中亿元以上项目3个。招商引资工作实现新突破，签约落地率达到90%。";
    assert_eq!(
        hits[0]["offset"].as_u64(),
        paragraph.find("实现新突破").map(|at| at as u64)
    );
    assert_eq!(
        hits[0]["length"].as_u64(),
        Some("实现新突破，签约".len() as u64)
    );

    // As text, from the bundled reports: the snippet line holds the phrase
    // with the report's own comma.
    let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(["search", "--full-text", "33个点，完善"])
        .output()
        .expect("baogao runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("33个点,完善"), "{stdout}");
    assert!(
        stdout.contains("[pingyang-nanji-2020-work-summary]"),
        "{stdout}"
    );
}
