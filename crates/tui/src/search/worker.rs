//! Searching off the event loop. The popup sends each query as a numbered
//! [`Request`]; a worker thread that owns the [`Searcher`] answers with an
//! [`Update`] holding the rows to show. Requests that arrive while a search
//! runs are skipped but for the newest, so typing never waits for a search
//! and the screen always catches up with the last key. Tests (and anything
//! without threads) use the inline client, which answers at once.

use baogao_report::library::Library;
use baogao_search::{FuzzyQuery, MatchKind, Matches, Mode, Scope, Searcher, TextHit};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

/// Heading matches put in order and shown; full-text paragraphs listed in
/// the popup.
pub const SHOWN_RESULTS: usize = 500;

/// A query to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub seq: u64,
    /// Every report, or the one being read.
    pub scope: Scope,
    pub mode: Mode,
    pub query: String,
}

/// One result row, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResultRow {
    pub(crate) report: u32,
    /// In [`baogao_report::model::Report::outline`] order, or `WHOLE_REPORT`.
    pub(crate) section: u32,
    /// The heading (or report title line) that matched; empty for a text hit.
    pub(crate) text: String,
    /// Matched characters of `text` (char indices), for highlighting.
    pub(crate) positions: Vec<usize>,
    /// A heading's tier; none for a text hit.
    pub(crate) kind: Option<MatchKind>,
    /// Full text: the paragraph's first hit.
    pub(crate) hit: Option<TextHit>,
    /// Full text: the hits in the paragraph, this one and those after it
    /// in `text_hits`; 1 for a heading.
    pub(crate) count: usize,
    /// The row's place in the whole result list (full text: its first hit's
    /// place in `text_hits`).
    pub(crate) index: usize,
}

/// The answer to a request.
#[derive(Debug, Clone)]
pub struct Update {
    pub(crate) request: Request,
    /// All matches (full text: hits), of which `rows` are the first.
    pub total: usize,
    /// Headings: how many of `total` are not weak matches; full text:
    /// `total` (a hit is exact).
    pub(crate) close: usize,
    /// Headings: the row of the first weak match when closer ones come
    /// before it, where the popup draws a divider.
    pub(crate) weak_from: Option<usize>,
    /// Full text: the paragraphs holding the hits kept, one row each (of
    /// which `rows` are the first); for headings, `total`.
    pub(crate) paragraphs: usize,
    /// False when full-text hits were too many to keep them all.
    pub(crate) complete: bool,
    pub(crate) rows: Vec<ResultRow>,
    /// Full text: every hit kept, for n/N in the reader.
    pub text_hits: Option<Arc<Vec<TextHit>>>,
}

/// Where the popup sends its queries.
pub(crate) enum SearchClient<'a> {
    /// Answers in the caller's thread, at once; built on first use.
    Inline {
        library: &'a Library,
        searcher: Option<Box<Searcher<'a>>>,
        answer: Option<Update>,
    },
    /// A worker thread answers through the event loop.
    Background(Sender<Request>),
}

impl<'a> SearchClient<'a> {
    pub(crate) fn inline(library: &'a Library) -> SearchClient<'a> {
        SearchClient::Inline {
            library,
            searcher: None,
            answer: None,
        }
    }

    /// Start a worker in `scope`; `deliver` hands each update to the event
    /// loop. The worker stops when the returned guard is dropped (also when
    /// unwinding from a panic), after the search it may be running: the
    /// scope waits for it, so leave the terminal before the scope ends.
    pub(crate) fn background<'scope>(
        scope: &'scope thread::Scope<'scope, '_>,
        library: &'scope Library,
        deliver: impl Fn(Update) -> bool + Send + 'scope,
    ) -> (SearchClient<'a>, WorkerGuard) {
        let (requests, inbox) = mpsc::channel::<Request>();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        scope.spawn(move || {
            // Build the heading index now, while the reader is being looked
            // at; the paragraph list for full text once no query is waiting
            // (a query typed ahead is answered first).
            let mut searcher = Searcher::new(library, SHOWN_RESULTS);
            searcher.index();
            let mut prepared = false;
            while !stopped.load(Ordering::Relaxed) {
                let wait = if prepared { 100 } else { 0 };
                let mut request = match inbox.recv_timeout(Duration::from_millis(wait)) {
                    Ok(request) => request,
                    Err(RecvTimeoutError::Timeout) => {
                        searcher.prepare();
                        prepared = true;
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => break,
                };
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                if !deliver(answer(&mut searcher, request)) {
                    break;
                }
            }
        });
        (SearchClient::Background(requests), WorkerGuard(stop))
    }

    pub(crate) fn request(&mut self, request: Request) {
        match self {
            SearchClient::Inline {
                library,
                searcher,
                answer: slot,
            } => {
                let searcher = searcher.get_or_insert_with(|| {
                    // As the worker does, so tests take the same paths.
                    let searcher = Searcher::new(library, SHOWN_RESULTS);
                    searcher.prepare();
                    Box::new(searcher)
                });
                *slot = Some(answer(searcher, request));
            }
            SearchClient::Background(requests) => {
                // A stopped worker leaves the popup without results, not broken.
                let _ = requests.send(request);
            }
        }
    }

    /// The inline client's answer to the last request, once.
    pub(crate) fn take_answer(&mut self) -> Option<Update> {
        match self {
            SearchClient::Inline { answer, .. } => answer.take(),
            SearchClient::Background(_) => None,
        }
    }
}

/// Stops the search worker when dropped.
#[derive(Debug)]
pub(crate) struct WorkerGuard(Arc<AtomicBool>);

impl Drop for WorkerGuard {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Run one request and make its rows.
pub fn answer(searcher: &mut Searcher, request: Request) -> Update {
    let results = searcher.search_in(request.scope, request.mode, &request.query);
    let total = results.len();
    let close = match &results.matches {
        Matches::Headings { close, .. } => *close,
        Matches::Text { .. } => total,
    };
    let (rows, complete, text_hits) = match &results.matches {
        Matches::Headings { hits, .. } => {
            let index = searcher.index();
            let query = FuzzyQuery::new(&request.query);
            let rows = hits
                .iter()
                .enumerate()
                .map(|(place, hit)| {
                    let entry = &index.entries()[hit.entry as usize];
                    ResultRow {
                        report: entry.report,
                        section: entry.section,
                        text: index.text(entry).to_string(),
                        positions: query
                            .as_ref()
                            .map(|q| q.positions(index, entry))
                            .unwrap_or_default(),
                        kind: Some(hit.kind),
                        hit: None,
                        count: 1,
                        index: place,
                    }
                })
                .collect();
            (rows, true, None)
        }
        Matches::Text { hits, complete } => {
            let rows = paragraph_rows(hits);
            (rows, *complete, Some(Arc::clone(hits)))
        }
    };
    let paragraphs = match &text_hits {
        Some(hits) => paragraph_count(hits),
        None => total,
    };
    // Hits come in tier order: the weak ones are the last rows.
    let weak_from = rows
        .iter()
        .position(|row: &ResultRow| row.kind == Some(MatchKind::Weak))
        .filter(|&row| row > 0);
    Update {
        request,
        total,
        close,
        weak_from,
        paragraphs,
        complete,
        rows,
        text_hits,
    }
}

/// One row per paragraph with hits (hits come in reading order, so a
/// paragraph's hits are next to each other), the first [`SHOWN_RESULTS`].
fn paragraph_rows(hits: &[TextHit]) -> Vec<ResultRow> {
    let mut rows: Vec<ResultRow> = Vec::new();
    for (place, hit) in hits.iter().enumerate() {
        if let Some(last) = rows.last_mut()
            && last.hit.is_some_and(|first| same_paragraph(&first, hit))
        {
            last.count += 1;
            continue;
        }
        if rows.len() == SHOWN_RESULTS {
            break;
        }
        rows.push(ResultRow {
            report: hit.report,
            section: hit.section,
            text: String::new(),
            positions: Vec::new(),
            kind: None,
            hit: Some(*hit),
            count: 1,
            index: place,
        });
    }
    rows
}

/// How many paragraphs hold the hits.
fn paragraph_count(hits: &[TextHit]) -> usize {
    let repeats = hits
        .windows(2)
        .filter(|pair| same_paragraph(&pair[0], &pair[1]))
        .count();
    hits.len() - repeats
}

fn same_paragraph(a: &TextHit, b: &TextHit) -> bool {
    (a.report, a.section, a.paragraph) == (b.report, b.section, b.paragraph)
}
