//! The library by place: the tree grouped by province › city › county ›
//! township › year with compact chains, townships of one name kept apart,
//! the grouping key, fold-all, and the overviews the reader's side shows
//! for a place, a township, a year and the library. On libraries built in
//! code (`baogao_testkit::reports`), so that what is checked does not hang
//! on the places the bundled files name; and once in the real binary, in a
//! pseudo-terminal.

use baogao_corpus::{CorpusSpec, generate};
use baogao_report::library::Library;
use baogao_testkit::draw::{app, draw};
use baogao_testkit::keys::press;
use baogao_testkit::reports::places_library;
use baogao_testkit::screen::{rows, screen};
use std::time::Instant;
use unicode_width::UnicodeWidthChar;

/// The tree's rows (inside its frame, 34 cells) at 120×40, trimmed.
fn tree_rows(text: &[String]) -> Vec<String> {
    text[1..37]
        .iter()
        .map(|row| {
            let mut cells = 0;
            let inner: String = row
                .chars()
                .skip(1)
                .take_while(|&c| {
                    cells += UnicodeWidthChar::width(c).unwrap_or(0);
                    cells <= 34
                })
                .collect();
            inner.trim_end().to_string()
        })
        .filter(|row| !row.is_empty())
        .collect()
}

#[test]
fn places_nest_in_compact_chains_with_the_unplaced_last() {
    let library = places_library();
    let mut app = app(&library);
    let text = rows(&draw(&mut app, 120, 40));
    let tree = tree_rows(&text);
    assert_eq!(tree.len(), 4, "{tree:#?}");
    assert!(
        tree[0].starts_with("▸ 湖南省 › 石门乡 › 2020 › 工作"),
        "{tree:#?}"
    );
    assert!(
        tree[1].starts_with("▸ 陕西省 › 铜川市 › 宜君县 › 城"),
        "{tree:#?}"
    );
    assert!(
        tree[2].starts_with("▸ 浙江省") && tree[2].ends_with('4'),
        "{tree:#?}"
    );
    assert!(
        tree[3].starts_with("▸ unplaced › unnamed › 2019"),
        "{tree:#?}"
    );
    // 浙江省 open: a city with one county shares its row with it.
    press(&mut app, "jjl");
    let tree = tree_rows(&rows(&draw(&mut app, 120, 40)));
    assert!(
        tree[3].starts_with("  ▸ 台州市 › 玉环市 › 芦浦镇"),
        "{tree:#?}"
    );
    assert!(tree[3].ends_with('2'), "{tree:#?}");
    assert!(tree[4].starts_with("  ▸ 温州市"), "{tree:#?}");
}

#[test]
fn townships_of_one_name_are_two_nodes_each_with_its_county() {
    let library = places_library();
    let mut app = app(&library);
    // By township: 城关镇 twice, each with its county beside.
    press(&mut app, "v");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[0].contains("by township"), "{}", text[0]);
    let tree = tree_rows(&text);
    let chengguan: Vec<&String> = tree.iter().filter(|row| row.contains("城关镇")).collect();
    assert_eq!(chengguan.len(), 2, "{tree:#?}");
    assert!(chengguan[0].contains("城关镇 · 苍南县"), "{tree:#?}");
    assert!(chengguan[1].contains("城关镇 · 宜君县"), "{tree:#?}");
    // By year (folded): 2022 holds both 南塘镇 and 陕西's 城关镇, apart.
    press(&mut app, "vz");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[0].contains("by year"), "{}", text[0]);
    let tree = tree_rows(&text);
    assert_eq!(
        tree.iter()
            .map(|row| row.split(' ').nth(1).unwrap_or_default())
            .collect::<Vec<_>>(),
        ["2019", "2020", "2021", "2022"],
        "{tree:#?}"
    );
}

#[test]
fn a_place_row_shows_its_overview_and_the_status_bar_names_it() {
    let library = places_library();
    let mut app = app(&library);
    // At start: the library's overview, with reports per year.
    let text = screen(&draw(&mut app, 120, 40));
    assert!(
        text.contains("7 reports · 5 townships · 4 counties"),
        "{text}"
    );
    assert!(text.contains("Reports per year"), "{text}");
    assert!(text.contains("2021  ████"), "{text}");
    assert!(text.contains("浙江省 · 3 townships · 4 reports"), "{text}");
    // On 浙江省: its townships and reports by year, and what is in it.
    press(&mut app, "jj");
    let buffer = draw(&mut app, 120, 40);
    let text = rows(&buffer);
    let all = screen(&buffer);
    assert!(text[0].contains("┌ 浙江省 "), "{}", text[0]);
    assert!(all.contains("3 townships · 4 reports"), "{all}");
    assert!(
        all.contains("2021 ") && all.contains("2 reports · 2 townships"),
        "{all}"
    );
    assert!(
        all.contains("台州市 › 玉环市 › 芦浦镇 · 2 reports"),
        "{all}"
    );
    assert!(
        text[38].contains("浙江省 · 3 townships · 4 reports"),
        "{}",
        text[38]
    );
    insta::assert_snapshot!("overview_province_120x40", all);
}

#[test]
fn a_township_row_lists_its_reports_by_year_and_a_year_its_reports() {
    let library = places_library();
    let mut app = app(&library);
    press(&mut app, "jjlj");
    let all = screen(&draw(&mut app, 120, 40));
    assert!(
        all.contains("┌ 浙江省 › 台州市 › 玉环市 › 芦浦镇 "),
        "{all}"
    );
    assert!(all.contains("2 reports, 2020–2021"), "{all}");
    let sections = library.reports()[0].section_count();
    assert!(
        all.contains(&format!("  工作总结 · {sections} sections · ")),
        "{all}"
    );
    assert!(all.contains(" characters"), "{all}");
    // By year: 2022's two reports, each with its township and county.
    press(&mut app, "vvG");
    let buffer = draw(&mut app, 120, 40);
    let all = screen(&buffer);
    assert!(all.contains("┌ 2022 "), "{all}");
    assert!(all.contains("南塘镇 · 乐清市 › 上半年工作总结"), "{all}");
    assert!(all.contains("城关镇 · 宜君县 › 工作总结"), "{all}");
    // Moving onto a report shows it again, not the overview.
    press(&mut app, "lj");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[38].contains("城关镇 · 宜君县 · 2022"), "{}", text[38]);
    assert!(text[2].contains("城关镇2022年工作总结"), "{}", text[2]);
}

#[test]
fn overviews_fit_a_narrow_screen() {
    let library = places_library();
    let mut app = app(&library);
    // On a narrow screen the tree fills it; Tab shows the overview.
    draw(&mut app, 50, 20);
    press(&mut app, "jj\t");
    let text = screen(&draw(&mut app, 50, 20));
    assert!(text.contains("3 townships · 4 reports"), "{text}");
    insta::assert_snapshot!("overview_province_50x20", text);
    // The overview scrolls with the reader's keys, and stops at its end.
    press(&mut app, "GGG");
    let end = screen(&draw(&mut app, 50, 20));
    assert!(end.contains("温州市"), "{end}");
    press(&mut app, "g");
    assert_eq!(screen(&draw(&mut app, 50, 20)), text);
}

#[test]
fn z_folds_everything_and_search_jumps_fold_what_the_last_one_opened() {
    let library = places_library();
    let mut app = app(&library);
    press(&mut app, "jjlll");
    let open = tree_rows(&rows(&draw(&mut app, 120, 40))).len();
    assert!(open > 4);
    press(&mut app, "z");
    let tree = tree_rows(&rows(&draw(&mut app, 120, 40)));
    assert_eq!(tree.len(), 4, "{tree:#?}");
    // A jump from the search opens the way to 芦浦镇 2020's heading…
    press(&mut app, "/推动经济 玉环\n");
    let first = tree_rows(&rows(&draw(&mut app, 120, 40)));
    assert!(
        first.iter().any(|row| row.contains("▾ 台州市")),
        "{first:#?}"
    );
    // …and the next one, to 陕西's 城关镇, folds it again.
    press(&mut app, "/推动经济 宜君\n");
    let second = tree_rows(&rows(&draw(&mut app, 120, 40)));
    assert!(
        second.iter().any(|row| row.contains("▾ 陕西省")),
        "{second:#?}"
    );
    assert!(
        !second.iter().any(|row| row.contains("▾ 台州市")),
        "{second:#?}"
    );
    assert!(
        !second.iter().any(|row| row.contains("▾ 浙江省")),
        "{second:#?}"
    );
}

#[test]
fn ten_thousand_reports_group_by_place_in_linear_time() {
    let spec = CorpusSpec {
        reports: 10_000,
        seed: 7,
    };
    let library = Library::new(generate(&spec).expect("the corpus builds").collect());
    let started = Instant::now();
    let mut app = app(&library);
    let text = rows(&draw(&mut app, 120, 40));
    let first_frame = started.elapsed();
    // Every way of grouping, and a group's overview, at this size.
    press(&mut app, "vvvj");
    draw(&mut app, 120, 40);
    let all = started.elapsed();
    assert!(text[0].contains("Reports 10000"), "{}", text[0]);
    // Generous bounds (a debug build on a shared machine): a quadratic
    // grouping would take minutes here.
    assert!(first_frame.as_secs() < 20, "{first_frame:?}");
    assert!(all.as_secs() < 60, "{all:?}");
}

#[test]
fn behind_an_overview_no_report_is_open_for_ctrl_r() {
    use baogao_testkit::keys::key;
    use crossterm::event::{KeyCode, KeyModifiers};
    let library = places_library();
    let mut app = app(&library);
    // Read 湖南's report (a row of its own), then back to the tree and onto 浙江省.
    press(&mut app, "\n\tjj");
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[0].contains("┌ 浙江省 "), "{}", text[0]);
    press(&mut app, "/\t党建");
    key(&mut app, KeyCode::Char('r'), KeyModifiers::CONTROL);
    let text = rows(&draw(&mut app, 120, 40));
    assert!(text[38].contains("no report is open"), "{}", text[38]);
}

/// The real binary on a directory of placed reports, in a pseudo-terminal:
/// the tree by place, an overview, the grouping key and fold-all.
#[test]
fn in_the_real_binary_places_overviews_and_groupings() {
    use baogao_testkit::fixtures::{temp_dir, write_text};
    use baogao_testkit::pty::Session;
    use std::time::Duration;
    const WAIT: Duration = Duration::from_secs(10);
    let reports = temp_dir();
    for report in places_library().reports() {
        write_text(
            reports.path(),
            &format!("{}.json", report.id),
            &report.to_json_pretty(),
        );
    }
    let state = temp_dir();
    let dir = reports.path().to_string_lossy().to_string();
    let mut session = Session::start(
        env!("CARGO_BIN_EXE_baogao"),
        &[dir.as_str()],
        120,
        40,
        state.path(),
    );
    session.wait_for("Reports per year", WAIT);
    session.send(b"jj");
    let screen = session.wait_for("In it", WAIT);
    assert!(
        screen.contains("浙江省 · 3 townships · 4 reports"),
        "{screen}"
    );
    session.send(b"v");
    let screen = session.wait_for("by township", WAIT);
    assert!(
        screen.contains("城关镇 · 苍南县") && screen.contains("城关镇 · 宜君县"),
        "{screen}"
    );
    session.send(b"vgl");
    session.wait_for("▾ 2019", WAIT);
    session.send(b"z");
    session.wait_until(|s| !s.contains('▾'), WAIT, "every row folded");
    session.send(b"q");
    assert_eq!(session.wait_exit(WAIT), 0);
}
