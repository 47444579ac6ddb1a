//! Any query, typed one character at a time or searched at once, gives
//! consistent results in both modes: the fuzz target `search`'s invariant
//! (`baogao_testkit::invariants::check_search`) on queries made of what
//! reports hold.

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

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..baogao_testkit::property::config() })]

    /// The fuzz target `search` checks the same on any bytes.
    #[test]
    fn any_query_gives_consistent_results(query in query()) {
        check_search(shared(), &query);
    }
}
