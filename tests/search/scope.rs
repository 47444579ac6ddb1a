//! Searching within one report (`Scope::Report`): headings and full text
//! find that report's matches only, exactly those the library-wide search
//! finds there, prepared or not, and typing never mixes the results of two
//! scopes.

use baogao_report::library::Library;
use baogao_search::{Matches, Mode, Results, Scope, Searcher, WHOLE_REPORT};
use baogao_testkit::fixtures::search_library;

/// The report of the search test data: 招商引资 headings and a preamble.
fn shitang(library: &Library) -> usize {
    library
        .index_of("shitang-2021-work-summary")
        .expect("the search test report is in the library")
}

/// What a result set names, in order: (report, section) per heading
/// result, (report, section, paragraph, offset) per text hit.
fn places(searcher: &Searcher, results: &Results) -> Vec<(u32, u32, u32, u32)> {
    match &results.matches {
        Matches::Headings { hits, .. } => hits
            .iter()
            .map(|hit| {
                let entry = &searcher.index().entries()[hit.entry as usize];
                (entry.report, entry.section, 0, 0)
            })
            .collect(),
        Matches::Text { hits, .. } => hits
            .iter()
            .map(|hit| (hit.report, hit.section, hit.paragraph, hit.offset))
            .collect(),
    }
}

#[test]
fn a_report_scope_finds_that_reports_matches_and_no_others() {
    let library = search_library();
    let report = shitang(&library);
    for (mode, query) in [
        (Mode::Headings, "zsyz"),
        (Mode::Headings, "招商"),
        (Mode::Headings, "shitang"),
        (Mode::Headings, "2021"),
        (Mode::FullText, "招商引资"),
        (Mode::FullText, "gdp"),
        (Mode::FullText, "，"),
    ] {
        for prepared in [false, true] {
            let mut searcher = Searcher::new(&library, usize::MAX);
            if prepared {
                searcher.prepare();
            }
            let everywhere = searcher.search(mode, query);
            let wanted: Vec<_> = places(&searcher, &everywhere)
                .into_iter()
                .filter(|place| place.0 as usize == report)
                .collect();
            let within = searcher.search_in(Scope::Report(report), mode, query);
            assert_eq!(within.scope, Scope::Report(report));
            let found = places(&searcher, &within);
            assert!(!found.is_empty(), "{mode:?} {query}");
            // The same matches, in the order the library-wide search
            // gives them.
            assert_eq!(found, wanted, "{mode:?} {query} prepared {prepared}");
            assert_eq!(within.len(), found.len(), "{mode:?} {query}");
        }
    }
}

#[test]
fn a_report_scope_holds_the_reports_title_entry() {
    let library = search_library();
    let report = shitang(&library);
    let mut searcher = Searcher::new(&library, 100);
    let results = searcher.search_in(Scope::Report(report), Mode::Headings, "工作总结");
    let found = places(&searcher, &results);
    assert!(
        found.contains(&(report as u32, WHOLE_REPORT, 0, 0)),
        "{found:?}"
    );
    assert!(found.iter().all(|place| place.0 as usize == report));
}

#[test]
fn a_report_past_the_end_finds_nothing() {
    let library = search_library();
    for prepared in [false, true] {
        let mut searcher = Searcher::new(&library, 100);
        if prepared {
            searcher.prepare();
        }
        let past = Scope::Report(library.len());
        for mode in [Mode::Headings, Mode::FullText] {
            assert!(searcher.search_in(past, mode, "招商").is_empty());
        }
    }
}

#[test]
fn search_is_search_in_the_library() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    assert_eq!(Scope::default(), Scope::Library);
    for mode in [Mode::Headings, Mode::FullText] {
        let plain = searcher.search(mode, "招商");
        assert_eq!(plain.scope, Scope::Library);
        let scoped = Searcher::new(&library, 100).search_in(Scope::Library, mode, "招商");
        assert_eq!(format!("{plain:?}"), format!("{scoped:?}"));
    }
}

#[test]
fn typing_on_in_another_scope_starts_afresh() {
    let library = search_library();
    let report = Scope::Report(shitang(&library));
    for mode in [Mode::Headings, Mode::FullText] {
        for prepared in [false, true] {
            for (first, then) in [(Scope::Library, report), (report, Scope::Library)] {
                let mut searcher = Searcher::new(&library, usize::MAX);
                if prepared {
                    searcher.prepare();
                }
                // "招" in one scope, then "招商" in the other: the longer
                // query must not narrow from the other scope's results.
                searcher.search_in(first, mode, "招");
                let typed = searcher.search_in(then, mode, "招商");
                let fresh = Searcher::new(&library, usize::MAX).search_in(then, mode, "招商");
                assert_eq!(typed.scope, then);
                assert_eq!(
                    format!("{:?}", typed.matches),
                    format!("{:?}", fresh.matches),
                    "{mode:?} {first:?} then {then:?}"
                );
                // The same query again, back in the first scope, is that
                // scope's answer, not the one just given.
                let back = searcher.search_in(first, mode, "招商");
                let fresh = Searcher::new(&library, usize::MAX).search_in(first, mode, "招商");
                assert_eq!(
                    format!("{:?}", back.matches),
                    format!("{:?}", fresh.matches),
                    "{mode:?} back to {first:?}"
                );
            }
        }
    }
}

#[test]
fn typing_within_a_report_narrows_to_what_a_fresh_search_finds() {
    let library = search_library();
    let report = Scope::Report(shitang(&library));
    for mode in [Mode::Headings, Mode::FullText] {
        for query in ["zsyz", "招商引资", "dangjian", "gdp 增", "党建 石塘"] {
            let mut typing = Searcher::new(&library, usize::MAX);
            let mut typed = String::new();
            let mut last = None;
            for c in query.chars() {
                typed.push(c);
                last = Some(typing.search_in(report, mode, &typed));
            }
            let fresh = Searcher::new(&library, usize::MAX).search_in(report, mode, query);
            let last = last.expect("a query of some characters");
            assert_eq!(
                format!("{:?}", last.matches),
                format!("{:?}", fresh.matches),
                "{mode:?} {query}"
            );
        }
    }
}
