//! The order of heading hits: tier ([`MatchKind`]) first, so that every
//! close match comes before every homophone, typo and weak one; then score,
//! highest first; then shorter text; then library order. Depth in the
//! outline is not a factor, so a deep heading that matches well is not
//! buried under a weak top-level one.

use super::fuzzy::{KeyScore, PlaceMatches, Scored};
use super::index::SearchIndex;
use crate::MatchKind;
use std::cmp::Reverse;
use std::ops::Range;

/// The hits of a query: the best entries, how many match in all, and how
/// many of those are not weak.
#[derive(Debug, Default)]
pub(crate) struct Ranked {
    pub(crate) hits: Vec<Scored>,
    pub(crate) total: usize,
    pub(crate) close: usize,
}

/// Where a hit ranks: smaller first.
type Order = (MatchKind, Reverse<i32>, u16, u32);

/// The best `limit` entries of the matching keys, best first, and the
/// counts. With `only`, just the entries in that range (one report's) count.
///
/// The entries of a key whose text matched every term share its tier,
/// score and length, so those keys are put in order and only the entries
/// of the keys that reach the first `limit` places are ever listed. A key
/// whose text left terms to name the place scores entry by entry (each
/// place scores as its name fits), and those entries are merged in.
pub(crate) fn best_entries(
    index: &SearchIndex,
    places: &PlaceMatches,
    keys: &mut [KeyScore],
    limit: usize,
    only: Option<&Range<u32>>,
) -> Ranked {
    let entries_of = |key: u32| entries_in(index.entries_of(key), only);
    let chars = |key: &KeyScore| index.keys[key.key as usize].chars;
    let mut total = 0;
    let mut close = 0;
    let mut placed: Vec<(Order, Scored)> = Vec::new();
    let mut whole: Vec<KeyScore> = Vec::with_capacity(keys.len());
    for key in keys.iter() {
        let entries = entries_of(key.key);
        let count = if places.all_in_text(key.text_terms) {
            whole.push(*key);
            entries.len()
        } else {
            let before = placed.len();
            for &entry in entries {
                let report = index.entries[entry as usize].report;
                if let Some(bonus) = places.bonus(key.text_terms, report) {
                    let score = key.score + bonus;
                    let order = (key.kind, Reverse(score), chars(key), entry);
                    let hit = Scored {
                        entry,
                        score,
                        kind: key.kind,
                    };
                    placed.push((order, hit));
                }
            }
            placed.len() - before
        };
        total += count;
        if key.kind != MatchKind::Weak {
            close += count;
        }
    }
    let group = |k: &KeyScore| (k.kind, Reverse(k.score), chars(k));
    whole.sort_unstable_by_key(|k| (group(k), k.key));
    let mut best: Vec<(Order, Scored)> = Vec::with_capacity(limit.min(total));
    for keys in whole.chunk_by(|a, b| group(a) == group(b)) {
        if best.len() >= limit {
            break;
        }
        let start = best.len();
        for key in keys {
            best.extend(entries_of(key.key).iter().map(|&entry| {
                let (kind, score, chars) = group(key);
                let hit = Scored {
                    entry,
                    score: key.score,
                    kind: key.kind,
                };
                ((kind, score, chars, entry), hit)
            }));
        }
        // Equal in tier, score and length: library order.
        best[start..].sort_unstable_by_key(|(order, _)| *order);
    }
    best.truncate(limit);
    if !placed.is_empty() {
        placed.sort_unstable_by_key(|(order, _)| *order);
        placed.truncate(limit);
        best.extend(placed);
        best.sort_by_key(|(order, _)| *order);
        best.truncate(limit);
    }
    Ranked {
        hits: best.into_iter().map(|(_, hit)| hit).collect(),
        total,
        close,
    }
}

/// The part of `entries` (ascending ids) within `range`; all without one.
fn entries_in<'e>(entries: &'e [u32], range: Option<&Range<u32>>) -> &'e [u32] {
    let Some(range) = range else {
        return entries;
    };
    let from = entries.partition_point(|&e| e < range.start);
    let to = entries.partition_point(|&e| e < range.end);
    &entries[from..to]
}
