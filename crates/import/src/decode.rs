//! Bytes → text: the first step of the importer.
//!
//! A scraped report arrives as bytes in whatever encoding the site or the
//! scraper used: UTF-8 mostly, GB18030/GBK often, Big5 for traditional text,
//! UTF-16 from some Windows tools. [`decode`] finds the encoding, refuses
//! files that are not text at all (`binary`: PDFs, Office files, images,
//! archives, executables, random bytes), and normalises the characters
//! (`normalise`: line ends, spaces, control characters, escape sequences) so
//! that the later steps (cruft removal, PDF repair, outline) see plain text.
//!
//! Encoding, in this order:
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) is believed;
//! 2. input that is valid UTF-8 is UTF-8;
//! 3. input that is UTF-8 apart from a few broken sequences (a file cut in the
//!    middle of a character, one corrupted byte) is UTF-8 too, the broken
//!    bytes becoming U+FFFD: guessing a legacy encoding for it would turn the
//!    whole report into mojibake;
//! 4. otherwise chardetng guesses, and encoding_rs decodes (its GBK decoder
//!    is the full GB18030 decoder). When the non-ASCII part is too short for
//!    chardetng to be sure (a title alone) and the guess is not Chinese,
//!    GB18030 wins if it decodes the bytes cleanly: the importer reads Chinese
//!    reports, and short GB2312 text is structurally also valid EUC-KR, EUC-JP
//!    or a single-byte encoding.

mod binary;
mod normalise;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, GBK, UTF_8};
use std::borrow::Cow;
use thiserror::Error;

/// Why bytes could not be read as report text.
#[derive(Debug, Error)]
pub enum DecodeError {
    /// The file starts with the signature of a known binary format.
    #[error("not a text file: it looks like {format}")]
    BinaryFormat { format: &'static str },
    /// Decoded, the bytes are largely control characters or undecodable.
    #[error("not a text file: {reason}")]
    NotText { reason: String },
}

/// Decodes the raw bytes of a report into normalised text.
///
/// Empty input is `Ok("")` (the importer reports that there is no text);
/// binary input is a [`DecodeError`].
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if bytes.is_empty() {
        return Ok(String::new());
    }
    if let Some(format) = binary::known_format(bytes) {
        return Err(DecodeError::BinaryFormat { format });
    }
    if Encoding::for_bom(bytes).is_none() {
        // Cheap, and spares guessing the encoding of 50 MB of random bytes.
        binary::check_raw_bytes(bytes)?;
    }
    let (text, encoding) = to_unicode(bytes);
    binary::check_decoded(&text, encoding, bytes)?;
    Ok(normalise::normalise(&text))
}

/// The character clean-up of [`decode`] for text that is already decoded.
pub(crate) fn normalise_text(text: &str) -> String {
    normalise::normalise(text)
}

/// The text and the encoding it was decoded from.
fn to_unicode(bytes: &[u8]) -> (Cow<'_, str>, &'static Encoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, encoding);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), UTF_8);
    }
    if is_mostly_utf8(bytes) {
        return (String::from_utf8_lossy(bytes), UTF_8);
    }
    let encoding = guess_legacy_encoding(bytes);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text, encoding)
}

/// At most one broken UTF-8 sequence per this many well-formed multi-byte
/// characters still counts as UTF-8. Legacy CJK text that happens to contain
/// well-formed UTF-8 sequences breaks far more often than this (about every
/// other character), so the two cannot be confused.
const UTF8_CHARS_PER_ALLOWED_ERROR: usize = 100;

fn is_mostly_utf8(bytes: &[u8]) -> bool {
    let mut broken = 0usize;
    let mut multibyte_chars = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte_chars += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            broken += 1;
        }
    }
    broken * UTF8_CHARS_PER_ALLOWED_ERROR <= multibyte_chars
}

/// Below this many non-ASCII bytes chardetng's guess for Chinese text is
/// unreliable (measured on windows of the seed reports: about 15% wrong at 3
/// characters, 1% at 8).
const SHORT_NON_ASCII_BYTES: usize = 100;

/// chardetng reads until it has seen this many non-ASCII bytes (some 30 000
/// Chinese characters); the rest of a long file cannot change its mind, and
/// reading it costs seconds on a 50 MB file.
const DETECTION_NON_ASCII_BYTES: usize = 1 << 16;
const DETECTION_CHUNK: usize = 1 << 16;

fn guess_legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let mut non_ascii = 0;
    let mut chunks = bytes.chunks(DETECTION_CHUNK).peekable();
    while let Some(chunk) = chunks.next() {
        detector.feed(chunk, chunks.peek().is_none());
        non_ascii += chunk.iter().filter(|b| !b.is_ascii()).count();
        if non_ascii >= DETECTION_NON_ASCII_BYTES {
            break;
        }
    }
    let guess = detector.guess(None, Utf8Detection::Allow);
    if guess == GBK || guess == BIG5 {
        return guess;
    }
    if non_ascii < SHORT_NON_ASCII_BYTES
        && GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
    {
        return GB18030;
    }
    guess
}
