//! Rendering tests: the reader drawn with ratatui's `TestBackend` on the
//! bundled reports, at the sizes people use (120×40, 80×24, 40×15) and at
//! every size down to 1×1, driven by the same key events a terminal sends.

use crate::open_nanji;
use baogao_layout::{AmbiguousWidth, Widths};
use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::bundled_library;
use baogao_testkit::keys::{click, esc, mouse, press};
use baogao_testkit::screen::{rows, screen};
use baogao_tui::app::App;
use baogao_tui::position::ReadingPosition;
use baogao_tui::theme::Theme;
use ratatui::buffer::Buffer;

#[test]
fn by_township_the_tree_lists_townships_in_pinyin_order_with_counts() {
    let library = bundled_library();
    let mut app = app(&library);
    // By township: the order does not hang on the places the reports name.
    press(&mut app, "v");
    let text = screen(&draw(&mut app, 120, 40));
    let order: Vec<usize> = ["岱西镇", "芦浦镇", "南麂镇", "南塘镇", "unnamed"]
        .iter()
        .map(|name| {
            text.find(name)
                .unwrap_or_else(|| panic!("{name} on screen:\n{text}"))
        })
        .collect();
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{text}");
    assert!(text.contains("Reports 5"), "{text}");
}

#[test]
fn opening_a_section_shows_its_heading_breadcrumb_and_status() {
    let library = bundled_library();
    let mut app = app(&library);
    open_nanji(&mut app);
    let buffer = draw(&mut app, 120, 40);
    let text = screen(&buffer);
    assert!(text.contains("一、2020年工作总结"), "{text}");
    let status = &rows(&buffer)[38];
    assert!(
        status.contains("南麂镇 · 平阳县 · 2020 · 南麂镇2020年工作总结"),
        "{status}"
    );
    assert!(status.trim_end().ends_with('%'), "{status}");
}

#[test]
fn reading_flows_into_the_next_section_and_the_tree_follows() {
    let library = bundled_library();
    let mut app = app(&library);
    open_nanji(&mut app);
    draw(&mut app, 120, 40);
    press(&mut app, "]");
    let text = screen(&draw(&mut app, 120, 40));
    // The status bar names the section; the reader's top line is its heading.
    let breadcrumb = rows(&draw(&mut app, 120, 40))[38].clone();
    // Shown full-width and indented a character, as a second level is.
    assert!(
        breadcrumb.contains("› （一）千方百计促发展"),
        "{breadcrumb}\n{text}"
    );
    assert!(
        rows(&draw(&mut app, 120, 40))[2].contains("│   （一）千方百计促发展"),
        "{text}"
    );
    // Paging on goes past the section's end into the next ones.
    press(&mut app, "          ");
    let later = rows(&draw(&mut app, 120, 40))[38].clone();
    assert_ne!(later, breadcrumb);
}

#[test]
fn help_is_generated_from_the_key_table_and_esc_closes_it() {
    let library = bundled_library();
    let mut app = app(&library);
    press(&mut app, "?");
    // The table is longer than the screen: read it all by scrolling.
    let mut text = screen(&draw(&mut app, 100, 40));
    for _ in 0..baogao_tui::keymap::KEYMAP.len() {
        press(&mut app, "j");
        text.push_str(&screen(&draw(&mut app, 100, 40)));
    }
    for binding in baogao_tui::keymap::KEYMAP {
        assert!(
            text.contains(binding.description),
            "{} missing:\n{text}",
            binding.description
        );
    }
    esc(&mut app);
    let text = screen(&draw(&mut app, 100, 40));
    assert!(!text.contains("show every key"), "{text}");
}

/// Closing punctuation that must never start a line of report text.
const NO_LINE_START: &str = "，。、；：？！）》」』】〕〉’”…,.;:?!)";

#[test]
fn every_bundled_report_reads_end_to_end_at_three_sizes() {
    let library = bundled_library();
    for (width, height) in [(120, 40), (80, 24), (40, 15)] {
        for index in 0..library.len() {
            let mut app = app(&library);
            // Open the report at its start, as a saved position would.
            let start = ReadingPosition {
                report_id: library.reports()[index].id.clone(),
                section: Vec::new(),
                block: 0,
                offset: 0,
            };
            assert!(app.resume(&start));
            let mut seen_last = false;
            for _ in 0..400 {
                let buffer = draw(&mut app, width, height);
                check_reader_rows(&buffer, width);
                let status = rows(&buffer)[height as usize - 2].clone();
                if status.trim_end().ends_with("100%") {
                    seen_last = true;
                    break;
                }
                press(&mut app, " ");
            }
            assert!(
                seen_last,
                "report {index} never reached 100% at {width}×{height}"
            );
        }
    }
}

/// Inside the reader's border: no row starts with closing punctuation and
/// the right border is intact (nothing spilled over it).
fn check_reader_rows(buffer: &Buffer, width: u16) {
    let rows = rows(buffer);
    for row in &rows[1..rows.len().saturating_sub(3)] {
        let inner: String = row
            .chars()
            .rev()
            .skip(1)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert!(
            row.ends_with('│'),
            "border broken at width {width}: {row:?}"
        );
        let text_start = inner.rsplit('│').next().unwrap_or(&inner).trim_start();
        if let Some(first) = text_start.chars().next() {
            assert!(
                !NO_LINE_START.contains(first),
                "line starts with {first:?}: {row:?}"
            );
        }
    }
}

#[test]
fn every_size_from_one_by_one_draws_without_panic() {
    let library = bundled_library();
    let mut app = App::new(&library, Widths::default(), Theme::new(false));
    open_nanji(&mut app);
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for width in 1..=120 {
        for height in [1, 2, 3, 4, 7, 8, 9, 15, 24, 40] {
            sizes.push((width, height));
        }
    }
    for height in 1..=40 {
        for width in [1, 2, 3, 4, 29, 30, 31, 40, 59, 60, 80, 120] {
            sizes.push((width, height));
        }
    }
    // A report open in the reader; then the help layer over it, scrolled;
    // then the tree focused (one pane on narrow screens), in wide mode.
    let mut help = App::new(&library, Widths::default(), Theme::new(false));
    open_nanji(&mut help);
    press(&mut help, "?jjjjjjjjjjjjjjjjjjjjjjjjjjjjjj");
    let wide = Widths {
        ambiguous: AmbiguousWidth::Wide,
    };
    let mut tree = App::new(&library, wide, Theme::new(false));
    open_nanji(&mut tree);
    press(&mut tree, "\t");
    for (width, height) in sizes {
        for app in [&mut app, &mut help, &mut tree] {
            let text = screen(&draw(app, width, height));
            if width < 30 || height < 8 {
                assert!(
                    !text.contains("南麂"),
                    "{width}×{height} drew panes:\n{text}"
                );
            }
        }
    }
    let text = screen(&draw(&mut app, 40, 7));
    assert!(text.contains("terminal too small"), "{text}");
}

#[test]
fn ambiguous_wide_setting_keeps_the_layout_inside_the_panes() {
    let library = bundled_library();
    let mut app = App::new(
        &library,
        Widths {
            ambiguous: AmbiguousWidth::Wide,
        },
        Theme::new(true),
    );
    open_nanji(&mut app);
    let text = screen(&draw(&mut app, 100, 30));
    assert!(
        text.contains('+') && text.contains('|'),
        "ASCII borders expected:\n{text}"
    );
    assert!(!text.contains('│'), "{text}");
}

/// What a reader sees, kept as snapshots: the tree, the reader on 南麂镇's
/// first section and the bottom rows, at the three sizes people use (at
/// 40×15 one pane fills the screen: the reader, as Enter moved the focus).
#[test]
fn snapshots_at_three_sizes() {
    let library = bundled_library();
    for (width, height) in [(120, 40), (80, 24), (40, 15)] {
        let mut app = app(&library);
        draw(&mut app, width, height);
        open_nanji(&mut app);
        press(&mut app, "]");
        let text = screen(&draw(&mut app, width, height));
        insta::assert_snapshot!(format!("nanji_{width}x{height}"), text);
    }
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_a_click_selects() {
    use crossterm::event::MouseEventKind;
    let library = bundled_library();
    let mut app = app(&library);
    open_nanji(&mut app);
    let before = rows(&draw(&mut app, 120, 40))[2].clone();
    mouse(&mut app, MouseEventKind::ScrollDown, 80, 20);
    let after = rows(&draw(&mut app, 120, 40))[2].clone();
    assert_ne!(before, after, "the wheel over the reader scrolls it");
    // A click on the first tree row (岱西镇) selects it; a second click opens it.
    click(&mut app, 5, 1);
    click(&mut app, 5, 1);
    let text = screen(&draw(&mut app, 120, 40));
    assert!(text.contains("▾ 岱西镇"), "{text}");
    // One click on a fold marker selects the row and opens it: 芦浦镇, now row 3.
    click(&mut app, 1, 3);
    let text = screen(&draw(&mut app, 120, 40));
    assert!(text.contains("▾ 芦浦镇"), "{text}");
}

#[test]
fn an_empty_library_says_so_and_takes_every_key() {
    let library = Library::new(Vec::new());
    let mut app = app(&library);
    for (width, height) in [(120, 40), (40, 15), (30, 8), (1, 1)] {
        draw(&mut app, width, height);
        press(&mut app, "jkhlgG\n \t]}[{b?");
        esc(&mut app);
        press(&mut app, "\t");
    }
    let text = screen(&draw(&mut app, 120, 40));
    assert!(text.contains("No reports here yet"), "{text}");
    assert!(text.contains("Reports 0"), "{text}");
}

#[test]
fn a_report_with_no_sections_and_no_title_reads_by_its_kind() {
    let mut report = bundled_library().reports()[0].clone();
    report.title = String::new();
    report.sections.clear();
    report.township = None;
    report.county = None;
    report.city = None;
    report.province = None;
    report.code = None;
    report.year = None;
    let library = Library::new(vec![report]);
    let mut app = app(&library);
    draw(&mut app, 80, 24);
    press(&mut app, "lljj\n]]}G");
    let buffer = draw(&mut app, 80, 24);
    let status = rows(&buffer)[22].clone();
    assert!(status.contains("unnamed · year unknown · "), "{status}");
    assert!(
        screen(&buffer).contains("year unknown"),
        "{}",
        screen(&buffer)
    );
}

#[test]
fn the_tree_follows_reading_without_unfolding_what_the_user_folded() {
    let library = bundled_library();
    let mut app = app(&library);
    draw(&mut app, 120, 40);
    open_nanji(&mut app);
    draw(&mut app, 120, 40);
    // 一、 is folded: reading into (一) and (二) keeps the selection on 一、.
    press(&mut app, "]]");
    let text = screen(&draw(&mut app, 120, 40));
    assert!(
        !text.contains("│          (二)坚持"),
        "the tree unfolded 一、:\n{text}"
    );
    // Unfold it in the tree, go back to reading: now the section itself is selected.
    press(&mut app, "\tl\t]");
    let buffer = draw(&mut app, 120, 40);
    let selected: Vec<String> = rows(&buffer)[..38]
        .iter()
        .zip(buffer.content.chunks(120))
        .filter(|(_, cells)| {
            cells[3]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .map(|(row, _)| row.clone())
        .collect();
    assert_eq!(selected.len(), 1, "{selected:?}");
    assert!(selected[0].contains("(三)全力以赴"), "{selected:?}");
}

#[test]
fn on_a_narrow_screen_the_status_bar_knows_the_section_while_the_tree_shows() {
    let library = bundled_library();
    let mut app = app(&library);
    draw(&mut app, 50, 20);
    // Select 一、 in the tree without opening it: the reader is hidden.
    press(&mut app, "vgjjlj");
    let status = rows(&draw(&mut app, 50, 20))[18].clone();
    assert!(
        status.contains("一、2020") || status.contains("南麂镇 · 平阳县 · 2020"),
        "{status}"
    );
    assert!(status.trim_end().ends_with('%'), "{status}");
}

#[test]
fn paging_on_from_the_last_page_brings_each_last_section_to_the_top() {
    let library = bundled_library();
    let mut app = app(&library);
    draw(&mut app, 120, 40);
    open_nanji(&mut app);
    draw(&mut app, 120, 40);
    press(&mut app, "G");
    let at_end = rows(&draw(&mut app, 120, 40))[38].clone();
    let mut crumbs = vec![at_end];
    for _ in 0..10 {
        press(&mut app, " ");
        crumbs.push(rows(&draw(&mut app, 120, 40))[38].clone());
    }
    // The last section of 南麂镇's report is (四) of 二、; G shows an earlier one at the top.
    assert!(!crumbs[0].contains("（四）强化党建"), "{crumbs:?}");
    assert!(
        crumbs
            .last()
            .is_some_and(|crumb| crumb.contains("（四）强化党建")),
        "{crumbs:?}"
    );
    // Each press moved at most one section on: (二) and (三) of 二、 were seen on the way.
    assert!(
        crumbs.iter().any(|crumb| crumb.contains("（三）聚焦民生")),
        "{crumbs:?}"
    );
}
