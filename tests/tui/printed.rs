//! The reader as a printed Chinese report: headings that run into their
//! text, levels told apart with and without colour, the centred column on a
//! wide screen, punctuation shown full-width (and as written on `p`), where
//! the reader is, edges that say so, the keys people know (half pages, next
//! report, the outline), and the help that scrolls.

use crate::open_nanji;
use baogao_layout::Widths;
use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::{bundled_library, library_from_dir, temp_dir, write_json};
use baogao_testkit::keys::{esc, key, mouse, press};
use baogao_testkit::screen::rows;
use baogao_tui::app::App;
use baogao_tui::position::ReadingPosition;
use baogao_tui::theme::Theme;
use crossterm::event::{KeyCode, KeyModifiers, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use serde_json::json;
use tempfile::TempDir;

/// Read the bundled report `id` from the section at `section`.
fn resume(app: &mut App, id: &str, section: &[usize]) {
    let position = ReadingPosition {
        report_id: id.to_string(),
        section: section.to_vec(),
        block: 0,
        offset: 0,
    };
    assert!(app.resume(&position), "{id} is bundled");
}

/// The style of the cell where `needle` starts on row `y`.
fn style_at(buffer: &Buffer, y: u16, needle: &str) -> Style {
    let row = &rows(buffer)[usize::from(y)];
    let byte = row
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} on row {y}: {row}"));
    let column = Widths::default().str(&row[..byte]);
    buffer[(u16::try_from(column).expect("on screen"), y)].style()
}

/// A library of one report with three levels of headings, none running in.
fn levels_library() -> (TempDir, Library) {
    let dir = temp_dir();
    let report = json!({
        "schema": 1,
        "id": "levels",
        "title": "某镇2021年工作总结",
        "township": "某镇",
        "county": null, "city": null, "province": null,
        "year": 2021,
        "period": "annual",
        "kind": "work-summary",
        "published": null, "publisher": null, "source": null,
        "preamble": ["今年以来,全镇上下共同努力。"],
        "sections": [{
            "heading": "一、工作回顾",
            "paragraphs": [],
            "sections": [{
                "heading": "(一)经济发展",
                "paragraphs": [],
                "sections": [{
                    "heading": "1.工业增长",
                    "paragraphs": ["规上工业产值增长12%。"],
                    "sections": []
                }]
            }]
        }]
    });
    write_json(dir.path(), "levels.json", &report);
    let library = library_from_dir(dir.path());
    (dir, library)
}

#[test]
fn a_run_in_heading_leads_its_paragraph_in_bold_and_no_row_ends_where_a_heading_was_cut() {
    let library = bundled_library();
    let mut app = app(&library);
    // 南麂镇 一、 › (三) › 二是全面推进垃圾分类, — a heading cut at its comma.
    resume(&mut app, "nanji-2020-work-summary", &[0, 2, 1]);
    let buffer = draw(&mut app, 120, 40);
    let text = rows(&buffer);
    // The sentence reads on unbroken, the paragraph indented two characters.
    assert!(
        text[2].contains("│     二是全面推进垃圾分类，全岛投放分类式垃圾桶"),
        "{text:#?}"
    );
    assert!(
        style_at(&buffer, 2, "二是")
            .add_modifier
            .contains(Modifier::BOLD)
    );
    assert!(
        !style_at(&buffer, 2, "全岛")
            .add_modifier
            .contains(Modifier::BOLD)
    );
    // The tree still lists it as a section.
    assert!(
        text.iter().any(|row| row
            .split('│')
            .nth(1)
            .is_some_and(|tree| tree.contains("二是全面推进"))),
        "{text:#?}"
    );

    // Every report, every page: no bold row (a heading of its own) ends
    // with a comma.
    for index in 0..library.len() {
        let mut app = app_at(&library, index);
        let mut seen = String::new();
        for _ in 0..40 {
            let buffer = draw(&mut app, 100, 30);
            for y in 2..28u16 {
                let row: String = (37..99u16)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect();
                let bold = (37..99u16)
                    .filter(|&x| buffer[(x, y)].symbol() != " ")
                    .all(|x| buffer[(x, y)].style().add_modifier.contains(Modifier::BOLD));
                let row = row.trim_end();
                if bold && !row.trim().is_empty() {
                    assert!(!row.ends_with(['，', ',']), "{row}");
                }
            }
            let status = rows(&buffer)[28].clone();
            if status == seen {
                break;
            }
            seen = status;
            press(&mut app, " ");
        }
    }
}

/// The reader's part of a screen row with both panes: after the tree's
/// right border.
fn reader_part(row: &str) -> Option<&str> {
    row.split_once("││").map(|(_, reader)| reader)
}

/// The reader on report `index` of `library`, from its start.
fn app_at(library: &Library, index: usize) -> App<'_> {
    let mut app = app(library);
    let id = library.reports()[index].id.clone();
    resume(&mut app, &id, &[]);
    app
}

#[test]
fn heading_levels_differ_in_indent_and_style_with_and_without_colour() {
    let (_dir, library) = levels_library();
    for no_color in [true, false] {
        let mut app = App::new(&library, Widths::default(), Theme::new(no_color));
        resume(&mut app, "levels", &[]);
        let buffer = draw(&mut app, 120, 40);
        let text = rows(&buffer);
        let find = |needle: &str| {
            text.iter()
                .position(|row| row.contains(needle))
                .unwrap_or_else(|| panic!("{needle} on screen: {text:#?}"))
        };
        let (top, second, third) = (
            find("一、工作回顾"),
            find("（一）经济发展"),
            find("1.工业增长"),
        );
        let column = |y: usize, needle: &str| {
            text[y]
                .find(needle)
                .map(|b| Widths::default().str(&text[y][..b]))
        };
        let (c1, c2, c3) = (
            column(top, "一、"),
            column(second, "（一）"),
            column(third, "1."),
        );
        assert!(c1 < c2 && c2 < c3, "indents {c1:?} {c2:?} {c3:?}");
        let style = |y: usize, needle: &str| style_at(&buffer, y as u16, needle);
        let (s2, s3) = (style(second, "（一）"), style(third, "1."));
        assert_ne!(s2, s3, "no_color {no_color}");
        // The top level differs from the second by its indent at least.
        assert!(style(top, "一、") != s2 || c1 != c2, "no_color {no_color}");
        // A third-level heading is no paragraph either.
        assert_ne!(s3, style(find("规上工业"), "规上"), "no_color {no_color}");
    }
}

#[test]
fn a_report_that_fits_says_so_and_marks_between_chinese_are_full_width_until_p() {
    let (_dir, library) = levels_library();
    let mut app = app(&library);
    resume(&mut app, "levels", &[]);
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[38].trim_end().ends_with("all"), "{}", text[38]);
    assert!(
        text.iter().any(|row| row.contains("今年以来，全镇")),
        "{text:#?}"
    );
    press(&mut app, "p");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        text.iter().any(|row| row.contains("今年以来,全镇")),
        "{text:#?}"
    );
    assert!(text[38].contains("as written"), "{}", text[38]);
    press(&mut app, "p");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(
        text.iter().any(|row| row.contains("今年以来，全镇")),
        "{text:#?}"
    );
}

#[test]
fn the_text_column_is_centred_on_a_wide_screen() {
    let library = bundled_library();
    let mut app = app(&library);
    open_nanji(&mut app);
    let buffer = draw(&mut app, 220, 50);
    let text = rows(&buffer);
    // The reader pane: from the tree's right border to the screen's edge.
    let pane_left = text[1]
        .find("││")
        .map(|b| Widths::default().str(&text[1][..b]) + 1);
    let pane_left = pane_left.expect("two panes side by side");
    let occupied: Vec<(usize, usize)> = (2..46usize)
        .filter_map(|y| {
            let cells: Vec<&str> = (pane_left + 1..219)
                .map(|x| buffer[(x as u16, y as u16)].symbol())
                .collect();
            let first = cells.iter().position(|c| *c != " ")?;
            let last = cells.iter().rposition(|c| *c != " " && !c.is_empty())?;
            Some((first, last))
        })
        .collect();
    let left = occupied.iter().map(|(f, _)| *f).min().expect("text");
    let right = occupied.iter().map(|(_, l)| *l).max().expect("text");
    let inner = 219 - (pane_left + 1);
    let right_margin = inner - 1 - right;
    assert!(left > 20, "the column hugs the left: {left}");
    assert!(
        left.abs_diff(right_margin) <= 3,
        "margins {left} and {right_margin}"
    );
}

#[test]
fn the_status_bar_names_the_section_of_the_first_text_row() {
    let library = bundled_library();
    let mut app = app(&library);
    open_nanji(&mut app);
    draw(&mut app, 120, 40);
    // 一、 has no text of its own: a line down, the top row is the gap
    // above （一）, whose heading is the first text row.
    press(&mut app, "j");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[38].contains("› （一）千方百计促发展"), "{}", text[38]);
}

#[test]
fn the_edges_say_so() {
    let library = bundled_library();
    let mut app = app(&library);
    open_nanji(&mut app);
    draw(&mut app, 120, 40);
    let mut said = String::new();
    for _ in 0..30 {
        press(&mut app, "]");
        said = rows(&draw(&mut app, 120, 40))[38].clone();
        if said.contains("last section") {
            break;
        }
    }
    assert!(said.contains("last section"), "{said}");
    press(&mut app, "}");
    assert!(rows(&draw(&mut app, 120, 40))[38].contains("last section"));
    // Round the end of the hits, both ways.
    press(&mut app, "/\t垃圾分类\n");
    draw(&mut app, 120, 40);
    press(&mut app, "N");
    let status = rows(&draw(&mut app, 120, 40))[38].clone();
    assert!(status.contains("wrapped to the last hit"), "{status}");
    press(&mut app, "n");
    let status = rows(&draw(&mut app, 120, 40))[38].clone();
    assert!(status.contains("wrapped to the first hit"), "{status}");
    assert!(status.contains("hit 1/"), "{status}");
}

#[test]
fn half_pages_whole_pages_and_the_next_report() {
    let library = bundled_library();
    let mut app = app(&library);
    resume(&mut app, "nanji-2020-work-summary", &[]);
    let first = rows(&draw(&mut app, 120, 40));
    // 35 rows of text under the breadcrumb: half a page is 17 rows.
    key(&mut app, KeyCode::Char('d'), KeyModifiers::CONTROL);
    let half = rows(&draw(&mut app, 120, 40));
    let top = |text: &[String]| reader_part(&text[2]).map(str::to_string);
    assert_eq!(
        top(&half),
        reader_part(&first[2 + 17]).map(str::to_string),
        "Ctrl-D"
    );
    press(&mut app, "u");
    assert_eq!(top(&rows(&draw(&mut app, 120, 40))), top(&first), "u");
    press(&mut app, "d");
    assert_eq!(top(&rows(&draw(&mut app, 120, 40))), top(&half), "d");
    key(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    key(&mut app, KeyCode::Char('f'), KeyModifiers::CONTROL);
    let page = rows(&draw(&mut app, 120, 40));
    assert_ne!(top(&page), top(&first), "Ctrl-F");
    key(&mut app, KeyCode::Char('b'), KeyModifiers::CONTROL);
    assert_eq!(top(&rows(&draw(&mut app, 120, 40))), top(&first), "Ctrl-B");

    let title = |text: &[String]| text[0].clone();
    press(&mut app, ">");
    let next = rows(&draw(&mut app, 120, 40));
    assert_ne!(title(&next), title(&first), "> opens the next report");
    press(&mut app, "<");
    assert_eq!(title(&rows(&draw(&mut app, 120, 40))), title(&first));
    for _ in 0..library.len() {
        press(&mut app, ">");
    }
    assert!(rows(&draw(&mut app, 120, 40))[38].contains("last report"));
}

#[test]
fn the_outline_lists_sections_with_length_and_reading_time_and_goes_to_one() {
    let library = bundled_library();
    let mut app = app(&library);
    resume(&mut app, "nanji-2020-work-summary", &[]);
    draw(&mut app, 120, 40);
    press(&mut app, "o");
    let text = rows(&draw(&mut app, 120, 40));
    let outline = text.join("\n");
    assert!(outline.contains("Outline"), "{outline}");
    assert!(outline.contains("min at 300 a minute"), "{outline}");
    assert!(outline.contains("二、2021年工作计划"), "{outline}");
    // Down to （一）, Enter: read there, the outline gone.
    press(&mut app, "j\n");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(!text.join("\n").contains("min at 300"), "closed");
    assert!(text[2].contains("（一）千方百计促发展"), "{text:#?}");
    // The wheel moves the selection too: down two, up one, Enter.
    press(&mut app, "g");
    press(&mut app, "o");
    draw(&mut app, 120, 40);
    mouse(&mut app, MouseEventKind::ScrollDown, 60, 20);
    mouse(&mut app, MouseEventKind::ScrollDown, 60, 20);
    mouse(&mut app, MouseEventKind::ScrollUp, 60, 20);
    press(&mut app, "\n");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[2].contains("（一）千方百计促发展"), "{text:#?}");
    press(&mut app, "o");
    draw(&mut app, 120, 40);
    esc(&mut app);
    assert!(
        !rows(&draw(&mut app, 120, 40))
            .join("\n")
            .contains("Outline")
    );
}

#[test]
fn help_scrolls_to_its_end_and_lists_the_mouse() {
    let library = bundled_library();
    let mut app = app(&library);
    press(&mut app, "?");
    let top = rows(&draw(&mut app, 120, 30)).join("\n");
    assert!(top.contains("Everywhere"), "{top}");
    press(&mut app, "G");
    let end = rows(&draw(&mut app, 120, 30)).join("\n");
    assert!(end.contains("Mouse") && end.contains("wheel"), "{end}");
    // A long description wraps under itself instead of being cut.
    assert!(end.contains("a second click goes"), "{end}");
    assert!(!end.contains('…'), "{end}");
    press(&mut app, "g");
    assert!(
        rows(&draw(&mut app, 120, 30))
            .join("\n")
            .contains("Everywhere")
    );
    key(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
    assert!(
        !rows(&draw(&mut app, 120, 30))
            .join("\n")
            .contains("Everywhere")
    );
}

#[test]
fn a_heading_is_found_by_its_marks_in_either_width() {
    let library = bundled_library();
    // The report writes "(一)千方百计促发展,生态…"; the reader shows it
    // full-width, and either form of the query finds it.
    for query in [
        "/（一）千方百计促发展，生态\n",
        "/(一)千方百计促发展,生态\n",
    ] {
        let mut app = app(&library);
        press(&mut app, query);
        let text = rows(&draw(&mut app, 120, 40));
        assert!(
            text[2].contains("（一）千方百计促发展，生态"),
            "{query}: {text:#?}"
        );
    }
}
