//! How full the reader's rows are at 50 columns (its narrow screen), on the
//! bundled reports and the imported samples: every row of a paragraph but
//! its last must end at most two cells short of the measure, and the mean
//! fill of those rows must reach 0.985. Rows are laid out as the reader
//! lays them out: the two-character indent, full-width punctuation, and the
//! gap of a short row spread inside it.

use baogao_bundled::load_bundled;
use baogao_import::import_bytes;
use baogao_layout::{PARAGRAPH_INDENT, Widths, full_width_punctuation, spread, wrap_cjk};
use baogao_testkit::fixtures::test_data;

const MEASURE: usize = 50;

/// Every paragraph of the bundled reports and of the samples, imported.
fn paragraphs() -> Vec<String> {
    let mut reports: Vec<_> = load_bundled()
        .reports
        .into_iter()
        .map(|loaded| loaded.report)
        .collect();
    let mut files: Vec<_> = std::fs::read_dir(test_data("samples"))
        .expect("the samples are there")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the samples went missing");
    for path in files {
        let bytes = std::fs::read(&path).expect("a sample reads");
        let source = path.display().to_string();
        reports.push(import_bytes(&bytes, &source).expect("a sample imports"));
    }
    reports
        .iter()
        .flat_map(|report| {
            report
                .preamble
                .iter()
                .chain(
                    report
                        .outline()
                        .flat_map(|(_, section)| &section.paragraphs),
                )
                .cloned()
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn rows_are_full_at_fifty_columns() {
    let widths = Widths::default();
    let (mut rows, mut filled, mut short) = (0usize, 0usize, Vec::new());
    let mut ragged = 0usize;
    for paragraph in paragraphs() {
        let text = full_width_punctuation(&paragraph);
        let lines = wrap_cjk(&text, MEASURE, PARAGRAPH_INDENT, widths);
        let Some((_, inner)) = lines.split_last() else {
            continue;
        };
        for line in inner {
            let gaps = spread(&text, line, MEASURE, widths);
            let width = line.indent + line.width + gaps.len();
            rows += 1;
            filled += width;
            ragged += line.indent + line.width;
            if width + 2 < MEASURE {
                short.push(format!("{width}: {:?}", line.text(&text)));
            }
        }
    }
    let fill = filled as f64 / (rows * MEASURE) as f64;
    let unspread = ragged as f64 / (rows * MEASURE) as f64;
    println!("mean fill at {MEASURE} columns: {fill:.4} over {rows} rows ({unspread:.4} unspread)");
    assert!(short.is_empty(), "rows ending short:\n{}", short.join("\n"));
    assert!(fill >= 0.985, "mean fill {fill:.4}");
}
