//! Fuzzy matching of a query against the heading index, and the ranking.
//!
//! A query is split at spaces into terms; an entry matches when every term
//! does. A term matches the text directly with fuzzy-matcher's skim v2
//! (case-insensitive), and a Latin term also through pinyin
//! ([`super::pinyin`]); the better of the two counts. A term may instead
//! name the entry's place — its report's township (the same way) or year
//! (digits) — so "党建 紫庄" finds 紫庄街道's 党建 headings among thousands;
//! at least one term must match the text itself; a term that names the
//! place scores as it does on the township's name.
//!
//! Skim gives no bonus
//! between ideographs, so ranking adds its own terms: a match that starts
//! the heading (or its words, after "一、") and an unbroken run rank first,
//! then shorter texts, then library order. Depth is not a factor, so a deep
//! heading that matches well is not buried under a weak top-level one.

use super::index::{Entry, Key, SearchIndex, fold};
use super::pinyin::{AT_START, LETTER, PinyinMatcher, letter_bit};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::cmp::Reverse;
use std::ops::Range;

/// A matched run of characters, beyond skim's own consecutive bonus.
const UNBROKEN: i32 = 2 * LETTER;

/// One parsed query.
pub struct FuzzyQuery {
    terms: Vec<Term>,
    skim: SkimMatcherV2,
}

#[derive(Debug)]
struct Term {
    text: String,
    /// Characters other than ASCII letters and digits: they must all occur.
    required: Vec<char>,
    /// The ASCII letters and digits, as [`letter_bit`]s: they must all occur.
    latin: u64,
    pinyin: Option<PinyinMatcher>,
}

impl std::fmt::Debug for FuzzyQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyQuery")
            .field("terms", &self.terms)
            .finish()
    }
}

/// A matching entry and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub entry: u32,
    pub score: i32,
}

/// A matching key (distinct text) and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyScore {
    pub(crate) key: u32,
    pub(crate) score: i32,
    /// Bit per term that matched the text; each other term names the
    /// place, which decides entry by entry.
    pub(crate) text_terms: u64,
}

/// Terms past this many must match the text (one bit each in a mask).
const PLACE_TERMS: usize = 64;

/// For each term, the reports whose place (township or year) it names, or
/// `None` when it names none.
#[derive(Debug, Default)]
pub(crate) struct PlaceMatches {
    per_term: Vec<Option<Vec<bool>>>,
    /// Per term, its best score on a township (or a year): what a term
    /// that names the place adds to a key's score, so that a heading found
    /// by "dj" in 安潭镇 is not outranked by a title that holds 安潭 and,
    /// loosely, d…j.
    best: Vec<i32>,
}

impl PlaceMatches {
    /// The score of a term that names some report's place, if it does.
    fn place_score(&self, term: usize) -> Option<i32> {
        let named = self.per_term.get(term).is_some_and(Option::is_some);
        named.then(|| self.best[term])
    }

    /// Whether every term is matched by the text.
    fn all_in_text(&self, text_terms: u64) -> bool {
        (0..self.per_term.len()).all(|term| text_terms & (1 << term) != 0)
    }

    /// Whether an entry of report `report` matches, given which terms its
    /// text matched: every other term must name its place.
    fn allows(&self, text_terms: u64, report: u32) -> bool {
        self.per_term.iter().enumerate().all(|(term, reports)| {
            text_terms & (1 << term) != 0
                || reports
                    .as_ref()
                    .is_some_and(|reports| reports[report as usize])
        })
    }
}

impl FuzzyQuery {
    /// Parse `query`; `None` when it has no term (empty or only spaces).
    pub fn new(query: &str) -> Option<FuzzyQuery> {
        // Folded like the texts, so ＧＤＰ, Gdp and gdp are one query.
        let folded = fold(query);
        let terms: Vec<Term> = folded
            .split_whitespace()
            .map(|text| Term {
                text: text.to_string(),
                required: text
                    .chars()
                    .filter(|c| !c.is_ascii_alphanumeric())
                    .collect(),
                latin: text.bytes().fold(0, |bits, b| bits | letter_bit(b)),
                pinyin: PinyinMatcher::new(text),
            })
            .collect();
        (!terms.is_empty()).then(|| FuzzyQuery {
            terms,
            skim: SkimMatcherV2::default().ignore_case(),
        })
    }

    /// Which reports' places each term names (see [`PlaceMatches`]).
    pub(crate) fn places(&self, index: &SearchIndex) -> PlaceMatches {
        let mut places = PlaceMatches::default();
        // A lone word must match the text: no place to work out (the most
        // common query, on every keystroke).
        if self.terms.len() < 2 {
            return places;
        }
        for term in self.terms.iter().take(PLACE_TERMS) {
            let mut matcher = term.pinyin.clone();
            let townships: Vec<Option<i32>> = index
                .townships
                .iter()
                .map(|key| self.term_score(index, term, &mut matcher, key))
                .collect();
            // A year is named from its start: "20", "202", "2021" (not "1").
            let digits = term.text.bytes().all(|b| b.is_ascii_digit());
            let names_year = |year: Option<i32>| {
                digits && year.is_some_and(|year| year.to_string().starts_with(&term.text))
            };
            let reports: Vec<bool> = index
                .report_places
                .iter()
                .map(|place| {
                    place
                        .township
                        .is_some_and(|t| townships[t as usize].is_some())
                        || names_year(place.year)
                })
                .collect();
            // Naming the year scores as the digits would at the start of a
            // text, unbroken: as well as a title that begins with them.
            let perfect = self.skim.fuzzy_match(&term.text, &term.text).unwrap_or(0);
            let year_score = i32::try_from(perfect).unwrap_or(0) + AT_START + UNBROKEN;
            let best = townships.iter().flatten().copied().max();
            let best = match (best, digits) {
                (Some(best), true) => best.max(year_score),
                (Some(best), false) => best,
                (None, _) => year_score,
            };
            places.best.push(best);
            places
                .per_term
                .push(reports.contains(&true).then_some(reports));
        }
        places
    }

    /// Every key among `candidates` (all keys when `None`) that matches,
    /// with its score, in key order.
    pub(crate) fn matching_keys(
        &self,
        index: &SearchIndex,
        places: &PlaceMatches,
        candidates: Option<&[u32]>,
    ) -> Vec<KeyScore> {
        let score_one = |matchers: &mut Vec<Option<PinyinMatcher>>, id: u32| {
            let key = &index.keys[id as usize];
            self.score(index, key, matchers, places)
                .map(|(score, text_terms)| KeyScore {
                    key: id,
                    score,
                    text_terms,
                })
        };
        let fresh = || self.terms.iter().map(|t| t.pinyin.clone()).collect();
        match candidates {
            Some(ids) => ids
                .par_iter()
                .with_min_len(1024)
                .map_init(fresh, |m, &id| score_one(m, id))
                .flatten_iter()
                .collect(),
            None => (0..index.keys.len() as u32)
                .into_par_iter()
                .with_min_len(1024)
                .map_init(fresh, |m, id| score_one(m, id))
                .flatten_iter()
                .collect(),
        }
    }

    /// The key's score and which terms matched its text; `None` when a
    /// term matches neither the text nor any place, or no term the text.
    fn score(
        &self,
        index: &SearchIndex,
        key: &Key,
        matchers: &mut [Option<PinyinMatcher>],
        places: &PlaceMatches,
    ) -> Option<(i32, u64)> {
        let mut total = 0;
        let mut text_terms = 0;
        let mut in_text = false;
        for (i, (term, matcher)) in self.terms.iter().zip(matchers).enumerate() {
            match (
                self.term_score(index, term, matcher, key),
                places.place_score(i),
            ) {
                (Some(score), _) => {
                    total += score;
                    in_text = true;
                    if i < PLACE_TERMS {
                        text_terms |= 1 << i;
                    }
                }
                (None, Some(place)) => total += place,
                (None, None) => return None,
            }
        }
        in_text.then_some((total, text_terms))
    }

    /// One term on one key's text: the better of skim and pinyin.
    fn term_score(
        &self,
        index: &SearchIndex,
        term: &Term,
        matcher: &mut Option<PinyinMatcher>,
        key: &Key,
    ) -> Option<i32> {
        let direct = self
            .direct(term, key, index.folded_text(key))
            .map(|(score, _)| score);
        let pinyin = matcher
            .as_mut()
            .and_then(|m| m.score(&index.pinyin, key.pinyin, key.body_start.into()));
        direct.max(pinyin)
    }

    /// The skim match of one term on the text, with the ranking terms added.
    fn direct(&self, term: &Term, key: &Key, text: &str) -> Option<(i32, Vec<usize>)> {
        if term.latin & !key.latin != 0 {
            return None;
        }
        if !term.required.iter().all(|&c| text.contains(c)) {
            return None;
        }
        let (score, positions) = self.skim.fuzzy_indices(text, &term.text)?;
        let mut score = i32::try_from(score).unwrap_or(i32::MAX / 4);
        if let Some(&first) = positions.first()
            && (first == 0 || first == usize::from(key.body_start))
        {
            score += AT_START;
        }
        if positions.windows(2).all(|w| w[1] == w[0] + 1) {
            score += UNBROKEN;
        }
        Some((score, positions))
    }

    /// The characters of `entry`'s text that the query matched (char
    /// indices, ascending, without repeats), for highlighting.
    pub fn positions(&self, index: &SearchIndex, entry: &Entry) -> Vec<usize> {
        let key = &index.keys[entry.key as usize];
        let text = index.folded_text(key);
        let mut all = Vec::new();
        for term in &self.terms {
            let direct = self.direct(term, key, text);
            let pinyin = term
                .pinyin
                .clone()
                .and_then(|mut m| m.find(&index.pinyin, key.pinyin, key.body_start.into()));
            match (direct, pinyin) {
                (Some((d, positions)), Some(p)) if d >= p.score => all.extend(positions),
                (_, Some(p)) => all.extend(p.positions),
                (Some((_, positions)), None) => all.extend(positions),
                (None, None) => {}
            }
        }
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The best `limit` entries of the matching keys (each with its key's
/// score), best first: score, then shorter text, then library order; and
/// how many entries match in all. Entries of one key share its score and
/// length, so keys are put in order and only the entries of the keys that
/// reach the first `limit` places are ever listed. With `only`, just the
/// entries of that range (one report's) count.
pub(crate) fn best_entries(
    index: &SearchIndex,
    places: &PlaceMatches,
    keys: &mut [KeyScore],
    limit: usize,
    only: Option<&Range<u32>>,
) -> (Vec<Scored>, usize) {
    let entries_of = |key: u32| entries_in(index.entries_of(key), only);
    // Entries of a key whose text matched only some terms are kept by place.
    let kept = |key: &KeyScore, entry: u32| {
        places.allows(key.text_terms, index.entries[entry as usize].report)
    };
    let total = keys
        .iter()
        .map(|k| {
            let entries = entries_of(k.key);
            if places.all_in_text(k.text_terms) {
                entries.len()
            } else {
                entries.iter().filter(|&&e| kept(k, e)).count()
            }
        })
        .sum();
    let order = |k: &KeyScore| (Reverse(k.score), index.keys[k.key as usize].chars);
    keys.sort_unstable_by_key(|k| (order(k), k.key));
    let mut best = Vec::with_capacity(limit.min(total));
    for group in keys.chunk_by(|a, b| order(a) == order(b)) {
        if best.len() >= limit {
            break;
        }
        let start = best.len();
        for key in group {
            let entries = entries_of(key.key).iter();
            best.extend(entries.filter(|&&e| kept(key, e)).map(|&entry| Scored {
                entry,
                score: key.score,
            }));
        }
        // Equal in score and length: library order.
        best[start..].sort_unstable_by_key(|s| s.entry);
    }
    best.truncate(limit);
    (best, total)
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
