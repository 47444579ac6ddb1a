//! Properties of the CJK wrapper (`baogao_layout`), checked on every paragraph
//! and heading of the bundled reports at every width from 2 to 120 in both
//! ambiguous-width settings, and on arbitrary strings (proptest).
//!
//! Widths are walked in plain loops: one wrap per width is cheaper than a
//! proptest case each, and covers every width instead of a sample.

use baogao_bundled::load_bundled;
use baogao_layout::{AmbiguousWidth, Widths, WrappedLine, truncate};
use baogao_report::model::Section;
use baogao_testkit::invariants;
use proptest::prelude::*;
use std::borrow::Cow;

const SETTINGS: [Widths; 2] = [
    Widths {
        ambiguous: AmbiguousWidth::Narrow,
    },
    Widths {
        ambiguous: AmbiguousWidth::Wide,
    },
];

/// May not start a line (避头尾: closing punctuation, the ellipsis, the
/// middle dot, iteration and prolonged-sound marks stay with the character
/// before them), as escapes so no tool turns them into ASCII.
const CLOSERS: &str = "\u{FF0C}\u{3002}\u{3001}\u{FF1B}\u{FF1A}\u{FF1F}\u{FF01}\u{FF09}\u{300B}\
                       \u{300D}\u{300F}\u{3011}\u{3015}\u{3009}\u{2019}\u{201D}\u{2026}\u{2025}\
                       \u{00B7}\u{3005}\u{30FC},.;:?!)]}\u{FF3D}\u{FF5D}\u{FF0E}";
/// May not end a line (opening quotes and brackets stay with the character
/// after them).
const OPENERS: &str = "\u{201C}\u{2018}\u{FF08}\u{300A}\u{300C}\u{300E}\u{3010}\u{3014}\u{3008}([{";

fn is_closer(c: char) -> bool {
    CLOSERS.contains(c)
}

fn is_opener(c: char) -> bool {
    OPENERS.contains(c)
}

/// A text the reader lays out, with the indent it gets.
struct Sample {
    text: String,
    indent: usize,
}

fn collect_section(section: &Section, samples: &mut Vec<Sample>) {
    samples.push(Sample {
        text: section.heading.clone(),
        indent: 0,
    });
    for paragraph in &section.paragraphs {
        samples.push(Sample {
            text: paragraph.clone(),
            indent: 2,
        });
    }
    for child in &section.sections {
        collect_section(child, samples);
    }
}

fn bundled_samples() -> Vec<Sample> {
    let loaded = load_bundled();
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let mut samples = Vec::new();
    for loaded_report in &loaded.reports {
        let report = &loaded_report.report;
        samples.push(Sample {
            text: report.title.clone(),
            indent: 0,
        });
        for paragraph in &report.preamble {
            samples.push(Sample {
                text: paragraph.clone(),
                indent: 2,
            });
        }
        for section in &report.sections {
            collect_section(section, &mut samples);
        }
    }
    assert!(samples.len() > 100, "the bundled reports went missing");
    samples
}

/// Properties every layout has, whatever the text (the same the fuzz target
/// checks): the lines partition it on char boundaries, fit the width (but
/// for one over-wide character alone), and report the width of what they show.
fn check_shape(text: &str, width: usize, indent: usize, widths: Widths) -> Vec<WrappedLine> {
    invariants::check_wrap(text, width, indent, widths)
}

/// 避头尾, with the one allowed exception: a line may start with a closer only
/// when the closers and the character they belong to (with any openers
/// before it) could not fit on one line, or are all the previous line holds;
/// likewise a line may end with openers only when they and the next character
/// could not fit together. With `strict`, no exception at all.
fn check_prohibitions(
    text: &str,
    lines: &[WrappedLine],
    width: usize,
    widths: Widths,
    strict: bool,
) {
    let pane = width.max(1);
    for (index, pair) in lines.windows(2).enumerate() {
        let (upper, lower) = (
            invariants::visible(text, &pair[0]),
            &text[pair[1].start..pair[1].end],
        );
        let context = || {
            format!(
                "lines {index}-{}: {upper:?} / {lower:?}, width {width}, {widths:?}",
                index + 1
            )
        };

        if lower.starts_with(is_closer) {
            let lead_end = lower.find(|c| !is_closer(c)).unwrap_or(lower.len());
            let without_closers = upper.trim_end_matches(is_closer);
            let carrier = without_closers.char_indices().last().map(|(i, _)| i);
            let pulled_start =
                carrier.map(|i| without_closers[..i].trim_end_matches(is_opener).len());
            let possible = match pulled_start {
                Some(start) if start > 0 => {
                    widths.str(&upper[start..]) + widths.str(&lower[..lead_end]) <= pane
                }
                _ => false,
            };
            assert!(
                !strict && !possible,
                "line starts with a closer: {}",
                context()
            );
        }
        if upper.ends_with(is_opener) {
            let run_start = upper.trim_end_matches(is_opener).len();
            let next = lower.chars().next().map_or(0, |c| widths.char(c));
            let possible = run_start > 0 && widths.str(&upper[run_start..]) + next <= pane;
            assert!(
                !strict && !possible,
                "line ends with an opener: {}",
                context()
            );
        }
    }
}

/// From this width on, the bundled texts wrap with no 避头尾 exception at all.
/// Below it some cannot: at width 5, "动”" + "，" needs 6 cells with wide
/// ambiguous characters, and the comma may not overflow the line.
const STRICT_FROM: usize = 6;

fn check_bundled(widths: Widths) {
    let samples = bundled_samples();
    for width in 2..=120 {
        for sample in &samples {
            let lines = check_shape(&sample.text, width, sample.indent, widths);
            check_prohibitions(&sample.text, &lines, width, widths, width >= STRICT_FROM);
        }
    }
}

#[test]
fn bundled_texts_at_every_width_narrow_ambiguous() {
    check_bundled(SETTINGS[0]);
}

#[test]
fn bundled_texts_at_every_width_wide_ambiguous() {
    check_bundled(SETTINGS[1]);
}

static SAMPLES: std::sync::LazyLock<Vec<Sample>> = std::sync::LazyLock::new(bundled_samples);

fn arbitrary_char() -> impl Strategy<Value = char> {
    let punctuation: Vec<char> = CLOSERS.chars().chain(OPENERS.chars()).collect();
    // ZWJ, VS16, skin tone, em dash, bullet, box line, ideographic space, tab, ESC.
    let odd = vec![
        '\u{200D}',
        '\u{FE0F}',
        '\u{1F3FD}',
        '\u{2014}',
        '\u{2022}',
        '\u{2500}',
        '\u{3000}',
        '\t',
        '\u{1b}',
    ];
    prop_oneof![
        4 => proptest::char::range('\u{4E00}', '\u{9FFF}'),
        2 => prop::sample::select(punctuation),
        2 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('0', '9'),
        2 => Just(' '),
        1 => proptest::char::range('\u{0300}', '\u{036F}'),
        1 => proptest::char::range('\u{1F600}', '\u{1F64F}'),
        1 => prop::sample::select(odd),
    ]
}

proptest! {
    #![proptest_config(baogao_testkit::property::config())]

    #[test]
    fn arbitrary_text_partitions_and_fits(
        chars in prop::collection::vec(arbitrary_char(), 0..120),
        indent in prop::sample::select(vec![0, 2, 4]),
    ) {
        let text: String = chars.into_iter().collect();
        for widths in SETTINGS {
            for width in 0..=40 {
                check_shape(&text, width, indent, widths);
            }
        }
    }

    #[test]
    fn slices_of_bundled_text_keep_the_prohibitions(
        sample in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        length in 0..400usize,
        width in 2..=60usize,
        wide in any::<bool>(),
    ) {
        let sample = &SAMPLES[sample.index(SAMPLES.len())];
        let starts: Vec<usize> = sample.text.char_indices().map(|(i, _)| i).collect();
        let start = if starts.is_empty() { 0 } else { starts[from.index(starts.len())] };
        let text: String = sample.text[start..].chars().take(length).collect();
        let widths = SETTINGS[usize::from(wide)];
        let lines = check_shape(&text, width, sample.indent, widths);
        check_prohibitions(&text, &lines, width, widths, false);
    }

    #[test]
    fn truncate_fits_and_keeps_a_prefix(
        chars in prop::collection::vec(arbitrary_char(), 0..40),
        width in 0..=30usize,
        wide in any::<bool>(),
    ) {
        let text: String = chars.into_iter().collect();
        let widths = SETTINGS[usize::from(wide)];
        let cut = truncate(&text, width, widths);
        prop_assert!(widths.str(&cut) <= width);
        if width == 0 {
            prop_assert_eq!(cut.as_ref(), "");
        } else if widths.str(&text) <= width {
            prop_assert!(matches!(cut, Cow::Borrowed(t) if t == text));
        } else if !cut.is_empty() {
            let kept = cut.strip_suffix('\u{2026}');
            prop_assert!(kept.is_some_and(|kept| text.starts_with(kept)), "{:?}", cut);
        }
    }
}
