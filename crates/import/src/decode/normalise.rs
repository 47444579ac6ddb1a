//! Character-level clean-up of decoded text, the last part of [`super::decode`].
//!
//! Scraped reports carry line ends from every platform, exotic spaces, invisible
//! formatting characters and now and then terminal colour codes. Later importer
//! steps (cruft removal, PDF repair, outline) match on plain text, so they get
//! one kind of line end, one kind of ASCII space and no invisible characters.
//! Lines are neither trimmed nor joined here: that is for the later steps.
//!
//! The pass is linear: runs of characters that stay as they are (nearly all of
//! a report: CJK text, ASCII, full-width punctuation) are copied as slices,
//! and only the few lead bytes that can start a changed character are looked at.

use baogao_report::escape::escape_end;

/// What happens to one character.
enum Action {
    Keep,
    Drop,
    Replace(char),
}

/// Does the text end its lines in CRLF? Then a lone CR is a stray byte, not
/// a line end: CRLF must outnumber lone CRs by far.
fn ends_lines_in_crlf(bytes: &[u8]) -> bool {
    let (mut crlf, mut lone) = (0usize, 0usize);
    for (at, &b) in bytes.iter().enumerate() {
        if b == b'\r' {
            if bytes.get(at + 1) == Some(&b'\n') {
                crlf += 1;
            } else {
                lone += 1;
            }
        }
    }
    crlf >= 2 && crlf >= lone * 3
}

/// Normalises line ends, spaces and control characters; see the module doc.
pub(super) fn normalise(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // Start of the run of unchanged text not yet copied to `out`.
    let mut run_start = 0;
    let crlf_file = ends_lines_in_crlf(bytes);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (action, next) = match b {
            b' '..=b'~' | b'\n' => (Action::Keep, i + 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => (Action::Replace('\n'), i + 2),
            // A lone CR is a line end in an old Mac file, but a stray byte in
            // a file whose lines end in CRLF.
            b'\r' if crlf_file => (Action::Drop, i + 1),
            b'\r' => (Action::Replace('\n'), i + 1),
            b'\t' => (Action::Replace(' '), i + 1),
            // A vertical tab is the manual line break of word processors.
            0x0B => (Action::Replace('\n'), i + 1),
            0x1B => (
                Action::Drop,
                escape_end(bytes, i, |bytes, body, _| skip_command_string(bytes, body)),
            ),
            0x00..=0x7F => (Action::Drop, i + 1),
            // Only U+0080–U+00A0 (C2 xx), U+2000–U+207F (E2 80 xx, E2 81 xx) and
            // U+FEFF (EF BB BF) can change; checking bytes first keeps CJK text
            // and full-width punctuation on the fast path.
            0xEF if bytes.get(i + 1..i + 3) == Some(&[0xBB, 0xBF][..]) => (Action::Drop, i + 3),
            0xE2 if !matches!(bytes.get(i + 1), Some(0x80 | 0x81)) => (Action::Keep, i + 3),
            0xC2 | 0xE2 => {
                let c = text[i..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER);
                (classify(c), i + c.len_utf8())
            }
            0xC0..=0xDF => (Action::Keep, i + 2),
            0xE0..=0xEF => (Action::Keep, i + 3),
            _ => (Action::Keep, i + 4),
        };
        if !matches!(action, Action::Keep) {
            out.push_str(&text[run_start..i]);
            if let Action::Replace(c) = action {
                out.push(c);
            }
            run_start = next;
        }
        i = next;
    }
    out.push_str(&text[run_start..]);
    out
}

/// The action for a non-ASCII character.
fn classify(c: char) -> Action {
    match c {
        // C1 controls; NEL (U+0085) included: in scraped text it is mojibake far
        // more often than a line end.
        '\u{80}'..='\u{9F}' => Action::Drop,
        // No-break and typographic spaces. U+3000 (full-width space) is not
        // here: it is the indent of Chinese text and later steps need to see it.
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => Action::Replace(' '),
        '\u{2028}' | '\u{2029}' => Action::Replace('\n'),
        // Zero-width space, bidi marks, embeddings, overrides and isolates
        // (U+FEFF goes by its bytes above): invisible, and they would break
        // matching on the text.
        '\u{200B}' | '\u{200E}' | '\u{200F}' => Action::Drop,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Action::Drop,
        _ => Action::Keep,
    }
}

/// The body of an OSC-like command, terminated by BEL or ESC \. Terminals would
/// wait for the terminator forever; here an unterminated string ends at the
/// line end (or at the next ESC) so that one bad byte costs at most a line.
fn skip_command_string(bytes: &[u8], body_start: usize) -> usize {
    let mut i = body_start;
    while let Some(&b) = bytes.get(i) {
        match b {
            0x07 => return i + 1,
            0x1B if bytes.get(i + 1) == Some(&b'\\') => return i + 2,
            0x1B | b'\n' | b'\r' => return i,
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn unchanged_text_is_copied_as_is() {
        let text = "南麂镇2020年工作总结\n\u{3000}\u{3000}一、总体情况（一）“最美海岛”😀e\u{301}";
        assert_eq!(normalise(text), text);
    }

    #[test]
    fn csi_sequences_of_every_shape_are_removed() {
        assert_eq!(normalise("\x1b[1;31m红\x1b[0m"), "红");
        assert_eq!(normalise("a\x1b[?25lb\x1b[2Jc\x1b[38;5;208md"), "abcd");
        assert_eq!(normalise("a\x1b[ qb"), "ab"); // intermediate byte
    }

    #[test]
    fn osc_and_other_string_commands_end_at_their_terminator() {
        assert_eq!(normalise("a\x1b]0;标题\x07b"), "ab");
        assert_eq!(
            normalise("a\x1b]8;;http://x\x1b\\链接\x1b]8;;\x1b\\b"),
            "a链接b"
        );
        assert_eq!(normalise("a\x1bPq#0;2\x1b\\b"), "ab");
    }

    #[test]
    fn unterminated_sequences_do_not_swallow_text() {
        assert_eq!(normalise("a\x1b]0;title\n正文"), "a\n正文");
        assert_eq!(normalise("a\x1b[31正文"), "a正文");
        assert_eq!(normalise("a\x1b[12"), "a");
        assert_eq!(normalise("a\x1b"), "a");
        assert_eq!(normalise("a\x1b\n"), "a\n");
        assert_eq!(normalise("a\x1b正"), "a正");
    }

    #[test]
    fn short_escapes_lose_their_one_character() {
        assert_eq!(normalise("a\x1b(Bb\x1b7c\x1b=d\x1bMe"), "abcde");
    }
}
