//! Importer variants no seed report has: numbering styles, units,
//! traditional characters, title blocks, anonymised names and PDF damage
//! here; encodings, line ends, one-line pages, degenerate files, size and
//! arbitrary input in `robustness`. Every report is built
//! in the test, so each case shows exactly the shape it exercises.

use baogao_import::import_text;
use baogao_report::model::{Kind, Period, Report, Section};

fn import(text: &str) -> Report {
    import_text(text, "variant.txt").unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// The outline as "depth heading" lines, depth first, so a whole tree is
/// one `assert_eq!`.
fn tree(report: &Report) -> Vec<String> {
    fn walk(sections: &[Section], depth: usize, out: &mut Vec<String>) {
        for s in sections {
            out.push(format!("{depth} {}", s.heading));
            walk(&s.sections, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&report.sections, 1, &mut out);
    out
}

/// The section reached by following child indices from the top.
fn at<'a>(report: &'a Report, path: &[usize]) -> &'a Section {
    let mut section = &report.sections[path[0]];
    for &i in &path[1..] {
        section = &section.sections[i];
    }
    section
}

fn lines(text: &[&str]) -> String {
    text.join("\n")
}

// ---------------------------------------------------------------- numbering

const FULL_WIDTH: &[&str] = &[
    "城东街道2021年工作总结和2022年工作计划",
    "2021年，城东街道在区委、区政府的坚强领导下，坚持稳中求进工作总基调，圆满完成各项目标任务。",
    "一、2021年工作总结",
    "（一）经济发展稳中有进。全年实现地区生产总值12.3亿元，同比增长8.5%；完成固定资产投资4.6亿元。",
    "（二）城市管理持续提升。完成老旧小区改造3个（涉及居民1200户），新增停车位800个。",
    "二、2022年工作计划",
    "（一）聚焦项目建设：全力推进重点项目落地见效。力争全年新开工项目10个。",
    "（二）聚焦民生保障；持续改善群众生活。",
];

#[test]
fn full_width_numbering_and_punctuation() {
    let r = import(&lines(FULL_WIDTH));
    assert_eq!(r.title, "城东街道2021年工作总结和2022年工作计划");
    assert_eq!(r.township.as_deref(), Some("城东街道"));
    assert_eq!((r.county.as_deref(), r.city.as_deref()), (None, None));
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.period, Period::Annual);
    assert_eq!(r.kind, Kind::WorkSummary);
    assert_eq!(r.id, "chengdong-2021-work-summary");
    assert_eq!(r.preamble, vec![FULL_WIDTH[1]]);
    assert_eq!(
        tree(&r),
        vec![
            "1 一、2021年工作总结",
            "2 （一）经济发展稳中有进。",
            "2 （二）城市管理持续提升。",
            "1 二、2022年工作计划",
            "2 （一）聚焦项目建设：全力推进重点项目落地见效。",
            "2 （二）聚焦民生保障；持续改善群众生活。",
        ]
    );
    assert_eq!(
        at(&r, &[0, 0]).paragraphs,
        vec!["全年实现地区生产总值12.3亿元，同比增长8.5%；完成固定资产投资4.6亿元。"]
    );
    assert_eq!(
        at(&r, &[0, 1]).paragraphs,
        vec!["完成老旧小区改造3个（涉及居民1200户），新增停车位800个。"]
    );
    assert_eq!(at(&r, &[1, 0]).paragraphs, vec!["力争全年新开工项目10个。"]);
    assert!(at(&r, &[1, 1]).paragraphs.is_empty());
}

#[test]
fn half_width_numbering_and_punctuation() {
    let half: Vec<String> = FULL_WIDTH
        .iter()
        .map(|l| {
            l.replace('，', ",")
                .replace('：', ":")
                .replace('；', ";")
                .replace('（', "(")
                .replace('）', ")")
        })
        .collect();
    let r = import(&half.join("\n"));
    let full = import(&lines(FULL_WIDTH));
    assert_eq!(r.township, full.township);
    assert_eq!(
        (r.year, r.kind, r.id.as_str()),
        (full.year, full.kind, full.id.as_str())
    );
    assert_eq!(r.preamble, vec![half[1].clone()]);
    assert_eq!(
        tree(&r),
        vec![
            "1 一、2021年工作总结",
            "2 (一)经济发展稳中有进。",
            "2 (二)城市管理持续提升。",
            "1 二、2022年工作计划",
            "2 (一)聚焦项目建设:全力推进重点项目落地见效。",
            "2 (二)聚焦民生保障;持续改善群众生活。",
        ]
    );
    assert_eq!(
        at(&r, &[0, 1]).paragraphs,
        vec!["完成老旧小区改造3个(涉及居民1200户),新增停车位800个。"]
    );
}

#[test]
fn section_numbering_without_chapters_is_the_top_level() {
    let r = import(&lines(&[
        "岭南乡2022年上半年工作总结",
        "今年上半年，岭南乡在县委、县政府的正确领导下，扎实推进各项工作。",
        "（一）农业生产平稳。完成春播面积2.1万亩，粮食生产形势良好。",
        "（二）项目建设提速。",
        "总投资1.5亿元的农产品加工园区已完成主体工程。",
        "（三）下半年工作打算。紧盯年度目标，确保全年任务圆满完成。",
    ]));
    assert_eq!(r.township.as_deref(), Some("岭南乡"));
    assert_eq!((r.year, r.period), (Some(2022), Period::HalfYear));
    assert_eq!(r.id, "lingnan-2022-half-year-work-summary");
    assert_eq!(
        tree(&r),
        vec![
            "1 （一）农业生产平稳。",
            "1 （二）项目建设提速。",
            "1 （三）下半年工作打算。",
        ]
    );
    assert_eq!(
        at(&r, &[1]).paragraphs,
        vec!["总投资1.5亿元的农产品加工园区已完成主体工程。"]
    );
}

#[test]
fn skipped_levels_sub_items_and_parts() {
    let r = import(&lines(&[
        "河口镇2021年工作总结及2022年工作思路",
        "2021年，河口镇坚持以习近平新时代中国特色社会主义思想为指导，各项工作取得新成效。",
        "第一部分 2021年工作总结",
        "一、主要工作",
        "1.招商引资成效明显。全年引进项目6个，到位资金3.2亿元。",
        "2.基础设施不断完善。",
        "(1)加快推进园区道路建设。新建道路4.5公里。",
        "（2）完善配套设施。新增供水管网12公里。",
        "二、存在问题",
        "1、产业结构较为单一。",
        "第二部分 2022年工作思路",
        "一、总体要求",
        "坚持稳中求进，推动高质量发展。",
    ]));
    assert_eq!(r.township.as_deref(), Some("河口镇"));
    assert_eq!(r.year, Some(2021));
    assert_eq!(
        tree(&r),
        vec![
            "1 第一部分 2021年工作总结",
            "2 一、主要工作",
            "3 1.招商引资成效明显。",
            "3 2.基础设施不断完善。",
            "4 (1)加快推进园区道路建设。",
            "4 （2）完善配套设施。",
            "2 二、存在问题",
            "3 1、产业结构较为单一。",
            "1 第二部分 2022年工作思路",
            "2 一、总体要求",
        ]
    );
    assert_eq!(at(&r, &[0, 0, 1, 0]).paragraphs, vec!["新建道路4.5公里。"]);
    assert_eq!(
        at(&r, &[1, 0]).paragraphs,
        vec!["坚持稳中求进，推动高质量发展。"]
    );
}

// ---------------------------------------------------------------- 一是 items

#[test]
fn shi_items_are_the_top_level_when_there_are_no_headings() {
    let r = import(&lines(&[
        "巴彦苏木2021年工作总结",
        "2021年，巴彦苏木党委、政府团结带领全苏木干部群众，攻坚克难，各项工作取得新进展。",
        "一是畜牧业稳步发展。全年牲畜存栏12.5万头只，同比增长3%。",
        "二是基础设施不断完善。新修嘎查道路15公里。",
        "三是民生保障持续加强。发放各类补贴资金380万元。",
    ]));
    assert_eq!(r.township.as_deref(), Some("巴彦苏木"));
    assert_eq!(r.id, "bayan-2021-work-summary");
    assert_eq!(
        r.preamble,
        vec!["2021年，巴彦苏木党委、政府团结带领全苏木干部群众，攻坚克难，各项工作取得新进展。"]
    );
    assert_eq!(
        tree(&r),
        vec![
            "1 一是畜牧业稳步发展。",
            "1 二是基础设施不断完善。",
            "1 三是民生保障持续加强。",
        ]
    );
    assert_eq!(at(&r, &[2]).paragraphs, vec!["发放各类补贴资金380万元。"]);
}

#[test]
fn shi_items_stay_text_beside_numbered_children() {
    let r = import(&lines(&[
        "石门乡2021年工作总结",
        "一、2021年工作回顾",
        "全年主要做了以下工作。",
        "一是经济平稳增长。全年完成财政收入1.2亿元。",
        "二是项目建设加快。新开工项目8个。",
        "（一）农业农村工作。粮食播种面积稳定在3万亩。",
        "一是抓好粮食生产。落实耕地保护责任。",
        "二是发展特色产业。新建茶园500亩。",
    ]));
    assert_eq!(r.township.as_deref(), Some("石门乡"));
    assert_eq!(
        tree(&r),
        vec![
            "1 一、2021年工作回顾",
            "2 （一）农业农村工作。",
            "3 一是抓好粮食生产。",
            "3 二是发展特色产业。",
        ]
    );
    assert_eq!(
        at(&r, &[0]).paragraphs,
        vec![
            "全年主要做了以下工作。",
            "一是经济平稳增长。全年完成财政收入1.2亿元。",
            "二是项目建设加快。新开工项目8个。",
        ]
    );
    assert_eq!(
        at(&r, &[0, 0]).paragraphs,
        vec!["粮食播种面积稳定在3万亩。"]
    );
    assert_eq!(at(&r, &[0, 0, 1]).paragraphs, vec!["新建茶园500亩。"]);
}

// ---------------------------------------------------------------- traditional

#[test]
fn traditional_characters() {
    let r = import(&lines(&[
        "南麂鎮2020年工作總結及2021年工作計劃",
        "今年以來，我鎮在縣委、縣政府的正確領導下，全面完成各項目標任務。",
        "一、2020年工作總結",
        "（一）千方百計促發展，生態產業轉型加快。一年來，我們始終把經濟發展作為工作重點。",
        "（二）堅持不懈強統籌，城鄉面貌持續改善。全年完成投資3.2億元。",
        "二、2021年工作計劃",
        "（一）加快產業轉型。大力發展海島旅遊。",
    ]));
    assert_eq!(r.title, "南麂鎮2020年工作總結及2021年工作計劃");
    // Placed in the official list, the township is written as it is there.
    assert_eq!(r.township.as_deref(), Some("南麂镇"));
    assert_eq!(r.county.as_deref(), Some("平阳县"));
    assert_eq!(r.year, Some(2020));
    assert_eq!((r.period, r.kind), (Period::Annual, Kind::WorkSummary));
    assert_eq!(r.id, "pingyang-nanji-2020-work-summary");
    assert_eq!(
        r.preamble,
        vec!["今年以來，我鎮在縣委、縣政府的正確領導下，全面完成各項目標任務。"]
    );
    assert_eq!(
        tree(&r),
        vec![
            "1 一、2020年工作總結",
            "2 （一）千方百計促發展，生態產業轉型加快。",
            "2 （二）堅持不懈強統籌，城鄉面貌持續改善。",
            "1 二、2021年工作計劃",
            "2 （一）加快產業轉型。",
        ]
    );
    assert_eq!(
        at(&r, &[0, 0]).paragraphs,
        vec!["一年來，我們始終把經濟發展作為工作重點。"]
    );
}

// ---------------------------------------------------------------- title block

const GOVERNMENT_REPORT: &[&str] = &[
    "青山镇2022年政府工作报告",
    "——在青山镇第十届人民代表大会第三次会议上",
    "(2022年3月31日)",
    "青山镇镇长 张三",
    "各位代表：",
    "现在，我代表镇人民政府向大会报告工作，请予审议，并请列席人员提出意见。",
    "一、2021年工作回顾",
    "2021年，全镇上下团结一心，克难奋进，较好地完成了镇十届人大二次会议确定的目标任务。",
    "二、2022年工作安排",
    "今年是实施“十四五”规划承上启下的关键之年。",
];

#[test]
fn government_work_report_title_block() {
    let r = import(&lines(GOVERNMENT_REPORT));
    assert_eq!(r.title, "青山镇2022年政府工作报告");
    assert_eq!(r.township.as_deref(), Some("青山镇"));
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
    assert_eq!(r.published.as_deref(), Some("2022-03-31"));
    assert_eq!(r.id, "qingshan-2022-government-work-report");
    assert_eq!(r.preamble, GOVERNMENT_REPORT[1..6].to_vec());
    assert_eq!(
        tree(&r),
        vec!["1 一、2021年工作回顾", "1 二、2022年工作安排"]
    );
    assert_eq!(at(&r, &[0]).paragraphs, vec![GOVERNMENT_REPORT[7]]);
}

#[test]
fn anonymised_government_work_report_title_block() {
    let text = [
        "XX镇2022年政府工作报告",
        "——在XX镇第十届人民代表大会第三次会议上",
        "（2022年3月31日）",
        "XX镇镇长 张三",
        "各位代表：",
        "现在，我代表镇人民政府向大会报告工作，请予审议。",
        "一、2021年工作回顾",
        "全镇经济社会保持平稳健康发展。",
    ];
    let r = import(&lines(&text));
    assert_eq!(r.title, text[0]);
    assert_eq!(r.township, None);
    assert_eq!(r.year, Some(2022));
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
    assert_eq!(r.published.as_deref(), Some("2022-03-31"));
    assert_eq!(r.preamble, text[1..6].to_vec());
    assert_eq!(tree(&r), vec!["1 一、2021年工作回顾"]);
}

#[test]
fn metadata_date_beats_the_title_block_date() {
    let mut text = vec!["发布机构：青山镇人民政府", "发布日期：2022-04-06"];
    text.extend_from_slice(GOVERNMENT_REPORT);
    let r = import(&lines(&text));
    assert_eq!(r.published.as_deref(), Some("2022-04-06"));
    assert_eq!(r.publisher.as_deref(), Some("青山镇人民政府"));
    assert_eq!(r.title, GOVERNMENT_REPORT[0]);
    assert_eq!(r.preamble, GOVERNMENT_REPORT[1..6].to_vec());
}

#[test]
fn a_report_to_the_congress_is_a_government_work_report() {
    let r = import(&lines(&[
        "青山镇2022年工作报告",
        "各位代表：",
        "现在，我代表镇人民政府向大会报告工作，请予审议。",
        "一、2021年工作回顾",
        "全镇经济社会保持平稳健康发展。",
    ]));
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
    assert_eq!(r.published, None);
}

#[test]
fn a_date_in_brackets_after_the_title_is_the_publication_date() {
    let body = [
        "各位代表：",
        "一、2021年工作回顾",
        "全镇经济社会保持平稳健康发展。",
    ];
    let mut text = vec!["东山镇2022年政府工作报告（20220328）"];
    text.extend_from_slice(&body);
    let r = import(&lines(&text));
    assert_eq!(r.title, "东山镇2022年政府工作报告");
    assert_eq!(r.published.as_deref(), Some("2022-03-28"));

    // A bracket holding more than a date stays in the title; a date in
    // front of the title is not cut either (the title would be empty).
    for title in [
        "东山镇2022年政府工作报告(2022年3月28日在镇人代会上)",
        "(2022年3月28日)东山镇政府工作报告",
    ] {
        let mut text = vec![title];
        text.extend_from_slice(&body);
        let r = import(&lines(&text));
        assert_eq!(r.title, title);
        assert_eq!(r.published, None, "{title}");
    }
}

// ---------------------------------------------------------------- anonymised

#[test]
fn anonymised_townships_and_missing_years() {
    for (title, year) in [
        ("XX镇2021年工作总结", Some(2021)),
        ("xx镇2021年工作总结", Some(2021)),
        ("某乡2021年工作总结", Some(2021)),
        ("某某镇xxxx年工作总结和xxxx年工作计划", None),
        ("XX镇xxxx年工作总结", None),
    ] {
        let text = lines(&[
            title,
            "一年来，全镇上下齐心协力，较好地完成了各项目标任务。",
            "一、主要工作",
            "全年完成财政收入3600万元。",
        ]);
        let r = import(&text);
        assert_eq!(r.title, title);
        assert_eq!(r.township, None, "{title}");
        assert_eq!(r.year, year, "{title}");
        assert_eq!(r.kind, Kind::WorkSummary);
        let expected_prefix = match year {
            Some(y) => format!("unnamed-{y}-work-summary-"),
            None => "unnamed-undated-work-summary-".to_string(),
        };
        assert!(r.id.starts_with(&expected_prefix), "{title}: {}", r.id);
        assert_eq!(tree(&r), vec!["1 一、主要工作"], "{title}");
    }
}

// ---------------------------------------------------------------- PDF damage

#[test]
fn pdf_line_breaks_and_spaces() {
    let r = import(&lines(&[
        "2023年东湖镇政府工作报告",
        "各位代表：",
        "现在，我代表镇人民政府向大会报告工作，请各位代",
        "表审议，并请列席人员提出意见。",
        "一、2022年工作回顾",
        "2022年，全镇实现地区生产总值45.6亿元，同比增",
        "长7.2%；规上工业增加值完成12.3亿元，同比增长",
        "14.9%，增速位居全县第一；一般公共预算收入完成",
        "2.1亿元。请各位代 表审议政府工作报告并提出意见",
        "和建议。",
        "二、2023年工作安排",
        "今年是全面贯彻落实党的二十大精神的开局之年，我们",
        "要坚持稳中求进工作总基调，奋力开创东湖发展新局",
        "面。",
    ]));
    assert_eq!(r.title, "2023年东湖镇政府工作报告");
    assert_eq!(r.township.as_deref(), Some("东湖镇"));
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
    // A short line ending in a colon does not end a paragraph of broken PDF
    // text (the 岱西镇 seed reads "各位代表:现在,…" the same way).
    assert_eq!(
        r.preamble,
        vec![
            "各位代表：现在，我代表镇人民政府向大会报告工作，请各位代表审议，并请列席人员提出意见。",
        ]
    );
    assert_eq!(
        tree(&r),
        vec!["1 一、2022年工作回顾", "1 二、2023年工作安排"]
    );
    assert_eq!(
        at(&r, &[0]).paragraphs,
        vec![
            "2022年，全镇实现地区生产总值45.6亿元，同比增长7.2%；规上工业增加值完成12.3亿元，同比增长14.9%，增速位居全县第一；一般公共预算收入完成2.1亿元。请各位代表审议政府工作报告并提出意见和建议。"
        ]
    );
    assert_eq!(
        at(&r, &[1]).paragraphs,
        vec![
            "今年是全面贯彻落实党的二十大精神的开局之年，我们要坚持稳中求进工作总基调，奋力开创东湖发展新局面。"
        ]
    );
}

#[test]
fn numbers_at_line_starts_are_not_headings() {
    let body = [
        "14.9%的增幅位居全县前列，为近五年最高。",
        "2022.3月，我镇启动老旧小区改造工程。",
        "1-5月份，全镇完成固定资产投资2.3亿元。",
        "1·26森林火灾发生后，我镇迅速组织力量扑救。",
        "2699(国税1636地税1036)万元的税收收入，同比增长12%。",
        "1.5公里的滨河步道已建成开放。",
    ];
    let mut text = vec!["龙泉镇2022年工作总结", "一、经济运行"];
    text.extend_from_slice(&body);
    let r = import(&lines(&text));
    assert_eq!(tree(&r), vec!["1 一、经济运行"]);
    assert_eq!(at(&r, &[0]).paragraphs, body.to_vec());
}

#[test]
fn no_headings_means_everything_is_preamble() {
    let body = [
        "今年以来，我乡认真贯彻落实县委、县政府决策部署，扎实开展人居环境整治工作。",
        "全乡共清理垃圾1200余吨，拆除危旧房屋35处，新建公共厕所6座。",
        "下一步，我们将建立长效管护机制，持续巩固整治成果。",
    ];
    let mut text = vec!["河口乡2021年人居环境整治工作总结"];
    text.extend_from_slice(&body);
    let r = import(&lines(&text));
    assert_eq!(r.title, "河口乡2021年人居环境整治工作总结");
    assert_eq!(r.township.as_deref(), Some("河口乡"));
    assert_eq!(r.preamble, body.to_vec());
    assert!(r.sections.is_empty());
}

mod robustness;
