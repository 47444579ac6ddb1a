//! Telling report text from binary files, for [`super::decode`].
//!
//! A user may point the importer at a PDF, a Word file, an image or an archive
//! by mistake; the importer must say so instead of importing garbage. Known
//! formats are recognised by their signature and named in the error. Anything
//! else is judged by one rule: more than one character in
//! [`CHARS_PER_ALLOWED_BAD_CHAR`] being NUL, another control character or
//! undecodable (U+FFFD) makes it binary. Real reports have next to none of
//! those; random or compressed bytes have about one in eight (the C0 range
//! alone), executables far more NULs.

use super::DecodeError;
use encoding_rs::Encoding;

/// See the module doc.
const CHARS_PER_ALLOWED_BAD_CHAR: usize = 20;

/// File signatures of binary formats a user might point the importer at, PDF
/// and Office files above all (reports are often published as those).
const SIGNATURES: &[(&[u8], &str)] = &[
    (
        b"%PDF-",
        "a PDF document: extract its text first (for example with pdftotext)",
    ),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "a Microsoft Office document (.doc/.xls): save it as text first",
    ),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a .docx/.xlsx/.odt document): unpack it or save it as text first",
    ),
    (b"\x89PNG\r\n\x1A\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1F\x8B", "a gzip-compressed file"),
    (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
    (b"Rar!\x1A\x07", "a RAR archive"),
    (b"\x7FELF", "an ELF executable"),
];

/// The format whose signature `bytes` start with, described for an error.
pub(super) fn known_format(bytes: &[u8]) -> Option<&'static str> {
    SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
        .map(|&(_, format)| format)
}

/// The rule applied to undecoded input without a byte-order mark. Every
/// encoding the decoder can pick is ASCII-compatible: a byte below 0x20 is a
/// control character in all of them (GBK, Big5 and Shift_JIS trail bytes start
/// at 0x40), and there are no more characters than bytes, so failing here
/// means failing [`check_decoded`] whatever the encoding turns out to be.
pub(super) fn check_raw_bytes(bytes: &[u8]) -> Result<(), DecodeError> {
    let tally = Tally::of(bytes);
    let counts = Counts {
        total: bytes.len(),
        nul: tally.nul,
        control: tally.other_c0_and_del,
        undecodable: 0,
    };
    counts.verdict(&format!("{} bytes", bytes.len()), bytes)
}

/// The rule applied to decoded text; `bytes` is the input, for the hint on
/// UTF-16 without a byte-order mark.
pub(super) fn check_decoded(
    text: &str,
    encoding: &'static Encoding,
    bytes: &[u8],
) -> Result<(), DecodeError> {
    let tally = Tally::of(text.as_bytes());
    let replacement = char::REPLACEMENT_CHARACTER;
    let counts = Counts {
        total: tally.chars,
        nul: tally.nul,
        control: tally.other_c0_and_del + tally.c1,
        // Searching first is fast; counting is rarely needed.
        undecodable: match text.contains(replacement) {
            true => text.matches(replacement).count(),
            false => 0,
        },
    };
    let what = format!("{} characters (read as {})", tally.chars, encoding.name());
    counts.verdict(&what, bytes)
}

/// Counts over UTF-8 (or, for the raw check, ASCII-compatible) bytes.
#[derive(Default)]
struct Tally {
    /// Bytes that start a UTF-8 character.
    chars: usize,
    nul: usize,
    other_c0_and_del: usize,
    /// C2 80–C2 9F, that is U+0080–U+009F.
    c1: usize,
}

impl Tally {
    /// This runs over every input, 50 MB ones included, so it counts in
    /// blocks with byte-sized counters: loops the compiler vectorises, and a
    /// block is small enough that they cannot overflow.
    fn of(bytes: &[u8]) -> Self {
        const BLOCK: usize = 128;
        let mut tally = Tally::default();
        for (index, block) in bytes.chunks(BLOCK).enumerate() {
            let (mut chars, mut nul, mut other, mut c1) = (0u8, 0u8, 0u8, 0u8);
            for &b in block {
                chars += u8::from(b & 0xC0 != 0x80);
                nul += u8::from(b == 0);
                other += u8::from(is_other_c0_or_del(b));
            }
            // Pairs starting in this block; the last one may end in the next.
            let followers = bytes.get(index * BLOCK + 1..).unwrap_or_default();
            for (&lead, &next) in block.iter().zip(followers) {
                c1 += u8::from(lead == 0xC2 && next <= 0x9F);
            }
            tally.chars += usize::from(chars);
            tally.nul += usize::from(nul);
            tally.other_c0_and_del += usize::from(other);
            tally.c1 += usize::from(c1);
        }
        tally
    }
}

/// The C0 controls other than NUL, the whitespace ones and ESC (escape
/// sequences are legitimate in captured terminal output), and DEL.
fn is_other_c0_or_del(b: u8) -> bool {
    // Bit n set: byte n counts. A mask rather than a match, so that the
    // counting loop vectorises.
    const OTHER_C0: u32 =
        !(1 | 1 << b'\t' | 1 << b'\n' | 1 << 0x0B | 1 << 0x0C | 1 << b'\r' | 1 << 0x1B);
    (b < 0x20 && OTHER_C0 >> (b & 0x1F) & 1 == 1) || b == 0x7F
}

struct Counts {
    total: usize,
    nul: usize,
    /// Other C0 controls (see [`is_other_c0_or_del`]), DEL, C1 controls.
    control: usize,
    /// U+FFFD, the decoders' mark for bytes they could not decode.
    undecodable: usize,
}

impl Counts {
    /// `what` describes `total`, e.g. "812 characters (read as GBK)".
    fn verdict(&self, what: &str, bytes: &[u8]) -> Result<(), DecodeError> {
        let bad = self.nul + self.control + self.undecodable;
        if bad * CHARS_PER_ALLOWED_BAD_CHAR <= self.total {
            return Ok(());
        }
        let share = 100.0 * bad as f64 / self.total as f64;
        let mut reason = format!(
            "{share:.1}% of its {what} are NUL bytes ({}), other control characters ({}) \
             or undecodable bytes ({}); a report has almost none",
            self.nul, self.control, self.undecodable,
        );
        if looks_like_utf16_without_bom(bytes) {
            reason.push_str(
                "; the NUL bytes sit at only even or only odd offsets, so this may be \
                 UTF-16 without a byte-order mark: save it as UTF-8",
            );
        }
        Err(DecodeError::NotText { reason })
    }
}

/// UTF-16 without a byte-order mark shows as NUL bytes (the high bytes of
/// ASCII characters) at only even or only odd offsets.
fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    let nul_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    let lopsided = |many: usize, few: usize| many >= 4 && few * 20 < many;
    lopsided(even, odd) || lopsided(odd, even)
}

#[cfg(test)]
mod tests {
    use super::{Tally, is_other_c0_or_del};

    fn naive(text: &str) -> (usize, usize, usize, usize) {
        let chars = text.chars();
        (
            text.chars().count(),
            chars.clone().filter(|&c| c == '\0').count(),
            chars
                .clone()
                .filter(|&c| c.is_ascii() && is_other_c0_or_del(c as u8))
                .count(),
            chars.filter(|c| ('\u{80}'..='\u{9F}').contains(c)).count(),
        )
    }

    #[test]
    fn tally_matches_a_char_by_char_count_across_block_boundaries() {
        let piece = "南麂镇\0\u{85}a\x01\x7F\t\u{A0}\u{9F}\u{FFFD}\x1b\n";
        for prefix in 0..200 {
            let text = "x".repeat(prefix) + &piece.repeat(40);
            let tally = Tally::of(text.as_bytes());
            let counts = (tally.chars, tally.nul, tally.other_c0_and_del, tally.c1);
            assert_eq!(counts, naive(&text), "prefix {prefix}");
        }
    }

    #[test]
    fn whitespace_and_escape_are_not_counted_as_controls() {
        let counted: Vec<u8> = (0..=0x7F).filter(|&b| is_other_c0_or_del(b)).collect();
        let expected: Vec<u8> = (1..0x20)
            .filter(|b| ![0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B].contains(b))
            .chain([0x7F])
            .collect();
        assert_eq!(counted, expected);
    }
}
