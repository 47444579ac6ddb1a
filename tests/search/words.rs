//! Queries made from a library's own headings, each with the headings it
//! means: the frequent words of the headings are picked by counting (no
//! word list), then typed every way a reader types them — as written, in
//! full pinyin, as initials, mixed, with a homophone, with a typo, and
//! narrowed by place. The ground truth holds by construction: a query
//! means the headings that contain its word (of its place).

use baogao_report::library::Library;
use baogao_report::marker::{is_han, marker, shi_item};
use baogao_search::{Searcher, WHOLE_REPORT};
use pinyin::ToPinyin;
use std::collections::{BTreeMap, HashMap, HashSet};

/// How a query was made from its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Exact,
    Pinyin,
    Initials,
    Mixed,
    Homophone,
    Typo,
    Place,
}

impl Kind {
    /// Whether the query is the word as meant (not a slip).
    pub fn exact(self) -> bool {
        !matches!(self, Kind::Homophone | Kind::Typo)
    }
}

/// One query and the entries (indices into the index's entries) it means.
#[derive(Debug, Clone)]
pub struct Case {
    pub kind: Kind,
    pub query: String,
    pub word: String,
    pub truth: HashSet<u32>,
}

/// The body of a heading: its text after the ordinal ("一、", "三是").
fn body(text: &str) -> &str {
    let len = marker(text)
        .map(|m| m.len)
        .or_else(|| shi_item(text).map(|(_, len)| len))
        .unwrap_or(0);
    &text[len..]
}

/// Every run of `n` Chinese characters in `text`'s body.
fn grams(text: &str, n: usize) -> Vec<String> {
    let chars: Vec<char> = body(text).chars().collect();
    chars
        .windows(n)
        .filter(|w| w.iter().all(|&c| is_han(c)))
        .map(|w| w.iter().collect())
        .collect()
}

/// How many headings (not titles) hold each run of 2 to 5 Chinese
/// characters.
pub struct Grams {
    counts: HashMap<String, usize>,
}

impl Grams {
    pub fn count(searcher: &Searcher) -> Grams {
        let index = searcher.index();
        let mut counts: HashMap<String, usize> = HashMap::new();
        for entry in index.entries() {
            if entry.section == WHOLE_REPORT {
                continue;
            }
            let text = index.text(entry);
            let mut seen = HashSet::new();
            for n in 2..=5 {
                for gram in grams(text, n) {
                    if seen.insert(gram.clone()) {
                        *counts.entry(gram).or_default() += 1;
                    }
                }
            }
        }
        Grams { counts }
    }

    /// The most headings another run of `word`'s length is in that is
    /// typed as `word` is by `spell`.
    fn rival(&self, word: &str, spell: impl Fn(&str) -> String) -> usize {
        let n = word.chars().count();
        let spelled = spell(word);
        self.counts
            .iter()
            .filter(|(gram, _)| gram.as_str() != word && gram.chars().count() == n)
            .filter(|(gram, _)| spell(gram) == spelled)
            .map(|(_, &count)| count)
            .max()
            .unwrap_or(0)
    }

    /// Whether `slip` (`word` with the character at `at` changed) reads
    /// exactly as another run of the headings does, one in at least
    /// `1 / share` as many headings as `word`: then that run is as good a
    /// guess as `word`, or better.
    fn sounds_like_another(&self, word: &str, slip: &str, at: usize, share: usize) -> bool {
        let own = self.counts.get(word).copied().unwrap_or(0);
        let slip: Vec<char> = slip.chars().collect();
        let reading = |c: char| c.to_pinyin().map(|p| p.plain());
        self.counts.iter().any(|(gram, &count)| {
            let chars: Vec<char> = gram.chars().collect();
            gram.as_str() != word
                && count * share >= own
                && chars.len() == slip.len()
                && (0..chars.len()).all(|k| {
                    if k == at {
                        reading(chars[k]).is_some() && reading(chars[k]) == reading(slip[k])
                    } else {
                        chars[k] == slip[k]
                    }
                })
        })
    }

    /// Whether `word` typed by `spell` more likely means another run of
    /// the headings: one at least half as common is spelled the same, and
    /// no engine can tell which is meant.
    fn ambiguous(&self, word: &str, spell: impl Fn(&str) -> String) -> bool {
        let own = self.counts.get(word).copied().unwrap_or(0);
        self.rival(word, spell) * 2 >= own
    }
}

/// The `per_length` most frequent words of 2, 3 and 4 characters in the
/// headings: runs of Chinese characters that occur in at least
/// `min_headings` headings and not mostly as a piece of one longer run (a
/// word, not half of two), no word inside another, and no place name (a
/// query may name a place instead of matching a heading, which is tested
/// on its own).
pub fn frequent_words(
    library: &Library,
    grams: &Grams,
    per_length: [usize; 3],
    min_headings: usize,
) -> Vec<String> {
    let counts = &grams.counts;
    let towns: HashSet<&str> = library
        .reports()
        .iter()
        .filter_map(|r| r.township.as_deref())
        .collect();
    let names_place = |gram: &str| {
        towns.iter().any(|town| {
            let name: String = town.chars().take(2).collect();
            town.contains(gram) || gram.contains(&name)
        })
    };
    // The most headings a longer run holding `word` is in.
    let mut widest: HashMap<&str, usize> = HashMap::new();
    for (gram, &count) in counts {
        let chars: Vec<char> = gram.chars().collect();
        if chars.len() < 3 {
            continue;
        }
        for part in [&chars[1..], &chars[..chars.len() - 1]] {
            let part: String = part.iter().collect();
            if let Some((key, _)) = counts.get_key_value(part.as_str()) {
                let slot = widest.entry(key.as_str()).or_default();
                *slot = (*slot).max(count);
            }
        }
    }
    let mut picked: Vec<String> = Vec::new();
    for (n, &want) in (2..=4).zip(&per_length) {
        let mut candidates: Vec<(&String, usize)> = counts
            .iter()
            .filter(|&(gram, &count)| {
                gram.chars().count() == n
                    && count >= min_headings
                    && count >= 2 * widest.get(gram.as_str()).copied().unwrap_or(0)
            })
            .map(|(gram, &count)| (gram, count))
            .collect();
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut taken = 0;
        for (gram, _) in candidates {
            if taken == want {
                break;
            }
            if picked
                .iter()
                .any(|p| p.contains(gram.as_str()) || gram.contains(p.as_str()))
                || names_place(gram)
            {
                continue;
            }
            picked.push(gram.clone());
            taken += 1;
        }
    }
    picked
}

/// The entries whose text holds `word`, of the reports `keep` accepts.
fn holding(searcher: &Searcher, word: &str, keep: impl Fn(u32) -> bool) -> HashSet<u32> {
    let index = searcher.index();
    index
        .entries()
        .iter()
        .enumerate()
        .filter(|(_, e)| keep(e.report) && index.text(e).contains(word))
        .map(|(i, _)| i as u32)
        .collect()
}

/// The toneless readings of `word`'s characters (the most common reading
/// of each; ü typed "v").
fn syllables(word: &str) -> Vec<String> {
    word.to_pinyin()
        .flatten()
        .map(|p| p.plain().replace('ü', "v"))
        .collect()
}

/// One edit of `typed`, by `turn`: two letters swapped, one left out, or
/// one typed twice, at a place that moves from word to word (the first
/// letter too).
fn typo(typed: &str, turn: usize) -> String {
    let mut letters: Vec<char> = typed.chars().collect();
    let at = (turn * 7 + 1) % (letters.len() - 1);
    match turn % 3 {
        0 if letters[at] != letters[at + 1] => letters.swap(at, at + 1),
        1 => {
            letters.remove(at);
        }
        _ => letters.insert(at, letters[at]),
    }
    letters.into_iter().collect()
}

/// A reading as input methods' fuzzy pinyin hears it: zh, ch, sh as z, c,
/// s; l as n; a final -ng as -n.
fn heard(reading: &str) -> String {
    let mut heard = reading.to_string();
    for (from, to) in [("zh", "z"), ("ch", "c"), ("sh", "s"), ("l", "n")] {
        if let Some(rest) = heard.strip_prefix(from) {
            heard = format!("{to}{rest}");
            break;
        }
    }
    match heard.strip_suffix("ng") {
        Some(stem) if heard.len() > 2 => format!("{stem}n"),
        _ => heard,
    }
}

/// The most common character of the headings read as `c` is (its first
/// reading) by `ear` (exactly, or as fuzzy pinyin hears it) that is not
/// read as `c` is: the slip an input method offers.
fn homophone_of(
    c: char,
    by_reading: &BTreeMap<String, Vec<(usize, char)>>,
    ear: fn(&str) -> String,
) -> Option<char> {
    let reading = c.to_pinyin()?.plain();
    let exact = ear(reading) == reading;
    by_reading
        .iter()
        .filter(|(other, _)| ear(other) == ear(reading) && (exact || other.as_str() != reading))
        .flat_map(|(_, chars)| chars)
        .filter(|&&(_, other)| other != c)
        .min()
        .map(|&(_, other)| other)
}

/// A word typed as initials ("zsyz").
fn initials(word: &str) -> String {
    syllables(word)
        .iter()
        .filter_map(|s| s.chars().next())
        .collect()
}

/// A word typed as its first syllable and the others' initials ("zhaosyz").
fn mixed(word: &str) -> String {
    let spelled = syllables(word);
    let rest: String = initials(word).chars().skip(1).collect();
    format!("{}{rest}", spelled.first().map_or("", String::as_str))
}

/// Every query of every kind for `words`, but those that spell another
/// word of the headings as well ([`Grams::ambiguous`]).
pub fn cases(library: &Library, searcher: &Searcher, grams: &Grams, words: &[String]) -> Vec<Case> {
    let index = searcher.index();
    let all_text: String = index.entries().iter().map(|e| index.text(e)).collect();
    let mut char_counts: HashMap<char, usize> = HashMap::new();
    for c in all_text.chars().filter(|&c| is_han(c)) {
        *char_counts.entry(c).or_default() += 1;
    }
    let mut by_reading: BTreeMap<String, Vec<(usize, char)>> = BTreeMap::new();
    for (&c, &count) in &char_counts {
        if let Some(reading) = c.to_pinyin() {
            by_reading
                .entry(reading.plain().to_string())
                .or_default()
                .push((usize::MAX - count, c));
        }
    }
    for list in by_reading.values_mut() {
        list.sort_unstable();
    }
    let reports = library.reports();
    let mut cases = Vec::new();
    for (turn, word) in words.iter().enumerate() {
        let truth = holding(searcher, word, |_| true);
        let full: String = syllables(word).concat();
        let by_initials = initials(word);
        let initials_clear = !grams.ambiguous(word, initials);
        let mut add = |kind, query: String, truth: &HashSet<u32>| {
            cases.push(Case {
                kind,
                query,
                word: word.clone(),
                truth: truth.clone(),
            });
        };
        let full_clear = !grams.ambiguous(word, |w| syllables(w).concat());
        add(Kind::Exact, word.clone(), &truth);
        if full_clear {
            add(Kind::Pinyin, full.clone(), &truth);
        }
        if initials_clear {
            add(Kind::Initials, by_initials.clone(), &truth);
        }
        if !grams.ambiguous(word, mixed) {
            add(Kind::Mixed, mixed(word), &truth);
        }
        // A character, moving from word to word, for one read the same,
        // and for one read alike; unless that makes a word the headings
        // have.
        let chars: Vec<char> = word.chars().collect();
        let at = turn % chars.len();
        // A slip that reads exactly as another run of the headings is as
        // likely that run: left out when the run is common enough to win
        // (half as common as the word for a slip read the same; an eighth
        // for one only alike, which reads exactly as the other run).
        let same: fn(&str) -> String = str::to_string;
        for (ear, share) in [(same, 2), (heard, 8)] {
            if let Some(other) = homophone_of(chars[at], &by_reading, ear) {
                let mut slip = chars.clone();
                slip[at] = other;
                let slip: String = slip.into_iter().collect();
                if !all_text.contains(&slip) && !grams.sounds_like_another(word, &slip, at, share) {
                    add(Kind::Homophone, slip, &truth);
                }
            }
        }
        if full.len() >= 6 && full_clear {
            add(Kind::Typo, typo(&full, turn), &truth);
        }
        // Narrowed by the year, and by the township, of the commonest
        // place among the word's headings.
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        let mut towns: BTreeMap<&str, usize> = BTreeMap::new();
        for &entry in &truth {
            let report = &reports[index.entries()[entry as usize].report as usize];
            if let Some(year) = report.year {
                *years.entry(year).or_default() += 1;
            }
            if let Some(town) = report.township.as_deref() {
                *towns.entry(town).or_default() += 1;
            }
        }
        if let Some((&year, _)) = years.iter().max_by_key(|(_, n)| **n) {
            let truth = holding(searcher, word, |r| reports[r as usize].year == Some(year));
            add(Kind::Place, format!("{word} {year}"), &truth);
        }
        if let Some((&town, _)) = towns.iter().max_by_key(|(_, n)| **n)
            && initials_clear
        {
            let name: String = town.chars().take(2).collect();
            // The name may be part of other townships' (仙门 of 瑞仙门镇).
            let truth = holding(searcher, word, |r| {
                reports[r as usize]
                    .township
                    .as_deref()
                    .is_some_and(|t| t.contains(&name))
            });
            let query = format!("{by_initials} {}", syllables(&name).concat());
            add(Kind::Place, query, &truth);
        }
    }
    cases
}
