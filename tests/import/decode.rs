//! `baogao_import::decode`: raw bytes of a scraped report → normalised text.

use baogao_import::{DecodeError, decode};
use baogao_testkit::fixtures::repo_path;
use encoding_rs::{BIG5, Encoding, GB18030};

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo_path(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn seed_000() -> String {
    String::from_utf8(read("data/raw/000_175a739be12c0440.txt")).expect("seed is UTF-8")
}

fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(
        !unmappable,
        "{text:?} is not representable in {}",
        encoding.name()
    );
    bytes.into_owned()
}

fn decoded(bytes: &[u8]) -> String {
    decode(bytes).unwrap_or_else(|e| panic!("{e}"))
}

/// A deterministic xorshift generator: the tests need varied bytes, not
/// good randomness.
struct Bytes(u64);

impl Bytes {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn fill(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

// --- encodings -------------------------------------------------------------

#[test]
fn utf8_without_bom_is_read_as_is() {
    let text = "南麂镇2020年工作总结\n一、2020年工作总结\n（一）千方百计促发展。\n";
    assert_eq!(decoded(text.as_bytes()), text);
}

#[test]
fn utf8_bom_is_removed() {
    let bytes = [b"\xEF\xBB\xBF".as_slice(), "芦浦镇工作总结\n".as_bytes()].concat();
    assert_eq!(decoded(&bytes), "芦浦镇工作总结\n");
}

#[test]
fn gb18030_report_decodes_to_the_same_text_as_its_utf8_original() {
    let seed = seed_000();
    let head: String = seed.lines().take(20).map(|l| format!("{l}\n")).collect();
    assert!(
        head.chars().count() > 500,
        "the test wants a few hundred characters"
    );
    // "•" (U+2022) is a four-byte GB18030 sequence, beyond GBK.
    assert!(head.contains('•'));
    assert_eq!(encode(GB18030, "•").len(), 4);
    for text in [head.as_str(), seed.as_str()] {
        let from_gb = decoded(&encode(GB18030, text));
        assert_eq!(from_gb, decoded(text.as_bytes()));
        assert!(from_gb.contains("南麂镇2020年工作总结及2021年工作思路"));
        assert!(from_gb.contains("“海上明珠•品质南麂”"));
        assert!(!from_gb.contains('\u{FFFD}'));
    }
}

#[test]
fn gb18030_crlf_and_utf16le_fixtures_decode_to_the_expected_text() {
    let expected = String::from_utf8(read("tests/data/decode/nanji-expected.txt")).expect("UTF-8");
    assert_eq!(
        decoded(&read("tests/data/decode/nanji-gb18030-crlf.txt")),
        expected
    );
    assert_eq!(
        decoded(&read("tests/data/decode/nanji-utf16le-bom.txt")),
        expected
    );
}

#[test]
fn short_gbk_title_decodes() {
    for title in [
        "南麂镇2020年工作总结",
        "岱西镇政府工作报告",
        "工作总结",
        "镇",
    ] {
        assert_eq!(decoded(&encode(GB18030, title)), title);
    }
}

/// chardetng alone misreads a few characters of GBK as EUC-KR, EUC-JP or a
/// single-byte encoding; the short-input rule makes every such title decode,
/// except those whose bytes happen to be valid UTF-8 (UTF-8 comes first).
#[test]
fn every_short_run_of_gbk_characters_decodes() {
    let seed = seed_000();
    let chars: Vec<char> = seed
        .chars()
        .filter(|c| ('\u{4E00}'..='\u{9FA5}').contains(c))
        .collect();
    let mut checked = 0;
    for len in 1..=6 {
        for window in chars.chunks(len).take(300) {
            let text: String = window.iter().collect();
            let bytes = encode(GB18030, &text);
            if std::str::from_utf8(&bytes).is_ok() {
                continue;
            }
            assert_eq!(decoded(&bytes), text, "{} bytes {bytes:02X?}", bytes.len());
            checked += 1;
        }
    }
    assert!(checked > 1000);
}

#[test]
fn big5_traditional_text_decodes() {
    let title = "南麂鎮2020年工作總結及2021年工作計劃";
    let body = "各位代表：現在，我代表鎮人民政府向大會報告工作，請予審議。\n\
                一、2020年工作回顧\n（一）經濟發展穩中有進，鄉村振興全面推進。\n";
    assert_eq!(decoded(&encode(BIG5, title)), title);
    let report = format!("{title}\n{body}");
    assert_eq!(decoded(&encode(BIG5, &report)), report);
}

#[test]
fn utf16_with_bom_decodes() {
    let text = "南塘镇2022年上半年工作总结\n一、2022年上半年工作总结\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(decoded(&[b"\xFF\xFE".as_slice(), &le].concat()), text);
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(decoded(&[b"\xFE\xFF".as_slice(), &be].concat()), text);
}

#[test]
fn utf8_cut_inside_a_character_stays_utf8() {
    let seed = seed_000();
    // Cut one byte into the last full stop, as a truncated download would.
    let cut = seed.rfind('。').expect("a full stop") + 1;
    let text = decoded(&seed.as_bytes()[..cut]);
    assert!(text.ends_with('\u{FFFD}'), "{:?}", &text[text.len() - 20..]);
    assert_eq!(text.matches('\u{FFFD}').count(), 1);
    assert!(text.contains("南麂镇2020年工作总结及2021年工作思路"));
}

#[test]
fn utf8_with_one_corrupt_byte_stays_utf8() {
    let mut bytes = seed_000().into_bytes();
    let middle = bytes.len() / 2;
    let at = (middle..)
        .find(|&i| bytes[i] >= 0xC0)
        .expect("a multi-byte character");
    bytes[at] = 0xFF;
    let text = decoded(&bytes);
    // 0xFF and each orphaned continuation byte: one U+FFFD apiece.
    let lost = seed_000()[at..].chars().next().map_or(0, char::len_utf8);
    assert_eq!(text.matches('\u{FFFD}').count(), lost);
    assert!(text.contains("南麂镇2020年工作总结及2021年工作思路"));
}

// --- normalisation ---------------------------------------------------------

#[test]
fn line_ends_become_lf() {
    assert_eq!(decoded(b"a\r\nb\rc\nd\r\r\ne\r"), "a\nb\nc\nd\n\ne\n");
    let crlf = encode(GB18030, "一、工作总结\r\n（一）发展\r\n");
    assert_eq!(decoded(&crlf), "一、工作总结\n（一）发展\n");
}

#[test]
fn tabs_and_unusual_spaces_become_one_ascii_space() {
    let text = "a\tb\u{A0}c\u{2002}d\u{2003}e\u{2009}f\u{200A}g\u{202F}h\u{205F}i";
    assert_eq!(decoded(text.as_bytes()), "a b c d e f g h i");
    assert_eq!(decoded(b"\t\tx"), "  x");
}

#[test]
fn full_width_space_is_kept() {
    let text = "\u{3000}\u{3000}今年以来，我镇在县委、县政府的正确领导下\n";
    assert_eq!(decoded(text.as_bytes()), text);
}

#[test]
fn invisible_characters_are_removed() {
    let text = "\u{FEFF}南\u{200B}麂\u{FEFF}镇";
    assert_eq!(decoded(text.as_bytes()), "南麂镇");
}

#[test]
fn bidi_controls_are_removed() {
    let text = "a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{202E}f\u{2066}g\u{2067}h\u{2068}i\u{2069}j\u{200E}k\u{200F}l";
    assert_eq!(decoded(text.as_bytes()), "abcdefghijkl");
}

#[test]
fn emoji_combining_marks_and_joiners_are_kept() {
    let text = "👨\u{200D}👩\u{200D}👧 e\u{301} 🇨🇳 ①②③ ～";
    assert_eq!(decoded(text.as_bytes()), text);
}

#[test]
fn escape_sequences_are_removed_whole() {
    let text = "\x1b[1;31m一、2020年工作总结\x1b[0m\n\x1b]0;窗口标题\x07正文\x1b(B。\n";
    assert_eq!(decoded(text.as_bytes()), "一、2020年工作总结\n正文。\n");
}

#[test]
fn c0_c1_and_del_are_removed_from_text() {
    let dirty = "南麂镇\x002020年\x01工作\x08总结\x7F及\u{80}2021年\u{85}工作\u{9F}思路\x0C\n";
    // Seven controls in a short line would be binary by the share rule; in a
    // report they are a few stray characters.
    let body: String = seed_000()
        .lines()
        .take(20)
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(
        decoded(format!("{dirty}{body}").as_bytes()),
        format!(
            "南麂镇2020年工作总结及2021年工作思路\n{}",
            decoded(body.as_bytes())
        )
    );
}

#[test]
fn vertical_tab_and_unicode_line_separators_break_lines() {
    assert_eq!(decoded("a\x0Bb\u{2028}c\u{2029}d".as_bytes()), "a\nb\nc\nd");
}

#[test]
fn lines_are_neither_trimmed_nor_joined() {
    let text = "  南麂镇  \n\n\n  一、总结 \n";
    assert_eq!(decoded(text.as_bytes()), text);
}

// --- not text --------------------------------------------------------------

#[test]
fn empty_input_is_empty_text() {
    assert_eq!(decoded(b""), "");
}

#[test]
fn known_binary_formats_are_named() {
    let mut random = Bytes(7);
    for (signature, name) in [
        (b"\x89PNG\r\n\x1A\n".as_slice(), "PNG"),
        (b"PK\x03\x04", "ZIP"),
        (b"%PDF-1.7\n", "PDF"),
        (b"\x7FELF\x02\x01\x01", "ELF"),
        (b"\xFF\xD8\xFF\xE0", "JPEG"),
    ] {
        let bytes = [signature, &random.fill(4096)].concat();
        match decode(&bytes) {
            Err(e @ DecodeError::BinaryFormat { .. }) => {
                assert!(e.to_string().contains(name), "{e}");
                assert!(e.to_string().starts_with("not a text file"), "{e}");
            }
            other => panic!("{name}: expected BinaryFormat, got {other:?}"),
        }
    }
}

fn assert_not_text(bytes: &[u8], what: &str) -> String {
    match decode(bytes) {
        Err(e @ DecodeError::NotText { .. }) => e.to_string(),
        other => panic!("{what}: expected NotText, got {other:?}"),
    }
}

#[test]
fn binary_without_a_known_signature_is_not_text() {
    let mut random = Bytes(42);
    for len in [16, 100, 4096, 1 << 20] {
        assert_not_text(&random.fill(len), &format!("{len} random bytes"));
    }
    let message = assert_not_text(&vec![0u8; 4096], "zeros");
    assert!(message.contains("NUL bytes (4096)"), "{message}");
    let every_byte: Vec<u8> = (0..=255u8).cycle().take(256 * 40).collect();
    assert_not_text(&every_byte, "bytes 0..=255 repeated");
    // A PNG whose signature was cut off is still binary by the rule.
    let png_body = [b"IHDR\x00\x00\x01\x00".as_slice(), &random.fill(2000)].concat();
    assert_not_text(&png_body, "headless PNG");
}

#[test]
fn utf16_without_bom_is_refused_with_a_hint() {
    let text = "Annual report 2020\nWork summary of the township government\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let message = assert_not_text(&le, "UTF-16LE without BOM");
    assert!(
        message.contains("UTF-16 without a byte-order mark"),
        "{message}"
    );
}

#[test]
fn a_few_stray_controls_do_not_make_a_report_binary() {
    let seed = seed_000();
    let dirty: String = seed
        .lines()
        .map(|line| format!("{line}\x00\x07\r\n"))
        .collect();
    let clean: String = seed.lines().map(|line| format!("{line}\n")).collect();
    assert_eq!(decoded(dirty.as_bytes()), decoded(clean.as_bytes()));
}

#[test]
fn mostly_control_characters_is_not_text() {
    let text: String = "工作总结".repeat(10) + &"\x01".repeat(10);
    assert_not_text(text.as_bytes(), "20% controls");
}

// --- robustness ------------------------------------------------------------

/// Arbitrary bytes never panic, and whatever decodes holds no control
/// characters other than LF, no escape sequences and no bidi controls.
#[test]
fn arbitrary_bytes_never_panic_and_output_is_clean() {
    let mut random = Bytes(0x9E37_79B9_7F4A_7C15);
    let pieces: [&[u8]; 12] = [
        "南麂镇".as_bytes(),
        b"\x1b[",
        b"\x1b]",
        b"\x1b",
        b"\r\n",
        b"\r",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xC2\x85",
        b"\xE2\x80\xAE",
        b"\xD5\xF2",
        b"31m",
    ];
    for round in 0..3000u32 {
        let len = (random.next() % 200) as usize;
        let bytes: Vec<u8> = if round.is_multiple_of(2) {
            random.fill(len)
        } else {
            (0..len)
                .flat_map(|_| {
                    let r = random.next();
                    if r.is_multiple_of(3) {
                        vec![(r >> 8) as u8]
                    } else {
                        pieces[(r >> 8) as usize % pieces.len()].to_vec()
                    }
                })
                .collect()
        };
        if let Ok(text) = decode(&bytes) {
            let bad = text.chars().find(|&c| {
                (c.is_control() && c != '\n')
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
            });
            assert_eq!(bad, None, "input {bytes:02X?} gave {text:?}");
        }
    }
}

/// Detection stops after enough non-ASCII bytes; a long ASCII preamble before
/// the Chinese text must not make it stop early.
#[test]
fn long_gb18030_file_after_an_ascii_preamble_decodes() {
    let preamble = "Source: http://www.example.gov.cn/art/2022/2/16/art_1229.html\n".repeat(2000);
    let text = preamble + &seed_000().repeat(30);
    assert!(encode(GB18030, &text).len() > 300_000);
    assert_eq!(decoded(&encode(GB18030, &text)), decoded(text.as_bytes()));
}
