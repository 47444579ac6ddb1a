//! Ground truth by construction: a query is made from a word, so the
//! entries it should find are known without judging any result. An entry
//! of the heading index (a heading, or a report's title line) is relevant
//! when its text contains the word, and, for a place-narrowed query, when
//! its report is from that year or township.

use crate::queries::Place;
use baogao_report::library::Library;
use baogao_search::SearchIndex;
use std::collections::HashSet;

/// The entries (indices into [`SearchIndex::entries`]) relevant to `word`
/// narrowed to `place`.
pub fn relevant(
    library: &Library,
    index: &SearchIndex,
    word: &str,
    place: Option<&Place>,
) -> HashSet<u32> {
    let reports = library.reports();
    index
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, entry)| index.text(entry).contains(word))
        .filter(|(_, entry)| {
            let report = &reports[entry.report as usize];
            match place {
                None => true,
                Some(Place::Year(year)) => report.year == Some(*year),
                Some(Place::Township(name)) => report.township.as_deref() == Some(name.as_str()),
            }
        })
        .map(|(n, _)| n as u32)
        .collect()
}
