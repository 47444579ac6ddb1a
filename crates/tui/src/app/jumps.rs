//! The jump list (Ctrl-O back, Ctrl-I or Ctrl-N forward), as in vim: the
//! place the reader was before each jump (a search result, n/N, a section
//! or report step, g/G, Enter in the tree, the outline, the figures or the
//! related list, a bookmark) is kept, and Ctrl-O goes back to it. Plain
//! scrolling is not a jump. The list is kept across runs in the state file,
//! beside the reading position.
//!
//! A layer or pane that sends the reader somewhere goes through
//! `App::leap`, whatever brought it there (a key, a click, a search
//! answer that came after Enter); the reader's own moves by key (section
//! steps, g/G, n/N) are told apart by `is_jump`.

use super::App;
use crate::effect::Effect;
use crate::keymap::Action;
use crate::position::ReadingPosition;
use baogao_i18n::t;
use serde::{Deserialize, Serialize};

/// How many places each way are kept: enough to retrace a session.
const KEPT: usize = 100;

/// Places to go back and forward to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jumps {
    #[serde(default)]
    pub back: Vec<ReadingPosition>,
    #[serde(default)]
    pub forward: Vec<ReadingPosition>,
}

impl Jumps {
    /// Note `from` as the place left by a jump: the forward list ends.
    fn left(&mut self, from: ReadingPosition) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > KEPT {
            self.back.remove(0);
        }
        self.forward.clear();
    }
}

/// Whether the key `action` (with the `effect` it gave) moves the reader
/// by a jump rather than by scrolling. Reading what a layer or the tree
/// picked is noted by [`App::leap`] instead.
pub(super) fn is_jump(action: Option<Action>, effect: &Effect) -> bool {
    matches!(effect, Effect::SteppedHit)
        || matches!(
            action,
            Some(
                Action::NextSection
                    | Action::PreviousSection
                    | Action::NextTopSection
                    | Action::PreviousTopSection
                    | Action::NextReport
                    | Action::PreviousReport
                    | Action::First
                    | Action::Last
                    | Action::Open
            )
        )
}

impl App<'_> {
    /// Send the reader elsewhere by `go`, keeping the place it leaves in
    /// the jump list (when it leaves its section): every way of opening
    /// another place goes through here, so Ctrl-O always comes back.
    pub(super) fn leap<T>(&mut self, go: impl FnOnce(&mut Self) -> T) -> T {
        let before = self.reader.position();
        let went = go(self);
        self.note_jump(before);
        went
    }

    /// After a jump: keep `before` if the reader left its section.
    pub(super) fn note_jump(&mut self, before: Option<ReadingPosition>) {
        let Some(before) = before else {
            return;
        };
        let moved = self
            .reader
            .position()
            .is_none_or(|now| now.report_id != before.report_id || now.section != before.section);
        if moved {
            self.jumps.left(before);
        }
    }

    /// Ctrl-O (back) or Ctrl-I (forward): go to the next kept place whose
    /// report is still here; the place left goes on the other list.
    pub(super) fn jump(&mut self, back: bool) -> Effect {
        let here = self.reader.position();
        loop {
            let next = if back {
                self.jumps.back.pop()
            } else {
                self.jumps.forward.pop()
            };
            let Some(target) = next else {
                return Effect::Notice(
                    t(if back {
                        "notice.jump_oldest"
                    } else {
                        "notice.jump_newest"
                    })
                    .to_string(),
                );
            };
            if Some(&target) == here.as_ref() {
                continue;
            }
            if self.resume(&target) {
                if let Some(here) = here {
                    let other = if back {
                        &mut self.jumps.forward
                    } else {
                        &mut self.jumps.back
                    };
                    other.push(here);
                }
                return Effect::None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;
    use baogao_bundled::load_bundled;
    use baogao_layout::Widths;
    use baogao_report::library::Library;
    use crossterm::event::{
        Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
    };
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
        app.handle(&Event::Key(KeyEvent::new(code, modifiers)));
    }

    /// The screen's rows, each cell's symbol as it is.
    fn rows(app: &mut App) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
        terminal.draw(|frame| app.draw(frame)).expect("draws");
        let buffer = terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    /// A click on a search result reads it by a jump, as Enter does.
    #[test]
    fn a_search_result_read_by_a_click_is_a_jump() {
        let library = Library::from_loaded(load_bundled().reports);
        let mut app = App::new(&library, Widths::default(), Theme::default());
        let start = ReadingPosition {
            report_id: "nanji-2020-work-summary".to_string(),
            section: vec![0, 0],
            block: 0,
            offset: 0,
        };
        assert!(app.resume(&start));
        rows(&mut app);
        let before = app.reading_position();
        key(&mut app, KeyCode::Char('/'), KeyModifiers::NONE);
        for c in "dangjian".chars() {
            key(&mut app, KeyCode::Char(c), KeyModifiers::NONE);
        }
        // The first result is selected: one click reads it. It is below the
        // input line, the first row naming 党建.
        let y = rows(&mut app)
            .iter()
            .enumerate()
            .skip(3)
            .find(|(_, row)| row.contains('党'))
            .map(|(y, _)| y)
            .expect("a result");
        let click = MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 40,
            row: u16::try_from(y).expect("on screen"),
            modifiers: KeyModifiers::NONE,
        };
        app.handle(&Event::Mouse(click));
        assert!(app.layers.is_empty(), "the result was read");
        let there = app.reading_position();
        assert_ne!(there, before);
        key(&mut app, KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(app.reading_position(), before, "Ctrl-O comes back");
        key(&mut app, KeyCode::Char('i'), KeyModifiers::CONTROL);
        assert_eq!(app.reading_position(), there, "Ctrl-I goes forth");
    }
}
