//! Full-width punctuation between Chinese characters, on arbitrary text
//! made of the pieces that matter (ideographs, digits, Latin letters, the
//! five marks, spaces): places map both ways, only the five marks change,
//! and a mark between two digits never does.

use baogao_layout::{full_width_marks, full_width_punctuation, shown_offset, written_offset};
use baogao_testkit::property;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("镇"),
            Just("年"),
            Just("，"),
            Just("1"),
            Just("0"),
            Just("a"),
            Just(","),
            Just(";"),
            Just(":"),
            Just("("),
            Just(")"),
            Just(" "),
        ],
        0..40,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(property::config())]

    #[test]
    fn places_map_both_ways_and_only_the_marks_change(text in text()) {
        let marks = full_width_marks(&text);
        let shown = full_width_punctuation(&text);
        // Every mark converted is one of the five; the rest is unchanged.
        let back: String = shown
            .chars()
            .map(|c| match c {
                '\u{FF0C}' | '\u{FF1B}' | '\u{FF1A}' | '\u{FF08}' | '\u{FF09}' => {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                }
                c => c,
            })
            .collect();
        let written: String = text.replace('，', ",");
        prop_assert_eq!(back, written);
        for (at, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let place = shown_offset(&marks, at);
            prop_assert!(shown.is_char_boundary(place));
            prop_assert_eq!(written_offset(&marks, place), at);
        }
        // Never inside a number.
        let bytes = text.as_bytes();
        for &at in &marks {
            let digit = |i: Option<usize>| i.and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_digit);
            prop_assert!(!(digit(at.checked_sub(1)) && digit(Some(at + 1))), "{:?} at {}", text, at);
        }
    }
}
