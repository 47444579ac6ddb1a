//! The jump list (Ctrl-O, Ctrl-I/Ctrl-N) and bookmarks (m, ', M): in
//! memory on the bundled reports, across a re-import that renumbers the
//! sections, and (in `e2e`) across runs and two readers at once.

use crate::open_nanji;
use baogao_report::library::Library;
use baogao_report::model::{Report, Section};
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::bundled_library;
use baogao_testkit::keys::{key, press};
use baogao_testkit::screen::screen;
use baogao_tui::app::App;
use baogao_tui::position::ReadingPosition;
use crossterm::event::{KeyCode, KeyModifiers};

fn section(app: &App) -> Vec<usize> {
    app.reading_position()
        .map(|p| p.section)
        .unwrap_or_default()
}

fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

#[test]
fn ctrl_o_goes_back_before_each_jump_and_ctrl_n_forward_again() {
    let library = bundled_library();
    let mut app = app(&library);
    draw(&mut app, 120, 40);
    open_nanji(&mut app);
    draw(&mut app, 120, 40);
    let start = section(&app);
    press(&mut app, "]");
    let second = section(&app);
    assert_ne!(start, second);
    press(&mut app, "]");
    let third = section(&app);
    assert_ne!(second, third);
    // Scrolling is not a jump.
    press(&mut app, "jj");
    ctrl(&mut app, 'o');
    assert_eq!(section(&app), second);
    ctrl(&mut app, 'o');
    assert_eq!(section(&app), start);
    ctrl(&mut app, 'o');
    assert_eq!(section(&app), start, "nothing older");
    ctrl(&mut app, 'n');
    assert_eq!(section(&app), second);
    ctrl(&mut app, 'i');
    assert_eq!(section(&app), third);
}

#[test]
fn a_mark_is_set_gone_back_to_and_listed() {
    let library = bundled_library();
    let mut app = app(&library);
    draw(&mut app, 120, 40);
    open_nanji(&mut app);
    press(&mut app, "jjj");
    let marked = app.reading_position();
    press(&mut app, "ma");
    assert!(screen(&draw(&mut app, 120, 40)).contains("mark a set"));
    press(&mut app, "}}");
    assert_ne!(app.reading_position(), marked);
    press(&mut app, "'a");
    assert_eq!(app.reading_position(), marked);
    // Going to a mark is a jump.
    ctrl(&mut app, 'o');
    assert_ne!(app.reading_position(), marked);
    press(&mut app, "M");
    let list = screen(&draw(&mut app, 120, 40));
    assert!(list.contains("a  南麂镇"), "{list}");
    press(&mut app, "a");
    assert_eq!(app.reading_position(), marked);
    press(&mut app, "'z");
    assert!(screen(&draw(&mut app, 120, 40)).contains("no mark z"));
}

/// A report imported again with a section added before the marked one:
/// the mark finds its section by its heading, not by the old path.
#[test]
fn a_mark_survives_a_re_import_that_renumbers_sections() {
    let report = |extra: bool| {
        let section = |heading: &str| Section {
            heading: heading.to_string(),
            paragraphs: vec![format!("{heading}的正文。")],
            sections: Vec::new(),
        };
        let mut sections = vec![section("一、总结"), section("二、计划")];
        if extra {
            sections.insert(0, section("一、前言"));
        }
        let json = serde_json::json!({
            "schema": 1, "id": "a-2020-work-summary", "title": "甲镇2020年工作总结",
            "township": "甲镇", "year": 2020, "period": "annual", "kind": "work-summary",
            "sections": [],
        });
        let mut report: Report = serde_json::from_value(json).expect("a report");
        report.sections = sections;
        report
    };
    let before = Library::new(vec![report(false)]);
    let mut app = app(&before);
    draw(&mut app, 120, 40);
    // Reading the second section, mark it.
    let at = ReadingPosition {
        report_id: "a-2020-work-summary".to_string(),
        section: vec![1],
        block: 1,
        offset: 0,
    };
    assert!(app.resume(&at));
    draw(&mut app, 120, 40);
    assert_eq!(section(&app), vec![1]);
    press(&mut app, "mb");
    let kept = app.kept();

    let after = Library::new(vec![report(true)]);
    let mut again = baogao_testkit::draw::app(&after);
    again.set_kept(kept);
    draw(&mut again, 120, 40);
    press(&mut again, "'b");
    assert_eq!(section(&again), vec![2], "found by its heading 二、计划");
}

/// `y` copies the section being read, `Y` the whole report; the notice
/// says what and how much.
#[test]
fn y_copies_the_section_and_capital_y_the_report() {
    let library = bundled_library();
    let mut app = app(&library);
    draw(&mut app, 120, 40);
    open_nanji(&mut app);
    press(&mut app, "y");
    let section = app.take_clipboard().expect("y copies");
    assert!(section.starts_with("一、2020年工作总结\n"), "{section}");
    assert!(!section.contains("二、2021年工作计划"));
    assert!(screen(&draw(&mut app, 120, 40)).contains("copied 一、2020年工作总"));
    press(&mut app, "Y");
    let report = app.take_clipboard().expect("Y copies");
    assert!(report.starts_with("南麂镇2020年工作总结"), "{report}");
    assert!(report.contains("二、2021年工作计划"));
    assert_eq!(app.take_clipboard(), None, "sent once");
}
