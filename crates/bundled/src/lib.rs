//! The reports shipped inside the binary: `data/reports/*.json`, embedded at
//! build time by `build.rs`, so `baogao` works from any directory.
//!
//! They go through the same parser as files on disk, so a bad bundled file
//! is a [`LoadError`](baogao_report::load::LoadError) like any other, never a panic.

#![forbid(unsafe_code)]

use baogao_report::load::{Loaded, parse_bytes};
use rayon::prelude::*;
use std::path::PathBuf;

include!(concat!(env!("OUT_DIR"), "/bundled_reports.rs"));

/// The bundled reports, parsed. Paths read `data/reports/<file name>`, as in
/// the source tree, in file name order.
pub fn load_bundled() -> Loaded {
    let outcomes = BUNDLED_REPORTS
        .par_iter()
        .map(|&(name, bytes)| {
            let path = PathBuf::from(format!("data/reports/{name}"));
            let outcome = parse_bytes(bytes, &path);
            (path, outcome)
        })
        .collect();
    Loaded::from_outcomes(outcomes, Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_file_parses() {
        let loaded = load_bundled();
        assert_eq!(loaded.errors, Vec::new());
        assert_eq!(loaded.reports.len(), BUNDLED_REPORTS.len());
    }
}
