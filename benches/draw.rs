//! The reader's cost per frame: a 50 000-character section at 200×60, laid
//! out once (when the width changes) and then drawn, which must take well
//! under a frame (16 ms). Run with `cargo bench --bench draw`.

use baogao_bundled::load_bundled;
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_report::model::{Report, Section};
use baogao_tui::app::App;
use baogao_tui::theme::Theme;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// A report whose first section holds 50 000 characters of real paragraphs.
fn long_report() -> Report {
    let reports: Vec<Report> = load_bundled()
        .reports
        .into_iter()
        .map(|l| l.report)
        .collect();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut stack: Vec<&Section> = reports.iter().flat_map(|r| r.sections.iter()).collect();
    while let Some(section) = stack.pop() {
        paragraphs.extend(section.paragraphs.iter().cloned());
        stack.extend(section.sections.iter());
    }
    let mut section = Section {
        heading: "一、长节".to_string(),
        paragraphs: Vec::new(),
        sections: Vec::new(),
    };
    let mut chars = 0;
    for paragraph in paragraphs.iter().cycle() {
        if chars >= 50_000 {
            break;
        }
        chars += paragraph.chars().count();
        section.paragraphs.push(paragraph.clone());
    }
    let mut report = reports[0].clone();
    report.sections = vec![section];
    report
}

fn key(app: &mut App, code: KeyCode) {
    app.handle(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Lay out and draw into the terminal's buffer, without flushing it to the
/// backend: the work of a frame before the terminal's own diffing.
fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let mut frame = terminal.get_frame();
    app.draw(&mut frame);
    black_box(frame.buffer_mut());
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("a test terminal")
}

fn bench_draw(c: &mut Criterion) {
    let library = Library::new(vec![long_report()]);
    let mut screen = terminal(200, 60);
    let mut app = App::new(&library, Widths::default(), Theme::new(false));
    for code in [
        KeyCode::Char('l'),
        KeyCode::Char('j'),
        KeyCode::Char('l'),
        KeyCode::Char('j'),
        KeyCode::Enter,
    ] {
        key(&mut app, code);
    }
    draw(&mut app, &mut screen);
    key(&mut app, KeyCode::Char('}'));
    c.bench_function("draw 50k-char section 200x60 (laid out)", |b| {
        b.iter(|| draw(&mut app, &mut screen));
    });
    c.bench_function("scroll a page and draw 50k-char section 200x60", |b| {
        let mut pages = 0;
        b.iter(|| {
            // Page down through the section, then back to its start.
            pages += 1;
            key(
                &mut app,
                if pages % 40 == 0 {
                    KeyCode::Char('g')
                } else {
                    KeyCode::PageDown
                },
            );
            draw(&mut app, &mut screen);
        });
    });
    c.bench_function("first layout + draw 50k-char section 200x60", |b| {
        // A new width each time forces the layout to be rebuilt (the
        // reader's text is at most 100 cells wide: stay below that).
        let mut screens = [terminal(100, 60), terminal(101, 60)];
        let mut turn = 0;
        b.iter(|| {
            turn = 1 - turn;
            draw(&mut app, &mut screens[turn]);
        });
    });
}

criterion_group!(benches, bench_draw);
criterion_main!(benches);
