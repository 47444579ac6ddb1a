//! Ranking the headings a document declared without a number (a page's
//! `<h2>`, a Word heading style, bold): against the numbered headings of
//! the same declared level where there are some, else by the declared
//! levels in use; bold, which says no level, one step inside the heading
//! before it.

use super::{Piece, rank_above, rank_below};
use crate::declared::Declared;
use baogao_report::marker::Rank;

/// The rank each declared level has where the document numbers it: an
/// `<h3>` that reads `(一)…` says what rank the page's `<h3>`s are.
#[derive(Debug, Default)]
pub(super) struct LevelRanks(Vec<(u8, Rank)>);

impl LevelRanks {
    pub(super) fn numbered(&mut self, level: u8, rank: Rank) {
        if !self.0.iter().any(|&(l, _)| l == level) {
            self.0.push((level, rank));
        }
    }

    /// The rank of an unnumbered heading declared at `level`: that of the
    /// numbered ones of its level, else one step out per level above the
    /// nearest deeper numbered level, else one step in per level below the
    /// nearest shallower; `None` when no declared level is numbered.
    fn rank_of(&self, level: u8) -> Option<Rank> {
        if let Some(&(_, rank)) = self.0.iter().find(|&&(l, _)| l == level) {
            return Some(rank);
        }
        let deeper = self
            .0
            .iter()
            .filter(|&&(l, _)| l > level)
            .min_by_key(|&&(l, _)| l);
        if let Some(&(l, rank)) = deeper {
            return Some((level..l).fold(rank, |r, _| rank_above(r)));
        }
        let shallower = self
            .0
            .iter()
            .filter(|&&(l, _)| l < level)
            .max_by_key(|&&(l, _)| l);
        shallower.map(|&(l, rank)| (l..level).fold(rank, |r, _| rank_below(r)))
    }
}

/// Ranks the unnumbered headings a document declared at a level (their
/// pieces hold a placeholder). A level the numbered headings calibrate
/// takes their rank; otherwise the declared levels in use rank from the
/// outermost (part, chapter, section…).
pub(super) fn rank_declared(
    pieces: &mut [Piece],
    unnumbered: &[(usize, Declared)],
    ranks: &LevelRanks,
) {
    let mut free_levels: Vec<u8> = unnumbered
        .iter()
        .filter_map(|&(_, d)| match d {
            Declared::Level(level) if ranks.rank_of(level).is_none() => Some(level),
            _ => None,
        })
        .collect();
    free_levels.sort_unstable();
    free_levels.dedup();
    for &(at, said) in unnumbered {
        let Declared::Level(level) = said else {
            continue;
        };
        let rank = ranks.rank_of(level).unwrap_or_else(|| {
            let depth = free_levels.iter().position(|&l| l == level).unwrap_or(0);
            (0..depth).fold(Rank::Part, |r, _| rank_below(r))
        });
        if let Piece::Heading(placeholder, _, _) = &mut pieces[at] {
            *placeholder = rank;
        }
    }
}

/// Ranks the headings declared by bold alone, which says no level: the
/// first ranks one step inside the heading before it (or as a part when
/// none is), and every later one alike, being the same typography.
pub(super) fn rank_bold(pieces: &mut [Piece], unnumbered: &[(usize, Declared)]) {
    let mut bold_rank: Option<Rank> = None;
    for &(at, said) in unnumbered {
        if said != Declared::Bold {
            continue;
        }
        let rank = *bold_rank.get_or_insert_with(|| {
            pieces[..at]
                .iter()
                .rev()
                .find_map(|p| match p {
                    Piece::Heading(rank, _, _) => Some(rank_below(*rank)),
                    Piece::Text(_) => None,
                })
                .unwrap_or(Rank::Part)
        });
        if let Piece::Heading(placeholder, _, _) = &mut pieces[at] {
            *placeholder = rank;
        }
    }
}
