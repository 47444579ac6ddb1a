//! How sure an import is: the signs that a page is a report (a title naming
//! a report kind, a place, a year, an outline, an address to the congress),
//! the refusal of a page that shows none of the strong ones, and the
//! warnings a doubtful import carries.

use baogao_report::model::Report;

/// What the importer thinks of one import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// A line of the page names a kind of report (总结, 报告, 计划…).
    pub titled: bool,
    /// The report names its township.
    pub place: bool,
    /// The report names its year.
    pub year: bool,
    /// Headings were found.
    pub outline: bool,
    /// The text speaks to a congress (各位代表).
    pub addressed: bool,
    /// The title it was given names 工作 and a year ("某镇2022年工作开展
    /// 情况"): a report whose kind word the title lacks.
    pub work_of_a_year: bool,
    /// Doubts about an import that is still written.
    pub warnings: Vec<String>,
}

impl Assessment {
    /// Why the page is not a report, when it is not: it has neither a title
    /// naming a report nor an outline (nor an address to the congress, nor
    /// a title naming a year's 工作). A poem, a news item or a page of links
    /// shows none of these.
    pub fn refusal(&self) -> Option<String> {
        if self.titled || self.outline || self.addressed || self.work_of_a_year {
            return None;
        }
        let mut missing = vec!["no title"];
        if !self.place {
            missing.push("no place");
        }
        if !self.year {
            missing.push("no year");
        }
        missing.push("no outline");
        Some(format!(
            "not a report: {} (use --force to import it anyway)",
            missing.join(", ")
        ))
    }
}

pub(crate) fn assess(report: &Report, titled: bool, addressed: bool, body: &str) -> Assessment {
    let mut warnings = Vec::new();
    if !titled {
        warnings.push(format!(
            "title guessed from the first line or the file name: {}",
            report.title
        ));
    }
    let outline = !report.sections.is_empty();
    if !outline {
        warnings.push("no outline found: the report is one run of paragraphs".to_string());
    }
    if let Some(year) = report.year
        && let Some(other) = body_year(body)
        && (other - year).abs() > 1
    {
        warnings.push(format!(
            "two years named: the title says {year}, the text speaks mostly of {other}"
        ));
    }
    Assessment {
        work_of_a_year: report.year.is_some() && report.title.contains("工作"),
        titled,
        place: report.township.is_some(),
        year: report.year.is_some(),
        outline,
        addressed,
        warnings,
    }
}

/// The year the text names most often ("2020年"), if any is named at least
/// three times.
fn body_year(body: &str) -> Option<i32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for (at, _) in body.match_indices('年') {
        let Some(digits) = at.checked_sub(4).and_then(|from| body.get(from..at)) else {
            continue;
        };
        let before_ok = at < 5 || !body.as_bytes()[at - 5].is_ascii_digit();
        if !before_ok || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let year: i32 = digits.parse().unwrap_or(0);
        if (1949..=2100).contains(&year) {
            match counts.iter_mut().find(|(y, _)| *y == year) {
                Some((_, n)) => *n += 1,
                None => counts.push((year, 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .max_by_key(|(y, n)| (*n, -*y))
        .map(|(y, _)| y)
}
