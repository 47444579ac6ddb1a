//! Text two reports share: sentences and long phrases carried over from one
//! to the other (a year's report repeating the last, or a county's
//! townships writing from one template).
//!
//! Every paragraph (and the preamble) is read as a run of characters with
//! spaces dropped and half-width marks read as their full-width forms.
//! Windows of [`MIN_CHARS`] characters of the left report are hashed; a run
//! of the right report's windows found there is a shared span, at least
//! [`MIN_CHARS`] long, extended as far as the windows go on matching.

use baogao_report::model::{Report, SectionPath};
use std::collections::HashMap;

/// The shortest span that counts: about a clause of Chinese. Shorter common
/// strings are set phrases every report uses (全面贯彻落实…).
pub const MIN_CHARS: usize = 16;

/// Where a span of shared text is: the section (the front for the
/// preamble), the paragraph's index in it, and the byte range in that
/// paragraph as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanAt {
    pub path: SectionPath,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A span found in both reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    /// The text as the right report has it.
    pub text: String,
    pub left: SpanAt,
    pub right: SpanAt,
}

/// A paragraph's characters as compared, each with its byte offset.
struct Folded {
    chars: Vec<char>,
    offsets: Vec<usize>,
    len: usize,
}

fn fold(paragraph: &str) -> Folded {
    let mut chars = Vec::new();
    let mut offsets = Vec::new();
    for (at, c) in paragraph.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let c = match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '(' => '（',
            ')' => '）',
            '!' => '！',
            '?' => '？',
            c => c,
        };
        chars.push(c);
        offsets.push(at);
    }
    Folded {
        chars,
        offsets,
        len: paragraph.len(),
    }
}

fn paragraphs(report: &Report) -> Vec<(SectionPath, usize, &str)> {
    let mut all: Vec<(SectionPath, usize, &str)> = report
        .preamble
        .iter()
        .enumerate()
        .map(|(i, p)| (SectionPath::front(), i, p.as_str()))
        .collect();
    for (path, section) in report.outline() {
        for (i, p) in section.paragraphs.iter().enumerate() {
            all.push((path.clone(), i, p.as_str()));
        }
    }
    all
}

fn window_hash(window: &[char]) -> u64 {
    // FNV-1a: stable, and fast enough for a few thousand windows.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in window {
        hash ^= u64::from(u32::from(c));
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The spans of at least [`MIN_CHARS`] characters found in both reports,
/// in the right report's reading order.
pub fn shared_text(left: &Report, right: &Report) -> Vec<Shared> {
    let lefts = paragraphs(left);
    let left_folded: Vec<Folded> = lefts.iter().map(|(_, _, p)| fold(p)).collect();
    let mut seen: HashMap<u64, (usize, usize)> = HashMap::new();
    for (k, folded) in left_folded.iter().enumerate() {
        for (at, window) in folded.chars.windows(MIN_CHARS).enumerate() {
            seen.entry(window_hash(window)).or_insert((k, at));
        }
    }
    let mut found = Vec::new();
    for (path, index, paragraph) in paragraphs(right) {
        let folded = fold(paragraph);
        let mut at = 0;
        while at + MIN_CHARS <= folded.chars.len() {
            let window = &folded.chars[at..at + MIN_CHARS];
            let Some(&(k, left_at)) = seen.get(&window_hash(window)) else {
                at += 1;
                continue;
            };
            let other = &left_folded[k];
            if other.chars[left_at..left_at + MIN_CHARS] != *window {
                at += 1;
                continue;
            }
            let mut len = MIN_CHARS;
            while at + len < folded.chars.len()
                && left_at + len < other.chars.len()
                && folded.chars[at + len] == other.chars[left_at + len]
            {
                len += 1;
            }
            let end_of =
                |f: &Folded, last: usize| f.offsets.get(last + 1).copied().unwrap_or(f.len);
            let right_start = folded.offsets[at];
            let right_end = end_of(&folded, at + len - 1);
            let (left_path, left_index, _) = &lefts[k];
            found.push(Shared {
                text: paragraph[right_start..right_end].to_string(),
                left: SpanAt {
                    path: left_path.clone(),
                    paragraph: *left_index,
                    start: other.offsets[left_at],
                    end: end_of(other, left_at + len - 1),
                },
                right: SpanAt {
                    path: path.clone(),
                    paragraph: index,
                    start: right_start,
                    end: right_end,
                },
            });
            at += len;
        }
    }
    found
}
