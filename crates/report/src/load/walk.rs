//! Finding the report files: every `*.json` under a directory, recursively.
//!
//! Directory symlinks are followed, since people link report collections
//! together, but each real (canonical) directory is read once, so a link
//! back to an ancestor cannot loop. Entries are taken in name order, so
//! which path a linked directory is found under does not depend on the file
//! system. Hidden subdirectories (`.git`, `.cache`…) are skipped; the root
//! is walked whatever its name. A subdirectory that cannot be read is an
//! error for that directory only; the walk goes on.

use super::LoadError;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What a walk found: report files in path order, and the directories or
/// entries it could not read.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub files: Vec<PathBuf>,
    pub errors: Vec<LoadError>,
}

/// Every `*.json` file under `root`. `Err` only when `root` itself cannot be
/// read or is not a directory.
pub(crate) fn json_files(root: &Path) -> Result<Found, LoadError> {
    let cannot_read = |error: std::io::Error| {
        LoadError::whole_file(root, format!("cannot read directory: {error}"))
    };
    let metadata = fs::metadata(root).map_err(cannot_read)?;
    if !metadata.is_dir() {
        return Err(LoadError::whole_file(root, "not a directory"));
    }
    let mut walk = Walk {
        visited: HashSet::from([fs::canonicalize(root).map_err(cannot_read)?]),
        pending: Vec::new(),
        found: Found::default(),
    };
    walk.scan(root, fs::read_dir(root).map_err(cannot_read)?);
    // Directories are opened only when their turn comes, so a wide tree
    // never holds more than one directory handle open.
    while let Some(dir) = walk.pending.pop() {
        match fs::read_dir(&dir) {
            Ok(entries) => walk.scan(&dir, entries),
            Err(error) => walk.found.errors.push(LoadError::whole_file(
                &dir,
                format!("cannot read directory: {error}"),
            )),
        }
    }
    walk.found.files.sort();
    Ok(walk.found)
}

struct Walk {
    /// Canonical paths of the directories already queued, so each real
    /// directory is read once whatever links lead to it.
    visited: HashSet<PathBuf>,
    pending: Vec<PathBuf>,
    found: Found,
}

impl Walk {
    /// Queue the subdirectories and collect the `*.json` files of `dir`, in
    /// name order: when links lead to one directory twice, the path it is
    /// read (and reported) under must not depend on the order the file
    /// system lists entries in.
    fn scan(&mut self, dir: &Path, entries: fs::ReadDir) {
        let mut listed = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => listed.push(entry),
                Err(error) => self.found.errors.push(LoadError::whole_file(
                    dir,
                    format!("cannot read directory entry: {error}"),
                )),
            }
        }
        listed.sort_by_key(fs::DirEntry::file_name);
        let mut subdirs = Vec::new();
        for entry in listed {
            let path = entry.path();
            match classify(&entry) {
                // .git, .cache and the like hold no reports of the library.
                EntryKind::Dir if is_hidden(&entry) => {}
                EntryKind::Dir => match fs::canonicalize(&path) {
                    Ok(canonical) => {
                        if self.visited.insert(canonical) {
                            subdirs.push(path);
                        }
                    }
                    Err(error) => self.found.errors.push(LoadError::whole_file(
                        &path,
                        format!("cannot read directory: {error}"),
                    )),
                },
                EntryKind::File if is_json(&path) => self.found.files.push(path),
                EntryKind::File | EntryKind::Other => {}
            }
        }
        // `pending` is a stack: push in reverse so the first name is read first.
        self.pending.extend(subdirs.into_iter().rev());
    }
}

fn is_hidden(entry: &fs::DirEntry) -> bool {
    entry.file_name().as_encoded_bytes().starts_with(b".")
}

enum EntryKind {
    Dir,
    /// A regular file, or a symlink we cannot follow: a broken link named
    /// `*.json` should be reported when it is read, not silently skipped.
    File,
    Other,
}

fn classify(entry: &fs::DirEntry) -> EntryKind {
    let Ok(file_type) = entry.file_type() else {
        return EntryKind::File;
    };
    if file_type.is_symlink() {
        return match fs::metadata(entry.path()) {
            Ok(target) if target.is_dir() => EntryKind::Dir,
            Ok(target) if target.is_file() => EntryKind::File,
            Ok(_) => EntryKind::Other,
            Err(_) => EntryKind::File,
        };
    }
    if file_type.is_dir() {
        EntryKind::Dir
    } else if file_type.is_file() {
        EntryKind::File
    } else {
        EntryKind::Other
    }
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "json")
}
