//! Where the reader left off: one [`ReadingPosition`] per
//! library, kept in a small JSON state file under the XDG state directory, so
//! reopening baogao returns to the report, section and line the user left.
//!
//! The reader asks [`StateFile::default_path`] where the file lives, loads it
//! once at start-up and saves it on quit. A missing file is a first run; a
//! file that cannot be read or understood is a [`StateError`] whose message
//! fits on one line, for the reader to show as a notice before starting with
//! no positions: losing a bookmark must never stop anyone reading.
//!
//! Saving writes a temporary file beside the state file and renames it over,
//! so a crash mid-write leaves the old file, never half a new one. Positions
//! of other libraries that another baogao saved in the meantime are kept.
//! Beside each position the file keeps the library's jump list and
//! bookmarks ([`Kept`]); marks are merged letter by letter with what is on
//! disk, and the read-merge-rename holds a lock (`state.lock`), so two
//! readers quitting at once keep both their marks.

use baogao_report::model::{Report, Section};
use baogao_report::sanitise::sanitise;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The version of the state file's layout this build reads and writes.
pub(crate) const STATE_SCHEMA: u32 = 1;

/// The library key of the reports built into the binary.
pub(crate) const BUNDLED_LIBRARY: &str = "bundled";

/// Where a reader stands in one library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingPosition {
    pub report_id: String,
    /// Child indexes from the report's top-level sections down; empty = the
    /// report's start (its title and preamble).
    pub section: Vec<usize>,
    /// Block inside the section: 0 = its heading (the title at the report's
    /// start), 1.. = paragraph (or preamble paragraph) index + 1.
    pub block: usize,
    /// Byte offset inside that block's text of the top line on screen, so the
    /// position survives a change of terminal width.
    pub offset: usize,
}

impl ReadingPosition {
    /// This position made valid for `report`, which may have changed since it
    /// was saved (or the file was edited): a section path is cut back to its
    /// longest prefix that exists, a block past the last becomes the last, an
    /// offset past its text becomes its end and one inside a character moves
    /// back to that character's start. Cutting anything back also resets what
    /// lies below it. The result can be used to index `report` without checks.
    pub fn clamped_to(&self, report: &Report) -> ReadingPosition {
        let mut section: Option<&Section> = None;
        let mut path = Vec::with_capacity(self.section.len());
        for &index in &self.section {
            let children = section.map_or(&report.sections, |s| &s.sections);
            match children.get(index) {
                Some(child) => {
                    section = Some(child);
                    path.push(index);
                }
                None => break,
            }
        }
        let (heading, paragraphs) = match section {
            Some(section) => (&section.heading, &section.paragraphs),
            None => (&report.title, &report.preamble),
        };
        let whole_path = path.len() == self.section.len();
        let block = if whole_path {
            self.block.min(paragraphs.len())
        } else {
            0
        };
        let text = match block {
            0 => heading,
            n => &paragraphs[n - 1],
        };
        let offset = if whole_path && block == self.block {
            let mut offset = self.offset.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            offset
        } else {
            0
        };
        ReadingPosition {
            report_id: self.report_id.clone(),
            section: path,
            block,
            offset,
        }
    }
}

/// The key of a library in the state file: its directory made canonical (so
/// `./reports` and `/home/me/reports` are one library), or
/// `"bundled"` for the built-in reports. A directory that cannot be
/// made canonical is keyed as given.
pub fn library_key(dir: Option<&Path>) -> String {
    match dir {
        None => BUNDLED_LIBRARY.to_string(),
        Some(dir) => std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .to_string_lossy()
            .into_owned(),
    }
}

/// Why the state file could not be used. Each message is one line naming the
/// file; its path is sanitised, since it is shown on a terminal.
#[derive(Debug, Error)]
pub enum StateError {
    #[error("{}: cannot read the reading-position file: {source}", shown(.path))]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}:{column}: cannot use the reading-position file: {message}", shown(.path))]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: reading-position file has schema {found}; this build reads schema {STATE_SCHEMA}", shown(.path))]
    Schema { path: PathBuf, found: String },
    #[error("{}: cannot save the reading position: {source}", shown(.path))]
    Write { path: PathBuf, source: io::Error },
}

fn is_newer_schema(error: &StateError) -> bool {
    matches!(error, StateError::Schema { found, .. }
        if found.parse::<u64>().is_ok_and(|schema| schema > u64::from(STATE_SCHEMA)))
}

fn shown(path: &Path) -> String {
    sanitise(&path.to_string_lossy()).into_owned()
}

/// A bookmark: a reading position, and the heading of its section then,
/// so that a report imported again (its sections renumbered) still finds
/// the section by its heading, else the nearest one by its path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub position: ReadingPosition,
    #[serde(default)]
    pub heading: String,
}

/// What is kept of one library besides its position: the jump list and
/// the bookmarks by letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    #[serde(default)]
    pub jumps: crate::app::jumps::Jumps,
    #[serde(default)]
    pub marks: BTreeMap<char, Mark>,
}

impl Kept {
    fn is_empty(&self) -> bool {
        self.jumps == crate::app::jumps::Jumps::default() && self.marks.is_empty()
    }
}

/// The state file's JSON: `{"schema":1,"positions":{key: position},
/// "kept":{key: {"jumps":…,"marks":…}}}` (`kept` is left out when empty,
/// and a file without it is read as keeping nothing).
#[derive(Serialize, Deserialize)]
struct Document {
    schema: u32,
    positions: BTreeMap<String, ReadingPosition>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    kept: BTreeMap<String, Kept>,
}

/// Read first and alone, so a file of another schema is named as such rather
/// than as a file whose positions do not parse.
#[derive(Deserialize)]
struct SchemaOnly {
    schema: Option<serde_json::Value>,
}

/// The state file: one position per library, keyed by [`library_key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateFile {
    path: PathBuf,
    positions: BTreeMap<String, ReadingPosition>,
    kept: BTreeMap<String, Kept>,
    /// The kept state of each library as loaded, to tell which marks this
    /// run set or removed when merging with what is on disk.
    kept_loaded: BTreeMap<String, Kept>,
    /// Libraries whose position was set since loading: only these overwrite
    /// what is on disk when saving.
    changed: BTreeSet<String>,
}

impl StateFile {
    /// `$XDG_STATE_HOME/baogao/state.json`, else
    /// `$HOME/.local/state/baogao/state.json`; `None` if neither is set to an
    /// absolute path (the XDG spec says to ignore relative ones).
    pub fn default_path() -> Option<PathBuf> {
        let state_home = std::env::var_os("XDG_STATE_HOME");
        let home = std::env::var_os("HOME");
        Self::path_from(state_home.as_deref(), home.as_deref())
    }

    /// [`StateFile::default_path`] from the values of `XDG_STATE_HOME` and
    /// `HOME`, so the rule can be tested without touching the environment.
    pub fn path_from(state_home: Option<&OsStr>, home: Option<&OsStr>) -> Option<PathBuf> {
        let absolute =
            |value: Option<&OsStr>| value.map(PathBuf::from).filter(|path| path.is_absolute());
        absolute(state_home)
            .or_else(|| absolute(home).map(|home| home.join(".local").join("state")))
            .map(|state| state.join("baogao").join("state.json"))
    }

    /// Missing file → empty state. A file that cannot be read, is not JSON,
    /// has another schema or holds positions of the wrong shape → `Err`,
    /// naming the path (and for JSON the line and character column).
    pub fn load(path: &Path) -> Result<StateFile, StateError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok(StateFile::empty(path.to_path_buf()));
            }
            Err(source) => {
                let path = path.to_path_buf();
                return Err(StateError::Read { path, source });
            }
        };
        let corrupt = |error: serde_json::Error| {
            let (line, column) =
                baogao_report::load::char_position(&text, error.line(), error.column());
            let full = error.to_string();
            let suffix = format!(" at line {} column {}", error.line(), error.column());
            StateError::Corrupt {
                path: path.to_path_buf(),
                line,
                column,
                message: full.strip_suffix(&suffix).unwrap_or(&full).to_string(),
            }
        };
        let schema = serde_json::from_str::<SchemaOnly>(&text).map_err(corrupt)?;
        if schema.schema != Some(STATE_SCHEMA.into()) {
            let found = schema.schema.map_or("none".to_string(), |v| v.to_string());
            let path = path.to_path_buf();
            return Err(StateError::Schema { path, found });
        }
        let document = serde_json::from_str::<Document>(&text).map_err(corrupt)?;
        Ok(StateFile {
            path: path.to_path_buf(),
            positions: document.positions,
            kept_loaded: document.kept.clone(),
            kept: document.kept,
            changed: BTreeSet::new(),
        })
    }

    /// No positions, to be saved at `path`.
    pub fn empty(path: PathBuf) -> StateFile {
        StateFile {
            path,
            positions: BTreeMap::new(),
            kept: BTreeMap::new(),
            kept_loaded: BTreeMap::new(),
            changed: BTreeSet::new(),
        }
    }

    /// Where this state is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn get(&self, library: &str) -> Option<&ReadingPosition> {
        self.positions.get(library)
    }

    pub fn set(&mut self, library: &str, position: ReadingPosition) {
        self.positions.insert(library.to_string(), position);
        self.changed.insert(library.to_string());
    }

    /// The jump list and bookmarks kept for `library`.
    pub fn kept(&self, library: &str) -> Kept {
        self.kept.get(library).cloned().unwrap_or_default()
    }

    /// Keep `kept` for `library`; saving merges its marks letter by letter
    /// with what another reader saved meanwhile.
    pub fn set_kept(&mut self, library: &str, kept: Kept) {
        self.kept.insert(library.to_string(), kept);
        self.changed.insert(library.to_string());
    }

    /// The state on disk now, with what this run changed laid over it:
    /// positions and jump lists of the libraries it read, and the marks it
    /// set or removed, letter by letter.
    fn merged_over(&self, on_disk: StateFile) -> Document {
        let mut positions = on_disk.positions;
        let mut kept = on_disk.kept;
        for library in &self.changed {
            if let Some(position) = self.positions.get(library) {
                positions.insert(library.clone(), position.clone());
            }
            let Some(mine) = self.kept.get(library) else {
                continue;
            };
            let before = self.kept_loaded.get(library).cloned().unwrap_or_default();
            let theirs = kept.entry(library.clone()).or_default();
            theirs.jumps = mine.jumps.clone();
            for (letter, mark) in &mine.marks {
                if before.marks.get(letter) != Some(mark) {
                    theirs.marks.insert(*letter, mark.clone());
                }
            }
            for letter in before.marks.keys() {
                if !mine.marks.contains_key(letter) {
                    theirs.marks.remove(letter);
                }
            }
        }
        kept.retain(|_, kept| !kept.is_empty());
        Document {
            schema: STATE_SCHEMA,
            positions,
            kept,
        }
    }

    /// Write the state atomically: create the directory, write a temporary
    /// file beside the state file, flush it to disk, rename it over. The
    /// file on disk is read again first, and the positions this state did not
    /// set are taken from it: two baogao reading different libraries keep
    /// each other's places. A file that cannot be read then is overwritten,
    /// except one of a newer schema: that is an `Err`, and stays as it was.
    pub fn save(&self) -> Result<(), StateError> {
        let write_error = |source| StateError::Write {
            path: self.path.clone(),
            source,
        };
        let dir = match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(write_error)?;
        // One reader at a time reads, merges and renames: without the lock
        // two readers quitting together could each rename over a file that
        // lacks the other's marks.
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.path.with_extension("lock"))
            .map_err(write_error)?;
        lock.lock().map_err(write_error)?;
        let on_disk = match StateFile::load(&self.path) {
            Ok(on_disk) => on_disk,
            // A newer baogao's file is left alone, not downgraded.
            Err(error @ StateError::Schema { .. }) if is_newer_schema(&error) => {
                return Err(error);
            }
            // An unreadable file is replaced by what this run loaded.
            Err(_) => StateFile {
                positions: self.positions.clone(),
                kept: self.kept.clone(),
                ..StateFile::empty(self.path.clone())
            },
        };
        let document = self.merged_over(on_disk);
        let mut json = serde_json::to_string_pretty(&document)
            .map_err(|error| write_error(io::Error::other(error)))?;
        json.push('\n');
        // Dropped on any error below, which deletes it: no temporary file is
        // left beside the state file.
        let mut temporary = tempfile::Builder::new()
            .prefix(".state-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(write_error)?;
        temporary.write_all(json.as_bytes()).map_err(write_error)?;
        temporary.as_file().sync_all().map_err(write_error)?;
        temporary
            .persist(&self.path)
            .map_err(|error| write_error(error.error))?;
        Ok(())
    }
}
