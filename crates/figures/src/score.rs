//! Scoring extracted figures against annotated ones, as §10 of the spec
//! says: a figure is right when its value, its unit (normalised) and its
//! indicator (near enough) match a true figure not already paired.

use crate::unit::simplify;

/// What is scored of a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorable {
    pub indicator: String,
    pub value: f64,
    pub unit: String,
}

/// Counts of one file or of many.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Extracted figures paired with a true one.
    pub matched: usize,
    pub extracted: usize,
    pub truth: usize,
}

impl Tally {
    pub fn precision(self) -> f64 {
        ratio(self.matched, self.extracted)
    }

    pub fn recall(self) -> f64 {
        ratio(self.matched, self.truth)
    }

    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Tally) {
        self.matched += other.matched;
        self.extracted += other.extracted;
        self.truth += other.truth;
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// A unit as the scorer compares it: full-width forms folded, 平米 as
/// 平方米, traditional characters simplified, spaces removed.
pub fn unit_key(unit: &str) -> String {
    unit.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            other => simplify(other),
        })
        .collect::<String>()
        .replace("平米", "平方米")
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

/// Pair each extracted figure with at most one true figure; the pairs
/// found, with the indices of the unpaired on both sides.
pub fn pair(extracted: &[Scorable], truth: &[Scorable]) -> (Tally, Vec<usize>, Vec<usize>) {
    let mut taken = vec![false; truth.len()];
    let mut missed_extracted = Vec::new();
    let mut matched = 0;
    for (i, e) in extracted.iter().enumerate() {
        let hit = truth.iter().enumerate().position(|(k, t)| {
            !taken[k]
                && same_value(e.value, t.value)
                && unit_key(&e.unit) == unit_key(&t.unit)
                && crate::similar(&e.indicator, &t.indicator)
        });
        if let Some(k) = hit {
            taken[k] = true;
            matched += 1;
        } else {
            missed_extracted.push(i);
        }
    }
    let missed_truth = (0..truth.len()).filter(|&k| !taken[k]).collect();
    (
        Tally {
            matched,
            extracted: extracted.len(),
            truth: truth.len(),
        },
        missed_extracted,
        missed_truth,
    )
}
