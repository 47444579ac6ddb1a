//! Watching the library folder while the reader is open: reports added,
//! changed or removed on disk reach the reader as one [`Batch`] per burst of
//! changes.
//!
//! A thread of its own takes the file system's events (`notify`: inotify on
//! Linux), waits until none has come for [`QUIET`] (a copy of a hundred
//! files is one batch, not a hundred), then loads each changed file with
//! the binary's loader ([`Watch::load`]: report JSON, or a raw file through
//! the importer and its cache) and sends what they hold now. A file that
//! does not load, or whose size or time changed while it was read, is most
//! likely still being written: it is tried again [`RETRY`] later, and only
//! after [`TRIES`] tries is it sent as broken. The thread sleeps on the
//! event channel between events: an idle reader costs no CPU.

use baogao_report::library::FileChange;
use baogao_report::load::LoadError;
use baogao_report::model::Report;
use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify::{RecursiveMode, Watcher as _};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant, SystemTime};

/// How long the folder must be still before a batch is loaded.
pub const QUIET: Duration = Duration::from_millis(300);
/// How long before a file that did not load is tried again.
pub const RETRY: Duration = Duration::from_millis(700);
/// Tries before a file that does not load is reported broken.
pub const TRIES: u32 = 3;

/// What loading one file of the library gave.
#[derive(Debug)]
pub enum FileLoad {
    /// Not a file of the library (neither a report's JSON nor a raw
    /// report): its changes are none of the reader's business.
    Ignored,
    Report(Box<Report>),
    /// A raw file the importer refused as not a report: as if absent.
    NotAReport,
    Failed(LoadError),
}

/// The loader of one file, as at start.
pub type LoadFile = dyn Fn(&Path) -> FileLoad + Send + Sync;

/// What the reader needs to watch a library folder.
pub struct Watch {
    /// The folder, as the library's paths start.
    pub dir: PathBuf,
    pub load: Box<LoadFile>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watch").field("dir", &self.dir).finish()
    }
}

/// One burst of changes: what each changed file holds now, and the files
/// that still did not load after every try.
#[derive(Debug, Default)]
pub struct Batch {
    pub changes: Vec<(PathBuf, FileChange)>,
    pub broken: Vec<LoadError>,
    /// The folder could not be watched (the reason): no batch follows.
    pub unwatched: Option<String>,
}

impl Batch {
    fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.broken.is_empty() && self.unwatched.is_none()
    }
}

/// Start watching `watch.dir` on a thread of its own; `send` hands each
/// batch to the event loop and says false once nobody listens, which ends
/// the thread.
pub(crate) fn spawn(watch: Watch, send: impl Fn(Batch) -> bool + Send + 'static) {
    let started = std::thread::Builder::new()
        .name("baogao-watch".to_string())
        .spawn(move || {
            if let Err(error) = watch_loop(&watch, &send) {
                let _ = send(Batch {
                    unwatched: Some(error.to_string()),
                    ..Batch::default()
                });
            }
        });
    // No thread, no watching: the library stays as it was loaded.
    drop(started);
}

/// The file system's events for `watch.dir` until `send` fails.
fn watch_loop(watch: &Watch, send: &impl Fn(Batch) -> bool) -> notify::Result<()> {
    let (events_in, events) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(events_in)?;
    watcher.watch(&watch.dir, RecursiveMode::Recursive)?;
    let canonical = std::fs::canonicalize(&watch.dir).ok();
    let mut pending = Pending::default();
    loop {
        let received = match pending.next_due() {
            None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(due) => events.recv_timeout(due.saturating_duration_since(Instant::now())),
        };
        match received {
            Ok(Ok(event)) if matters(event.kind) => {
                let whole = opens_folders(event.kind);
                for path in event.paths {
                    let path = as_library_path(&watch.dir, canonical.as_deref(), path);
                    pending.touch(path, whole, Instant::now());
                }
            }
            // A lost event or one that says nothing changed.
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        let batch = pending.load_due(watch, Instant::now());
        if !batch.is_empty() && !send(batch) {
            return Ok(());
        }
    }
}

/// Whether an event can change what a file holds: reading one (ours
/// included) cannot.
fn matters(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_)
        | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// Whether an event on a folder may stand for the files under it: one
/// created, moved or removed whole. A folder's own times or rights changing
/// (`touch`, `chmod`, `rsync -a` at its end) change none of its files.
fn opens_folders(kind: EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Modify(ModifyKind::Metadata(_) | ModifyKind::Data(_))
    )
}

/// An event's path as the library names its files: under the folder as it
/// was given, whatever form the watcher reports it in.
fn as_library_path(dir: &Path, canonical: Option<&Path>, path: PathBuf) -> PathBuf {
    if path.starts_with(dir) {
        return path;
    }
    match canonical.and_then(|c| path.strip_prefix(c).ok()) {
        Some(rest) => dir.join(rest),
        None => path,
    }
}

/// Files waiting: changed ones until the folder is quiet, and ones that
/// did not load until their next try.
#[derive(Debug, Default)]
struct Pending {
    /// Changed paths, and whether a folder among them stands for its files.
    changed: BTreeMap<PathBuf, bool>,
    /// When the folder will have been quiet long enough.
    quiet_at: Option<Instant>,
    /// Per file: the tries made and when the next is due.
    retries: BTreeMap<PathBuf, (u32, Instant)>,
}

impl Pending {
    fn touch(&mut self, path: PathBuf, whole: bool, now: Instant) {
        // A file written again starts its tries afresh.
        self.retries.remove(&path);
        *self.changed.entry(path).or_default() |= whole;
        self.quiet_at = Some(now + QUIET);
    }

    fn next_due(&self) -> Option<Instant> {
        let retry = self.retries.values().map(|&(_, due)| due).min();
        match (self.quiet_at, retry) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Load what is due at `now`.
    fn load_due(&mut self, watch: &Watch, now: Instant) -> Batch {
        let mut due: Vec<(PathBuf, u32, bool)> = Vec::new();
        if self.quiet_at.is_some_and(|at| at <= now) {
            self.quiet_at = None;
            due.extend(
                std::mem::take(&mut self.changed)
                    .into_iter()
                    .map(|(p, whole)| (p, 0, whole)),
            );
        }
        let retried: Vec<PathBuf> = self
            .retries
            .iter()
            .filter(|&(_, &(_, at))| at <= now)
            .map(|(path, _)| path.clone())
            .collect();
        for path in retried {
            if let Some((tries, _)) = self.retries.remove(&path) {
                due.push((path, tries, false));
            }
        }
        // A file under a folder created or moved in the same batch (`cp -r`
        // tells both) is visited once, and a folder reached twice (a link
        // back up the tree) is read once.
        let mut round = Round {
            now,
            batch: Batch::default(),
            paths: HashSet::new(),
            real: HashSet::new(),
        };
        for (path, tries, whole) in due {
            self.visit(watch, path, tries, whole, &mut round);
        }
        round.batch
    }

    /// One changed path: a file, a folder (each file under it, when
    /// `whole`), or gone.
    fn visit(&mut self, watch: &Watch, path: PathBuf, tries: u32, whole: bool, round: &mut Round) {
        if is_hidden(&watch.dir, &path) || !round.paths.insert(path.clone()) {
            return;
        }
        let Ok(metadata) = std::fs::metadata(&path) else {
            round.batch.changes.push((path, FileChange::Gone));
            return;
        };
        if metadata.is_dir() {
            let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if whole && round.real.insert(real) {
                for file in files_under(&path) {
                    self.visit(watch, file, tries, true, round);
                }
            }
            return;
        }
        // A file reached again through a link is the same report.
        let real = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !round.real.insert(real) {
            return;
        }
        let (now, batch) = (round.now, &mut round.batch);
        let before = stamp(&metadata);
        let loaded = (watch.load)(&path);
        let still = std::fs::metadata(&path).ok().map(|m| stamp(&m)) == Some(before);
        match loaded {
            FileLoad::Ignored => {}
            FileLoad::Failed(_) | FileLoad::Report(_) | FileLoad::NotAReport
                if !still && tries + 1 < TRIES =>
            {
                self.retries.insert(path, (tries + 1, now + RETRY));
            }
            FileLoad::Failed(_) if tries + 1 < TRIES => {
                self.retries.insert(path, (tries + 1, now + RETRY));
            }
            FileLoad::Failed(error) => {
                batch.broken.push(error);
                batch.changes.push((path, FileChange::Gone));
            }
            FileLoad::Report(report) => batch.changes.push((path, FileChange::Report(report))),
            FileLoad::NotAReport => batch.changes.push((path, FileChange::Gone)),
        }
    }
}

/// One loading of what is due: when, the batch it makes, and what it has
/// visited, paths as named and folders and files as they really are (a
/// link to a folder above would otherwise be followed for ever, and a file
/// reached through a link loaded twice).
#[derive(Debug)]
struct Round {
    now: Instant,
    batch: Batch,
    paths: HashSet<PathBuf>,
    real: HashSet<PathBuf>,
}

/// A file's size and time: a file still being written changes them.
fn stamp(metadata: &std::fs::Metadata) -> (u64, Option<SystemTime>) {
    (metadata.len(), metadata.modified().ok())
}

/// Whether a path is below a hidden name (`.git`, an editor's swap file,
/// a temporary file renamed into place once written), as the loader skips.
fn is_hidden(dir: &Path, path: &Path) -> bool {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .any(|c| c.as_os_str().as_encoded_bytes().starts_with(b"."))
}

/// Every file under `dir`, hidden ones left out; a folder that cannot be
/// read gives none.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().as_encoded_bytes().starts_with(b".") {
                continue;
            }
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => stack.push(entry.path()),
                Ok(_) => files.push(entry.path()),
                Err(_) => {}
            }
        }
    }
    files.sort();
    files
}

#[cfg(test)]
mod tests;
