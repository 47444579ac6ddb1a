//! Text as the comparisons see it: headings without their numbers and
//! years, and strings as sorted sets of character bigrams.

use baogao_report::marker::{is_han, marker, shi_item};

/// A bigram (or a single character, for one-character texts) as one number:
/// the two code points side by side.
pub type Gram = u64;

/// A heading without its outline number (`一、`, `（二）`, `一是`), years
/// (`2020年`), marks and spaces: what it says, not where it sits.
pub fn heading_core(heading: &str) -> String {
    let mut rest = heading.trim();
    if let Some(found) = marker(rest) {
        rest = &rest[found.len..];
    } else if let Some((_, len)) = shi_item(rest) {
        rest = &rest[len..];
    }
    let mut core = String::with_capacity(rest.len());
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() || is_full_width_digit(c) {
            // A number followed by 年 is a year (or a count of years): both
            // go, so plans and summaries of different years read alike.
            let mut digits = String::from(c);
            while let Some(&next) = chars.peek() {
                if next.is_ascii_digit() || is_full_width_digit(next) {
                    digits.push(next);
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek() == Some(&'年') {
                chars.next();
            } else {
                core.push_str(&digits);
            }
        } else if c.is_alphanumeric() {
            core.push(c);
        }
    }
    core
}

fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

/// The first year (four digits, 1900–2099) a heading names, as in
/// `二、2021年工作计划`.
pub fn heading_year(heading: &str) -> Option<i32> {
    let chars: Vec<char> = heading.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        let year: i32 = digits.parse().ok()?;
        let starts_a_number = w[..4].iter().all(char::is_ascii_digit);
        (starts_a_number && w[4] == '年' && (1900..2100).contains(&year)).then_some(year)
    })
}

/// The characters of `text` that carry meaning (letters, digits, ideographs),
/// Latin letters in lower case.
pub fn meaningful(text: &str) -> impl Iterator<Item = char> + '_ {
    // Ideographs first: the general test is a slow table look-up for them.
    text.chars()
        .filter(|&c| {
            is_han(c) || c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
        })
        .map(|c| c.to_ascii_lowercase())
}

/// The bigrams of `text`'s meaningful characters, at most `limit` of them,
/// sorted with repeats kept (a multiset): a one-character text gives that
/// character alone.
pub fn bigrams(text: &str, limit: usize) -> Vec<Gram> {
    let mut grams = Vec::new();
    let mut previous: Option<char> = None;
    let mut count = 0;
    for c in meaningful(text) {
        count += 1;
        if let Some(p) = previous {
            if grams.len() == limit {
                break;
            }
            grams.push(pair(p, c));
        }
        previous = Some(c);
    }
    if count == 1
        && let Some(p) = previous
    {
        grams.push(u64::from(u32::from(p)));
    }
    grams.sort_unstable();
    grams
}

/// One number for the bigram `a b`.
pub fn pair(a: char, b: char) -> Gram {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

/// The Dice coefficient of two sorted multisets: twice the shared count over
/// the two sizes; 0 when both are empty.
pub fn dice(a: &[Gram], b: &[Gram]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = shared_count(a, b);
    2.0 * shared as f32 / (a.len() + b.len()) as f32
}

/// How many elements two sorted multisets have in common.
pub fn shared_count(a: &[Gram], b: &[Gram]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_loses_its_number_years_and_marks() {
        assert_eq!(heading_core("一、2020年工作总结"), "工作总结");
        assert_eq!(heading_core("（二）2021年工作计划"), "工作计划");
        assert_eq!(
            heading_core("一是持续保护海洋生态环境。"),
            "持续保护海洋生态环境"
        );
        assert_eq!(heading_core("完成投资3亿元"), "完成投资3亿元");
    }

    #[test]
    fn a_heading_names_its_year() {
        assert_eq!(heading_year("二、2021年工作计划"), Some(2021));
        assert_eq!(heading_year("（一）千方百计促发展"), None);
        assert_eq!(heading_year("完成12345年"), None);
    }

    #[test]
    fn dice_counts_shared_bigrams() {
        let a = bigrams("工作总结", 100);
        let b = bigrams("工作计划", 100);
        assert!((dice(&a, &a) - 1.0).abs() < f32::EPSILON);
        assert!((dice(&a, &b) - 1.0 / 3.0).abs() < 1e-6);
        assert!(dice(&a, &[]).abs() < f32::EPSILON);
        assert_eq!(bigrams("镇", 10).len(), 1);
    }
}
