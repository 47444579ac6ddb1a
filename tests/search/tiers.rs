//! The tiers of heading search on the library of `search_library`: close
//! matches first, then homophones, then typos, then weak (scattered)
//! matches; what each tier forgives, and what it does not.

use baogao_search::{FuzzyQuery, MatchKind, Matches, Mode, Searcher};
use baogao_testkit::fixtures::search_library;

/// The text and tier of every heading result of `query`, best first, and
/// how many are not weak.
fn hits(searcher: &mut Searcher, query: &str) -> (Vec<(String, MatchKind)>, usize) {
    let results = searcher.search(Mode::Headings, query);
    let Matches::Headings { hits, close, .. } = &results.matches else {
        panic!("heading results expected");
    };
    let index = searcher.index();
    let found = hits
        .iter()
        .map(|hit| {
            let entry = &index.entries()[hit.entry as usize];
            (index.text(entry).to_string(), hit.kind)
        })
        .collect();
    (found, *close)
}

#[test]
fn tiers_rank_close_then_homophone_then_typo_then_weak() {
    use MatchKind::{Close, Homophone, Typo, Weak};
    assert!(Close < Homophone && Homophone < Typo && Typo < Weak);
}

#[test]
fn scattered_letters_come_after_every_close_match_and_are_not_counted_close() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    for query in ["zsyz", "lsfz", "招商", "dj"] {
        let (found, close) = hits(&mut searcher, query);
        assert!(
            close > 0 && close < found.len(),
            "{query}: {close} of {}",
            found.len()
        );
        assert!(
            found[..close].iter().all(|(_, k)| *k != MatchKind::Weak),
            "{query}"
        );
        assert!(
            found[close..].iter().all(|(_, k)| *k == MatchKind::Weak),
            "{query}"
        );
    }
    // Initials on consecutive characters: 绿色发展 first, not l…s…f…z
    // apart (力以赴抓 fits too, through a rare reading of 以, and ranks
    // after).
    let (found, close) = hits(&mut searcher, "lsfz");
    let green = found.iter().filter(|(h, _)| h.contains("绿色发展")).count();
    assert!(green >= 3 && green <= close, "{found:?}");
    assert!(
        found[..green].iter().all(|(h, _)| h.contains("绿色发展")),
        "{found:?}"
    );
}

#[test]
fn a_chinese_query_may_skip_one_character_but_not_a_comma() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    // 乡村振兴 is close in "乡村振兴新…" with 兴 skipped, never across a comma.
    let (found, close) = hits(&mut searcher, "乡村兴");
    assert!(close > 0, "{found:?}");
    assert!(
        found[..close].iter().all(|(h, _)| h.contains("乡村振兴")),
        "{found:?}"
    );
    // Two characters must be together: 党的建设 is a weak match of 党建.
    let (found, close) = hits(&mut searcher, "党建");
    assert!(
        found[..close].iter().all(|(h, _)| h.contains("党建")),
        "{found:?}"
    );
    assert!(
        found[close..].iter().any(|(h, _)| h.contains("党的建设")),
        "{found:?}"
    );
}

#[test]
fn a_homophone_slip_finds_the_word_below_what_is_written() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    // 健 for 建 (both jian); 新 (xin) for 兴 (xing), alike under fuzzy pinyin.
    for (query, meant) in [("党健", "党建"), ("乡村振新", "乡村振兴")] {
        let (found, close) = hits(&mut searcher, query);
        assert!(found[0].0.contains(meant), "{query}: {found:?}");
        let holding = found.iter().filter(|(h, _)| h.contains(meant)).count();
        let in_library = searcher
            .index()
            .entries()
            .iter()
            .filter(|e| searcher.index().text(e).contains(meant))
            .count();
        assert_eq!(holding, in_library, "{query}: every heading with {meant}");
        assert!(close >= holding, "{query}");
    }
    let (found, _) = hits(&mut searcher, "党健");
    assert!(found.iter().any(|(_, k)| *k == MatchKind::Homophone));
    // One character is a word of its own: no homophones for it.
    let (found, _) = hits(&mut searcher, "健");
    assert!(found.iter().all(|(h, _)| h.contains('健')), "{found:?}");
}

#[test]
fn the_highlight_of_a_homophone_or_typo_is_the_word_found() {
    let library = search_library();
    let searcher = Searcher::new(&library, 100);
    let index = searcher.index();
    let entry = index
        .entries()
        .iter()
        .find(|e| index.text(e) == "(一)招商引资成效明显，项目建设提速。")
        .expect("test heading indexed");
    for query in [
        "招商引姿",
        "zhaoshangyinzi",
        "zhaoshagnyinzi",
        "zhaoshanyinzi",
    ] {
        let positions = FuzzyQuery::new(query).unwrap().positions(index, entry);
        assert_eq!(positions, [3, 4, 5, 6], "{query}");
    }
}

#[test]
fn a_typo_in_full_pinyin_finds_the_word_below_exact_spellings() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    // A letter swapped (within a syllable or across two), left out, or
    // typed twice.
    for (query, meant) in [
        ("dangjain", "党建"),
        ("danjgian", "党建"),
        ("jingjifazan", "经济发展"),
        ("zhaoshangyyinzi", "招商引资"),
    ] {
        let (found, _) = hits(&mut searcher, query);
        assert!(found[0].0.contains(meant), "{query}: {found:?}");
        assert_eq!(found[0].1, MatchKind::Typo, "{query}");
    }
    // Too short for a typo: four letters, one of them wrong, say too little.
    let (found, _) = hits(&mut searcher, "dnag");
    assert!(
        found.iter().all(|(_, k)| *k != MatchKind::Typo),
        "{found:?}"
    );
    // Two edits are not one.
    let (found, _) = hits(&mut searcher, "dnagjain");
    assert!(!found.iter().any(|(h, _)| h.contains("党建")), "{found:?}");
}

#[test]
fn a_place_word_names_a_township_only_closely() {
    let library = search_library();
    let mut searcher = Searcher::new(&library, usize::MAX);
    // "nantang" names 南塘镇; "nantnag" (a typo) names no town, so it must
    // match the heading, and no 党建 heading holds it.
    let (named, _) = hits(&mut searcher, "党建 nantang");
    assert!(!named.is_empty());
    let (typo, _) = hits(&mut searcher, "党建 nantnag");
    assert!(typo.len() < named.len(), "{typo:?}");
}
