//! Searching again, drawn with ratatui's `TestBackend`: n/N repeat the last
//! search used with Enter, of either kind; the popup reopens on each mode's
//! last query, selected, with its results; Ctrl-R searches the report being
//! read alone. Searches run inline here (no worker thread).

use super::search_popup::{hits_and_paragraphs, modifiers_of, result_rows, walked};
use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::search_library;
use baogao_testkit::keys::{key, press};
use baogao_testkit::screen::rows;
use baogao_tui::app::App;
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::Modifier;

#[test]
fn n_and_shift_n_walk_the_heading_results_in_order() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz");
    let listed = result_rows(&rows(&draw(&mut app, 120, 40)));
    assert!(listed.len() >= 3, "{listed:#?}");
    press(&mut app, "\n");
    let text = rows(&draw(&mut app, 120, 40));
    let count = text[38]
        .split("result 1/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("result 1/N in the status bar")
        .to_string();
    // The reader shows a heading's marks full-width; the popup as written.
    let shown = |heading: &str| baogao_layout::full_width_punctuation(heading).into_owned();
    assert!(text[2].contains(&shown(&listed[0])), "{text:#?}");
    press(&mut app, "n");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        text[38].contains(&format!("result 2/{count}")),
        "{}",
        text[38]
    );
    assert!(text[2].contains(&shown(&listed[1])), "{text:#?}");
    // The tree follows, as it does for full-text hits (it cuts headings).
    let start: String = listed[1].chars().take(8).collect();
    let in_tree = text.iter().any(|row| {
        row.split('│')
            .nth(1)
            .is_some_and(|tree| tree.contains(&start))
    });
    assert!(in_tree, "{text:#?}");
    press(&mut app, "n");
    assert!(rows(&draw(&mut app, 120, 40))[2].contains(&shown(&listed[2])));
    // Round the ends, backwards.
    press(&mut app, "NNN");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        text[38].contains(&format!("result {count}/{count}")),
        "{}",
        text[38]
    );
}

#[test]
fn n_repeats_whichever_search_was_last_used_with_enter() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz\n");
    assert!(walked(&rows(&draw(&mut app, 120, 40))).starts_with("result 1/"));
    // A full-text search typed but left with Esc does not count.
    press(&mut app, "/\t");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    press(&mut app, "垃圾分类");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    press(&mut app, "n");
    assert!(walked(&rows(&draw(&mut app, 120, 40))).starts_with("result 2/"));
    // Used with Enter, it does.
    press(&mut app, "/\nn");
    assert!(walked(&rows(&draw(&mut app, 120, 40))).starts_with("hit 2/"));
}

/// The input row of the popup and whether each character of `query` in it
/// is drawn reversed.
fn input_reversed(screen: &ratatui::buffer::Buffer, query: &str) -> Vec<bool> {
    let y = rows(screen)
        .iter()
        .position(|row| row.contains("\u{2502}\u{203A} "))
        .expect("the input row");
    modifiers_of(screen, y as u16, query)
        .into_iter()
        .map(|m| m.contains(Modifier::REVERSED))
        .collect()
}

#[test]
fn reopening_shows_the_last_query_selected_with_its_results() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz");
    let first = rows(&draw(&mut app, 120, 40));
    press(&mut app, "\n/");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(
        text.iter().any(|row| row.contains("\u{203A} zsyz")),
        "{text:#?}"
    );
    assert_eq!(input_reversed(&screen, "zsyz"), vec![true; 4], "{text:#?}");
    // The same results, and the count line.
    assert_eq!(result_rows(&text), result_rows(&first));
    assert!(
        text.iter()
            .any(|row| row.contains("Headings \u{B7} ") && row.contains("match"))
    );
    // Typing replaces the selected query.
    press(&mut app, "dj");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(
        text.iter().any(|row| row.contains("\u{203A} dj ")),
        "{text:#?}"
    );
    assert_eq!(input_reversed(&screen, "dj"), vec![false; 2]);
}

#[test]
fn moving_keeps_the_recalled_query_and_backspace_deletes_it_whole() {
    let library = search_library();
    let input_row = |app: &mut App| {
        rows(&draw(app, 80, 24))
            .into_iter()
            .find(|row| row.contains("\u{2502}\u{203A} "))
            .expect("the input row")
    };
    for (moving, typed) in [
        (KeyCode::End, "\u{203A} zsyzx "),
        (KeyCode::Right, "\u{203A} zsyzx "),
        (KeyCode::Home, "\u{203A} xzsyz "),
        (KeyCode::Left, "\u{203A} xzsyz "),
    ] {
        let mut app = app(&library);
        press(&mut app, "/zsyz\n/");
        key(&mut app, moving, KeyModifiers::NONE);
        let screen = draw(&mut app, 80, 24);
        assert_eq!(
            input_reversed(&screen, "zsyz"),
            vec![false; 4],
            "{moving:?}"
        );
        press(&mut app, "x");
        assert!(input_row(&mut app).contains(typed), "{moving:?}");
    }
    let mut app = app(&library);
    press(&mut app, "/zsyz");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    press(&mut app, "/");
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    let text = rows(&draw(&mut app, 80, 24));
    assert!(
        text.iter().any(|row| row.contains("\u{203A}  ")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|row| row.contains("pinyin works")),
        "{text:#?}"
    );
}

#[test]
fn the_selected_query_is_reversed_with_colours_and_without() {
    let library = search_library();
    for no_color in [false, true] {
        let mut app = App::new(
            &library,
            baogao_layout::Widths::default(),
            baogao_tui::theme::Theme::new(no_color),
        );
        press(&mut app, "/招商\n/");
        let screen = draw(&mut app, 100, 30);
        assert_eq!(
            input_reversed(&screen, "招商"),
            vec![true; 2],
            "no_color {no_color}"
        );
    }
}

#[test]
fn tab_shows_the_other_modes_last_query_selected_and_runs_it() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz\t");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    press(&mut app, "垃圾分类\n/");
    let (hits, paragraphs) = hits_and_paragraphs(&library, "垃圾分类");
    let full_text = format!("{hits} hits in {paragraphs} paragraphs");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(
        text.iter().any(|row| row.contains("\u{203A} 垃圾分类")),
        "{text:#?}"
    );
    assert!(text.iter().any(|row| row.contains(&full_text)), "{text:#?}");
    press(&mut app, "\t");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(
        text.iter().any(|row| row.contains("\u{203A} zsyz")),
        "{text:#?}"
    );
    assert_eq!(input_reversed(&screen, "zsyz"), vec![true; 4]);
    assert!(text.iter().any(|row| row.contains("招商引资")), "{text:#?}");
    press(&mut app, "\t");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert_eq!(input_reversed(&screen, "垃圾分类"), vec![true; 4]);
    assert!(text.iter().any(|row| row.contains(&full_text)), "{text:#?}");
}

/// The count line of the popup on screen: the row under the input.
fn count_line(text: &[String]) -> String {
    let input = text
        .iter()
        .position(|row| row.contains("\u{2502}\u{203A} "))
        .expect("the input row");
    let row = &text[input + 1];
    row.split('\u{2502}')
        .nth(2)
        .unwrap_or(row)
        .trim()
        .to_string()
}

/// Hits of `query` in one report's paragraphs, and the paragraphs holding them.
fn hits_in_report(library: &Library, township: &str, year: i32, query: &str) -> (usize, usize) {
    let report = library
        .reports()
        .iter()
        .find(|r| r.township.as_deref() == Some(township) && r.year == Some(year))
        .expect("the report");
    let counts: Vec<usize> = report
        .preamble
        .iter()
        .chain(report.outline().flat_map(|(_, s)| &s.paragraphs))
        .map(|p| p.matches(query).count())
        .filter(|&n| n > 0)
        .collect();
    (counts.iter().sum(), counts.len())
}

#[test]
fn ctrl_r_searches_only_the_report_being_read_and_back() {
    let library = search_library();
    let mut app = app(&library);
    crate::open_nanji(&mut app);
    let (all, all_paragraphs) = hits_and_paragraphs(&library, "建设");
    let (here, here_paragraphs) = hits_in_report(&library, "南麂镇", 2020, "建设");
    assert!(here < all);
    press(&mut app, "/\t建设");
    let text = rows(&draw(&mut app, 120, 40));
    assert_eq!(
        count_line(&text),
        format!("Full text \u{B7} {all} hits in {all_paragraphs} paragraphs \u{B7} Tab: headings")
    );
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let text = rows(&draw(&mut app, 120, 40));
    assert_eq!(
        count_line(&text),
        format!(
            "Full text \u{B7} in 南麂镇2020年工作总结及2021年工作思路 \u{B7} {here} hits in {here_paragraphs} paragraphs \u{B7} Tab: headings"
        )
    );
    // Every result is in that report.
    let places: Vec<&String> = text
        .iter()
        .filter(|row| row.contains(" \u{B7} 20") && row.contains('\u{203A}'))
        .collect();
    assert!(!places.is_empty(), "{text:#?}");
    assert!(
        places
            .iter()
            .all(|row| row.contains("南麂镇 \u{B7} 平阳县 \u{B7} 2020")),
        "{text:#?}"
    );
    // The scope is kept for the next search; Ctrl-R gives every report back.
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    press(&mut app, "/");
    assert!(count_line(&rows(&draw(&mut app, 120, 40))).contains(" \u{B7} in 南麂镇"));
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let text = rows(&draw(&mut app, 120, 40));
    assert!(count_line(&text).starts_with(&format!("Full text \u{B7} {all} hits")));
}

#[test]
fn ctrl_r_in_headings_lists_only_that_reports_headings() {
    let library = search_library();
    let mut app = app(&library);
    crate::open_nanji(&mut app);
    press(&mut app, "/");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        count_line(&text).starts_with(
            "Headings \u{B7} in 南麂镇2020年工作总结及2021年工作思路 \u{B7} pinyin works"
        ),
        "{text:#?}"
    );
    press(&mut app, "gz");
    let text = rows(&draw(&mut app, 120, 40));
    let listed = result_rows(&text);
    assert!(!listed.is_empty(), "{text:#?}");
    let places = text.iter().filter(|row| {
        row.contains("   南")
            || row.contains("   岱")
            || row.contains("   芦")
            || row.contains("   石")
    });
    assert!(
        places
            .into_iter()
            .all(|row| row.contains("南麂镇 \u{B7} 平阳县 \u{B7} 2020")),
        "{text:#?}"
    );
    // Enter and n stay in the report.
    press(&mut app, "\n");
    for _ in 0..listed.len() {
        press(&mut app, "n");
        let text = rows(&draw(&mut app, 120, 40));
        assert!(
            text[38].contains("南麂镇 \u{B7} 平阳县 \u{B7} 2020"),
            "{}",
            text[38]
        );
    }
}

#[test]
fn ctrl_r_with_no_report_open_says_so() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/\t建设");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[38].contains("no report is open"), "{}", text[38]);
    assert!(!count_line(&text).contains("\u{B7} in "), "{text:#?}");
}

#[test]
fn the_scope_on_the_count_line_is_cut_to_fit() {
    let library = search_library();
    for width in 30..=80 {
        let mut app = app(&library);
        crate::open_nanji(&mut app);
        press(&mut app, "/\t建设");
        key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
        let text = rows(&draw(&mut app, width, 20));
        let line = count_line(&text);
        assert!(
            line.starts_with("Full text \u{B7} in 南麂"),
            "{width}: {line}"
        );
        for row in &text {
            assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= width as usize);
        }
        // Where it fits, the count is shown whole after the cut title.
        if width >= 80 {
            assert!(line.contains("hits in "), "{width}: {line}");
        }
    }
}
