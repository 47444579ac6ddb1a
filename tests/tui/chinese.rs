//! The reader in Chinese: the main screens drawn with the Chinese
//! catalogue at 120×40 and 50×20 (snapshots `tui__chinese__*`), and the
//! measured check that every Chinese string drawn on them is drawn whole:
//! notices in the status bar, the frame titles, the search popup's lines,
//! and no row of text starting with a closing mark.

use crate::open_nanji;
use baogao_i18n::{Language, lookup, with_language};
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::bundled_library;
use baogao_testkit::keys::{key, press};
use baogao_testkit::screen::{rows, screen};
use baogao_tui::app::App;
use crossterm::event::{KeyCode, KeyModifiers};

const SIZES: [(u16, u16); 2] = [(120, 40), (50, 20)];

/// Marks that must never begin a line of Chinese text (避头尾).
const NO_LINE_START: &[char] = &['，', '。', '、', '；', '：', '）', '」', '》', '！', '？'];

/// The screen after `keys`, drawn in Chinese at `width`×`height`.
fn zh_rows(width: u16, height: u16, keys: impl Fn(&mut App)) -> Vec<String> {
    with_language(Language::Chinese, || {
        let library = bundled_library();
        let mut app = app(&library);
        draw(&mut app, width, height);
        keys(&mut app);
        rows(&draw(&mut app, width, height))
    })
}

/// No piece of text between borders starts with a closing mark.
fn assert_no_bad_line_start(rows: &[String]) {
    for row in rows {
        for piece in row.split(['│', '|']) {
            let text = piece.trim_start();
            assert!(
                !text.starts_with(NO_LINE_START),
                "a line starts with a closing mark: {row:?}"
            );
        }
    }
}

fn zh(key: &str) -> &'static str {
    lookup(Language::Chinese, key)
}

fn assert_shown(rows: &[String], text: &str, what: &str) {
    assert!(
        rows.iter().any(|row| row.contains(text)),
        "{what}: {text:?} is not drawn whole in\n{}",
        rows.join("\n")
    );
}

/// Snapshot the screens after `keys`; with `starts`, check line starts too
/// (not where a layer covers report text: the page behind it is cut
/// anywhere by the layer's edge).
fn assert_screens(name: &str, starts: bool, keys: impl Fn(&mut App) + Copy) {
    for (width, height) in SIZES {
        let rows = zh_rows(width, height, keys);
        if starts {
            assert_no_bad_line_start(&rows);
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), rows.join("\n"));
    }
}

#[test]
fn first_screen_in_chinese() {
    assert_screens("zh_first_screen", true, |_| {});
    for (width, height) in SIZES {
        let rows = zh_rows(width, height, |_| {});
        // The footer leads with help; the tree's title says its grouping.
        assert_shown(&rows, zh("help"), "footer");
        assert_shown(&rows, zh("grouping.place"), "tree title");
    }
}

#[test]
fn help_in_chinese() {
    assert_screens("zh_help", false, |app| {
        open_nanji(app);
        press(app, "?");
    });
    for (width, height) in SIZES {
        let rows = zh_rows(width, height, |app| press(app, "?"));
        assert_shown(&rows, zh("scope.global"), "help");
    }
}

#[test]
fn search_popup_in_chinese() {
    assert_screens("zh_search_results", true, |app| press(app, "/dangjian"));
    for (width, height) in SIZES {
        let rows = zh_rows(width, height, |app| press(app, "/"));
        assert_shown(&rows, zh("search.title"), "search frame");
        let rows = zh_rows(width, height, |app| {
            press(app, "/");
            key(app, KeyCode::Tab, KeyModifiers::NONE);
        });
        assert_shown(&rows, zh("search.hint.text"), "full-text hint");
    }
}

#[test]
fn reading_and_the_outline_in_chinese() {
    assert_screens("zh_reading", true, |app| {
        open_nanji(app);
        press(app, " ");
    });
    assert_screens("zh_outline", false, |app| {
        open_nanji(app);
        press(app, "o");
    });
}

/// Keys that lead to a state.
type Keys = fn(&mut App);

/// Every notice the keys below give is drawn whole in the status bar at
/// both sizes: measured on the drawn screen, not assumed from a count.
#[test]
fn notices_fit_the_status_bar() {
    let cases: [(&str, Keys); 4] = [
        ("notice.nothing_to_repeat", |app| press(app, "n")),
        ("notice.punct_written", |app| {
            open_nanji(app);
            press(app, "p");
        }),
        ("notice.punct_full", |app| {
            open_nanji(app);
            press(app, "pp");
        }),
        ("notice.no_open_report", |app| {
            press(app, "/");
            key(app, KeyCode::Char('r'), KeyModifiers::CONTROL);
        }),
    ];
    for (width, height) in SIZES {
        for (notice, keys) in cases {
            let rows = zh_rows(width, height, keys);
            assert_shown(&rows, zh(notice), notice);
        }
    }
}

/// With the default (English) catalogue the same screen has no Chinese
/// interface words: the language is per thread, and English by default.
#[test]
fn english_stays_english() {
    let library = bundled_library();
    let mut app = app(&library);
    let text = screen(&draw(&mut app, 120, 40));
    assert!(text.contains("help"), "{text}");
    assert!(!text.contains(zh("help")), "{text}");
}

/// The copy notice, with a heading in it, still fits a narrow status bar.
#[test]
fn the_copy_notice_fits_in_chinese() {
    for (width, height) in SIZES {
        let rows = zh_rows(width, height, |app| {
            open_nanji(app);
            press(app, "y");
        });
        assert_shown(&rows, "已复制「一、2020年工作总」", "copy notice");
        assert_shown(&rows, "字）到剪贴板", "copy notice");
    }
}

/// What a change of the library on disk did is drawn whole in a narrow
/// status bar too, with no row starting with a closing mark.
#[test]
fn the_library_change_notice_fits_in_chinese() {
    use baogao_report::library::ChangeCount;
    use baogao_tui::app::Changes;
    for (width, height) in SIZES {
        let rows = with_language(Language::Chinese, || {
            let old = bundled_library();
            let mut app = app(&old);
            open_nanji(&mut app);
            draw(&mut app, width, height);
            let carried = app.carry();
            drop(app);
            let new = bundled_library();
            let mut app = baogao_tui::app::App::new(
                &new,
                baogao_layout::Widths::default(),
                baogao_tui::theme::Theme::default(),
            );
            let count = ChangeCount {
                added: 1,
                updated: 2,
                removed: 0,
            };
            app.take_over(carried, &Changes { count, broken: 0 });
            rows(&draw(&mut app, width, height))
        });
        assert_no_bad_line_start(&rows);
        assert_shown(&rows, "书库已更新：新增 1 份，更新 2 份", "change notice");
    }
}
