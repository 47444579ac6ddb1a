//! Property tests over the entry points the fuzz targets cover (`fuzz/`), in
//! bounded time: the importer on arbitrary bytes, on report-like text and on
//! mutated real reports; the loader on arbitrary bytes, on report-like JSON
//! and on mutated real report files; the wrapper and the sanitiser on any
//! text at any pane width. The invariants are the fuzz targets' own
//! (`baogao_testkit::invariants`). `tests/layout` holds the wrapper's layout rules
//! (避头尾) on bundled text; this file adds what it does not try: any Unicode,
//! panes up to 300 cells, and text straight from the sanitiser.

use baogao_layout::{AmbiguousWidth, Widths};
use baogao_report::sanitise::sanitise;
use baogao_testkit::invariants::{check_import, check_load, check_sanitise, check_wrap};
use proptest::prelude::*;
use proptest::sample::Index;
use std::path::Path;
use std::sync::LazyLock;

/// Raw reports as scraped: the bundled ones and the importer's test files
/// (UTF-8, GB18030, UTF-16, CRLF…).
static RAW: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| {
    files_in(&[
        "data/raw",
        "tests/data/samples",
        "tests/data/shapes",
        "tests/data/decode",
    ])
});

/// Report files as the importer writes them.
static REPORTS: LazyLock<Vec<Vec<u8>>> = LazyLock::new(|| files_in(&["data/reports"]));

fn files_in(dirs: &[&str]) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in dirs {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.sort();
        files.extend(paths.iter().map(|path| std::fs::read(path).unwrap()));
    }
    assert!(files.len() >= 5, "the seed files went missing: {dirs:?}");
    files
}

/// One edit of a file's bytes, at places given as fractions of its length
/// so that one strategy serves files of any size.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: Index, len: usize },
    Insert { at: Index, bytes: Vec<u8> },
    Copy { from: Index, len: usize, to: Index },
    Flip { at: Index, bits: u8 },
    Truncate { at: Index },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 1..400usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (any::<Index>(), awkward_bytes()).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<Index>(), 1..400usize, any::<Index>()).prop_map(|(from, len, to)| Mutation::Copy {
            from,
            len,
            to
        }),
        (any::<Index>(), 1..=255u8).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        any::<Index>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(original: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for mutation in mutations {
        let place = |at: &Index, len: usize| if len == 0 { 0 } else { at.index(len + 1) };
        let n = bytes.len();
        match mutation {
            Mutation::Delete { at, len } => {
                let start = place(at, n);
                bytes.drain(start..(start + len).min(n));
            }
            Mutation::Insert {
                at,
                bytes: inserted,
            } => {
                let at = place(at, n);
                bytes.splice(at..at, inserted.iter().copied());
            }
            Mutation::Copy { from, len, to } => {
                let start = place(from, n);
                let piece = bytes[start..(start + len).min(n)].to_vec();
                let to = place(to, n);
                bytes.splice(to..to, piece);
            }
            Mutation::Flip { at, bits } if n > 0 => bytes[at.index(n)] ^= bits,
            Mutation::Flip { .. } => {}
            Mutation::Truncate { at } => bytes.truncate(place(at, n)),
        }
    }
    bytes
}

/// Bytes a hostile or broken file holds: text of the kind reports are made
/// of, line ends of every kind, escape sequences, controls, stray bytes.
fn awkward_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        4 => report_piece().prop_map(String::into_bytes),
        1 => prop::sample::select(vec![
            b"\r\n".to_vec(), b"\r".to_vec(), b"\n\n".to_vec(), b"\x1b[31m".to_vec(),
            b"\x1b]0;t\x07".to_vec(), b"\xc2\x9b".to_vec(), b"\xe2\x80\xae".to_vec(),
            b"\xe2\x81\xa0".to_vec(), b"\xe2\x80\x8d".to_vec(), b"\xef\xbb\xbf".to_vec(),
            b"\x00".to_vec(), b"\xff".to_vec(), b"\xc3".to_vec(), b"\xb5\xda".to_vec(),
            b"\"".to_vec(), b"\\".to_vec(), b"{".to_vec(), b"]".to_vec(),
        ]),
        1 => prop::collection::vec(any::<u8>(), 1..8),
    ];
    prop::collection::vec(piece, 1..6).prop_map(|pieces| pieces.concat())
}

/// A piece of report text: outline markers, the words the importer looks
/// for, Chinese text, punctuation, digits, spaces.
fn report_piece() -> impl Strategy<Value = String> {
    let words = vec![
        "一、",
        "二、",
        "（一）",
        "(二)",
        "1.",
        "2、",
        "(1)",
        "第一部分",
        "一是",
        "二是",
        "工作总结",
        "政府工作报告",
        "上半年",
        "工作思路",
        "各位代表：",
        "南麂镇",
        "芦浦乡",
        "某某街道",
        "平阳县",
        "温州市",
        "浙江省",
        "人民政府",
        "2020年",
        "二〇二一年",
        "12月31日",
        "索引号：",
        "发布机构：",
        "发布日期：2022-02-16",
        "您现在的位置：首页",
        "来源：",
        "打印本页",
        "第3页",
        "xx镇",
        "……",
        "。",
        "，",
        "、",
        "；",
        "：",
        "“",
        "”",
        "《",
        "》",
        "\u{3000}\u{3000}",
        " ",
        "\n",
        "\n\n",
    ];
    prop_oneof![
        3 => prop::sample::select(words).prop_map(str::to_string),
        3 => "[\u{4E00}-\u{9FA5}]{1,12}",
        1 => "[a-zA-Z0-9 .:/-]{1,8}",
    ]
}

/// Text shaped like a raw report: lines of report pieces.
fn reportish_text() -> impl Strategy<Value = String> {
    prop::collection::vec(report_piece(), 0..80).prop_map(|pieces| pieces.concat())
}

/// A JSON value for one field of a report file: right or wrong type,
/// awkward strings, deep or empty nesting.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![Just(1i64), Just(0), Just(-1), Just(2020), any::<i64>()].prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        prop_oneof![
            Just("annual".to_string()),
            Just("half-year".to_string()),
            Just("work-summary".to_string()),
            Just("government-work-report".to_string()),
            Just("2022-02-16".to_string()),
            Just("nanji-2020-work-summary".to_string()),
            report_piece(),
            awkward_bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((section_key(), inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn section_key() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["heading", "paragraphs", "sections", "x"]).prop_map(str::to_string)
}

const REPORT_KEYS: [&str; 16] = [
    "schema",
    "id",
    "title",
    "township",
    "county",
    "city",
    "province",
    "year",
    "period",
    "kind",
    "published",
    "publisher",
    "source",
    "preamble",
    "sections",
    "extra",
];

/// A real report file with some of its fields removed or given other values.
fn mutated_report_json() -> impl Strategy<Value = Vec<u8>> {
    let edit = (
        prop::sample::select(REPORT_KEYS.to_vec()),
        prop::option::of(json_value()),
    );
    (
        any::<Index>(),
        prop::collection::vec(edit, 1..4),
        any::<bool>(),
    )
        .prop_map(|(file, edits, pretty)| {
            let file = &REPORTS[file.index(REPORTS.len())];
            let mut report: serde_json::Map<String, serde_json::Value> =
                serde_json::from_slice(file).unwrap();
            for (key, value) in edits {
                match value {
                    Some(value) => report.insert(key.to_string(), value),
                    None => report.remove(key),
                };
            }
            if pretty {
                serde_json::to_vec_pretty(&report).unwrap()
            } else {
                serde_json::to_vec(&report).unwrap()
            }
        })
}

fn any_widths() -> impl Strategy<Value = Widths> {
    prop_oneof![Just(AmbiguousWidth::Narrow), Just(AmbiguousWidth::Wide)]
        .prop_map(|ambiguous| Widths { ambiguous })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..baogao_testkit::property::config() })]

    #[test]
    fn import_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check_import(&bytes);
    }

    #[test]
    fn import_reportish_text(text in reportish_text()) {
        check_import(text.as_bytes());
    }

    #[test]
    fn import_mutated_real_reports(
        file in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        check_import(&apply(&RAW[file.index(RAW.len())], &mutations));
    }

    #[test]
    fn load_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_load(&bytes);
    }

    #[test]
    fn load_mutated_report_json(json in mutated_report_json()) {
        check_load(&json);
    }

    #[test]
    fn load_report_files_with_mutated_bytes(
        file in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        check_load(&apply(&REPORTS[file.index(REPORTS.len())], &mutations));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..baogao_testkit::property::config() })]

    #[test]
    fn load_arbitrary_json(value in json_value()) {
        check_load(value.to_string().as_bytes());
    }

    #[test]
    fn wrap_and_sanitise_any_text_at_any_width(
        text in prop_oneof![any::<String>(), reportish_text(),
            awkward_bytes().prop_map(|b| String::from_utf8_lossy(&b).into_owned())],
        width in 0..=300usize,
        indent in 0..5usize,
        widths in any_widths(),
    ) {
        check_sanitise(&text);
        check_wrap(&text, width, indent, widths);
        check_wrap(&sanitise(&text), width, indent, widths);
    }
}
