//! The words a user would look for in a library's headings, found without a
//! dictionary: runs of 2–4 Chinese characters that recur in headings and
//! stand on their own in the text.
//!
//! The rule (accessor variety): a run of characters is a word when many
//! different characters come before it and many come after it, across the
//! library's headings and paragraphs. 发展 is preceded and followed by
//! dozens of characters; a fragment such as 济发 (of 经济发展) is always
//! followed by 展. A text edge counts as one neighbour. A longer word must
//! also hold together: what follows all but its last character hardly
//! varies, and what precedes all but its first (平安金 fails: 平安 is
//! followed by the start of many place names). Words must be in at least
//! two distinct headings, and a word inside a township's name is left to
//! the place-narrowed queries.
//!
//! The most frequent words are taken (by the number of distinct headings
//! that hold them), at most half of one length, and none inside another
//! (经济发展 and 发展 would judge much the same headings).

use baogao_report::library::Library;
use baogao_report::marker::{is_han, marker, shi_item};
use baogao_search::fulltext::for_each_paragraph_list;
use baogao_search::{SearchIndex, WHOLE_REPORT};
use std::collections::{HashMap, HashSet};

/// Word lengths considered, in characters.
const LENGTHS: std::ops::RangeInclusive<usize> = 2..=4;
/// Distinct headings a word must be in.
const MIN_HEADINGS: usize = 2;
/// Distinct neighbours a word must have on each side.
const MIN_VARIETY: usize = 5;

#[derive(Debug, Default)]
struct Stats {
    headings: usize,
    /// Characters seen before and after it; `None` is a text edge.
    left: HashSet<Option<char>>,
    right: HashSet<Option<char>>,
}

/// Up to `count` frequent words of `library`'s headings, most frequent first.
pub fn frequent(library: &Library, index: &SearchIndex, count: usize) -> Vec<String> {
    let headings: HashSet<&str> = index
        .entries()
        .iter()
        .filter(|entry| entry.section != WHOLE_REPORT)
        .map(|entry| body(index.text(entry)))
        .collect();
    // Candidates: every run of characters of a heading, counted once per heading.
    let mut stats: HashMap<Vec<char>, Stats> = HashMap::new();
    for heading in &headings {
        let mut seen: HashSet<&[char]> = HashSet::new();
        let runs = han_runs(heading);
        for run in &runs {
            for n in LENGTHS {
                seen.extend(run.windows(n));
            }
        }
        for gram in seen {
            stats.entry(gram.to_vec()).or_default().headings += 1;
        }
    }
    stats.retain(|_, s| s.headings >= MIN_HEADINGS);
    // Their neighbours, over headings and paragraphs (each distinct text once).
    let mut texts = headings.clone();
    for report in library.reports() {
        for_each_paragraph_list(report, |_, paragraphs| {
            texts.extend(paragraphs.iter().map(|p| body(p)));
        });
    }
    for text in texts {
        for run in han_runs(text) {
            for n in LENGTHS {
                for (at, gram) in run.windows(n).enumerate() {
                    if let Some(s) = stats.get_mut(gram) {
                        s.left.insert(at.checked_sub(1).map(|i| run[i]));
                        s.right.insert(run.get(at + n).copied());
                    }
                }
            }
        }
    }
    let townships: HashSet<&str> = library
        .reports()
        .iter()
        .filter_map(|r| r.township.as_deref())
        .collect();
    let stands_alone = |s: &Stats| s.left.len().min(s.right.len()) >= MIN_VARIETY;
    // Inside a word the characters hold together: what comes after all
    // but its last character hardly varies (经济发 is followed by 展).
    // Otherwise it runs from one word into the next (平安 + 金…, the start
    // of a place name).
    let holds_together = |gram: &[char]| {
        let n = gram.len();
        n == 2
            || stats
                .get(&gram[..n - 1])
                .is_some_and(|s| s.right.len() < MIN_VARIETY)
                && stats
                    .get(&gram[1..])
                    .is_some_and(|s| s.left.len() < MIN_VARIETY)
    };
    let mut words: Vec<(usize, String)> = stats
        .iter()
        .filter(|(gram, s)| stands_alone(s) && holds_together(gram))
        .map(|(gram, s)| (s.headings, gram.iter().collect::<String>()))
        .filter(|(_, word)| !townships.iter().any(|t| t.contains(word.as_str())))
        .collect();
    words.sort_by(|a, b| {
        (b.0, b.1.chars().count())
            .cmp(&(a.0, a.1.chars().count()))
            .then_with(|| a.1.cmp(&b.1))
    });
    pick(words.into_iter().map(|(_, w)| w), count)
}

/// The first `count` of `ranked` that are not inside one already taken (nor
/// it inside them), at most half of them of any one length.
fn pick(ranked: impl Iterator<Item = String>, count: usize) -> Vec<String> {
    let per_length = count.div_ceil(2);
    let mut taken: Vec<String> = Vec::new();
    let mut lengths: HashMap<usize, usize> = HashMap::new();
    for word in ranked {
        if taken.len() == count {
            break;
        }
        let length = lengths.entry(word.chars().count()).or_default();
        let overlaps = taken.iter().any(|t| t.contains(&word) || word.contains(t));
        if *length < per_length && !overlaps {
            *length += 1;
            taken.push(word);
        }
    }
    taken
}

/// A heading or paragraph without its leading outline marker (一、, (二),
/// 三是…), whose characters would otherwise look like a word.
fn body(text: &str) -> &str {
    let len = marker(text)
        .map(|m| m.len)
        .or_else(|| shi_item(text).map(|(_, len)| len))
        .unwrap_or(0);
    text.get(len..).unwrap_or(text)
}

/// The maximal runs of Chinese characters in `text`.
fn han_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = vec![Vec::new()];
    for c in text.chars() {
        if is_han(c) {
            if let Some(run) = runs.last_mut() {
                run.push(c);
            }
        } else if runs.last().is_some_and(|run| !run.is_empty()) {
            runs.push(Vec::new());
        }
    }
    runs.retain(|run| !run.is_empty());
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_and_bodies() {
        assert_eq!(body("一、2020年工作总结"), "2020年工作总结");
        assert_eq!(body("三是推进垃圾分类"), "推进垃圾分类");
        let runs: Vec<String> = han_runs("2020年工作总结,党建")
            .into_iter()
            .map(|r| r.into_iter().collect())
            .collect();
        assert_eq!(runs, ["年工作总结", "党建"]);
    }

    #[test]
    fn the_words_of_the_bundled_reports_follow_the_rule() {
        let library = baogao_testkit::fixtures::bundled_library();
        let searcher = baogao_search::Searcher::new(&library, 10);
        let index = searcher.index();
        let words = frequent(&library, index, 10);
        assert_eq!(words.len(), 10, "{words:?}");
        for word in &words {
            assert!(LENGTHS.contains(&word.chars().count()), "{word}");
            assert!(word.chars().all(is_han), "{word}");
            let headings: HashSet<&str> = index
                .entries()
                .iter()
                .filter(|e| e.section != WHOLE_REPORT)
                .map(|e| index.text(e))
                .filter(|text| text.contains(word.as_str()))
                .collect();
            assert!(headings.len() >= MIN_HEADINGS, "{word}: {headings:?}");
            let others = words.iter().filter(|w| *w != word);
            assert!(others.clone().all(|w| !w.contains(word.as_str())), "{word}");
        }
    }

    #[test]
    fn picking_skips_words_inside_others_and_balances_lengths() {
        let ranked = ["发展", "工作", "经济发展", "建设", "党建", "乡村振兴"];
        let picked = pick(ranked.iter().map(|w| (*w).to_string()), 4);
        assert_eq!(picked, ["发展", "工作", "乡村振兴"]);
    }
}
