//! Aligning the sections of two reports by what they say.
//!
//! Every section of either report (at every level) is a unit with three
//! views: its heading's core ([`heading_core`]) as character bigrams and as
//! characters, its text as a set of bigrams, and where it sits (level,
//! parent, and the year its heading names). Two units score
//! `0.55 × heading + 0.35 × text + 0.10 × same level`, where heading is the
//! mean of the bigram and character Dice coefficients and text is the
//! overlap of their bigram sets (shared over the smaller, so a half of a
//! split section, or a part of a merged one, still scores high). Sections
//! that name years score more when the years agree and less when they
//! differ: that is what puts a 工作总结's `2021年工作计划` beside the next
//! year's `2021年工作总结`. Pairs are taken best first, one partner each;
//! a second round adds a bonus to sections whose parents were paired with
//! each other (0.1). A section left alone whose text lies inside a paired
//! section of the other side is paired with it as a part (a split or a
//! merge); any other is unmatched. Only the first [`MAX_SECTIONS`] of each
//! report are aligned.

use crate::text::{Gram, bigrams, dice, heading_core, heading_year};
use baogao_report::model::{Report, SectionPath};

/// The least score of a pair.
const THRESHOLD: f32 = 0.30;
/// The least score of a part pair (a section paired a second time).
const PART_THRESHOLD: f32 = 0.25;
/// The least text overlap of a part pair.
const PART_OVERLAP: f32 = 0.5;
/// How many bigrams of a heading count (headings are short; a long one is
/// a sentence, and its start says what it is about).
const HEADING_GRAMS: usize = 48;
/// How many sections of each report are aligned, in reading order; any
/// further ones are listed as unmatched. Every pair is scored, so a file
/// of 100 000 headings would otherwise ask for 10¹⁰ scores; real reports
/// have a few dozen sections, and a hundred or two at most.
pub const MAX_SECTIONS: usize = 400;
/// How many characters of a section's text are read for its text view.
const TEXT_CHARS: usize = 300;

/// Two sections, one of each report, that speak of the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub left: SectionPath,
    pub right: SectionPath,
    /// How alike they are, 0–1 (more when their years agree).
    pub similarity: f32,
    /// A second pairing of a section that already has a partner: one side
    /// was split, or two were merged.
    pub part: bool,
}

/// The alignment of two reports: the pairs in the left report's reading
/// order, and the sections of each side with no partner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub pairs: Vec<Pair>,
    pub left_only: Vec<SectionPath>,
    pub right_only: Vec<SectionPath>,
}

impl Alignment {
    /// The partners of a left section (more than one for a split).
    pub fn partners_of_left(&self, path: &SectionPath) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(move |pair| &pair.left == path)
    }

    /// The partners of a right section.
    pub fn partners_of_right(&self, path: &SectionPath) -> impl Iterator<Item = &Pair> {
        self.pairs.iter().filter(move |pair| &pair.right == path)
    }
}

/// One section as the alignment sees it.
struct Unit {
    path: SectionPath,
    parent: Option<usize>,
    year: Option<i32>,
    heading: Vec<Gram>,
    heading_chars: Vec<Gram>,
    text: Vec<Gram>,
    /// `text` as bits over the bigrams of both reports' texts: 100 × 100
    /// overlaps are then word-wise ANDs rather than list merges.
    bits: Vec<u64>,
}

fn units(report: &Report) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(report.section_count());
    for (path, section) in report.outline().take(MAX_SECTIONS) {
        let parent = if path.depth() > 1 {
            let up = SectionPath(path.0[..path.depth() - 1].to_vec());
            units.iter().rposition(|unit| unit.path == up)
        } else {
            None
        };
        let core = heading_core(&section.heading);
        let mut heading_chars: Vec<Gram> = core.chars().map(|c| u64::from(u32::from(c))).collect();
        heading_chars.sort_unstable();
        // A section with no text of its own is known by its children's
        // headings and text.
        let mut text = String::new();
        let mut stack = vec![section];
        while let Some(next) = stack.pop() {
            if !std::ptr::eq(next, section) {
                text.push_str(&next.heading);
            }
            for paragraph in &next.paragraphs {
                text.push_str(paragraph);
                if text.len() >= TEXT_CHARS * 3 {
                    break;
                }
            }
            if text.len() >= TEXT_CHARS * 3 {
                break;
            }
            stack.extend(next.sections.iter().rev());
        }
        let mut text = bigrams(&text, TEXT_CHARS);
        text.dedup();
        units.push(Unit {
            year: heading_year(&section.heading),
            heading: bigrams(&core, HEADING_GRAMS),
            heading_chars,
            text,
            bits: Vec::new(),
            parent,
            path,
        });
    }
    units
}

/// Give every unit its text as bits over the bigrams of all of them.
fn set_bits(lefts: &mut [Unit], rights: &mut [Unit]) {
    let mut all: Vec<Gram> = lefts
        .iter()
        .chain(rights.iter())
        .flat_map(|unit| unit.text.iter().copied())
        .collect();
    all.sort_unstable();
    all.dedup();
    let words = all.len().div_ceil(64);
    for unit in lefts.iter_mut().chain(rights.iter_mut()) {
        let mut bits = vec![0u64; words];
        for gram in &unit.text {
            if let Ok(at) = all.binary_search(gram) {
                bits[at / 64] |= 1 << (at % 64);
            }
        }
        unit.bits = bits;
    }
}

/// Shared bigrams over the smaller text's count.
fn overlap(a: &Unit, b: &Unit) -> f32 {
    let smaller = a.text.len().min(b.text.len());
    if smaller == 0 {
        return 0.0;
    }
    let shared: u32 = a
        .bits
        .iter()
        .zip(&b.bits)
        .map(|(x, y)| (x & y).count_ones())
        .sum();
    // A few bigrams in common say little about a tiny text.
    shared as f32 / (smaller.max(8)) as f32
}

/// The score of a pair whose texts overlap by `text`.
fn score(left: &Unit, right: &Unit, text: f32) -> f32 {
    let heading = 0.5 * dice(&left.heading, &right.heading)
        + 0.5 * dice(&left.heading_chars, &right.heading_chars);
    let level = if left.path.depth() == right.path.depth() {
        0.1
    } else {
        0.0
    };
    let year = match (left.year, right.year) {
        (Some(a), Some(b)) if a == b => 0.3,
        (Some(_), Some(_)) => -0.2,
        _ => 0.0,
    };
    0.55 * heading + 0.35 * text + level + year
}

/// Align the sections of `left` and `right`.
pub fn align(left: &Report, right: &Report) -> Alignment {
    let mut lefts = units(left);
    let mut rights = units(right);
    set_bits(&mut lefts, &mut rights);
    let n = rights.len();
    let overlaps: Vec<f32> = lefts
        .iter()
        .flat_map(|l| rights.iter().map(move |r| overlap(l, r)))
        .collect();
    let base: Vec<f32> = lefts
        .iter()
        .enumerate()
        .flat_map(|(i, l)| {
            let overlaps = &overlaps;
            rights
                .iter()
                .enumerate()
                .map(move |(j, r)| score(l, r, overlaps[i * n + j]))
        })
        .collect();
    let mut partner = greedy(&base, lefts.len(), n, |_, _| 0.0);
    // Second round: sections whose parents were paired belong together.
    let first = partner.clone();
    partner = greedy(&base, lefts.len(), n, |i, j| {
        match (lefts[i].parent, rights[j].parent) {
            (Some(pi), Some(pj)) if first[pi] == Some(pj) => 0.1,
            (Some(pi), Some(_)) if first[pi].is_some() => -0.05,
            _ => 0.0,
        }
    });
    let mut pairs = Vec::new();
    let mut right_taken = vec![false; n];
    for (i, found) in partner.iter().enumerate() {
        if let Some(j) = *found {
            right_taken[j] = true;
            pairs.push((i, j, base[i * n + j], false));
        }
    }
    // Parts: a section left alone whose text lies in a paired one.
    let part = |i: usize, j: usize| {
        let k = i * n + j;
        (base[k] >= PART_THRESHOLD && overlaps[k] >= PART_OVERLAP).then_some(base[k])
    };
    let best = |candidates: &mut dyn Iterator<Item = (usize, f32)>| {
        candidates.max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    };
    let mut left_only = Vec::new();
    let mut right_only = Vec::new();
    for (i, unit) in lefts.iter().enumerate() {
        if partner[i].is_none() {
            let found = best(
                &mut (0..n)
                    .filter(|&j| right_taken[j])
                    .filter_map(|j| part(i, j).map(|s| (j, s))),
            );
            match found {
                Some((j, s)) => pairs.push((i, j, s, true)),
                None => left_only.push(unit.path.clone()),
            }
        }
    }
    for (j, unit) in rights.iter().enumerate() {
        if !right_taken[j] {
            let found = best(
                &mut (0..lefts.len())
                    .filter(|&i| partner[i].is_some())
                    .filter_map(|i| part(i, j).map(|s| (i, s))),
            );
            match found {
                Some((i, s)) => pairs.push((i, j, s, true)),
                None => right_only.push(unit.path.clone()),
            }
        }
    }
    left_only.extend(left.outline().skip(MAX_SECTIONS).map(|(path, _)| path));
    right_only.extend(right.outline().skip(MAX_SECTIONS).map(|(path, _)| path));
    pairs.sort_by_key(|&(i, j, _, _)| (i, j));
    Alignment {
        pairs: pairs
            .into_iter()
            .map(|(i, j, similarity, part)| Pair {
                left: lefts[i].path.clone(),
                right: rights[j].path.clone(),
                similarity: similarity.clamp(0.0, 1.0),
                part,
            })
            .collect(),
        left_only,
        right_only,
    }
}

/// One partner each, best pairs first, among pairs scoring at least
/// [`THRESHOLD`] with `bonus` added.
fn greedy(
    base: &[f32],
    lefts: usize,
    rights: usize,
    bonus: impl Fn(usize, usize) -> f32,
) -> Vec<Option<usize>> {
    let mut candidates: Vec<(f32, usize, usize)> = (0..lefts)
        .flat_map(|i| (0..rights).map(move |j| (i, j)))
        .filter_map(|(i, j)| {
            let s = base[i * rights + j] + bonus(i, j);
            (s >= THRESHOLD).then_some((s, i, j))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut partner = vec![None; lefts];
    let mut right_taken = vec![false; rights];
    for (_, i, j) in candidates {
        if partner[i].is_none() && !right_taken[j] {
            partner[i] = Some(j);
            right_taken[j] = true;
        }
    }
    partner
}

#[cfg(test)]
mod tests {
    use super::*;
    use baogao_report::model::{Kind, Section};

    fn report(sections: Vec<Section>) -> Report {
        Report {
            kind: Kind::WorkSummary,
            sections,
            ..Report::new("a", "t")
        }
    }

    fn section(heading: &str, paragraph: &str) -> Section {
        Section {
            heading: heading.into(),
            paragraphs: vec![paragraph.into()],
            sections: Vec::new(),
        }
    }

    #[test]
    fn sections_past_the_cap_are_unmatched_not_scored() {
        let many: Vec<Section> = (0..MAX_SECTIONS + 50)
            .map(|i| section(&format!("（{i}）项目建设"), "全力推进重点项目建设"))
            .collect();
        let left = report(many.clone());
        let alignment = align(&left, &report(many));
        assert_eq!(alignment.pairs.len(), MAX_SECTIONS);
        assert_eq!(alignment.left_only.len(), 50);
        assert_eq!(alignment.right_only.len(), 50);
    }

    #[test]
    fn empty_reports_align_to_nothing() {
        let alignment = align(&report(Vec::new()), &report(vec![section("一、概况", "")]));
        assert!(alignment.pairs.is_empty());
        assert_eq!(alignment.right_only, [SectionPath(vec![0])]);
    }
}
