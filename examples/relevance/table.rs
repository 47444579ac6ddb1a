//! The scores of each judged query, and their means per kind as a Markdown
//! table: for each engine, precision at 10, recall over every result and
//! over the first 500 (what the popup lists), and the mean reciprocal rank.

use crate::queries::{Kind, Place, Query};
use baogao_testkit::relevance::{mean, precision_at, recall, reciprocal_rank};
use std::collections::HashSet;
use std::fmt::Write;

/// How many results a user looks at first.
pub const TOP: usize = 10;

/// One engine's scores on one query.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    pub precision: f64,
    /// Over every result the engine returns.
    pub recall: f64,
    /// Over the results the popup lists.
    pub recall_shown: f64,
    pub reciprocal_rank: f64,
}

impl Scores {
    /// `shown` is the list as the popup has it (its first results);
    /// `all` is every result, in the same order.
    pub fn of(shown: &[u32], all: &[u32], relevant: &HashSet<u32>) -> Scores {
        Scores {
            precision: precision_at(TOP, shown, relevant),
            recall: recall(all, relevant),
            recall_shown: recall(shown, relevant),
            reciprocal_rank: reciprocal_rank(shown, relevant),
        }
    }
}

/// A query, how many entries are relevant to it, and each engine's scores
/// (`None` for an engine that did not run).
#[derive(Debug)]
pub struct Judged {
    pub query: Query,
    pub relevant: usize,
    pub scores: Vec<Option<Scores>>,
}

/// The means per kind (and over all queries) as a Markdown table, a group
/// of columns per engine.
pub fn means(judged: &[Judged], engines: &[&str]) -> String {
    let mut out = String::from("| kind | queries |");
    for engine in engines {
        let _ = write!(
            out,
            " {engine} P@10 | {engine} recall (all / 500) | {engine} MRR |"
        );
    }
    out.push_str("\n|---|---:|");
    out.push_str(&"---:|---:|---:|".repeat(engines.len()));
    out.push('\n');
    let kinds = Kind::ALL.into_iter().map(Some).chain([None]);
    for kind in kinds {
        let rows: Vec<&Judged> = judged
            .iter()
            .filter(|j| kind.is_none_or(|k| j.query.kind == k))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let name = kind.map_or("**all**", Kind::name);
        let _ = write!(out, "| {name} | {} |", rows.len());
        for engine in 0..engines.len() {
            let scores: Option<Vec<Scores>> = rows.iter().map(|j| j.scores[engine]).collect();
            match scores {
                Some(scores) => {
                    let m = |f: fn(&Scores) -> f64| mean(scores.iter().map(f));
                    let _ = write!(
                        out,
                        " {:.2} | {:.2} / {:.2} | {:.2} |",
                        m(|s| s.precision),
                        m(|s| s.recall),
                        m(|s| s.recall_shown),
                        m(|s| s.reciprocal_rank)
                    );
                }
                None => out.push_str(" — | — | — |"),
            }
        }
        out.push('\n');
    }
    out
}

/// Every query on its own row, for reading what went wrong.
pub fn each(judged: &[Judged], engines: &[&str]) -> String {
    let mut out = String::from("| kind | query | word | place | relevant |");
    for engine in engines {
        let _ = write!(out, " {engine} P@10 / R / RR |");
    }
    out.push_str("\n|---|---|---|---|---:|");
    out.push_str(&"---:|".repeat(engines.len()));
    out.push('\n');
    for j in judged {
        let place = match &j.query.place {
            Some(Place::Year(year)) => year.to_string(),
            Some(Place::Township(name)) => name.clone(),
            None => String::new(),
        };
        let _ = write!(
            out,
            "| {} | `{}` | {} | {place} | {} |",
            j.query.kind.name(),
            j.query.text,
            j.query.word,
            j.relevant
        );
        for scores in &j.scores {
            match scores {
                Some(s) => {
                    let _ = write!(
                        out,
                        " {:.2} / {:.2} / {:.2} |",
                        s.precision, s.recall, s.reciprocal_rank
                    );
                }
                None => out.push_str(" — |"),
            }
        }
        out.push('\n');
    }
    out
}
