//! The tree pane's tests: the place tree on the bundled reports with their
//! places set, groupings, folding, glimpses, counts and the effects of moves.

use super::*;
use crate::shelf::Group;
use baogao_bundled::load_bundled;
use baogao_report::model::Report;

/// The bundled reports with their places set here, so that the tests do
/// not depend on what places the files name.
fn library() -> Library {
    let places = [
        ("nanji", ["浙江省", "温州市", "平阳县"]),
        ("lupu", ["浙江省", "台州市", "玉环市"]),
        ("daixi", ["浙江省", "舟山市", "岱山县"]),
        ("nantang", ["浙江省", "温州市", "乐清市"]),
    ];
    let mut reports: Vec<Report> = load_bundled()
        .reports
        .into_iter()
        .map(|loaded| loaded.report)
        .collect();
    for report in &mut reports {
        let place = places
            .iter()
            .find(|(prefix, _)| report.id.contains(prefix))
            .map(|(_, place)| place);
        report.province = place.map(|p| p[0].to_string());
        report.city = place.map(|p| p[1].to_string());
        report.county = place.map(|p| p[2].to_string());
    }
    Library::new(reports)
}

fn ids(tree: &TreePane) -> Vec<NodeId> {
    tree.rows().iter().map(|row| row.id.clone()).collect()
}

fn labels(tree: &TreePane) -> Vec<String> {
    tree.rows()
        .iter()
        .map(|row| {
            let (label, count) = tree.label(&row.id);
            format!("{}{label} {count}", "  ".repeat(row.depth))
        })
        .collect()
}

fn group(tree: &TreePane, id: &NodeId) -> Group {
    let NodeId::Group(g) = id else {
        panic!("{id:?} is no group");
    };
    tree.shelf.groups[*g].clone()
}

#[test]
fn places_nest_with_compact_chains_and_reports_are_no_deeper_than_two() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    assert_eq!(
        labels(&tree),
        [
            "浙江省 4",
            "unplaced › unnamed › year unknown › 工作总结 11"
        ]
    );
    let _ = tree.act(Action::Expand);
    let _ = tree.act(Action::Expand); // on an open node: to its first child
    let _ = tree.act(Action::Down);
    let _ = tree.act(Action::Expand);
    assert_eq!(
        labels(&tree),
        [
            "浙江省 4",
            "  台州市 › 玉环市 › 芦浦镇 › 2020 › 工作总结 10",
            "  温州市 2",
            "    乐清市 › 南塘镇 › 2022 › 上半年工作总结 19",
            "    平阳县 › 南麂镇 › 2020 › 工作总结 20",
            "  舟山市 › 岱山县 › 岱西镇 › 2023 › 政府工作报告 1",
            "unplaced › unnamed › year unknown › 工作总结 11",
        ]
    );
    let rows = tree.rows();
    assert!(
        rows.iter()
            .filter(|row| matches!(row.id, NodeId::Report(_)))
            .all(|row| row.depth <= 2),
        "{:?}",
        labels(&tree)
    );
    let _ = tree.act(Action::Collapse); // on an open node: fold it
    let _ = tree.act(Action::Collapse); // on a closed node: to its parent
    assert_eq!(tree.selected().map(|row| row.depth), Some(0));
}

#[test]
fn townships_of_one_name_in_two_counties_are_two_nodes() {
    let mut reports: Vec<Report> = library().reports().to_vec();
    let mut other = reports
        .iter()
        .find(|r| r.id.contains("nanji"))
        .cloned()
        .expect("bundled");
    other.id = "nanji-other".to_string();
    other.county = Some("苍南县".to_string());
    reports.push(other);
    let library = Library::new(reports);
    for grouping in [Grouping::Place, Grouping::Township, Grouping::Year] {
        let shelf = shelve(&library, grouping);
        let nanji: Vec<String> = library
            .reports()
            .iter()
            .enumerate()
            .filter(|(_, r)| r.township.as_deref() == Some("南麂镇"))
            .map(|(i, _)| shelf.report_label(&library, i))
            .collect();
        assert_eq!(nanji.len(), 2);
        assert_ne!(nanji[0], nanji[1], "{grouping:?}");
    }
    let shelf = shelve(&library, Grouping::Township);
    let tops: Vec<String> = shelf
        .top
        .iter()
        .map(|child| match child {
            Child::Group(g) => shelf.groups[*g].label.clone(),
            Child::Report(r) => shelf.report_label(&library, *r),
        })
        .collect();
    assert!(
        tops.contains(&"南麂镇 · 平阳县 › 2020 › 工作总结".to_string()),
        "{tops:?}"
    );
    assert!(
        tops.contains(&"南麂镇 · 苍南县 › 2020 › 工作总结".to_string()),
        "{tops:?}"
    );
}

#[test]
fn v_groups_by_township_then_year_then_place_again_keeping_the_report() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let nanji = library
        .index_of("nanji-2020-work-summary")
        .expect("bundled");
    tree.reveal(nanji, &SectionPath(vec![1]));
    assert_eq!(tree.act(Action::Regroup), Effect::None);
    assert_eq!(tree.shelf.grouping, Grouping::Township);
    assert_eq!(
        tree.selected().map(|row| row.id.clone()),
        Some(NodeId::Section(nanji, SectionPath(vec![1])))
    );
    // Each township has one report: each is a row of its own.
    let _ = tree.act(Action::FoldAll);
    assert_eq!(tree.rows().len(), 5, "{:?}", labels(&tree));
    assert_eq!(
        tree.selected().map(|row| row.id.clone()),
        Some(NodeId::Report(nanji))
    );
    let _ = tree.act(Action::FoldAll);
    let _ = tree.act(Action::Regroup);
    assert_eq!(tree.shelf.grouping, Grouping::Year);
    assert_eq!(
        tree.selected().map(|row| row.id.clone()),
        Some(NodeId::Report(nanji))
    );
    let _ = tree.act(Action::FoldAll);
    assert_eq!(tree.selected, 0, "2020, the top row above 南麂镇's report");
    let first = group(&tree, &tree.rows()[0].id);
    assert_eq!(first.label, "2020");
    assert_eq!(first.reports.len(), 2);
    let _ = tree.act(Action::Regroup);
    assert_eq!(tree.shelf.grouping, Grouping::Place);
}

#[test]
fn z_folds_everything_and_keeps_the_top_row_of_the_selection() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let nanji = library
        .index_of("nanji-2020-work-summary")
        .expect("bundled");
    tree.reveal(nanji, &SectionPath(vec![0, 1]));
    let effect = tree.act(Action::FoldAll);
    assert_eq!(tree.rows().len(), 2);
    assert_eq!(tree.selected, 0);
    assert!(matches!(effect, Effect::Overview(OverviewOf::Group(_))));
    assert!(tree.expanded.is_empty());
}

#[test]
fn reveal_opens_the_way_to_a_section_and_selects_it() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let nanji = library
        .index_of("nanji-2020-work-summary")
        .expect("bundled");
    let path = SectionPath(vec![0, 1]);
    tree.reveal(nanji, &path);
    assert_eq!(
        tree.selected().map(|row| row.id.clone()),
        Some(NodeId::Section(nanji, path))
    );
    let rows = ids(&tree);
    assert!(rows.contains(&NodeId::Report(nanji)));
    assert!(rows.contains(&NodeId::Section(nanji, SectionPath(vec![1]))));
    // The selection stays visible in a short pane.
    tree.resize(3);
    assert!(tree.selected >= tree.offset && tree.selected < tree.offset + 3);
}

#[test]
fn a_glimpse_folds_again_what_the_last_one_opened_but_not_what_the_user_did() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let nanji = library.index_of("nanji-2020-work-summary").unwrap();
    let lupu = library.index_of("lupu-2020-work-summary").unwrap();
    let folded = tree.rows().len();
    tree.glimpse(nanji, &SectionPath(vec![0]));
    assert!(ids(&tree).contains(&NodeId::Report(nanji)));
    tree.glimpse(lupu, &SectionPath(vec![0]));
    assert!(ids(&tree).contains(&NodeId::Report(lupu)));
    assert!(!ids(&tree).contains(&NodeId::Report(nanji)), "folded again");
    // The user moves in the tree: what is open now stays open.
    let _ = tree.act(Action::Down);
    tree.glimpse(nanji, &SectionPath(vec![0]));
    assert!(ids(&tree).contains(&NodeId::Report(lupu)));
    assert!(ids(&tree).contains(&NodeId::Report(nanji)));
    // A jump keeps what it opens, and what is open before it.
    tree.reveal(nanji, &SectionPath(vec![1]));
    tree.glimpse(lupu, &SectionPath(vec![1]));
    assert!(ids(&tree).contains(&NodeId::Report(nanji)));
    assert!(tree.rows().len() > folded);
}

#[test]
fn counts_are_what_is_under_a_row_at_any_depth() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let (name, count) = tree.label(&tree.rows()[0].id.clone());
    assert_eq!((name.as_str(), count.as_str()), ("浙江省", "4"));
    let nanji = library
        .index_of("nanji-2020-work-summary")
        .expect("bundled");
    let (kind, sections) = tree.label(&NodeId::Report(nanji));
    assert_eq!(kind, "平阳县 › 南麂镇 › 2020 › 工作总结");
    let report = &library.reports()[nanji];
    assert_eq!(sections, report.section_count().to_string());
    // A section counts its subsections and theirs.
    tree.reveal(nanji, &SectionPath(vec![0]));
    let (_, under) = tree.label(&NodeId::Section(nanji, SectionPath(vec![0])));
    let first = &report.sections[0];
    let all: usize = first.sections.len()
        + first
            .sections
            .iter()
            .map(|s| s.sections.len())
            .sum::<usize>();
    assert_eq!(
        under,
        if all > 0 {
            all.to_string()
        } else {
            String::new()
        }
    );
}

#[test]
fn page_keys_move_the_selection_a_pane_at_a_time() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let nanji = library.index_of("nanji-2020-work-summary").unwrap();
    tree.reveal(nanji, &SectionPath(vec![0]));
    let _ = tree.act(Action::First);
    tree.resize(2);
    let _ = tree.act(Action::PageDown);
    assert_eq!(tree.selected, 2);
    for _ in 0..tree.rows().len() {
        let _ = tree.act(Action::PageDown);
    }
    assert_eq!(tree.selected, tree.rows().len() - 1);
    let _ = tree.act(Action::PageUp);
    assert_eq!(tree.selected, tree.rows().len() - 3);
}

#[test]
fn a_move_onto_a_group_shows_its_overview_and_onto_a_report_shows_it() {
    let library = library();
    let mut tree = TreePane::new(&library, Widths::default(), Theme::default());
    let Effect::Show { report, path } = tree.act(Action::Down) else {
        panic!("the move onto a report showed nothing");
    };
    assert_eq!(path, SectionPath::front());
    assert!(matches!(
        tree.act(Action::Up),
        Effect::Overview(OverviewOf::Group(_))
    ));
    assert_eq!(
        tree.act(Action::Open),
        Effect::None,
        "Enter on a group opens it"
    );
    assert!(tree.rows().len() > 2);
    let _ = tree.act(Action::Last);
    assert_eq!(
        tree.act(Action::Open),
        Effect::Read {
            report,
            path: SectionPath::front()
        }
    );
    assert_eq!(tree.scroll(3), Effect::None);
}
