//! Query terms against the heading index: how each term matches a text, in
//! which tier ([`MatchKind`]), and what the key scores.
//!
//! A query is split at spaces into terms; an entry matches when every term
//! does. A term matches the text by its own characters (`direct.rs`: close,
//! homophone or weak) and, a Latin term, through pinyin (`latin.rs`: close,
//! typo or weak); the best tier counts, then the best score. A term may
//! instead name the entry's place — its report's township, county, city or
//! province (the same way, but only closely) or year (digits) — so "党建
//! 紫庄" finds 紫庄街道's 党建 headings among thousands, and "党建 平阳" or
//! "dj zhejiang" those of a county or a province; at least one term must
//! match the text itself; a term that names the place scores as it does on
//! the best fitting of those names.
//!
//! A key's tier is the worst of its terms' (a place counts as close). The
//! ranking itself is in `rank.rs`.

use super::direct::{
    Scratch, Sounds, char_bit, homophone_run, homophones_allowed, whole_text_score,
};
use super::index::{Entry, Key, SearchIndex, fold};
use super::latin::LatinMatcher;
use super::pinyin::letter_bit;
use baogao_report::marker::is_han;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

/// How a heading matched the query: the tier it ranks in. Every hit of a
/// tier ranks above every hit of the next, whatever the scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// Each term as written, its characters together (a term of three or
    /// more may skip one character, not punctuation), or its pinyin on
    /// consecutive characters, whole syllables or initials but the last.
    Close,
    /// A Chinese term with a character stood for by one read alike (党健
    /// for 党建), the others as written, together.
    Homophone,
    /// A Latin term with one letter transposed, missing or extra
    /// ("dangjain"), on consecutive characters.
    Typo,
    /// The term's characters or pinyin scattered over the text.
    Weak,
}

/// One parsed query.
pub struct FuzzyQuery {
    terms: Vec<Term>,
    skim: SkimMatcherV2,
}

#[derive(Debug)]
struct Term {
    text: String,
    chars: Vec<char>,
    /// The ASCII letters and digits, as [`letter_bit`]s: they must all occur
    /// for a direct match.
    latin: u64,
    /// The other characters, as [`char_bit`]s: the same.
    others: u64,
    pinyin: Option<LatinMatcher>,
}

impl std::fmt::Debug for FuzzyQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FuzzyQuery")
            .field("terms", &self.terms)
            .finish()
    }
}

/// A matching entry, its score and its tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scored {
    pub entry: u32,
    pub score: i32,
    pub kind: MatchKind,
}

/// A matching key (distinct text), its score and tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeyScore {
    pub(crate) key: u32,
    pub(crate) score: i32,
    pub(crate) kind: MatchKind,
    /// Bit per term that matched the text; each other term names the
    /// place, which decides entry by entry.
    pub(crate) text_terms: u64,
}

/// How one term matched a text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TermMatch {
    kind: MatchKind,
    score: i32,
    /// Only when asked for.
    positions: Vec<usize>,
}

impl TermMatch {
    /// Better tier first, then higher score.
    fn better(self, other: Option<TermMatch>) -> TermMatch {
        match other {
            Some(other) if (other.kind, -other.score) < (self.kind, -self.score) => other,
            _ => self,
        }
    }
}

/// What a term may match beyond its exact spelling, for narrowing: a
/// longer term may only match a subset of what a shorter one did when it
/// is allowed no more than the shorter one was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tolerance {
    typos: bool,
    homophones: usize,
}

impl Tolerance {
    /// Whether a term allowed `self` matches a subset of what a term it
    /// extends, allowed `shorter`, matched.
    pub(crate) fn within(self, shorter: Tolerance) -> bool {
        (!self.typos || shorter.typos) && self.homophones <= shorter.homophones
    }
}

/// Terms past this many must match the text (one bit each in a mask).
pub(crate) const PLACE_TERMS: usize = 64;

/// For each term, per report the score it gets for naming the report's
/// place (township, county, city, province or year), or `None` when it
/// names no report's place.
#[derive(Debug, Default)]
pub(crate) struct PlaceMatches {
    per_term: Vec<Option<Vec<Option<i32>>>>,
}

impl PlaceMatches {
    /// Whether a term names some report's place.
    fn names_some(&self, term: usize) -> bool {
        self.per_term.get(term).is_some_and(Option::is_some)
    }

    /// Whether every term is matched by the text.
    pub(crate) fn all_in_text(&self, text_terms: u64) -> bool {
        (0..self.per_term.len()).all(|term| text_terms & (1 << term) != 0)
    }

    /// What the terms a text did not match (all but `text_terms`) add to
    /// the score of its entry in report `report`: each must name its place
    /// (`None` when one does not), and adds the score it gets on that
    /// place, so that a heading found by "dj" in 安潭镇 is not outranked by
    /// a title that holds 安潭 and, loosely, d…j, and a town named exactly
    /// ranks before one the letters fit less well.
    pub(crate) fn bonus(&self, text_terms: u64, report: u32) -> Option<i32> {
        let mut bonus = 0;
        for (term, reports) in self.per_term.iter().enumerate() {
            if text_terms & (1 << term) == 0 {
                bonus += reports.as_ref()?[report as usize]?;
            }
        }
        Some(bonus)
    }
}

/// What matching needs per thread: the Latin matchers' buffers and the
/// direct matcher's.
struct Work {
    matchers: Vec<Option<LatinMatcher>>,
    scratch: Scratch,
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
                chars: text.chars().collect(),
                latin: text.bytes().fold(0, |bits, b| bits | letter_bit(b)),
                others: text.chars().fold(0, |bits, c| bits | char_bit(c)),
                pinyin: LatinMatcher::new(text),
            })
            .collect();
        (!terms.is_empty()).then(|| FuzzyQuery {
            terms,
            skim: SkimMatcherV2::default().ignore_case(),
        })
    }

    /// The number of terms.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// What the last term may match beyond its spelling.
    pub(crate) fn last_tolerance(&self) -> Tolerance {
        let last = &self.terms[self.terms.len() - 1];
        let hanzi = last.chars.iter().all(|&c| is_han(c));
        Tolerance {
            typos: last.pinyin.as_ref().is_some_and(LatinMatcher::allows_typos),
            homophones: if hanzi {
                homophones_allowed(last.chars.len())
            } else {
                0
            },
        }
    }

    fn work(&self) -> Work {
        Work {
            matchers: self.terms.iter().map(|t| t.pinyin.clone()).collect(),
            scratch: Scratch::default(),
        }
    }

    /// Per term, the readings of its characters, for homophones.
    fn sounds(&self, index: &SearchIndex) -> Vec<Option<Sounds>> {
        self.terms
            .iter()
            .map(|t| Sounds::new(&t.chars, &index.pinyin.table))
            .collect()
    }

    /// Whether the last term names some report's place (a lone term never
    /// does: it must match the text).
    pub(crate) fn last_term_names_a_place(&self, index: &SearchIndex) -> bool {
        self.terms.len() >= 2 && self.places(index).names_some(self.terms.len() - 1)
    }

    /// Which reports' places each term names (see [`PlaceMatches`]).
    pub(crate) fn places(&self, index: &SearchIndex) -> PlaceMatches {
        let mut places = PlaceMatches::default();
        // A lone word must match the text: no place to work out (the most
        // common query, on every keystroke).
        if self.terms.len() < 2 {
            return places;
        }
        let sounds = self.sounds(index);
        let mut work = self.work();
        for (i, term) in self.terms.iter().enumerate().take(PLACE_TERMS) {
            // A place is named closely only: letters scattered over its
            // name, or one edit or homophone away from it, would name a
            // good many (every 乡 is "xigang" with one letter extra).
            let names: Vec<Option<i32>> = index
                .places
                .iter()
                .map(|key| {
                    self.term_match(index, i, sounds[i].as_ref(), &mut work, key, false)
                        .filter(|m| m.kind == MatchKind::Close)
                        .map(|m| m.score)
                })
                .collect();
            // A year is named from its start: "20", "202", "2021" (not "1").
            let digits = term.text.bytes().all(|b| b.is_ascii_digit());
            let names_year = |year: Option<i32>| {
                digits && year.is_some_and(|year| year.to_string().starts_with(&term.text))
            };
            // Naming the year scores as the digits would at the start of a
            // text: as well as a title that begins with them.
            let year_score = whole_text_score(term.chars.len());
            let reports: Vec<Option<i32>> = index
                .report_places
                .iter()
                .map(|place| {
                    // The best fit among its township, county, city and
                    // province.
                    let named = place
                        .names
                        .iter()
                        .flatten()
                        .filter_map(|&n| names[n as usize])
                        .max();
                    let year = names_year(place.year).then_some(year_score);
                    named.max(year)
                })
                .collect();
            let named = reports.iter().any(Option::is_some);
            places.per_term.push(named.then_some(reports));
        }
        places
    }

    /// Every key among `candidates` (all keys when `None`) that matches,
    /// with its score and tier, in key order.
    pub(crate) fn matching_keys(
        &self,
        index: &SearchIndex,
        places: &PlaceMatches,
        candidates: Option<&[u32]>,
    ) -> Vec<KeyScore> {
        let sounds = self.sounds(index);
        let score_one = |work: &mut Work, id: u32| {
            let key = &index.keys[id as usize];
            self.score(index, &sounds, key, work, places)
                .map(|(score, kind, text_terms)| KeyScore {
                    key: id,
                    score,
                    kind,
                    text_terms,
                })
        };
        let fresh = || self.work();
        match candidates {
            Some(ids) => ids
                .par_iter()
                .with_min_len(1024)
                .map_init(fresh, |w, &id| score_one(w, id))
                .flatten_iter()
                .collect(),
            None => (0..index.keys.len() as u32)
                .into_par_iter()
                .with_min_len(1024)
                .map_init(fresh, |w, id| score_one(w, id))
                .flatten_iter()
                .collect(),
        }
    }

    /// The key's score (of the terms its text matched), tier and which
    /// terms matched its text; `None` when a term matches neither the text
    /// nor any place, or no term the text.
    fn score(
        &self,
        index: &SearchIndex,
        sounds: &[Option<Sounds>],
        key: &Key,
        work: &mut Work,
        places: &PlaceMatches,
    ) -> Option<(i32, MatchKind, u64)> {
        let mut total = 0;
        let mut kind = MatchKind::Close;
        let mut text_terms = 0;
        let mut in_text = false;
        for (i, sounds) in sounds.iter().enumerate() {
            let text = self.term_match(index, i, sounds.as_ref(), work, key, false);
            match (text, places.names_some(i)) {
                // A term that names the place counts as that, rather than
                // as letters scattered over the text.
                (Some(m), true) if m.kind == MatchKind::Weak => {}
                (Some(m), _) => {
                    total += m.score;
                    kind = kind.max(m.kind);
                    in_text = true;
                    if i < PLACE_TERMS {
                        text_terms |= 1 << i;
                    }
                }
                // Its score is the entry's place's (`PlaceMatches::bonus`).
                (None, true) => {}
                (None, false) => return None,
            }
        }
        in_text.then_some((total, kind, text_terms))
    }

    /// Term `i` on one key's text: its best tier and score, with the
    /// matched characters when `trace`.
    fn term_match(
        &self,
        index: &SearchIndex,
        i: usize,
        sounds: Option<&Sounds>,
        work: &mut Work,
        key: &Key,
        trace: bool,
    ) -> Option<TermMatch> {
        let term = &self.terms[i];
        let text = index.folded_text(key);
        let body_start = usize::from(key.body_start);
        // The term's own characters can all be in the text.
        let direct = term.latin & !key.latin == 0 && term.others & !key.chars_seen == 0;
        let mut loaded = false;
        let mut best: Option<TermMatch> = None;
        if direct {
            work.scratch.load(text);
            loaded = true;
            best = super::direct::near_run(&mut work.scratch, &term.chars, body_start, trace).map(
                |(score, positions)| TermMatch {
                    kind: MatchKind::Close,
                    score,
                    positions,
                },
            );
        }
        if let Some(matcher) = work.matchers[i].as_mut() {
            let pinyin = if trace {
                matcher
                    .find(&index.pinyin, key.pinyin, body_start)
                    .map(|m| TermMatch {
                        kind: m.kind,
                        score: m.score,
                        positions: m.positions,
                    })
            } else {
                matcher
                    .score(&index.pinyin, key.pinyin, body_start)
                    .map(|(kind, score)| TermMatch {
                        kind,
                        score,
                        positions: Vec::new(),
                    })
            };
            best = match pinyin {
                Some(pinyin) => Some(pinyin.better(best)),
                None => best,
            };
        }
        if best.as_ref().is_some_and(|m| m.kind == MatchKind::Close) {
            return best;
        }
        if let Some(sounds) = sounds
            && sounds.may_match(key.chars_seen)
        {
            if !loaded {
                work.scratch.load(text);
            }
            if let Some((score, start)) = homophone_run(
                &work.scratch,
                &term.chars,
                sounds,
                &index.pinyin,
                key.pinyin,
                body_start,
            ) {
                return Some(TermMatch {
                    kind: MatchKind::Homophone,
                    score,
                    positions: if trace {
                        (start..start + term.chars.len()).collect()
                    } else {
                        Vec::new()
                    },
                });
            }
        }
        if best.is_some() || !direct {
            return best;
        }
        // Scattered over the text.
        let weak = if trace {
            self.skim.fuzzy_indices(text, &term.text)
        } else {
            self.skim
                .fuzzy_match(text, &term.text)
                .map(|score| (score, Vec::new()))
        };
        weak.map(|(score, positions)| TermMatch {
            kind: MatchKind::Weak,
            score: i32::try_from(score).unwrap_or(i32::MAX / 4),
            positions,
        })
    }

    /// The characters of `entry`'s text that the query matched (char
    /// indices, ascending, without repeats), for highlighting: those of
    /// each term's best match, whatever its tier.
    pub fn positions(&self, index: &SearchIndex, entry: &Entry) -> Vec<usize> {
        let key = &index.keys[entry.key as usize];
        let sounds = self.sounds(index);
        let mut work = self.work();
        let mut all = Vec::new();
        for (i, sounds) in sounds.iter().enumerate() {
            if let Some(found) = self.term_match(index, i, sounds.as_ref(), &mut work, key, true) {
                all.extend(found.positions);
            }
        }
        all.sort_unstable();
        all.dedup();
        all
    }
}
