//! The reader's figures panel (`f`): the list at 80×24 without colour,
//! sorting, Enter reading the figure's sentence, a township with one year
//! saying so, and the chart over two years with its table.

use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::fixtures::{bundled_library, library_from_dir, temp_dir, write_json};
use baogao_testkit::keys::{esc, press};
use baogao_testkit::screen::rows;
use baogao_tui::app::App;
use baogao_tui::position::ReadingPosition;
use serde_json::json;
use tempfile::TempDir;

fn read(app: &mut App, id: &str) {
    let position = ReadingPosition {
        report_id: id.to_string(),
        section: vec![],
        block: 0,
        offset: 0,
    };
    assert!(app.resume(&position), "{id} is in the library");
}

/// No row of the panel starts with a mark that must not open a line.
fn no_row_starts_with_a_closing_mark(text: &[String]) {
    for row in text {
        let inside = row.trim_start_matches(['│', '┌', '└', ' ']);
        assert!(!inside.starts_with(['，', '。', '、']), "{row}");
    }
}

#[test]
fn the_panel_lists_sorts_and_reads_a_figure() {
    let library = bundled_library();
    let mut app = app(&library);
    read(&mut app, "pingyang-nanji-2020-work-summary");
    press(&mut app, "f");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(text[1].contains(" Figures "), "{text:#?}");
    assert!(
        text[2].contains("37 figures · whole report · sorted by position"),
        "{text:#?}"
    );
    assert!(
        text[4].contains("固定资产投资") && text[4].contains("11892 万元"),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|r| r.contains("约26500 平方米")),
        "{text:#?}"
    );
    no_row_starts_with_a_closing_mark(&text);

    press(&mut app, "ss");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(text[2].contains("sorted by value"), "{text:#?}");
    assert!(text[4].contains("入驻基金资管规模"), "{text:#?}");

    // Enter closes the panel and reads the sentence of the figure.
    press(&mut app, "\n");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(!text[1].contains("Figures"), "{text:#?}");
    assert!(text.iter().any(|r| r.contains("923.17")), "{text:#?}");
}

#[test]
fn a_township_with_one_year_says_so_instead_of_a_chart() {
    let library = bundled_library();
    let mut app = app(&library);
    read(&mut app, "pingyang-nanji-2020-work-summary");
    press(&mut app, "fc");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(text[1].contains("over the years"), "{text:#?}");
    assert!(
        text.iter()
            .any(|r| r.contains("Only one year of this township has this figure: 2020")),
        "{text:#?}"
    );
    assert!(!text.iter().any(|r| r.contains('█')), "{text:#?}");
    // Esc goes back to the list, then closes it.
    esc(&mut app);
    let text = rows(&draw(&mut app, 80, 24));
    assert!(text[2].contains("figures · whole report"), "{text:#?}");
    esc(&mut app);
    let text = rows(&draw(&mut app, 80, 24));
    assert!(!text[1].contains("Figures"), "{text:#?}");
}

fn report(year: i32, investment: &str) -> serde_json::Value {
    json!({
        "schema": 1,
        "id": format!("pingyang-mouzhen-{year}-work-summary"),
        "title": format!("某镇{year}年工作总结"),
        "township": "某镇",
        "county": "平阳县", "city": "温州市", "province": "浙江省",
        "year": year,
        "period": "annual",
        "kind": "work-summary",
        "published": null, "publisher": null, "source": null,
        "preamble": [],
        "sections": [{
            "heading": "一、工作回顾",
            "paragraphs": [format!("全年完成固定资产投资{investment},同比增长8%。")],
            "sections": []
        }]
    })
}

fn two_years() -> (TempDir, Library) {
    let dir = temp_dir();
    write_json(dir.path(), "a.json", &report(2021, "1.2亿元"));
    write_json(dir.path(), "b.json", &report(2022, "15000万元"));
    let library = library_from_dir(dir.path());
    (dir, library)
}

#[test]
fn an_indicator_over_two_years_is_a_bar_chart_with_a_table_at_80_by_24_and_50_by_20() {
    let (_dir, library) = two_years();
    let mut app = app(&library);
    read(&mut app, "pingyang-mouzhen-2021-work-summary");
    press(&mut app, "fc");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(text[2].contains("固定资产投资 (亿元)"), "{text:#?}");
    assert!(text.iter().any(|r| r.contains('█')), "a chart: {text:#?}");
    // 15000万元 is 1.5亿元 in the unit of the figure charted.
    assert!(
        text.iter()
            .any(|r| r.contains("2021") && r.trim_end_matches('│').ends_with("1.2")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|r| r.contains("2022") && r.trim_end_matches('│').ends_with("1.5")),
        "{text:#?}"
    );
    let text = rows(&draw(&mut app, 50, 20));
    assert!(
        text.iter().any(|r| r.contains("2022") && r.contains("1.5")),
        "{text:#?}"
    );
    for row in &text {
        assert!(Widths::default().str(row) <= 50, "{row}");
    }

    // The same indicator across the county's townships in 2021: one.
    esc(&mut app);
    press(&mut app, "v");
    let text = rows(&draw(&mut app, 80, 24));
    assert!(
        text.iter()
            .any(|r| r.contains("Only this township of the county")),
        "{text:#?}"
    );
}

use baogao_layout::Widths;

/// The style of the cell where `needle` starts, anywhere on screen.
fn style_of(buffer: &ratatui::buffer::Buffer, needle: &str) -> ratatui::style::Style {
    let text = rows(buffer);
    let (y, row) = text
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains(needle))
        .unwrap_or_else(|| panic!("{needle}: {text:#?}"));
    let column = Widths::default().str(&row[..row.find(needle).unwrap_or(0)]);
    buffer[(
        u16::try_from(column).expect("on screen"),
        u16::try_from(y).expect("on screen"),
    )]
        .style()
}

#[test]
fn shift_f_marks_the_figures_in_the_text_and_again_stops() {
    use ratatui::style::Modifier;
    let library = bundled_library();
    let mut app = app(&library);
    let position = ReadingPosition {
        report_id: "pingyang-nanji-2020-work-summary".to_string(),
        section: vec![0, 0],
        block: 0,
        offset: 0,
    };
    assert!(app.resume(&position));
    let before = style_of(&draw(&mut app, 120, 40), "11892");
    assert!(!before.add_modifier.contains(Modifier::UNDERLINED));
    press(&mut app, "F");
    let buffer = draw(&mut app, 120, 40);
    assert!(
        rows(&buffer)
            .iter()
            .any(|r| r.contains("figures: marked in the text"))
    );
    assert!(
        style_of(&buffer, "11892")
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    // The mark covers the indicator too, not a date nearby.
    assert!(
        style_of(&buffer, "固定资产投资")
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    press(&mut app, "F");
    let after = style_of(&draw(&mut app, 120, 40), "11892");
    assert!(!after.add_modifier.contains(Modifier::UNDERLINED));
}
