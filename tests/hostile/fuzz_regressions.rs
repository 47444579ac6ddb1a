//! Inputs the fuzz targets (`fuzz/`) found breaking a promise, each kept as
//! a test: the input as bytes, what the library must do with it, and the
//! target's whole invariant check (`baogao_testkit::invariants`) on it.

use baogao_import::import_bytes;
use baogao_testkit::invariants::check_import;

/// UTF-16LE with a BOM: U+2060 WORD JOINER, then 用. The importer kept the
/// invisible joiner in the title; the loader's sanitiser drops it, so the
/// report read back from its file differed from the one imported.
#[test]
fn import_drops_the_invisible_characters_the_loader_drops() {
    let bytes = b"\xff\xfe\x60\x20\x28\x75";
    let report = import_bytes(bytes, "x.txt").unwrap();
    assert_eq!(report.title, "\u{7528}");
    check_import(bytes);

    // The same in UTF-8, with a ZWNJ, and a ZWJ that joins no emoji.
    let text = "\u{200C}\u{5357}\u{200D}\u{9E82}\u{9547}\u{2060}\n";
    let report = import_bytes(text.as_bytes(), "x.txt").unwrap();
    assert_eq!(report.title, "\u{5357}\u{9E82}\u{9547}");
    check_import(text.as_bytes());
}

/// Found by the property tests (`props`): a township whose name
/// reads with ü (緑 lü, 吕 lü, 女 nü) got a non-ASCII id, "lü-…", which
/// `validate` rejects and which is no safe file name everywhere.
#[test]
fn a_township_read_with_u_umlaut_gets_an_ascii_id() {
    // 緑鎮一、一一、一、（一）
    let text = "\u{7DD1}\u{93AE}\u{4E00}\u{3001}\u{4E00}\u{4E00}\u{3001}\u{4E00}\u{3001}\
                \u{FF08}\u{4E00}\u{FF09}";
    let report = import_bytes(text.as_bytes(), "x.txt").unwrap();
    assert!(report.id.starts_with("lv-undated-other-"), "{}", report.id);
    check_import(text.as_bytes());

    // 吕家镇2020年工作总结 / 一、总体情况 / 全年完成目标。
    let text = "\u{5415}\u{5BB6}\u{9547}2020\u{5E74}\u{5DE5}\u{4F5C}\u{603B}\u{7ED3}\n\
                \u{4E00}\u{3001}\u{603B}\u{4F53}\u{60C5}\u{51B5}\n\
                \u{5168}\u{5E74}\u{5B8C}\u{6210}\u{76EE}\u{6807}\u{3002}\n";
    let report = import_bytes(text.as_bytes(), "x.txt").unwrap();
    assert_eq!(report.id, "lvjia-2020-work-summary");
    check_import(text.as_bytes());
}
