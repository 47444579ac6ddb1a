//! The area of work a section speaks of: party building, the economy, the
//! environment, people's livelihood, town and village building, or a part
//! reviewing the past or planning what comes.
//!
//! Character bigrams tell which sections share words, not which share a
//! topic: a township report's headings are a subject and a stock predicate
//! (`社会事业迈上新台阶`, `经济发展迈上新台阶`), and in a small library the
//! predicate is as rare as the subject. The areas are the field's own
//! division of a report's work, named by the words the field uses for each
//! ([`LEXICON`], `data/areas.tsv`); the related ranking weighs a pair of
//! sections by how far their areas agree.
//!
//! The lexicon was written from knowledge of the field, by someone who had
//! not read the reports it is judged on (docs/compare.md says how).

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// The areas, in the order of a [`Profile`]'s counts.
pub const AREAS: [&str; 7] = [
    "party",
    "economy",
    "environment",
    "livelihood",
    "building",
    "review",
    "plan",
];

/// The lexicon: `area<TAB>term` a line, `#` starting a comment.
pub const LEXICON: &str = include_str!("../data/areas.tsv");

/// How many times a heading's term counts, against once in the text: a
/// heading says what its section is about, and its text wanders (a year's
/// review opens on the party's guidance, the economy and the epidemic at
/// once). The text's count of an area is capped one below, so an area the
/// heading names outweighs any the text names; the text decides when the
/// heading names no area, and shades the heading's areas otherwise.
pub const HEADING_WEIGHT: u8 = 16;

/// How often a section names each area (saturating), in [`AREAS`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Profile(pub [u8; AREAS.len()]);

impl Profile {
    /// Whether no area is named.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&n| n == 0)
    }

    /// The cosine of the two profiles, 0–1; `None` when either names no
    /// area, so nothing is known of their agreement.
    pub fn agreement(&self, other: &Profile) -> Option<f32> {
        let dot: u32 = self
            .0
            .iter()
            .zip(&other.0)
            .map(|(&a, &b)| u32::from(a) * u32::from(b))
            .sum();
        let norm = |p: &Profile| {
            p.0.iter()
                .map(|&n| u32::from(n) * u32::from(n))
                .sum::<u32>()
        };
        let (a, b) = (norm(self), norm(other));
        // Rounding may take a cosine of equal profiles a hair over 1.
        (a > 0 && b > 0).then(|| (dot as f32 / ((a as f32).sqrt() * (b as f32).sqrt())).min(1.0))
    }
}

struct Lexicon {
    matcher: AhoCorasick,
    /// Per term, its area's index in [`AREAS`].
    areas: Vec<usize>,
}

/// The lexicon's terms with their areas; a line naming no known area, or
/// with no term, is skipped (the data file's test says there are none).
fn entries() -> impl Iterator<Item = (usize, &'static str)> {
    LEXICON.lines().filter_map(|line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let (area, term) = line.split_once('\t')?;
        let at = AREAS.iter().position(|&a| a == area.trim())?;
        let term = term.trim();
        (!term.is_empty()).then_some((at, term))
    })
}

fn lexicon() -> &'static Lexicon {
    static BUILT: OnceLock<Lexicon> = OnceLock::new();
    BUILT.get_or_init(|| {
        let (areas, terms): (Vec<usize>, Vec<&str>) = entries().unzip();
        // Leftmost-longest: of the terms starting first, the longest, so
        // `垃圾分类` is one term, not `垃圾` then more.
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&terms)
            // The lexicon is compiled in, and a test builds it: a failure
            // is a bug in the data, not bad input.
            .expect("the areas lexicon builds");
        Lexicon { matcher, areas }
    })
}

/// How often `text` names each area. The text is matched as given: pass
/// it as the comparisons read text ([`crate::text::meaningful`]
/// characters), so that a term split by a space or a mark is found.
pub fn count(text: &str) -> Profile {
    let lexicon = lexicon();
    let mut profile = Profile::default();
    for found in lexicon.matcher.find_iter(text) {
        let count = &mut profile.0[lexicon.areas[found.pattern().as_usize()]];
        *count = count.saturating_add(1);
    }
    profile
}

/// A section's areas from the counts of its heading and of its text: the
/// heading's weighed [`HEADING_WEIGHT`] times, the text's capped one below.
pub fn weigh(heading: Profile, text: Profile) -> Profile {
    let mut profile = text;
    for (total, &n) in profile.0.iter_mut().zip(&heading.0) {
        *total = (*total)
            .min(HEADING_WEIGHT - 1)
            .saturating_add(n.saturating_mul(HEADING_WEIGHT));
    }
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(heading: &str, text: &str) -> Profile {
        weigh(count(heading), count(text))
    }

    /// The area named most, if any.
    fn main_area(profile: Profile) -> Option<&'static str> {
        let (at, &most) = profile
            .0
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
        (most > 0).then_some(AREAS[at])
    }

    #[test]
    fn every_line_of_the_lexicon_names_an_area_and_a_term() {
        let lines = LEXICON
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim().starts_with('#'))
            .count();
        assert!(lines > 100, "{lines} terms");
        assert_eq!(entries().count(), lines, "a line names no known area");
        for (area, name) in AREAS.iter().enumerate() {
            assert!(entries().any(|(at, _)| at == area), "{name} has no term");
        }
    }

    #[test]
    fn a_term_is_in_one_area_only() {
        let mut seen = std::collections::HashMap::new();
        for (area, term) in entries() {
            if let Some(other) = seen.insert(term, area) {
                assert_eq!(other, area, "{term} is in two areas");
            }
        }
    }

    #[test]
    fn a_heading_names_its_area_whatever_its_stock_predicate() {
        // The same predicate, two areas; a heading with none of the
        // lexicon's words names none.
        assert_eq!(
            main_area(profile("社会事业迈上新台阶", "")),
            Some("livelihood")
        );
        assert_eq!(main_area(profile("党的建设迈上新台阶", "")), Some("party"));
        assert!(profile("迈上新台阶", "").is_empty());
    }

    #[test]
    fn the_heading_outweighs_the_text() {
        let review = profile(
            "工作回顾",
            "坚持党建引领，招商引资成效明显，垃圾分类全面推进，社会事业持续发展",
        );
        assert_eq!(main_area(review), Some("review"));
        // With no area in the heading, the text decides.
        let text = profile("迈上新台阶", "招商引资成效明显，新引进项目十个");
        assert_eq!(main_area(text), Some("economy"));
        // However often the text names another area.
        let long = "招商引资".repeat(40);
        assert_eq!(main_area(profile("垃圾分类", &long)), Some("environment"));
    }

    #[test]
    fn agreement_is_a_cosine_and_unknown_without_areas() {
        let party = Profile([2, 0, 0, 0, 0, 0, 0]);
        let economy = Profile([0, 3, 0, 0, 0, 0, 0]);
        let both = Profile([1, 1, 0, 0, 0, 0, 0]);
        let odd = Profile([3, 7, 1, 0, 5, 0, 2]);
        let same = odd.agreement(&odd).unwrap_or_default();
        assert!(same <= 1.0 && same > 1.0 - 1e-6, "{same}");
        assert_eq!(party.agreement(&economy), Some(0.0));
        let half = party.agreement(&both).unwrap_or_default();
        assert!((half - std::f32::consts::FRAC_1_SQRT_2).abs() < 1e-6);
        assert_eq!(party.agreement(&Profile::default()), None);
        assert_eq!(main_area(both), Some("party"));
        assert_eq!(main_area(Profile::default()), None);
    }
}
