//! The CJK wrapper, truncation and the sanitiser on arbitrary text.
//!
//! Input layout: two bytes of width (taken modulo 301, so 0..=300: the
//! wrapper takes 0 as 1), one byte of first-line indent (modulo 5), then
//! the text, read as UTF-8 with bad bytes replaced. Every input is tried in
//! both ambiguous-width settings, raw and sanitised.

#![no_main]

use baogao_report::sanitise::sanitise;
use baogao_layout::{AmbiguousWidth, Widths};
use baogao_testkit::invariants::{check_sanitise, check_wrap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let [high, low, indent, text @ ..] = bytes else {
        return;
    };
    let width = usize::from(u16::from_be_bytes([*high, *low])) % 301;
    let indent = usize::from(*indent % 5);
    let text = String::from_utf8_lossy(text);
    check_sanitise(&text);
    let safe = sanitise(&text);
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        let widths = Widths { ambiguous };
        check_wrap(&text, width, indent, widths);
        check_wrap(&safe, width, indent, widths);
    }
});
