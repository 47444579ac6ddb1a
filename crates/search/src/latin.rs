//! A Latin query term against pinyin keys: full pinyin ("zhaoshang"),
//! initials ("zsyz"), or any mix and split of the two ("zhaosyz", "lvse").
//!
//! The term is cut into pieces, each a non-empty prefix of one spelling of
//! a character (see `pinyin.rs`). Three tiers, tried in order:
//!
//! - **close**: the pieces fall on consecutive characters (a word as
//!   written);
//! - **typo** (terms of at least [`TYPO_MIN`] letters): the same, with one
//!   letter of the term transposed, missing or extra;
//! - **weak**: the pieces fall on characters in order but apart, with other
//!   characters between them (`apart.rs`).
//!
//! Each tier's best cut is found by dynamic programming over the text's
//! characters, with no allocation per text.

use super::apart::Apart;
use super::pinyin::{PinyinArena, PinyinKey, letter_bit};
use super::weights::{
    AT_START, COMMON_PAIR, COMMON_PAIR_SHORT, CONSECUTIVE, EDIT, LETTER, PARTIAL, PIECE,
    RARE_READING, SHORT_TERM, WHOLE_SYLLABLE,
};
use crate::MatchKind;
use std::ops::Range;

/// Shortest term that may match with a typo. A typo in a shorter term
/// leaves three or four letters that say little: "dagn" or "dnag" would
/// take any two characters read d…/n…, and at four letters an edit turns
/// most initials into others. At five a term is two syllables typed in full
/// ("gaige", "jiuye") or more, and one edit still leaves four letters in
/// their places.
pub(crate) const TYPO_MIN: usize = 5;

pub(super) const NONE: i32 = i32::MIN / 4;

/// The layers of the consecutive dynamic programme: runs with no edit, with
/// their one edit made, and with a swap across two syllables waiting for
/// the next character.
const EXACT: usize = 0;
const EDITED: usize = 1;
const SWAPPED: usize = 2;
const LAYERS: usize = 3;

/// How many letters of `syllable` are its initial: "zh", "ch", "sh", or
/// the first letter; and "ly", "ny" of ü spelled "yu" (lyu), whose "y"
/// starts the one vowel ("lyse" is 绿色). A piece followed by another must
/// be the whole
/// syllable or at most its initial, the two ways a syllable is typed (zsyz,
/// zhaosyz, zhsyz). One that stops in between ("jin" of jing, "chu" of
/// chuang) is not how anyone types the word they mean: "chuxin" is 出新,
/// not 创新, and "jinchi" is 坚持 with a letter left out (a typo), not 境治.
/// The last piece may stop anywhere: the query may be unfinished.
pub(super) fn initial(syllable: &[u8]) -> usize {
    if syllable.len() > 2 && matches!(&syllable[..2], b"zh" | b"ch" | b"sh" | b"ly" | b"ny") {
        2
    } else {
        1
    }
}

/// What a piece that reaches `end` letters into `syllable` costs in a
/// weak match for stopping short when another piece follows (`inner`):
/// [`PARTIAL`] past its initial (see [`initial`]).
pub(super) fn partial(syllable: &[u8], end: usize, inner: bool) -> i32 {
    if inner && end > initial(syllable) && end < syllable.len() {
        PARTIAL
    } else {
        0
    }
}

/// One spelling of one character, offered to the runs that reach it.
struct Step<'a> {
    syllable: &'a [u8],
    /// The length of the term matched before this character.
    q: usize,
    /// Whether typos are allowed in this run (pieces but the last whole).
    typos: bool,
    /// The run's score before this piece.
    base: i32,
    /// Where the run starts.
    from: u32,
}

/// A match of a term: its tier, score and the matched characters (char
/// indices, ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LatinMatch {
    pub(crate) kind: MatchKind,
    pub(crate) score: i32,
    pub(crate) positions: Vec<usize>,
}

/// Matches one lowercase ASCII term against pinyin keys, reusing its buffers.
#[derive(Debug, Clone)]
pub(crate) struct LatinMatcher {
    query: Vec<u8>,
    query_letters: u64,
    /// What a doubling of how often the library writes a run's characters
    /// together adds ([`COMMON_PAIR`], more for a short term).
    pair_weight: i32,
    /// Consecutive runs, per layer and query length q: the best
    /// score of a run matching `query[..q]` that ends at the previous
    /// character (`cur`) or this one (`next`), and where that run starts.
    cur: Vec<i32>,
    next: Vec<i32>,
    cur_from: Vec<u32>,
    next_from: Vec<u32>,
    /// The weak tier's programme.
    apart: Apart,
}

impl LatinMatcher {
    /// A matcher for `term`; `None` unless it is all ASCII letters and digits.
    pub(crate) fn new(term: &str) -> Option<LatinMatcher> {
        if term.is_empty() || !term.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let query = term.to_ascii_lowercase().into_bytes();
        let query_letters = query.iter().fold(0, |bits, &b| bits | letter_bit(b));
        let m = query.len();
        Some(LatinMatcher {
            query,
            query_letters,
            pair_weight: if m <= SHORT_TERM {
                COMMON_PAIR_SHORT
            } else {
                COMMON_PAIR
            },
            cur: vec![NONE; LAYERS * (m + 1)],
            next: vec![NONE; LAYERS * (m + 1)],
            cur_from: vec![0; LAYERS * (m + 1)],
            next_from: vec![0; LAYERS * (m + 1)],
            apart: Apart::new(m),
        })
    }

    /// Whether the term is long enough to match with a typo.
    pub(crate) fn allows_typos(&self) -> bool {
        self.query.len() >= TYPO_MIN
    }

    /// Whether `key` may match without an edit: every letter of the term
    /// occurs in its readings, and the term's first letter begins one.
    fn may_match(&self, key: PinyinKey) -> bool {
        key.letters & self.query_letters == self.query_letters
            && key.initials & letter_bit(self.query[0]) != 0
    }

    /// Whether `key` may match with one edit: at most one letter of the
    /// term (an extra one) is missing from its readings.
    fn may_match_with_typo(&self, key: PinyinKey) -> bool {
        (self.query_letters & !key.letters).count_ones() <= 1
    }

    /// The tier and score of the best match of `key` (`body_start`: where
    /// the text's words begin, after an ordinal such as "一、"), or `None`.
    pub(crate) fn score(
        &mut self,
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
    ) -> Option<(MatchKind, i32)> {
        let exact = self.may_match(key);
        if exact && let Some((score, _)) = self.run(arena, key, body_start, 0) {
            return Some((MatchKind::Close, score));
        }
        if self.allows_typos()
            && self.may_match_with_typo(key)
            && let Some((score, _)) = self.run(arena, key, body_start, 1)
        {
            return Some((MatchKind::Typo, score));
        }
        if exact && let Some(score) = self.apart.score(&self.query, arena, key, body_start, false) {
            return Some((MatchKind::Weak, score));
        }
        None
    }

    /// The best match of `key` with its positions, or `None`: the same tier
    /// and score as [`LatinMatcher::score`].
    pub(crate) fn find(
        &mut self,
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
    ) -> Option<LatinMatch> {
        let run = |kind, (score, range): (i32, Range<usize>)| LatinMatch {
            kind,
            score,
            positions: range.collect(),
        };
        let exact = self.may_match(key);
        if exact && let Some(found) = self.run(arena, key, body_start, 0) {
            return Some(run(MatchKind::Close, found));
        }
        if self.allows_typos()
            && self.may_match_with_typo(key)
            && let Some(found) = self.run(arena, key, body_start, 1)
        {
            return Some(run(MatchKind::Typo, found));
        }
        if !exact {
            return None;
        }
        let score = self
            .apart
            .score(&self.query, arena, key, body_start, true)?;
        Some(LatinMatch {
            kind: MatchKind::Weak,
            score,
            positions: self
                .apart
                .positions(self.query.len(), key.len as usize, score),
        })
    }

    /// The best cut of the term over consecutive characters with at most
    /// `edits` (0 or 1) edits: its score and the characters it covers.
    ///
    /// With an edit allowed, every piece but the last must be a whole
    /// syllable: typos are looked for in full pinyin, where a slip is
    /// common and still leaves the word recognisable. Among initials and
    /// syllable starts one edit makes another valid cut far too often
    /// ("shiti" would take 设提, she + ti, with the i extra). The last piece
    /// may stop short: the query may be unfinished.
    fn run(
        &mut self,
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
        edits: usize,
    ) -> Option<(i32, Range<usize>)> {
        let m = self.query.len();
        let width = m + 1;
        let typos = edits > 0;
        let layers = if typos { LAYERS } else { 1 };
        self.cur.fill(NONE);
        let first = letter_bit(self.query[0]);
        let second = self.query.get(1).map_or(0, |&b| letter_bit(b));
        let mut live = false;
        let mut result: Option<(i32, Range<usize>)> = None;
        for i in 0..key.len as usize {
            // Without a run under way, only a character whose reading can
            // begin the term is worth a look: one that begins with its first
            // letter, or with an edit its second (the first extra, or the
            // two swapped), or whose second letter is its first (the
            // reading's first letter left out).
            if !live {
                let initials = arena.initials(key, i);
                let can_start = initials & first != 0
                    || typos && (initials & second != 0 || arena.seconds(key, i) & first != 0);
                if !can_start {
                    continue;
                }
            }
            self.next.fill(NONE);
            let start_bonus = if i == 0 || i == body_start {
                AT_START
            } else {
                0
            };
            let primary = arena.primary(key, i);
            for layer in 0..layers {
                // A swap across two syllables may wait at the term's end for
                // the character that takes its first letter.
                let last = if layer == SWAPPED { m } else { m - 1 };
                for q in 0..=last {
                    let base = if q == 0 {
                        if layer != EXACT {
                            continue;
                        }
                        start_bonus
                    } else {
                        let score = self.cur[layer * width + q];
                        if score <= NONE / 2 {
                            continue;
                        }
                        score + CONSECUTIVE
                    };
                    let from = if q == 0 {
                        i as u32
                    } else {
                        self.cur_from[layer * width + q]
                    };
                    for (j, &id) in arena.spellings(key, i).iter().enumerate() {
                        let step = Step {
                            syllable: arena.table.syllable(id),
                            q,
                            typos,
                            base: if j < primary {
                                base
                            } else {
                                base + RARE_READING
                            },
                            from,
                        };
                        match layer {
                            EXACT => self.pieces(&step, EXACT, typos),
                            EDITED => self.pieces(&step, EDITED, false),
                            _ => self.after_swap(&step),
                        }
                    }
                }
            }
            live = false;
            for layer in 0..layers {
                let score = self.next[layer * width + m];
                if layer != SWAPPED && score > NONE / 2 {
                    // The run's characters: how often the library writes
                    // them together counts (see `COMMON_PAIR`).
                    let run = self.next_from[layer * width + m] as usize..i + 1;
                    let score = score + self.pair_weight * arena.run_weight(key, run.clone());
                    if result.as_ref().is_none_or(|(best, _)| score > *best) {
                        result = Some((score, run));
                    }
                }
                let end = if layer == SWAPPED { width } else { m };
                live |= self.next[layer * width + 1..layer * width + end]
                    .iter()
                    .any(|&s| s > NONE / 2);
            }
            std::mem::swap(&mut self.cur, &mut self.next);
            std::mem::swap(&mut self.cur_from, &mut self.next_from);
        }
        result
    }

    /// Keep `score` for a run of `query[..q_end]` in `layer` if it is the
    /// best yet, unless the piece (which reached `end` letters into its
    /// syllable) is not the last and stops short: past the syllable's
    /// initial, or at all with typos allowed (see [`initial`]).
    fn relax(&mut self, step: &Step, layer: usize, q_end: usize, end: usize, score: i32) {
        let m = self.query.len();
        if q_end < m && end < step.syllable.len() && (step.typos || end > initial(step.syllable)) {
            return;
        }
        let slot = layer * (m + 1) + q_end;
        if score > self.next[slot] {
            self.next[slot] = score;
            self.next_from[slot] = step.from;
        }
    }

    /// The score of a piece of `letters` letters of the step's syllable
    /// that reaches `end` letters into it.
    fn piece(step: &Step, letters: usize, end: usize) -> i32 {
        let whole = if end == step.syllable.len() {
            WHOLE_SYLLABLE
        } else {
            0
        };
        step.base + LETTER * letters as i32 + PIECE + whole
    }

    /// Every piece the step's syllable can take from `query[q..]` in
    /// `layer`: exact prefixes, and with `edit` (no edit made yet) those
    /// one edit away, into the edited layers.
    fn pieces(&mut self, step: &Step, layer: usize, edit: bool) {
        let q = step.q;
        let syllable = step.syllable;
        let rest_len = self.query.len() - q;
        let common = |a: &[u8], b: &[u8]| a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let c0 = common(syllable, &self.query[q..]);
        for p in 1..=c0 {
            self.relax(step, layer, q + p, p, Self::piece(step, p, p));
        }
        if !edit {
            return;
        }
        // An extra letter in the term, where it first differs.
        if c0 < rest_len {
            let c1 = common(&syllable[c0..], &self.query[q + c0 + 1..]);
            for j in 0..=c1 {
                if c0 + j > 0 {
                    let score = Self::piece(step, c0 + j, c0 + j) + EDIT;
                    self.relax(step, EDITED, q + c0 + 1 + j, c0 + j, score);
                }
            }
        }
        // The syllable's last letter missing before the next piece ("jin"
        // for jing in "jinchi").
        if c0 > 0 && c0 + 1 == syllable.len() && q + c0 < self.query.len() {
            let score = Self::piece(step, c0, syllable.len()) + EDIT;
            self.relax(step, EDITED, q + c0, syllable.len(), score);
        }
        // Another letter missing from the term.
        if c0 + 1 < syllable.len() {
            let c1 = common(&syllable[c0 + 1..], &self.query[q + c0..]);
            for j in 1..=c1 {
                let score = Self::piece(step, c0 + j, c0 + 1 + j) + EDIT;
                self.relax(step, EDITED, q + c0 + j, c0 + 1 + j, score);
            }
        }
        // Two letters of the syllable swapped.
        if c0 + 1 < syllable.len()
            && self.at(q + c0) == Some(syllable[c0 + 1])
            && self.at(q + c0 + 1) == Some(syllable[c0])
        {
            let c1 = common(&syllable[c0 + 2..], &self.query[q + c0 + 2..]);
            for j in 0..=c1 {
                let score = Self::piece(step, c0 + 2 + j, c0 + 2 + j) + EDIT;
                self.relax(step, EDITED, q + c0 + 2 + j, c0 + 2 + j, score);
            }
        }
        // The syllable's last letter swapped with the next one's first
        // ("danjgian" for dang + jian): the next character must begin with
        // the letter typed before this one's last.
        if c0 + 1 == syllable.len()
            && self.at(q + c0).is_some_and(|x| x != syllable[c0])
            && self.at(q + c0 + 1) == Some(syllable[c0])
        {
            let score = Self::piece(step, syllable.len(), syllable.len()) + EDIT;
            let slot = SWAPPED * (self.query.len() + 1) + q + c0 + 2;
            if score > self.next[slot] {
                self.next[slot] = score;
                self.next_from[slot] = step.from;
            }
        }
    }

    /// The term's letter at `i`, if it has one.
    fn at(&self, i: usize) -> Option<u8> {
        self.query.get(i).copied()
    }

    /// A piece after a swap across syllables: the syllable must begin with
    /// the letter typed early (`query[q - 2]`), and may go on with
    /// `query[q..]`.
    fn after_swap(&mut self, step: &Step) {
        let q = step.q;
        let syllable = step.syllable;
        if q < 2 || syllable.first() != Some(&self.query[q - 2]) {
            return;
        }
        let more = syllable[1..]
            .iter()
            .zip(&self.query[q..])
            .take_while(|(a, b)| a == b)
            .count();
        for p in 0..=more {
            let score = Self::piece(step, 1 + p, 1 + p);
            self.relax(step, EDITED, q + p, 1 + p, score);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(term: &str, text: &str) -> Option<LatinMatch> {
        let mut arena = PinyinArena::default();
        let key = arena.add(text);
        LatinMatcher::new(term)?.find(&arena, key, 0)
    }

    fn kind(term: &str, text: &str) -> Option<MatchKind> {
        found(term, text).map(|m| m.kind)
    }

    #[test]
    fn the_same_letters_on_fewer_characters_rank_higher() {
        // 丹岗建 reads dan + g(ang) + jian: unbroken too, but a piece more.
        let party = found("dangjian", "抓实党建责任").unwrap();
        let split = found("dangjian", "平安丹岗建设").unwrap();
        assert!(party.score > split.score, "{party:?} {split:?}");
    }

    #[test]
    fn initials_on_consecutive_characters_are_close_and_scattered_ones_weak() {
        assert_eq!(kind("zsyz", "抓好招商引资工作"), Some(MatchKind::Close));
        assert_eq!(
            kind("zsyz", "做好招工与商业引导资金"),
            Some(MatchKind::Weak)
        );
        assert_eq!(kind("lvse", "推动绿色发展"), Some(MatchKind::Close));
        assert_eq!(kind("lyse", "推动绿色发展"), Some(MatchKind::Close));
        assert_eq!(kind("lsfz", "推动绿色发展"), Some(MatchKind::Close));
        assert_eq!(kind("lsfz", "绿化与生态,发展旅游"), Some(MatchKind::Weak));
        assert_eq!(
            found("zhaosyz", "抓好招商引资工作").unwrap().positions,
            [2, 3, 4, 5]
        );
    }

    #[test]
    fn one_transposed_missing_or_extra_letter_is_a_typo() {
        for term in [
            "dangjain",
            "dangjan",
            "dagjian",
            "dangjiian",
            "jingjifazan",
            "fazhna",
            "danjgian",
        ] {
            let text = "抓实党建责任,促经济发展";
            assert_eq!(kind(term, text), Some(MatchKind::Typo), "{term}");
        }
        assert_eq!(found("dangjain", "抓实党建").unwrap().positions, [2, 3]);
        // Two edits, or a short term, are not typos.
        assert_eq!(kind("dnagjain", "抓实党建责任"), None);
        assert_eq!(kind("dagn", "抓实党建责任"), None);
    }

    #[test]
    fn a_typo_ranks_by_the_letters_it_keeps() {
        let typo = found("dangjain", "党建").unwrap();
        let close = found("dangjian", "党建").unwrap();
        assert!(typo.score < close.score);
    }
}
