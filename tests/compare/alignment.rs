//! Alignment accuracy on transformed real reports. For each report and each
//! transform, the original is aligned with the transformed version, and
//! every section of either side is scored: right when the partners it was
//! given are among those the truth gives it, or when it has none and the
//! truth none. The score is the share of sections right over all pairs.

use crate::truth::{Node, Rng, foreign, list_at, lists, nodes, real_reports, rebuild, rename_all};
use baogao_compare::align;
use baogao_report::model::{Report, Section, SectionPath};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transform {
    Reorder,
    Rename,
    Split,
    Merge,
    Add,
    Remove,
    /// Renamed, reordered, and every paragraph cut to its first sentence:
    /// the headings and little of the text still alike.
    Condense,
    All,
}

const TRANSFORMS: [Transform; 8] = [
    Transform::Reorder,
    Transform::Rename,
    Transform::Split,
    Transform::Merge,
    Transform::Add,
    Transform::Remove,
    Transform::Condense,
    Transform::All,
];

fn condense(tree: &mut [Node]) {
    for node in tree {
        for paragraph in &mut node.paragraphs {
            let first: String = paragraph.chars().take_while(|&c| c != '。').collect();
            *paragraph = first;
        }
        condense(&mut node.children);
    }
}

fn reorder(tree: &mut [Node], rng: &mut Rng) {
    rng.shuffle(tree);
    for node in tree {
        reorder(&mut node.children, rng);
    }
}

/// Split a section with text in two: the second half under a heading made
/// from its first clause, as a writer who split it would title it.
fn split(tree: &mut Vec<Node>, rng: &mut Rng) {
    let mut all = Vec::new();
    lists(tree, &mut Vec::new(), &mut all);
    let candidates: Vec<(Vec<usize>, usize)> = all
        .iter()
        .flat_map(|at| {
            let list = list_at(tree, at);
            (0..list.len())
                .filter(|&i| {
                    let node = &list[i];
                    node.children.is_empty()
                        && node
                            .paragraphs
                            .iter()
                            .map(|p| p.chars().count())
                            .sum::<usize>()
                            >= 60
                })
                .map(|i| (at.clone(), i))
                .collect::<Vec<_>>()
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let (at, i) = candidates[rng.below(candidates.len())].clone();
    let list = list_at(tree, &at);
    let node = &mut list[i];
    let second_half: Vec<String> = if node.paragraphs.len() >= 2 {
        let half = node.paragraphs.len() / 2;
        node.paragraphs.split_off(half)
    } else {
        let text = node.paragraphs[0].clone();
        let chars: Vec<char> = text.chars().collect();
        let cut = chars[chars.len() / 2..]
            .iter()
            .position(|&c| c == '。' || c == '，' || c == '；')
            .map_or(chars.len() / 2, |k| chars.len() / 2 + k + 1);
        node.paragraphs[0] = chars[..cut].iter().collect();
        vec![chars[cut..].iter().collect()]
    };
    let first: String = second_half
        .first()
        .map(|p| {
            p.chars()
                .take_while(|&c| !"，。；：,;:".contains(c))
                .take(18)
                .collect()
        })
        .unwrap_or_default();
    let second = Node {
        heading: first,
        paragraphs: second_half,
        children: Vec::new(),
        origin: node.origin.clone(),
    };
    list.insert(i + 1, second);
}

/// Merge two neighbouring sections without children under the first's heading.
fn merge(tree: &mut Vec<Node>, rng: &mut Rng) {
    let mut all = Vec::new();
    lists(tree, &mut Vec::new(), &mut all);
    let candidates: Vec<(Vec<usize>, usize)> = all
        .iter()
        .flat_map(|at| {
            let list = list_at(tree, at);
            (0..list.len().saturating_sub(1))
                .filter(|&i| list[i].children.is_empty() && list[i + 1].children.is_empty())
                .map(|i| (at.clone(), i))
                .collect::<Vec<_>>()
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    let (at, i) = candidates[rng.below(candidates.len())].clone();
    let list = list_at(tree, &at);
    let second = list.remove(i + 1);
    list[i].paragraphs.extend(second.paragraphs);
    list[i].origin.extend(second.origin);
}

fn add(tree: &mut Vec<Node>, rng: &mut Rng, from: &[Section]) {
    let extra = foreign(from);
    if extra.is_empty() {
        return;
    }
    let node = extra[rng.below(extra.len())].clone();
    let at = rng.below(tree.len() + 1);
    tree.insert(at, node);
}

fn remove(tree: &mut Vec<Node>, rng: &mut Rng) {
    let mut all = Vec::new();
    lists(tree, &mut Vec::new(), &mut all);
    let at = all[rng.below(all.len())].clone();
    let list = list_at(tree, &at);
    if list.len() > 1 {
        let i = rng.below(list.len());
        list.remove(i);
    }
}

fn transform(
    report: &Report,
    how: Transform,
    seed: u64,
    other: &Report,
) -> (Report, Vec<(SectionPath, Vec<SectionPath>)>) {
    let mut rng = Rng::new(seed);
    let mut tree = nodes(&report.sections, &SectionPath::front());
    let steps: &[Transform] = match how {
        Transform::All => &[
            Transform::Remove,
            Transform::Split,
            Transform::Merge,
            Transform::Add,
            Transform::Rename,
            Transform::Reorder,
        ],
        Transform::Condense => &[Transform::Condense, Transform::Rename, Transform::Reorder],
        _ => std::slice::from_ref(&how),
    };
    for step in steps {
        match step {
            Transform::Reorder => reorder(&mut tree, &mut rng),
            Transform::Rename => rename_all(&mut tree),
            Transform::Split => split(&mut tree, &mut rng),
            Transform::Merge => merge(&mut tree, &mut rng),
            Transform::Add => add(&mut tree, &mut rng, &other.sections),
            Transform::Remove => remove(&mut tree, &mut rng),
            Transform::Condense => condense(&mut tree),
            Transform::All => {}
        }
    }
    rebuild(report, &tree)
}

/// Sections right and sections scored for one aligned pair.
fn score(
    left: &Report,
    right: &Report,
    truth: &[(SectionPath, Vec<SectionPath>)],
) -> (usize, usize) {
    let alignment = align(left, right);
    let mut right_truth: BTreeMap<SectionPath, BTreeSet<SectionPath>> = BTreeMap::new();
    let mut left_truth: BTreeMap<SectionPath, BTreeSet<SectionPath>> = BTreeMap::new();
    for (path, _) in left.outline() {
        left_truth.insert(path, BTreeSet::new());
    }
    for (path, origins) in truth {
        right_truth.insert(path.clone(), origins.iter().cloned().collect());
        for origin in origins {
            left_truth
                .entry(origin.clone())
                .or_default()
                .insert(path.clone());
        }
    }
    let mut right_given: BTreeMap<&SectionPath, BTreeSet<SectionPath>> = BTreeMap::new();
    let mut left_given: BTreeMap<&SectionPath, BTreeSet<SectionPath>> = BTreeMap::new();
    for pair in &alignment.pairs {
        right_given
            .entry(&pair.right)
            .or_default()
            .insert(pair.left.clone());
        left_given
            .entry(&pair.left)
            .or_default()
            .insert(pair.right.clone());
    }
    let empty = BTreeSet::new();
    let judge = |given: &BTreeSet<SectionPath>, truth: &BTreeSet<SectionPath>| {
        if truth.is_empty() {
            given.is_empty()
        } else {
            !given.is_empty() && given.is_subset(truth)
        }
    };
    let mut right_count = 0;
    let mut total = 0;
    for (path, truth) in &right_truth {
        total += 1;
        right_count += usize::from(judge(right_given.get(path).unwrap_or(&empty), truth));
    }
    for (path, truth) in &left_truth {
        total += 1;
        right_count += usize::from(judge(left_given.get(path).unwrap_or(&empty), truth));
    }
    (right_count, total)
}

#[test]
fn alignment_of_transformed_real_reports_is_at_least_95_percent_right() {
    let reports = real_reports();
    assert!(reports.len() >= 15, "{} real reports", reports.len());
    let mut per_transform: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (k, report) in reports.iter().enumerate() {
        let other = &reports[(k + 1) % reports.len()];
        for (t, how) in TRANSFORMS.iter().enumerate() {
            for round in 0..3u64 {
                let seed = (k * 100 + t * 10) as u64 + round;
                let (transformed, truth) = transform(report, *how, seed, other);
                let (right, total) = score(report, &transformed, &truth);
                let entry = per_transform.entry(format!("{how:?}")).or_default();
                entry.0 += right;
                entry.1 += total;
            }
        }
    }
    let (right, total) = per_transform
        .values()
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    for (how, (r, t)) in &per_transform {
        eprintln!("{how}: {r}/{t} = {:.1} %", 100.0 * *r as f64 / *t as f64);
    }
    let accuracy = right as f64 / total as f64;
    eprintln!("alignment: {right}/{total} = {:.1} %", 100.0 * accuracy);
    assert!(
        accuracy >= 0.95,
        "alignment accuracy {:.1} %",
        100.0 * accuracy
    );
}

/// A 工作总结's next-year plan is aligned with the next year's summary,
/// section by section: 南麂镇's `二、2021年工作计划` against a 2021 summary
/// that reports on the plan's items in other words.
#[test]
fn a_plan_is_aligned_with_the_next_years_summary() {
    let reports = real_reports();
    let left = reports
        .iter()
        .find(|r| r.id.ends_with("nanji-2020-work-summary"))
        .expect("the 南麂镇 2020 summary is bundled");
    let plan = &left.sections[1];
    assert!(plan.heading.contains("2021年"));
    let mut summary = plan.clone();
    summary.heading = "一、2021年工作总结".to_string();
    for child in &mut summary.sections {
        child.heading = crate::truth::rename(&child.heading);
    }
    let mut next_plan = reports
        .iter()
        .find(|r| r.id.starts_with("daishan-daixi"))
        .expect("the 岱西镇 report is bundled")
        .sections[0]
        .clone();
    next_plan.heading = "二、2022年工作计划".to_string();
    let mut right = left.clone();
    right.year = Some(2021);
    right.sections = vec![summary, next_plan];
    let alignment = align(left, &right);
    let partner = |path: &[usize]| {
        alignment
            .partners_of_left(&SectionPath(path.to_vec()))
            .map(|pair| pair.right.0.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(partner(&[1]), [vec![0]], "{alignment:#?}");
    for k in 0..plan.sections.len() {
        assert_eq!(partner(&[1, k]), [vec![0, k]], "{alignment:#?}");
    }
    assert!(alignment.left_only.contains(&SectionPath(vec![0])));
}
