//! Watermarks: a site's slogan or tag appended to the end of many lines
//! ("IsG乡村百科--为乡村振兴助力", "【来源:范文网 www.fwwang.com】"), found by
//! counting repeated suffixes rather than by knowing any site.

use crate::text::{COLONS, is_clause_end, is_closing, is_sentence_end, trim};
use std::collections::HashMap;

/// Find a watermark repeated at the end of many lines (e.g. a site slogan
/// appended to every paragraph) and strip it. Returns the watermark found.
///
/// A candidate is a suffix of 4–40 characters that does not end a sentence,
/// ends at least three lines and at least a fifth of the lines long enough
/// to carry it. The longest such suffix wins.
pub(crate) fn strip_watermark(lines: &mut [String]) -> Option<String> {
    const MIN: usize = 4;
    const MAX: usize = 40;
    // Look for it in the first lines only: a watermark on every paragraph
    // shows there, and a one-line page cut into millions of lines stays fast.
    const SAMPLE: usize = 2000;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut eligible = 0usize;
    for line in lines.iter().take(SAMPLE) {
        let chars = line.char_indices().rev().take(MAX).map(|(i, _)| i);
        let n = line.chars().count();
        if n <= MIN {
            continue;
        }
        eligible += 1;
        for (k, start) in chars.enumerate() {
            let len = k + 1;
            if len >= MIN && len < n {
                *counts.entry(&line[start..]).or_default() += 1;
            }
        }
    }
    let threshold = 3.max(eligible / 5);
    let mut candidates: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|(suffix, count)| {
            *count >= threshold
                && (!suffix.chars().last().is_some_and(is_closing) || is_bracketed(suffix))
                && !suffix.starts_with(|c: char| is_sentence_end(c) || is_clause_end(c))
                && !suffix.ends_with([
                    '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}', '、',
                ])
                && looks_like_a_mark(suffix, *count, eligible)
        })
        .collect();
    candidates.sort_by_key(|(suffix, count)| std::cmp::Reverse((*count, suffix.chars().count())));
    let best = candidates
        .iter()
        .take(50)
        .find(|(suffix, _)| {
            let sample = &lines[..lines.len().min(SAMPLE)];
            is_appended(sample, suffix) && (!plain_words(suffix) || on_a_paragraph(sample, suffix))
        })
        .map(|(s, _)| s.to_string())?;
    for line in lines.iter_mut() {
        if line.ends_with(best.as_str()) {
            let keep = line.len() - best.len();
            line.truncate(keep);
            let trimmed = trim(line).to_string();
            *line = trimmed;
        }
    }
    Some(best)
}

/// Only Chinese characters: a phrase that titles and labels may share
/// ("工作计划" ending a title, its repeat and a category label).
fn plain_words(suffix: &str) -> bool {
    suffix.chars().all(crate::text::is_han)
}

/// Does the mark end a line of report text (a paragraph, not a title or a
/// label)? A slogan appended to the page's paragraphs does.
fn on_a_paragraph(lines: &[String], suffix: &str) -> bool {
    let n = suffix.chars().count();
    lines
        .iter()
        .any(|l| l.ends_with(suffix) && l.chars().count() >= n + 30)
}

/// A site mark carries Latin letters or web punctuation ("IsG…--…",
/// "www.…", "来源:…网"), or ends half of all lines; a phrase that a few list
/// items share ("牵头单位:经济发展办") is report text.
fn looks_like_a_mark(suffix: &str, count: usize, eligible: usize) -> bool {
    let webby = suffix
        .chars()
        .any(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '_' | '|' | '@' | '—'));
    let url = ["www.", "http", ".com", ".cn", ".net"]
        .iter()
        .any(|w| suffix.contains(w));
    let labelled = suffix.contains(COLONS);
    (webby && (!labelled || url)) || count * 2 >= eligible
}

/// A whole bracketed tag: "【来源:范文网 www.fwwang.com】", "[来自网络]".
fn is_bracketed(text: &str) -> bool {
    let pairs = [
        ('【', '】'),
        ('[', ']'),
        ('〔', '〕'),
        ('(', ')'),
        ('\u{FF08}', '\u{FF09}'),
    ];
    pairs
        .iter()
        .any(|(open, close)| text.starts_with(*open) && text.ends_with(*close))
}

/// Is `suffix` appended to different texts, rather than the tail of one
/// repeated line (a title printed three times is not a watermark)? The
/// characters before it must differ between lines, and leave real text.
fn is_appended(lines: &[String], suffix: &str) -> bool {
    let mut before = std::collections::HashSet::new();
    for line in lines {
        if let Some(head) = line.strip_suffix(suffix) {
            if head.chars().count() < 2 {
                return false;
            }
            before.insert(head.chars().last());
        }
    }
    // The same character before every copy means the suffix is the tail of
    // a longer repeat, unless that character is the text's own full stop.
    before.len() >= 2 || before.iter().all(|c| c.is_some_and(is_sentence_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watermark_is_found_and_stripped() {
        let mut lines: Vec<String> = [
            "一、2020年工作总结IsG乡村百科--为乡村振兴助力",
            "",
            "2020年,面对疫情。IsG乡村百科--为乡村振兴助力",
            "一是经济发展交出新答卷。IsG乡村百科--为乡村振兴助力",
            "二是项目建设跑出新速度。IsG乡村百科--为乡村振兴助力",
            "三是没有水印的段落。",
        ]
        .map(String::from)
        .to_vec();
        let mark = strip_watermark(&mut lines);
        assert_eq!(mark.as_deref(), Some("IsG乡村百科--为乡村振兴助力"));
        assert_eq!(lines[0], "一、2020年工作总结");
        assert_eq!(lines[3], "一是经济发展交出新答卷。");
    }

    #[test]
    fn no_watermark_in_plain_text() {
        let mut lines: Vec<String> = [
            "一是加强领导。",
            "二是完善制度。",
            "三是强化考核。",
            "四是严格督查。",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(strip_watermark(&mut lines), None);
    }
}
