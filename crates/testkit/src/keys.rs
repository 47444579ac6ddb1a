//! Input for the reader's [`App`], handed to `App::handle` as the events a
//! terminal sends: single keys with modifiers, strings of keys, pastes and
//! mouse events. Nothing is drawn here; see [`crate::draw`].

use baogao_tui::app::App;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Press one key with `modifiers` (`KeyModifiers::NONE` for none).
pub fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    app.handle(&Event::Key(KeyEvent::new(code, modifiers)));
}

/// Press each character of `keys` in turn, with no modifier: `'\n'` is
/// Enter, `'\t'` is Tab, anything else the character's own key. Typing text
/// into the search popup is pressing its characters.
pub fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        key(app, code, KeyModifiers::NONE);
    }
}

/// Press Esc.
pub fn esc(app: &mut App) {
    key(app, KeyCode::Esc, KeyModifiers::NONE);
}

/// Paste `text`, as a terminal with bracketed paste sends it.
pub fn paste(app: &mut App, text: &str) {
    app.handle(&Event::Paste(text.to_string()));
}

/// A mouse event of `kind` at `column`, `row` (0-based cells), no modifier.
pub fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    app.handle(&Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

/// A left click at `column`, `row`.
pub fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}
