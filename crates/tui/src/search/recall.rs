//! What the search popup keeps between openings, as less and vim keep the
//! last search: each mode's last query and the place of the result chosen
//! in it, and whether the user searches only the report being read. The
//! app holds it while the popup is closed; a new popup starts from it.

use baogao_search::{Mode, Scope};

/// Each mode's last query, and the scope chosen last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Recall {
    headings: Remembered,
    full_text: Remembered,
    /// Search only the report being read (when one is open).
    pub(crate) this_report: bool,
}

/// One mode's last query and where in its results the user was: a
/// [`ResultRow::index`](super::worker::ResultRow) (for full text, a hit's
/// place among all the hits).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Remembered {
    pub(crate) query: String,
    pub(crate) place: usize,
}

impl Recall {
    pub(crate) fn get(&self, mode: Mode) -> &Remembered {
        match mode {
            Mode::Headings => &self.headings,
            Mode::FullText => &self.full_text,
        }
    }

    /// Where to search with `open_report` open in the reader (if any).
    pub(crate) fn scope(&self, open_report: Option<usize>) -> Scope {
        match open_report {
            Some(report) if self.this_report => Scope::Report(report),
            _ => Scope::Library,
        }
    }

    pub(crate) fn get_mut(&mut self, mode: Mode) -> &mut Remembered {
        match mode {
            Mode::Headings => &mut self.headings,
            Mode::FullText => &mut self.full_text,
        }
    }
}
