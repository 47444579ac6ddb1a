//! The floor for loading a library: read every `*.json` file under DIR and
//! parse it with serde_json into a plain struct of the schema's fields,
//! nothing else — no checks, no clean-up, no index, no output but a count.
//!
//! `scripts/bench-compare.sh` times `baogao list DIR --json` against this
//! program. It parses in parallel over files (rayon, all cores), as baogao
//! does, so the ratio measures what baogao adds to parsing, not how many
//! cores each uses.
//!
//! `cargo run --release --example parse_floor -- DIR`

use rayon::prelude::*;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// The fields are read (parsed into owned values) and never used: that is the
// point of a floor.
#[allow(dead_code)]
#[derive(Deserialize)]
struct Report {
    schema: u32,
    id: String,
    title: String,
    township: Option<String>,
    county: Option<String>,
    city: Option<String>,
    province: Option<String>,
    year: Option<i32>,
    period: String,
    kind: String,
    published: Option<String>,
    publisher: Option<String>,
    source: Option<String>,
    #[serde(default)]
    preamble: Vec<String>,
    sections: Vec<Section>,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Section {
    heading: String,
    #[serde(default)]
    paragraphs: Vec<String>,
    #[serde(default)]
    sections: Vec<Section>,
}

fn json_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        // The entry's type comes with the directory listing: no stat per file.
        if entry.file_type()?.is_dir() {
            json_files(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "json") {
            files.push(path);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: parse_floor DIR");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    if let Err(error) = json_files(&dir, &mut files) {
        eprintln!("{}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    let parsed: Vec<Option<Report>> = files
        .par_iter()
        .map(|path| {
            let bytes = std::fs::read(path).ok()?;
            serde_json::from_slice::<Report>(&bytes).ok()
        })
        .collect();
    let reports = parsed.iter().flatten().count();
    println!("{reports} of {} files parsed", files.len());
    let all = reports == files.len();
    // Freeing the reports one by one at exit is work baogao's commands do
    // not do either.
    std::mem::forget(parsed);
    if all {
        ExitCode::SUCCESS
    } else {
        eprintln!("{} files failed to parse", files.len() - reports);
        ExitCode::FAILURE
    }
}
