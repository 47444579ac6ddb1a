//! Inputs the fuzz targets (`fuzz/`) found breaking a promise, each kept as
//! a test: the input as bytes, what the library must do with it, and the
//! target's whole invariant check (`tests/invariants/`) on it.

mod invariants;

use baogao::import::import_bytes;
use invariants::check_import;

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
