//! Hostile input to `baogao import`: titles and file names that try to
//! leave the output directory or name a device, an import cut off half-way
//! by a full disk, and a raw file of tens of megabytes.
//!
//! "Disk full" is a file-size limit (RLIMIT_FSIZE) on the child process,
//! with SIGXFSZ ignored so that writing fails with EFBIG as it would with
//! ENOSPC: that works without root or a tmpfs, and whoever runs the tests.

use crate::support::*;
use baogao_report::load::{load_dir, validate};
use baogao_report::model::is_valid_id;
use baogao_testkit::fixtures::{temp_dir, write_bytes, write_text};
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

const BODY: &str = "\n一、工作回顾\n今年以来，我镇全面推进乡村振兴，各项工作取得明显成效。\n\
                    二、明年打算\n继续推进各项工作，确保完成全年目标任务。\n";

/// Every file under `dir`, recursively, relative to it.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut found = BTreeSet::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).expect("a readable directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.insert(path.strip_prefix(dir).expect("under dir").to_path_buf());
            }
        }
    }
    found
}

fn import_args<'a>(out: &'a Path, files: &'a [PathBuf], force: bool) -> Vec<&'a OsStr> {
    let mut args = vec![OsStr::new("import"), OsStr::new("--out"), out.as_os_str()];
    if force {
        args.push(OsStr::new("--force"));
    }
    args.extend(files.iter().map(|file| file.as_os_str()));
    args
}

#[test]
fn titles_and_file_names_that_point_elsewhere_stay_inside_the_output_directory() {
    let tmp = temp_dir();
    let raw = tmp.path().join("raw");
    let titles = [
        ("dots.txt", "../../etc/passwd镇2021年工作总结"),
        ("slash.txt", "/tmp/evil镇2021年工作总结"),
        ("nul.txt", "南\0麂镇2021年工作总结"),
        ("drive.txt", "C:\\Windows\\镇2021年工作总结"),
        ("drive-only.txt", "C:镇2021年工作总结"),
        ("con.txt", "CON镇2021年工作总结"),
        ("nul-device.txt", "NUL乡2021年工作总结"),
        ("aux.txt", "aux街道2021年工作总结"),
        ("fullwidth.txt", "\u{FF0E}\u{FF0E}\u{FF0F}镇2021年工作总结"),
        // File names a shell would trip over; the name is kept as `source`.
        ("..json.txt", "岱西镇2021年工作总结"),
        ("-rf.txt", "芦浦镇2021年工作总结"),
        ("con", "南塘镇2021年工作总结"),
        ("esc\u{1b}]0;PWNED\u{7}.txt", "石桥镇2021年工作总结"),
        ("new\nline.txt", "木洞镇2021年工作总结"),
    ];
    let files: Vec<PathBuf> = titles
        .iter()
        .map(|(name, title)| write_text(&raw, name, &format!("{title}{BODY}")))
        .collect();
    let before = files_under(tmp.path());
    let out = tmp.path().join("deep/out");
    let (code, stdout, stderr) = run_baogao(tmp.path(), &import_args(&out, &files, false));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        !stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'),
        "{stdout:?}{stderr:?}"
    );

    // Nothing new anywhere but report files in the output directory.
    let new: Vec<PathBuf> = files_under(tmp.path())
        .difference(&before)
        .cloned()
        .collect();
    assert_eq!(new.len(), titles.len(), "{new:#?}");
    for path in &new {
        let relative = path
            .strip_prefix("deep/out")
            .unwrap_or_else(|_| panic!("{path:?} is outside"));
        let name = relative.to_str().expect("an ASCII name");
        let id = name
            .strip_suffix(".json")
            .unwrap_or_else(|| panic!("{name}"));
        assert!(is_valid_id(id), "{name}");
    }
    let loaded = load_dir(&out).expect("the output loads");
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    assert!(validate(&loaded).is_empty(), "{:#?}", validate(&loaded));
    // The odd file name is kept as the report's source, made safe on load.
    let escaped = loaded
        .reports
        .iter()
        .find(|r| r.report.title.starts_with("石桥镇"))
        .expect("imported");
    assert_eq!(escaped.report.source.as_deref(), Some("esc.txt"));
}

/// Run `baogao import` with writes to files capped at `max_file_bytes`.
fn import_on_a_full_disk(cwd: &Path, args: &[&OsStr], max_file_bytes: u64) -> (i32, String) {
    use nix::sys::resource::{Resource, setrlimit};
    use nix::sys::signal::{SigHandler, Signal, signal};
    use std::os::unix::process::CommandExt;
    let mut command = Command::new(env!("CARGO_BIN_EXE_baogao"));
    command.current_dir(cwd).args(args);
    // SAFETY: between fork and exec only async-signal-safe calls are made
    // (setrlimit, sigaction); nothing allocates or takes a lock.
    unsafe {
        command.pre_exec(move || {
            setrlimit(Resource::RLIMIT_FSIZE, max_file_bytes, max_file_bytes)?;
            signal(Signal::SIGXFSZ, SigHandler::SigIgn)?;
            Ok(())
        });
    }
    let output = command.output().expect("baogao runs");
    let code = output.status.code().expect("baogao exits, not killed");
    assert_ne!(code, 101, "panicked");
    (code, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[cfg(unix)]
#[test]
fn an_import_cut_off_by_a_full_disk_leaves_no_partial_file_and_keeps_the_old_one() {
    let tmp = temp_dir();
    let out = tmp.path().join("out");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
    // Its JSON is about 28 KB; the small one well under the limit.
    let big = seeds.join("001_cc03cb1b8fd4d28d.txt");
    let small = write_text(
        tmp.path(),
        "small.txt",
        &format!("南麂镇2021年工作总结{BODY}"),
    );
    let files = [big.clone(), small];
    let (code, stderr) = import_on_a_full_disk(tmp.path(), &import_args(&out, &files, false), 8192);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(
        stderr.contains("1 of 2 files were not imported"),
        "{stderr}"
    );
    let written: Vec<PathBuf> = files_under(&out).into_iter().collect();
    assert_eq!(
        written,
        [PathBuf::from("pingyang-nanji-2021-work-summary.json")],
        "no partial file"
    );

    // The same again over a complete earlier import, with --force: the old
    // file stays whole rather than half overwritten.
    let (code, stdout, stderr) = run_baogao(tmp.path(), &import_args(&out, &files[..1], false));
    assert_eq!(code, 0, "{stdout}{stderr}");
    let before: Vec<(PathBuf, Vec<u8>)> = files_under(&out)
        .into_iter()
        .map(|name| {
            (
                name.clone(),
                std::fs::read(out.join(&name)).expect("readable"),
            )
        })
        .collect();
    let (code, stderr) =
        import_on_a_full_disk(tmp.path(), &import_args(&out, &files[..1], true), 8192);
    assert_eq!(code, 1, "{stderr}");
    let after: Vec<(PathBuf, Vec<u8>)> = files_under(&out)
        .into_iter()
        .map(|name| {
            (
                name.clone(),
                std::fs::read(out.join(&name)).expect("readable"),
            )
        })
        .collect();
    assert!(before == after, "the output directory changed");
}

/// Permissions do not stop root, so as root this says so and checks nothing.
#[cfg(unix)]
#[test]
fn a_read_only_output_directory_is_an_error_with_nothing_left_behind() {
    use std::os::unix::fs::PermissionsExt;
    if running_as_root() {
        eprintln!(
            "skipped: running as root, a read-only directory is writable (see the RLIMIT_FSIZE test)"
        );
        return;
    }
    let tmp = temp_dir();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).expect("out");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let file = write_text(tmp.path(), "a.txt", &format!("南麂镇2021年工作总结{BODY}"));
    let (code, _, stderr) = run_baogao(tmp.path(), &import_args(&out, &[file], false));
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(files_under(&out).is_empty());
}

/// 50 MB when optimised; a debug build imports about 1 MB a second, so
/// there the same text is cut to 2 MB to keep `cargo test` quick (the
/// release run is `cargo test --release --test hostile_import`).
const BIG_RAW_BYTES: usize = if cfg!(debug_assertions) {
    2 << 20
} else {
    50 << 20
};

#[test]
fn a_raw_file_of_many_megabytes_imports_into_one_report() {
    let tmp = temp_dir();
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw/003_1b51e6149a5ea426.txt"),
    )
    .expect("a seed");
    // The seed's text, then its body over and over: one long report.
    let body = seed
        .split_once('\n')
        .map_or(seed.as_str(), |(_, body)| body);
    let mut text = String::with_capacity(BIG_RAW_BYTES + seed.len());
    text.push_str(&seed);
    while text.len() < BIG_RAW_BYTES {
        text.push('\n');
        text.push_str(body);
    }
    let raw = write_text(tmp.path(), "big.txt", &text);
    let out = tmp.path().join("out");
    let (code, stdout, stderr) = run_baogao(tmp.path(), &import_args(&out, &[raw], false));
    assert_eq!(code, 0, "{stderr}");
    let written: Vec<PathBuf> = files_under(&out).into_iter().collect();
    assert_eq!(written.len(), 1, "{written:?}");
    let loaded = load_dir(&out).expect("loads");
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let report = &loaded.reports[0].report;
    let copies = text.matches(body).count();
    assert!(report.section_count() >= copies, "{stdout}");
    assert!(stdout.starts_with(&report.id), "{stdout}");
}

#[test]
fn a_raw_file_of_random_bytes_is_refused_as_not_text() {
    let tmp = temp_dir();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..BIG_RAW_BYTES / 4)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let raw = write_bytes(tmp.path(), "noise.txt", &bytes);
    let out = tmp.path().join("out");
    let (code, _, stderr) = run_baogao(tmp.path(), &import_args(&out, &[raw], false));
    assert_eq!(code, 1);
    assert!(stderr.contains("not a text file"), "{stderr}");
    assert!(files_under(&out).is_empty());
}
