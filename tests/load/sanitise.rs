//! Report text made safe for a terminal: `baogao_report::sanitise` on its own, on a
//! whole report, through the loader, and through the command line.

use baogao_report::load::load_dir;
use baogao_report::model::{Kind, Period, Report, Section};
use baogao_report::sanitise::{sanitise, sanitise_report};
use proptest::prelude::*;
use std::borrow::Cow;
use std::fs;
use std::path::Path;
use std::process::Command;

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{200e}' | '\u{200f}')
        || matches!(c, '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}')
}

#[test]
fn control_sequences_7_bit_and_8_bit() {
    assert_eq!(sanitise("\x1b[1;31m红\x1b[0m"), "红");
    assert_eq!(sanitise("\u{9b}1;31m红\u{9b}0m"), "红");
    assert_eq!(sanitise("a\x1b[?25lb\x1b[2Jc\x1b[38;5;208md"), "abcd");
    // Intermediate bytes before the final byte.
    assert_eq!(sanitise("a\x1b[ qb\u{9b}2 qc"), "abc");
}

#[test]
fn operating_system_commands_end_at_bel_or_st() {
    assert_eq!(sanitise("a\x1b]0;窗口标题\x07b"), "ab");
    assert_eq!(sanitise("a\x1b]0;窗口标题\x1b\\b"), "ab");
    assert_eq!(sanitise("a\x1b]0;窗口标题\u{9c}b"), "ab");
    assert_eq!(sanitise("a\u{9d}0;窗口标题\x07b"), "ab");
    assert_eq!(sanitise("a\u{9d}0;窗口标题\u{9c}b"), "ab");
    assert_eq!(
        sanitise("见\x1b]8;;http://example.com\x1b\\链接\x1b]8;;\x1b\\。"),
        "见链接。"
    );
}

#[test]
fn device_control_and_other_strings_end_only_at_st() {
    for (seven, eight) in [
        ("P", '\u{90}'),
        ("X", '\u{98}'),
        ("^", '\u{9e}'),
        ("_", '\u{9f}'),
    ] {
        assert_eq!(sanitise(&format!("a\x1b{seven}q#0\x1b\\b")), "ab");
        assert_eq!(sanitise(&format!("a\x1b{seven}q#0\u{9c}b")), "ab");
        assert_eq!(sanitise(&format!("a{eight}q#0\x1b\\b")), "ab");
        assert_eq!(sanitise(&format!("a{eight}q#0\u{9c}b")), "ab");
        // BEL ends an OSC, not these: it is part of the string.
        assert_eq!(sanitise(&format!("a\x1b{seven}q\x07正文\x1b\\b")), "ab");
    }
}

#[test]
fn two_byte_and_intermediate_escapes() {
    assert_eq!(
        sanitise("a\x1b(Bb\x1b7c\x1b=d\x1bMe\x1b\\f\x1bcg"),
        "abcdefg"
    );
    assert_eq!(sanitise("a\x1b#8b\x1b%Gc"), "abc");
}

#[test]
fn unterminated_strings_are_removed_to_the_end() {
    assert_eq!(sanitise("正文\x1b]0;title\n后文"), "正文");
    assert_eq!(sanitise("正文\u{9d}0;title 后文"), "正文");
    assert_eq!(sanitise("正文\x1bP后文\x1b"), "正文");
    assert_eq!(sanitise("正文\u{90}q后文\x1b]"), "正文");
}

#[test]
fn broken_and_split_sequences_cost_no_text_after_them() {
    // A control sequence ends before the first byte that cannot belong to it.
    assert_eq!(sanitise("a\x1b[31正文"), "a正文");
    assert_eq!(sanitise("a\x1b[31\nm"), "a\u{240a}m");
    assert_eq!(sanitise("a\u{9b}31正文"), "a正文");
    // Unterminated at the end of the text.
    assert_eq!(sanitise("a\x1b[12"), "a");
    assert_eq!(sanitise("a\x1b["), "a");
    assert_eq!(sanitise("a\x1b"), "a");
    assert_eq!(sanitise("a\u{9b}"), "a");
    // A sequence split over two strings (say, a heading and its paragraph):
    // each half is safe alone, so nothing joins them on screen.
    let (first, second) = (sanitise("标题\x1b"), sanitise("[2J正文"));
    assert_eq!(format!("{first}{second}"), "标题[2J正文");
}

#[test]
fn controls_become_pictures_or_replacement_and_tab_a_space() {
    assert_eq!(
        sanitise("甲\x00乙\x07丙\r\n丁"),
        "甲\u{2400}乙\u{2407}丙\u{240d}\u{240a}丁"
    );
    assert_eq!(sanitise("甲\t乙"), "甲 乙");
    assert_eq!(sanitise("甲\x7f乙"), "甲\u{2421}乙");
    assert_eq!(
        sanitise("甲\u{85}乙\u{9c}丙\u{80}"),
        "甲\u{fffd}乙\u{fffd}丙\u{fffd}"
    );
}

#[test]
fn bidi_controls_are_dropped_and_their_neighbours_kept() {
    let every =
        "\u{202a}\u{202b}\u{202c}\u{202d}\u{202e}\u{2066}\u{2067}\u{2068}\u{2069}\u{200e}\u{200f}";
    assert_eq!(sanitise(&format!("南{every}麂")), "南麂");
    assert_eq!(sanitise("report\u{202e}txt.exe"), "reporttxt.exe");
    // The zero-width U+200B–U+200D sit beside them but are dropped too (below).
    let neighbours = "\u{2029}\u{2065}\u{200a}\u{2070}\u{2029}\u{2061}\u{2010}";
    assert!(matches!(sanitise(neighbours), Cow::Borrowed(_)));
}

#[test]
fn clean_text_is_borrowed() {
    for text in [
        "",
        "南麂镇2020年工作总结及2021年工作思路",
        "\u{3000}\u{3000}一、总体情况（一）“最美海岛”……923.17亿元,R&D",
        "emoji 😀, combining e\u{301}, pictures \u{241b}\u{2421}, replacement \u{fffd}",
        "\u{a0}\u{ff}\u{2000}\u{201c}\u{201d}\u{2026}",
    ] {
        let out = sanitise(text);
        assert!(matches!(out, Cow::Borrowed(_)), "{text:?}");
        assert_eq!(out, text);
    }
}

#[test]
fn cjk_around_sequences_is_untouched() {
    assert_eq!(
        sanitise("南麂镇\x1b[1m（一）千方百计促发展\x1b[0m，“最美海岛”。\u{9b}0m二〇二〇年"),
        "南麂镇（一）千方百计促发展，“最美海岛”。二〇二〇年"
    );
}

/// Text that leans on the characters sanitise cares about.
fn awkward_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\x1b".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("\\".to_string()),
        Just("\x07".to_string()),
        Just("\u{9b}".to_string()),
        Just("\u{9c}".to_string()),
        Just("\u{9d}".to_string()),
        Just("\u{90}".to_string()),
        Just("\u{202e}".to_string()),
        Just("31;1m".to_string()),
        "[\\x00-\\x7f]",
        "[\\u{80}-\\u{9f}]",
        "[\\u{2000}-\\u{207f}]",
        "[南麂镇总结，。（）]",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(baogao_testkit::property::config())]

    #[test]
    fn output_is_always_safe_and_sanitising_twice_changes_nothing(text in awkward_text()) {
        let once = sanitise(&text).into_owned();
        prop_assert!(!once.chars().any(is_unsafe), "{once:?}");
        let twice = sanitise(&once);
        prop_assert!(matches!(twice, Cow::Borrowed(_)));
        prop_assert_eq!(twice, once.as_str());
    }

    #[test]
    fn text_without_unsafe_characters_is_borrowed(text in any::<String>()) {
        let safe = !text.chars().any(is_unsafe);
        let out = sanitise(&text);
        prop_assert_eq!(matches!(out, Cow::Borrowed(_)), safe);
        if safe {
            prop_assert_eq!(out, text.as_str());
        }
    }

    #[test]
    fn whole_sequences_between_text_leave_just_the_text(
        pieces in proptest::collection::vec(("[南麂镇a-z0-9 ，。（）“”]{0,6}", 0..12usize), 0..12)
    ) {
        const SEQUENCES: [&str; 12] = [
            "\x1b[31m", "\x1b[0m", "\u{9b}1;4m", "\x1b]0;标题\x07", "\x1b]8;;u\x1b\\",
            "\u{9d}2;t\u{9c}", "\x1bPq\x1b\\", "\u{98}s\u{9c}", "\x1b_a\x1b\\", "\x1b(B",
            "\x1b7", "\u{202e}",
        ];
        let text: String = pieces.iter().map(|(t, s)| format!("{t}{}", SEQUENCES[*s])).collect();
        let expected: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
        prop_assert_eq!(sanitise(&text), expected.as_str());
    }
}

fn section(heading: &str, paragraphs: &[&str], sections: Vec<Section>) -> Section {
    Section {
        heading: heading.to_string(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        sections,
    }
}

#[test]
fn sanitise_report_reaches_every_field_and_every_depth_but_the_id() {
    let red = |text: &str| format!("\x1b[31m{text}\x1b[0m");
    // Deeper than any recursion limit a stack-free walk would need to care about.
    let mut deep = section(&red("最深"), &[&red("底")], vec![]);
    for level in 0..2000 {
        deep = section(&red(&format!("第{level}层")), &[], vec![deep]);
    }
    let mut report = Report {
        schema: 1,
        id: "a\x1b[1m".to_string(),
        title: red("标题"),
        township: Some(red("南麂镇")),
        county: Some(red("平阳县")),
        city: Some(red("温州市")),
        province: Some(red("浙江省")),
        code: None,
        year: Some(2020),
        period: Period::Annual,
        kind: Kind::WorkSummary,
        published: Some(red("2022-02-16")),
        publisher: Some(red("镇委")),
        source: Some(red("a.txt")),
        preamble: vec![red("前言"), "干净".to_string()],
        sections: vec![section(&red("一、"), &[&red("甲"), &red("乙")], vec![deep])],
    };
    sanitise_report(&mut report);
    assert_eq!(
        report.id, "a\x1b[1m",
        "ids are validated elsewhere, not rewritten"
    );
    assert_eq!(report.title, "标题");
    assert_eq!(
        [
            &report.township,
            &report.county,
            &report.city,
            &report.province
        ],
        [
            &Some("南麂镇".to_string()),
            &Some("平阳县".to_string()),
            &Some("温州市".to_string()),
            &Some("浙江省".to_string())
        ]
    );
    assert_eq!(report.published.as_deref(), Some("2022-02-16"));
    assert_eq!(report.publisher.as_deref(), Some("镇委"));
    assert_eq!(report.source.as_deref(), Some("a.txt"));
    assert_eq!(report.preamble, ["前言", "干净"]);
    assert_eq!(report.sections[0].paragraphs, ["甲", "乙"]);
    let mut depth = 0;
    let mut current = &report.sections[0];
    while let Some(child) = current.sections.first() {
        assert!(!child.heading.contains('\x1b'), "{:?}", child.heading);
        current = child;
        depth += 1;
    }
    assert_eq!(depth, 2001);
    assert_eq!(current.heading, "最深");
    assert_eq!(current.paragraphs, ["底"]);
}

/// A report file whose text is coloured with escape sequences, as JSON
/// writes them (`\u001b`).
const COLOURED: &str = r#"{
  "schema": 1,
  "id": "coloured",
  "title": "\u001b]0;pwned\u0007某镇2020年工作总结",
  "township": "某镇",
  "year": 2020,
  "period": "annual",
  "kind": "work-summary",
  "preamble": ["\u202e前言\u001b[2J"],
  "sections": [
    {
      "heading": "\u001b[31m红\u001b[0m",
      "paragraphs": ["\u001b[31m红\u001b[0m", "制表\t符"],
      "sections": []
    }
  ]
}
"#;

fn coloured_library(root: &Path) -> std::path::PathBuf {
    let dir = root.join("reports");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("coloured.json"), COLOURED).unwrap();
    dir
}

#[test]
fn load_dir_gives_sanitised_text() {
    let tmp = tempfile::tempdir().unwrap();
    let loaded = load_dir(&coloured_library(tmp.path())).unwrap();
    assert_eq!(loaded.errors, vec![]);
    let report = &loaded.reports[0].report;
    assert_eq!(report.title, "某镇2020年工作总结");
    assert_eq!(report.preamble, ["前言"]);
    assert_eq!(report.sections[0].heading, "红");
    assert_eq!(report.sections[0].paragraphs, ["红", "制表 符"]);
}

#[test]
fn the_command_line_prints_no_escape_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = coloured_library(tmp.path());
    let runs: [Vec<&std::ffi::OsStr>; 3] = [
        vec![
            "show".as_ref(),
            "--dir".as_ref(),
            dir.as_os_str(),
            "coloured".as_ref(),
        ],
        vec!["list".as_ref(), dir.as_os_str()],
        vec!["list".as_ref(), "--json".as_ref(), dir.as_os_str()],
    ];
    for args in runs {
        let output = Command::new(env!("CARGO_BIN_EXE_baogao"))
            .args(&args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(output.status.success(), "{args:?}: {stderr}");
        assert!(stdout.contains("某镇2020年工作总结"), "{args:?}: {stdout}");
        assert!(
            !stdout.contains('\x1b') && !stderr.contains('\x1b'),
            "{stdout:?}"
        );
        assert!(
            !stdout.contains('\u{202e}') && !stdout.contains('\x07'),
            "{stdout:?}"
        );
        if args[0] == "show" {
            assert!(stdout.contains("红\n"), "{stdout}");
            assert!(!stdout.contains("[31m"), "{stdout}");
        }
    }
}

#[test]
fn invisible_zero_width_characters_go_but_emoji_keep_their_joiner() {
    // Zero-width space, joiner, non-joiner, word joiner, byte order mark.
    assert_eq!(sanitise("零宽:\u{200b}\u{200d} 铃"), "零宽: 铃");
    assert_eq!(sanitise("南\u{200c}麂\u{2060}镇\u{feff}"), "南麂镇");
    // A family emoji and ❤️‍🔥 stay whole; borrowed, as nothing changes.
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
    assert!(
        matches!(sanitise(family), Cow::Owned(_)),
        "the joiners are looked at"
    );
    assert_eq!(sanitise(family), family);
    assert_eq!(
        sanitise("\u{2764}\u{FE0F}\u{200D}\u{1F525}"),
        "\u{2764}\u{FE0F}\u{200D}\u{1F525}"
    );
    // A joiner after an emoji but before text is dropped.
    assert_eq!(sanitise("\u{1F468}\u{200D}南"), "\u{1F468}南");
}
