//! Report text made safe for a terminal (`docs/data-flow.md`, "Loading"): no
//! control character or escape sequence from a report file may
//! reach the screen, and no bidirectional control may reorder what it shows.
//!
//! The loader applies [`sanitise_report`] to every report right after it
//! parses, so the library, the search index, the reader and the command line
//! only ever see safe text, and widths measured on it are right (unicode-width
//! gives `"\x1b"` a width of 1).
//!
//! Whole escape sequences go, because a terminal acts on all of them and
//! ratatui drops only the control character, leaving "[31m" on screen. Other
//! controls become visible placeholders, so a stray byte in a report shows
//! rather than silently vanishing. Nearly all report text has none of this:
//! one scan finds that out and the text is returned borrowed.

use crate::escape::{control_sequence_end, escape_end};
use crate::model::Report;
use std::borrow::Cow;

/// Make report text safe for a terminal:
///
/// - whole escape sequences are removed, 7-bit (`ESC …`) and 8-bit (C1):
///   CSI (`ESC [` or U+009B, parameters, intermediates, a final byte
///   0x40–0x7E); OSC (`ESC ]` or U+009D) up to BEL or ST (`ESC \` or
///   U+009C); DCS (`ESC P`/U+0090), SOS (`ESC X`/U+0098), PM (`ESC ^`/U+009E)
///   and APC (`ESC _`/U+009F) up to ST; `ESC` + intermediates + final byte;
///   any other two-byte `ESC x`;
/// - other C0 controls become Control Pictures (U+2400 + code, e.g. ␇), DEL
///   becomes ␡, other C1 controls become U+FFFD, a TAB one space;
/// - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F)
///   are dropped;
/// - invisible zero-width characters (U+200B, U+200C, U+2060, U+FEFF, and
///   U+200D except between two emoji, where it joins them into one) are
///   dropped: a terminal attaches them to whatever it draws next, which may
///   be in another pane.
///
/// Text needing none of this is returned borrowed.
pub fn sanitise(text: &str) -> Cow<'_, str> {
    match next_unsafe(text.as_bytes(), 0) {
        None => Cow::Borrowed(text),
        Some(first) => Cow::Owned(rewrite(text, first)),
    }
}

/// Apply [`sanitise`] to every string of a report, in place: title, place
/// names, dates, publisher, source, preamble, and the heading and paragraphs
/// of every section at every depth. Not `id`: ids are checked to be plain
/// ASCII slugs by `validate`, and a changed id would no longer name its file.
pub fn sanitise_report(report: &mut Report) {
    sanitise_in_place(&mut report.title);
    let optional = [
        &mut report.township,
        &mut report.county,
        &mut report.city,
        &mut report.province,
        &mut report.code,
        &mut report.published,
        &mut report.publisher,
        &mut report.source,
    ];
    optional.into_iter().flatten().for_each(sanitise_in_place);
    report.preamble.iter_mut().for_each(sanitise_in_place);
    // A stack, not recursion: the depth of an outline is whatever the file says.
    let mut stack: Vec<_> = report.sections.iter_mut().collect();
    while let Some(section) = stack.pop() {
        sanitise_in_place(&mut section.heading);
        section.paragraphs.iter_mut().for_each(sanitise_in_place);
        stack.extend(section.sections.iter_mut());
    }
}

fn sanitise_in_place(text: &mut String) {
    // Only a changed string is replaced: clean text keeps its allocation.
    if let Cow::Owned(clean) = sanitise(text) {
        *text = clean;
    }
}

/// The byte index of the next character at or after `from` that [`sanitise`]
/// changes. This scan is all that clean text costs, so it looks at a window
/// of [`LANES`] positions at a time with no branch inside (the compiler turns
/// that into vector instructions), and only a window that holds an unsafe
/// character is searched position by position.
fn next_unsafe(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let found = match bytes[at..].first_chunk::<WINDOW>() {
            Some(window) => window_has_unsafe(window),
            // The last bytes, padded with a letter: short strings (headings)
            // take the same vector path, and a letter starts nothing.
            None => {
                let rest = &bytes[at..];
                let mut window = [b'a'; WINDOW];
                window[..rest.len()].copy_from_slice(rest);
                window_has_unsafe(&window)
            }
        };
        let end = (at + LANES).min(bytes.len());
        if found && let Some(unsafe_at) = (at..end).find(|&i| starts_unsafe(bytes, i)) {
            return Some(unsafe_at);
        }
        at = end;
    }
    None
}

/// Positions tested together by [`next_unsafe`].
const LANES: usize = 32;
/// Their bytes and the two after the last, which an unsafe character
/// starting there can reach into.
const WINDOW: usize = LANES + 2;

fn window_has_unsafe(window: &[u8; WINDOW]) -> bool {
    // First the lead bytes alone, which is cheaper: most windows of report
    // text have no control, no C2 and no E2 (curly quotes, "…" and "—" are
    // E2 80 xx, so the exact test still runs often enough to matter).
    let mut lead = false;
    for &byte in &window[..LANES] {
        lead |= (byte < 0x20) | (byte == 0x7f) | (byte == 0xc2) | (byte == 0xe2) | (byte == 0xef);
    }
    if !lead {
        return false;
    }
    let mut found = false;
    for i in 0..LANES {
        found |= is_unsafe_start(window[i], window[i + 1], window[i + 2]);
    }
    found
}

/// Does an unsafe character start at byte `at`?
fn starts_unsafe(bytes: &[u8], at: usize) -> bool {
    let byte = |i: usize| bytes.get(i).copied().unwrap_or_default();
    is_unsafe_start(byte(at), byte(at + 1), byte(at + 2))
}

/// Do the bytes `first`, `second`, `third` start an unsafe character: an
/// ASCII control, a C1 control (UTF-8 `C2 80`–`C2 9F`), a bidi control
/// (`E2 80 8E`, `E2 80 8F`, `E2 80 AA`–`AE`, `E2 81 A6`–`A9`) or a
/// zero-width one (`E2 80 8B`–`8D`, `E2 81 A0`, `EF BB BF`)? No
/// continuation byte is a control or a `C2`/`E2` lead, so this can be asked
/// at every byte of valid UTF-8. Written with `&`/`|`, not `&&`/`||`, so
/// that it has no branches and vectorises.
#[inline(always)]
fn is_unsafe_start(first: u8, second: u8, third: u8) -> bool {
    let c0_or_del = (first < 0x20) | (first == 0x7f);
    let c1 = (first == 0xc2) & (0x80..=0x9f).contains(&second);
    let marks_and_embeddings =
        (second == 0x80) & ((0x8b..=0x8f).contains(&third) | (0xaa..=0xae).contains(&third));
    let isolates_and_joiner = (second == 0x81) & ((third == 0xa0) | (0xa6..=0xa9).contains(&third));
    let byte_order_mark = (first == 0xef) & (second == 0xbb) & (third == 0xbf);
    c0_or_del
        | c1
        | byte_order_mark
        | ((first == 0xe2) & (marks_and_embeddings | isolates_and_joiner))
}

/// The slow path, from the first unsafe character at `first`: copy runs of
/// safe text as slices and rewrite each unsafe character or sequence.
fn rewrite(text: &str, first: usize) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut next = Some(first);
    while let Some(start) = next {
        out.push_str(&text[copied..start]);
        let (replacement, end) = rewrite_one(text, start);
        if let Some(replacement) = replacement {
            out.push(replacement);
        }
        copied = end;
        next = next_unsafe(bytes, end);
    }
    out.push_str(&text[copied..]);
    out
}

/// What replaces the unsafe character or sequence starting at `start` (if
/// anything), and the index just past it. Every index returned is a char
/// boundary: sequences end on an ASCII byte, on a whole C1 character, or at
/// the end of the text.
fn rewrite_one(text: &str, start: usize) -> (Option<char>, usize) {
    let bytes = text.as_bytes();
    match bytes[start] {
        0x1b => (
            None,
            escape_end(bytes, start, |bytes, body, kind| {
                string_end(bytes, body, kind == b']')
            }),
        ),
        b'\t' => (Some(' '), start + 1),
        code @ 0x00..=0x1f => (char::from_u32(0x2400 + u32::from(code)), start + 1),
        0x7f => (Some('\u{2421}'), start + 1),
        0xc2 => match bytes[start + 1] {
            0x9b => (None, control_sequence_end(bytes, start + 2)),
            0x9d => (None, string_end(bytes, start + 2, true)),
            0x90 | 0x98 | 0x9e | 0x9f => (None, string_end(bytes, start + 2, false)),
            _ => (Some('\u{fffd}'), start + 2),
        },
        // A zero-width joiner between two emoji makes them one glyph (👨‍👩).
        0xe2 if text[start..].starts_with('\u{200d}') && joins_emoji(text, start) => {
            (Some('\u{200d}'), start + 3)
        }
        // A bidi or zero-width control: three bytes, dropped.
        _ => (None, start + 3),
    }
}

/// Whether the joiner at `at` stands between two emoji.
fn joins_emoji(text: &str, at: usize) -> bool {
    let emoji = |c: char| matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}');
    // ❤️‍🔥: the emoji before may carry its presentation selector.
    let before = text[..at].chars().next_back();
    let after = text[at + 3..].chars().next();
    before.is_some_and(|c| emoji(c) || c == '\u{fe0f}') && after.is_some_and(emoji)
}

/// The end of a command string (OSC, DCS, SOS, PM, APC) whose body starts at
/// `body`: just past its ST (`ESC \` or U+009C), or its BEL when `bel_ends`
/// (OSC). An unterminated string is removed to the end of the text: a
/// terminal would swallow everything after it too, waiting for the ST.
fn string_end(bytes: &[u8], body: usize, bel_ends: bool) -> usize {
    let mut at = body;
    while at < bytes.len() {
        // C2 is never a continuation byte, so it is always a lead here.
        match (bytes[at], bytes.get(at + 1)) {
            (0x07, _) if bel_ends => return at + 1,
            (0x1b, Some(b'\\')) | (0xc2, Some(0x9c)) => return at + 2,
            _ => at += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_candidate_is_judged_alike_at_every_place_in_a_window() {
        // Every character with a C2 or E2 80/E2 81 lead byte, and neighbours,
        // before, inside and after the first window, and at its edge.
        let candidates = ('\u{0}'..='\u{ff}')
            .chain('\u{2000}'..='\u{207f}')
            .chain(['\u{feff}', '\u{fefe}', '\u{ff0c}']);
        for c in candidates {
            let unsafe_char = c.is_control()
                || c == '\u{feff}'
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                || matches!(c, '\u{200e}' | '\u{200f}')
                || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}');
            for pad in (0..LANES + 4).chain([2 * LANES - 1, 3 * LANES + 7]) {
                let text = format!("{}{c}{}", "a".repeat(pad), "南".repeat(pad % 5 * 9));
                let expected = unsafe_char.then_some(pad);
                assert_eq!(
                    next_unsafe(text.as_bytes(), 0),
                    expected,
                    "U+{:04X} after {pad}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn unsafe_characters_are_found_at_every_alignment() {
        for c in [
            '\x1b', '\x00', '\x7f', '\u{9b}', '\u{202e}', '\u{2069}', '\u{200f}',
        ] {
            for pad in 0..20 {
                let text = format!("{}{c}南麂镇总结“”……", "a".repeat(pad));
                assert_eq!(
                    next_unsafe(text.as_bytes(), 0),
                    Some(pad),
                    "{c:?} after {pad}"
                );
            }
        }
        let clean = "“南麂镇”……\u{2000}\u{a0}总结——2020年".repeat(3);
        assert_eq!(next_unsafe(clean.as_bytes(), 0), None);
    }

    #[test]
    fn every_c0_control_but_tab_and_esc_becomes_its_picture() {
        for code in (0u8..0x20).filter(|&code| code != b'\t' && code != 0x1b) {
            let text = format!("甲{}乙", code as char);
            let picture = char::from_u32(0x2400 + u32::from(code)).unwrap();
            assert_eq!(sanitise(&text), format!("甲{picture}乙"));
        }
    }

    #[test]
    fn a_lone_esc_goes_and_the_text_after_it_stays() {
        assert_eq!(sanitise("a\x1b"), "a");
        assert_eq!(sanitise("a\x1b正文"), "a正文");
        assert_eq!(sanitise("a\x1b\n"), "a\u{240a}");
        assert_eq!(sanitise("a\x1b\x1b[1mb"), "ab");
        assert_eq!(sanitise("a\x1b\u{9b}31mb"), "ab");
    }

    #[test]
    fn unterminated_nf_sequence_at_the_end() {
        assert_eq!(sanitise("a\x1b("), "a");
        assert_eq!(sanitise("a\x1b( 正"), "a正");
    }
}
