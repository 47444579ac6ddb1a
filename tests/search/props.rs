//! Any query, typed one character at a time or searched at once, gives
//! consistent results in both modes: the fuzz target `search`'s invariant
//! (`baogao_testkit::invariants::check_search`) on queries made of what
//! reports hold, and on queries with the slips that homophone and typo
//! matching forgive.

use baogao_report::library::Library;
use baogao_testkit::fixtures::search_library;
use baogao_testkit::invariants::check_search;
use proptest::prelude::*;
use std::sync::OnceLock;

fn shared() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(search_library)
}

/// Queries made of what reports hold: Chinese, pinyin letters, digits,
/// punctuation, spaces, and anything else.
fn query() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[招商引资党建垃圾分类南麂镇工作总结年]{1,3}",
        "[a-zA-Z]{1,6}",
        "[0-9]{1,4}",
        "[ ,.，。、()（）“”;；:：!！?？%％]{1,2}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 1..4).prop_map(|pieces| pieces.concat())
}

/// Queries as readers slip: pinyin syllables run together with a letter
/// swapped, dropped or doubled (typos from five letters on), and Chinese
/// words with a character read alike put in (homophones from two
/// characters on), alone or beside a place word.
fn slip() -> impl Strategy<Value = String> {
    let syllables = prop::collection::vec(
        prop::sample::select(vec![
            "dang", "jian", "zhao", "shang", "yin", "zi", "xiang", "cun", "zhen", "xing", "jing",
            "ji", "fa", "zhan", "lv", "se", "nan", "tang", "gong", "zuo",
        ]),
        1..5,
    );
    let typed =
        (syllables, any::<prop::sample::Index>(), 0..4usize).prop_map(|(syllables, at, edit)| {
            let mut letters: Vec<char> = syllables.concat().chars().collect();
            let at = at.index(letters.len());
            match edit {
                0 if at + 1 < letters.len() => letters.swap(at, at + 1),
                1 if letters.len() > 1 => {
                    letters.remove(at);
                }
                2 => letters.insert(at, letters[at]),
                _ => {}
            }
            letters.into_iter().collect::<String>()
        });
    let hanzi = "[党当档建健见间乡相村存振镇新兴心招朝商上引资工作]{1,5}";
    let word = prop_oneof![typed, hanzi.prop_map(|s| s)];
    let place = prop::sample::select(vec!["", " 2021", " nantang", " 南塘", " 20"]);
    (word, place).prop_map(|(word, place)| format!("{word}{place}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..baogao_testkit::property::config() })]

    /// The fuzz target `search` checks the same on any bytes.
    #[test]
    fn any_query_gives_consistent_results(query in query()) {
        check_search(shared(), &query);
    }

    /// Typing narrows from the previous query's matches, though a longer
    /// term may now allow a typo or one more homophone.
    #[test]
    fn slips_give_consistent_results(query in slip()) {
        check_search(shared(), &query);
    }
}
