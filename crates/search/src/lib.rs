//! Search: fuzzy over headings and report titles (with pinyin), and
//! substring over paragraph text. One engine for the TUI's popup and for
//! `baogao search`; no terminal code here.
//!
//! - `index.rs`: the heading index, built once from a [`Library`].
//! - `pinyin.rs`: the readings of characters (spellings and sounds).
//! - `latin.rs`: a Latin term through pinyin (close, typo; weak in
//!   `apart.rs`).
//! - `direct.rs`: a term's own characters (close, homophone, weak).
//! - `fuzzy.rs`: query terms, place words, each key's tier and score.
//! - `rank.rs`: the order of hits; `weights.rs`: the weights of scores.
//! - [`fulltext`]: substring hits in paragraphs, snippets.
//! - `paragraphs.rs`: every paragraph in one list with the characters it
//!   holds, so that full-text search runs down an array and skips the
//!   paragraphs that cannot match.
//!
//! [`Searcher`] ties them together for typing: it keeps the results of the
//! queries typed so far, so that one more character of a heading query only
//! re-examines what matched before (a longer query can only match a
//! subset, unless it has just grown long enough for typos or homophones),
//! and Backspace goes back to a result already computed. Full text
//! runs each query afresh down the prepared paragraph list. A query searches
//! a [`Scope`]: the whole library or one report.

#![forbid(unsafe_code)]

pub(crate) mod apart;
pub(crate) mod direct;
pub mod fulltext;
pub(crate) mod fuzzy;
pub(crate) mod index;
pub(crate) mod latin;
pub(crate) mod paragraphs;
pub(crate) mod pinyin;
pub(crate) mod rank;
pub(crate) mod weights;

pub use fulltext::{Snippet, TextHit, snippet};
pub use fuzzy::{FuzzyQuery, MatchKind, Scored};
pub use index::{Entry, SearchIndex, WHOLE_REPORT, section_path};

use baogao_report::library::Library;
use fulltext::TextQuery;
use paragraphs::ParagraphIndex;
use rank::best_entries;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// What a query searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Headings and report titles, fuzzy, with pinyin.
    Headings,
    /// Paragraph text, by substring.
    FullText,
}

impl Mode {
    pub fn toggled(self) -> Mode {
        match self {
            Mode::Headings => Mode::FullText,
            Mode::FullText => Mode::Headings,
        }
    }
}

/// Where a query searches: the whole library, or one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// Every report.
    #[default]
    Library,
    /// Only the report at this index in [`Library::reports`]: its headings
    /// (its title included) or its paragraphs. An index past the end
    /// finds nothing.
    Report(usize),
}

/// Full-text hits kept at most; past this a query is too broad to list.
pub const MAX_TEXT_HITS: usize = 200_000;

/// The results of one query.
#[derive(Debug, Clone)]
pub struct Results {
    /// Where the query searched.
    pub scope: Scope,
    pub mode: Mode,
    pub query: String,
    pub matches: Matches,
}

#[derive(Debug, Clone)]
pub enum Matches {
    /// The best matching entries (up to the searcher's limit), best first
    /// (by tier, then score: every [`MatchKind::Weak`] hit after all the
    /// others), of `total` that match.
    Headings {
        hits: Arc<Vec<Scored>>,
        total: usize,
        /// How many of `total` are not [`MatchKind::Weak`]: the close ones
        /// and those found through a homophone or a typo.
        close: usize,
        /// The matching distinct texts (for narrowing).
        keys: Arc<Vec<u32>>,
    },
    /// Hits in library order; `complete` is false when cut at [`MAX_TEXT_HITS`].
    Text {
        hits: Arc<Vec<TextHit>>,
        complete: bool,
    },
}

impl Results {
    /// Number of matches (entries or text hits).
    pub fn len(&self) -> usize {
        match &self.matches {
            Matches::Headings { total, .. } => *total,
            Matches::Text { hits, .. } => hits.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn empty(scope: Scope, mode: Mode, query: &str) -> Results {
        let matches = match mode {
            Mode::Headings => Matches::Headings {
                hits: Arc::default(),
                total: 0,
                close: 0,
                keys: Arc::default(),
            },
            Mode::FullText => Matches::Text {
                hits: Arc::default(),
                complete: true,
            },
        };
        Results {
            scope,
            mode,
            query: query.to_string(),
            matches,
        }
    }
}

/// A search session over one library: the index plus the results of the
/// queries typed so far, for narrowing.
#[derive(Debug)]
pub struct Searcher<'a> {
    library: &'a Library,
    /// Built on first use: a full-text search never needs it.
    index: OnceLock<SearchIndex>,
    /// Built only by [`Searcher::prepare`]: it pays off over many queries.
    paragraphs: OnceLock<ParagraphIndex<'a>>,
    /// Results of successively longer queries, each a prefix of the next.
    history: Vec<Results>,
    /// How many heading matches are put in order.
    rank_limit: usize,
}

impl<'a> Searcher<'a> {
    /// A searcher over `library`, ranking the best `rank_limit` heading
    /// matches. The heading index is built when first needed (or asked for
    /// with [`Searcher::index`], to build it ahead of the first query).
    pub fn new(library: &'a Library, rank_limit: usize) -> Searcher<'a> {
        Searcher {
            library,
            index: OnceLock::new(),
            paragraphs: OnceLock::new(),
            history: Vec::new(),
            rank_limit,
        }
    }

    /// The heading index of the library, built now if it was not yet.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::build(self.library))
    }

    /// Build what a session of many queries uses, ahead of the first: the
    /// heading index and the paragraph index of full-text search. A
    /// searcher that is never prepared walks the reports instead.
    pub fn prepare(&self) {
        self.index();
        self.paragraphs
            .get_or_init(|| ParagraphIndex::build(self.library));
    }

    /// Forget the queries typed so far: the next search starts afresh.
    pub fn forget(&mut self) {
        self.history.clear();
    }

    /// Run `query` in `mode` over the whole library, narrowing from an
    /// earlier query when one is a prefix: [`Searcher::search_in`] with
    /// [`Scope::Library`].
    pub fn search(&mut self, mode: Mode, query: &str) -> Results {
        self.search_in(Scope::Library, mode, query)
    }

    /// Run `query` in `mode` within `scope`, narrowing from an earlier
    /// query of the same scope and mode when one is a prefix.
    pub fn search_in(&mut self, scope: Scope, mode: Mode, query: &str) -> Results {
        // Keep only the earlier queries this one extends. Another scope's
        // results are of other reports: a change of scope starts afresh.
        while let Some(last) = self.history.last() {
            if last.scope == scope && last.mode == mode && query.starts_with(last.query.as_str()) {
                break;
            }
            self.history.pop();
        }
        if let Some(last) = self.history.last()
            && last.query == query
        {
            return last.clone();
        }
        let results = match mode {
            Mode::Headings => self.headings(scope, query),
            Mode::FullText => self.full_text(scope, query),
        };
        self.history.push(results.clone());
        results
    }

    fn headings(&self, scope: Scope, query: &str) -> Results {
        let Some(fuzzy) = FuzzyQuery::new(query) else {
            return Results::empty(scope, Mode::Headings, query);
        };
        let index = self.index();
        // Only a longer last term narrows: a new term may name a place,
        // which admits keys whose text an earlier term alone did not match;
        // a term that has just grown long enough to allow a typo or one
        // more homophone may match what the shorter one did not; and a last
        // term that named a place counted as the place, not as a loose match
        // of the text, which its longer form (naming none) may be.
        let within = self.history.last().and_then(|last| match &last.matches {
            Matches::Headings { keys, .. } => {
                let before = FuzzyQuery::new(&last.query)?;
                let narrows = before.len() == fuzzy.len()
                    && fuzzy.last_tolerance().within(before.last_tolerance())
                    && !before.last_term_names_a_place(index);
                narrows.then(|| keys.clone())
            }
            Matches::Text { .. } => None,
        });
        // In one report's scope only its entries are listed, and only their
        // keys are matched (the history holds this scope's keys alone).
        let only = scope_entries(index, scope);
        let within = within.or_else(|| {
            only.clone()
                .map(|entries| Arc::new(keys_of(index, entries)))
        });
        let places = fuzzy.places(index);
        let within = within.as_deref().map(Vec::as_slice);
        let mut keys = fuzzy.matching_keys(index, &places, within);
        let matched: Vec<u32> = keys.iter().map(|k| k.key).collect();
        let ranked = best_entries(index, &places, &mut keys, self.rank_limit, only.as_ref());
        Results {
            scope,
            mode: Mode::Headings,
            query: query.to_string(),
            matches: Matches::Headings {
                hits: Arc::new(ranked.hits),
                total: ranked.total,
                close: ranked.close,
                keys: Arc::new(matched),
            },
        }
    }

    fn full_text(&self, scope: Scope, query: &str) -> Results {
        let Some(text) = TextQuery::new(query) else {
            return Results::empty(scope, Mode::FullText, query);
        };
        // Each query afresh: down the prepared list of paragraphs, which
        // beat revisiting the earlier hits' paragraphs report by report
        // (10 000 reports: 3-5 ms against 6-8 ms after a first character),
        // or, unprepared (a single `baogao search`), through the reports.
        // One report's scope reads that report's paragraphs only.
        let mut hits = match (self.paragraphs.get(), scope) {
            (Some(paragraphs), Scope::Library) => text.find_indexed(paragraphs.all()),
            (Some(paragraphs), Scope::Report(report)) => {
                text.find_indexed(paragraphs.of_report(report))
            }
            (None, Scope::Library) => text.find(self.library),
            (None, Scope::Report(report)) => match self.library.reports().get(report) {
                Some(found) => text.find_in_report(report as u32, found),
                None => Vec::new(),
            },
        };
        let complete = hits.len() <= MAX_TEXT_HITS;
        hits.truncate(MAX_TEXT_HITS);
        Results {
            scope,
            mode: Mode::FullText,
            query: query.to_string(),
            matches: Matches::Text {
                hits: Arc::new(hits),
                complete,
            },
        }
    }
}

/// The entries of the report a scope names, as a range of entry ids (a
/// report's entries are one run, in library order); `None` for the library.
fn scope_entries(index: &SearchIndex, scope: Scope) -> Option<Range<u32>> {
    let Scope::Report(report) = scope else {
        return None;
    };
    let entries = index.entries();
    let from = entries.partition_point(|e| (e.report as usize) < report);
    let to = entries.partition_point(|e| e.report as usize <= report);
    Some(from as u32..to as u32)
}

/// The distinct keys of a range of entries, in key order.
fn keys_of(index: &SearchIndex, entries: Range<u32>) -> Vec<u32> {
    let mut keys: Vec<u32> = index.entries()[entries.start as usize..entries.end as usize]
        .iter()
        .map(|entry| entry.key)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}
