//! Robustness of the importer: encodings, line ends, one-line pages,
//! degenerate files (empty, binary, no Chinese), size, and arbitrary input.
//! Part of `variants`; shares its helpers.

use super::*;
use baogao_import::{DecodeError, ImportError, import_bytes, import_text};

// ---------------------------------------------------------------- encodings, line ends

#[test]
fn gb18030_file_imports_as_its_utf8_version() {
    let text = lines(GOVERNMENT_REPORT);
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&gb).is_err(),
        "the test needs non-UTF-8 bytes"
    );
    let from_gb = import_bytes(&gb, "variant.txt").unwrap_or_else(|e| panic!("{e}"));
    let from_utf8 = import_bytes(text.as_bytes(), "variant.txt").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_gb, from_utf8);
    assert_eq!(from_gb, import(&text));
}

#[test]
fn crlf_and_lone_cr_line_ends() {
    let expected = import(&lines(FULL_WIDTH));
    for (name, eol) in [("CRLF", "\r\n"), ("CR", "\r")] {
        let other = FULL_WIDTH.join(eol);
        let from_bytes =
            import_bytes(other.as_bytes(), "variant.txt").unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(from_bytes, expected, "{name} via import_bytes");
        let from_text = import_text(&other, "variant.txt").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_text, expected, "{name} via import_text");
    }
}

#[test]
fn control_characters_and_tabs_are_cleaned_in_text_as_in_bytes() {
    let expected = import(&lines(FULL_WIDTH));
    let dirty = format!(
        "\u{feff}{}\n\t{}\u{0}\n{}",
        FULL_WIDTH[0],
        FULL_WIDTH[1],
        FULL_WIDTH[2..].join("\x1b[0m\n")
    );
    assert_eq!(import(&dirty), expected);
    let from_bytes =
        import_bytes(dirty.as_bytes(), "variant.txt").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_bytes, expected);
}

/// A report as a scraper flattens it: every line joined by one space.
const ONE_LINE: &[&str] = &[
    "西岭镇2022年工作总结和2023年工作计划",
    "2022年，在县委、县政府的坚强领导下，西岭镇党委、政府团结带领全镇干部群众，坚持稳中求进工作总基调，统筹推进疫情防控和经济社会发展，较好完成了全年目标任务。",
    "一、2022年工作总结",
    "（一）经济运行稳中向好。",
    "全年实现规上工业产值18.6亿元，同比增长12.3%；完成固定资产投资5.2亿元，同比增长9.8%；实现社会消费品零售总额3.4亿元。",
    "（二）乡村振兴扎实推进。",
    "新建高标准农田1.2万亩，发展特色种植3000亩，培育家庭农场15家，村集体经济收入全部超过20万元。",
    "二、2023年工作计划",
    "（一）全力抓好项目建设。",
    "紧盯重点项目，强化要素保障，确保全年新开工项目12个以上，完成固定资产投资6亿元。",
    "（二）持续改善民生福祉。",
    "扎实办好民生实事，推进教育、医疗、养老等公共服务均衡发展，让群众有更多获得感。",
];

fn one_line_expected_tree() -> Vec<&'static str> {
    vec![
        "1 一、2022年工作总结",
        "2 （一）经济运行稳中向好。",
        "2 （二）乡村振兴扎实推进。",
        "1 二、2023年工作计划",
        "2 （一）全力抓好项目建设。",
        "2 （二）持续改善民生福祉。",
    ]
}

#[test]
fn whole_report_on_one_line() {
    let r = import(&ONE_LINE.join(" "));
    assert_eq!(r.title, ONE_LINE[0]);
    assert_eq!(r.township.as_deref(), Some("西岭镇"));
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.preamble, vec![ONE_LINE[1]]);
    assert_eq!(tree(&r), one_line_expected_tree());
    assert_eq!(at(&r, &[0, 0]).paragraphs, vec![ONE_LINE[4]]);
    assert_eq!(at(&r, &[1, 1]).paragraphs, vec![ONE_LINE[11]]);
}

/// A short report on one line: its inline headings give it away.
#[test]
fn short_report_on_one_line() {
    let line = "东坪乡2021年工作总结 一、主要工作 全年完成财政收入3600万元。 （一）抓产业。新建茶园800亩。 二、下步打算 持续抓好项目建设。";
    let r = import(line);
    assert_eq!(r.title, "东坪乡2021年工作总结");
    assert_eq!(r.year, Some(2021));
    assert_eq!(
        tree(&r),
        vec!["1 一、主要工作", "2 （一）抓产业。", "1 二、下步打算"]
    );
    assert_eq!(at(&r, &[0]).paragraphs, vec!["全年完成财政收入3600万元。"]);
    assert_eq!(at(&r, &[0, 0]).paragraphs, vec!["新建茶园800亩。"]);
}

// ---------------------------------------------------------------- errors

#[test]
fn empty_and_blank_files_are_empty() {
    for text in ["", " ", "\n\n", " \t\r\n\u{3000}\r\n "] {
        assert!(
            matches!(import_text(text, "x.txt"), Err(ImportError::Empty)),
            "{text:?} as text"
        );
        assert!(
            matches!(
                import_bytes(text.as_bytes(), "x.txt"),
                Err(ImportError::Empty)
            ),
            "{text:?} as bytes"
        );
    }
}

#[test]
fn binary_file_is_a_decode_error() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend((0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    let err = import_bytes(&png, "x.png").expect_err("a PNG is not a report");
    assert!(
        matches!(err, ImportError::Decode(DecodeError::BinaryFormat { .. })),
        "{err:?}"
    );
    assert!(err.to_string().contains("not a text file"), "{err}");
}

#[test]
fn text_without_chinese_is_refused() {
    for text in [
        "Annual work report 2021\n1. Economy grew by 14.9%.",
        "12345\n(1) ...",
    ] {
        assert!(
            matches!(import_text(text, "x.txt"), Err(ImportError::NoChinese)),
            "{text:?}"
        );
        assert!(matches!(
            import_bytes(text.as_bytes(), "x.txt"),
            Err(ImportError::NoChinese)
        ));
    }
}

// ---------------------------------------------------------------- size

/// About 35 s in a debug build, so run on demand:
/// `cargo test --release --test import_variants -- --ignored` (about 2 s).
#[test]
#[ignore = "slow in debug builds; run with --release -- --ignored"]
fn fifty_megabytes_on_one_line() {
    let unit = ONE_LINE[1..].join(" ");
    let mut text = String::with_capacity(50 << 20);
    text.push_str(ONE_LINE[0]);
    while text.len() < 50 << 20 {
        text.push(' ');
        text.push_str(&unit);
    }
    let r = import(&text);
    assert_eq!(r.title, ONE_LINE[0]);
    assert_eq!(r.township.as_deref(), Some("西岭镇"));
    let repeats = (text.len() - ONE_LINE[0].len()) / (unit.len() + 1);
    assert_eq!(r.sections.len(), 2 * repeats);
    assert_eq!(tree(&r)[..6], one_line_expected_tree()[..]);
}

// ---------------------------------------------------------------- arbitrary input

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "南麂镇",
    "2020年工作总结",
    "政府工作报告",
    "各位代表",
    "经济发展",
    "完成投资3.2亿元",
    "同比增长14.9%",
    "城东街道",
    "巴彦苏木",
    "某乡",
    "xx镇",
    "總結",
    "鄉",
    "——在",
    "会议上",
    "(2022年3月31日)",
    "镇长 张三",
    "索引号",
    "发布机构:",
    "打赏",
    "IsG乡村百科",
    "您现在的位置:首页>",
    "一、",
    "二、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "(1)",
    "（2）",
    "一是",
    "二是",
    "第一部分",
    "第二章",
    "①",
    "，",
    ",",
    "。",
    "：",
    ":",
    "；",
    "（",
    "）",
    "(",
    ")",
    "、",
    "“",
    "”",
    "…",
    "—",
    " ",
    "  ",
    "\u{3000}",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "\x1b[31m",
    "\u{7f}",
    "\u{200b}",
    "\u{feff}",
    "a",
    "Z",
    "0",
    "9",
    "%",
    ".",
    "-",
    "·",
    "\u{fffd}",
    "𠀀",
];

#[test]
fn arbitrary_text_never_panics_and_reports_are_well_formed() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..500 {
        let len = 1 + (rng.next() % 120) as usize;
        let text: String = (0..len).map(|_| rng.pick(PIECES)).collect();
        let result = std::panic::catch_unwind(|| import_text(&text, "random.txt"));
        let outcome = result.unwrap_or_else(|_| panic!("case {case} panicked on {text:?}"));
        let Ok(report) = outcome else { continue };
        assert!(
            !report.title.trim().is_empty(),
            "case {case}: empty title for {text:?}"
        );
        let id_ok = report
            .id
            .starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && report
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(id_ok, "case {case}: bad id {:?} for {text:?}", report.id);
        let mut stack: Vec<&Section> = report.sections.iter().collect();
        while let Some(s) = stack.pop() {
            assert!(
                !s.heading.trim().is_empty(),
                "case {case}: empty heading for {text:?}"
            );
            stack.extend(&s.sections);
        }
    }
}
