//! The judged queries: each one what a user types, its kind, the word they
//! mean and, for a place-narrowed query, the place. Two sets: one generated
//! from a library's own frequent words (`generated`), one written by hand
//! in `tests/data/relevance/queries.tsv` (`read`).

use crate::forms::{self, Edit, Homophones};
use crate::truth;
use anyhow::{Context, bail};
use baogao_report::library::Library;
use baogao_search::SearchIndex;
use std::collections::BTreeSet;
use std::path::Path;

/// What kind of slip or shortcut a query is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The word as written: 招商引资.
    Chinese,
    /// Its full pinyin: zhaoshangyinzi.
    Pinyin,
    /// Its initials: zsyz.
    Initials,
    /// The first syllable in full, then initials: zhaosyz.
    Mixed,
    /// One character swapped for one that reads the same: 招商引姿.
    Homophone,
    /// Its full pinyin with one letter swapped, left out or doubled.
    Typo,
    /// The word (or its initials) and a year or township: `党建 2021`.
    Place,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Chinese,
        Kind::Pinyin,
        Kind::Initials,
        Kind::Mixed,
        Kind::Homophone,
        Kind::Typo,
        Kind::Place,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Chinese => "chinese",
            Kind::Pinyin => "pinyin",
            Kind::Initials => "initials",
            Kind::Mixed => "mixed",
            Kind::Homophone => "homophone",
            Kind::Typo => "typo",
            Kind::Place => "place",
        }
    }

    fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Where a place-narrowed query's headings must be from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Year(i32),
    /// A township's name, as reports give it (南麂镇).
    Township(String),
}

/// One judged query.
#[derive(Debug, Clone)]
pub struct Query {
    pub kind: Kind,
    /// What is typed.
    pub text: String,
    /// The word meant: a heading is relevant when it contains it.
    pub word: String,
    pub place: Option<Place>,
}

/// A small deterministic generator (SplitMix64), so a seed gives the same
/// queries on any machine.
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index below `n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The queries made from `words`: for each, every kind; a place-narrowed
/// pair (the word and a year, its initials and a township in pinyin) taken
/// from reports that have the word in a heading. A form that cannot be
/// made (no reading, no homophone in the library) is left out.
pub fn generated(
    library: &Library,
    index: &SearchIndex,
    words: &[String],
    seed: u64,
) -> Vec<Query> {
    let homophones = Homophones::of_library(library);
    let mut rng = Rng(seed);
    let mut queries = Vec::new();
    for (n, word) in words.iter().enumerate() {
        let mut add = |kind: Kind, text: Option<String>, place: Option<Place>| {
            if let Some(text) = text {
                queries.push(Query {
                    kind,
                    text,
                    word: word.clone(),
                    place,
                });
            }
        };
        add(Kind::Chinese, Some(word.clone()), None);
        add(Kind::Pinyin, forms::full(word), None);
        add(Kind::Initials, forms::initials(word), None);
        add(Kind::Mixed, forms::mixed(word), None);
        let slip = homophones.slip(word, |n| rng.below(n));
        add(Kind::Homophone, slip, None);
        // Each edit in turn, so the three are as common as each other.
        let edit = Edit::ALL[n % Edit::ALL.len()];
        let typo = forms::full(word).and_then(|full| {
            let places = edit.places(&full);
            (!places.is_empty()).then(|| edit.apply(&full, places[rng.below(places.len())]))
        });
        add(Kind::Typo, typo, None);
        let (years, townships) = places_of(library, index, word);
        if !years.is_empty() {
            let year = years[rng.below(years.len())];
            add(
                Kind::Place,
                Some(format!("{word} {year}")),
                Some(Place::Year(year)),
            );
        }
        if !townships.is_empty() {
            let township = &townships[rng.below(townships.len())];
            let text = forms::initials(word)
                .zip(forms::full(township))
                .map(|(initials, town)| format!("{initials} {town}"));
            add(Kind::Place, text, Some(Place::Township(township.clone())));
        }
    }
    queries
}

/// The years and townships of the reports that have `word` in an entry,
/// each sorted.
fn places_of(library: &Library, index: &SearchIndex, word: &str) -> (Vec<i32>, Vec<String>) {
    let mut years = BTreeSet::new();
    let mut townships = BTreeSet::new();
    for entry in truth::relevant(library, index, word, None) {
        let report = &library.reports()[index.entries()[entry as usize].report as usize];
        years.extend(report.year);
        townships.extend(report.township.clone());
    }
    (years.into_iter().collect(), townships.into_iter().collect())
}

/// The hand-written queries of `path`: one a line, tab-separated: kind,
/// query, the word meant, and optionally the place (a year, or a
/// township's name). Blank lines and lines starting with `#` are skipped.
pub fn read(path: &Path) -> anyhow::Result<Vec<Query>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), n + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (kind, text, word, place) = match fields.as_slice() {
            [kind, text, word] => (kind, text, word, None),
            [kind, text, word, place] => (kind, text, word, Some(*place)),
            _ => bail!("{}: want kind, query, word [, place], tab-separated", at()),
        };
        let kind = Kind::parse(kind).with_context(|| format!("{}: no kind {kind:?}", at()))?;
        if text.is_empty() || word.is_empty() {
            bail!("{}: an empty query or word", at());
        }
        let place = place.filter(|p| !p.is_empty()).map(|p| match p.parse() {
            Ok(year) => Place::Year(year),
            Err(_) => Place::Township(p.to_string()),
        });
        if (kind == Kind::Place) != place.is_some() {
            bail!("{}: a place query, and only one, names a place", at());
        }
        queries.push(Query {
            kind,
            text: (*text).to_string(),
            word: (*word).to_string(),
            place,
        });
    }
    Ok(queries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hand_written_file_reads_and_has_every_kind() {
        let path = baogao_testkit::fixtures::test_data("relevance/queries.tsv");
        let queries = read(&path).expect("the hand-written queries read");
        assert!(queries.len() >= 40, "{} queries", queries.len());
        for kind in Kind::ALL {
            assert!(queries.iter().any(|q| q.kind == kind), "no {kind:?} query");
        }
        // The forms the generator derives are the forms written by hand.
        for query in &queries {
            let derived = match query.kind {
                Kind::Chinese => Some(query.word.clone()),
                Kind::Pinyin => forms::full(&query.word),
                Kind::Initials => forms::initials(&query.word),
                Kind::Mixed => forms::mixed(&query.word),
                _ => continue,
            };
            assert_eq!(derived.as_deref(), Some(query.text.as_str()), "{query:?}");
        }
    }

    #[test]
    fn the_bundled_reports_give_every_kind_each_with_a_relevant_heading() {
        let library = baogao_testkit::fixtures::bundled_library();
        let searcher = baogao_search::Searcher::new(&library, 10);
        let index = searcher.index();
        let words = crate::words::frequent(&library, index, 10);
        assert_eq!(words.len(), 10, "{words:?}");
        let queries = generated(&library, index, &words, 1);
        assert!(queries.len() >= 40, "{} queries", queries.len());
        for kind in Kind::ALL {
            assert!(queries.iter().any(|q| q.kind == kind), "no {kind:?} query");
        }
        for query in &queries {
            let relevant = truth::relevant(&library, index, &query.word, query.place.as_ref());
            assert!(!relevant.is_empty(), "{query:?}");
            // Only the Chinese kind types the word as it is.
            assert_eq!(
                query.kind == Kind::Chinese,
                query.text == query.word,
                "{query:?}"
            );
        }
    }

    #[test]
    fn a_line_needs_its_fields_and_a_place_only_for_place() {
        let dir = baogao_testkit::fixtures::temp_dir();
        let bad = [
            "pinyin\tdangjian",
            "spelling\tdangjian\t党建",
            "place\t党建 2020\t党建",
            "chinese\t党建\t党建\t2020",
        ];
        for line in bad {
            let path = baogao_testkit::fixtures::write_text(dir.path(), "q.tsv", line);
            assert!(read(&path).is_err(), "{line:?} was read");
        }
        let good =
            "# a comment\n\nplace\tdj nanjizhen\t党建\t南麂镇\nplace\t党建 2020\t党建\t2020\n";
        let path = baogao_testkit::fixtures::write_text(dir.path(), "q.tsv", good);
        let queries = read(&path).expect("a good file reads");
        assert_eq!(queries.len(), 2);
        assert_eq!(queries[0].place, Some(Place::Township("南麂镇".into())));
        assert_eq!(queries[1].place, Some(Place::Year(2020)));
    }
}
