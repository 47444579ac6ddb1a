//! Shapes of real reports that the samples do not show, each a small file in
//! tests/data/shapes (written with full-width punctuation, as most pages
//! print it): short lines inside sections, tables, signatures, number lists
//! that look like headings, titles only in the metadata or over two lines,
//! navigation bars, list items that share a suffix, marker variants,
//! Chinese-numeral dates, a report whose place is named only by its meeting.

mod common;

use baogao::model::Report;
use common::{all_text, headings, import_file};

fn shape(name: &str) -> Report {
    import_file("tests/data/shapes", &format!("{name}.txt"))
}

#[test]
fn a_short_line_inside_a_section_is_text() {
    let r = shape("part1");
    assert_eq!(
        headings(&r.sections),
        vec!["一、经济发展", "二、社会事业", "三、党的建设"]
    );
    assert!(
        r.sections[0]
            .paragraphs
            .iter()
            .any(|p| p == "“十四五”开局良好")
    );
}

#[test]
fn a_flattened_table_stays_text_and_the_signature_goes() {
    let r = shape("ws1");
    assert_eq!(
        headings(&r.sections),
        vec![
            "一、主要工作完成情况",
            "二、存在的问题",
            "三、2023年工作打算"
        ]
    );
    let first = &r.sections[0];
    assert_eq!(
        headings(&first.sections),
        vec!["（一）经济发展", "（二）社会事业"]
    );
    let items = &first.sections[0].sections[1];
    assert!(
        items
            .paragraphs
            .contains(&"指标名称 单位 目标 完成 完成率".to_string()),
        "table rows keep their cells apart"
    );
    assert_eq!(r.published.as_deref(), Some("2022-12-20"));
    assert_eq!(r.publisher.as_deref(), Some("红旗街道办事处"));
    assert!(!all_text(&r).contains("2022年12月20日"));
}

#[test]
fn signature_lines_and_date_leave_the_body() {
    let r = shape("sig");
    assert_eq!(r.published.as_deref(), Some("2022-12-20"));
    let last = r.sections.last().unwrap();
    assert_eq!(
        last.paragraphs,
        vec!["继续抓好项目建设。", "附件：2022年重点项目清单"]
    );
}

#[test]
fn number_lists_are_not_headings() {
    let r = shape("num1");
    assert_eq!(
        headings(&r.sections),
        vec!["一、主要工作成效", "二、存在的问题"]
    );
    assert_eq!(r.sections[0].paragraphs.len(), 4);
    assert!(r.sections[0].paragraphs[0].starts_with("一、二季度"));
}

#[test]
fn the_title_can_come_from_the_metadata() {
    let r = shape("meta1");
    assert_eq!(r.title, "柳河镇2021年工作总结和2022年工作计划");
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.county.as_deref(), Some("东城县"));
    assert_eq!(r.published.as_deref(), Some("2022-01-15"));
}

#[test]
fn navigation_bars_are_not_titles() {
    for name in ["nav", "nav2"] {
        let r = shape(name);
        assert_eq!(r.title, "石桥镇2022年工作总结", "{name}");
        assert_eq!(headings(&r.sections), vec!["一、经济发展"], "{name}");
    }
}

#[test]
fn a_phrase_shared_by_list_items_is_not_a_watermark() {
    let r = shape("wm");
    let items = &r.sections[0].sections;
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].paragraphs, vec!["牵头单位：经济发展办"]);
}

#[test]
fn a_one_line_report_keeps_its_figures() {
    let r = shape("oneline_gwr2");
    assert_eq!(r.title, "青山镇2023年政府工作报告");
    let text = all_text(&r);
    assert!(text.contains("工业总产值增长 12.3 %。"), "{text}");
    assert!(text.contains("总投资 5 亿元。"));
    assert_eq!(
        headings(&r.sections),
        vec!["一、2022年工作回顾", "二、2023年工作安排"]
    );
}

#[test]
fn marker_variants() {
    let r = shape("hd");
    assert_eq!(r.sections.len(), 5);
    assert_eq!(
        headings(&r.sections[3].sections),
        vec!["（一）、环境整治", "（二）．河长制"]
    );
    assert_eq!(
        headings(&r.sections[3].sections[1].sections),
        vec!["1）垃圾分类", "2）污水治理"]
    );
    let r = shape("paren");
    let economy = &r.sections[0].sections;
    assert_eq!(
        headings(&economy[0].sections),
        vec!["（１）粮食生产。", "（２）特色产业。"]
    );
    assert_eq!(
        headings(&economy[1].sections),
        vec!["⑴工业技改。", "⑵招商引资。"]
    );
    assert_eq!(
        headings(&economy[2].sections),
        vec!["⒈商贸流通。", "⒉乡村旅游。"]
    );
}

#[test]
fn chinese_numeral_years_and_dates() {
    assert_eq!(shape("cnyear").year, Some(2022));
    let r = shape("gwr3");
    assert_eq!(
        r.township.as_deref(),
        Some("石桥镇"),
        "named by the meeting in the subtitle"
    );
    assert_eq!(r.published.as_deref(), Some("2023-01-10"));
    assert_eq!(r.kind, baogao::model::Kind::GovernmentWorkReport);
}

#[test]
fn a_title_over_two_lines() {
    let r = shape("gwr2");
    assert_eq!(r.title, "石桥镇人民政府工作报告");
    assert_eq!(r.publisher.as_deref(), Some("石桥镇人民政府"));
    assert_eq!(headings(&r.sections), vec!["一、2022年工作回顾"]);
    assert!(r.preamble[0].starts_with("——二○二三年一月十日"));
}

#[test]
fn pdf_running_heads_and_page_numbers_go() {
    let r = shape("pdf_pages");
    assert_eq!(r.title, "石桥镇2022年工作总结和2023年工作计划");
    assert_eq!(
        headings(&r.sections),
        vec!["一、2022年工作总结", "二、2023年工作计划"]
    );
    let text = all_text(&r);
    assert!(
        !text.contains("人民政府文件") && !text.contains("- 1 -") && !text.contains("第 2 页"),
        "{text}"
    );
    let first = &r.sections[0].sections[0];
    assert_eq!(first.heading, "（一）经济运行稳中向好。");
    assert!(
        first.paragraphs[0].contains("社会消费品零售总额3.4亿元"),
        "joined across the page break: {:?}",
        first.paragraphs
    );
}
