//! ECMA-48 escape sequences in text: where one that starts at an ESC ends.
//!
//! Two places remove them: the importer's character clean-up (scraped pages
//! now and then carry terminal colour codes) and the loader's sanitiser (no
//! sequence may reach the screen). They agree on every shape and differ only
//! in how far an unterminated command string (OSC, DCS, SOS, PM, APC) reaches,
//! so each passes its own rule for the string's body.

use std::ops::RangeInclusive;

/// The index just past the escape sequence whose ESC is at `start`: CSI
/// (`ESC [`), a command string (`ESC ]`, `P`, `X`, `^`, `_`; its end is
/// `string_end(bytes, body, kind)`, `kind` being the byte after ESC), nF
/// (intermediates, then a final byte: `ESC ( B`), or ESC and one character.
/// At the end of the text, or before a byte that cannot continue a sequence,
/// only the ESC goes: a stray ESC never swallows report text. Every byte of
/// a sequence is ASCII, so the index returned is a char boundary whenever
/// `string_end` returns one.
pub fn escape_end(
    bytes: &[u8],
    start: usize,
    string_end: impl Fn(&[u8], usize, u8) -> usize,
) -> usize {
    match bytes.get(start + 1) {
        Some(b'[') => control_sequence_end(bytes, start + 2),
        Some(&kind @ (b']' | b'P' | b'X' | b'^' | b'_')) => string_end(bytes, start + 2, kind),
        Some(0x20..=0x2f) => {
            let end = skip_while(bytes, start + 1, 0x20..=0x2f);
            match bytes.get(end) {
                Some(0x30..=0x7e) => end + 1,
                _ => end,
            }
        }
        Some(0x30..=0x7e) => start + 2,
        _ => start + 1,
    }
}

/// CSI after its introducer: parameter bytes, intermediate bytes, one final
/// byte (`ESC [ 3 1 m`). A malformed one ends before the first byte that
/// cannot belong to it, so a broken colour code costs no text after it.
pub(crate) fn control_sequence_end(bytes: &[u8], params: usize) -> usize {
    let end = skip_while(bytes, params, 0x30..=0x3f);
    let end = skip_while(bytes, end, 0x20..=0x2f);
    match bytes.get(end) {
        Some(0x40..=0x7e) => end + 1,
        _ => end,
    }
}

fn skip_while(bytes: &[u8], mut at: usize, range: RangeInclusive<u8>) -> usize {
    while bytes.get(at).is_some_and(|byte| range.contains(byte)) {
        at += 1;
    }
    at
}
