//! End to end: the real binary in a pseudo-terminal, driven by keys, read
//! off the screen, and the terminal checked to be given back on exit.

use baogao_testkit::fixtures::{search_reports, temp_dir};
use baogao_testkit::pty::Session;
use std::time::Duration;
use tempfile::TempDir;

/// The binary under test, run in the pseudo-terminal.
const BAOGAO: &str = env!("CARGO_BIN_EXE_baogao");

const WAIT: Duration = Duration::from_secs(10);

#[test]
fn open_a_section_scroll_turn_the_page_and_quit() {
    let state = temp_dir();
    let mut session = Session::start(BAOGAO, &[], 120, 40, state.path());
    session.wait_for("Reports 5", WAIT);
    // Grouped by township (v): 岱西镇, 芦浦镇, 南麂镇, each with one report
    // on a row of its own: open 南麂镇's, then its first section.
    session.send(b"v");
    session.wait_for("by township", WAIT);
    session.send(b"gjjl");
    session.wait_for("一、2020年工作总结", WAIT);
    session.send(b"j\r");
    let screen = session.wait_for("（一）千方百计促发展", WAIT);
    assert!(
        screen.contains("南麂镇 · 平阳县 · 2020 · 南麂镇2020年工作总结"),
        "{screen}"
    );
    // On to the next section.
    session.send(b"]");
    let screen = session.wait_until(
        |screen| reader_rows(screen)[0].starts_with("（一）千方百计促发展"),
        WAIT,
        "（一） at the top of the reader",
    );
    let breadcrumb = screen.lines().nth(1).unwrap_or_default();
    assert!(
        breadcrumb.contains("一、2020年工作总结") && !breadcrumb.contains("（一）"),
        "{screen}"
    );
    // A line further: the breadcrumb names (一) now that its heading has gone up.
    session.send(b"j");
    session.wait_until(
        |screen| {
            screen
                .lines()
                .nth(1)
                .is_some_and(|line| line.contains("› （一）千方百计促发展"))
        },
        WAIT,
        "the breadcrumb of (一)",
    );
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
    assert!(
        session.main_screen_with_cursor(),
        "left on the alternate screen:\n{}",
        session.screen()
    );
    assert!(session.is_cooked(), "the terminal was left in raw mode");
    assert_output_ends_restored(&session.raw_output());
}

/// Start baogao, wait for its tree, and return the session.
fn started(cols: u16, rows: u16, state: &TempDir) -> Session {
    let session = Session::start(BAOGAO, &[], cols, rows, state.path());
    session.wait_for("Reports 5", WAIT);
    session
}

fn assert_restored(session: &Session) {
    assert!(
        session.main_screen_with_cursor(),
        "left on the alternate screen:\n{}",
        session.screen()
    );
    assert!(session.is_cooked(), "the terminal was left in raw mode");
    assert_output_ends_restored(&session.raw_output());
}

/// What baogao wrote ends by giving the terminal back: the last word on the
/// alternate screen is a leave (`?1049l`), on the cursor a show (`?25h`), on
/// mouse reporting an off (`?1000l`), and after those only plain text comes
/// (a warning, a panic message), no escape sequence.
fn assert_output_ends_restored(raw: &[u8]) {
    let output = String::from_utf8_lossy(raw);
    let tail = || output[output.len().saturating_sub(300)..].to_string();
    let mut restored_at = 0;
    for (on, off) in [
        ("\x1b[?1049h", "\x1b[?1049l"),
        ("\x1b[?25l", "\x1b[?25h"),
        ("\x1b[?1000h", "\x1b[?1000l"),
    ] {
        let last_off = output.rfind(off);
        assert!(
            last_off.is_some() && last_off > output.rfind(on),
            "{off:?} is not the last of {on:?}/{off:?}: {:?}",
            tail()
        );
        restored_at = restored_at.max(last_off.unwrap_or_default() + off.len());
    }
    assert!(
        !output[restored_at..].contains('\x1b'),
        "escape sequences after the terminal was given back: {:?}",
        tail()
    );
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let state = temp_dir();
    let mut session = started(80, 24, &state);
    session.send(b"\x03");
    assert_eq!(session.wait_exit(WAIT), 0);
    assert_restored(&session);
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    use nix::sys::signal::{Signal, kill};
    use nix::unistd::Pid;
    for signal in [Signal::SIGTERM, Signal::SIGHUP, Signal::SIGINT] {
        let state = temp_dir();
        let mut session = started(80, 24, &state);
        let pid = session.pid().expect("a process id");
        kill(Pid::from_raw(pid as i32), signal).expect("the signal is sent");
        assert_eq!(session.wait_exit(WAIT), 128 + signal as u32, "{signal}");
        assert_restored(&session);
    }
}

#[test]
fn resizing_at_any_moment_to_any_size_keeps_it_running() {
    let state = temp_dir();
    let mut session = started(120, 40, &state);
    session.send(b"vgjjlj\r");
    let sizes = [
        (40, 15),
        (1, 1),
        (0, 0),
        (200, 60),
        (29, 7),
        (30, 8),
        (2, 50),
        (50, 20),
        (120, 40),
    ];
    for (i, &(cols, rows)) in sizes.iter().cycle().take(90).enumerate() {
        session.resize(cols, rows);
        session.send(if i % 2 == 0 { b" " } else { b"b" });
    }
    session.resize(50, 20);
    session.send(b"g");
    session.wait_for("南麂镇", WAIT);
    session.resize(20, 5);
    session.wait_for("terminal too", WAIT);
    session.resize(120, 40);
    session.wait_for("Reports 5", WAIT);
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
    assert_restored(&session);
}

/// The panic hook gives the terminal back before the panic message is
/// printed (the trigger exists in debug builds only).
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_and_is_reported() {
    let state = temp_dir();
    let mut session = Session::start_with_env(
        BAOGAO,
        &[],
        80,
        24,
        state.path(),
        &[("BAOGAO_DEBUG_PANIC", "1")],
    );
    let code = session.wait_exit(WAIT);
    assert_ne!(code, 0);
    assert_restored(&session);
    let screen = session.screen();
    assert!(
        screen.contains("BAOGAO_DEBUG_PANIC is set"),
        "the panic message is readable:\n{screen}"
    );
}

/// The first reader rows under the breadcrumb: what is being read.
fn reader_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .skip(2)
        .take(5)
        .map(|line| line.split('│').nth(3).unwrap_or("").trim().to_string())
        .collect()
}

#[test]
fn reopening_returns_to_the_report_section_and_line_left() {
    let state = temp_dir();
    let mut session = started(120, 40, &state);
    session.read_nanji(WAIT);
    session.send(b"]]jjj");
    let screen = session.wait_until(
        |s| {
            s.lines()
                .nth(1)
                .is_some_and(|crumb| crumb.contains("（二）坚持不懈"))
                && !reader_rows(s)[0].contains("（二）")
        },
        WAIT,
        "three lines into （二）",
    );
    let left = reader_rows(&screen);
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
    let saved = std::fs::read_to_string(state.path().join("baogao/state.json"))
        .expect("the state file is written");
    assert!(saved.contains("nanji-2020-work-summary"), "{saved}");

    // Same width: the same lines. A narrower terminal: the same report and section.
    let mut again = Session::start(BAOGAO, &[], 120, 40, state.path());
    // The first frame can arrive in pieces: wait for the whole of it.
    let screen = again.wait_until(|s| reader_rows(s) == left, WAIT, "the lines left");
    assert!(screen.contains("南麂镇 · 平阳县 · 2020"), "{screen}");
    again.send(b"q");
    again.wait_exit(WAIT);
    let mut narrow = Session::start(BAOGAO, &[], 50, 20, state.path());
    let screen = narrow.wait_for("（二）坚持不懈", WAIT);
    assert!(screen.contains("南麂镇 · 平阳县 · 2020"), "{screen}");
    narrow.send(b"q");
    narrow.wait_exit(WAIT);
}

#[test]
fn a_corrupt_state_file_costs_a_notice_not_the_reading() {
    let state = temp_dir();
    std::fs::create_dir_all(state.path().join("baogao")).expect("state dir");
    std::fs::write(
        state.path().join("baogao/state.json"),
        "{\"schema\": 1, \"positions\": [oops",
    )
    .expect("corrupt file");
    // A notice that fits a narrow status bar while reading…
    let mut session = started(80, 24, &state);
    session.wait_for("reading-position file unusable", WAIT);
    session.read_nanji(WAIT);
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
    // …and the whole story, file:line:col and reason, once the terminal is back.
    let screen = session.screen();
    assert!(screen.contains("state.json:1:"), "{screen}");
    assert!(
        screen.contains("cannot use the reading-position file"),
        "{screen}"
    );
    let saved = std::fs::read_to_string(state.path().join("baogao/state.json")).expect("rewritten");
    assert!(saved.contains("nanji-2020-work-summary"), "{saved}");
}

#[test]
fn search_for_a_heading_by_pinyin_and_read_it() {
    let state = temp_dir();
    let mut session = started(120, 40, &state);
    session.send(b"/");
    session.wait_for("Headings and titles", WAIT);
    session.send("dangjian".as_bytes());
    session.wait_for("一是抓实党建责任", WAIT);
    session.send(b"\r");
    let screen = session.wait_until(
        |s| reader_rows(s)[0].starts_with("一是抓实党建责任"),
        WAIT,
        "the heading at the top of the reader",
    );
    // The status bar names the township (with its county where known).
    assert!(
        screen.contains("南塘镇 · ") && screen.contains("2022 · 南塘镇2022"),
        "{screen}"
    );
    assert!(
        !screen.contains("› dangjian"),
        "the popup closed:\n{screen}"
    );
    // n repeats the heading search: the next result opens.
    session.send(b"n");
    session.wait_for("result 2/", WAIT);
    // Full text from the shell's own input method: pasted Chinese.
    session.send(b"/\t\x1b[200~\xe5\x9e\x83\xe5\x9c\xbe\x1b[201~");
    session.wait_for("Full text · ", WAIT);
    session.send(b"\r");
    session.wait_for("hit 1/", WAIT);
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
    assert_restored(&session);
}

#[test]
fn loading_a_directory_is_announced_and_the_note_wiped_before_the_reader() {
    let state = temp_dir();
    let reports = search_reports();
    let dir = reports.to_str().expect("a UTF-8 path");
    let mut session = Session::start(BAOGAO, &[dir], 100, 30, state.path());
    session.wait_for("Reports", WAIT);
    let output = String::from_utf8_lossy(&session.raw_output()).into_owned();
    let reader = output.find("\x1b[?1049h").expect("the reader opened");
    assert!(
        output.starts_with(&format!("loading {dir}\u{2026}\r\x1b[2K")),
        "{:?}",
        &output[..reader.min(120)]
    );
    session.send(b"q");
    session.wait_exit(WAIT);
    assert_restored(&session);
    assert!(
        !session.screen().contains("loading"),
        "{}",
        session.screen()
    );
}

/// The real binary speaks Chinese under a Chinese locale (the footer, the
/// help) and English under LANG=C.
#[test]
fn the_locale_chooses_the_language_of_the_reader() {
    let state = temp_dir();
    let mut zh = Session::start_with_env(
        BAOGAO,
        &[],
        50,
        20,
        state.path(),
        &[("LANG", "zh_CN.UTF-8")],
    );
    zh.wait_for("帮助", WAIT);
    zh.send(b"?");
    zh.wait_for("按键", WAIT);
    zh.send(b"qq");
    zh.wait_exit(WAIT);
    let mut en = Session::start_with_env(BAOGAO, &[], 50, 20, state.path(), &[("LANG", "C")]);
    let screen = en.wait_for("help", WAIT);
    assert!(!screen.contains("帮助"), "{screen}");
    en.send(b"q");
    en.wait_exit(WAIT);
}

/// A settings file that rebinds `j` changes the reader's keys, its help
/// and its footer; a broken one is named with line:column and the reader
/// opens all the same.
#[test]
fn a_settings_file_rebinds_keys_and_a_broken_one_costs_a_notice() {
    let state = temp_dir();
    let dir = state.path().join("baogao");
    std::fs::create_dir_all(&dir).expect("the settings directory");
    std::fs::write(
        dir.join("config.toml"),
        "[keys.reader]\ndown = [\"e\", \"Down\"]\n[keys.tree]\ndown = [\"e\", \"Down\"]\n",
    )
    .expect("the settings file");
    let mut session = Session::start(BAOGAO, &[], 120, 40, state.path());
    let screen = session.wait_for("e/↓ move", WAIT);
    assert!(!screen.contains("j/↓"), "{screen}");
    session.send(b"?");
    let help = session.wait_for("select the row below", WAIT);
    assert!(
        help.lines()
            .any(|line| line.contains(" e/↓ ") && line.contains("select the row below")),
        "{help}"
    );
    session.send(b"q");
    session.send(b"q");
    session.wait_exit(WAIT);

    std::fs::write(dir.join("config.toml"), "theme = \"dark\"\nmeasure = = 3\n")
        .expect("a broken settings file");
    let mut broken = Session::start(BAOGAO, &[], 120, 40, state.path());
    broken.wait_for("config.toml:2:", WAIT);
    broken.wait_for("Reports", WAIT);
    broken.send(b"q");
    broken.wait_exit(WAIT);
}

/// Open 南麂镇's report at its first section in a fresh session.
fn open_nanji_in(session: &mut Session) {
    session.wait_for("Reports 5", WAIT);
    session.send(b"v");
    session.wait_for("by township", WAIT);
    session.send(b"gjjl");
    session.wait_for("一、2020年工作总结", WAIT);
    session.send(b"j\r");
    session.wait_for("（一）千方百计促发展", WAIT);
}

/// Two readers open at once, each setting a mark, then quitting: the
/// state file keeps both marks (merged on write, under a lock), and a third
/// run lists them and goes to one; the jump list is kept too.
#[test]
fn marks_of_two_readers_at_once_are_both_kept_across_runs() {
    let state = temp_dir();
    let mut first = Session::start(BAOGAO, &[], 120, 40, state.path());
    let mut second = Session::start(BAOGAO, &[], 120, 40, state.path());
    open_nanji_in(&mut first);
    open_nanji_in(&mut second);
    first.send(b"ma");
    first.wait_for("mark a set", WAIT);
    second.send(b"]]mb");
    second.wait_for("mark b set", WAIT);
    second.send(b"}");
    first.send(b"q");
    second.send(b"q");
    first.wait_exit(WAIT);
    second.wait_exit(WAIT);
    let text =
        std::fs::read_to_string(state.path().join("baogao/state.json")).expect("the state file");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let marks = &json["kept"]["bundled"]["marks"];
    assert!(
        marks.get("a").is_some() && marks.get("b").is_some(),
        "{text}"
    );

    let mut third = Session::start(BAOGAO, &[], 120, 40, state.path());
    third.wait_for("南麂镇", WAIT);
    third.send(b"M");
    let list = third.wait_for("b  南麂镇", WAIT);
    assert!(list.contains("a  南麂镇"), "{list}");
    third.send(b"a");
    third.wait_until(
        |screen| reader_rows(screen)[0].contains("一、2020年工作总结"),
        WAIT,
        "back at mark a",
    );
    third.send(b"q");
    third.wait_exit(WAIT);
}

/// `y` sends the section to the terminal's clipboard as OSC 52.
#[test]
fn y_sends_the_section_through_osc_52() {
    let state = temp_dir();
    let mut session = Session::start(BAOGAO, &[], 120, 40, state.path());
    open_nanji_in(&mut session);
    session.send(b"y");
    session.wait_for("copied", WAIT);
    let raw = session.raw_output();
    let start = raw
        .windows(7)
        .position(|w| w == b"\x1b]52;c;")
        .expect("an OSC 52 sequence");
    assert!(raw[start..].contains(&0x07), "the sequence ends");
    session.send(b"q");
    session.wait_exit(WAIT);
}
