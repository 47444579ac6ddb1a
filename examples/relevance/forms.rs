//! What a user types for a word: its full pinyin, its initials, a mix of
//! the two, the word with an input-method slip (a character swapped for one
//! that reads the same), and its pinyin with a slip of the finger.
//!
//! Readings come from the `pinyin` crate: each character's usual reading,
//! without tones, ü typed as "v" (the input-method habit). A polyphonic
//! character is read one way only, as a plain transliteration would; the
//! engine knows every reading, so this never makes a query harder for it.

use baogao_report::library::Library;
use baogao_report::marker::is_han;
use baogao_search::fulltext::for_each_paragraph_list;
use pinyin::ToPinyin;
use std::collections::HashMap;

/// The usual toneless reading of a Chinese character, or `None` for
/// anything else.
pub fn reading(c: char) -> Option<String> {
    if !is_han(c) {
        return None;
    }
    c.to_pinyin().map(|p| p.plain().replace('ü', "v"))
}

/// The readings of every character of `word`, or `None` if one has none.
fn readings(word: &str) -> Option<Vec<String>> {
    word.chars().map(reading).collect()
}

/// Full pinyin, the syllables run together: 招商引资 → "zhaoshangyinzi".
pub fn full(word: &str) -> Option<String> {
    readings(word).map(|r| r.concat())
}

/// The first letter of each syllable: 招商引资 → "zsyz".
pub fn initials(word: &str) -> Option<String> {
    readings(word).map(|r| r.iter().filter_map(|s| s.get(..1)).collect())
}

/// The first syllable in full, then initials: 招商引资 → "zhaosyz".
pub fn mixed(word: &str) -> Option<String> {
    let readings = readings(word)?;
    let (first, rest) = readings.split_first()?;
    let tail: String = rest.iter().filter_map(|s| s.get(..1)).collect();
    Some(format!("{first}{tail}"))
}

/// A line as fzf reads it in pinyin: every Chinese character as its
/// syllable, one word each, and everything else as it is. Spaces between
/// syllables give fzf the word starts it rewards, so initials ("zsyz") rank
/// well on "zhao shang yin zi", and full pinyin still matches, since fzf
/// skips the spaces.
pub fn transliterate(line: &str) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let mut after_syllable = false;
    for c in line.chars() {
        match reading(c) {
            Some(syllable) => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(&syllable);
                after_syllable = true;
            }
            None => {
                if after_syllable && c != ' ' {
                    out.push(' ');
                }
                out.push(c);
                after_syllable = false;
            }
        }
    }
    out
}

/// Characters grouped by reading, for input-method slips: what the
/// candidate list of a pinyin input method would offer beside the intended
/// character.
#[derive(Debug, Default)]
pub struct Homophones {
    /// Per reading, the library's characters that have it, most frequent first.
    by_reading: HashMap<String, Vec<char>>,
}

impl Homophones {
    /// The characters of `library`'s titles, headings and paragraphs.
    pub fn of_library(library: &Library) -> Homophones {
        let mut counts: HashMap<char, usize> = HashMap::new();
        let mut add = |text: &str| {
            for c in text.chars().filter(|&c| is_han(c)) {
                *counts.entry(c).or_default() += 1;
            }
        };
        for report in library.reports() {
            add(&report.title);
            for (_, section) in report.outline() {
                add(&section.heading);
            }
            for_each_paragraph_list(report, |_, paragraphs| {
                for paragraph in paragraphs {
                    add(paragraph);
                }
            });
        }
        let mut by_reading: HashMap<String, Vec<(usize, char)>> = HashMap::new();
        for (c, count) in counts {
            if let Some(r) = reading(c) {
                by_reading.entry(r).or_default().push((count, c));
            }
        }
        let by_reading = by_reading
            .into_iter()
            .map(|(r, mut chars)| {
                // Most frequent first; ties by code point, for a stable order.
                chars.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                (r, chars.into_iter().map(|(_, c)| c).collect())
            })
            .collect();
        Homophones { by_reading }
    }

    /// The most frequent other character that reads as `c` does.
    fn twin(&self, c: char) -> Option<char> {
        let chars = self.by_reading.get(&reading(c)?)?;
        chars.iter().copied().find(|&other| other != c)
    }

    /// `word` with the character at one of its places swapped for its
    /// [`twin`](Self::twin): 党建 → 党健. `pick` chooses among the places
    /// that have one (it is given their number and returns an index below
    /// it).
    pub fn slip(&self, word: &str, pick: impl FnOnce(usize) -> usize) -> Option<String> {
        let chars: Vec<char> = word.chars().collect();
        let places: Vec<(usize, char)> = chars
            .iter()
            .enumerate()
            .filter_map(|(i, &c)| self.twin(c).map(|twin| (i, twin)))
            .collect();
        if places.is_empty() {
            return None;
        }
        let (at, twin) = places[pick(places.len()) % places.len()];
        let mut slipped = chars;
        slipped[at] = twin;
        Some(slipped.into_iter().collect())
    }
}

/// A slip of the finger in typed pinyin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Two neighbouring letters swapped: "dangjian" → "dangjain".
    Transposed,
    /// A letter left out: "jingjifazhan" → "jingjifazan".
    Missing,
    /// A letter typed twice: "dangjian" → "dangjiian".
    Extra,
}

impl Edit {
    pub const ALL: [Edit; 3] = [Edit::Transposed, Edit::Missing, Edit::Extra];

    /// The places in `text` where this edit makes a slip: past the first
    /// letter (which a user rarely gets wrong, and which everything after
    /// hangs on), and inside the text.
    pub fn places(self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        match self {
            Edit::Transposed => (1..n.saturating_sub(1))
                .filter(|&i| bytes[i] != bytes[i + 1])
                .collect(),
            // Not the last letter: without it the query is only unfinished.
            Edit::Missing => (1..n.saturating_sub(1)).collect(),
            Edit::Extra => (1..n).collect(),
        }
    }

    /// `text` (ASCII) with the edit at byte `at`, one of [`Edit::places`].
    pub fn apply(self, text: &str, at: usize) -> String {
        let mut bytes = text.as_bytes().to_vec();
        match self {
            Edit::Transposed => bytes.swap(at, at + 1),
            Edit::Missing => {
                bytes.remove(at);
            }
            Edit::Extra => bytes.insert(at, bytes[at]),
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typed_forms_of_a_word() {
        assert_eq!(full("招商引资").as_deref(), Some("zhaoshangyinzi"));
        assert_eq!(initials("招商引资").as_deref(), Some("zsyz"));
        assert_eq!(mixed("招商引资").as_deref(), Some("zhaosyz"));
        assert_eq!(full("绿色").as_deref(), Some("lvse"));
        assert_eq!(full("党建a"), None);
    }

    #[test]
    fn lines_in_pinyin_keep_what_is_not_chinese() {
        assert_eq!(
            transliterate("一、2020年工作总结"),
            "yi 、2020 nian gong zuo zong jie"
        );
        assert_eq!(
            transliterate("党建 南麂镇 2020"),
            "dang jian nan ji zhen 2020"
        );
    }

    #[test]
    fn a_slip_reads_the_same() {
        let homophones = Homophones {
            by_reading: HashMap::from([
                ("jian".to_string(), vec!['建', '健', '见']),
                ("dang".to_string(), vec!['党']),
            ]),
        };
        assert_eq!(homophones.slip("党建", |_| 0).as_deref(), Some("党健"));
        assert_eq!(homophones.twin('健'), Some('建'));
        assert_eq!(homophones.slip("党", |_| 0), None);
    }

    #[test]
    fn typos_change_one_letter_past_the_first() {
        assert_eq!(Edit::Transposed.apply("dangjian", 5), "dangjain");
        assert_eq!(Edit::Missing.apply("jingjifazhan", 9), "jingjifazan");
        assert_eq!(Edit::Extra.apply("dangjian", 5), "dangjiian");
        assert_eq!(Edit::Transposed.places("aab"), vec![1]);
        assert_eq!(Edit::Missing.places("dangjian"), (1..7).collect::<Vec<_>>());
        for edit in Edit::ALL {
            for at in edit.places("xiangcun") {
                assert_ne!(edit.apply("xiangcun", at), "xiangcun");
            }
        }
    }
}
