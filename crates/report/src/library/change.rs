//! A library brought up to date with files that changed on disk: each
//! changed file's report replaces the one that file gave before, a new
//! file's is added, a file (or folder) gone takes its reports with it, and
//! every other report is moved over as it is, not read again.

use super::Library;
use crate::model::Report;
use std::collections::HashMap;
use std::path::PathBuf;

/// What became of one file of the library.
#[derive(Debug, Clone)]
pub enum FileChange {
    /// It holds this report now (new, or changed).
    Report(Box<Report>),
    /// It is gone, or no longer gives a report (a folder: every file under
    /// it).
    Gone,
}

/// How many reports a change added, updated and removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChangeCount {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
}

impl ChangeCount {
    /// Whether the library's reports are as they were.
    pub fn is_empty(&self) -> bool {
        *self == ChangeCount::default()
    }
}

impl Library {
    /// Whether `changes` would change the library: a file gives a report,
    /// or one that gave a report is gone.
    pub fn touches(&self, changes: &[(PathBuf, FileChange)]) -> bool {
        changes.iter().any(|(path, change)| match change {
            FileChange::Report(_) => true,
            FileChange::Gone => self.paths.iter().any(|file| file.starts_with(path)),
        })
    }

    /// The library with `changes` made, sorted again, and what they did.
    /// Reports are matched to files by path, so only a library built with
    /// [`Library::from_loaded`] can have a report updated or removed.
    pub fn changed(self, changes: Vec<(PathBuf, FileChange)>) -> (Library, ChangeCount) {
        let mut entries: Vec<Option<(Report, PathBuf)>> =
            self.reports.into_iter().zip(self.paths).map(Some).collect();
        let mut by_path: HashMap<PathBuf, usize> = entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let (_, path) = entry.as_ref()?;
                (!path.as_os_str().is_empty()).then(|| (path.clone(), index))
            })
            .collect();
        let mut count = ChangeCount::default();
        for (path, change) in changes {
            match change {
                FileChange::Report(report) => match by_path.get(&path) {
                    Some(&index) if entries[index].is_some() => {
                        entries[index] = Some((*report, path));
                        count.updated += 1;
                    }
                    _ => {
                        by_path.insert(path.clone(), entries.len());
                        entries.push(Some((*report, path)));
                        count.added += 1;
                    }
                },
                FileChange::Gone => {
                    // A folder taken away takes every file under it.
                    for entry in &mut entries {
                        let under = entry
                            .as_ref()
                            .is_some_and(|(_, file)| file.starts_with(&path));
                        if under {
                            *entry = None;
                            count.removed += 1;
                        }
                    }
                }
            }
        }
        (
            Library::build(entries.into_iter().flatten().collect()),
            count,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::LoadedReport;

    fn report(id: &str, title: &str) -> Report {
        Report::new(id, title)
    }

    fn library() -> Library {
        let loaded = |id: &str, path: &str| LoadedReport {
            path: path.into(),
            report: report(id, "old"),
        };
        Library::from_loaded(vec![
            loaded("a", "lib/a.json"),
            loaded("b", "lib/sub/b.json"),
            loaded("c", "lib/sub/c.txt"),
            loaded("d", "lib/d.json"),
        ])
    }

    #[test]
    fn a_changed_file_replaces_its_report_and_a_new_one_is_added() {
        let (library, count) = library().changed(vec![
            (
                "lib/a.json".into(),
                FileChange::Report(Box::new(report("a", "new"))),
            ),
            (
                "lib/e.html".into(),
                FileChange::Report(Box::new(report("e", "new"))),
            ),
        ]);
        let expected = ChangeCount {
            added: 1,
            updated: 1,
            removed: 0,
        };
        assert_eq!(count, expected);
        assert_eq!(library.len(), 5);
        assert_eq!(library.find("a").map(|r| r.title.as_str()), Some("new"));
        let e = library.index_of("e").unwrap_or(usize::MAX);
        assert!(library.is_raw(e));
        // The library is sorted again, and the new report can be changed.
        let (library, count) = library.changed(vec![("lib/e.html".into(), FileChange::Gone)]);
        assert_eq!(count.removed, 1);
        assert_eq!(library.index_of("e"), None);
    }

    #[test]
    fn a_folder_gone_takes_every_report_under_it() {
        let (library, count) = library().changed(vec![("lib/sub".into(), FileChange::Gone)]);
        assert_eq!(count.removed, 2);
        assert!(!library.touches(&[("lib/sub".into(), FileChange::Gone)]));
        assert!(library.touches(&[("lib/a.json".into(), FileChange::Gone)]));
        let ids: Vec<&str> = library.reports().iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        // A file gone that gave no report changes nothing.
        let (_, count) = library.changed(vec![("lib/x.json".into(), FileChange::Gone)]);
        assert!(count.is_empty());
    }
}
