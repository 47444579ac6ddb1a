use super::*;
use crate::position::Mark;
use crate::theme::Theme;
use baogao_bundled::load_bundled;
use baogao_layout::Widths;
use baogao_report::library::{FileChange, Library};
use baogao_report::model::Report;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

const NANJI: &str = "pingyang-nanji-2020-work-summary";
const LUPU: &str = "yuhuan-lupu-2020-work-summary";

fn library() -> Library {
    Library::from_loaded(load_bundled().reports)
}

fn press(app: &mut App, code: KeyCode) {
    app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
    terminal.draw(|frame| app.draw(frame)).expect("draws");
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            text.push_str(symbol);
            // A wide character's second cell holds nothing of its own.
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(symbol).max(1)).unwrap_or(1);
        }
        text.push('\n');
    }
    text
}

fn position(id: &str, section: Vec<usize>, block: usize) -> ReadingPosition {
    ReadingPosition {
        report_id: id.to_string(),
        section,
        block,
        offset: 0,
    }
}

/// A copy of the 南麂镇 report under another id and township, as a new
/// file of the folder.
fn new_report() -> (PathBuf, FileChange) {
    let library = library();
    let mut report: Report = library.find(NANJI).expect("南麂镇").clone();
    report.id = "pingyang-xinzhen-2021-work-summary".to_string();
    report.township = Some("新镇".to_string());
    report.year = Some(2021);
    report.title = "新镇2021年工作总结".to_string();
    (
        PathBuf::from("data/reports/xinzhen.json"),
        FileChange::Report(Box::new(report)),
    )
}

/// The app over `library` changed by `changes`, taking up `old`.
fn changed<'a>(old: &App, new: &'a Library, count: ChangeCount) -> App<'a> {
    let carried = old.carry();
    let mut app = App::new(new, Widths::default(), Theme::default());
    app.take_over(carried, &Changes { count, broken: 0 });
    app
}

#[test]
fn a_report_added_keeps_the_reading_position_marks_and_folds() {
    let old = library();
    let mut app = App::new(&old, Widths::default(), Theme::default());
    assert!(app.resume(&position(NANJI, vec![1, 0], 1)));
    let mark = Mark {
        position: position(LUPU, vec![0], 0),
        heading: "一".to_string(),
    };
    let mut kept = app.kept();
    kept.marks.insert('a', mark);
    app.set_kept(kept);
    screen(&mut app, 120, 40);
    let before = app.reading_position();
    let tree_before: Vec<String> = app
        .tree
        .rows()
        .iter()
        .map(|r| format!("{:?}", r.id))
        .collect();
    let (new, count) = library().changed(vec![new_report()]);
    assert_eq!(count.added, 1);
    let mut app = changed(&app, &new, count);
    let shown = screen(&mut app, 120, 40);
    assert_eq!(app.reading_position(), before);
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.marks.contains_key(&'a'));
    // The way down to the section read is still open: as many rows, and
    // one more for the new report's place at the top.
    let labels = |app: &App| -> Vec<String> {
        app.tree
            .rows()
            .iter()
            .map(|row| match &row.id {
                NodeId::Group(g) => app.tree.shelf().groups[*g].label.clone(),
                other => format!("{other:?}"),
            })
            .collect()
    };
    assert!(
        app.tree.rows().len() >= tree_before.len(),
        "{tree_before:?}\n{:?}",
        labels(&app)
    );
    assert!(
        shown.contains("Library changed: 1 added"),
        "the status bar says what changed:\n{shown}"
    );
    assert!(
        shown.contains("新镇"),
        "the new report is in the tree:\n{shown}"
    );
}

#[test]
fn a_section_gone_reads_at_the_nearest_one_left() {
    let old = library();
    let mut report = old.find(NANJI).expect("南麂镇").clone();
    let top = report
        .sections
        .iter()
        .position(|s| s.sections.len() >= 2)
        .expect("a section with two subsections");
    let mut app = App::new(&old, Widths::default(), Theme::default());
    assert!(app.resume(&position(NANJI, vec![top, 1], 1)));
    screen(&mut app, 100, 30);
    report.sections[top].sections.truncate(1);
    let path = PathBuf::from("data/reports/pingyang-nanji-2020-work-summary.json");
    let (new, count) = library().changed(vec![(path, FileChange::Report(Box::new(report)))]);
    assert_eq!(count.updated, 1);
    let mut app = changed(&app, &new, count);
    screen(&mut app, 100, 30);
    let now = app.reading_position().expect("still reading");
    assert_eq!(now.report_id, NANJI);
    assert_eq!(now.section, [top]);
}

#[test]
fn a_report_gone_selects_the_nearest_row_and_says_so() {
    let old = library();
    let mut app = App::new(&old, Widths::default(), Theme::default());
    assert!(app.resume(&position(NANJI, vec![0], 0)));
    screen(&mut app, 100, 30);
    let path = PathBuf::from("data/reports/pingyang-nanji-2020-work-summary.json");
    let (new, count) = library().changed(vec![(path, FileChange::Gone)]);
    assert_eq!(count.removed, 1);
    let mut app = changed(&app, &new, count);
    let shown = screen(&mut app, 100, 30);
    assert_eq!(app.focus, Focus::Tree);
    let selected = app.tree.selected().map(|row| row.id.clone());
    assert!(
        matches!(selected, Some(NodeId::Report(r)) if r < new.len()),
        "{selected:?}"
    );
    assert!(shown.contains("removed"), "{shown}");
    // Every key still finds its way.
    for code in [
        KeyCode::Down,
        KeyCode::Enter,
        KeyCode::Char('o'),
        KeyCode::Esc,
    ] {
        press(&mut app, code);
        screen(&mut app, 100, 30);
    }
}

#[test]
fn layers_over_the_old_library_close_and_the_search_runs_again() {
    let old = library();
    let mut app = App::new(&old, Widths::default(), Theme::default());
    assert!(app.resume(&position(NANJI, vec![3], 0)));
    screen(&mut app, 100, 30);
    press(&mut app, KeyCode::Char('o'));
    assert!(matches!(app.layers.last(), Some(Layer::Outline(_))));
    let path = PathBuf::from("data/reports/pingyang-nanji-2020-work-summary.json");
    let (new, count) = library().changed(vec![(path, FileChange::Gone)]);
    let mut app = changed(&app, &new, count);
    assert!(app.layers.is_empty());
    screen(&mut app, 100, 30);

    // The search popup, open with a query, is open again with it.
    press(&mut app, KeyCode::Char('/'));
    for c in "党建".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    screen(&mut app, 100, 30);
    let (newer, count) = new.clone().changed(vec![new_report()]);
    let mut app = changed(&app, &newer, count);
    assert!(matches!(app.layers.last(), Some(Layer::Search(_))));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("党建"), "{shown}");
    press(&mut app, KeyCode::Enter);
    screen(&mut app, 100, 30);
}

#[test]
fn the_change_is_told_in_both_languages() {
    let changes = Changes {
        count: ChangeCount {
            added: 1,
            updated: 1,
            removed: 0,
        },
        broken: 1,
    };
    let told = changes.describe().expect("something changed");
    assert!(
        told.starts_with("Library changed: 1 added, 1 updated; 1 file"),
        "{told}"
    );
    assert_eq!(Changes::default().describe(), None);
}
