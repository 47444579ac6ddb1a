//! Hostile input shown by the real reader in a pseudo-terminal: what a
//! report file holds must never reach the terminal as a command, big and
//! broken libraries open, a state file that cannot be used costs a notice,
//! and a storm of resizes ends on the right frame.

use crate::support::*;
use baogao_testkit::fixtures::{temp_dir, write_bytes, write_json, write_text};
use baogao_testkit::pty::Session;
use serde_json::json;
use std::path::Path;
use std::time::Duration;

/// The binary under test, run in the pseudo-terminal.
const BAOGAO: &str = env!("CARGO_BIN_EXE_baogao");

/// Generous: a debug build lays a 10 MB paragraph out in about a second,
/// and other builds share the machine.
const WAIT: Duration = Duration::from_secs(30);

fn open(library: &Path, cols: u16, rows: u16, state: &Path) -> Session {
    Session::start(
        BAOGAO,
        &[library.to_str().expect("a UTF-8 path")],
        cols,
        rows,
        state,
    )
}

/// Quit with `q` and check the exit status and that the terminal is back.
fn quit(session: &mut Session, expected_code: u32) {
    session.send(b"q");
    assert_eq!(
        session.wait_exit(WAIT),
        expected_code,
        "{}",
        session.screen()
    );
    assert!(session.main_screen_with_cursor(), "{}", session.screen());
    assert!(session.is_cooked());
}

/// Every payload here is a command a terminal would act on (set the window
/// title, write the clipboard, colour, query, clear the screen), each with a
/// marker no part of baogao writes.
const HOSTILE: &str = "前文\u{1b}]0;PWNED-TITLE\u{7}中\u{1b}]52;c;UFdORUQ=\u{7}间\
     \u{1b}[38;5;201m红\u{1b}P1$qPWNED-DCS\u{1b}\\后\u{1b}_PWNED-APC\u{1b}\\文\
     \u{9b}38;5;202m尾\u{9d}0;PWNED-C1\u{9c}声\u{1b}[2J\u{1b}c\u{1b}[5n\u{90}PWNED-DCS8\u{9c}\
     \u{202e}倒置\u{202c}零\u{200b}宽\u{2066}隔\u{2069}笑😀家👨\u{200d}👩\u{200d}👧e\u{301}\u{302}音\
     \u{7}铃\u{8}退\u{85}下\u{7f}删";

/// What the reader shows of [`HOSTILE`]: the text around every sequence, the
/// other controls as visible pictures. (NEL, a C1 control, becomes U+FFFD,
/// which the emulator does not draw: that one is looked for in the output.)
const SHOWN: &[&str] = &["前文中间红后文尾声", "倒置零宽隔笑😀", "␇铃␈退下", "␡删"];

/// Where the pane borders are: the columns of the corners in the row that
/// closes the panes, which holds no report text.
fn border_columns(cells: &[Vec<String>]) -> (usize, Vec<usize>) {
    let bottom = cells
        .iter()
        .rposition(|row| row.first().is_some_and(|cell| cell == "└"))
        .expect("the panes' bottom border");
    let columns = cells[bottom]
        .iter()
        .enumerate()
        .filter(|(_, cell)| *cell == "└" || *cell == "┘")
        .map(|(column, _)| column)
        .collect();
    (bottom, columns)
}

/// Every row of the panes has a border glyph in every border column.
fn assert_borders_aligned(session: &Session) {
    let cells = session.cells();
    let (bottom, columns) = border_columns(&cells);
    assert_eq!(
        columns.len(),
        4,
        "two panes side by side:\n{}",
        session.screen()
    );
    for (row, line) in cells.iter().enumerate().take(bottom + 1) {
        for &column in &columns {
            let cell = line[column].as_str();
            assert!(
                matches!(cell, "│" | "┌" | "┐" | "└" | "┘"),
                "row {row}, column {column} holds {cell:?}:\n{}",
                session.screen()
            );
        }
    }
}

#[test]
fn escape_sequences_in_a_report_never_reach_the_terminal_and_the_borders_stay_put() {
    let library = temp_dir();
    let state = temp_dir();
    let paragraph = HOSTILE.repeat(6);
    let mut hostile = report(
        "hostile",
        &format!("标题{HOSTILE}"),
        Some("恶镇"),
        json!([
            section(&format!("一、{HOSTILE}"), &[HOSTILE, &paragraph]),
            section("二、后", &["结尾。"])
        ]),
    );
    hostile["publisher"] = json!(HOSTILE);
    hostile["preamble"] = json!([HOSTILE]);
    write_json(library.path(), "hostile.json", &hostile);

    let mut session = open(library.path(), 100, 30, state.path());
    session.wait_for("恶镇", WAIT);
    // Open the township and year, select the report (its front shows), open
    // its sections in the tree, select the first (its text shows).
    session.send(b"ljljlj");
    let screen = session.wait_for("一、前文", WAIT);
    for shown in SHOWN {
        assert!(screen.contains(shown), "{shown:?} missing:\n{screen}");
    }
    assert_borders_aligned(&session);
    // Read on through the section, a line and a page at a time.
    session.send(b"\tj j ");
    session.wait_for("结尾。", WAIT);
    assert_borders_aligned(&session);
    quit(&mut session, 0);

    let raw = session.raw_output();
    let output = String::from_utf8(raw).expect("baogao writes UTF-8");
    assert!(
        output.contains('\u{fffd}'),
        "no placeholder for the C1 control"
    );
    for marker in [
        "PWNED",
        "UFdORUQ",
        "38;5;201",
        "38;5;202",
        "\u{1b}[2J",
        "\u{1b}c",
        "\u{1b}[5n",
    ] {
        assert!(!output.contains(marker), "{marker:?} reached the terminal");
    }
    // No command string of any kind, no C1 control, no bidi or invisible
    // character: baogao itself writes only CSI sequences, and the one
    // question about the terminal's background (OSC 11) at start.
    let output = output.replacen("\u{1b}]11;?\u{1b}\\", "", 1);
    for introducer in ["\u{1b}]", "\u{1b}P", "\u{1b}_", "\u{1b}^", "\u{1b}X"] {
        assert!(
            !output.contains(introducer),
            "{introducer:?} reached the terminal"
        );
    }
    let forbidden = |c: char| {
        ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}')
            || (c.is_control() && !matches!(c, '\u{1b}' | '\r' | '\n'))
    };
    if let Some(bad) = output.chars().find(|&c| forbidden(c)) {
        panic!("U+{:04X} reached the terminal", bad as u32);
    }
}

#[test]
fn a_ten_megabyte_paragraph_is_read_to_its_last_line() {
    let library = temp_dir();
    let state = temp_dir();
    let unit = "全面推进乡村振兴，持续改善人居环境。";
    let paragraph = format!("{}【完】", unit.repeat((10 << 20) / unit.len()));
    let sections = [("一、大段", paragraph.as_str()), ("二、后", "尾段。")];
    write_text(library.path(), "big.json", &report_text("big", &sections));
    let mut session = open(library.path(), 100, 30, state.path());
    session.wait_for("大镇", WAIT);
    // The report's front, then the reader: its end, then back a section.
    session.send(b"ljlj\rG");
    let screen = session.wait_for("100%", WAIT);
    assert!(
        screen.contains("【完】") && screen.contains("尾段。"),
        "{screen}"
    );
    session.send(b"[");
    session.wait_until(
        |screen| {
            screen
                .lines()
                .nth(2)
                .is_some_and(|line| line.contains("│ 一、大段"))
        },
        WAIT,
        "the long section at the top",
    );
    assert_borders_aligned(&session);
    quit(&mut session, 0);
}

#[test]
fn a_hundred_thousand_sections_fill_the_tree_and_the_last_one_reads() {
    let library = temp_dir();
    let state = temp_dir();
    let headings: Vec<String> = (0..100_000).map(|i| format!("第{i}节")).collect();
    let sections: Vec<(&str, &str)> = headings.iter().map(|h| (h.as_str(), "段落。")).collect();
    write_text(library.path(), "many.json", &report_text("many", &sections));
    let mut session = open(library.path(), 100, 30, state.path());
    session.wait_for("大镇", WAIT);
    // Open the report's sections in the tree, go to the last row, read it.
    session.send(b"ljljlG");
    session.wait_for("第99999节", WAIT);
    session.send(b"\r");
    let screen = session.wait_for("100%", WAIT);
    assert!(
        screen.contains("大镇 · 2021 · 标题 · 第99999节"),
        "{screen}"
    );
    assert_borders_aligned(&session);
    quit(&mut session, 0);
}

#[test]
fn an_empty_library_opens_and_says_so() {
    let library = temp_dir();
    let state = temp_dir();
    let mut session = open(library.path(), 80, 24, state.path());
    session.wait_for("No reports here yet.", WAIT);
    session.send(b"jjlG\r\t ]?");
    session.wait_for("Keys (j/k scroll)", WAIT);
    session.send(b"q");
    session.wait_for("No reports here yet.", WAIT);
    quit(&mut session, 0);
}

#[test]
fn a_library_of_only_broken_files_opens_and_names_each_on_quit() {
    let library = temp_dir();
    let state = temp_dir();
    write_text(library.path(), "bad-json.json", "{\"schema\": 1,");
    write_bytes(library.path(), "bad-utf8.json", b"{\"id\": \"\xff\"}");
    write_text(
        library.path(),
        "too-deep.json",
        &deep_report_text("deep", 10_000),
    );
    let mut session = open(library.path(), 100, 30, state.path());
    session.wait_for("3 file(s) could not be loaded", WAIT);
    session.wait_for("No reports here yet.", WAIT);
    // Problems found: exit status 1, and each file named once after the reader.
    quit(&mut session, 1);
    let screen = session.screen();
    for name in ["bad-json.json:1:", "bad-utf8.json:1:", "too-deep.json:1:"] {
        assert_eq!(screen.matches(name).count(), 1, "{name} once:\n{screen}");
    }
}

#[test]
fn reports_sharing_an_id_are_both_in_the_tree_and_both_read() {
    let library = temp_dir();
    let state = temp_dir();
    let sections = json!([section("一、总结", &["正文。"])]);
    let first = report(
        "dup",
        "一稿芦浦镇2021年工作总结",
        Some("芦浦镇"),
        sections.clone(),
    );
    let second = report("dup", "二稿芦浦镇2021年工作总结", Some("芦浦镇"), sections);
    write_json(library.path(), "a/dup.json", &first);
    write_json(library.path(), "b/dup.json", &second);
    let mut session = open(library.path(), 100, 30, state.path());
    session.wait_for("芦浦镇", WAIT);
    session.send(b"ljl");
    let screen = session.wait_for("二稿", WAIT);
    assert!(screen.contains("一稿"), "{screen}");
    // The second row reads the second report, not the first with that id.
    session.send(b"jj\r");
    session.wait_until(
        |screen| {
            screen
                .lines()
                .any(|line| line.contains("芦浦镇 · 2021 · 二稿芦浦镇2021年工作总结"))
        },
        WAIT,
        "the second report in the status bar",
    );
    quit(&mut session, 0);
}

/// The state directory is made unusable in ways that stop root too: the
/// state file is a directory, or the directory for it is a file.
#[test]
fn a_state_file_that_cannot_be_read_or_written_costs_one_notice() {
    for (case, blocker) in [
        ("state.json is a directory", "baogao/state.json"),
        ("baogao is a file", "baogao"),
    ] {
        let library = temp_dir();
        let state = temp_dir();
        good_library(library.path());
        let blocked = state.path().join(blocker);
        if case.ends_with("directory") {
            std::fs::create_dir_all(&blocked).expect("a directory");
            write_text(&blocked, "keep.txt", "mine");
        } else {
            write_text(state.path(), blocker, "mine");
        }
        let mut session = open(library.path(), 100, 30, state.path());
        session.wait_for("reading-position file unusable", WAIT);
        session.send(b"ljlj\r");
        session.wait_for("正文。", WAIT);
        quit(&mut session, 0);
        let screen = session.screen();
        let warnings: Vec<&str> = screen
            .lines()
            .filter(|line| line.starts_with("warning:"))
            .collect();
        assert_eq!(
            warnings.len(),
            2,
            "{case}: read, then save, once each:\n{screen}"
        );
        assert!(
            warnings[0].contains("cannot read the reading-position file"),
            "{case}: {screen}"
        );
        assert!(
            warnings[1].contains("cannot save the reading position"),
            "{case}: {screen}"
        );
        // What stood in the way is as it was.
        let kept = if blocked.is_dir() {
            blocked.join("keep.txt")
        } else {
            blocked.clone()
        };
        assert_eq!(
            std::fs::read_to_string(&kept).expect("kept"),
            "mine",
            "{case}"
        );
        let report = std::fs::read_to_string(library.path().join("good.json")).expect("kept");
        assert!(report.contains("正文。"), "{case}");
    }
}

fn good_library(dir: &Path) {
    let good = report(
        "good",
        "乙镇2021年工作总结",
        Some("乙镇"),
        json!([section("一、总结", &["正文。"])]),
    );
    write_json(dir, "good.json", &good);
}

/// xorshift64: the storm is the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Open the bundled 南麂镇 report in the reader and go to its start.
fn read_nanji(session: &mut Session) {
    session.wait_for("Reports 5", WAIT);
    session.read_nanji(WAIT);
}

#[test]
fn a_storm_of_random_resizes_while_scrolling_ends_on_the_right_frame() {
    let state = temp_dir();
    let mut session = Session::start(BAOGAO, &[], 100, 30, state.path());
    read_nanji(&mut session);
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let keys: [&[u8]; 6] = [b" ", b"b", b"j", b"k", b"]", b"["];
    for step in 0..300 {
        // Every tenth size is degenerate: 0 or 1 in either direction.
        let (cols, rows) = match step % 10 {
            0 => ([0, 1][step / 10 % 2], rng.below(80) as u16),
            5 => (rng.below(250) as u16, [0, 1][step / 10 % 2]),
            _ => (rng.below(250) as u16, rng.below(80) as u16),
        };
        session.resize(cols, rows);
        session.send(keys[rng.below(keys.len() as u64) as usize]);
        // Time to draw at this size: events that queue up are handled
        // together and only the last size would be drawn.
        std::thread::sleep(Duration::from_millis(3));
    }
    session.resize(100, 30);
    // The frame at the final size first (its footer on the last row), so
    // that the key below is not handled before the last re-layout.
    session.wait_until(
        |screen| {
            screen
                .lines()
                .nth(29)
                .is_some_and(|line| line.contains("q/Ctrl-C quit"))
        },
        WAIT,
        "a frame at 100×30",
    );
    session.send(b"g");
    let after_storm = session.wait_until(
        |screen| screen.contains("南麂镇2020年工作总结") && screen.contains(" 0% "),
        WAIT,
        "the start of the report",
    );
    assert_borders_aligned(&session);
    quit(&mut session, 0);

    // The same report opened in a terminal that was never resized.
    let fresh_state = temp_dir();
    let mut fresh = Session::start(BAOGAO, &[], 100, 30, fresh_state.path());
    read_nanji(&mut fresh);
    fresh.send(b"g");
    let calm = fresh.wait_until(|screen| screen == after_storm, WAIT, "the same frame");
    assert_eq!(calm, after_storm);
    quit(&mut fresh, 0);
}
