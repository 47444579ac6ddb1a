//! Whole screens, kept as snapshots (`tests/tui/snapshots/tui__screens__*`):
//! the main states of the reader on the bundled reports, each at 120×40 and
//! at 50×20, where one pane fills the screen. The other modules check what
//! matters in each state; a snapshot shows everything else on the screen
//! too, so that any change to it is seen and reviewed.

use crate::open_nanji;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::bundled_library;
use baogao_testkit::keys::press;
use baogao_testkit::screen::screen;
use baogao_tui::app::App;

/// The sizes of every state: a roomy terminal, and a narrow one (one pane).
const SIZES: [(u16, u16); 2] = [(120, 40), (50, 20)];

/// Draw a fresh reader at each size after `keys`, and compare the screen
/// with the snapshot `<name>_<width>x<height>`. The reader is drawn once
/// before the keys, as the event loop does, so that they act on a laid-out
/// screen.
fn assert_screens(name: &str, keys: impl Fn(&mut App)) {
    let library = bundled_library();
    for (width, height) in SIZES {
        let mut app = app(&library);
        draw(&mut app, width, height);
        keys(&mut app);
        let text = screen(&draw(&mut app, width, height));
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
    }
}

/// What `baogao` shows first: the tree of townships (and, when there is
/// room, the empty reader beside it).
#[test]
fn first_screen() {
    assert_screens("first_screen", |_| {});
}

/// A report being read: 南麂镇's first section, a page on.
#[test]
fn reading_a_report() {
    assert_screens("reading", |app| {
        open_nanji(app);
        press(app, " ");
    });
}

/// The tree focused while a report is open: beside the reader when there
/// is room, alone on a narrow screen.
#[test]
fn the_tree_while_reading() {
    assert_screens("tree_while_reading", |app| {
        open_nanji(app);
        press(app, "\t");
    });
}

/// The search popup over the tree, with the results of a pinyin query.
#[test]
fn search_popup_with_results() {
    assert_screens("search_results", |app| press(app, "/dangjian"));
}

/// The help layer over a report being read.
#[test]
fn help_layer() {
    assert_screens("help", |app| {
        open_nanji(app);
        press(app, "?");
    });
}
