//! The search engine on the library of `search_library`: ranking, pinyin,
//! highlight positions, full text, narrowing while typing, snippets.

use baogao_layout::{AmbiguousWidth, Widths};
use baogao_search::{FuzzyQuery, Matches, Mode, Searcher, WHOLE_REPORT, snippet};
use baogao_testkit::fixtures::{library_from_dir, search_library, temp_dir, write_json};

/// The texts of the heading results of `query`, best first.
fn headings(searcher: &mut Searcher, query: &str) -> Vec<String> {
    let results = searcher.search(Mode::Headings, query);
    let Matches::Headings { hits, .. } = &results.matches else {
        panic!("heading results expected");
    };
    hits.iter()
        .map(|hit| {
            let entry = &searcher.index().entries()[hit.entry as usize];
            searcher.index().text(entry).to_string()
        })
        .collect()
}

#[test]
fn a_chinese_query_puts_a_heading_that_contains_it_first() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let found = headings(&mut searcher, "招商");
    assert!(found[0].contains("招商"), "{found:?}");
    // Every heading holding 招商 as written ranks above "招才引智，商贸…",
    // where the two characters only occur apart.
    let apart = found.iter().position(|h| h.contains("招才引智"));
    let together = found.iter().rposition(|h| h.contains("招商"));
    assert!(together < apart, "{found:?}");
}

#[test]
fn initials_and_full_pinyin_find_zhaoshang_yinzi() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    for query in ["zsyz", "zhaoshang", "zhaoshangyinzi", "zhaosyz", "ZSYZ"] {
        let found = headings(&mut searcher, query);
        assert!(
            found.first().is_some_and(|h| h.contains("招商引资")),
            "{query}: {found:?}"
        );
    }
}

#[test]
fn nanji_finds_the_nanji_report_first() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let results = searcher.search(Mode::Headings, "nanji");
    let Matches::Headings { hits, .. } = &results.matches else {
        panic!()
    };
    let entry = &searcher.index().entries()[hits[0].entry as usize];
    assert_eq!(entry.section, WHOLE_REPORT);
    let report = &library.reports()[entry.report as usize];
    assert_eq!(report.township.as_deref(), Some("南麂镇"));
}

#[test]
fn dangjian_and_dj_find_the_party_building_headings() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 500);
    let full = headings(&mut searcher, "dangjian");
    assert!(full[0].contains("党建"), "{full:?}");
    let initials = headings(&mut searcher, "dj");
    let with_dangjian = |list: &[String]| list.iter().filter(|h| h.contains("党建")).count();
    assert!(with_dangjian(&full) >= 5, "{full:?}");
    assert_eq!(
        with_dangjian(&initials),
        with_dangjian(&full),
        "{initials:?}"
    );
    assert!(initials[0].contains("党建"), "{initials:?}");
}

#[test]
fn every_reading_of_a_polyphonic_character_matches() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    // 长 chang/zhang, 重 zhong/chong, 绿 lü typed as lv or lu.
    for query in [
        "changxiao",
        "zhangxiao",
        "zhongdian",
        "chongdian",
        "lvse",
        "luse",
    ] {
        let found = headings(&mut searcher, query);
        let expected = if query.starts_with('l') {
            "绿色"
        } else {
            "重点项目长效"
        };
        assert!(
            found.first().is_some_and(|h| h.contains(expected)),
            "{query}: {found:?}"
        );
    }
}

#[test]
fn a_query_that_matches_nothing_returns_nothing() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    for query in ["xyzzyq", "爨", "qqqqqqqqqqqq", "招商zzzzzz"] {
        assert!(headings(&mut searcher, query).is_empty(), "{query}");
        assert!(searcher.search(Mode::FullText, query).is_empty(), "{query}");
    }
}

#[test]
fn highlight_positions_are_the_chinese_characters_matched() {
    let library = search_library();
    let searcher = Searcher::new(&library, 100);
    let index = searcher.index();
    let entry = index
        .entries()
        .iter()
        .find(|e| index.text(e).starts_with("(一)招商引资成效"))
        .expect("test heading indexed");
    // "(一)" is three characters: 招商引资 are 3..7.
    for query in ["zsyz", "zhaoshangyinzi", "招商引资"] {
        let positions = FuzzyQuery::new(query).unwrap().positions(index, entry);
        assert_eq!(positions, vec![3, 4, 5, 6], "{query}");
    }
    let two_terms = FuzzyQuery::new("zs 成效").unwrap().positions(index, entry);
    assert_eq!(two_terms, vec![3, 4, 7, 8]);
}

#[test]
fn all_words_of_a_query_must_match() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let found = headings(&mut searcher, "zsyz shiti");
    assert_eq!(found[0], "(一)深化招商引资，壮大实体经济。");
    assert!(!found.iter().any(|h| h.contains("成效明显")), "{found:?}");
}

#[test]
fn a_heading_shared_by_several_reports_is_found_in_each() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let results = searcher.search(Mode::Headings, "2020年工作总结");
    let Matches::Headings { hits, .. } = &results.matches else {
        panic!()
    };
    let index = searcher.index();
    let reports: Vec<&str> = hits
        .iter()
        .map(|hit| &index.entries()[hit.entry as usize])
        .filter(|entry| index.text(entry) == "一、2020年工作总结")
        .map(|entry| library.reports()[entry.report as usize].id.as_str())
        .collect();
    assert_eq!(
        reports,
        [
            "yuhuan-lupu-2020-work-summary",
            "pingyang-nanji-2020-work-summary"
        ]
    );
    assert!(index.key_count() < index.len());
}

#[test]
fn a_deep_heading_that_matches_well_is_not_buried() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let found = headings(&mut searcher, "垃圾分类");
    assert_eq!(found[0], "二是全面推进垃圾分类,", "{found:?}");
}

/// A term that is not in a heading may name its place: the township (by
/// characters or pinyin) or the year of its report.
#[test]
fn a_term_may_name_the_township_or_year_instead_of_matching_the_heading() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    let place = |searcher: &mut Searcher, query: &str| {
        let results = searcher.search(Mode::Headings, query);
        let Matches::Headings { hits, total, .. } = results.matches else {
            unreachable!()
        };
        assert_eq!(hits.len(), total, "{query}");
        let index = searcher.index();
        hits.iter()
            .map(|hit| {
                let entry = &index.entries()[hit.entry as usize];
                let report = &library.reports()[entry.report as usize];
                (
                    report.township.clone(),
                    report.year,
                    index.text(entry).to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let everywhere = place(&mut searcher, "党建");
    let in_nantang = place(&mut searcher, "党建 南塘");
    assert!(!in_nantang.is_empty() && in_nantang.len() < everywhere.len());
    for (township, _, heading) in &in_nantang {
        assert!(
            township.as_deref() == Some("南塘镇") || heading.contains("南塘"),
            "{heading}"
        );
    }
    // Headings that do not name the town themselves are found by it.
    assert!(in_nantang.iter().any(|(_, _, h)| !h.contains("南塘")));
    let by_pinyin = place(&mut searcher, "党建 nantang");
    assert_eq!(by_pinyin, in_nantang);
    // A year narrows the same way.
    for (_, year, heading) in place(&mut searcher, "党建 2022") {
        assert!(year == Some(2022) || heading.contains("2022"), "{heading}");
    }
    // A place word scores as it does on the township: the 党建 headings of
    // 南塘镇 come before its title, which holds nantang and, loosely, d…j.
    let (_, _, first) = &place(&mut searcher, "dj nantang")[0];
    assert!(first.contains("党建"), "{first}");
    // A year is named from its start: "0" names none, so it must be in the text.
    for (_, _, heading) in place(&mut searcher, "党建 0") {
        assert!(heading.contains('0'), "{heading}");
    }
    // A term alone never matches by place: 南塘 finds texts with 南塘.
    for (_, _, heading) in place(&mut searcher, "南塘") {
        assert!(heading.contains("南塘"), "{heading}");
    }
}

#[test]
fn typing_narrows_to_the_same_results_as_a_fresh_search() {
    let library = search_library();
    for mode in [Mode::Headings, Mode::FullText] {
        for query in [
            "zsyz",
            "dangjian",
            "招商引资",
            "垃圾分类",
            "gdp 增",
            "2020年",
            "党建 南塘",
            "南塘 党建",
            "dj nantang 2022",
            "2022 dj",
            // Typos from five letters, homophones from two characters:
            // the query that first allows one is searched afresh.
            "dangjain",
            "jingjifazan",
            "党健",
            "乡村振新",
            "党健 nantang",
        ] {
            let mut typing = Searcher::new(&library, usize::MAX);
            let mut typed = String::new();
            let mut last = None;
            for c in query.chars() {
                typed.push(c);
                last = Some(typing.search(mode, &typed));
            }
            let fresh = Searcher::new(&library, usize::MAX).search(mode, query);
            let last = last.unwrap();
            assert_eq!(
                format!("{:?}", last.matches),
                format!("{:?}", fresh.matches),
                "{query}"
            );
            // Backspace returns to the earlier result.
            let shorter: String = query.chars().take(query.chars().count() - 1).collect();
            let back = typing.search(mode, &shorter);
            let again = Searcher::new(&library, usize::MAX).search(mode, &shorter);
            assert_eq!(
                format!("{:?}", back.matches),
                format!("{:?}", again.matches)
            );
        }
    }
}

#[test]
fn full_text_finds_every_occurrence_with_its_place() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    let results = searcher.search(Mode::FullText, "垃圾分类");
    let Matches::Text { hits, complete } = &results.matches else {
        panic!()
    };
    assert!(complete);
    let mut expected = 0;
    for report in library.reports() {
        for paragraph in report
            .preamble
            .iter()
            .chain(report.outline().flat_map(|(_, s)| &s.paragraphs))
        {
            expected += paragraph.matches("垃圾分类").count();
        }
    }
    assert_eq!(hits.len(), expected);
    assert!(expected >= 4);
    for hit in hits.iter() {
        let text = baogao_search::fulltext::paragraph_text(
            &library,
            hit.report,
            hit.section,
            hit.paragraph,
        )
        .unwrap();
        assert_eq!(&text[hit.offset as usize..][.."垃圾分类".len()], "垃圾分类");
    }
}

#[test]
fn full_text_ignores_case_for_latin_letters_only() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, 100);
    // "GDP" in the preamble and "Gdp" in a paragraph of the test report.
    assert_eq!(searcher.search(Mode::FullText, "gdp").len(), 2);
    assert_eq!(searcher.search(Mode::FullText, "GDP增长").len(), 1);
}

#[test]
fn snippets_fit_their_width_and_keep_the_hit() {
    let text = "今年以来，我乡紧扣发展主线，招商引资和项目建设齐头并进，全年引进项目12个。";
    let at = text.find("招商引资").unwrap();
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let widths = Widths { ambiguous };
        for width in 8..=80 {
            let cut = snippet(text, at..at + "招商引资".len(), width, widths);
            assert_eq!(&cut.text[cut.hit.clone()], "招商引资");
            assert!(widths.str(&cut.text) <= width, "{width}: {}", cut.text);
            let after_mark = cut
                .text
                .strip_prefix('\u{2026}')
                .and_then(|rest| rest.chars().next());
            assert!(
                !after_mark.is_some_and(baogao_layout::is_closer),
                "{width}: {}",
                cut.text
            );
            if widths.str(text) <= width {
                assert_eq!(cut.text, text);
            }
        }
    }
}

// A term that names a township and matches a heading only loosely counts as
// the place (`zj`: 张家镇), so that heading is not among the keys matched;
// one letter more (`zjx`) names no township and counts as a loose match of
// the text. The longer query must not be narrowed from the shorter one's
// keys, or it would miss what a fresh search finds.
#[test]
fn a_term_that_stops_naming_a_place_is_searched_afresh() {
    let dir = temp_dir();
    for (id, township, heading) in [
        (
            "zizhuang-2021-work-summary",
            "紫庄街道",
            "一、做好基层宣传工作",
        ),
        ("zhangjia-2021-work-summary", "张家镇", "一、抓好安全生产"),
    ] {
        let report = serde_json::json!({
            "schema": 1,
            "id": id,
            "title": format!("{township}2021年工作总结"),
            "township": township,
            "year": 2021,
            "period": "annual",
            "kind": "work-summary",
            "sections": [{ "heading": heading, "paragraphs": ["工作稳步推进。"] }],
        });
        write_json(dir.path(), &format!("{id}.json"), &report);
    }
    let library = library_from_dir(dir.path());
    let mut typing = Searcher::new(&library, usize::MAX);
    typing.search(Mode::Headings, "紫庄 zj");
    let typed = typing.search(Mode::Headings, "紫庄 zjx");
    let fresh = Searcher::new(&library, usize::MAX).search(Mode::Headings, "紫庄 zjx");
    assert_eq!(
        format!("{:?}", typed.matches),
        format!("{:?}", fresh.matches)
    );
    assert!(!fresh.is_empty(), "{fresh:?}");
}
