//! Shapes of real reports that the samples do not show, each a small file in
//! tests/data/shapes (written with full-width punctuation, as most pages
//! print it): short lines inside sections, tables, signatures, number lists
//! that look like headings, titles only in the metadata or over two lines,
//! navigation bars, list items that share a suffix, marker variants,
//! Chinese-numeral dates, a report whose place is named only by its meeting,
//! a first subheading that lost its number, one-line pages whose headings
//! run on into their first children or stand after blanks, a site's words
//! before the title and a note after it, items named before a colon, a
//! title named only in the site's own sentence, a title run on into the text
//! after a sharing site's notes, a PDF title broken at the blanks around its
//! figures, a PDF's text broken into fragments.

use crate::{all_text, headings, import_file};
use baogao_report::model::Report;

fn shape(name: &str) -> Report {
    import_file("tests/data/shapes", &format!("{name}.txt"))
}

#[test]
fn a_short_line_inside_a_section_is_text() {
    let r = shape("short-line-inside-a-section");
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
    let r = shape("street-office-report-with-flattened-table-and-signature");
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
    let r = shape("signature-date-and-attachment-line");
    assert_eq!(r.published.as_deref(), Some("2022-12-20"));
    let last = r.sections.last().unwrap();
    assert_eq!(
        last.paragraphs,
        vec!["继续抓好项目建设。", "附件：2022年重点项目清单"]
    );
}

#[test]
fn number_lists_are_not_headings() {
    let r = shape("sentences-opening-like-numbered-headings");
    assert_eq!(
        headings(&r.sections),
        vec!["一、主要工作成效", "二、存在的问题"]
    );
    assert_eq!(r.sections[0].paragraphs.len(), 4);
    assert!(r.sections[0].paragraphs[0].starts_with("一、二季度"));
}

#[test]
fn the_title_can_come_from_the_metadata() {
    let r = shape("title-in-site-metadata");
    assert_eq!(r.title, "柳河镇2021年工作总结和2022年工作计划");
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.county.as_deref(), Some("东城县"));
    assert_eq!(r.published.as_deref(), Some("2022-01-15"));
}

#[test]
fn navigation_bars_are_not_titles() {
    for name in [
        "navigation-bar-above-the-title",
        "column-label-above-the-title",
    ] {
        let r = shape(name);
        assert_eq!(r.title, "石桥镇2022年工作总结", "{name}");
        assert_eq!(headings(&r.sections), vec!["一、经济发展"], "{name}");
    }
}

#[test]
fn a_phrase_shared_by_list_items_is_not_a_watermark() {
    let r = shape("list-items-ending-in-the-same-phrase");
    let items = &r.sections[0].sections;
    assert_eq!(items.len(), 5);
    assert_eq!(items[0].paragraphs, vec!["牵头单位：经济发展办"]);
}

#[test]
fn a_one_line_report_keeps_its_figures() {
    let r = shape("one-line-government-work-report-with-spaced-figures");
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
    let r = shape("heading-markers-with-odd-punctuation");
    assert_eq!(r.sections.len(), 5);
    assert_eq!(
        headings(&r.sections[3].sections),
        vec!["（一）、环境整治", "（二）．河长制"]
    );
    assert_eq!(
        headings(&r.sections[3].sections[1].sections),
        vec!["1）垃圾分类", "2）污水治理"]
    );
    let r = shape("full-width-and-circled-sub-numbers");
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
    assert_eq!(shape("chinese-numeral-year-in-title").year, Some(2022));
    let r = shape("government-work-report-named-by-its-meeting");
    assert_eq!(
        r.township.as_deref(),
        Some("石桥镇"),
        "named by the meeting in the subtitle"
    );
    assert_eq!(r.published.as_deref(), Some("2023-01-10"));
    assert_eq!(r.kind, baogao_report::model::Kind::GovernmentWorkReport);
}

#[test]
fn a_title_over_two_lines() {
    let r = shape("government-work-report-title-over-two-lines");
    assert_eq!(r.title, "石桥镇人民政府工作报告");
    assert_eq!(r.publisher.as_deref(), Some("石桥镇人民政府"));
    assert_eq!(headings(&r.sections), vec!["一、2022年工作回顾"]);
    assert!(r.preamble[0].starts_with("——二○二三年一月十日"));
}

#[test]
fn pdf_running_heads_and_page_numbers_go() {
    let r = shape("pdf-page-breaks-and-running-heads");
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

#[test]
fn a_county_name_with_a_unit_character_is_not_the_township() {
    let r = shape("government-site-chrome-and-county-level-city");
    assert_eq!(r.township.as_deref(), Some("东郊乡"));
    assert_eq!(r.county.as_deref(), Some("湘乡市"));
    assert_eq!(r.city.as_deref(), Some("湘潭市"));
    assert_eq!(r.id, "xiangxiang-dongjiao-2022-work-summary");
    assert_eq!(
        headings(&r.sections),
        vec!["一、2022年工作总结", "二、2023年工作计划"]
    );
}

#[test]
fn a_collection_page_keeps_its_first_text_only() {
    let r = shape("collection-page-of-model-essays");
    assert_eq!(r.title, "2021年上半年街道工作总结范文");
    assert_eq!(
        headings(&r.sections),
        vec![
            "一、上半年主要工作开展情况",
            "二、存在的问题",
            "三、下半年工作打算"
        ]
    );
    assert!(r.preamble[0].starts_with("今年以来"), "{:?}", r.preamble);
    let text = all_text(&r);
    for cruft in ["篇一", "篇二", "文档为", "返回目录", "本文来源", "下载文档"] {
        assert!(!text.contains(cruft), "{cruft} left");
    }
}

#[test]
fn pdf_lines_join_across_run_in_headings_and_pages() {
    let r = shape("pdf-lines-joined-across-run-in-headings");
    let first = &r.sections[0].sections[0];
    assert_eq!(first.heading, "（一）经济运行稳中向好。");
    assert_eq!(
        first.paragraphs,
        vec![
            "全年实现地区生产总值28.6亿元，同比增长6.8%；完成一般公共预算收入1.36亿元，同比增长9.2%；完成固定资产投资12.4亿元，同比增长15.3%。"
        ]
    );
    assert!(r.preamble[0].ends_with("全镇经济社会保持平稳健康发展。"));
    assert!(!all_text(&r).contains("人民政府文件"));
    assert_eq!(r.published.as_deref(), Some("2023-01-10"));
}

#[test]
fn a_table_of_contents_is_not_an_outline() {
    let r = shape("table-of-contents-before-the-body");
    assert_eq!(
        headings(&r.sections),
        vec!["一、2023年工作总结", "二、存在的问题", "三、2024年工作计划"]
    );
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["（一）经济发展", "（二）乡村振兴", "（三）社会治理"]
    );
    assert!(!all_text(&r).contains("……"));
    assert!(r.preamble[0].starts_with("2023年，柳溪乡"));
}

#[test]
fn attachment_lists_are_text_under_the_signature() {
    let r = shape("attachment-list-under-the-signature");
    let last = r.sections.last().unwrap();
    assert_eq!(
        headings(&last.sections),
        vec![
            "（一）抓好招商引资，全年引进亿元以上项目3个。",
            "（二）抓好城市管理，推进背街小巷整治20条。"
        ]
    );
    let tail = &last.sections[1].paragraphs;
    assert_eq!(
        tail.first().map(String::as_str),
        Some("附件：1.金桥街道2022年主要经济指标完成情况表")
    );
    assert!(!all_text(&r).contains(".xlsx") && !all_text(&r).contains("2022年12月26日"));
}

#[test]
fn a_sumu_with_its_banner_and_footer() {
    let r = shape("sumu-with-site-banner-and-footer");
    assert_eq!(r.township.as_deref(), Some("吉兰泰苏木"));
    assert_eq!(
        r.county.as_deref(),
        Some("阿拉善左旗"),
        "from the site's banner line"
    );
    assert_eq!(r.publisher.as_deref(), Some("吉兰泰苏木人民政府"));
    let text = all_text(&r);
    assert!(!text.contains("ICP") && !text.contains("主办"));
}

#[test]
fn unnumbered_part_headings_in_a_row() {
    let r = shape("unnumbered-part-headings-in-a-row");
    assert_eq!(
        headings(&r.sections),
        vec![
            "经济发展",
            "乡村振兴",
            "社会事业",
            "存在的问题",
            "2023年工作打算"
        ]
    );
    assert_eq!(
        r.sections[3].sections.len(),
        3,
        "一是/二是/三是 under 存在的问题"
    );
}

#[test]
fn a_document_site_page_on_one_line() {
    let r = shape("one-line-document-site-page");
    assert_eq!(r.title, "郭店乡2020年上半年工作总结");
    assert_eq!(r.township.as_deref(), Some("郭店乡"));
    assert_eq!(r.published.as_deref(), Some("2020-07-15"));
    assert_eq!(
        headings(&r.sections),
        vec!["一、上半年工作完成情况", "二、下半年工作计划"]
    );
    assert!(r.preamble[0].starts_with("今年上半年"), "{:?}", r.preamble);
}

#[test]
fn a_pdf_spaced_letter_by_letter() {
    let r = shape("pdf-spaced-letter-by-letter");
    assert_eq!(r.title, "沙河乡2021年工作总结");
    assert_eq!(r.township.as_deref(), Some("沙河乡"));
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.sections[0].heading, "一、主要工作完成情况");
}

#[test]
fn a_colon_ends_a_heading_without_sentence_ends() {
    let r = shape("headings-ending-in-a-colon");
    let first = &r.sections[0].sections[0];
    assert_eq!(first.heading, "(一）脱贫攻坚成效显著:");
    assert!(first.paragraphs[0].starts_with("全乡建档立卡贫困户426户"));
}

#[test]
fn a_page_title_with_the_site_after_it() {
    let r = shape("page-title-with-the-site-after-it");
    assert_eq!(r.title, "高桥镇2023年工作总结和2024年工作计划");
    assert_eq!(r.published.as_deref(), Some("2024-01-09"));
}

#[test]
fn a_bracketed_site_mark_on_every_paragraph() {
    let r = shape("bracketed-site-mark-on-every-paragraph");
    assert!(!all_text(&r).contains("范文网"));
    assert_eq!(headings(&r.sections).len(), 4);
    assert_eq!(
        r.sections[0].paragraphs[0],
        "全年完成财政收入2360万元，同比增长5.8%。"
    );
}

#[test]
fn transition_sentences_are_not_headings() {
    let r = shape("transition-sentences-between-parts");
    assert_eq!(
        headings(&r.sections),
        vec![
            "一、经济发展持续向好",
            "二、社会事业全面进步",
            "三、2022年工作打算"
        ]
    );
    assert!(r.sections[0].sections.is_empty() && r.sections[1].sections.is_empty());
    assert_eq!(r.sections[2].sections.len(), 3);
}

#[test]
fn a_one_line_dump_without_spaces() {
    let r = shape("one-line-dump-without-spaces");
    assert_eq!(r.title, "石桥镇2022年工作总结");
    assert_eq!(
        (r.township.as_deref(), r.year),
        (Some("石桥镇"), Some(2022))
    );
    assert_eq!(r.sections.len(), 3);
    assert!(r.sections[0].heading.starts_with("一、经济发展"));
    assert!(r.preamble[0].starts_with("2022年，石桥镇"));
}

#[test]
fn a_social_media_post() {
    let r = shape("social-media-post");
    assert_eq!(r.title, "青溪镇2022年工作总结");
    assert_eq!(
        headings(&r.sections),
        vec![
            "一、生态经济蓬勃发展",
            "二、民生福祉持续增进",
            "三、社会治理更加有效"
        ]
    );
    let text = all_text(&r);
    for cruft in [
        "图为",
        "编辑",
        "审核",
        "二维码",
        "点赞",
        "END",
        "点击蓝字",
        "发表于",
    ] {
        assert!(!text.contains(cruft), "{cruft} left");
    }
}

#[test]
fn labels_in_brackets_are_headings() {
    let r = shape("labels-in-brackets-as-headings");
    assert_eq!(
        headings(&r.sections),
        vec!["【经济发展】", "【社会事业】", "【党的建设】"]
    );
}

#[test]
fn the_metadata_title_beats_a_news_banner() {
    let r = shape("metadata-title-and-news-banner");
    assert_eq!(r.title, "东湖镇2022年工作总结");
    assert_eq!(headings(&r.sections), vec!["一、经济发展", "二、社会事业"]);
    assert!(!all_text(&r).contains("表彰大会") && !all_text(&r).contains("门户网站"));
}

#[test]
fn months_one_to_six_are_a_half_year() {
    assert_eq!(
        shape("half-year-as-months-one-to-six").period,
        baogao_report::model::Period::HalfYear
    );
}

#[test]
fn a_glossary_is_an_appendix_not_an_outline() {
    let r = shape("glossary-appendix");
    let last = r.sections.last().unwrap();
    assert_eq!(last.heading, "名词解释");
    assert!(last.sections.is_empty());
    assert_eq!(last.paragraphs.len(), 3);
    assert!(last.paragraphs[0].starts_with("1.“一村一品”"));
}

#[test]
fn a_stray_carriage_return_in_a_crlf_file_is_not_a_line_break() {
    let r = shape("crlf-with-a-stray-carriage-return");
    assert_eq!(
        r.sections[0].paragraphs,
        vec!["全镇完成财政收入6800万元，同比增长8%。"]
    );
}

#[test]
fn paragraphs_printed_twice_in_a_row_are_kept_once() {
    let r = shape("paragraphs-printed-twice");
    assert_eq!(headings(&r.sections), vec!["一、经济发展", "二、社会事业"]);
    assert_eq!(r.sections[1].paragraphs.len(), 1);
}

#[test]
fn shi_items_standing_over_numbered_items_are_headings() {
    let r = shape("shi-items-over-numbered-items");
    assert_eq!(
        headings(&r.sections),
        vec![
            "一是经济发展稳中向好。",
            "二是项目建设加快推进。",
            "三是民生事业持续改善。"
        ]
    );
    assert_eq!(
        headings(&r.sections[1].sections),
        vec!["1.重点项目。", "2.招商引资。"]
    );
}

#[test]
fn zero_padded_numbers_head_a_post_s_parts() {
    let r = shape("zero-padded-part-numbers");
    assert_eq!(
        headings(&r.sections),
        vec!["01 经济发展", "02 社会事业", "03 党的建设"]
    );
}

#[test]
fn a_bare_government_work_report_title_takes_the_meeting_year() {
    let r = shape("government-work-report-bare-title-meeting-year");
    assert_eq!(r.title, "政府工作报告");
    assert_eq!(
        (r.township.as_deref(), r.year),
        (Some("青山镇"), Some(2023))
    );
    assert!(
        headings(&r.sections[0].sections).contains(&"（二）擦亮老字号招牌"),
        "a heading with a site word in it stays"
    );
}

#[test]
fn footer_words_inside_the_report_do_not_end_it() {
    let r = shape("footer-words-inside-the-text");
    assert_eq!(
        headings(&r.sections),
        vec!["一、2021年工作总结", "二、2022年工作思路"]
    );
    assert_eq!(
        r.sections[0].sections[2].heading,
        "（三）强化科技支撑，提供技术支持"
    );
    assert_eq!(r.sections[1].sections.len(), 2);
}

#[test]
fn part_headings_with_a_colon() {
    let r = shape("part-headings-with-a-colon");
    assert_eq!(
        headings(&r.sections),
        vec![
            "第一部分：2022年工作回顾",
            "第二部分：存在的问题",
            "第三部分：2023年工作打算"
        ]
    );
}

#[test]
fn a_plan_is_titled_by_its_own_name() {
    let r = shape("five-year-plan-titled-by-its-name");
    assert!(
        r.title
            .starts_with("龙泉镇国民经济和社会发展第十四个五年规划纲要"),
        "{}",
        r.title
    );
    assert_eq!(
        (r.township.as_deref(), r.year),
        (Some("龙泉镇"), Some(2021))
    );
}

#[test]
fn site_words_inside_pdf_lines_are_text() {
    let r = shape("pdf-lines-with-site-words");
    let text = all_text(&r);
    assert!(text.contains("政务服务") && text.contains("原创"), "{text}");
    assert_eq!(r.sections.len(), 2);
    assert!(
        !r.sections[1].paragraphs.is_empty() || !r.sections[1].sections.is_empty(),
        "二、 keeps its text"
    );
}

#[test]
fn indented_pdf_lines_start_paragraphs() {
    let r = shape("pdf-indented-paragraph-starts");
    let paragraphs = &r.sections[0].paragraphs;
    assert_eq!(paragraphs.len(), 3, "{paragraphs:#?}");
    assert!(paragraphs[1].starts_with("数字政府建设加快推进。"));
}

#[test]
fn a_cover_letter_is_not_the_report() {
    let r = shape("cover-letter-before-the-report");
    assert_eq!(r.title, "东湖街道办事处2022年工作总结");
    assert_eq!(r.township.as_deref(), Some("东湖街道"));
    assert_eq!(r.id, "donghu-2022-work-summary");
    assert_eq!(headings(&r.sections), vec!["一、主要工作", "二、下步打算"]);
}

#[test]
fn headings_with_site_words_stay() {
    let r = shape("headings-with-site-words");
    let subs = headings(&r.sections[0].sections);
    assert!(
        subs.contains(&"（二）引导群众下载使用政务APP") && subs.contains(&"（三）点赞身边好人"),
        "{subs:?}"
    );
}

/// A page that lost a first subheading's "（一）": the short headline right
/// under "一、…", whose numbered children start at "（二）", is their first.
/// A short line under a heading whose children start at "（一）" stays text.
#[test]
fn a_first_subheading_that_lost_its_number_is_still_the_first() {
    let r = shape("first-subheading-without-its-number");
    assert_eq!(
        headings(&r.sections[0].sections),
        vec![
            "稳增长，产业发展提质增效",
            "（二）惠民生，社会事业全面进步",
            "（三）强治理，平安建设扎实推进"
        ]
    );
    let numbered = baogao_import::import_text(
        "某镇2023年工作总结\n一、2023年工作总结\n稳增长，产业发展提质增效\n全年完成规上工业产值12.3亿元。\n（一）惠民生，社会事业全面进步\n新建幼儿园1所。\n",
        "t.txt",
    )
    .expect("imports");
    assert_eq!(
        headings(&numbered.sections[0].sections),
        vec!["（一）惠民生，社会事业全面进步"]
    );
    // A one-sentence headline, as a page in traditional characters prints it.
    let sentence = baogao_import::import_text(
        "某鎮2021年工作總結\n一、2021年工作總結\n鎮域經濟平穩增長，綜合實力明顯提升。\n經濟增長穩中有進。財政一般公共預算收入累計達到1431萬元。\n（二）持續鞏固脫貧成果，有效銜接鄉村振興。\n實現2個脫貧村穩定脫貧，同比增長6.3%。\n",
        "t.txt",
    )
    .expect("imports");
    assert_eq!(
        headings(&sentence.sections[0].sections),
        vec![
            "鎮域經濟平穩增長，綜合實力明顯提升。",
            "（二）持續鞏固脫貧成果，有效銜接鄉村振興。"
        ]
    );
}

/// A page flattened into one line: its title (two kinds joined by 暨) runs on
/// into the text after a blank, and each part heading runs on into its first
/// child's marker with no sentence end between.
#[test]
fn a_one_line_page_keeps_its_two_kind_title_and_first_children() {
    let r = shape("one-line-title-with-two-kinds-and-run-on-first-child");
    assert_eq!(r.title, "某镇2022年工作总结暨2023年工作计划");
    assert_eq!(r.year, Some(2022));
    assert_eq!(
        headings(&r.sections),
        vec!["一、2022年工作总结", "二、2023年工作计划"]
    );
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["（一）产业发展提质增效。", "（二）民生保障持续改善。"]
    );
    assert_eq!(
        headings(&r.sections[1].sections),
        vec!["（一）抓好项目建设。", "（二）办好民生实事。"]
    );
}

/// A long page flattened into one line, blanks left between each heading
/// and its text: cut at the blanks, each piece holds one run-in heading,
/// and each is still cut before it. The site's label before the title goes.
#[test]
fn a_flattened_page_cut_at_its_blanks_keeps_every_heading() {
    let r = shape("one-line-page-with-headings-after-blanks");
    assert_eq!(r.title, "2019年某街道工作总结");
    assert_eq!(
        headings(&r.sections),
        vec![
            "一、抓好环境整治，提升社区面貌",
            "二、强化社区服务，增进居民福祉",
            "三、加强平安建设，维护社会稳定"
        ]
    );
    assert!(
        r.preamble
            .iter()
            .any(|p| p.ends_with("现将一年来的工作总结如下。"))
    );
}

/// A page title with the site's name and category in front, set apart by
/// blanks, and a note (范文) after it; the report's own title follows on a
/// line of its own and is taken.
#[test]
fn site_words_before_the_title_and_its_note_after_go() {
    let r = shape("site-words-before-the-title-and-a-note-after-it");
    assert_eq!(r.title, "某镇2022年政府工作报告");
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["——经济运行稳中有进", "——民生事业全面进步"]
    );
}

/// Numbered items named before a colon, each followed by a sentence of
/// several clauses about it: the name is the heading, the sentence its text.
#[test]
fn an_item_named_before_a_colon_is_headed_by_the_name() {
    let r = shape("numbered-items-named-before-a-colon");
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["（一）食用菌种植基地项目：", "（二）蔬菜冷链仓储项目："]
    );
    assert!(r.sections[0].sections[0].paragraphs[0].starts_with("该项目位于某村"));
}

/// A page with no title line: its first sentence, the site's, names the
/// report, and that name is the title; the sentence goes.
#[test]
fn a_title_the_site_names_in_its_own_sentence_is_taken() {
    let r = shape("title-named-by-the-sites-own-sentence");
    assert_eq!(r.title, "某镇2022年工作总结及2023年工作思路");
    assert_eq!(r.year, Some(2022));
    assert!(!all_text(&r).contains("小编"));
    assert_eq!(
        headings(&r.sections),
        vec!["一、2022年工作总结", "二、2023年工作思路"]
    );
}

/// A sharing site's notes first, then the title run on into the text with
/// nothing between: the title is found on the first lines, not only the
/// first one.
#[test]
fn a_title_run_on_after_a_sharing_sites_notes_is_found() {
    let r = shape("title-run-on-after-a-sharing-sites-notes");
    assert_eq!(r.title, "某镇2021年工作总结暨2022年工作计划");
    assert_eq!(r.year, Some(2021));
    assert_eq!(headings(&r.sections), vec!["一、2021年工作总结"]);
    assert!(!all_text(&r).contains("本文档"));
}

/// A PDF's text with blanks around its figures, flattened into one line: the
/// line is cut at the blanks, which broke the title after its connective
/// (和); the title takes back its words up to the next word naming a report.
#[test]
fn a_pdf_title_broken_at_its_figures_is_whole_again() {
    let r = shape("pdf-title-broken-at-the-blanks-around-its-figures");
    assert_eq!(r.title, "2022 年度某镇政务公开工作总结和 2023 年工作思路");
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.sections.len(), 1, "{:?}", headings(&r.sections));
}

/// A PDF converter's text with every run of figures or Latin letters, and
/// every change of font, on a line of its own: the fragments are joined back
/// before anything else, so none is dropped as a scrap and the outline and
/// the title come whole.
#[test]
fn a_page_broken_into_fragments_is_whole_again() {
    let r = shape("pdf-text-broken-into-fragments");
    assert_eq!(r.title, "XX镇2022年政府工作报告");
    assert_eq!(r.year, Some(2022));
    assert_eq!(headings(&r.sections), vec!["一、2022年工作回顾"]);
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["（一）经济运行稳中有升", "（二）乡村振兴固本强基"]
    );
    let text = all_text(&r);
    assert!(text.contains("请予审议"), "{text}");
    assert!(text.contains("增长6%；1—11月份"), "{text}");
}
