//! Relevance metrics of a ranked result list against the set of results
//! that were meant: precision at k, recall and reciprocal rank. The
//! relevance benchmark (`examples/relevance/`) averages them per kind of
//! query; a search test may use them to hold a query to a floor.
//!
//! A result is anything comparable (the benchmark uses entry indices of the
//! heading index). A ranked list is best first and holds no result twice.
//! Every metric is 0 when nothing is relevant: such a query measures
//! nothing, and the benchmark leaves it out rather than average it in.

use std::collections::HashSet;
use std::hash::Hash;

/// Of the first `k` results, the share that is relevant, out of what could
/// be: divided by `k`, or by the number of relevant results when there are
/// fewer than `k` of them, so that a query with three relevant results all
/// at the top scores 1, not 0.3.
pub fn precision_at<T: Eq + Hash>(k: usize, ranked: &[T], relevant: &HashSet<T>) -> f64 {
    let possible = k.min(relevant.len());
    if possible == 0 {
        return 0.0;
    }
    let found = ranked
        .iter()
        .take(k)
        .filter(|r| relevant.contains(r))
        .count();
    found as f64 / possible as f64
}

/// The share of the relevant results that the list holds, at any rank.
pub fn recall<T: Eq + Hash>(ranked: &[T], relevant: &HashSet<T>) -> f64 {
    if relevant.is_empty() {
        return 0.0;
    }
    let found = ranked.iter().filter(|r| relevant.contains(r)).count();
    found as f64 / relevant.len() as f64
}

/// 1 / the rank of the first relevant result (1 for the first place), or 0
/// when the list holds none. Its mean over queries is the mean reciprocal
/// rank (MRR).
pub fn reciprocal_rank<T: Eq + Hash>(ranked: &[T], relevant: &HashSet<T>) -> f64 {
    ranked
        .iter()
        .position(|r| relevant.contains(r))
        .map_or(0.0, |at| 1.0 / (at + 1) as f64)
}

/// The mean of `values`, 0 for none.
pub fn mean(values: impl IntoIterator<Item = f64>) -> f64 {
    let (sum, count) = values
        .into_iter()
        .fold((0.0, 0usize), |(sum, count), v| (sum + v, count + 1));
    if count == 0 { 0.0 } else { sum / count as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[u32]) -> HashSet<u32> {
        items.iter().copied().collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_small_list_by_hand() {
        // Relevant: 1, 2, 3. Ranked: 5, 1, 7, 2, 9 (1 at rank 2, 2 at rank 4).
        let ranked = [5, 1, 7, 2, 9];
        let relevant = set(&[1, 2, 3]);
        // Two found in the first ten, of three possible.
        assert!(close(precision_at(10, &ranked, &relevant), 2.0 / 3.0));
        // One in the first two, of two possible.
        assert!(close(precision_at(2, &ranked, &relevant), 1.0 / 2.0));
        assert!(close(precision_at(1, &ranked, &relevant), 0.0));
        assert!(close(recall(&ranked, &relevant), 2.0 / 3.0));
        assert!(close(recall(&ranked[..3], &relevant), 1.0 / 3.0));
        assert!(close(reciprocal_rank(&ranked, &relevant), 0.5));
    }

    #[test]
    fn precision_at_ten_divides_by_ten_when_more_are_relevant() {
        let relevant: HashSet<u32> = (0..20).collect();
        // Four relevant among the first ten, then more past the tenth.
        let ranked = [0, 100, 1, 101, 2, 102, 3, 103, 104, 105, 4, 5];
        assert!(close(precision_at(10, &ranked, &relevant), 0.4));
        assert!(close(recall(&ranked, &relevant), 6.0 / 20.0));
        // A short list that is all relevant still misses what it lacks.
        assert!(close(precision_at(10, &[7, 8], &relevant), 0.2));
    }

    #[test]
    fn the_first_place_and_nothing_found() {
        let relevant = set(&[4]);
        assert!(close(reciprocal_rank(&[4, 1], &relevant), 1.0));
        assert!(close(precision_at(10, &[4, 1], &relevant), 1.0));
        assert!(close(recall(&[4], &relevant), 1.0));
        for ranked in [&[][..], &[1, 2, 3][..]] {
            assert!(close(precision_at(10, ranked, &relevant), 0.0));
            assert!(close(recall(ranked, &relevant), 0.0));
            assert!(close(reciprocal_rank(ranked, &relevant), 0.0));
        }
    }

    #[test]
    fn nothing_relevant_scores_zero() {
        let none = HashSet::new();
        assert!(close(precision_at(10, &[1, 2], &none), 0.0));
        assert!(close(recall(&[1, 2], &none), 0.0));
        assert!(close(reciprocal_rank(&[1, 2], &none), 0.0));
    }

    #[test]
    fn means() {
        assert!(close(mean([1.0, 0.5, 0.0]), 0.5));
        assert!(close(mean(std::iter::empty()), 0.0));
    }
}
