//! The reader drawn in memory: an [`App`] as `baogao` starts it, drawn
//! through `App::draw` (the event loop's own call: layout, render, cursor)
//! on ratatui's `TestBackend` of any size. Read the result with
//! [`crate::screen`].

use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_tui::app::App;
use baogao_tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// The reader over `library` as a colour terminal starts it: default
/// (narrow) ambiguous widths, the colour theme.
pub fn app(library: &Library) -> App<'_> {
    App::new(library, Widths::default(), Theme::new(true))
}

/// Draw `app` on a fresh `width`×`height` terminal; the buffer drawn.
pub fn draw(app: &mut App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| app.draw(frame)).expect("draws");
    terminal.backend().buffer().clone()
}
