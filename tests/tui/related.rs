//! The related list (`R`) in the real binary, at 120×40 and at 50×20, in
//! both languages: it opens on the section being read, Enter reads a
//! related section, Ctrl-O comes back to where `R` was pressed and Ctrl-N
//! goes there again. The index is built in the background when `R` is
//! first pressed: the list says so until it arrives, and the test waits for
//! it to fill before it reads on.

use baogao_testkit::fixtures::temp_dir;
use baogao_testkit::pty::Session;
use std::time::Duration;

const BAOGAO: &str = env!("CARGO_BIN_EXE_baogao");
const WAIT: Duration = Duration::from_secs(10);

/// The status bar's row (above the footer), without the share read.
fn status(screen: &str, rows: u16) -> String {
    let row = screen
        .lines()
        .nth(usize::from(rows) - 2)
        .unwrap_or_default()
        .trim_end();
    row.trim_end_matches(|c: char| c.is_ascii_digit() || c == '%')
        .trim_end()
        .to_string()
}

fn related_jump_and_back(lang: &str, cols: u16, rows: u16, title: &str) {
    let state = temp_dir();
    let mut session = Session::start(BAOGAO, &["--lang", lang], cols, rows, state.path());
    session.wait_until(|s| s.contains('▸'), WAIT, "the tree");
    let before = status(&session.read_nanji(WAIT), rows);
    session.send(b"R");
    let listed = session.wait_until(
        |s| {
            s.contains(title)
                && !s.contains("Building the index")
                && !s.contains("正在为全部章节建立索引")
        },
        WAIT,
        "the related list filled",
    );
    // No row of the list starts with a closing mark or spills past the
    // frame: every row is as wide as the screen.
    for row in listed.lines() {
        let inner = row.trim_start_matches(['│', ' ']);
        assert!(
            !inner.starts_with(['，', '。', '、']),
            "a row starts with a closing mark: {listed}"
        );
    }
    session.send(b"\r");
    let read = session.wait_until(
        |s| !s.contains(title) && status(s, rows) != before,
        WAIT,
        "another report's section read",
    );
    let there = status(&read, rows);
    // Ctrl-O: back to the section R was pressed on.
    session.send(b"\x0f");
    session.wait_until(|s| status(s, rows) == before, WAIT, "Ctrl-O back");
    // Ctrl-N (Ctrl-I is Tab in a terminal): forth again.
    session.send(b"\x0e");
    session.wait_until(|s| status(s, rows) == there, WAIT, "Ctrl-N forth");
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
}

#[test]
fn related_then_ctrl_o_back_at_120x40() {
    related_jump_and_back("en", 120, 40, "Related · ");
}

#[test]
fn related_then_ctrl_o_back_at_50x20_in_chinese() {
    related_jump_and_back("zh", 50, 20, "相关章节 · ");
}

#[test]
fn related_then_ctrl_o_back_at_50x20() {
    related_jump_and_back("en", 50, 20, "Related · ");
}

#[test]
fn c_and_r_on_a_group_row_say_what_to_pick_in_chinese() {
    let state = temp_dir();
    let mut session = Session::start(BAOGAO, &["--lang", "zh"], 120, 40, state.path());
    session.wait_until(|s| s.contains('▸'), WAIT, "the tree");
    // The first row of the tree by place is a place.
    session.send(b"g");
    session.send(b"C");
    session.wait_for("对比：请先选一份报告", WAIT);
    session.send(b"R");
    session.wait_for("相关章节：请先选一个章节", WAIT);
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
}
