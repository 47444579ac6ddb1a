//! Scores key-figure extraction on annotated raw reports (the spec's §10):
//! precision, recall and F1 per file and overall.
//!
//! ```text
//! cargo run --release --example figures_score -- [ANNOTATIONS] [RAW_DIR] [-v]
//! ```
//!
//! ANNOTATIONS is a JSON object `{file name: [{indicator, value, unit, …}]}`
//! (default `tests/data/figures/dev.json`); each file is read from RAW_DIR
//! (default `data/raw`), imported as `baogao import` would, and its figures
//! are extracted from the report's headings and paragraphs. A file that
//! does not import is read as plain text. `-v` lists the figures missed and
//! the ones extracted wrongly.

use baogao_figures::score::{Scorable, Tally, pair};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    args.retain(|a| a != "-v");
    let annotations = PathBuf::from(
        args.first()
            .map_or("tests/data/figures/dev.json", String::as_str),
    );
    let raw = PathBuf::from(args.get(1).map_or("data/raw", String::as_str));
    match run(&annotations, &raw, verbose) {
        Ok(total) => {
            println!(
                "overall: precision {:.3}  recall {:.3}  F1 {:.3}  ({} matched, {} extracted, {} true)",
                total.precision(),
                total.recall(),
                total.f1(),
                total.matched,
                total.extracted,
                total.truth
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(annotations: &Path, raw: &Path, verbose: bool) -> Result<Tally, String> {
    let text = std::fs::read_to_string(annotations)
        .map_err(|e| format!("{}: {e}", annotations.display()))?;
    let files: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", annotations.display()))?;
    let mut total = Tally::default();
    for (name, truth) in &files {
        if name.starts_with('_') {
            continue;
        }
        let truth = scorables(truth);
        let bytes = std::fs::read(raw.join(name)).map_err(|e| format!("{name}: {e}"))?;
        let extracted = extract_file(&bytes, name);
        let (tally, wrong, missed) = pair(&extracted, &truth);
        println!(
            "{name}: precision {:.3}  recall {:.3}  ({} matched, {} extracted, {} true)",
            tally.precision(),
            tally.recall(),
            tally.matched,
            tally.extracted,
            tally.truth
        );
        if verbose {
            for i in wrong {
                let f = &extracted[i];
                println!("  extra  {} · {} · {}", f.indicator, f.value, f.unit);
            }
            for k in missed {
                let f = &truth[k];
                println!("  missed {} · {} · {}", f.indicator, f.value, f.unit);
            }
        }
        total.add(tally);
    }
    Ok(total)
}

/// The figures of one raw file, through the importer when it can.
fn extract_file(bytes: &[u8], name: &str) -> Vec<Scorable> {
    let figures: Vec<baogao_figures::Figure> = match baogao_import::import_bytes(bytes, name) {
        Ok(report) => baogao_figures::of_report(&report)
            .into_iter()
            .map(|l| l.figure)
            .collect(),
        Err(_) => String::from_utf8_lossy(bytes)
            .lines()
            .flat_map(baogao_figures::extract)
            .collect(),
    };
    figures
        .into_iter()
        .map(|f| Scorable {
            indicator: f.indicator,
            value: f.value,
            unit: f.unit,
        })
        .collect()
}

fn scorables(value: &serde_json::Value) -> Vec<Scorable> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|f| {
                    Some(Scorable {
                        indicator: f.get("indicator")?.as_str()?.to_string(),
                        value: f.get("value")?.as_f64()?,
                        unit: f.get("unit")?.as_str()?.to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}
