//! Pinyin keys and the pinyin matcher: a Latin query finds Chinese text by
//! full pinyin ("zhaoshang"), by initials ("zsyz"), or by any mix of the two
//! ("zhaosyz"), through every reading of a polyphonic character.
//!
//! Each searchable text gets a [`PinyinKey`] once, at index time: for every
//! character, the syllables it can be read as (ids into one shared syllable
//! table); Latin letters and digits stand for themselves. A query matches
//! when it can be cut into pieces, each a prefix of one reading of a
//! character, the characters in text order. [`PinyinMatcher`] finds the
//! best-scoring such cut by dynamic programming, in O(chars × query ×
//! readings) with no allocation per text, and gives the matched character
//! positions for highlighting.

use pinyin::ToPinyinMulti;
use std::collections::HashMap;

/// Score of one query letter consumed by a match: the same as skim's, so that
/// pinyin and direct matches rank on one scale.
pub(super) const LETTER: i32 = 16;
/// A piece that is a whole syllable ("zhao") rather than its start ("zh").
const WHOLE_SYLLABLE: i32 = 4;
/// A character matched right after the previous matched one.
const CONSECUTIVE: i32 = 8;
/// Each matched character: more than [`CONSECUTIVE`], so that the same
/// letters on fewer characters win — "dangjian" is 党建 (dang + jian), not
/// 丹岗建 (dan + g + jian), though both run unbroken.
const PIECE: i32 = -10;
/// Skipping characters between two matched ones.
const GAP: i32 = -6;
/// The first matched character begins the text or its body (after "一、").
pub(super) const AT_START: i32 = 12;

const NONE: i32 = i32::MIN / 4;

/// Longest syllable kept: "zhuang", "chuang" and "shuang" have six letters.
const SYLLABLE_MAX: usize = 7;

/// A syllable's letters, inline (no pointer to chase in the matcher's inner
/// loop), and its length.
#[derive(Debug, Clone, Copy, Default)]
struct Syllable {
    letters: [u8; SYLLABLE_MAX],
    len: u8,
}

impl Syllable {
    fn new(text: &[u8]) -> Syllable {
        let mut letters = [0; SYLLABLE_MAX];
        let len = text.len().min(SYLLABLE_MAX);
        letters[..len].copy_from_slice(&text[..len]);
        Syllable {
            letters,
            len: len as u8,
        }
    }

    fn letters(&self) -> &[u8] {
        &self.letters[..self.len as usize]
    }
}

/// Every syllable any character of the library can be read as, interned.
#[derive(Debug, Default)]
pub(crate) struct SyllableTable {
    syllables: Vec<Syllable>,
    by_text: HashMap<Box<[u8]>, u16>,
    by_char: HashMap<char, (u32, u8)>,
    /// Syllable ids per character, in `by_char`'s ranges.
    char_ids: Vec<u16>,
}

impl SyllableTable {
    fn intern(&mut self, text: &[u8]) -> u16 {
        if let Some(&id) = self.by_text.get(text) {
            return id;
        }
        // Fewer than 1 500 syllables exist even counting every reading.
        let id = u16::try_from(self.syllables.len()).unwrap_or(u16::MAX);
        self.syllables.push(Syllable::new(text));
        self.by_text.insert(text.into(), id);
        id
    }

    /// The readings of `c` as syllable ids, cached per character.
    fn readings(&mut self, c: char) -> (u32, u8) {
        if let Some(&range) = self.by_char.get(&c) {
            return range;
        }
        let mut texts: Vec<Vec<u8>> = Vec::new();
        if c.is_ascii_alphanumeric() {
            texts.push(vec![c.to_ascii_lowercase() as u8]);
        } else if let Some(multi) = c.to_pinyin_multi() {
            for reading in multi {
                for text in spellings(reading.plain()) {
                    if !texts.contains(&text) {
                        texts.push(text);
                    }
                }
            }
        }
        let start = self.char_ids.len() as u32;
        for text in &texts {
            let id = self.intern(text);
            self.char_ids.push(id);
        }
        let range = (start, texts.len().min(u8::MAX as usize) as u8);
        self.by_char.insert(c, range);
        range
    }

    fn syllable(&self, id: u16) -> &[u8] {
        self.syllables[id as usize].letters()
    }
}

/// How a reading can be typed: ü as "v" (the input-method habit) and as "u".
fn spellings(plain: &str) -> Vec<Vec<u8>> {
    if plain.contains('ü') {
        vec![
            plain.replace('ü', "v").into_bytes(),
            plain.replace('ü', "u").into_bytes(),
        ]
    } else {
        vec![plain.as_bytes().to_vec()]
    }
}

/// All texts' readings, stored contiguously: per character a range of
/// syllable ids, per text a range of characters.
#[derive(Debug, Default)]
pub(crate) struct PinyinArena {
    pub(super) table: SyllableTable,
    /// Per character of every text: (first id in `ids`, count).
    chars: Vec<(u32, u8)>,
    /// Per character of every text: the letters its readings begin with, so
    /// the matcher passes over a character that cannot take the next piece
    /// with one test.
    initials: Vec<u64>,
    ids: Vec<u16>,
}

/// One text's pinyin: which characters of the arena are its own, and which
/// letters its readings can offer (to reject a query before matching).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PinyinKey {
    start: u32,
    len: u32,
    /// Bit per letter/digit that occurs anywhere in the readings.
    pub(super) letters: u64,
    /// Bit per letter/digit that begins a reading.
    pub(super) initials: u64,
}

/// The bit of an ASCII letter or digit in [`PinyinKey::letters`].
pub(super) fn letter_bit(byte: u8) -> u64 {
    match byte {
        b'a'..=b'z' => 1 << (byte - b'a'),
        b'0'..=b'9' => 1 << (26 + byte - b'0'),
        _ => 0,
    }
}

impl PinyinArena {
    /// Record the readings of every character of `text`.
    pub(crate) fn add(&mut self, text: &str) -> PinyinKey {
        let start = self.chars.len() as u32;
        let mut key = PinyinKey {
            start,
            ..PinyinKey::default()
        };
        for c in text.chars() {
            let (first, count) = self.table.readings(c);
            let own_start = self.ids.len() as u32;
            let mut initials = 0;
            for &id in &self.table.char_ids[first as usize..first as usize + count as usize] {
                let syllable = self.table.syllable(id);
                initials |= letter_bit(syllable[0]);
                for &byte in syllable {
                    key.letters |= letter_bit(byte);
                }
                self.ids.push(id);
            }
            key.initials |= initials;
            self.chars.push((own_start, count));
            self.initials.push(initials);
        }
        key.len = self.chars.len() as u32 - start;
        key
    }

    fn readings_of(&self, key: PinyinKey, index: usize) -> &[u16] {
        let (first, count) = self.chars[key.start as usize + index];
        &self.ids[first as usize..first as usize + count as usize]
    }
}

/// A match: its score and the matched characters (char indices, ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PinyinMatch {
    pub(crate) score: i32,
    pub(crate) positions: Vec<usize>,
}

/// Matches one lowercase ASCII query against pinyin keys, reusing its buffers.
#[derive(Debug, Clone)]
pub(crate) struct PinyinMatcher {
    query: Vec<u8>,
    query_letters: u64,
    /// best[i * (m + 1) + q]: the best score of a match of `query[..q]`
    /// whose last piece ends at character i; filled only when positions are asked.
    best: Vec<i32>,
    from: Vec<(u32, u8)>,
    row: Vec<i32>,
    next_row: Vec<i32>,
    before: Vec<i32>,
}

impl PinyinMatcher {
    /// A matcher for `query`; `None` unless it is all ASCII letters and digits.
    pub(crate) fn new(query: &str) -> Option<PinyinMatcher> {
        if query.is_empty() || !query.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let query = query.to_ascii_lowercase().into_bytes();
        let query_letters = query.iter().fold(0, |bits, &b| bits | letter_bit(b));
        let m = query.len();
        Some(PinyinMatcher {
            query,
            query_letters,
            best: Vec::new(),
            from: Vec::new(),
            row: vec![NONE; m + 1],
            next_row: vec![NONE; m + 1],
            before: vec![NONE; m + 1],
        })
    }

    /// Whether `key` can possibly match: every query letter occurs in its
    /// readings, and the query's first letter begins one.
    pub(crate) fn may_match(&self, key: PinyinKey) -> bool {
        key.letters & self.query_letters == self.query_letters
            && key.initials & letter_bit(self.query[0]) != 0
    }

    /// The best score of `key` (`body_start`: where the text's words begin,
    /// after an ordinal such as "一、"), or `None` if the query does not match.
    pub(crate) fn score(
        &mut self,
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
    ) -> Option<i32> {
        if !self.may_match(key) {
            return None;
        }
        self.run(arena, key, body_start, false)
            .filter(|&score| score > NONE)
    }

    /// The best match of `key` with its positions, or `None`.
    pub(crate) fn find(
        &mut self,
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
    ) -> Option<PinyinMatch> {
        if !self.may_match(key) {
            return None;
        }
        let score = self.run(arena, key, body_start, true)?;
        let m = self.query.len();
        let end = (0..key.len as usize).find(|&i| self.best[i * (m + 1) + m] == score)?;
        let mut positions = Vec::new();
        let (mut i, mut q) = (end, m);
        while q > 0 {
            positions.push(i);
            let (prev, piece) = self.from[i * (m + 1) + q];
            q -= piece as usize;
            i = prev as usize;
        }
        positions.reverse();
        Some(PinyinMatch { score, positions })
    }

    /// The dynamic programme. Row i holds, per query length q, the best score
    /// of a match of `query[..q]` ending at character i; `before` the best
    /// ending anywhere earlier than i - 1 (a gap away).
    fn run(
        &mut self,
        arena: &PinyinArena,
        key: PinyinKey,
        body_start: usize,
        trace: bool,
    ) -> Option<i32> {
        let m = self.query.len();
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
            let initials = arena.initials[key.start as usize + i];
            if initials & self.query_letters == 0 && reach == 0 {
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
                if initials & letter_bit(self.query[q]) == 0 {
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
                for &id in arena.readings_of(key, i) {
                    let syllable = arena.table.syllable(id);
                    let rest = &self.query[q..];
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
                        let score = base + LETTER * piece as i32 + whole + PIECE;
                        if score > self.next_row[q + piece] {
                            self.next_row[q + piece] = score;
                            next_reach = next_reach.max(q + piece);
                            if trace {
                                let prev = match prev {
                                    usize::MAX => i,
                                    p if p == usize::MAX - 1 => self.best_before(i, q),
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
    fn best_before(&self, i: usize, q: usize) -> usize {
        let m = self.query.len();
        (0..i.saturating_sub(1))
            .max_by_key(|&j| (self.best[j * (m + 1) + q], std::cmp::Reverse(j)))
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(query: &str, text: &str) -> Option<i32> {
        let mut arena = PinyinArena::default();
        let key = arena.add(text);
        PinyinMatcher::new(query)?.score(&arena, key, 0)
    }

    #[test]
    fn the_same_letters_on_fewer_characters_rank_higher() {
        // 丹岗建 reads dan + g(ang) + jian: unbroken too, but a piece more.
        let party = score("dangjian", "抓实党建责任").unwrap();
        let split = score("dangjian", "平安丹岗建设").unwrap();
        assert!(party > split, "{party} <= {split}");
    }

    #[test]
    fn unbroken_initials_rank_above_scattered_ones() {
        let together = score("zsyz", "抓好招商引资工作").unwrap();
        let scattered = score("zsyz", "做好招工与商业引导资金").unwrap();
        assert!(together > scattered, "{together} <= {scattered}");
    }
}
