//! `baogao places`: how many reports a library has per province, city,
//! county and township, and, for a county, its townships with no report.
//!
//! The tree is made from the reports' own place fields (as the importer
//! filled them from the official divisions); the gazetteer
//! (`baogao-places`) is read only to find what QUERY names and which
//! townships a county has.

use super::{Outcome, command_library, load, report_load_errors, text};
use baogao_places::{Gazetteer, Level, Unit};
use baogao_report::model::Report;
use clap::Args;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

const AFTER_HELP: &str = "\
QUERY is a province, city, county or township: its official name (浙江省,
平阳县), its name without the unit (浙江, 平阳, 南麂) or that in pinyin
(pingyang). Every unit of that name is shown. Reports the importer could
not place (the text names no place, or a township several units share and
the text names none of their counties) are counted under `unplaced`
(未定位 in Chinese, and always in --json).

Examples:
  baogao places
  baogao places 平阳县
  baogao places --dir ~/reports wenzhou --json";

/// Count reports by place: per province, city, county and township, and
/// the townships of a county that have no report.
///
/// Without QUERY, the whole library as a tree. With QUERY, each unit of
/// that name: its reports by place, and for a county the townships of it
/// that have none.
#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct PlacesArgs {
    /// Directory of report JSON files (searched recursively); default: the
    /// bundled reports.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// A place to look at (name, short name or pinyin).
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,

    /// Print JSON instead of the indented tree: an array of nodes with
    /// level, name, code, reports, children, and with QUERY the path of
    /// names above and (for a county) without_reports.
    #[arg(long)]
    pub json: bool,
}

/// One place of the tree and the reports under it.
#[derive(Debug, Default, Serialize)]
struct Node {
    level: &'static str,
    /// The units above, outermost first (QUERY only: in the tree, the
    /// parents are the path).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    path: Vec<String>,
    name: String,
    code: Option<String>,
    reports: usize,
    children: Vec<Node>,
    /// The townships of a county that have no report (QUERY only).
    #[serde(skip_serializing_if = "Option::is_none")]
    without_reports: Option<Vec<String>>,
}

/// The name under which reports with no known place are counted.
const NOT_PLACED: &str = "未定位";

pub fn run(args: &PlacesArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let loaded = load(args.dir.as_deref())?;
    report_load_errors(&loaded.errors);
    let library = command_library(loaded.reports);
    let reports: Vec<&Report> = library.reports().iter().collect();
    let chains: Vec<Vec<(Level, String)>> = reports.iter().map(|r| chain(r)).collect();
    let nodes = match args.query.as_deref().map(str::trim) {
        None | Some("") => {
            let items: Vec<Placed> = chains
                .iter()
                .map(Vec::as_slice)
                .zip(reports.iter().copied())
                .collect();
            tree(&items)
        }
        Some(query) => {
            let units = units_named(query);
            if units.is_empty() {
                eprintln!(
                    "no province, city, county or township is named {}",
                    text::clean(query)
                );
                return Ok(Outcome::Problems);
            }
            units
                .into_iter()
                .map(|u| unit_node(u, &reports, &chains))
                .collect()
        }
    };
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&nodes)?)?;
    } else {
        for node in &nodes {
            write_node(out, node, 0)?;
        }
    }
    Ok(if loaded.errors.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}

/// A report's places from the province down, as far as it knows them.
/// Unplaced reports (no province, city or county) go under 未定位.
fn chain(report: &Report) -> Vec<(Level, String)> {
    let mut chain: Vec<(Level, String)> = [
        (Level::Province, &report.province),
        (Level::City, &report.city),
        (Level::County, &report.county),
    ]
    .into_iter()
    .filter_map(|(level, name)| name.clone().map(|n| (level, n)))
    .collect();
    if chain.is_empty() {
        chain.push((Level::Province, NOT_PLACED.to_string()));
    }
    if let Some(township) = &report.township {
        chain.push((Level::Township, township.clone()));
    }
    chain
}

/// The code of the unit at `level` above a placed report.
fn code_at(report: &Report, level: Level) -> Option<String> {
    let code = report.code.as_deref()?;
    code.get(..level.digits()).map(str::to_string)
}

/// A report with the part of its chain still to be placed in the tree.
type Placed<'a> = (&'a [(Level, String)], &'a Report);

/// The tree of `items`, one level of their chains at a time, in code order
/// (then name order for places with no code, 未定位 last).
fn tree(items: &[Placed]) -> Vec<Node> {
    // Not placed last, then code order, then name order.
    type Key = (bool, Option<String>, String);
    let mut groups: BTreeMap<Key, (Level, Vec<Placed>)> = BTreeMap::new();
    for (chain, report) in items {
        let Some(((level, name), rest)) = chain.split_first() else {
            continue;
        };
        let key = (name == NOT_PLACED, code_at(report, *level), name.clone());
        groups
            .entry(key)
            .or_insert((*level, Vec::new()))
            .1
            .push((rest, report));
    }
    groups
        .into_iter()
        .map(|((_, code, name), (level, members))| Node {
            level: level_name(level),
            path: Vec::new(),
            name,
            code,
            reports: members.len(),
            children: tree(&members),
            without_reports: None,
        })
        .collect()
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Province => "province",
        Level::City => "city",
        Level::County => "county",
        Level::Township => "township",
    }
}

/// Every unit QUERY names: by official name, by name without its unit, by
/// pinyin; in code order, each once.
fn units_named(query: &str) -> Vec<Unit> {
    let gazetteer = Gazetteer::get();
    let mut units = gazetteer.by_name(query);
    units.extend(gazetteer.by_short_name(query));
    if query.is_ascii() {
        units.extend(gazetteer.by_pinyin(query));
    }
    units.sort_by_key(Unit::code);
    units.dedup();
    units
}

/// Whether `report` lies within `unit`: its code says so, or (not placed
/// to a township) its field at the unit's level is the unit's name and no
/// level above contradicts it.
fn within(report: &Report, unit: Unit, gazetteer: &Gazetteer) -> bool {
    if let Some(code) = &report.code {
        return code.starts_with(&unit.code());
    }
    if unit.level == Level::Township {
        return false;
    }
    let above = gazetteer.ancestors(unit);
    let agrees = |field: &Option<String>, at: Option<Unit>| match (field, at) {
        (Some(name), Some(at)) => *name == at.name,
        _ => true,
    };
    let named = match unit.level {
        Level::Province => report.province.as_deref() == Some(unit.name),
        Level::City => report.city.as_deref() == Some(unit.name),
        Level::County | Level::Township => report.county.as_deref() == Some(unit.name),
    };
    named && agrees(&report.province, above.province) && agrees(&report.city, above.city)
}

/// `unit` with the tree of its reports, and for a county the townships of
/// it that have no report.
fn unit_node(unit: Unit, reports: &[&Report], chains: &[Vec<(Level, String)>]) -> Node {
    let gazetteer = Gazetteer::get();
    // Below the unit: each report's chain after the unit's own level (a
    // municipality's reports have no city in theirs).
    let items: Vec<Placed> = reports
        .iter()
        .zip(chains)
        .filter(|(r, _)| within(r, unit, gazetteer))
        .map(|(r, chain)| {
            let at = chain.iter().position(|(level, _)| *level == unit.level);
            (at.map_or(&chain[..0], |at| &chain[at + 1..]), *r)
        })
        .collect();
    let inside: Vec<&Report> = items.iter().map(|(_, r)| *r).collect();
    let children = tree(&items);
    let without_reports = (unit.level == Level::County).then(|| {
        gazetteer
            .children(unit)
            .into_iter()
            .filter(|t| !inside.iter().any(|r| r.code.as_deref() == Some(&t.code())))
            .map(|t| t.name.to_string())
            .collect()
    });
    let above = gazetteer.ancestors(unit);
    let path: Vec<String> = [above.province, above.city, above.county]
        .into_iter()
        .flatten()
        .filter(|u| u.level < unit.level)
        .map(|u| u.name.to_string())
        .collect();
    Node {
        level: level_name(unit.level),
        path,
        name: unit.name.to_string(),
        code: Some(unit.code()),
        reports: inside.len(),
        children,
        without_reports,
    }
}

fn write_node(out: &mut dyn Write, node: &Node, indent: usize) -> std::io::Result<()> {
    let pad = "  ".repeat(indent);
    // 未定位 is the JSON's word for no place; people read it in their
    // interface's language.
    let shown = |name: &str| {
        if name == NOT_PLACED {
            baogao_i18n::t("place.unplaced").to_string()
        } else {
            name.to_string()
        }
    };
    let mut name = node
        .path
        .iter()
        .map(|p| shown(p))
        .collect::<Vec<_>>()
        .join(" › ");
    if !name.is_empty() {
        name.push_str(" › ");
    }
    name.push_str(&shown(&node.name));
    writeln!(out, "{pad}{}  {}", text::clean(&name), node.reports)?;
    for child in &node.children {
        write_node(out, child, indent + 1)?;
    }
    if let Some(without) = &node.without_reports {
        writeln!(
            out,
            "{pad}  no report ({}): {}",
            without.len(),
            if without.is_empty() {
                "-".to_string()
            } else {
                without.join("、")
            }
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_places::{short_name, to_pinyin};

    #[test]
    fn queries_find_units_by_name_short_name_and_pinyin() {
        let names = |q: &str| -> Vec<&str> { units_named(q).iter().map(|u| u.name).collect() };
        assert_eq!(names("平阳县"), ["平阳县"]);
        assert!(names("平阳").contains(&"平阳县"));
        assert!(names("pingyang").contains(&"平阳县"));
        assert_eq!(names("南塘镇").len(), 4);
        assert_eq!(short_name("南麂镇", Level::Township), "南麂");
        assert_eq!(to_pinyin("南麂"), "nanji");
    }
}
