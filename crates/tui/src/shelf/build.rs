//! Building a [`Shelf`]: every report's path of levels is put into a trie
//! (a hash-map look-up per level, keys borrowed from the reports; a report
//! of the same township as the one before it starts from that township's
//! node), each node's children are sorted (places by pinyin, townships in
//! library order, which is pinyin order, years upwards), and the trie is
//! walked once more to share the row of every level that has a single
//! child. Labels are made once per node, not per report.

use super::{
    CHAIN, Child, Group, Grouping, Level, ReportRow, Shelf, place_key, township_label,
    township_with_county, unplaced, year_label,
};
use baogao_report::library::Library;
use baogao_report::library::reading_key;
use baogao_report::model::Report;
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Where a node goes among its siblings: places first (by pinyin), then
/// the unplaced, townships (by first report, in library order) and years.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Order {
    Place(Vec<Cow<'static, str>>, String),
    Unplaced,
    Township(usize),
    Year(bool, i32),
}

/// What tells a node from its siblings, borrowed from a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum StepKey<'r> {
    Name(&'r str),
    /// A township by its whole place: province, city, county, name.
    Place([Option<&'r str>; 4]),
    Year(Option<i32>),
    Unplaced,
}

/// A node of the trie before compaction.
#[derive(Debug)]
struct Raw {
    level: Level,
    label: String,
    order: Order,
    /// A township that has a name (未具名 is none).
    named: bool,
    children: Vec<usize>,
    reports: Vec<usize>,
}

/// Group `library` one way (see [`Grouping`]).
pub(crate) fn shelve(library: &Library, grouping: Grouping) -> Shelf {
    let mut raw = vec![Raw {
        level: Level::Unplaced,
        label: String::new(),
        order: Order::Unplaced,
        named: false,
        children: Vec::new(),
        reports: Vec::new(),
    }];
    // FxHash: the keys are small integers and the library's own names.
    let mut child_of: FxHashMap<(usize, StepKey), usize> =
        FxHashMap::with_capacity_and_hasher(library.len() * 2, Default::default());
    let mut township_of = vec![None; library.len()];
    // The township node of the report before, with its whole place.
    let mut last_township: Option<([Option<&str>; 4], usize, usize)> = None;
    for (index, report) in library.reports().iter().enumerate() {
        let place = place_key(report);
        let steps = path(report, grouping);
        // Reports of one township are neighbours in library order: start
        // below the levels the report before went through.
        let (mut at, skip) = match last_township {
            Some((last, node, depth)) if last == place && grouping != Grouping::Year => {
                township_of[index] = raw[node].named.then_some(node as u32);
                (node, depth)
            }
            _ => (0, 0),
        };
        for (depth, (level, key)) in steps.iter().enumerate().skip(skip) {
            let next = raw.len();
            let node = *child_of.entry((at, *key)).or_insert(next);
            if node == next {
                raw.push(new_node(report, *level, index, grouping));
                raw[at].children.push(node);
            }
            at = node;
            if *level == Level::Township {
                last_township = Some((place, node, depth + 1));
                if raw[node].named {
                    township_of[index] = Some(node as u32);
                }
            }
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
        rows: vec![ReportRow::default(); library.len()],
        prefixes: Vec::new(),
        township_of,
        townships: raw.iter().filter(|node| node.named).count(),
        counties: raw
            .iter()
            .filter(|node| node.level == Level::County)
            .count(),
    };
    let top = raw[0].children.clone();
    for node in top {
        let (child, _) = compact(&mut shelf, &raw, library, node, None);
        shelf.top.push(child);
    }
    // Every report under each group, in library order: up from each report.
    for r in 0..library.len() {
        let mut at = shelf.parent_of[r];
        while let Some(g) = at {
            shelf.groups[g].reports.push(r);
            at = shelf.groups[g].parent;
        }
    }
    shelf
}

/// A new trie node for `level` of `report`'s path.
fn new_node(report: &Report, level: Level, index: usize, grouping: Grouping) -> Raw {
    let name = |field: &Option<String>| field.clone().unwrap_or_default();
    let label = match level {
        Level::Province => name(&report.province),
        Level::City => name(&report.city),
        Level::County => name(&report.county),
        Level::Unplaced => unplaced().to_string(),
        // Under its county the township needs no county beside it.
        Level::Township if grouping == Grouping::Place => {
            township_label(report.township.as_deref()).to_string()
        }
        Level::Township => township_with_county(report),
        Level::Year => year_label(report.year),
    };
    let order = match level {
        Level::Province | Level::City | Level::County => {
            Order::Place(reading_key(&label), label.clone())
        }
        Level::Unplaced => Order::Unplaced,
        Level::Township => Order::Township(index),
        Level::Year => Order::Year(report.year.is_none(), report.year.unwrap_or(0)),
    };
    Raw {
        level,
        label,
        order,
        named: level == Level::Township && report.township.is_some(),
        children: Vec::new(),
        reports: Vec::new(),
    }
}

/// The levels from the top of the tree down to a report's group.
fn path(report: &Report, grouping: Grouping) -> Vec<(Level, StepKey<'_>)> {
    let year = (Level::Year, StepKey::Year(report.year));
    // The whole place keys a township, so that one name in two counties
    // makes two groups whichever way the tree is grouped.
    let township = (Level::Township, StepKey::Place(place_key(report)));
    match grouping {
        Grouping::Place => {
            let mut steps: Vec<(Level, StepKey)> = [
                (Level::Province, &report.province),
                (Level::City, &report.city),
                (Level::County, &report.county),
            ]
            .into_iter()
            .filter_map(|(level, name)| name.as_deref().map(|name| (level, StepKey::Name(name))))
            .collect();
            if steps.is_empty() {
                steps.push((Level::Unplaced, StepKey::Unplaced));
            }
            steps.push(township);
            steps.push(year);
            steps
        }
        Grouping::Township => vec![township, year],
        Grouping::Year => vec![year, township],
    }
}

/// Make the row of trie node `node` and what is under it, sharing the row
/// with every level below that has a single child; return it and the
/// number of named townships under it.
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
    let own_townships = chain.iter().filter(|&&n| raw[n].named).count();
    let last = &raw[at];
    if last.children.is_empty() && last.reports.len() == 1 {
        let r = last.reports[0];
        shelf.parent_of[r] = parent;
        shelf.rows[r] = ReportRow {
            prefix: Some(shelf.prefixes.len() as u32),
            by_title: false,
        };
        shelf.prefixes.push(label);
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
    let mut townships = own_townships;
    for &child in &last.children {
        let (row, under) = compact(shelf, raw, library, child, Some(id));
        townships += under;
        children.push(row);
    }
    for &r in &last.reports {
        shelf.parent_of[r] = Some(id);
        shelf.rows[r] = ReportRow {
            prefix: None,
            by_title: shares_kind(library, r, &last.reports),
        };
        children.push(Child::Report(r));
    }
    let group = &mut shelf.groups[id];
    group.children = children;
    group.townships = townships;
    (Child::Group(id), townships)
}

/// Whether another report of `group` has report `r`'s kind and period: its
/// row then says its title instead.
fn shares_kind(library: &Library, r: usize, group: &[usize]) -> bool {
    let report = &library.reports()[r];
    let label = report.kind.label_zh(report.period);
    group
        .iter()
        .filter(|&&other| other != r)
        .map(|&other| &library.reports()[other])
        .any(|other| other.kind.label_zh(other.period) == label)
}
