//! How a heading result's tier ([`MatchKind`]) is shown, the same way in
//! the popup and in `baogao search`: a homophone or a typo carries a note,
//! the weak matches follow a divider line, and when none is close the count
//! says so first. A close match carries nothing: it is what a result is
//! expected to be.

use baogao_i18n::{t, tf};
use baogao_layout::{AmbiguousWidth, Widths, truncate};
use baogao_search::MatchKind;

/// The note a result of `kind` carries: for a homophone or a typo, a word
/// in ASCII brackets (both notes the same width, so they line up), which
/// reads as a note with or without colours. None for a close match, and
/// for a weak one, which the divider sets apart.
pub fn note(kind: MatchKind) -> Option<&'static str> {
    match kind {
        MatchKind::Homophone => Some("(同音)"),
        MatchKind::Typo => Some(t("search.typo")),
        MatchKind::Close | MatchKind::Weak => None,
    }
}

/// "1 weak match", "12 weak matches".
pub fn weak_matches(weak: usize) -> String {
    let key = if weak == 1 {
        "search.weak.one"
    } else {
        "search.weak.many"
    };
    tf(key, &[("n", &weak)])
}

/// What is said when every match is weak: "no close match · 12 weak matches".
pub fn no_close_match(weak: usize) -> String {
    tf("search.no_close", &[("weak", &weak_matches(weak))])
}

/// A divider line of at most `width` cells saying `words`: "── words ───…",
/// the line drawn to `width`. Box-drawing lines are ambiguous-width: where
/// they take two cells the line is drawn in ASCII, as the borders are.
pub fn divider(words: &str, width: usize, widths: Widths) -> String {
    let line = match widths.ambiguous {
        AmbiguousWidth::Narrow => '\u{2500}',
        AmbiguousWidth::Wide => '-',
    };
    let mut text = format!("{line}{line} {words} ");
    let room = width.saturating_sub(widths.str(&text)) / widths.char(line).max(1);
    text.extend(std::iter::repeat_n(line, room));
    truncate(text.trim_end(), width, widths).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_divider_fills_its_width_and_never_passes_it() {
        let narrow = Widths::default();
        let wide = Widths {
            ambiguous: AmbiguousWidth::Wide,
        };
        assert_eq!(
            divider("3 weak matches", 24, narrow),
            "── 3 weak matches ──────"
        );
        assert_eq!(
            divider("3 weak matches", 24, wide),
            "-- 3 weak matches ------"
        );
        for width in 0..30 {
            for widths in [narrow, wide] {
                assert!(widths.str(&divider("3 weak matches", width, widths)) <= width);
            }
        }
        assert_eq!(divider("3 weak matches", 10, narrow), "── 3 weak…");
    }

    #[test]
    fn the_notes_are_one_width_and_close_and_weak_have_none() {
        let widths = Widths::default();
        let notes: Vec<_> = [MatchKind::Homophone, MatchKind::Typo]
            .into_iter()
            .filter_map(note)
            .map(|n| widths.str(n))
            .collect();
        assert_eq!(notes, [6, 6]);
        assert_eq!(note(MatchKind::Close), None);
        assert_eq!(note(MatchKind::Weak), None);
        assert_eq!(weak_matches(1), "1 weak match");
        assert_eq!(no_close_match(12), "no close match \u{B7} 12 weak matches");
    }
}
