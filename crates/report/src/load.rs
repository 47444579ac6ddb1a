//! The loader: report JSON files on disk → [`Report`]s, with errors that name
//! the file and the place.
//!
//! `load_dir` walks a directory tree for `*.json` files, parses them in
//! parallel and keeps going past bad files: each one becomes a [`LoadError`]
//! (`path:line:col: reason`) and the rest load. `validate` then looks for the
//! problems a well-formed file can still have (duplicate ids, bad dates…), for
//! `baogao validate`. The [`crate::library::Library`] is built from what loads.
//!
//! Submodules: `walk` finds the files, `parse` turns text into a report or a
//! precise error, `depth` refuses outlines nested past a limit, `locate`
//! finds where a value sits in a file's text (error path only), `validate`
//! holds the semantic checks, `variants` reads the names an enum field
//! accepts (for wrong-type messages).

mod depth;
mod locate;
mod parse;
mod validate;
mod variants;
mod walk;

use crate::model::Report;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use thiserror::Error;

pub use depth::MAX_SECTION_DEPTH;
pub use locate::char_position;
pub use parse::{parse_bytes, parse_report};
pub use validate::{sort_by_place, validate};

/// A problem with one file. `line` and `column` are 1-based, the column
/// counted in characters; `line == 0` means the problem has no position in
/// the file (it could not be read, or the problem is the file as a whole).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{}{}: {message}", .path.display(), position_suffix(*.line, *.column))]
pub struct LoadError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

fn position_suffix(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}:{column}")
    }
}

impl LoadError {
    pub(crate) fn at(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        LoadError {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// An error about the file as a whole, with no position in it.
    pub(crate) fn whole_file(path: &Path, message: impl Into<String>) -> Self {
        Self::at(path, 0, 0, message)
    }
}

/// One report that loaded, and the file it came from.
#[derive(Debug, Clone)]
pub struct LoadedReport {
    pub path: PathBuf,
    pub report: Report,
}

/// Everything a load produced: the reports that parsed, in path order, and
/// one error for every file that did not, also in path order.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub reports: Vec<LoadedReport>,
    pub errors: Vec<LoadError>,
}

impl Loaded {
    /// Split per-file outcomes (already in path order) into reports and
    /// errors, merging in errors found while looking for the files.
    pub fn from_outcomes(
        outcomes: Vec<(PathBuf, Result<Report, LoadError>)>,
        mut errors: Vec<LoadError>,
    ) -> Loaded {
        let mut reports = Vec::with_capacity(outcomes.len());
        for (path, outcome) in outcomes {
            match outcome {
                Ok(report) => reports.push(LoadedReport { path, report }),
                Err(error) => errors.push(error),
            }
        }
        errors.sort_by(|a, b| a.path.cmp(&b.path));
        Loaded { reports, errors }
    }
}

/// Load every `*.json` under `dir`, recursively, following directory
/// symlinks (each real directory is read once, so a symlink loop ends).
/// Only a `dir` that cannot be read or is not a directory is an `Err`; every
/// problem below it lands in [`Loaded::errors`].
pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
    let found = walk::json_files(dir)?;
    let outcomes = found
        .files
        .into_par_iter()
        .map(|path| {
            let outcome = read_report(&path);
            (path, outcome)
        })
        .collect();
    Ok(Loaded::from_outcomes(outcomes, found.errors))
}

fn read_report(path: &Path) -> Result<Report, LoadError> {
    let bytes = std::fs::read(path)
        .map_err(|error| LoadError::whole_file(path, format!("cannot read file: {error}")))?;
    parse_bytes(&bytes, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_position_only_when_there_is_one() {
        let placed = LoadError::at(Path::new("a/b.json"), 40, 1, "missing field `title`");
        assert_eq!(placed.to_string(), "a/b.json:40:1: missing field `title`");
        let whole = LoadError::whole_file(Path::new("a/b.json"), "cannot read file: denied");
        assert_eq!(whole.to_string(), "a/b.json: cannot read file: denied");
    }
}
