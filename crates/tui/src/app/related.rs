//! The app's side of the related list: opening it on the section the keys
//! are on (waiting for the index when it is still being built), taking the
//! index when the background build delivers it, and reading a related
//! section as a jump.

use super::{App, Focus, Layer};
use crate::document::Punctuation;
use crate::effect::Effect;
use crate::related::RelatedLayer;
use crate::related::indexing::{Builder, Indexing};
use baogao_compare::RelatedIndex;
use baogao_i18n::t;
use baogao_report::model::SectionPath;

impl App<'_> {
    /// Build the related index on a worker, asked for the first time a
    /// related list is opened.
    pub(crate) fn set_related_builder(&mut self, builder: Builder) {
        self.related = Indexing::background(builder);
    }

    /// Start with the related index ready (`Some`), or pending until a
    /// build is received (`None`): for tests of both states.
    #[cfg(test)]
    pub(crate) fn set_related_index(&mut self, index: Option<baogao_compare::RelatedIndex>) {
        self.related = index.map_or_else(Indexing::pending, Indexing::ready);
    }

    /// The build arrived: keep it, and fill the lists waiting for it.
    pub(crate) fn receive_related(&mut self, index: RelatedIndex) {
        self.related.receive(index);
        let library = self.library;
        let Some(index) = self.related.get(library) else {
            return;
        };
        for layer in &mut self.layers {
            if let Layer::Related(related) = layer
                && related.is_pending()
            {
                related.fill(library, index);
            }
        }
    }

    /// The sections related to the one the keys are on. Opened at once
    /// even when the index is not yet built: the key shows it was taken,
    /// and the list fills itself when the index comes. The first list
    /// asks for the build: an index at 10 000 reports holds some 70 MB
    /// that a reader who never asks should not pay for.
    pub(super) fn open_related(&mut self) -> Effect {
        let Some((index, path)) = self.target().filter(|(_, path)| !path.0.is_empty()) else {
            // A report, a group or an overview: a list needs one section.
            return Effect::Notice(t(crate::related::text::PICK_A_SECTION).to_string());
        };
        let library = self.library;
        let mut related = RelatedLayer::pending(
            library,
            index,
            &path,
            self.reader.punctuation() == Punctuation::FullWidth,
            self.theme,
            self.widths,
        );
        self.related.start();
        if let Some(related_index) = self.related.get(library) {
            related.fill(library, related_index);
        }
        self.layers.push(Layer::Related(related));
        self.unfitted = true;
        Effect::None
    }

    /// Enter on a related section: read it, by a jump.
    pub(super) fn read_related(&mut self, report: usize, path: &SectionPath) -> Effect {
        self.leap(|app| app.reader.open(app.library, report, path));
        self.overview_shown = false;
        self.focus = Focus::Reader;
        Effect::Scrolled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::position::ReadingPosition;
    use crate::theme::Theme;
    use baogao_bundled::load_bundled;
    use baogao_compare::RelatedIndex;
    use baogao_i18n::{Language, with_language};
    use baogao_layout::Widths;
    use baogao_report::library::Library;
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use unicode_width::UnicodeWidthStr;

    fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
        app.handle(&Event::Key(KeyEvent::new(code, modifiers)));
    }

    fn press(app: &mut App, c: char) {
        key(app, KeyCode::Char(c), KeyModifiers::NONE);
    }

    fn screen(app: &mut App, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a terminal");
        terminal.draw(|frame| app.draw(frame)).expect("draws");
        let buffer = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..buffer.area.height {
            // The cell a wide character covers is not read again.
            let mut covered = 0;
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                if covered == 0 {
                    text.push_str(symbol);
                }
                covered = covered.max(symbol.width()).saturating_sub(1);
            }
            text.push('\n');
        }
        text
    }

    /// The reader at the first subsection of 南麂镇's 2020 summary.
    fn reading_nanji(library: &Library) -> App<'_> {
        let mut app = App::new(library, Widths::default(), Theme::default());
        let at = ReadingPosition {
            report_id: "nanji-2020-work-summary".to_string(),
            section: vec![0, 0],
            block: 0,
            offset: 0,
        };
        assert!(app.resume(&at));
        app
    }

    fn section(app: &App) -> (String, Vec<usize>) {
        let at = app.reading_position().expect("a report is read");
        (at.report_id, at.section)
    }

    #[test]
    fn r_before_the_index_is_built_waits_then_lists_and_enter_is_a_jump() {
        let library = Library::from_loaded(load_bundled().reports);
        for (language, building) in [
            (Language::English, "Building the index of every section…"),
            (Language::Chinese, "正在为全部章节建立索引…"),
        ] {
            with_language(language, || {
                let mut app = reading_nanji(&library);
                app.set_related_index(None);
                screen(&mut app, 120, 40);
                let start = section(&app);
                press(&mut app, 'R');
                for (width, height) in [(120, 40), (50, 20)] {
                    let waiting = screen(&mut app, width, height);
                    assert!(waiting.contains(building), "{waiting}");
                }
                // Enter on the waiting list reads nothing.
                key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
                assert!(matches!(app.layers.last(), Some(Layer::Related(_))));
                let built = RelatedIndex::build(&library);
                app.receive_related(built);
                let listed = screen(&mut app, 120, 40);
                assert!(!listed.contains(building), "{listed}");
                key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
                assert!(app.layers.is_empty());
                let there = section(&app);
                assert_ne!(there.0, start.0, "a section of another report");
                key(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
                assert_eq!(section(&app), start, "Ctrl-O comes back");
                key(&mut app, KeyCode::Char('i'), KeyModifiers::CONTROL);
                assert_eq!(section(&app), there, "Ctrl-I goes forth again");
            });
        }
    }

    #[test]
    fn a_ready_index_lists_at_once() {
        let library = Library::from_loaded(load_bundled().reports);
        let mut app = reading_nanji(&library);
        app.set_related_index(Some(RelatedIndex::build(&library)));
        press(&mut app, 'R');
        assert!(matches!(
            app.layers.last(),
            Some(Layer::Related(related)) if !related.is_pending()
        ));
    }

    #[test]
    fn c_and_r_on_a_group_row_say_what_to_pick() {
        let library = Library::from_loaded(load_bundled().reports);
        for (language, report, section) in [
            (
                Language::English,
                "compare: pick a report first",
                "related: pick a section first",
            ),
            (
                Language::Chinese,
                "对比：请先选一份报告",
                "相关章节：请先选一个章节",
            ),
        ] {
            with_language(language, || {
                let mut app = App::new(&library, Widths::default(), Theme::default());
                screen(&mut app, 120, 40);
                // The first row of the tree is a group: a place.
                press(&mut app, 'g');
                assert!(app.target().is_none());
                for (c, said) in [('C', report), ('R', section)] {
                    press(&mut app, c);
                    assert!(app.layers.is_empty());
                    for (width, height) in [(120, 40), (50, 20)] {
                        let text = screen(&mut app, width, height);
                        assert!(text.contains(said), "{c}: {text}");
                    }
                }
            });
        }
    }
}
