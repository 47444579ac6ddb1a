//! The popup layer's own logic: which answers are shown, Enter before
//! the answer, the requests typing makes, Ctrl-R's scope, and the
//! selection and clicks around the divider before the weak matches.

use super::*;
use baogao_search::MatchKind;
use worker::ResultRow;

fn update(seq: u64, query: &str) -> Update {
    Update {
        request: Request {
            seq,
            scope: Scope::Library,
            mode: Mode::Headings,
            query: query.to_string(),
        },
        total: 0,
        close: 0,
        weak_from: None,
        paragraphs: 0,
        complete: true,
        rows: Vec::new(),
        text_hits: None,
    }
}

fn shown_query(layer: &SearchLayer) -> Option<&str> {
    layer.shown().map(|u| u.request.query.as_str())
}

#[test]
fn only_answers_newer_than_the_shown_one_and_not_from_the_future_are_shown() {
    let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
    let _ = layer.type_text("z");
    let _ = layer.type_text("s");
    assert!(layer.waiting());
    // The answer to "z" arrives first: better than nothing.
    assert_eq!(layer.receive(update(1, "z")), Effect::None);
    assert_eq!(shown_query(&layer), Some("z"));
    assert!(layer.waiting());
    let _ = layer.receive(update(2, "zs"));
    assert_eq!(shown_query(&layer), Some("zs"));
    assert!(!layer.waiting());
    // A late answer to an older query does not replace it.
    let _ = layer.receive(update(1, "z"));
    assert_eq!(shown_query(&layer), Some("zs"));
}

#[test]
fn a_new_popup_ignores_answers_meant_for_the_one_before() {
    let mut first = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
    let _ = first.type_text("n");
    let _ = first.type_text("a");
    let mut second = SearchLayer::new(Mode::Headings, first.seq(), Recall::default(), None);
    let _ = second.type_text("d");
    let _ = second.receive(update(1, "n"));
    let _ = second.receive(update(2, "na"));
    assert_eq!(shown_query(&second), None);
    let _ = second.receive(update(3, "d"));
    assert_eq!(shown_query(&second), Some("d"));
}

#[test]
fn enter_before_the_answer_goes_once_the_answer_comes() {
    let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
    let _ = layer.type_text("z");
    let _ = layer.receive(update(1, "z"));
    let _ = layer.type_text("s");
    // The rows of "z" are on screen, but Enter means "zs".
    assert_eq!(layer.act(Action::Open), Effect::None);
    let mut answer = update(2, "zs");
    answer.rows.push(ResultRow {
        report: 0,
        section: 3,
        text: "招商".to_string(),
        positions: vec![0, 1],
        kind: Some(MatchKind::Close),
        hit: None,
        count: 1,
        index: 0,
    });
    let Effect::Go(row) = layer.receive(answer) else {
        panic!("Enter went nowhere");
    };
    assert_eq!(row.text, "招商");
}

#[test]
fn typing_asks_for_a_search_and_esc_to_be_closed() {
    let mut layer = SearchLayer::new(Mode::FullText, 4, Recall::default(), None);
    assert_eq!(
        layer.type_text("招商"),
        Effect::Search(Request {
            seq: 5,
            scope: Scope::Library,
            mode: Mode::FullText,
            query: "招商".to_string(),
        })
    );
    assert_eq!(layer.act(Action::CursorLeft), Effect::None);
    assert_eq!(layer.act(Action::Close), Effect::CloseLayer);
}

#[test]
fn ctrl_r_runs_the_query_in_the_open_report_and_back() {
    let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), Some(7));
    let _ = layer.type_text("dj");
    let Effect::Search(request) = layer.act(Action::ToggleScope) else {
        panic!("no search");
    };
    assert_eq!(
        (request.scope, request.query.as_str()),
        (Scope::Report(7), "dj")
    );
    assert!(layer.recall().this_report);
    let Effect::Search(request) = layer.act(Action::ToggleScope) else {
        panic!("no search");
    };
    assert_eq!(request.scope, Scope::Library);
    // With no report open there is nothing to narrow to.
    let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
    assert!(matches!(layer.act(Action::ToggleScope), Effect::Notice(_)));
    assert_eq!(layer.scope(), Scope::Library);
}

/// An answer of `close` close heading matches then `weak` weak ones.
fn tiered(seq: u64, close: usize, weak: usize) -> Update {
    let mut answer = update(seq, "q");
    answer.rows = (0..close + weak)
        .map(|index| ResultRow {
            report: 0,
            section: 0,
            text: format!("{index}"),
            positions: Vec::new(),
            kind: Some(if index < close {
                MatchKind::Close
            } else {
                MatchKind::Weak
            }),
            hit: None,
            count: 1,
            index,
        })
        .collect();
    answer.total = close + weak;
    answer.close = close;
    answer.weak_from = (close > 0 && weak > 0).then_some(close);
    answer
}

#[test]
fn the_divider_is_never_selected_and_clicks_find_the_result_drawn_there() {
    let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
    let _ = layer.type_text("q");
    let _ = layer.receive(tiered(1, 2, 5));
    // A frame with 7 result rows: results 0 and 1, the divider, result 2
    // (and a row left over).
    layer.resize(Rect::new(0, 0, 40, 2 + view::RESULTS_TOP as u16 + 7));
    let top = view::RESULTS_TOP;
    assert_eq!(
        layer.slots(),
        [
            (0, Slot::Result(0)),
            (2, Slot::Result(1)),
            (4, Slot::Divider),
            (5, Slot::Result(2)),
        ]
    );
    // A click on the divider does nothing; one under it selects result 2.
    assert_eq!(layer.click(top + 4), Effect::None);
    assert_eq!(layer.selected(), 0);
    assert_eq!(layer.click(top + 6), Effect::None);
    assert_eq!(layer.selected(), 2);
    // Down from the last result on screen scrolls just enough.
    let _ = layer.act(Action::Down);
    assert_eq!(layer.selected(), 3);
    let shown: Vec<_> = layer.slots().into_iter().map(|(_, slot)| slot).collect();
    assert!(shown.contains(&Slot::Result(3)), "{shown:?}");
    // PgDn and PgUp keep the selection on screen and off the divider.
    for action in [
        Action::PageDown,
        Action::PageDown,
        Action::PageUp,
        Action::PageUp,
    ] {
        let _ = layer.act(action);
        let on_screen = layer
            .slots()
            .iter()
            .any(|&(_, slot)| slot == Slot::Result(layer.selected()));
        assert!(on_screen, "{action:?}: {}", layer.selected());
    }
    assert_eq!((layer.selected(), layer.offset()), (0, 0));
}

#[test]
fn with_no_close_match_there_is_no_divider() {
    let mut layer = SearchLayer::new(Mode::Headings, 0, Recall::default(), None);
    let _ = layer.type_text("q");
    let _ = layer.receive(tiered(1, 0, 5));
    layer.resize(Rect::new(0, 0, 40, 20));
    assert!(!layer.slots().iter().any(|&(_, slot)| slot == Slot::Divider));
}
