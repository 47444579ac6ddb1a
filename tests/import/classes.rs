//! The failure classes of real pages, each on a text written for it in
//! `tests/data/shapes` (no copy of any page): site furniture kept, title
//! residue and two-line titles, outlines missed or pushed down, kinds.

use crate::{all_text, headings, import_file};
use baogao_report::model::{Kind, Report};

fn shape(name: &str) -> Report {
    import_file("tests/data/shapes", name)
}

fn assert_gone(r: &Report, pieces: &[&str]) {
    let text = all_text(r);
    for piece in pieces {
        assert!(!text.contains(piece), "{piece:?} kept in {text}");
    }
}

#[test]
fn prompts_file_sizes_keywords_and_teasers_go() {
    let r = shape("furniture-doc-share-prompts-and-file-size");
    assert_eq!(r.title, "柳塘乡2023年工作总结");
    assert_gone(&r, &["KB", "登录", "仅展示", "关键词", "内容简介", "纠错"]);
    assert_eq!(
        headings(&r.sections),
        vec!["一、经济运行稳中有进", "二、民生事业持续改善"]
    );
    assert!(
        r.preamble[0].starts_with("2023年,柳塘乡") || r.preamble[0].starts_with("2023年，柳塘乡")
    );
}

#[test]
fn a_portal_name_a_stamp_and_a_teaser_about_the_title_go() {
    let r = shape("furniture-portal-name-and-teaser");
    assert_eq!(r.title, "云溪街道2022年工作总结和2023年工作思路");
    assert_gone(&r, &["网站", "发稿时间", "导读", "请您关注"]);
    assert_eq!(headings(&r.sections), vec!["一、2022年工作总结"]);
}

#[test]
fn a_title_on_two_lines_is_one_title_and_not_a_heading() {
    let r = shape("title-two-lines-and-residue");
    assert_eq!(r.title, "青禾镇2021年工作总结暨2022年工作计划");
    assert_eq!(
        headings(&r.sections),
        vec!["一、2021年工作回顾", "二、2022年工作计划"]
    );
}

#[test]
fn title_residue_goes_a_date_label_a_chunk_digit_a_date_and_a_suffix() {
    let r = shape("title-chunk-digit-and-date-label");
    assert_eq!(r.title, "2022年桐林镇政府工作报告");
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
    assert_eq!(r.published.as_deref(), Some("2023-01-05"));
}

#[test]
fn part_lines_above_a_lead_in_are_level_one() {
    let r = shape("outline-part-line-above-a-lead-in");
    assert_eq!(
        headings(&r.sections),
        vec!["2020年工作回顾", "2021年工作打算"]
    );
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["一、全力抓好产业发展", "二、扎实推进乡村建设"]
    );
}

#[test]
fn part_lines_inside_a_one_line_body_are_found() {
    let r = shape("outline-one-line-body-with-part-lines");
    assert_eq!(
        headings(&r.sections),
        vec!["2019年工作回顾", "2020年工作思路"]
    );
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["一、经济发展稳步提升", "二、社会事业全面进步"]
    );
}

#[test]
fn numbered_headings_in_a_flattened_body_are_found() {
    let r = shape("outline-flattened-numbered-body");
    assert_eq!(r.kind, Kind::WorkSummary);
    let got = headings(&r.sections);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[0].starts_with("1.加强学习"), "{got:#?}");
    assert!(got[3].starts_with("4.廉洁自律"), "{got:#?}");
}

#[test]
fn paren_dun_numbering_after_a_space_is_found() {
    let r = shape("outline-paren-dun-after-a-space");
    assert_eq!(
        headings(&r.sections[0].sections),
        vec![
            "（一）、经济发展稳中向好。",
            "（二）、城乡面貌明显改善。",
            "（三）、社会大局和谐稳定。"
        ]
    );
}

#[test]
fn a_short_line_alone_between_paragraphs_is_a_heading() {
    let r = shape("outline-short-line-between-paragraphs");
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["农业生产稳中提质", "城乡建设扎实推进"]
    );
}

#[test]
fn a_street_offices_bare_work_report_is_its_government_report() {
    let r = shape("kind-street-work-report-and-plan");
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
}

#[test]
fn lines_about_the_page_itself_go() {
    let r = shape("furniture-page-talk-under-the-title");
    assert_gone(&r, &["文档", "积分", "登录"]);
    assert_eq!(
        headings(&r.sections),
        vec!["一、经济指标稳步增长", "二、重点项目加快推进"]
    );
}

#[test]
fn a_document_sites_info_box_and_widgets_go() {
    let r = shape("furniture-doc-share-info-box");
    assert_eq!(r.title, "荷塘镇2021年政府工作报告");
    assert_gone(&r, &["文档", "踩", "上传者", "未读", "1、", "2、30亿元"]);
    assert_eq!(headings(&r.sections), vec!["一、2020年工作回顾"]);
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["（一）产业发展稳中有进。", "（二）城乡面貌持续改善。"]
    );
    assert!(
        all_text(&r).contains("工业总产值突破30亿元"),
        "the chunk's sentence joined"
    );
}

/// The speaker line under a 政府工作报告's subtitle ("镇长 王小明") is two
/// short words set apart by a blank, like a row of buttons: it stays.
#[test]
fn a_speaker_line_is_not_a_row_of_buttons() {
    for name in [
        "government-work-report-named-by-its-meeting",
        "government-work-report-title-over-two-lines",
    ] {
        let r = shape(name);
        assert!(
            r.preamble.iter().any(|p| p == "镇长 王小明"),
            "{name}: {:?}",
            r.preamble
        );
    }
}

/// A lead-in that lost its end mark is report text, not a prompt.
#[test]
fn a_lead_in_without_an_end_mark_stays() {
    let r = shape("lead-in-without-an-end-mark");
    assert_eq!(r.preamble, vec!["一年来，我乡主要做了以下几方面工作"]);
    assert_eq!(headings(&r.sections), vec!["一、产业发展", "二、基础设施"]);
}

/// How sure the importer is: a page whose title names a year's 工作 but no
/// report kind, with no outline, is still a report; a poem is not.
#[test]
fn a_years_work_without_a_kind_word_is_not_refused() {
    let assess = |dir: &str, name: &str| {
        let path = baogao_testkit::fixtures::repo_path(&format!("{dir}/{name}.txt"));
        let bytes = std::fs::read(path).unwrap();
        baogao_import::import_checked(&bytes, name, &mut baogao_import::Trace::default())
            .unwrap()
            .assessment
    };
    let work = assess("tests/data/shapes", "work-of-a-year-without-a-kind-word");
    assert_eq!(work.refusal(), None);
    assert!(
        work.warnings.iter().any(|w| w.contains("no outline")),
        "{:?}",
        work.warnings
    );
    let poem = assess("tests/data/shapes", "not-a-report-poem");
    assert!(
        poem.refusal()
            .is_some_and(|r| r.starts_with("not a report: no title"))
    );
}

/// Parallel slogan lines ("一年来,我们…。" twice) standing alone are
/// headings even when the text under them opens with figures.
#[test]
fn parallel_slogan_lines_are_headings() {
    let r = shape("outline-parallel-slogans-without-topics");
    assert_eq!(
        headings(&r.sections[0].sections),
        vec![
            "一年来，我们聚焦产业升级，经济发展迈出新步伐。",
            "一年来，我们聚焦民生改善，群众生活更加殷实。"
        ]
    );
}

#[test]
fn tag_lines_under_the_title_go() {
    let r = shape("furniture-tag-line-under-the-title");
    assert_gone(&r, &["标签", "热门", "秸秆禁烧"]);
    assert_eq!(headings(&r.sections), vec!["一、脱贫攻坚全面收官"]);
}

/// A report's own label under the title ("总体情况:今年以来…") is text; a
/// teaser is one that speaks of the page (tested on the samples).
#[test]
fn a_reports_own_label_under_the_title_stays() {
    let r = shape("lead-with-a-label-under-the-title");
    assert!(r.preamble[0].starts_with("总体情况："), "{:?}", r.preamble);
}
