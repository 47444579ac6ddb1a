//! A selection in a list that scrolls: the moves the list layers share
//! (outline, figures, related sections, compare partners), so each layer
//! keeps only what its own rows mean.

use crate::keymap::Action;

/// Where `action` moves the selection of a list of `len` rows shown `page`
/// rows at a time; `None` when the action is not a move.
pub(crate) fn moved(selected: usize, len: usize, page: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::Down => (selected + 1).min(last),
        Action::Up => selected.saturating_sub(1),
        Action::PageDown => (selected + page).min(last),
        Action::PageUp => selected.saturating_sub(page),
        Action::First => 0,
        Action::Last => last,
        _ => return None,
    })
}

/// The first row to show so that `selected` stays within `height` rows,
/// moving the view from `first` no more than needed.
pub(crate) fn in_view(selected: usize, first: usize, height: usize) -> usize {
    if selected < first {
        selected
    } else if selected >= first + height {
        selected + 1 - height
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_stop_at_the_ends_and_other_actions_are_not_moves() {
        assert_eq!(moved(0, 5, 3, Action::Up), Some(0));
        assert_eq!(moved(4, 5, 3, Action::Down), Some(4));
        assert_eq!(moved(1, 5, 3, Action::PageDown), Some(4));
        assert_eq!(moved(4, 5, 3, Action::PageUp), Some(1));
        assert_eq!(moved(2, 5, 3, Action::Last), Some(4));
        assert_eq!(moved(2, 0, 3, Action::Last), Some(0));
        assert_eq!(moved(2, 5, 3, Action::Open), None);
    }

    #[test]
    fn the_view_moves_only_as_far_as_the_selection_needs() {
        assert_eq!(in_view(2, 0, 5), 0);
        assert_eq!(in_view(7, 0, 5), 3);
        assert_eq!(in_view(1, 3, 5), 1);
    }
}
