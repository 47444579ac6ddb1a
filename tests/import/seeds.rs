//! The five seed reports (data/raw) import with their metadata and their
//! whole outline: every heading at its level, the one-line PDF page and the
//! half-year report included, the watermark and the site footer gone. The
//! committed data/reports stay what the importer makes of data/raw.

use crate::{all_text, assert_heads, import_file};
use baogao_report::load::parse_report;
use baogao_report::model::{Kind, Period};
use baogao_testkit::fixtures::repo_path;

#[test]
fn seed_000_nanji() {
    let r = import_file("data/raw", "000_");
    assert_eq!(r.id, "pingyang-nanji-2020-work-summary");
    assert_eq!(r.title, "南麂镇2020年工作总结及2021年工作思路");
    assert_eq!(r.township.as_deref(), Some("南麂镇"));
    assert_eq!(r.county.as_deref(), Some("平阳县"));
    assert_eq!(r.city.as_deref(), Some("温州市"));
    assert_eq!(r.province.as_deref(), Some("浙江省"));
    assert_eq!(r.code.as_deref(), Some("330326119"));
    assert_eq!(r.year, Some(2020));
    assert_eq!((r.period, r.kind), (Period::Annual, Kind::WorkSummary));
    assert_eq!(r.published.as_deref(), Some("2022-02-16"));
    assert_eq!(r.publisher.as_deref(), Some("中共平阳县南麂镇委员会"));
    assert!(r.preamble[0].starts_with("今年以来,我镇在县委"));
    assert_heads(&r.sections, &["一、2020年工作总结", "二、2021年工作计划"]);
    assert_heads(
        &r.sections[0].sections,
        &[
            "(一)千方百计促发展",
            "(二)坚持不懈强统筹",
            "(三)全力以赴抓整治",
            "(四)以人为本惠民生",
            "(五)从严从实转作风",
        ],
    );
    assert_eq!(
        r.sections[0].sections[0].heading,
        "(一)千方百计促发展,生态产业转型加快。"
    );
    assert!(r.sections[0].sections[0].paragraphs[0].starts_with("一年来,我们始终把经济发展"));
    assert_heads(&r.sections[1].sections, &["(一)", "(二)", "(三)", "(四)"]);
    assert!(r.sections[1].paragraphs[0].starts_with("2021年,我镇将继续推进"));
    let text = all_text(&r);
    assert!(!text.contains("您现在的位置") && !text.contains("索引号"));
}

#[test]
fn seed_001_anonymous() {
    let r = import_file("data/raw", "001_");
    assert_eq!(r.title, "乡镇人民政府年度工作总结及下一步工作计划");
    assert_eq!(r.township, None);
    assert_eq!(r.year, None);
    assert_eq!((r.period, r.kind), (Period::Annual, Kind::WorkSummary));
    assert_heads(
        &r.sections,
        &[
            "一、xxxx年工作回顾和“十三五”发展成效",
            "二、“十四五”的总体要求和目标任务",
            "三、全力做好“十四五”开局工作",
        ],
    );
    assert!(r.sections[0].sections.is_empty());
    assert_heads(&r.sections[1].sections, &["(一)", "(二)", "(三)"]);
    assert_heads(
        &r.sections[2].sections,
        &["(一)", "(二)", "(三)", "(四)", "(五)"],
    );
}

#[test]
fn seed_002_daixi_one_line_pdf() {
    let r = import_file("data/raw", "002_");
    assert_eq!(r.title, "2023年岱西镇政府工作报告");
    assert_eq!(r.township.as_deref(), Some("岱西镇"));
    assert_eq!(r.year, Some(2023));
    assert_eq!(r.kind, Kind::GovernmentWorkReport);
    assert_eq!(r.published.as_deref(), Some("2023-01-15"));
    assert!(
        r.preamble[0].starts_with("各位代表:现在,我代表镇人民政府向大会报告工作,请各位代表审议"),
        "{:?}",
        r.preamble
    );
    assert_heads(&r.sections, &["一、2022年工作回顾"]);
    assert_eq!(r.sections[0].heading, "一、2022年工作回顾");
    let body = &r.sections[0].paragraphs;
    assert!(
        body.len() >= 5,
        "the one-line text is split into paragraphs: {}",
        body.len()
    );
    assert!(body[0].starts_with("2022年是极不平凡"));
    let text = all_text(&r);
    assert!(!text.contains("代 表") && !text.contains("Vip") && !text.contains("购物车"));
}

#[test]
fn seed_003_nantang_half_year() {
    let r = import_file("data/raw", "003_");
    assert_eq!(r.title, "南塘镇2022年上半年工作总结及下半年工作思路");
    assert_eq!(r.township.as_deref(), Some("南塘镇"));
    assert_eq!(r.year, Some(2022));
    assert_eq!((r.period, r.kind), (Period::HalfYear, Kind::WorkSummary));
    assert_eq!(r.published.as_deref(), Some("2022-07-04"));
    assert_heads(
        &r.sections,
        &["一、2022年上半年工作总结", "二、下半年工作思路"],
    );
    assert_heads(&r.sections[0].sections, &["(一)", "(二)", "(三)", "(四)"]);
    assert_heads(
        &r.sections[1].sections,
        &[
            "一是突出转型升级",
            "二是聚焦统筹并进",
            "三是坚持以人为本",
            "四是加强党建统领",
        ],
    );
    let text = all_text(&r);
    assert!(!text.contains("图片解读") && !text.contains("浏览次数"));
}

#[test]
fn seed_004_lupu_watermark_and_footer() {
    let r = import_file("data/raw", "004_");
    assert_eq!(r.title, "(玉环市)芦浦镇2020年工作总结和2021年工作思路汇报");
    assert_eq!(r.township.as_deref(), Some("芦浦镇"));
    // "(玉环市)" is the county-level city; 台州市 is above it.
    assert_eq!(r.county.as_deref(), Some("玉环市"));
    assert_eq!(r.city.as_deref(), Some("台州市"));
    assert_eq!(r.province.as_deref(), Some("浙江省"));
    assert_eq!(r.id, "yuhuan-lupu-2020-work-summary");
    assert_eq!(r.year, Some(2020));
    assert_eq!((r.period, r.kind), (Period::Annual, Kind::WorkSummary));
    assert_heads(&r.sections, &["一、2020年工作总结", "二、2021年工作思路"]);
    assert_eq!(r.sections[0].heading, "一、2020年工作总结");
    assert_heads(
        &r.sections[0].sections,
        &[
            "一是经济发展交出新答卷。",
            "二是",
            "三是",
            "四是",
            "五是党的建设开创新局面。",
        ],
    );
    assert_heads(&r.sections[1].sections, &["一是", "二是", "三是"]);
    let text = all_text(&r);
    for cruft in [
        "IsG",
        "乡村百科",
        "本文仅代表作者观点",
        "打赏",
        "本文地址",
        "支付宝",
    ] {
        assert!(!text.contains(cruft), "{cruft} left in the report");
    }
}

/// data/reports is what `baogao import` makes of data/raw: re-import every
/// raw report and compare with the committed JSON, byte for byte.
#[test]
fn committed_reports_match_a_fresh_import() {
    let raw = repo_path("data/raw");
    let mut count = 0;
    for entry in std::fs::read_dir(&raw).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let report = baogao_import::import_bytes(&std::fs::read(&path).unwrap(), &name).unwrap();
        let committed_path = repo_path(&format!("data/reports/{}.json", report.id));
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_else(|_| {
            panic!("{name} imports as {}, which data/reports does not hold: run `cargo run --release -- import --force data/raw/*.txt`", report.id)
        });
        assert_eq!(
            report.to_json_pretty(),
            committed,
            "{name}: data/reports/{}.json is stale: run `cargo run --release -- import --force data/raw/*.txt`",
            report.id
        );
        assert_eq!(parse_report(&committed, &committed_path).unwrap(), report);
        count += 1;
    }
    assert_eq!(count, 5);
    let committed = std::fs::read_dir(repo_path("data/reports"))
        .unwrap()
        .count();
    assert_eq!(
        committed, count,
        "data/reports holds a report no raw file makes"
    );
}

/// A page saved with its line breaks lost (the whole report on one line, as
/// some scrapers and PDF tools give it) imports with the same metadata and
/// outline as the page itself.
#[test]
fn seeds_flattened_to_one_line_keep_their_outline() {
    fn outline(sections: &[baogao_report::model::Section], depth: usize, out: &mut Vec<String>) {
        for s in sections {
            out.push(format!("{}{}", "  ".repeat(depth), s.heading));
            outline(&s.sections, depth + 1, out);
        }
    }
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let page = import_file("data/raw", prefix);
        let dir = repo_path("data/raw");
        let path = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap();
        let one_line = std::fs::read_to_string(&path).unwrap().replace('\n', " ");
        let flat = baogao_import::import_text(&one_line, "flat.txt").unwrap();
        assert_eq!(
            (
                &flat.title,
                &flat.township,
                flat.year,
                flat.kind,
                &flat.published
            ),
            (
                &page.title,
                &page.township,
                page.year,
                page.kind,
                &page.published
            ),
            "{prefix}"
        );
        let (mut a, mut b) = (Vec::new(), Vec::new());
        outline(&page.sections, 0, &mut a);
        outline(&flat.sections, 0, &mut b);
        assert_eq!(a, b, "{prefix}");
    }
}
