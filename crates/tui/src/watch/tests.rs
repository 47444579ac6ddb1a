//! The watcher's batches without a watcher: quiet periods, tries, folders
//! and links, on real files in a temporary folder.

use super::*;
use baogao_report::load::parse_bytes;

fn watch(dir: &Path) -> Watch {
    Watch {
        dir: dir.to_path_buf(),
        load: Box::new(|path: &Path| {
            if path.extension().is_none_or(|e| e != "json") {
                return FileLoad::Ignored;
            }
            match std::fs::read(path) {
                Ok(bytes) => match parse_bytes(&bytes, path) {
                    Ok(report) => FileLoad::Report(Box::new(report)),
                    Err(error) => FileLoad::Failed(error),
                },
                Err(_) => FileLoad::NotAReport,
            }
        }),
    }
}

const REPORT: &str = r#"{"schema":1,"id":"x-2020-work-summary","title":"某镇2020年工作总结","township":"某镇","year":2020,"period":"annual","kind":"work-summary","preamble":[],"sections":[]}"#;

#[test]
fn a_half_written_file_is_tried_again_before_it_is_broken() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let watch = watch(dir.path());
    let file = dir.path().join("x.json");
    std::fs::write(&file, &REPORT[..40]).expect("writes");
    let start = Instant::now();
    let mut pending = Pending::default();
    pending.touch(file.clone(), false, start);
    // Nothing before the folder is quiet.
    assert!(pending.load_due(&watch, start).is_empty());
    let first = pending.load_due(&watch, start + QUIET);
    assert!(first.is_empty(), "a half file waits: {first:?}");
    assert_eq!(pending.next_due(), Some(start + QUIET + RETRY));
    // Completed before its next try: it loads, and nothing is broken.
    std::fs::write(&file, REPORT).expect("writes");
    let second = pending.load_due(&watch, start + QUIET + RETRY);
    assert!(second.broken.is_empty());
    assert!(matches!(
        second.changes.as_slice(),
        [(_, FileChange::Report(_))]
    ));
    assert_eq!(pending.next_due(), None);
}

#[test]
fn a_file_that_never_loads_is_broken_after_every_try() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let watch = watch(dir.path());
    let file = dir.path().join("x.json");
    std::fs::write(&file, "{").expect("writes");
    let mut now = Instant::now();
    let mut pending = Pending::default();
    pending.touch(file, false, now);
    now += QUIET;
    let mut batches = Vec::new();
    while pending.next_due().is_some() {
        now = now.max(pending.next_due().unwrap_or(now));
        batches.push(pending.load_due(&watch, now));
    }
    assert_eq!(batches.len(), TRIES as usize);
    let last = batches.last().expect("a last batch");
    assert_eq!(last.broken.len(), 1);
    assert!(batches[..batches.len() - 1].iter().all(Batch::is_empty));
}

#[test]
fn a_folder_gives_its_files_and_hidden_names_are_left_out() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let watch = watch(dir.path());
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("a folder");
    std::fs::write(sub.join("x.json"), REPORT).expect("writes");
    std::fs::write(sub.join(".x.json.swp"), "{").expect("writes");
    std::fs::write(sub.join("notes.md"), "#").expect("writes");
    let now = Instant::now();
    let mut pending = Pending::default();
    pending.touch(sub.clone(), true, now);
    pending.touch(dir.path().join(".git"), true, now);
    pending.touch(dir.path().join("gone.json"), false, now);
    let batch = pending.load_due(&watch, now + QUIET);
    let paths: Vec<&Path> = batch.changes.iter().map(|(p, _)| p.as_path()).collect();
    assert_eq!(paths, [dir.path().join("gone.json"), sub.join("x.json")]);
    assert!(matches!(batch.changes[0].1, FileChange::Gone));
}

#[test]
fn a_folder_copied_in_gives_each_file_once_and_its_own_times_give_none() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let watch = watch(dir.path());
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("a folder");
    std::fs::write(sub.join("x.json"), REPORT).expect("writes");
    let now = Instant::now();
    // `cp -r`: the folder created, and the file in it written.
    let mut pending = Pending::default();
    pending.touch(sub.clone(), true, now);
    pending.touch(sub.join("x.json"), false, now);
    let batch = pending.load_due(&watch, now + QUIET);
    assert_eq!(batch.changes.len(), 1, "{batch:?}");
    // `touch sub`: the folder's times, none of its files.
    let mut pending = Pending::default();
    pending.touch(sub, false, now);
    assert!(pending.load_due(&watch, now + QUIET).is_empty());
}

#[cfg(unix)]
#[test]
fn a_link_back_up_the_tree_is_followed_once() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let watch = watch(dir.path());
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("a folder");
    std::fs::write(sub.join("x.json"), REPORT).expect("writes");
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).expect("a link");
    let now = Instant::now();
    let mut pending = Pending::default();
    pending.touch(sub, true, now);
    let batch = pending.load_due(&watch, now + QUIET);
    let reports = batch
        .changes
        .iter()
        .filter(|(_, change)| matches!(change, FileChange::Report(_)))
        .count();
    assert_eq!(reports, 1, "{batch:?}");
}
