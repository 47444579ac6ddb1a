//! Matching figures by indicator across reports: the same phrase first,
//! then a near one (固定资产投资 ~ 完成固定资产投资额), and the changes
//! between two reports' figures (for the compare view).

use crate::{Figure, Kind, Located, of_report};
use baogao_report::model::Report;
use std::collections::HashSet;

/// The phrase with spaces, quotes and bracketed pinyin taken out.
fn clean(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut depth: u32 = 0;
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 && !crate::extract::is_cjk(c) => {}
            _ if c.is_whitespace() || "“”\"'‘’「」".contains(c) => {}
            _ => out.push(c),
        }
    }
    out
}

fn bigrams(s: &[char]) -> HashSet<(char, char)> {
    s.windows(2).map(|w| (w[0], w[1])).collect()
}

/// How close two indicators are, 0 to 1: 1 when equal, 0.9 when one holds
/// the other, else the Jaccard index of their character bigrams.
fn closeness(a: &str, b: &str) -> f64 {
    let (a, b) = (clean(a), clean(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let contains = |x: &[char], y: &[char]| x.windows(y.len()).any(|w| w == y);
    if (a.len() >= b.len() && contains(&a, &b)) || (b.len() > a.len() && contains(&b, &a)) {
        return 0.9;
    }
    let (x, y) = (bigrams(&a), bigrams(&b));
    let union = x.union(&y).count();
    if union == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)]
    let j = x.intersection(&y).count() as f64 / union as f64;
    j
}

/// Whether two indicators name the same thing: equal, one inside the
/// other, or sharing at least half their character bigrams.
pub fn similar(a: &str, b: &str) -> bool {
    closeness(a, b) >= 0.5
}

/// The figure of `figures` that best matches `indicator`: an exact phrase
/// before a near one, a level or count before a growth of the same thing.
pub fn find<'a>(figures: &'a [Located], indicator: &str) -> Option<&'a Located> {
    figures
        .iter()
        .map(|l| (closeness(&l.figure.indicator, indicator), l))
        .filter(|(c, _)| *c >= 0.5)
        .max_by(|(c1, l1), (c2, l2)| {
            c1.total_cmp(c2)
                .then_with(|| {
                    (l2.figure.kind == Kind::Growth).cmp(&(l1.figure.kind == Kind::Growth))
                })
                .then_with(|| l2.order.cmp(&l1.order))
        })
        .map(|(_, l)| l)
}

/// One indicator whose figure differs between two reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub indicator: String,
    /// The figure in the first report; `None` when only the second has it.
    pub before: Option<Figure>,
    /// The figure in the second report; `None` when only the first has it.
    pub after: Option<Figure>,
}

/// The figures that changed from report `a` to report `b`: indicators
/// matched exactly first, then by near phrase, within one unit base and
/// kind; a pair whose normalised values are equal is not a change.
pub fn changes(a: &Report, b: &Report) -> Vec<Change> {
    let (fa, fb) = (of_report(a), of_report(b));
    let mut used = vec![false; fb.len()];
    let mut out = Vec::new();
    for pass_exact in [true, false] {
        for la in &fa {
            if out
                .iter()
                .any(|c: &Change| c.before.as_ref() == Some(&la.figure))
            {
                continue;
            }
            let pick = fb.iter().enumerate().find(|(k, lb)| {
                !used[*k]
                    && lb.figure.kind == la.figure.kind
                    && lb.figure.base_unit == la.figure.base_unit
                    && if pass_exact {
                        clean(&lb.figure.indicator) == clean(&la.figure.indicator)
                    } else {
                        similar(&lb.figure.indicator, &la.figure.indicator)
                    }
            });
            if let Some((k, lb)) = pick {
                used[k] = true;
                out.push(Change {
                    indicator: la.figure.indicator.clone(),
                    before: Some(la.figure.clone()),
                    after: Some(lb.figure.clone()),
                });
            }
        }
    }
    out.retain(|c| match (&c.before, &c.after) {
        (Some(x), Some(y)) => {
            (x.normalised() - y.normalised()).abs() > 1e-9 * x.normalised().abs().max(1.0)
        }
        _ => true,
    });
    for la in &fa {
        let matched = out.iter().any(|c| c.before.as_ref() == Some(&la.figure))
            || fb
                .iter()
                .enumerate()
                .any(|(k, lb)| used[k] && lb.figure.indicator == la.figure.indicator);
        if !matched
            && !fb
                .iter()
                .any(|lb| similar(&lb.figure.indicator, &la.figure.indicator))
        {
            out.push(Change {
                indicator: la.figure.indicator.clone(),
                before: Some(la.figure.clone()),
                after: None,
            });
        }
    }
    for (k, lb) in fb.iter().enumerate() {
        if !used[k]
            && !fa
                .iter()
                .any(|la| similar(&la.figure.indicator, &lb.figure.indicator))
        {
            out.push(Change {
                indicator: lb.figure.indicator.clone(),
                before: None,
                after: Some(lb.figure.clone()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_phrases() {
        assert!(similar("固定资产投资", "完成固定资产投资额"));
        assert!(similar("规上工业产值", "规上工业总产值"));
        assert!(!similar("税收收入", "固定资产投资"));
    }
}
