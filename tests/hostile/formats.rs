//! Hostile files in the formats the importer reads besides text: a zip
//! bomb `.docx` (bounded by its declared and its actual size), a page of
//! 100 000 nested `<div>`s (no stack overflow), a PDF with a broken
//! cross-reference table, a `.pdf` that is really a web page (the content
//! is sniffed, not the extension), a PDF of page images, a Word 97 file.
//! Each gives a clear error naming the file, or a report, and never hangs.

use crate::support::run_baogao;
use baogao_import::import_bytes;
use baogao_testkit::fixtures::{repo_path, temp_dir};
use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// A `.docx` whose document.xml is `size` bytes of spaces; with `lie`, the
/// zip's headers declare 1 000 bytes instead.
fn zip_bomb(size: usize, lie: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        zip.write_all(&chunk).unwrap();
    }
    let mut bytes = zip.finish().unwrap().into_inner();
    if lie {
        let declared = 1000u32.to_le_bytes();
        // Local header: uncompressed size at 22; central directory at 24.
        for (signature, at) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
            let start = bytes.windows(4).position(|w| w == signature).unwrap();
            bytes[start + at..start + at + 4].copy_from_slice(&declared);
        }
    }
    bytes
}

fn import_file(dir: &Path, name: &str, bytes: &[u8]) -> (i32, String) {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = dir.join("out");
    let args = [
        OsStr::new("import"),
        OsStr::new("--out"),
        out.as_os_str(),
        path.as_os_str(),
    ];
    let (code, _, stderr) = run_baogao(dir, &args);
    (code, stderr)
}

#[test]
fn a_zip_bomb_docx_is_refused_by_its_declared_and_its_actual_size() {
    let tmp = temp_dir();
    for (lie, what) in [(false, "would expand"), (true, "declares")] {
        let bomb = zip_bomb(32 << 20, lie);
        assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
        let started = Instant::now();
        let error = import_bytes(&bomb, "bomb.docx").unwrap_err().to_string();
        assert!(
            error.contains("zip bomb") && error.contains(what),
            "{error}"
        );
        assert!(started.elapsed() < Duration::from_secs(10));
        let (code, stderr) = import_file(tmp.path(), "bomb.docx", &bomb);
        assert_eq!(code, 1);
        assert!(
            stderr.contains("bomb.docx") && stderr.contains("zip bomb"),
            "{stderr}"
        );
    }
}

#[test]
fn a_page_of_100_000_nested_divs_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut page =
        String::from("<!doctype html><html><head><title>某镇2021年工作总结</title></head><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("一、工作回顾。今年以来，我镇全面推进乡村振兴，各项工作取得明显成效。");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let started = Instant::now();
    // A thread of the default test stack size: a recursive walk would overflow.
    let result = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || import_bytes(page.as_bytes(), "deep.html").map(|r| r.title))
        .unwrap()
        .join()
        .expect("no stack overflow or panic");
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(result.unwrap(), "某镇2021年工作总结");
}

#[test]
fn a_pdf_that_is_a_web_page_is_read_as_the_page() {
    let bytes = std::fs::read(repo_path("tests/data/hostile/page-named.pdf")).unwrap();
    let report = import_bytes(&bytes, "page-named.pdf").unwrap();
    assert!(report.title.contains("晓坪乡"), "{}", report.title);
}

#[test]
fn a_broken_pdf_and_a_pdf_of_images_give_clear_errors_naming_the_file() {
    let tmp = temp_dir();
    // Poppler rebuilds a broken cross-reference table when it can: a report,
    // or an error naming the file, and no hang.
    let broken = std::fs::read(repo_path("tests/data/hostile/broken-xref.pdf")).unwrap();
    let started = Instant::now();
    let (code, stderr) = import_file(tmp.path(), "broken-xref.pdf", &broken);
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(code == 0 || stderr.contains("broken-xref.pdf"), "{stderr}");
    let truncated = &broken[..broken.len() / 3];
    let (code, stderr) = import_file(tmp.path(), "cut.pdf", truncated);
    assert!(code == 0 || stderr.contains("cut.pdf"), "{stderr}");

    let images = std::fs::read(repo_path("tests/data/hostile/no-text-layer.pdf")).unwrap();
    let (code, stderr) = import_file(tmp.path(), "scan.pdf", &images);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("scan.pdf") && stderr.contains("no text layer") && stderr.contains("OCR"),
        "{stderr}"
    );
}

#[test]
fn a_word_97_file_says_how_to_convert_it() {
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.resize(4096, 0);
    let error = import_bytes(&doc, "old.doc").unwrap_err().to_string();
    assert!(
        error.contains(".doc") && error.contains("soffice --headless --convert-to docx"),
        "{error}"
    );
}
