//! The search popup drawn with ratatui's `TestBackend`: typing, the marked
//! characters, selection, Enter jumping the reader, Esc giving the screen
//! back, full-text hits (one row per paragraph) and n/N. Searches run
//! inline here (no worker thread).

use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::{library_from_dir, library_past_the_hit_cap, search_library};
use baogao_testkit::keys::{click, key, mouse, paste, press};
use baogao_testkit::screen::rows;
use baogao_tui::app::App;
use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::Modifier;

/// The cells of row `y` that hold the characters of `word`, with their modifiers.
pub(super) fn modifiers_of(buffer: &Buffer, y: u16, word: &str) -> Vec<Modifier> {
    let row = &rows(buffer)[y as usize];
    let Some(at) = row.find(word) else {
        return Vec::new();
    };
    let column = unicode_width::UnicodeWidthStr::width(&row[..at]) as u16;
    let mut found = Vec::new();
    let mut x = column;
    for c in word.chars() {
        found.push(buffer[(x, y)].modifier);
        x += unicode_width::UnicodeWidthChar::width(c).unwrap_or(1) as u16;
    }
    found
}

#[test]
fn typing_shows_results_best_first_with_the_matched_characters_marked() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz");
    let screen = draw(&mut app, 100, 30);
    let text = rows(&screen);
    assert!(
        text.iter().any(|row| row.contains("\u{203A} zsyz")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|row| row.contains("Headings \u{B7} ")),
        "{text:#?}"
    );
    let first = text
        .iter()
        .position(|row| row.contains("招商引资"))
        .expect("a result");
    // The first result row holds 招商引资, each character marked; the row
    // under it says where it is.
    for modifier in modifiers_of(&screen, first as u16, "招商引资") {
        assert!(modifier.contains(Modifier::UNDERLINED), "{text:#?}");
    }
    assert!(
        text[first + 1].contains("石塘乡 \u{B7} 温岭市 \u{B7} 2021 \u{203A} "),
        "{text:#?}"
    );
    // Unmatched characters of the heading are not marked.
    for modifier in modifiers_of(&screen, first as u16, "成效明显") {
        assert!(!modifier.contains(Modifier::UNDERLINED));
    }
}

#[test]
fn down_then_enter_reads_that_section_and_the_tree_follows() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz");
    let text = rows(&draw(&mut app, 120, 40));
    let second = text
        .iter()
        .filter(|row| row.contains("招商引资"))
        .nth(1)
        .expect("two results")
        .clone();
    key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    press(&mut app, "\n");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        !text.iter().any(|row| row.contains("\u{203A} zsyz")),
        "popup closed"
    );
    // The reader's first text row is the heading chosen.
    let heading = shown(second.trim_matches(|c| c == '│' || c == ' '));
    assert!(text[2].contains(&heading), "{heading}\n{text:#?}");
    assert!(
        text[38].contains("石塘乡 \u{B7} 温岭市 \u{B7} 2021"),
        "{text:#?}"
    );
    // The tree unfolded to it (石塘乡 leads its row, or follows its county).
    assert!(
        text.iter()
            .any(|row| row.contains("▾ ") && row.contains("石塘乡")),
        "{text:#?}"
    );
}

#[test]
fn esc_closes_and_gives_the_screen_back_as_it_was() {
    let library = search_library();
    let mut app = app(&library);
    // The second of three rows, so that j has a row to move to afterwards.
    press(&mut app, "j");
    let before = draw(&mut app, 80, 24);
    press(&mut app, "/nanji");
    assert_ne!(draw(&mut app, 80, 24), before);
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(draw(&mut app, 80, 24), before);
    // The tree still has the keys: j moves its selection.
    press(&mut app, "j");
    assert_ne!(draw(&mut app, 80, 24), before);
}

#[test]
fn the_input_edits_by_character_and_takes_pastes() {
    let library = search_library();
    let mut app = app(&library);
    key(&mut app, KeyCode::Char('p'), KeyModifiers::CONTROL);
    press(&mut app, "招商引资");
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    let input_row = |app: &mut App| {
        rows(&draw(app, 80, 24))
            .into_iter()
            .find(|row| row.contains("\u{2502}\u{203A} "))
            .unwrap()
    };
    assert!(input_row(&mut app).contains("\u{203A} 招商引 "));
    key(&mut app, KeyCode::Left, KeyModifiers::NONE);
    key(&mut app, KeyCode::Backspace, KeyModifiers::NONE);
    assert!(input_row(&mut app).contains("\u{203A} 招引 "));
    paste(&mut app, "商\n资");
    assert!(input_row(&mut app).contains("\u{203A} 招商 资引 "));
    // The cursor sits after "招商 资": 7 cells past the prompt.
    let screen = draw(&mut app, 80, 24);
    let row = rows(&screen)
        .iter()
        .position(|row| row.contains("\u{2502}\u{203A} "))
        .unwrap();
    // The prompt, after the popup's left border.
    let prompt = rows(&screen)[row].find("\u{2502}\u{203A}").unwrap() + '\u{2502}'.len_utf8();
    let prompt_x = unicode_width::UnicodeWidthStr::width(&rows(&screen)[row][..prompt]) as u16;
    assert_eq!(
        app.cursor(),
        Some(Position::new(prompt_x + 2 + 7, row as u16))
    );
    // q and j are text here, not quit and scroll.
    press(&mut app, "qj");
    assert!(!app.should_quit());
    assert!(input_row(&mut app).contains("\u{203A} 招商 资qj引 "));
}

/// The text of the hit the reader went to, drawn reversed and bold on a
/// 120×40 screen (it may wrap onto a second line).
fn current_hit(screen: &Buffer) -> String {
    (1..38u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .map(|at| &screen[at])
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .map(|cell| cell.symbol())
        .collect::<String>()
        .replace(' ', "")
}

#[test]
fn full_text_hits_are_marked_in_the_reader_and_n_steps_through_them() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/\t垃圾分类");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        text.iter().any(|row| row.contains("Full text \u{B7} ")),
        "{text:#?}"
    );
    let (total, paragraphs) = hits_and_paragraphs(&library, "垃圾分类");
    assert!(
        text.iter()
            .any(|row| row.contains(&format!("{total} hits in {paragraphs} paragraphs"))),
        "{text:#?}"
    );
    press(&mut app, "\n");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(text[38].contains(&format!("hit 1/{total}")), "{}", text[38]);
    let current = current_hit(&screen);
    assert_eq!(current, "垃圾分类", "{text:#?}");
    press(&mut app, "n");
    assert!(rows(&draw(&mut app, 120, 40))[38].contains(&format!("hit 2/{total}")));
    press(&mut app, "NN");
    assert!(rows(&draw(&mut app, 120, 40))[38].contains(&format!("hit {total}/{total}")));
}

// A punctuation mark matches in either width: the hit is marked over the
// text as written, not over the query's length.
#[test]
fn a_hit_with_a_mark_in_the_other_width_is_marked_as_written() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/\t统筹，\n");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(text[38].contains("hit 1/"), "{}", text[38]);
    // Marked over the text as written, which the reader shows full-width.
    let current = current_hit(&screen);
    assert_eq!(current, "统筹，", "{text:#?}");
}

// Before, n said "no full-text hits"; it repeats either kind of search now.
#[test]
fn n_without_a_search_says_how_to_get_one() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "n");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(text[22].contains("nothing to repeat"), "{}", text[22]);
}

#[test]
fn the_popup_draws_at_every_size_without_spilling() {
    let library = search_library();
    for (width, height) in (1..=70)
        .flat_map(|w| [(w, 6), (w, 15), (w, 30)])
        .chain((1..=40).map(|h| (40, h)))
    {
        // Headings, and full text with several hits to a paragraph (a
        // count at the row's end).
        for keys in ["/zsyz", "/\t垃圾分类"] {
            let mut app = app(&library);
            press(&mut app, keys);
            key(&mut app, KeyCode::Down, KeyModifiers::NONE);
            let text = rows(&draw(&mut app, width, height));
            for row in &text {
                assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= width as usize);
            }
        }
    }
}

#[test]
fn a_click_selects_a_result_and_a_second_click_reads_it() {
    use crossterm::event::MouseEventKind;
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/zsyz");
    let text = rows(&draw(&mut app, 120, 40));
    let second = text
        .iter()
        .enumerate()
        .filter(|(_, row)| row.contains("招商引资"))
        .nth(1)
        .map(|(y, row)| (y as u16, row.clone()))
        .expect("two results");
    click(&mut app, 30, second.0);
    assert!(
        rows(&draw(&mut app, 120, 40))
            .iter()
            .any(|r| r.contains("\u{203A} zsyz"))
    );
    click(&mut app, 30, second.0);
    let text = rows(&draw(&mut app, 120, 40));
    let heading = shown(second.1.trim_matches(|c| c == '│' || c == ' '));
    assert!(text[2].contains(&heading), "{heading}\n{text:#?}");
    // The wheel moves the selection: Enter then reads the second result.
    press(&mut app, "/zsyz");
    mouse(&mut app, MouseEventKind::ScrollDown, 30, 10);
    press(&mut app, "\n");
    assert!(rows(&draw(&mut app, 120, 40))[2].contains(&heading));
}

#[test]
fn enter_on_a_preamble_hit_goes_to_that_hit() {
    let library = search_library();
    for (downs, expected) in [(0, "hit 1/2"), (1, "hit 2/2")] {
        let mut app = app(&library);
        press(&mut app, "/\tgdp");
        for _ in 0..downs {
            key(&mut app, KeyCode::Down, KeyModifiers::NONE);
        }
        press(&mut app, "\n");
        let text = rows(&draw(&mut app, 120, 40));
        assert!(text[38].contains(expected), "{}", text[38]);
        assert!(text[38].contains("石塘乡"), "{}", text[38]);
    }
}

// Before, n said "no full-text hits" after a heading jump; now the heading
// search is the one n repeats.
#[test]
fn a_heading_jump_ends_the_full_text_hits() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/\t垃圾分类\n");
    assert!(rows(&draw(&mut app, 120, 40))[38].contains("hit 1/"));
    // The popup opens in the mode used last: Tab back to headings, where
    // the full-text query comes along selected and typing replaces it.
    press(&mut app, "/\tzsyz\nn");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    assert!(!text[38].contains("hit "), "{}", text[38]);
    assert!(text[38].contains("result 2/"), "{}", text[38]);
    // No full-text hit is marked any more.
    let marked = (1..38u16)
        .flat_map(|y| (0..120u16).map(move |x| (x, y)))
        .any(|at| {
            screen[at]
                .modifier
                .contains(Modifier::REVERSED | Modifier::BOLD)
                && at.0 > 30
        });
    assert!(!marked, "{text:#?}");
}

#[test]
fn a_jump_into_a_folded_report_unfolds_the_tree_to_the_section() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/shiti\n");
    let text = rows(&draw(&mut app, 120, 40));
    // The tree row of the section read, selected at the top of the reader.
    assert!(
        text.iter().any(|row| row.contains("(一)深化招商引资")),
        "{text:#?}"
    );
    // The reader shows the marks between Chinese characters full-width.
    assert!(text[2].contains("（一）深化招商引资"), "{text:#?}");
}

#[test]
fn a_narrow_popup_cuts_a_heading_around_its_matches() {
    let library = search_library();
    let mut app = app(&library);
    press(&mut app, "/shiti");
    let screen = draw(&mut app, 40, 15);
    let text = rows(&screen);
    let row = text
        .iter()
        .position(|row| row.contains("实体"))
        .expect("the match in view");
    for modifier in modifiers_of(&screen, row as u16, "实体") {
        assert!(modifier.contains(Modifier::UNDERLINED), "{text:#?}");
    }
    for modifier in modifiers_of(&screen, row as u16, "\u{2026}") {
        assert!(!modifier.contains(Modifier::UNDERLINED), "{text:#?}");
    }
}

#[test]
fn the_status_bar_says_when_full_text_hits_were_too_many_to_keep() {
    let dir = library_past_the_hit_cap();
    let kept = baogao_search::MAX_TEXT_HITS;
    let library = library_from_dir(dir.path());
    let mut app = app(&library);
    press(&mut app, "/\t\u{7684}\n");
    let text = rows(&draw(&mut app, 120, 40));
    // n/N go round the kept hits; "+" says there are more than these.
    assert!(text[38].contains(&format!("hit 1/{kept}+")), "{}", text[38]);
}

#[test]
fn ctrl_j_a_line_feed_opens_the_result_like_enter() {
    let library = search_library();
    let (mut by_enter, mut by_line_feed) = (app(&library), app(&library));
    press(&mut by_enter, "/zsyz\n");
    press(&mut by_line_feed, "/zsyz");
    key(&mut by_line_feed, KeyCode::Char('j'), KeyModifiers::CONTROL);
    let opened = rows(&draw(&mut by_enter, 120, 40));
    assert!(opened[38].contains("石塘乡"), "{opened:#?}");
    assert_eq!(rows(&draw(&mut by_line_feed, 120, 40)), opened);
}

/// Hits of `query` in the library's paragraphs, and the paragraphs holding them.
pub(super) fn hits_and_paragraphs(library: &Library, query: &str) -> (usize, usize) {
    let counts: Vec<usize> = library
        .reports()
        .iter()
        .flat_map(|r| {
            r.preamble
                .iter()
                .chain(r.outline().flat_map(|(_, s)| &s.paragraphs))
        })
        .map(|p| p.matches(query).count())
        .filter(|&n| n > 0)
        .collect();
    (counts.iter().sum(), counts.len())
}

/// The popup's rows at 120 columns after the count line, the inside of
/// the popup only (the tree shows on its left), trimmed, up to its bottom.
pub(super) fn list_rows(text: &[String]) -> Vec<String> {
    let count = text
        .iter()
        .position(|row| row.contains(" \u{B7} Tab: ") || row.contains("no close match"))
        .expect("the count line");
    text[count + 1..]
        .iter()
        .take_while(|row| !row.contains('\u{2514}'))
        .map(|row| {
            row.split('\u{2502}')
                .nth(2)
                .unwrap_or("")
                .trim()
                .to_string()
        })
        .collect()
}

/// Whether a row of the popup's list is the divider before the weak matches.
pub(super) fn is_divider(inside: &str) -> bool {
    inside.starts_with("\u{2500}\u{2500} ")
}

/// The popup's results at 120 columns: each result's first row (the
/// divider before the weak matches is not one).
pub(super) fn result_rows(text: &[String]) -> Vec<String> {
    let mut listed = Vec::new();
    let mut rows = list_rows(text).into_iter();
    while let Some(row) = rows.next() {
        if is_divider(&row) {
            continue;
        }
        if row.is_empty() {
            break;
        }
        listed.push(row);
        // The row under it says where it is.
        rows.next();
    }
    listed
}

/// Where the status bar says n/N are: "hit 3/17" or "result 3/17".
pub(super) fn walked(text: &[String]) -> String {
    let bar = &text[38];
    for word in ["result ", "hit "] {
        if let Some(at) = bar.rfind(word) {
            let number = bar[at + word.len()..].split_whitespace().next();
            return format!("{word}{}", number.unwrap_or(""));
        }
    }
    String::new()
}

#[test]
fn full_text_lists_a_paragraph_once_with_its_hit_count() {
    let library = search_library();
    let (hits, paragraphs) = hits_and_paragraphs(&library, "垃圾分类");
    assert!(
        hits > paragraphs,
        "the test needs a paragraph with two hits"
    );
    let mut app = app(&library);
    press(&mut app, "/\t垃圾分类");
    let screen = draw(&mut app, 120, 40);
    let text = rows(&screen);
    let listed = result_rows(&text);
    assert_eq!(listed.len(), paragraphs, "{text:#?}");
    // The count ends the row (the popup's inside, trimmed).
    let count_of = |row: &String| {
        row.rsplit_once(" \u{D7}")
            .and_then(|(_, n)| n.parse::<usize>().ok())
            .unwrap_or(1)
    };
    let counts: Vec<usize> = listed.iter().map(count_of).collect();
    assert_eq!(counts.iter().sum::<usize>(), hits, "{listed:#?}");
    // Enter on the first paragraph with several hits opens at its first
    // hit; n goes to its second.
    let row = counts
        .iter()
        .position(|&n| n > 1)
        .expect("a row with a count");
    let before: usize = counts[..row].iter().sum();
    for _ in 0..row {
        key(&mut app, KeyCode::Down, KeyModifiers::NONE);
    }
    press(&mut app, "\n");
    let text = rows(&draw(&mut app, 120, 40));
    assert_eq!(
        walked(&text),
        format!("hit {}/{hits}", before + 1),
        "{}",
        text[38]
    );
    press(&mut app, "n");
    let text = rows(&draw(&mut app, 120, 40));
    assert_eq!(
        walked(&text),
        format!("hit {}/{hits}", before + 2),
        "{}",
        text[38]
    );
}

#[test]
fn a_counted_row_fits_a_narrow_popup_without_cutting_a_character() {
    let library = search_library();
    for width in 30..=60 {
        let mut app = app(&library);
        press(&mut app, "/\t垃圾分类");
        let screen = draw(&mut app, width, 20);
        let text = rows(&screen);
        // The popup's right border: the column of the top right corner.
        let top = text
            .iter()
            .position(|row| row.contains("Search"))
            .expect("the popup");
        let right = (0..width)
            .rev()
            .find(|&x| screen[(x, top as u16)].symbol() == "\u{2510}")
            .expect("the top right corner");
        let mut counted = 0;
        for (y, row) in text.iter().enumerate().skip(top + 1) {
            assert!(unicode_width::UnicodeWidthStr::width(row.as_str()) <= width as usize);
            if row.contains("\u{2514}") {
                break;
            }
            assert_eq!(
                screen[(right, y as u16)].symbol(),
                "\u{2502}",
                "{width}: {text:#?}"
            );
            counted += usize::from(row.contains(" \u{D7}"));
        }
        assert!(counted > 0, "{width}: {text:#?}");
    }
}

/// A heading as the reader shows it: the marks between Chinese characters
/// full-width (the popup lists headings as written).
fn shown(heading: &str) -> String {
    baogao_layout::full_width_punctuation(heading).into_owned()
}
