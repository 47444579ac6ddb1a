//! A term's own characters in a text (its "direct" match), by tier:
//!
//! - **close**: the characters in order, each right after the one before
//!   or, in a term of three characters or more, one character later (招商引资
//!   in 招商和引资), but never across punctuation or a space, which end a
//!   phrase;
//! - **homophone** (terms of two Chinese characters or more): an unbroken
//!   run where a few of the term's characters are stood for by characters
//!   read alike (党健 finds 党建: 健 and 建 are both jian), the rest by
//!   themselves;
//! - **weak**: the characters in order anywhere (skim's fuzzy match), the
//!   way a word scattered over a heading still matches.

use super::pinyin::{PinyinArena, PinyinKey, SyllableTable};
use super::weights::{
    ALIKE_SOUND, AT_START, CLAUSE_START, COMMON_PAIR, CONSECUTIVE, GAP, LETTER, RARE_SOUND,
    SAME_SOUND, UNBROKEN,
};
use baogao_report::marker::is_han;

const NONE: i32 = i32::MIN / 4;

/// Per this many characters of a term, one may be a homophone (and always
/// one at least): a two- to five-character word may have one slip, a
/// longer one two. More would let a query of common characters match
/// almost any run of characters that merely sound like it.
const CHARS_PER_HOMOPHONE: usize = 3;

/// How many characters of an `m`-character term may be homophones.
pub(crate) fn homophones_allowed(m: usize) -> usize {
    if m < 2 {
        0
    } else {
        (m / CHARS_PER_HOMOPHONE).max(1)
    }
}

/// Shortest term whose close match may skip a character. Two characters
/// with one between are a common pattern across unrelated words (出型 in
/// 突出转型), while three or more in order with one character slipped in
/// are seldom a coincidence (招商和引资).
const GAP_FROM: usize = 3;

/// Whether `c` may stand between two matched characters of a close match:
/// not punctuation, a symbol or a space.
fn joins(c: char) -> bool {
    c.is_alphanumeric()
}

/// What a character is worth as the first of a match: the start of the
/// text or of its body, or of a clause.
fn start_bonus(text: &[char], i: usize, body_start: usize) -> i32 {
    if i == 0 || i == body_start {
        AT_START
    } else if !joins(text[i - 1]) {
        CLAUSE_START
    } else {
        0
    }
}

/// The readings of one character of a term, as ids in the index's table
/// (readings no character of the library has are left out).
#[derive(Debug, Clone)]
struct CharSounds {
    /// Its most common reading, and that reading's fuzzy class.
    primary: Option<(u16, u16)>,
    /// Every reading, and every fuzzy class.
    all: Vec<u16>,
    classes: Vec<u16>,
}

impl CharSounds {
    fn new(c: char, table: &SyllableTable) -> CharSounds {
        let (all, classes, primary) = table.query_sounds(c);
        CharSounds {
            primary,
            all,
            classes,
        }
    }

    /// What it costs for a text character with the sounds `own` (its most
    /// common first) to stand for this one, or `None` when they do not
    /// sound alike.
    fn cost(&self, own: &[u16], table: &SyllableTable) -> Option<i32> {
        let &first = own.first()?;
        match self.primary {
            Some((sound, _)) if sound == first => return Some(SAME_SOUND),
            Some((_, class)) if class == table.class_of(first) => return Some(ALIKE_SOUND),
            _ => {}
        }
        let shared = own
            .iter()
            .any(|&s| self.all.contains(&s) || self.classes.contains(&table.class_of(s)));
        shared.then_some(RARE_SOUND)
    }
}

/// The readings of a term's characters, for homophones.
#[derive(Debug, Clone)]
pub(crate) struct Sounds {
    chars: Vec<CharSounds>,
    /// The term's characters' [`char_bit`]s.
    bits: Vec<u64>,
    allowed: usize,
}

impl Sounds {
    /// The sounds of `term`, if it may match by homophones: two characters
    /// or more, each with a reading.
    pub(crate) fn new(term: &[char], table: &SyllableTable) -> Option<Sounds> {
        let allowed = homophones_allowed(term.len());
        if allowed == 0 || !term.iter().all(|&c| is_han(c)) {
            return None;
        }
        let chars = term.iter().map(|&c| CharSounds::new(c, table)).collect();
        let bits = term.iter().map(|&c| char_bit(c)).collect();
        Some(Sounds {
            chars,
            bits,
            allowed,
        })
    }

    /// Whether a text holding the characters of `chars_seen` may match:
    /// it has enough of the term's own characters.
    pub(crate) fn may_match(&self, chars_seen: u64) -> bool {
        let own = self.bits.iter().filter(|&&b| chars_seen & b != 0).count();
        own + self.allowed >= self.bits.len()
    }
}

/// A character's bit in a 64-bit set of the characters a text holds
/// (ASCII letters and digits have their own, exact set, `letter_bit`).
pub(crate) fn char_bit(c: char) -> u64 {
    if c.is_ascii_alphanumeric() {
        return 0;
    }
    // Fibonacci hashing: the top six bits of the product pick the bit.
    1 << ((c as u32).wrapping_mul(0x9E37_79B9) >> 26)
}

/// Reusable buffers of the direct matcher, one set per thread.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    text: Vec<char>,
    rows: [Vec<i32>; 3],
    /// With positions asked: per text character and term length, how far
    /// back (1 or 2) the previous matched character is.
    back: Vec<u8>,
}

impl Scratch {
    /// Load `text` as chars.
    pub(crate) fn load(&mut self, text: &str) {
        self.text.clear();
        self.text.extend(text.chars());
    }
}

/// What a term of `chars` characters scores matched unbroken at the start
/// of a text.
pub(crate) fn whole_text_score(chars: usize) -> i32 {
    let chars = i32::try_from(chars).unwrap_or(i32::MAX / (4 * LETTER));
    LETTER * chars + CONSECUTIVE * (chars - 1).max(0) + UNBROKEN + AT_START
}

/// The best close match of `term` in the loaded text: its score and, with
/// `trace`, its positions.
pub(crate) fn near_run(
    scratch: &mut Scratch,
    term: &[char],
    body_start: usize,
    trace: bool,
) -> Option<(i32, Vec<usize>)> {
    let m = term.len();
    let n = scratch.text.len();
    if m == 0 || m > n {
        return None;
    }
    let width = m + 1;
    for row in &mut scratch.rows {
        row.clear();
        row.resize(width, NONE);
    }
    if trace {
        scratch.back.clear();
        scratch.back.resize(n * width, 0);
    }
    let mut best = NONE;
    let mut best_end = 0;
    let Scratch { text, rows, back } = scratch;
    for i in 0..n {
        // rows[0]: ending at i - 2, rows[1]: at i - 1, rows[2]: at i.
        rows[2].fill(NONE);
        let c = text[i];
        let gap_ok = m >= GAP_FROM && i >= 2 && joins(text[i - 1]);
        for k in 1..=m {
            if term[k - 1] != c {
                continue;
            }
            let (score, step) = if k == 1 {
                (start_bonus(text, i, body_start), 0)
            } else {
                let adjacent = rows[1][k - 1].saturating_add(CONSECUTIVE);
                let gapped = if gap_ok {
                    rows[0][k - 1].saturating_add(GAP - UNBROKEN)
                } else {
                    NONE
                };
                if adjacent >= gapped {
                    (adjacent, 1)
                } else {
                    (gapped, 2)
                }
            };
            if score <= NONE / 2 {
                continue;
            }
            rows[2][k] = score + LETTER;
            if trace {
                back[i * width + k] = step;
            }
        }
        if rows[2][m] > best {
            best = rows[2][m];
            best_end = i;
        }
        rows.rotate_left(1);
    }
    if best <= NONE / 2 {
        return None;
    }
    let mut positions = Vec::new();
    if trace {
        let (mut i, mut k) = (best_end, m);
        while k > 0 {
            positions.push(i);
            i -= usize::from(back[i * width + k]);
            k -= 1;
        }
        positions.reverse();
    }
    Some((best + UNBROKEN, positions))
}

/// The best homophone match of a term in the loaded text (whose pinyin is
/// `key`'s): an unbroken run where each term character is matched by
/// itself or by a character that shares a reading, or one alike under
/// fuzzy pinyin, with at least one such and at most the allowed number.
pub(crate) fn homophone_run(
    scratch: &Scratch,
    term: &[char],
    sounds: &Sounds,
    arena: &PinyinArena,
    key: PinyinKey,
    body_start: usize,
) -> Option<(i32, usize)> {
    let m = term.len();
    let text = &scratch.text;
    let n = text.len();
    if m > n {
        return None;
    }
    let mut best: Option<(i32, usize)> = None;
    // Not in the numbering: 四施 is no slip for the "四是" of "四是…".
    'start: for start in body_start..=n - m {
        let mut cost = 0;
        let mut slips = 0;
        for k in 0..m {
            let c = text[start + k];
            if c == term[k] {
                continue;
            }
            slips += 1;
            if slips > sounds.allowed || !is_han(c) {
                continue 'start;
            }
            let own = arena.table.sounds_of(arena.char_id(key, start + k));
            match sounds.chars[k].cost(own, &arena.table) {
                Some(slip) => cost += slip,
                None => continue 'start,
            }
        }
        if slips == 0 {
            continue;
        }
        let score = LETTER * m as i32
            + CONSECUTIVE * (m as i32 - 1)
            + UNBROKEN
            + start_bonus(text, start, body_start)
            + COMMON_PAIR * arena.run_weight(key, start..start + m)
            + cost;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, start));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(term: &str, text: &str) -> Option<(i32, Vec<usize>)> {
        let mut scratch = Scratch::default();
        scratch.load(text);
        let term: Vec<char> = term.chars().collect();
        near_run(&mut scratch, &term, 0, true)
    }

    #[test]
    fn a_close_match_may_skip_one_character_but_not_punctuation() {
        assert_eq!(run("党建", "加强党建工作").unwrap().1, [2, 3]);
        assert_eq!(run("招商引资", "招商和引资").unwrap().1, [0, 1, 3, 4]);
        assert!(run("招商引资", "招商和大力引资").is_none());
        assert!(run("招商引资", "招商,引资").is_none());
        let unbroken = run("招商引资", "加强招商引资").unwrap().0;
        let gapped = run("招商引资", "招商和引资").unwrap().0;
        assert!(unbroken > gapped, "{unbroken} {gapped}");
        // Two characters must be together.
        assert!(run("党建", "加强党的建设").is_none());
    }

    #[test]
    fn a_term_longer_than_the_text_does_not_match() {
        assert!(run("党建工作", "党建").is_none());
        assert!(run("", "党建").is_none());
    }

    #[test]
    fn homophones_are_allowed_one_per_three_characters() {
        assert_eq!(homophones_allowed(1), 0);
        assert_eq!(homophones_allowed(2), 1);
        assert_eq!(homophones_allowed(5), 1);
        assert_eq!(homophones_allowed(6), 2);
    }
}
