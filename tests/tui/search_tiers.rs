//! The tiers of heading matches in the search popup, drawn with ratatui's
//! `TestBackend`: homophone and typo results noted at the row's end, the
//! divider before the weak matches (never selected, never clicked, kept
//! in step with scrolling), and "no close match" when every match is weak.

use super::search_popup::{is_divider, list_rows, modifiers_of, result_rows};
use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::search_library;
use baogao_testkit::keys::{click, key, press};
use baogao_testkit::screen::rows;
use baogao_tui::app::App;
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The engine's count of heading matches for `query`: (all, not weak).
fn tier_counts(library: &Library, query: &str) -> (usize, usize) {
    let mut searcher = baogao_search::Searcher::new(library, 500);
    match searcher
        .search(baogao_search::Mode::Headings, query)
        .matches
    {
        baogao_search::Matches::Headings { total, close, .. } => (total, close),
        baogao_search::Matches::Text { .. } => unreachable!("a heading search"),
    }
}

/// The y of the first screen row whose popup inside is `inside`.
fn row_of(text: &[String], inside: &str) -> u16 {
    text.iter()
        .position(|row| row.split('\u{2502}').nth(2).map(str::trim) == Some(inside))
        .unwrap_or_else(|| panic!("{inside}: {text:#?}")) as u16
}

#[test]
fn a_divider_sets_the_weak_matches_apart_and_is_never_a_result() {
    let library = search_library();
    let query = "dangjian";
    let (total, close) = tier_counts(&library, query);
    assert!(close > 0 && total > close, "the test needs both tiers");
    let mut app = app(&library);
    press(&mut app, &format!("/{query}"));
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    // The close results, the divider (dimmed, saying how many follow),
    // then the weak ones.
    let inside = list_rows(&text);
    let divider = inside.iter().position(|row| is_divider(row));
    assert_eq!(divider, Some(close * 2), "{inside:#?}");
    let words = format!("\u{2500}\u{2500} {} weak matches \u{2500}", total - close);
    assert!(inside[close * 2].starts_with(&words), "{inside:#?}");
    let y = row_of(&text, &inside[close * 2]);
    for modifier in modifiers_of(&screen, y, "weak") {
        assert!(modifier.contains(Modifier::DIM));
    }
    let listed = result_rows(&text);
    assert_eq!(listed.len(), total, "{listed:#?}");
    // Down from the last close result goes to the first weak one, which
    // Enter reads.
    for _ in 0..close {
        key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    press(&mut app, "\n");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[2].contains(&listed[close]), "{text:#?}");
    assert!(
        text[38].contains(&format!("result {}/{total}", close + 1)),
        "{}",
        text[38]
    );
    // A click on the divider does nothing; one under it selects the first
    // weak result and a second reads it.
    press(&mut app, "/");
    let text = rows(&draw(&mut app, 120, 40));
    click(&mut app, 30, y);
    let same = rows(&draw(&mut app, 120, 40));
    assert_eq!(same, text);
    key(&mut app, KeyCode::Up, KeyModifiers::NONE);
    click(&mut app, 30, y + 1);
    click(&mut app, 30, y + 2);
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[2].contains(&listed[close]), "{text:#?}");
}

#[test]
fn the_selection_steps_over_the_divider_and_stays_on_a_short_screen() {
    let library = search_library();
    let query = "dangjian";
    let (total, close) = tier_counts(&library, query);
    let mut tall = app(&library);
    press(&mut tall, &format!("/{query}"));
    let listed = result_rows(&rows(&draw(&mut tall, 120, 40)));
    // The popup's inside of the selected (reversed) result's first row.
    let selected = |screen: &Buffer| {
        let text = rows(screen);
        // The list: under the count line, from its first column, within
        // the popup's sides (the tree and the status bar reverse rows too).
        let top = text.iter().position(|row| row.contains("Headings \u{B7} "));
        let top = top.expect("the count line");
        let x = unicode_width::UnicodeWidthStr::width(
            &text[top][..text[top].find("Headings").unwrap_or(0)],
        ) as u16;
        let ys: Vec<usize> = (top + 1..text.len())
            .filter(|&y| text[y].contains('\u{2502}'))
            .filter(|&y| screen[(x, y as u16)].modifier.contains(Modifier::REVERSED))
            .collect();
        assert_eq!(ys.len(), 2, "{ys:?} {text:#?}");
        text[ys[0]]
            .split('\u{2502}')
            .nth(2)
            .unwrap_or("")
            .trim()
            .to_string()
    };
    for height in [11, 12, 15, 20] {
        let mut app = app(&library);
        press(&mut app, &format!("/{query}"));
        // Down to the end and up again: the result selected is always on
        // screen and is the one expected; where the divider shows, the
        // first weak result is under it and the last close one above.
        let steps = (0..total)
            .map(|to| (KeyCode::Down, (to + 1).min(total - 1)))
            .chain(
                (0..total)
                    .rev()
                    .map(|to| (KeyCode::Up, to.saturating_sub(1))),
            );
        for (code, expected) in steps {
            key(&mut app, code, KeyModifiers::NONE);
            let screen = draw(&mut app, 120, height);
            assert_eq!(selected(&screen), listed[expected], "{height} {code:?}");
            let inside = list_rows(&rows(&screen));
            if let Some(at) = inside.iter().position(|row| is_divider(row)) {
                assert_eq!(inside.get(at + 1), Some(&listed[close]), "{inside:#?}");
                if at >= 2 {
                    assert_eq!(inside[at - 2], listed[close - 1], "{inside:#?}");
                }
            }
        }
        // A page at a time to the end and back.
        for (code, expected) in [(KeyCode::PageDown, total - 1), (KeyCode::PageUp, 0)] {
            for _ in 0..total {
                key(&mut app, code, KeyModifiers::NONE);
                let _ = selected(&draw(&mut app, 120, height));
            }
            assert_eq!(selected(&draw(&mut app, 120, height)), listed[expected]);
        }
    }
}

#[test]
fn when_no_match_is_close_the_count_says_so_and_lists_the_weak_ones() {
    let library = search_library();
    let query = "hxzc";
    let (total, close) = tier_counts(&library, query);
    assert!(close == 0 && total > 1, "the test needs weak matches only");
    for width in [50, 120] {
        let mut app = app(&library);
        press(&mut app, &format!("/{query}"));
        let text = rows(&draw(&mut app, width, 30));
        let said = format!("Headings \u{B7} no close match \u{B7} {total} weak matches");
        assert!(text.iter().any(|row| row.contains(&said)), "{text:#?}");
        let inside = list_rows(&text);
        assert!(!inside.iter().any(|row| is_divider(row)), "{inside:#?}");
        assert_eq!(result_rows(&text).len(), total, "{text:#?}");
    }
}

#[test]
fn homophone_and_typo_results_end_with_a_dimmed_note_shown_whole_or_not_at_all() {
    let library = search_library();
    for (query, note) in [("党健", "(同音)"), ("dnagjian", "(typo)")] {
        let mut popup = app(&library);
        press(&mut popup, &format!("/{query}"));
        let screen = draw(&mut popup, 120, 40);
        let listed = result_rows(&rows(&screen));
        assert!(!listed.is_empty(), "{query}");
        for row in &listed {
            assert!(row.ends_with(note), "{query}: {listed:#?}");
        }
        // Dimmed but on the selected row (reversed there, as its place is).
        let text = rows(&screen);
        let second = row_of(&text, &listed[1]);
        for modifier in modifiers_of(&screen, second, note) {
            assert!(modifier.contains(Modifier::DIM), "{query}");
        }
        // Narrow: the note is whole or gone, the heading never cut in half.
        for width in 20..=60 {
            let mut app = app(&library);
            press(&mut app, &format!("/{query}"));
            let screen = draw(&mut app, width, 20);
            for row in rows(&screen) {
                assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= width as usize);
                let inside = row.split('\u{2502}').nth(1).unwrap_or("");
                let cut_note = note.char_indices().skip(1).any(|(at, _)| {
                    inside.trim_end().ends_with(&note[..at]) && !inside.trim_end().ends_with(note)
                });
                assert!(!cut_note, "{width}: {row}");
            }
        }
    }
    // A close match has no note.
    let mut app = app(&library);
    press(&mut app, "/dangjian");
    let listed = result_rows(&rows(&draw(&mut app, 120, 40)));
    assert!(!listed.iter().any(|row| row.ends_with(')')), "{listed:#?}");
}

#[test]
fn with_ambiguous_characters_wide_the_divider_is_ascii() {
    use baogao_layout::{AmbiguousWidth, Widths};
    let library = search_library();
    let wide = Widths {
        ambiguous: AmbiguousWidth::Wide,
    };
    let (total, close) = tier_counts(&library, "dangjian");
    let mut app = App::new(&library, wide, baogao_tui::theme::Theme::new(true));
    press(&mut app, "/dangjian");
    let text = rows(&draw(&mut app, 120, 40));
    let divider = format!("| -- {} weak matches ---", total - close);
    assert!(text.iter().any(|row| row.contains(&divider)), "{text:#?}");
}
