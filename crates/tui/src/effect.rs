//! What a pane or layer asks of the app after taking an action, a click or
//! some text. Panes and layers change only their own state; whatever
//! reaches past them (the other pane, the layers, the focus, the search
//! worker, the status bar, quitting) comes back as an [`Effect`], which
//! `App::apply` carries out. That keeps each of them testable alone: act,
//! then look at what it asked for.

use crate::app::Focus;
use crate::search::worker::{Request, ResultRow};
use baogao_report::model::SectionPath;

/// One thing for the app to do. Dropping one would lose what a key meant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub(crate) enum Effect {
    /// Nothing beyond the pane's or layer's own state changed.
    None,
    /// The tree's selection moved onto report `report`'s section at `path`
    /// (the front if empty): the reader shows it, the tree keeps the keys.
    Show {
        report: usize,
        path: SectionPath,
    },
    /// Enter on a report or section in the tree: the reader shows it and
    /// takes the keys.
    Read {
        report: usize,
        path: SectionPath,
    },
    /// The tree's selection moved onto a group (or the tree was folded or
    /// regrouped): the reader pane shows an overview of it.
    Overview(OverviewOf),
    /// The reader scrolled: the tree selects what is at the top of its
    /// screen, without unfolding what the user folded.
    Scrolled,
    /// The reader went to another full-text hit (n/N): the tree opens the
    /// way there, folding again what the last hit opened.
    SteppedHit,
    /// Give the keys to a pane.
    Focus(Focus),
    /// Open the help layer over everything.
    OpenHelp,
    /// Open the search popup over everything.
    OpenSearch,
    /// Close the top layer.
    CloseLayer,
    /// The search popup's query or mode changed: run it.
    Search(Request),
    /// Enter (or a second click) on a search result: close the popup and
    /// read there.
    Go(ResultRow),
    /// Say something in the status bar until the next key.
    Notice(String),
    Quit,
}

/// What an overview is of: the whole library, or a group of the tree's
/// shelf (a place, township or year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OverviewOf {
    Library,
    Group(usize),
}
