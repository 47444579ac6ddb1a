//! The 12 real excerpts in tests/data/samples import as their README says
//! (title, places, year, period, kind, dates, outline, what is cruft).

use crate::{all_text, assert_heads, headings, import_file};
use baogao_report::model::{Kind, Period, Report};

fn sample(prefix: &str) -> Report {
    import_file("tests/data/samples", prefix)
}

fn assert_meta(
    r: &Report,
    title: &str,
    township: Option<&str>,
    year: Option<i32>,
    period: Period,
    kind: Kind,
) {
    assert_eq!(r.title, title);
    assert_eq!(r.township.as_deref(), township, "township");
    assert_eq!(r.year, year, "year");
    assert_eq!((r.period, r.kind), (period, kind));
}

fn assert_absent(r: &Report, pieces: &[&str]) {
    let text = all_text(r);
    for piece in pieces {
        assert!(!text.contains(piece), "{piece:?} left in {}", r.title);
    }
}

#[test]
fn s01_xiaoping_county_from_body_and_numbers() {
    let r = sample("01_");
    assert_meta(
        &r,
        "晓坪乡人民政府2018年工作总结及2019年工作计划",
        Some("晓坪乡"),
        Some(2018),
        Period::Annual,
        Kind::WorkSummary,
    );
    // The body says 芷江县; the official list names it in full.
    assert_eq!(r.county.as_deref(), Some("芷江侗族自治县"));
    assert_eq!(r.city.as_deref(), Some("怀化市"));
    assert_eq!(r.code.as_deref(), Some("431228223"));
    assert_heads(&r.sections, &["一、晓坪乡的基本情况", "二、工作开展情况"]);
    assert_eq!(
        r.sections[1].paragraphs[0]
            .chars()
            .take(5)
            .collect::<String>(),
        "2018年"
    );
    assert_heads(&r.sections[1].sections, &["(一)求真务实,综合实力显著提升"]);
    assert_heads(
        &r.sections[1].sections[0].sections,
        &["1.经济实力不断增强。", "2.优化产业结构。"],
    );
}

#[test]
fn s02_runya_site_prefix_and_self_inspection() {
    let r = sample("02_");
    assert_meta(
        &r,
        "2016年上半年润雅乡主要工作目标管理情况自查报告",
        Some("润雅乡"),
        Some(2016),
        Period::HalfYear,
        Kind::Other,
    );
    assert_eq!(r.county.as_deref(), Some("永顺县"));
    assert_eq!(r.published.as_deref(), Some("2016-11-03"));
    assert_heads(
        &r.sections,
        &["一、基础设施建设项目有序推进", "二、产业开发工作稳步进行"],
    );
    assert!(
        r.sections.iter().all(|s| s.sections.is_empty()),
        "一是 mid-paragraph stays text"
    );
    assert_absent(&r, &["字体大小", "发布时间"]);
}

#[test]
fn s03_leyuan_one_line_body() {
    let r = sample("03_");
    assert_meta(
        &r,
        "乐园乡2018年工作总结",
        Some("乐园乡"),
        Some(2018),
        Period::Annual,
        Kind::WorkSummary,
    );
    // One 乐园乡 in the official list: placed though the text names no county.
    assert_eq!(
        (r.county.as_deref(), r.city.as_deref()),
        (Some("瑞昌市"), Some("九江市"))
    );
    assert_eq!(r.published.as_deref(), Some("2019-03-20"));
    assert_eq!(r.publisher, None);
    assert_eq!(
        headings(&r.sections),
        vec![
            "一、以项目为支撑,做强财税,经济形势稳中向好",
            "二、以产业为核心,夯实三农,乡村振兴稳步推进"
        ]
    );
    assert!(r.sections[0].paragraphs[0].starts_with("打破山区乡镇"));
    assert_absent(&r, &["admin", "点击"]);
}

#[test]
fn s04_lucun_government_work_report() {
    let r = sample("04_");
    assert_meta(
        &r,
        "卢村乡2023年政府工作报告",
        Some("卢村乡"),
        Some(2023),
        Period::Annual,
        Kind::GovernmentWorkReport,
    );
    assert_eq!(r.preamble[0], "各位代表:");
    assert!(r.preamble[1].starts_with("现在,我代表乡人民政府"));
    assert_heads(&r.sections, &["一、2022年工作回顾"]);
    assert!(
        r.sections[0]
            .paragraphs
            .iter()
            .any(|p| p == "一年来,主要做了以下工作:")
    );
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["(一)聚焦项目建设,经济发展迈上新台阶"]
    );
    assert!(r.sections[0].sections[0].paragraphs[0].starts_with("项目建设推动有力。"));
}

#[test]
fn s05_yijie_breadcrumb_and_one_line_metadata() {
    let r = sample("05_");
    assert_meta(
        &r,
        "一街乡2020年政府工作报告",
        Some("一街乡"),
        Some(2020),
        Period::Annual,
        Kind::GovernmentWorkReport,
    );
    assert_eq!(r.county.as_deref(), Some("南华县"));
    assert_eq!(r.publisher.as_deref(), Some("南华县一街乡"));
    assert_heads(&r.sections, &["一、2020年及“十三五”期间工作回顾"]);
    assert_eq!(
        r.sections[0].sections[0].heading,
        "(一)稳全局保增长,经济社会健康发展。"
    );
    assert!(r.sections[0].sections[0].paragraphs[0].starts_with("经济总量稳步提升。"));
    assert_absent(&r, &["无障碍", "长者模式", "索引号", ">>"]);
}

#[test]
fn s06_shagou_pipe_table_and_title_block() {
    let r = sample("06_");
    assert_meta(
        &r,
        "沙沟镇2021年政府工作报告",
        Some("沙沟镇"),
        Some(2021),
        Period::Annual,
        Kind::GovernmentWorkReport,
    );
    assert_eq!(r.county.as_deref(), Some("沂水县"));
    assert_eq!(r.published.as_deref(), Some("2021-02-27"));
    assert_eq!(headings(&r.sections), vec!["2020年工作回顾"]);
    assert!(
        r.sections[0].sections.is_empty(),
        "topic sentences stay in paragraphs"
    );
    assert!(
        r.preamble
            .iter()
            .any(|p| p == "——2021年2月27日在沙沟镇第十六届人民代表大会第六次会议上")
    );
    assert!(r.preamble.iter().any(|p| p.starts_with("各位代表")));
    assert_absent(&r, &["政 府 工 作", "索 引 号", "|"]);
}

#[test]
fn s07_mudong_cover_notice() {
    let r = sample("07_");
    assert_meta(
        &r,
        "重庆市巴南区木洞镇人民政府2024年政府工作报告",
        Some("木洞镇"),
        Some(2024),
        Period::Annual,
        Kind::GovernmentWorkReport,
    );
    assert_eq!(r.county.as_deref(), Some("巴南区"));
    // A municipality's districts have no city between them and it.
    assert_eq!(r.city, None);
    assert_eq!(r.province.as_deref(), Some("重庆市"));
    assert_eq!(r.published.as_deref(), Some("2024-02-22"));
    assert_eq!(r.publisher.as_deref(), Some("重庆市巴南区木洞镇人民政府"));
    assert_heads(&r.sections, &["一、2023年工作回顾"]);
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["一年来,我们全力以赴稳增长,经济回升的步伐迈得更沉稳。"]
    );
    assert!(r.sections[0].sections[0].paragraphs[0].starts_with("经济总量持续增长。"));
    assert_absent(&r, &["关于印发", "此件公开发布", "各村(居)民委员会"]);
}

#[test]
fn s08_xixi_street_office() {
    let r = sample("08_");
    assert_meta(
        &r,
        "西溪街道2021年工作总结和2022年工作思路",
        Some("西溪街道"),
        Some(2021),
        Period::Annual,
        Kind::WorkSummary,
    );
    assert_eq!(
        (r.county.as_deref(), r.city.as_deref()),
        (Some("西湖区"), Some("杭州市"))
    );
    assert_eq!(r.published.as_deref(), Some("2022-03-14"));
    assert_eq!(r.publisher.as_deref(), Some("西溪街道"));
    assert_heads(&r.sections, &["一、2021年工作回顾"]);
    assert_eq!(
        headings(&r.sections[0].sections),
        vec![
            "一年来,我们一心一意谋发展,经济建设取得新成效。",
            "一年来,我们建管并重强统筹,环境面貌有了新变化。"
        ]
    );
}

#[test]
fn s09_pdf_line_breaks_and_disclaimer() {
    let r = sample("09_");
    assert_meta(
        &r,
        "乡镇 2020 年工作总结和 2021 年工作计划",
        None,
        Some(2020),
        Period::Annual,
        Kind::WorkSummary,
    );
    assert_eq!((r.county.as_deref(), r.city.as_deref()), (None, None));
    assert_eq!(headings(&r.sections), vec!["一、经济建设成效显著"]);
    let text = all_text(&r);
    assert!(text.contains("发展布局,强化责任"), "lines re-joined");
    assert!(text.contains("一是 CFL 信息安全项目"));
    assert_absent(&r, &["本文档", "客服", "KB"]);
}

#[test]
fn s10_bracket_placeholders() {
    let r = sample("10_");
    assert_meta(
        &r,
        "〔…〕镇2023上半年工作开展情况和下半年工作打算",
        None,
        Some(2023),
        Period::HalfYear,
        Kind::WorkSummary,
    );
    assert_heads(&r.sections, &["一、上半年取得的工作成绩"]);
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["(一)乡村振兴稳步推进。", "(二)产业结构不断优化。"]
    );
    assert_eq!(
        headings(&r.sections[0].sections[1].sections),
        vec!["1、〔…〕种植产业效益凸显。", "2、特色草畜产业稳定发展。"]
    );
}

#[test]
fn s11_half_year_government_report_footer() {
    let r = sample("11_");
    assert_meta(
        &r,
        "2022年上半年政府工作报告(镇乡)",
        None,
        Some(2022),
        Period::HalfYear,
        Kind::GovernmentWorkReport,
    );
    assert_eq!(headings(&r.sections), vec!["上半年工作回顾"]);
    assert_eq!(
        headings(&r.sections[0].sections),
        vec!["半年来,我们聚焦经济发展,全面提质增效,综合实力有力提升。"]
    );
    assert_absent(&r, &["微信扫一扫", "版权声明", "作者原创"]);
}

#[test]
fn s12_part_heading_and_semicolon_items() {
    let r = sample("12_");
    assert_meta(
        &r,
        "镇政府2019年工作总结和2020年工作计划",
        None,
        Some(2019),
        Period::Annual,
        Kind::WorkSummary,
    );
    assert_eq!(r.province, None);
    assert_eq!(
        headings(&r.sections),
        vec!["2020年主要工作措施、亮点及成效"]
    );
    let part = &r.sections[0];
    assert_eq!(
        headings(&part.sections),
        vec!["一、认真做好绿色产业开发工作"]
    );
    assert_heads(&part.sections[0].sections, &["一是", "二是", "三是"]);
    assert_absent(&r, &["cwl2", "找总结网"]);
}

/// Real pages arrive cut anywhere (every sample stops mid-text). Every seed
/// and sample cut at many points still imports, with a title and an id, and
/// keeps the title it had whenever the cut falls after the title.
/// The township named only by the speaker (我代表新村乡人民政府), and placed
/// among the units bearing that name by the body's 崇明 (崇明世界级生态岛).
#[test]
fn s19_township_named_by_the_speaker() {
    let r = sample("19_");
    assert_meta(
        &r,
        "2019年乡人民政府关于上半年工作回顾和下半年主要工作的报告",
        Some("新村乡"),
        Some(2019),
        Period::HalfYear,
        Kind::GovernmentWorkReport,
    );
    assert_eq!(r.county.as_deref(), Some("崇明区"));
    assert_absent(&r, &["此文共", "讲话致辞", "当前位置"]);
}

#[test]
fn pages_cut_anywhere_still_import() {
    let mut files = Vec::new();
    for dir in ["data/raw", "tests/data/samples"] {
        for entry in std::fs::read_dir(baogao_testkit::fixtures::repo_path(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let whole = baogao_import::import_text(&text, &name).unwrap();
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
        for cut in cuts {
            let part = &text[..cut];
            match baogao_import::import_text(part, &name) {
                Ok(r) => {
                    assert!(
                        !r.title.is_empty() && !r.id.is_empty(),
                        "{name} cut at {cut}"
                    );
                    if let Some(at) = text.find(&whole.title)
                        && cut > at + whole.title.len() + 200
                        && !whole.title.ends_with("报告")
                    {
                        assert_eq!(r.title, whole.title, "{name} cut at {cut}");
                    }
                }
                Err(e) => assert!(
                    matches!(
                        e,
                        baogao_import::ImportError::Empty | baogao_import::ImportError::NoChinese
                    ),
                    "{name} cut at {cut}: {e}"
                ),
            }
        }
    }
}
