//! The real binary following its library folder: a report written into
//! the folder while the reader is open appears in the tree, one removed
//! goes (the reader staying where it was), a half-written file is waited
//! for rather than reported broken, one that stays broken is reported as at
//! start, one broken at start and mended is forgotten, and `--no-watch`
//! leaves the library as it was loaded.

use baogao_testkit::fixtures::{repo_path, temp_dir};
use baogao_testkit::pty::Session;
use std::path::Path;
use std::time::{Duration, Instant};

const BAOGAO: &str = env!("CARGO_BIN_EXE_baogao");

/// Long enough for a slow, shared machine: the waits end as soon as the
/// screen shows what they wait for.
const WAIT: Duration = Duration::from_secs(20);

const NANJI: &str = "pingyang-nanji-2020-work-summary.json";
const LUPU: &str = "yuhuan-lupu-2020-work-summary.json";
const DAIXI: &str = "daishan-daixi-2023-government-work-report.json";

fn bundled(name: &str) -> Vec<u8> {
    std::fs::read(repo_path(&format!("data/reports/{name}"))).expect("a bundled report")
}

/// A folder with two of the bundled reports.
fn library() -> tempfile::TempDir {
    let dir = temp_dir();
    for name in [NANJI, LUPU] {
        std::fs::write(dir.path().join(name), bundled(name)).expect("writes");
    }
    dir
}

fn start(dir: &Path, state: &Path, flags: &[&str]) -> Session {
    let mut args: Vec<&str> = flags.to_vec();
    let dir = dir.to_str().expect("a UTF-8 path");
    args.push(dir);
    let session = Session::start(BAOGAO, &args, 120, 40, state);
    session.wait_for("Reports 2", WAIT);
    session
}

/// Write `bytes` to `path` until the screen shows `text`: the watch is set
/// up just after the first frame, and a file written before it is in place
/// is not seen, so it is written again (as a user saving again would).
fn write_until(session: &Session, path: &Path, bytes: &[u8], text: &str) -> String {
    let start = Instant::now();
    loop {
        std::fs::write(path, bytes).expect("writes");
        let round = Instant::now();
        while round.elapsed() < Duration::from_secs(4) {
            let screen = session.screen();
            if screen.contains(text) {
                return session.wait_for(text, WAIT);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            start.elapsed() < WAIT,
            "timed out waiting for {text:?}; the screen:\n{}",
            session.screen()
        );
    }
}

#[test]
fn a_report_written_into_the_folder_appears_and_one_removed_goes() {
    let dir = library();
    let state = temp_dir();
    let mut session = start(dir.path(), state.path(), &[]);
    // Reading 南麂镇's report a few lines into its first section.
    session.send(b"vgjlj\r");
    let opened = session.wait_for("南麂镇 · 平阳县 · 2020", WAIT);
    session.send(b"jjj");
    let before = session.wait_until(
        |screen| reader_top(screen) != reader_top(&opened),
        WAIT,
        "the reader scrolled",
    );
    let added = dir.path().join(DAIXI);
    let screen = write_until(&session, &added, &bundled(DAIXI), "Reports 3");
    assert!(screen.contains("Library changed: 1 added"), "{screen}");
    assert!(
        screen.contains("岱西镇"),
        "the new report is in the tree:\n{screen}"
    );
    assert_eq!(
        reader_top(&screen),
        reader_top(&before),
        "the reader stays where it was:\n{screen}"
    );
    std::fs::remove_file(&added).expect("removes");
    let screen = session.wait_for("Reports 2", WAIT);
    assert!(screen.contains("1 removed"), "{screen}");
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
}

#[test]
fn a_half_written_file_is_waited_for_not_reported_broken() {
    let dir = library();
    let state = temp_dir();
    let mut session = start(dir.path(), state.path(), &[]);
    let path = dir.path().join(DAIXI);
    let whole = bundled(DAIXI);
    let half = &whole[..whole.len() / 2];
    // Half now, the rest a little later, as a slow copy writes it: the
    // half is seen (the tree does not change) and tried again.
    let written = Instant::now();
    std::fs::write(&path, half).expect("writes");
    std::thread::sleep(Duration::from_millis(600));
    let screen = session.screen();
    assert!(screen.contains("Reports 2"), "{screen}");
    let late = written.elapsed();
    let screen = write_until(&session, &path, &whole, "Reports 3");
    assert!(
        !screen.contains("could not be loaded"),
        "the half file was reported broken ({late:?} after it was written):\n{screen}"
    );
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0, "no file failed to load");
}

#[test]
fn a_file_that_stays_broken_is_reported_as_at_start_and_the_rest_stays() {
    let dir = library();
    let state = temp_dir();
    let mut session = start(dir.path(), state.path(), &[]);
    let path = dir.path().join("broken.json");
    let screen = write_until(&session, &path, b"{\"schema\": 1,", "could not be loaded");
    assert!(screen.contains("Reports 2"), "{screen}");
    session.send(b"q");
    // Listed on the way out, and the exit status says a file failed.
    assert_eq!(session.wait_exit(WAIT), 1);
    let screen = session.screen();
    assert!(screen.contains("broken.json"), "{screen}");
}

#[test]
fn a_file_broken_at_start_and_mended_while_open_is_not_listed_on_quit() {
    let dir = library();
    let broken = dir.path().join(DAIXI);
    std::fs::write(&broken, b"{\"schema\": 1,").expect("writes");
    let state = temp_dir();
    let mut session = start(dir.path(), state.path(), &[]);
    assert!(session.screen().contains("could not be loaded"));
    write_until(&session, &broken, &bundled(DAIXI), "Reports 3");
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0, "no file is broken any more");
    let screen = session.screen();
    assert!(!screen.contains(DAIXI), "{screen}");
}

#[test]
fn no_watch_leaves_the_library_as_it_was_loaded() {
    let dir = library();
    let state = temp_dir();
    let mut session = start(dir.path(), state.path(), &["--no-watch"]);
    std::fs::write(dir.path().join(DAIXI), bundled(DAIXI)).expect("writes");
    // Longer than a watched folder takes to show it (the debounce is
    // 300 ms); nothing here can tell sooner that nothing will come.
    std::thread::sleep(Duration::from_millis(1500));
    session.send(b"j");
    let screen = session.wait_for("Reports 2", WAIT);
    assert!(!screen.contains("Library changed"), "{screen}");
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
}

/// The reader's first text row (under its breadcrumb), without the tree
/// beside it.
fn reader_top(screen: &str) -> String {
    let row = screen.lines().nth(2).unwrap_or_default();
    row.rsplit('│')
        .nth(1)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The screen after a report lands in the folder while another is read,
/// drawn in memory: the new report's place in the tree, the reader where
/// it was, the status bar saying what changed (snapshot
/// `tui__watch__report_added_*`).
#[test]
fn the_screen_after_a_report_is_added() {
    use baogao_bundled::load_bundled;
    use baogao_report::library::{ChangeCount, FileChange, Library};
    use baogao_testkit::draw::{app, draw};
    use baogao_testkit::screen::rows;
    use baogao_tui::app::{App, Changes};
    use baogao_tui::position::ReadingPosition;
    let (daixi, rest): (Vec<_>, Vec<_>) = load_bundled()
        .reports
        .into_iter()
        .partition(|loaded| loaded.path.ends_with(DAIXI));
    let old = Library::from_loaded(rest.clone());
    for (width, height) in [(120, 40), (50, 20)] {
        let mut reading = app(&old);
        let at = ReadingPosition {
            report_id: "pingyang-nanji-2020-work-summary".to_string(),
            section: vec![0, 1],
            block: 1,
            offset: 0,
        };
        assert!(reading.resume(&at));
        draw(&mut reading, width, height);
        let carried = reading.carry();
        drop(reading);
        let added: Vec<(std::path::PathBuf, FileChange)> = daixi
            .iter()
            .map(|loaded| {
                let report = Box::new(loaded.report.clone());
                (loaded.path.clone(), FileChange::Report(report))
            })
            .collect();
        let (new, count) = Library::from_loaded(rest.clone()).changed(added);
        assert_eq!(
            count,
            ChangeCount {
                added: 1,
                updated: 0,
                removed: 0
            }
        );
        let mut reading: App = app(&new);
        reading.take_over(carried, &Changes { count, broken: 0 });
        assert_eq!(
            reading.reading_position().map(|p| p.section),
            Some(vec![0, 1])
        );
        let shown = rows(&draw(&mut reading, width, height));
        insta::assert_snapshot!(format!("report_added_{width}x{height}"), shown.join("\n"));
    }
}
