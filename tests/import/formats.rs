//! Each format gives the same report as the same text: the web pages (three
//! CMS styles, GB2312 and UTF-8), the `.docx` files (numbering in the text
//! and Word's automatic numbering) and the PDFs of `tests/data/formats`,
//! built by `scripts/make-format-docs.py` from samples of
//! `tests/data/samples`, are imported and scored against the import of the
//! sample's text: a point each for the title, township, year, kind and
//! period, and one for each heading found at its level. Nothing of the
//! pages' clutter may reach a paragraph. The page and the Word file whose
//! headings carry no numbers (`*.d.html`: `<h2>`, `<h3>`, bold; and
//! `*.plain.docx`: heading styles, bold runs) score their headings by text
//! and level, the number aside; `*.styled.docx` numbers its headings by
//! their styles alone.
//!
//! `cargo test --test import formats -- --nocapture` prints each file's score.

use crate::all_text;
use baogao_import::import_bytes;
use baogao_report::marker::marker;
use baogao_report::model::{Report, Section};
use baogao_testkit::fixtures::repo_path;

/// Text folded for comparing: no white space, full-width ASCII and
/// punctuation as their half-width forms.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '．' => '.',
            c => c,
        })
        .collect()
}

/// Each heading with its level; `numbered: false` leaves the outline
/// number out, for documents whose headings carry none.
fn outline(sections: &[Section], level: usize, numbered: bool, out: &mut Vec<(usize, String)>) {
    for s in sections {
        let heading = if numbered {
            s.heading.as_str()
        } else {
            let at = marker(&s.heading).map_or(0, |m| m.len);
            &s.heading[at..]
        };
        out.push((level, fold(heading)));
        outline(&s.sections, level + 1, numbered, out);
    }
}

/// Points won and possible, and what was missed. `numbered: false` for a
/// document whose headings carry no numbers (they are scored by text and
/// level alone).
fn score(reference: &Report, got: &Report, numbered: bool) -> (usize, usize, Vec<String>) {
    let mut won = 0;
    let mut of = 0;
    let mut missed = Vec::new();
    let mut point = |ok: bool, what: String| {
        of += 1;
        if ok {
            won += 1;
        } else {
            missed.push(what);
        }
    };
    point(
        fold(&reference.title) == fold(&got.title),
        format!("title {:?}", got.title),
    );
    point(
        reference.township == got.township,
        format!("township {:?}", got.township),
    );
    point(reference.year == got.year, format!("year {:?}", got.year));
    point(reference.kind == got.kind, format!("kind {:?}", got.kind));
    point(
        reference.period == got.period,
        format!("period {:?}", got.period),
    );
    let mut want = Vec::new();
    outline(&reference.sections, 1, numbered, &mut want);
    let mut have = Vec::new();
    outline(&got.sections, 1, numbered, &mut have);
    for heading in want {
        let found = have.contains(&heading);
        point(found, format!("heading {heading:?}"));
    }
    (won, of, missed)
}

/// Words of the generated pages' clutter, never report text.
const CLUTTER: &[&str] = &[
    "首页",
    "分享到",
    "热点新闻",
    "备案号",
    "统计代码",
    "网友评论",
    "相关文章",
    "打印本页",
    "浏览次数",
    "版权所有",
    "当前位置",
    "字号",
    "text-indent",
];

#[test]
fn every_format_gives_the_report_of_its_text() {
    let dir = repo_path("tests/data/formats");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 30, "the format documents are there");
    let (mut won, mut of) = (0, 0);
    let mut per_format: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (prefix, format) = name.split_once('.').unwrap();
        let sample = std::fs::read_dir(repo_path("tests/data/samples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&format!("{prefix}_"))
            })
            .unwrap();
        let reference = import_bytes(&std::fs::read(&sample).unwrap(), "sample.txt").unwrap();
        let got = import_bytes(&std::fs::read(&path).unwrap(), &name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        // The unnumbered page (`d.html`) and Word file (`plain.docx`) say
        // their headings by tag, style and bold alone.
        let numbered = !matches!(format, "d.html" | "plain.docx");
        let (w, o, missed) = score(&reference, &got, numbered);
        println!("{name}: {w}/{o} {missed:?}");
        won += w;
        of += o;
        let entry = per_format.entry(format.to_string()).or_default();
        entry.0 += w;
        entry.1 += o;
        let text = all_text(&got);
        for word in CLUTTER {
            if !all_text(&reference).contains(word) {
                assert!(
                    !text.contains(word),
                    "{name}: clutter {word:?} reached the report"
                );
            }
        }
    }
    for (format, (w, o)) in &per_format {
        println!("{format}: {w}/{o} = {:.1}%", 100.0 * *w as f64 / *o as f64);
    }
    let percent = 100.0 * won as f64 / of as f64;
    println!("all formats: {won}/{of} = {percent:.1}%");
    // Every point, as measured: a lost one is a regression to look at.
    assert_eq!(won, of, "formats score {percent:.1}%");
}

/// A page of the given body inside a bare article, for the declared
/// headings' tests.
fn page(body: &str) -> Vec<u8> {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>某某镇2022年工作总结</title></head>\
         <body><div class=\"article-content\">{body}</div></body></html>"
    )
    .into_bytes()
}

fn headings(report: &Report) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    outline(&report.sections, 1, true, &mut out);
    out
}

const PARAGRAPH: &str =
    "全年完成地区生产总值十二亿元，同比增长百分之六，固定资产投资稳步增长，各项指标好于预期。";

#[test]
fn a_pages_unnumbered_heading_elements_and_bold_lead_ins_are_headings() {
    let body = format!(
        "<h2>经济发展</h2><p>{PARAGRAPH}</p><p><strong>工业稳中有进。</strong>{PARAGRAPH}</p>\
         <p><b>农业提质增效。</b>{PARAGRAPH}</p><h2>社会事业</h2><p>{PARAGRAPH}</p>"
    );
    let report = import_bytes(&page(&body), "page.html").unwrap();
    assert_eq!(
        headings(&report),
        [
            (1, "经济发展".to_string()),
            (2, "工业稳中有进。".to_string()),
            (2, "农业提质增效。".to_string()),
            (1, "社会事业".to_string()),
        ]
    );
    assert!(report.sections[0].sections[0].paragraphs[0].starts_with("全年完成"));
}

#[test]
fn bold_that_sets_nothing_apart_and_long_heading_elements_declare_nothing() {
    // Everything bold: bold says nothing.
    let body =
        format!("<p><b>{PARAGRAPH}</b></p><p><b>成绩来之不易。</b></p><p><b>{PARAGRAPH}</b></p>");
    let report = import_bytes(&page(&body), "page.html").unwrap();
    assert!(report.sections.is_empty(), "{:?}", headings(&report));
    // Bold by style, as editors write it, declares as <b> does.
    let body = format!(
        "<p>{PARAGRAPH}</p><p><span style=\"FONT-WEIGHT: 700\">成绩来之不易。</span></p><p>{PARAGRAPH}</p>"
    );
    let report = import_bytes(&page(&body), "page.html").unwrap();
    assert_eq!(headings(&report), [(1, "成绩来之不易。".to_string())]);
    // The same with the paragraphs plain: the bold line is a heading.
    let body = format!("<p>{PARAGRAPH}</p><p><b>成绩来之不易。</b></p><p>{PARAGRAPH}</p>");
    let report = import_bytes(&page(&body), "page.html").unwrap();
    assert_eq!(headings(&report), [(1, "成绩来之不易。".to_string())]);
    // An <h3> holding a whole paragraph is emphasis, not a heading.
    let body = format!("<p>{PARAGRAPH}</p><h3>{PARAGRAPH}{PARAGRAPH}</h3><p>{PARAGRAPH}</p>");
    let report = import_bytes(&page(&body), "page.html").unwrap();
    assert!(report.sections.is_empty(), "{:?}", headings(&report));
}
