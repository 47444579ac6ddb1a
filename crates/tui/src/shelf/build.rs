//! Building a [`Shelf`]: every report's path of levels is put into a trie
//! (one hash-map look-up per level), each node's children are sorted (places
//! by pinyin, townships in library order, which is pinyin order, years
//! upwards), and the trie is walked once more to share the row of every
//! level that has a single child.

use super::{
    CHAIN, Child, Group, Grouping, Level, Shelf, UNPLACED, place_key, township_label,
    township_with_county, year_label,
};
use baogao_report::library::Library;
use baogao_report::model::Report;
use baogao_search::place::reading_key;
use std::borrow::Cow;
use std::collections::HashMap;

/// Where a node goes among its siblings: places first (by pinyin), then
/// the unplaced, townships (by first report, in library order) and years.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Order {
    Place(Vec<Cow<'static, str>>, String),
    Unplaced,
    Township(usize),
    Year(bool, i32),
}

/// A node of the trie before compaction.
#[derive(Debug)]
struct Raw {
    level: Level,
    label: String,
    order: Order,
    children: Vec<usize>,
    reports: Vec<usize>,
}

/// One level of a report's path: its kind, what tells it from its
/// siblings, and its label.
struct Step {
    level: Level,
    key: String,
    label: String,
}

/// Group `library` one way (see [`Grouping`]).
pub(crate) fn shelve(library: &Library, grouping: Grouping) -> Shelf {
    let mut raw = vec![Raw {
        level: Level::Unplaced,
        label: String::new(),
        order: Order::Unplaced,
        children: Vec::new(),
        reports: Vec::new(),
    }];
    let mut child_of: HashMap<(usize, Level, String), usize> = HashMap::new();
    for (index, report) in library.reports().iter().enumerate() {
        let mut at = 0;
        for step in path(report, grouping) {
            let Step { level, key, label } = step;
            let next = raw.len();
            let node = *child_of.entry((at, level, key)).or_insert(next);
            if node == next {
                let order = match level {
                    Level::Province | Level::City | Level::County => {
                        Order::Place(reading_key(&label), label.clone())
                    }
                    Level::Unplaced => Order::Unplaced,
                    Level::Township => Order::Township(index),
                    Level::Year => Order::Year(report.year.is_none(), report.year.unwrap_or(0)),
                };
                raw.push(Raw {
                    level,
                    label,
                    order,
                    children: Vec::new(),
                    reports: Vec::new(),
                });
                raw[at].children.push(node);
            }
            at = node;
        }
        raw[at].reports.push(index);
    }
    for node in 0..raw.len() {
        let mut children = std::mem::take(&mut raw[node].children);
        children.sort_by(|&a, &b| raw[a].order.cmp(&raw[b].order));
        raw[node].children = children;
    }
    let mut shelf = Shelf {
        grouping,
        groups: Vec::new(),
        top: Vec::new(),
        parent_of: vec![None; library.len()],
        labels: vec![String::new(); library.len()],
    };
    let top = raw[0].children.clone();
    for node in top {
        let (child, _) = compact(&mut shelf, &raw, library, node, None);
        shelf.top.push(child);
    }
    shelf
}

/// The levels from the top of the tree down to a report's group.
fn path(report: &Report, grouping: Grouping) -> Vec<Step> {
    let year = Step {
        level: Level::Year,
        key: year_label(report.year),
        label: year_label(report.year),
    };
    // The whole place keys a township, so that one name in two counties
    // makes two groups whichever way the tree is grouped.
    let whole_place = place_key(report)
        .iter()
        .map(|part| part.unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\u{1F}");
    let named_township = || Step {
        level: Level::Township,
        key: whole_place.clone(),
        label: township_with_county(report),
    };
    match grouping {
        Grouping::Place => {
            let mut steps: Vec<Step> = [
                (Level::Province, &report.province),
                (Level::City, &report.city),
                (Level::County, &report.county),
            ]
            .into_iter()
            .filter_map(|(level, name)| {
                name.as_ref().map(|name| Step {
                    level,
                    key: name.clone(),
                    label: name.clone(),
                })
            })
            .collect();
            if steps.is_empty() {
                steps.push(Step {
                    level: Level::Unplaced,
                    key: String::new(),
                    label: UNPLACED.to_string(),
                });
            }
            // Under its county the township needs no county beside it.
            let name = township_label(report.township.as_deref()).to_string();
            steps.push(Step {
                level: Level::Township,
                key: name.clone(),
                label: name,
            });
            steps.push(year);
            steps
        }
        Grouping::Township => vec![named_township(), year],
        Grouping::Year => vec![year, named_township()],
    }
}

/// Make the row of trie node `node` and what is under it, sharing the row
/// with every level below that has a single child; return it and the
/// number of townships under it.
fn compact(
    shelf: &mut Shelf,
    raw: &[Raw],
    library: &Library,
    node: usize,
    parent: Option<usize>,
) -> (Child, usize) {
    let mut chain = vec![node];
    let mut at = node;
    while raw[at].reports.is_empty() && raw[at].children.len() == 1 {
        at = raw[at].children[0];
        chain.push(at);
    }
    let label = chain
        .iter()
        .map(|&n| raw[n].label.as_str())
        .collect::<Vec<_>>()
        .join(CHAIN);
    let own_townships = usize::from(chain.iter().any(|&n| raw[n].level == Level::Township));
    let last = &raw[at];
    if last.children.is_empty() && last.reports.len() == 1 {
        let r = last.reports[0];
        shelf.parent_of[r] = parent;
        let own = report_label(library, r, &last.reports);
        shelf.labels[r] = format!("{label}{CHAIN}{own}");
        return (Child::Report(r), own_townships);
    }
    let id = shelf.groups.len();
    shelf.groups.push(Group {
        label,
        level: last.level,
        children: Vec::new(),
        reports: Vec::new(),
        townships: 0,
        parent,
    });
    let mut children = Vec::with_capacity(last.children.len() + last.reports.len());
    let mut reports = Vec::new();
    let mut townships = own_townships;
    for &child in &last.children {
        let (row, under) = compact(shelf, raw, library, child, Some(id));
        townships += under;
        match row {
            Child::Group(g) => reports.extend_from_slice(&shelf.groups[g].reports),
            Child::Report(r) => reports.push(r),
        }
        children.push(row);
    }
    for &r in &last.reports {
        shelf.parent_of[r] = Some(id);
        shelf.labels[r] = report_label(library, r, &last.reports);
        children.push(Child::Report(r));
        reports.push(r);
    }
    reports.sort_unstable();
    let group = &mut shelf.groups[id];
    group.children = children;
    group.reports = reports;
    group.townships = townships;
    (Child::Group(id), townships)
}

/// A report's own row label: its kind and period ("上半年工作总结"), or
/// its title when another report of its group shares that label.
fn report_label(library: &Library, r: usize, group: &[usize]) -> String {
    let report = &library.reports()[r];
    let label = report.kind.label_zh(report.period);
    let sharing = group
        .iter()
        .map(|&other| &library.reports()[other])
        .filter(|other| other.kind.label_zh(other.period) == label)
        .count();
    if sharing > 1 {
        super::report_title(report).to_string()
    } else {
        label.to_string()
    }
}
