//! The weak tier of a Latin term (see `latin.rs`): its pieces on
//! characters in order but apart, other characters between them, the way
//! "zsyz" fits 做好招工与商业引导资金. Only what the close and typo tiers
//! did not match comes here.

use super::latin::{NONE, partial};
use super::pinyin::{PinyinArena, PinyinKey, letter_bit};
use super::weights::{AT_START, CONSECUTIVE, GAP, LETTER, PIECE, RARE_READING, WHOLE_SYLLABLE};

/// The buffers of the programme, reused from text to text.
#[derive(Debug, Clone)]
pub(crate) struct Apart {
    /// best[i * (m + 1) + q]: the best score of a match of `query[..q]`
    /// whose last piece ends at character i; filled only when positions are
    /// asked.
    best: Vec<i32>,
    /// Per cell of `best`: the character of the previous piece, and this
    /// piece's length in letters.
    from: Vec<(u32, u8)>,
    row: Vec<i32>,
    next_row: Vec<i32>,
    before: Vec<i32>,
}

impl Apart {
    /// Buffers for a term of `m` letters.
    pub(crate) fn new(m: usize) -> Apart {
        Apart {
            best: Vec::new(),
            from: Vec::new(),
            row: vec![NONE; m + 1],
            next_row: vec![NONE; m + 1],
            before: vec![NONE; m + 1],
        }
    }

    /// The best cut of `query` over `key` with characters skipped between
    /// pieces (with `trace`, the table [`Apart::positions`] walks back). Row i holds, per query
    /// length q, the best score of a match of `query[..q]` ending at
    /// character i; `before` the best ending anywhere earlier than i - 1 (a
    /// gap away).
    pub(crate) fn score(
        &mut self,
        query: &[u8],
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
        trace: bool,
    ) -> Option<i32> {
        let m = query.len();
        let query_letters = query.iter().fold(0, |bits, &b| bits | letter_bit(b));
        let n = key.len as usize;
        if trace {
            self.best.clear();
            self.best.resize(n * (m + 1), NONE);
            self.from.clear();
            self.from.resize(n * (m + 1), (0, 0));
        }
        self.row.fill(NONE);
        self.before.fill(NONE);
        let mut result = NONE;
        // Query lengths above `reach` have no match yet: no need to extend them.
        let mut reach = 0;
        for i in 0..n {
            let initials = arena.initials(key, i);
            if initials & query_letters == 0 && reach == 0 {
                continue;
            }
            self.next_row.fill(NONE);
            let start_bonus = if i == 0 || i == body_start {
                AT_START
            } else {
                0
            };
            let mut next_reach = reach;
            for q in 0..=reach.min(m - 1) {
                if initials & letter_bit(query[q]) == 0 {
                    continue;
                }
                let (base, prev) = if q == 0 {
                    (start_bonus, usize::MAX)
                } else {
                    let consecutive = self.row[q].saturating_add(CONSECUTIVE);
                    let gapped = self.before[q].saturating_add(GAP);
                    if consecutive >= gapped {
                        (consecutive, i.wrapping_sub(1))
                    } else {
                        (gapped, usize::MAX - 1)
                    }
                };
                if base <= NONE / 2 {
                    continue;
                }
                let primary = arena.primary(key, i);
                for (j, &id) in arena.spellings(key, i).iter().enumerate() {
                    let syllable = arena.table.syllable(id);
                    let base = if j < primary {
                        base
                    } else {
                        base + RARE_READING
                    };
                    let rest = &query[q..];
                    let common = syllable
                        .iter()
                        .zip(rest)
                        .take_while(|(a, b)| a == b)
                        .count();
                    for piece in 1..=common {
                        let whole = if piece == syllable.len() {
                            WHOLE_SYLLABLE
                        } else {
                            0
                        };
                        let score = base
                            + LETTER * piece as i32
                            + whole
                            + PIECE
                            + partial(syllable, piece, q + piece < m);
                        if score > self.next_row[q + piece] {
                            self.next_row[q + piece] = score;
                            next_reach = next_reach.max(q + piece);
                            if trace {
                                let prev = match prev {
                                    usize::MAX => i,
                                    p if p == usize::MAX - 1 => self.best_before(m, i, q),
                                    p => p,
                                };
                                self.from[i * (m + 1) + q + piece] = (prev as u32, piece as u8);
                            }
                        }
                    }
                }
            }
            reach = next_reach;
            result = result.max(self.next_row[m]);
            if trace {
                self.best[i * (m + 1)..(i + 1) * (m + 1)].copy_from_slice(&self.next_row);
            }
            // Row i - 1 now lies a gap away from row i + 1.
            for q in 0..=m {
                self.before[q] = self.before[q].max(self.row[q]);
            }
            std::mem::swap(&mut self.row, &mut self.next_row);
        }
        (result > NONE / 2).then_some(result)
    }

    /// The character before `i - 1` where the best match of `query[..q]`
    /// ended (only called while tracing).
    fn best_before(&self, m: usize, i: usize, q: usize) -> usize {
        (0..i.saturating_sub(1))
            .max_by_key(|&j| (self.best[j * (m + 1) + q], std::cmp::Reverse(j)))
            .unwrap_or(0)
    }

    /// The characters of the match of a term of `m` letters that
    /// [`Apart::score`] found with `trace` over a text of `n` characters.
    pub(crate) fn positions(&self, m: usize, n: usize, score: i32) -> Vec<usize> {
        let Some(end) = (0..n).find(|&i| self.best[i * (m + 1) + m] == score) else {
            return Vec::new();
        };
        let mut positions = Vec::new();
        let (mut i, mut q) = (end, m);
        while q > 0 {
            positions.push(i);
            let (prev, piece) = self.from[i * (m + 1) + q];
            q -= piece as usize;
            i = prev as usize;
        }
        positions.reverse();
        positions
    }
}
