//! The reader (`baogao_tui`): what a person sees and does.
//!
//! - `render`: the reader drawn in memory (`App::draw` on ratatui's
//!   `TestBackend`) on the bundled reports, driven by key and mouse events:
//!   the tree, reading on across sections, help, every size down to 1×1.
//! - `search_popup`: the search popup drawn the same way: typing, marked
//!   characters, selection, jumps, full-text hits and n/N.
//! - `position`: the reading-position state file the reader resumes from.
//! - `e2e`: the real binary in a pseudo-terminal: keys in, the screen read
//!   back, the terminal given back on exit, signals, resizes, a panic.

mod e2e;
mod position;
mod render;
mod search_popup;
