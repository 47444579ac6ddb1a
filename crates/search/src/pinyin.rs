//! Pinyin readings: what each character of the library can be read as, kept
//! once per distinct character, and per text a list of its characters.
//!
//! A character has two views of its readings:
//!
//! - **spellings**, for Latin queries: each toneless reading as it can be
//!   typed ("lü" as "lv", "lu" and "lyu"), interned as [`Syllable`]s whose
//!   prefixes the Latin matcher (`latin.rs`) cuts a query into;
//! - **sounds**, for homophones of Chinese queries (`hanzi.rs`): each
//!   toneless reading once ("lü" stays apart from "lu"), and its class
//!   under the input methods' fuzzy pinyin (z/zh, c/ch, s/sh, n/l, -n/-ng),
//!   so that 新 (xin) can stand for 兴 (xing).
//!
//! Latin letters and digits read as themselves.

use pinyin::ToPinyinMulti;
use std::collections::{HashMap, HashSet};

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

/// What one distinct character reads as: ranges of ids in the table.
#[derive(Debug, Clone, Copy, Default)]
struct CharReadings {
    /// Into `spelling_ids`.
    spellings: (u32, u8),
    /// Into `sound_ids`.
    sounds: (u32, u8),
    /// Bit per letter that begins a spelling.
    initials: u64,
    /// Bit per letter that is second in a spelling.
    seconds: u64,
    /// How many of the spellings come from the character's first (most
    /// common) reading: the rest are rarer readings.
    primary: u8,
}

/// Every spelling and sound any character of the library has, interned,
/// and the readings of each distinct character.
#[derive(Debug, Default)]
pub(crate) struct SyllableTable {
    syllables: Vec<Syllable>,
    by_spelling: HashMap<Box<[u8]>, u16>,
    /// Per sound id, its fuzzy class id.
    classes: Vec<u16>,
    by_sound: HashMap<String, u16>,
    by_class: HashMap<String, u16>,
    by_char: HashMap<char, u32>,
    chars: Vec<CharReadings>,
    spelling_ids: Vec<u16>,
    sound_ids: Vec<u16>,
}

/// Fewer than 1 500 syllables exist even counting every reading and
/// spelling: an id fits in 16 bits.
fn intern<K: std::hash::Hash + Eq>(map: &mut HashMap<K, u16>, key: K) -> (u16, bool) {
    let next = u16::try_from(map.len()).unwrap_or(u16::MAX);
    let mut fresh = false;
    let id = *map.entry(key).or_insert_with(|| {
        fresh = true;
        next
    });
    (id, fresh)
}

impl SyllableTable {
    /// The id of `c` in the table, its readings worked out on first sight.
    fn char_id(&mut self, c: char) -> u32 {
        if let Some(&id) = self.by_char.get(&c) {
            return id;
        }
        let (spellings, primary, sounds) = readings(c);
        let mut entry = CharReadings {
            spellings: (self.spelling_ids.len() as u32, 0),
            sounds: (self.sound_ids.len() as u32, 0),
            initials: 0,
            seconds: 0,
            primary: primary.min(u8::MAX.into()) as u8,
        };
        for text in &spellings {
            let (id, fresh) = intern(&mut self.by_spelling, text.clone().into_boxed_slice());
            if fresh {
                self.syllables.push(Syllable::new(text));
            }
            entry.initials |= letter_bit(text[0]);
            entry.seconds |= text.get(1).map_or(0, |&b| letter_bit(b));
            self.spelling_ids.push(id);
        }
        for sound in &sounds {
            let (id, fresh) = intern(&mut self.by_sound, sound.clone());
            if fresh {
                let (class, _) = intern(&mut self.by_class, fuzzy_class(sound));
                self.classes.push(class);
            }
            self.sound_ids.push(id);
        }
        entry.spellings.1 = spellings.len().min(u8::MAX.into()) as u8;
        entry.sounds.1 = sounds.len().min(u8::MAX.into()) as u8;
        let id = self.chars.len() as u32;
        self.chars.push(entry);
        self.by_char.insert(c, id);
        id
    }

    fn spellings_of(&self, char_id: u32) -> &[u16] {
        let (start, len) = self.chars[char_id as usize].spellings;
        &self.spelling_ids[start as usize..start as usize + len as usize]
    }

    /// The sound ids of a character of the library, its most common first.
    pub(crate) fn sounds_of(&self, char_id: u32) -> &[u16] {
        let (start, len) = self.chars[char_id as usize].sounds;
        &self.sound_ids[start as usize..start as usize + len as usize]
    }

    /// The fuzzy class of a sound id.
    pub(crate) fn class_of(&self, sound: u16) -> u16 {
        self.classes[sound as usize]
    }

    /// The sounds and fuzzy classes of a query character that the library
    /// has (a sound no character of the library has cannot match), and its
    /// most common sound with that sound's class, without adding to the
    /// table.
    pub(crate) fn query_sounds(&self, c: char) -> (Vec<u16>, Vec<u16>, Option<(u16, u16)>) {
        let (_, _, sounds) = readings(c);
        let ids: Vec<u16> = sounds
            .iter()
            .filter_map(|s| self.by_sound.get(s).copied())
            .collect();
        let mut classes: Vec<u16> = sounds
            .iter()
            .filter_map(|s| self.by_class.get(&fuzzy_class(s)).copied())
            .collect();
        classes.sort_unstable();
        classes.dedup();
        let primary = sounds.first().and_then(|s| {
            let id = *self.by_sound.get(s)?;
            Some((id, self.class_of(id)))
        });
        (ids, classes, primary)
    }

    pub(crate) fn syllable(&self, id: u16) -> &[u8] {
        self.syllables[id as usize].letters()
    }
}

/// The spellings of `c`, how many of them spell its first reading, and
/// its sounds: nothing for a character with no reading (punctuation, most
/// symbols).
fn readings(c: char) -> (Vec<Vec<u8>>, usize, Vec<String>) {
    let mut spellings: Vec<Vec<u8>> = Vec::new();
    let mut sounds: Vec<String> = Vec::new();
    let mut primary = 0;
    if c.is_ascii_alphanumeric() {
        spellings.push(vec![c.to_ascii_lowercase() as u8]);
        primary = 1;
    } else if let Some(multi) = c.to_pinyin_multi() {
        // The pinyin crate lists a character's most common reading first.
        for (i, reading) in multi.into_iter().enumerate() {
            let plain = reading.plain();
            if !sounds.iter().any(|s| s == plain) {
                sounds.push(plain.to_string());
            }
            for text in spellings_of(plain) {
                if !text.is_empty() && !spellings.contains(&text) {
                    spellings.push(text);
                }
            }
            if i == 0 {
                primary = spellings.len();
            }
        }
    }
    (spellings, primary, sounds)
}

/// How a reading can be typed: ü as "v" (the input-method habit), as "u",
/// and as "yu" (the spelling of passports and of some input methods: 吕
/// "lyu").
fn spellings_of(plain: &str) -> Vec<Vec<u8>> {
    if plain.contains('ü') {
        ["v", "u", "yu"]
            .iter()
            .map(|ue| plain.replace('ü', ue).into_bytes())
            .collect()
    } else {
        vec![plain.as_bytes().to_vec()]
    }
}

/// A sound's class under the fuzzy pinyin that input methods offer for
/// accents that merge them: zh, ch, sh as z, c, s; l as n; a final -ng as
/// -n (ang/an, eng/en, ing/in). Two characters of one class are heard alike
/// by many speakers, which is how a writer picks the wrong one.
fn fuzzy_class(sound: &str) -> String {
    let mut class = sound.to_string();
    for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n")] {
        if let Some(rest) = class.strip_prefix(from) {
            class = format!("{to}{rest}");
            break;
        }
    }
    if class.len() > 2
        && let Some(stem) = class.strip_suffix("ng")
    {
        class = format!("{stem}n");
    }
    class
}

/// All texts' characters, stored contiguously as ids into one
/// [`SyllableTable`]; per text a range of them.
#[derive(Debug, Default)]
pub(crate) struct PinyinArena {
    pub(crate) table: SyllableTable,
    /// Per character of every text: its id in the table.
    chars: Vec<u32>,
    /// Per character of every text: the letters its spellings begin with, so
    /// the matcher passes over a character that cannot take the next piece
    /// with one test.
    initials: Vec<u64>,
    /// Per character of every text: how common the pair it starts is (this
    /// character and the next) in the library's headings, as the log2 of
    /// the number of headings that hold it; 0 for a text's last character.
    pairs: Vec<u8>,
}

/// One text's pinyin: which characters of the arena are its own, and which
/// letters its readings can offer (to reject a query before matching).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PinyinKey {
    start: u32,
    pub(crate) len: u32,
    /// Bit per letter/digit that occurs anywhere in the readings.
    pub(crate) letters: u64,
    /// Bit per letter/digit that begins a reading.
    pub(crate) initials: u64,
}

/// The bit of an ASCII letter or digit in [`PinyinKey::letters`].
pub(crate) fn letter_bit(byte: u8) -> u64 {
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
            let id = self.table.char_id(c);
            let initials = self.table.chars[id as usize].initials;
            for &spelling in self.table.spellings_of(id) {
                for &byte in self.table.syllable(spelling) {
                    key.letters |= letter_bit(byte);
                }
            }
            key.initials |= initials;
            self.chars.push(id);
            self.initials.push(initials);
        }
        key.len = self.chars.len() as u32 - start;
        key
    }

    /// Weigh every pair of neighbouring characters by how many distinct
    /// heading bodies hold it: `texts` are the indexed texts, each with
    /// where its words begin (after numbering such as "二是") and whether it
    /// counts (a township's name does not).
    ///
    /// A body is counted once however many reports repeat it: a set phrase
    /// that opens the same heading in a thousand reports ("坚持以人为本…")
    /// is one way of writing, while a word that many different headings
    /// use (基层 in 基层党建, 基层治理, 夯实基层…) is what the library is
    /// about, and what a reader's few letters most likely mean.
    pub(crate) fn weigh_pairs(
        &mut self,
        texts: impl Iterator<Item = (PinyinKey, usize, bool)> + Clone,
    ) {
        let mut counts: HashMap<(u32, u32), u32> = HashMap::new();
        let pair_at = |chars: &[u32], at: usize| (chars[at], chars[at + 1]);
        let mut bodies: HashSet<&[u32]> = HashSet::new();
        for (key, body_start, counted) in texts.clone() {
            let chars = &self.chars[key.start as usize..(key.start + key.len) as usize];
            let body = &chars[body_start.min(chars.len())..];
            if !counted || !bodies.insert(body) {
                continue;
            }
            let mut seen: HashSet<(u32, u32)> = HashSet::new();
            for at in 0..body.len().saturating_sub(1) {
                let pair = pair_at(body, at);
                if seen.insert(pair) {
                    *counts.entry(pair).or_default() += 1;
                }
            }
        }
        self.pairs = vec![0; self.chars.len()];
        for (key, _, _) in texts {
            let chars = &self.chars[key.start as usize..(key.start + key.len) as usize];
            for at in 0..chars.len().saturating_sub(1) {
                let count = counts.get(&pair_at(chars, at)).copied().unwrap_or(0);
                self.pairs[key.start as usize + at] = (count + 1).ilog2() as u8;
            }
        }
    }

    /// How common the characters `run` of `key` are together: the weight
    /// of their rarest neighbouring pair (0 for one character, or before
    /// [`PinyinArena::weigh_pairs`]).
    pub(crate) fn run_weight(&self, key: PinyinKey, run: std::ops::Range<usize>) -> i32 {
        if run.len() < 2 || self.pairs.is_empty() {
            return 0;
        }
        let start = key.start as usize;
        self.pairs[start + run.start..start + run.end - 1]
            .iter()
            .min()
            .map_or(0, |&w| i32::from(w))
    }

    /// How many of the spellings of character `index` of `key` spell its
    /// most common reading (they come first).
    pub(crate) fn primary(&self, key: PinyinKey, index: usize) -> usize {
        let id = self.chars[key.start as usize + index];
        self.table.chars[id as usize].primary.into()
    }

    /// The letters that are second in a spelling of character `index` of
    /// `key`.
    pub(crate) fn seconds(&self, key: PinyinKey, index: usize) -> u64 {
        let id = self.chars[key.start as usize + index];
        self.table.chars[id as usize].seconds
    }

    /// The spelling ids of character `index` of `key`.
    pub(crate) fn spellings(&self, key: PinyinKey, index: usize) -> &[u16] {
        self.table
            .spellings_of(self.chars[key.start as usize + index])
    }

    /// The table id of character `index` of `key`.
    pub(crate) fn char_id(&self, key: PinyinKey, index: usize) -> u32 {
        self.chars[key.start as usize + index]
    }

    /// The letters that begin a spelling of character `index` of `key`.
    pub(crate) fn initials(&self, key: PinyinKey, index: usize) -> u64 {
        self.initials[key.start as usize + index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_classes_merge_what_accents_merge() {
        assert_eq!(fuzzy_class("xing"), fuzzy_class("xin"));
        assert_eq!(fuzzy_class("zhang"), fuzzy_class("zan"));
        assert_eq!(fuzzy_class("lan"), fuzzy_class("nang"));
        assert_ne!(fuzzy_class("xing"), fuzzy_class("xian"));
        // "ng" alone (嗯) keeps its letters.
        assert_eq!(fuzzy_class("ng"), "ng");
    }

    #[test]
    fn u_umlaut_is_typed_three_ways_but_sounds_once() {
        let mut arena = PinyinArena::default();
        let key = arena.add("绿女奴");
        let spell = |i| -> Vec<&[u8]> {
            arena
                .spellings(key, i)
                .iter()
                .map(|&id| arena.table.syllable(id))
                .collect()
        };
        assert!(spell(0).contains(&b"lyu".as_slice()), "{:?}", spell(0));
        assert!(spell(0).contains(&b"lv".as_slice()));
        // 女 (nü) and 奴 (nu) share a spelling, not a sound.
        let table = &arena.table;
        let woman = table.sounds_of(arena.char_id(key, 1));
        let slave = table.sounds_of(arena.char_id(key, 2));
        assert!(woman.iter().all(|s| !slave.contains(s)));
    }
}
