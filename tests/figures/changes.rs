//! `baogao_figures::changes(a, b)`, what the compare view will show:
//! indicators paired exactly, then by near phrase, units normalised.

use baogao_report::model::{Kind, Period, Report, SectionPath};

fn report(id: &str, paragraph: &str) -> Report {
    let json = serde_json::json!({
        "schema": 1, "id": id, "title": "某镇工作总结", "township": "某镇",
        "county": null, "city": null, "province": null, "year": 2021,
        "period": "annual", "kind": "work-summary",
        "published": null, "publisher": null, "source": null,
        "preamble": [],
        "sections": [{"heading": "一、工作回顾", "paragraphs": [paragraph], "sections": []}]
    });
    let report: Report = serde_json::from_value(json).expect("a report");
    assert_eq!(report.period, Period::Annual);
    assert_eq!(report.kind, Kind::WorkSummary);
    report
}

#[test]
fn changed_new_and_gone_figures() {
    let a = report(
        "a",
        "完成固定资产投资1.2亿元,同比增长8%;税收收入3000万元;整改隐患176处。",
    );
    let b = report(
        "b",
        "完成固定资产投资额15000万元,同比增长8%;税收收入0.3亿元;新建道路3公里。",
    );
    let changes = baogao_figures::changes(&a, &b);
    let names: Vec<(&str, bool, bool)> = changes
        .iter()
        .map(|c| (c.indicator.as_str(), c.before.is_some(), c.after.is_some()))
        .collect();
    // 1.2亿元 → 15000万元 changed (near phrase); the growth and the tax
    // (3000万元 = 0.3亿元) did not; 隐患 is gone and 道路 is new.
    assert_eq!(
        names,
        [
            ("固定资产投资", true, true),
            ("整改隐患", true, false),
            ("新建道路", false, true)
        ],
        "{changes:#?}"
    );
    let first = &changes[0];
    assert_eq!(
        first.after.as_ref().map(|f| f.indicator.as_str()),
        Some("固定资产投资额")
    );
    assert!(a.section(&SectionPath(vec![0])).is_some());
}
