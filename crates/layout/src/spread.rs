//! Spreading a short row to the full measure, as printed Chinese is set
//! justified.
//!
//! A number, a Latin word or 避头尾 can leave a row several cells short of
//! the measure when what comes next may not be split (`11892万元`). A row
//! may end up to [`NATURAL_GAP`] cells short, as 避头尾 leaves rows anyway;
//! the cells beyond that go inside the row, one per place, where a reader
//! expects air first: between Chinese and a number or Latin word (the space
//! many writers put there), then after a pause or stop mark (，。、；：),
//! then evenly between ideographs. Each cell put inside a row is a visible
//! gap in a terminal, so no more go in than the rule needs. The last row of
//! a paragraph is never spread.

use super::cluster::{Class, Cluster, Clusters};
use super::{Widths, WrappedLine};

/// The gap a row may keep at its end: one Chinese character (two cells).
pub const NATURAL_GAP: usize = 2;

/// Where the blank cells of a short row go: byte offsets of `text` (inside
/// `line`) before which one blank cell is drawn, ascending; an offset may
/// come more than once. The row then ends [`NATURAL_GAP`] cells short at
/// most; empty when it already does.
pub fn spread(text: &str, line: &WrappedLine, measure: usize, widths: Widths) -> Vec<usize> {
    let used = line.indent + line.width;
    let extra = measure.saturating_sub(used);
    if extra <= NATURAL_GAP {
        return Vec::new();
    }
    let Some(shown) = text.get(line.start..line.end) else {
        return Vec::new();
    };
    let shown = shown.trim_end_matches(' ');
    let clusters: Vec<Cluster> = Clusters::new(shown, widths).collect();
    // Places between two clusters, by how natural a gap looks there.
    let mut mixed = Vec::new();
    let mut pauses = Vec::new();
    let mut between = Vec::new();
    for pair in clusters.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        let at = line.start + after.start;
        if before.class == Class::Space
            || after.class == Class::Space
            || after.closer
            || before.opener
        {
            continue;
        }
        let wide = (before.class == Class::Wide, after.class == Class::Wide);
        if before.closer && !before.ascii {
            pauses.push(at);
        } else if wide.0 != wide.1 && !before.digit && !(after.digit && before.closer) {
            mixed.push(at);
        } else if wide == (true, true) && before.doubled_mark.is_none() {
            between.push(at);
        }
    }
    let mut left = extra - NATURAL_GAP;
    let mut gaps = Vec::with_capacity(left);
    for places in [&mixed, &pauses] {
        for &at in places.iter().take(left) {
            gaps.push(at);
        }
        left -= places.len().min(left);
    }
    // The rest evenly between ideographs (round again if there are fewer
    // places than cells, which only a very short row can have).
    let everywhere: Vec<usize> = if between.is_empty() {
        mixed.iter().chain(&pauses).copied().collect()
    } else {
        between
    };
    if !everywhere.is_empty() {
        let count = everywhere.len();
        for k in 0..left {
            // Centre of the k-th of `left` equal stretches.
            let index = ((2 * (k % count) + 1) * count / (2 * left.min(count))) % count;
            gaps.push(everywhere[index.min(count - 1)]);
        }
    }
    gaps.sort_unstable();
    gaps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wrap_cjk;

    #[test]
    fn a_short_row_is_spread_where_air_is_expected_first() {
        let widths = Widths::default();
        // 12 cells of text on a row of 18: four cells go inside, two stay
        // at the end.
        let text = "完成投资12亿元，同比";
        let line = WrappedLine {
            start: 0,
            end: text.len(),
            indent: 0,
            width: widths.str(text),
        };
        let gaps = spread(text, &line, line.width + 6, widths);
        assert_eq!(gaps.len(), 4);
        // Chinese beside the number first, then after the comma.
        let number = text.find("12").unwrap();
        let unit = text.find('亿').unwrap();
        let comma_after = text.find('同').unwrap();
        assert!(gaps.contains(&number), "{gaps:?}");
        assert!(!gaps.contains(&unit), "a number keeps its unit: {gaps:?}");
        assert!(gaps.contains(&comma_after), "{gaps:?}");
    }

    #[test]
    fn full_rows_and_nearly_full_ones_stay_as_they_are() {
        let widths = Widths::default();
        let text = "一二三四五六七八九十";
        let lines = wrap_cjk(text, 8, 0, widths);
        assert!(spread(text, &lines[0], 8, widths).is_empty());
        assert!(spread(text, &lines[0], 9, widths).is_empty());
        assert!(spread(text, &lines[0], 10, widths).is_empty());
        let gaps = spread(text, &lines[0], 14, widths);
        assert_eq!(gaps.len(), 4);
        assert!(gaps.windows(2).all(|w| w[0] <= w[1]));
        assert!(gaps.iter().all(|&at| at > 0 && at < lines[0].end));
    }
}
