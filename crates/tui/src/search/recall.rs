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
/// place among all the hits), in the results of `scope`: the same place in
/// another report's results is another result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Remembered {
    pub(crate) query: String,
    pub(crate) place: usize,
    pub(crate) scope: Scope,
}

impl Remembered {
    /// Where to select in the results of `scope`: the place kept, when it
    /// was kept in that scope; else the first result.
    pub(crate) fn place_in(&self, scope: Scope) -> usize {
        if self.scope == scope { self.place } else { 0 }
    }
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

#[cfg(test)]
mod tests {
    use super::Remembered;
    use baogao_search::Scope;

    // The place chosen among one report's results is not reused in another
    // report's (or the library's) results: there it is another result.
    #[test]
    fn a_place_is_restored_only_in_the_scope_it_was_chosen_in() {
        let kept = Remembered {
            query: "党建".to_string(),
            place: 7,
            scope: Scope::Report(0),
        };
        assert_eq!(kept.place_in(Scope::Report(0)), 7);
        assert_eq!(kept.place_in(Scope::Report(1)), 0);
        assert_eq!(kept.place_in(Scope::Library), 0);
    }
}
