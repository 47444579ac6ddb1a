//! Where the results go in the popup's list: two screen rows per result,
//! and one for the divider before the first weak heading match when closer
//! ones come before it. Drawing, clicks and scrolling all place the rows
//! by [`slots`], so what is drawn at a row is what a click there selects.

/// What the list shows from a screen row on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// The divider line before the first weak match (one row).
    Divider,
    /// The result at this index of the answer's rows (two rows).
    Result(usize),
}

/// Screen rows a result takes: what matched, and where it is.
const RESULT_HEIGHT: usize = 2;

/// The slots on screen, each with its first row (0 is the list's top), in
/// a list of `height` rows showing `count` results from `offset` on, with
/// the divider before result `weak_from`. A result is listed only when
/// both its rows fit, and the divider only with the result under it: a
/// divider never ends the list, and the first weak result comes after it,
/// but for a list with room for one result only, which shows it alone.
pub(crate) fn slots(
    offset: usize,
    count: usize,
    weak_from: Option<usize>,
    height: usize,
) -> Vec<(usize, Slot)> {
    let mut placed = Vec::with_capacity(height / RESULT_HEIGHT + 1);
    let mut y = 0;
    for index in offset..count {
        if weak_from == Some(index) {
            if y + 1 + RESULT_HEIGHT <= height {
                placed.push((y, Slot::Divider));
                y += 1;
            } else if y > 0 {
                // The first weak result is not shown without its divider
                // but alone at the top, where there is room for nothing else.
                break;
            }
        }
        if y + RESULT_HEIGHT > height {
            break;
        }
        placed.push((y, Slot::Result(index)));
        y += RESULT_HEIGHT;
    }
    placed
}

/// The result drawn at row `y` of the list, if any (a divider is none).
pub(crate) fn result_at(placed: &[(usize, Slot)], y: usize) -> Option<usize> {
    placed.iter().find_map(|&(top, slot)| match slot {
        Slot::Result(index) if (top..top + RESULT_HEIGHT).contains(&y) => Some(index),
        _ => None,
    })
}

/// The first result to show so that `selected` is on screen, moving as
/// little as possible from `offset`: the list scrolls only as far as it
/// must, and a divider coming into view may push it one result further.
pub(crate) fn offset_showing(
    selected: usize,
    offset: usize,
    count: usize,
    weak_from: Option<usize>,
    height: usize,
) -> usize {
    if selected < offset {
        return selected;
    }
    // Without a divider `height / 2` results fit: no offset below this
    // shows the selection.
    let fit = (height / RESULT_HEIGHT).max(1);
    let mut offset = offset.max((selected + 1).saturating_sub(fit));
    while offset < selected
        && !slots(offset, count, weak_from, height)
            .iter()
            .any(|&(_, slot)| slot == Slot::Result(selected))
    {
        offset += 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_divider_takes_one_row_before_the_first_weak_result() {
        // Ten rows: results 0 and 1, the divider, results 2 and 3; the
        // last row is left over.
        assert_eq!(
            slots(0, 9, Some(2), 10),
            [
                (0, Slot::Result(0)),
                (2, Slot::Result(1)),
                (4, Slot::Divider),
                (5, Slot::Result(2)),
                (7, Slot::Result(3)),
            ]
        );
        // Scrolled to the first weak result: the divider is above it.
        assert_eq!(
            slots(2, 9, Some(2), 4),
            [(0, Slot::Divider), (1, Slot::Result(2))]
        );
        // Scrolled past it: gone.
        assert_eq!(
            slots(3, 9, Some(2), 4),
            [(0, Slot::Result(3)), (2, Slot::Result(4))]
        );
        // No room for the result under it: no divider either.
        assert_eq!(slots(0, 9, Some(1), 4), [(0, Slot::Result(0))]);
        assert_eq!(slots(1, 9, Some(1), 2), [(0, Slot::Result(1))]);
        assert_eq!(slots(0, 9, None, 1), []);
    }

    #[test]
    fn a_row_maps_to_the_result_drawn_there() {
        let placed = slots(0, 9, Some(1), 8);
        let at: Vec<_> = (0..9).map(|y| result_at(&placed, y)).collect();
        assert_eq!(
            at,
            [
                Some(0),
                Some(0),
                None,
                Some(1),
                Some(1),
                Some(2),
                Some(2),
                None,
                None
            ]
        );
    }

    #[test]
    fn the_selection_stays_on_screen_scrolling_as_little_as_it_can() {
        for height in 1..12 {
            for weak_from in [None, Some(1), Some(3), Some(8)] {
                let mut offset = 0;
                for selected in (0..9).chain((0..9).rev()) {
                    let before = offset;
                    offset = offset_showing(selected, offset, 9, weak_from, height);
                    let shown = slots(offset, 9, weak_from, height);
                    if height >= 2 {
                        assert!(
                            shown.iter().any(|&(_, s)| s == Slot::Result(selected)),
                            "{height} {weak_from:?} {selected}: {offset} {shown:?}"
                        );
                    } else {
                        assert_eq!(offset, selected);
                    }
                    // One step down moves the list at most two results
                    // (one for the step, one for a divider coming in).
                    assert!(offset <= before + 2 || selected < before, "{height}");
                }
            }
        }
    }
}
