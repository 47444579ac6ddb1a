//! The reader (`baogao_tui`): what a person sees and does.
//!
//! - `render`: the reader drawn in memory (`App::draw` on ratatui's
//!   `TestBackend`) on the bundled reports, driven by key and mouse events:
//!   the tree, reading on across sections, help, every size down to 1×1.
//! - `search_popup`: the search popup drawn the same way: typing, marked
//!   characters, selection, jumps, full-text hits (a row per paragraph)
//!   and n/N.
//! - `search_tiers`: the tiers of heading matches in the popup: notes,
//!   the divider before the weak ones, "no close match".
//! - `search_again`: n/N repeating either kind of search, the popup
//!   reopening on each mode's last query, Ctrl-R's one-report scope.
//! - `screens`: whole-screen snapshots of the main states (first screen,
//!   reading, the tree while reading, search results, help) at 120×40 and
//!   at 50×20, where one pane fills the screen.
//! - `places`: the tree by place (compact chains, townships of one name
//!   apart, the grouping key, fold-all) and the overviews beside it.
//! - `position`: the reading-position state file the reader resumes from.
//! - `printed`: the reader as a printed report: run-in headings, levels,
//!   the centred column, punctuation, edges, half pages, the outline, help.
//! - `compare`: the compare view (`C`) and the related list (`R`), in
//!   memory at both sizes, timed at 10 000 reports, and in the real binary.
//! - `related`: the related list in the real binary, at both sizes and in
//!   both languages: Enter reads a section, Ctrl-O comes back.
//! - `e2e`: the real binary in a pseudo-terminal: keys in, the screen read
//!   back, the terminal given back on exit, signals, resizes, a panic.
//! - `watch`: the real binary following its folder: reports written,
//!   removed, half-written, and `--no-watch`.

mod chinese;
mod compare;
mod e2e;
mod jumps;
mod places;
mod position;
mod printed;
mod related;
mod render;
mod screens;
mod search_again;
mod search_popup;
mod search_tiers;
mod watch;

use baogao_testkit::keys::press;
use baogao_tui::app::App;

/// Open 南麂镇's 2020 report at its first top-level section, in a reader
/// on the bundled reports.
fn open_nanji(app: &mut App) {
    // Grouped by township (v), in pinyin order: 岱西镇, 芦浦镇, 南麂镇…,
    // each a row of its own (one report each), whatever places the
    // reports name.
    press(app, "vgjjlj\n");
}
