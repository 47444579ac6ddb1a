//! Place words: a term may name a report's county, city or province, by
//! characters or pinyin, as it names a township: `党建 苍南`, `dj cangnan`,
//! `党建 浙江`. On a library built in code (`baogao_testkit::reports`) whose
//! reports name their places, two townships of one name among them.

use baogao_report::library::Library;
use baogao_search::{Matches, Mode, Searcher};
use baogao_testkit::reports::{places_library, report};

/// (township, county, province, heading) of every heading hit of `query`.
fn found(
    library: &Library,
    searcher: &mut Searcher,
    query: &str,
) -> Vec<(String, String, String, String)> {
    let results = searcher.search(Mode::Headings, query);
    let Matches::Headings { hits, .. } = results.matches else {
        unreachable!()
    };
    let index = searcher.index();
    hits.iter()
        .map(|hit| {
            let entry = &index.entries()[hit.entry as usize];
            let report = &library.reports()[entry.report as usize];
            let name = |field: &Option<String>| field.clone().unwrap_or_default();
            (
                name(&report.township),
                name(&report.county),
                name(&report.province),
                index.text(entry).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_county_city_or_province_narrows_as_a_township_does() {
    let library = places_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    let everywhere = found(&library, &mut searcher, "党建");
    assert!(everywhere.len() >= library.len(), "{everywhere:?}");
    // A county, by characters or by pinyin.
    let in_cangnan = found(&library, &mut searcher, "党建 苍南");
    assert!(!in_cangnan.is_empty(), "{everywhere:?}");
    assert!(
        in_cangnan
            .iter()
            .all(|(_, county, _, _)| county == "苍南县"),
        "{in_cangnan:?}"
    );
    assert_eq!(found(&library, &mut searcher, "党建 cangnan"), in_cangnan);
    // Initials fit more headings (动经 in 推动经济), all of that county.
    let by_initials = found(&library, &mut searcher, "dj cangnan");
    assert!(
        in_cangnan.iter().all(|hit| by_initials.contains(hit)),
        "{by_initials:?}"
    );
    assert!(
        by_initials
            .iter()
            .all(|(_, county, _, _)| county == "苍南县"),
        "{by_initials:?}"
    );
    // A province: every report of it, and no other.
    let in_zhejiang = found(&library, &mut searcher, "党建 浙江");
    let zhejiang_reports = library
        .reports()
        .iter()
        .filter(|r| r.province.as_deref() == Some("浙江省"))
        .count();
    assert!(in_zhejiang.len() >= zhejiang_reports, "{in_zhejiang:?}");
    assert!(
        in_zhejiang
            .iter()
            .all(|(_, _, province, _)| province == "浙江省"),
        "{in_zhejiang:?}"
    );
    let by_initials = found(&library, &mut searcher, "dj zhejiang");
    assert!(
        by_initials
            .iter()
            .all(|(_, _, province, _)| province == "浙江省"),
        "{by_initials:?}"
    );
    assert!(by_initials.len() >= in_zhejiang.len());
    // A city, with its full name too.
    let in_wenzhou = found(&library, &mut searcher, "党建 温州市");
    assert!(!in_wenzhou.is_empty());
    assert!(
        in_wenzhou
            .iter()
            .all(|(_, county, _, _)| county == "苍南县" || county == "乐清市"),
        "{in_wenzhou:?}"
    );
}

#[test]
fn a_township_and_its_county_pick_one_of_two_townships_of_a_name() {
    let library = places_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    let both = found(&library, &mut searcher, "党建 城关");
    let counties: std::collections::HashSet<&str> = both
        .iter()
        .map(|(_, county, _, _)| county.as_str())
        .collect();
    assert_eq!(counties.len(), 2, "{both:?}");
    let one = found(&library, &mut searcher, "党建 城关 宜君");
    assert!(!one.is_empty());
    assert!(
        one.iter()
            .all(|(township, county, _, _)| township == "城关镇" && county == "宜君县"),
        "{one:?}"
    );
    // A place a report does not name does not find it: 城关 of 浙江 is 苍南's.
    let zhejiang = found(&library, &mut searcher, "党建 城关 浙江");
    assert!(
        zhejiang.iter().all(|(_, county, _, _)| county == "苍南县"),
        "{zhejiang:?}"
    );
}

#[test]
fn a_place_word_alone_matches_text_only_and_an_unplaced_report_is_never_named() {
    let library = places_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    // A lone term must match the text: no heading or title holds 浙江.
    assert!(found(&library, &mut searcher, "浙江").is_empty());
    // The report that names no place is not found by any place.
    for query in ["党建 浙江", "党建 陕西", "党建 湖南", "党建 宜君"] {
        assert!(
            found(&library, &mut searcher, query)
                .iter()
                .all(|(_, _, province, _)| !province.is_empty()),
            "{query}"
        );
    }
}

#[test]
fn typing_a_place_word_gives_what_a_fresh_search_gives() {
    let library = places_library();
    let mut typed = Searcher::new(&library, usize::MAX);
    let query = "党建 zhejiang";
    let ends = query.char_indices().map(|(at, c)| at + c.len_utf8());
    for end in ends {
        let typed_so_far = &query[..end];
        let fresh = found(
            &library,
            &mut Searcher::new(&library, usize::MAX),
            typed_so_far,
        );
        assert_eq!(
            found(&library, &mut typed, typed_so_far),
            fresh,
            "{typed_so_far}"
        );
    }
}

#[test]
fn a_place_named_in_the_heading_still_counts_as_text() {
    // A heading that holds the county's name is found by the text, in any
    // report; one that does not, only in that county's reports.
    let library = Library::new(vec![
        report()
            .township("北浦乡")
            .place("苍南县", "温州市", "浙江省")
            .year(2024)
            .section("一、党建工作", &[])
            .build(),
        report()
            .township("北浦乡")
            .place("嘉善县", "嘉兴市", "浙江省")
            .year(2024)
            .section("一、苍南党建工作交流", &[])
            .build(),
    ]);
    let mut searcher = Searcher::new(&library, usize::MAX);
    let hits = found(&library, &mut searcher, "党建 苍南");
    assert_eq!(hits.len(), 2, "{hits:?}");
}
