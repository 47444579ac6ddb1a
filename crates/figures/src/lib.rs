//! Key figures: the quantities a report's text states (完成固定资产投资
//! 11892万元, 参保率达99.8%以上, 同比增长10.8%), each with the phrase that
//! names what it measures, its value, its unit as written, its kind and its
//! qualifier, found by the rules of `docs/figures/SPEC.md`.
//!
//! The rules work from the shape of the text: a number (digits or Chinese
//! numerals) followed by a unit of a known class is a figure unless it is
//! an ordinal, a date, a code, a set phrase or a threshold; the indicator
//! is the clause before the number trimmed of time, place, the acting unit
//! and reporting verbs, or the noun the classifier counts, or, with no
//! noun of its own, the indicator of the figure it belongs to.
//!
//! No terminal here: the command line and the reader draw what this finds.

#![forbid(unsafe_code)]

mod extract;
mod indicator;
mod matching;
mod number;
pub mod score;
mod unit;

pub use extract::extract;
pub use matching::{Change, changes, find, similar};

use baogao_report::model::{Report, Section, SectionPath};
use serde::Serialize;

/// What a figure is (§6 of the spec).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An amount of money, mass, area, length, volume or time.
    Level,
    /// A number of things, people or events.
    Count,
    /// A rate or proportion in %.
    Share,
    /// A change in % or 个百分点 (negative for a fall).
    Growth,
}

impl Kind {
    /// The name used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Level => "level",
            Kind::Count => "count",
            Kind::Share => "share",
            Kind::Growth => "growth",
        }
    }
}

/// One figure of a stretch of text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// What is measured, as written (固定资产投资).
    pub indicator: String,
    /// The number, Chinese numerals converted; 万 and 亿 stay in the unit.
    pub value: f64,
    /// The upper end of a range (20-30万元).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// As written, simplified and half-width (万元, %, 个百分点, 元/亩).
    pub unit: String,
    /// What 万/亿 in the unit multiply by (10⁴, 10⁸), 1 without.
    #[serde(skip)]
    pub scale: f64,
    /// The unit without 万/亿, for comparison (元 for 万元).
    #[serde(skip)]
    pub base_unit: String,
    pub kind: Kind,
    /// 约, 近, 超, 以上, 余, 多…, as written next to the number.
    pub qualifier: Option<String>,
    /// The span of the text that states it.
    pub text: String,
    /// Where that span starts and ends in the text, in chars.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
    /// The sentence it stands in.
    #[serde(skip)]
    pub sentence: String,
}

impl Figure {
    /// The value in the base unit (11892万元 → 118 920 000 元), to compare
    /// figures written with different scales.
    pub fn normalised(&self) -> f64 {
        self.value * self.scale
    }
}

/// A figure of a report, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    pub figure: Figure,
    /// The section (the front for the preamble).
    pub section: SectionPath,
    /// The section's heading; empty for the preamble.
    pub heading: String,
    /// Which paragraph of the section; `None` for the heading itself.
    pub paragraph: Option<usize>,
    /// The figure's position in the report's reading order.
    pub order: usize,
}

/// Every figure of a report, in reading order: the preamble, then each
/// section's heading and paragraphs.
pub fn of_report(report: &Report) -> Vec<Located> {
    let mut out = Vec::new();
    for (p, text) in report.preamble.iter().enumerate() {
        push(&mut out, text, &SectionPath::front(), "", Some(p));
    }
    for (i, section) in report.sections.iter().enumerate() {
        walk(&mut out, section, SectionPath::front().child(i));
    }
    out
}

fn walk(out: &mut Vec<Located>, section: &Section, path: SectionPath) {
    push(out, &section.heading, &path, &section.heading, None);
    for (p, text) in section.paragraphs.iter().enumerate() {
        push(out, text, &path, &section.heading, Some(p));
    }
    for (i, child) in section.sections.iter().enumerate() {
        walk(out, child, path.child(i));
    }
}

fn push(
    out: &mut Vec<Located>,
    text: &str,
    path: &SectionPath,
    heading: &str,
    paragraph: Option<usize>,
) {
    for figure in extract(text) {
        let order = out.len();
        out.push(Located {
            figure,
            section: path.clone(),
            heading: heading.to_string(),
            paragraph,
            order,
        });
    }
}
