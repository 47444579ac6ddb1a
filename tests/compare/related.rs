//! Related sections, judged on topic over the real reports (bundled and
//! samples imported), by two judges.
//!
//! The person: `topics.tsv` gives every section of those reports its
//! topics, labelled from its heading and the start of its text alone (the
//! file's head lists the topics). The judged set is every section with
//! exactly one topic that some other report also has; a related section
//! is on topic when its labels include that topic.
//!
//! The lexicon: a topic lexicon written for this test (a handful of words
//! per topic of a township report: party building, environment, people's
//! livelihood, economy, town and village building, the year's summary or
//! plan) assigns topics to a section by its heading and the start of its
//! text. The judged set is every section whose heading names exactly one
//! topic. A related section is on topic when its own heading or the start
//! of its text names that topic. It is a second opinion only: the ranker
//! weighs sections by a lexicon of areas of work of its own
//! (`crates/compare/data/areas.tsv`), which shares some of these words, so
//! this judge is not independent of it. A section passes when all of its
//! top 5 (or fewer, when fewer are listed) are on topic.
//!
//! The bar is 90 % of sections (by the person), which the person's test
//! holds; the figures are in docs/compare.md, and the lexicon's test holds
//! its measured level so it cannot fall.

use crate::truth::real_reports;
use baogao_compare::RelatedIndex;
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use baogao_testkit::fixtures::repo_path;
use std::collections::HashMap;

const TOPICS: [(&str, &[&str]); 6] = [
    ("party", &["党", "廉", "作风", "干部", "组织"]),
    (
        "environment",
        &[
            "生态", "环境", "垃圾", "污染", "治水", "河道", "绿色", "整治",
        ],
    ),
    (
        "livelihood",
        &[
            "民生",
            "教育",
            "医疗",
            "养老",
            "社保",
            "就业",
            "疫情",
            "平安",
            "安全",
            "治理",
            "稳定",
            "社会",
            "福祉",
            "低收入",
        ],
    ),
    (
        "economy",
        &[
            "经济", "产业", "项目", "招商", "投资", "企业", "农业", "旅游", "工业", "税收", "转型",
        ],
    ),
    (
        "building",
        &[
            "城镇",
            "城乡",
            "道路",
            "交通",
            "基础设施",
            "美丽",
            "村庄",
            "人居",
        ],
    ),
    (
        "summary or plan",
        &[
            "工作总结",
            "工作回顾",
            "工作计划",
            "工作思路",
            "工作安排",
            "打算",
            "目标任务",
        ],
    ),
];

fn topics_of(text: &str) -> Vec<&'static str> {
    TOPICS
        .iter()
        .filter(|(_, words)| words.iter().any(|w| text.contains(w)))
        .map(|(name, _)| *name)
        .collect()
}

fn judged_text(report: &Report, path: &SectionPath) -> String {
    let section = report.section(path).expect("a listed section exists");
    let start: String = section
        .paragraphs
        .first()
        .map(|p| p.chars().take(80).collect())
        .unwrap_or_default();
    format!("{}{start}", section.heading)
}

/// How a judge's verdicts add up over the judged sections.
#[derive(Debug, Default)]
struct Score {
    /// Sections the judge gives a topic but the ranker lists nothing for:
    /// not judged, but counted, so a ranker cannot pass by listing less.
    unlisted: usize,
    judged: usize,
    passed: usize,
    listed: usize,
    on_topic: usize,
}

impl Score {
    fn share(&self) -> f64 {
        self.passed as f64 / self.judged.max(1) as f64
    }

    fn listed_share(&self) -> f64 {
        self.on_topic as f64 / self.listed.max(1) as f64
    }

    fn print(&self, judge: &str) {
        eprintln!(
            "related ({judge}): {}/{} sections with all top 5 on topic = {:.1} %; {}/{} listed on topic = {:.1} %; {:.2} listed a section; {} with no list",
            self.passed,
            self.judged,
            100.0 * self.share(),
            self.on_topic,
            self.listed,
            100.0 * self.listed_share(),
            self.listed as f64 / self.judged.max(1) as f64,
            self.unlisted,
        );
    }
}

/// Scores the top 5 of every section `topic_of` gives a single topic:
/// `on_topic(report, path, topic)` judges each related section.
fn score(
    topic_of: impl Fn(&Report, &SectionPath) -> Option<String>,
    on_topic: impl Fn(&Report, &SectionPath, &str) -> bool,
) -> Score {
    let library = Library::new(real_reports());
    let index = RelatedIndex::build(&library);
    let debug = std::env::var_os("RELATED_DEBUG").is_some();
    let mut score = Score::default();
    for (r, report) in library.reports().iter().enumerate() {
        for (path, section) in report.outline() {
            let Some(topic) = topic_of(report, &path) else {
                continue;
            };
            let related = index.related(&library, r, &path, 5);
            if related.is_empty() {
                score.unlisted += 1;
                continue;
            }
            score.judged += 1;
            let verdicts: Vec<bool> = related
                .iter()
                .map(|found| on_topic(&library.reports()[found.report], &found.path, &topic))
                .collect();
            score.listed += verdicts.len();
            score.on_topic += verdicts.iter().filter(|&&ok| ok).count();
            let all = verdicts.iter().all(|&ok| ok);
            score.passed += usize::from(all);
            if debug && !all {
                eprintln!("miss [{topic}] {}", section.heading);
                for (found, ok) in related.iter().zip(&verdicts) {
                    let other = &library.reports()[found.report];
                    let heading = other
                        .section(&found.path)
                        .map_or("", |s| s.heading.as_str());
                    eprintln!(
                        "  {} {:6.2} {heading}",
                        if *ok { "ok" } else { "--" },
                        found.score
                    );
                }
            }
        }
    }
    score
}

/// The person's topics: (report id, dotted path) → topics.
fn labelled_topics() -> HashMap<(String, String), Vec<String>> {
    let text = std::fs::read_to_string(repo_path("tests/compare/topics.tsv"))
        .expect("tests/compare/topics.tsv");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(fields.len() >= 3, "topics.tsv: a short line: {line}");
            let topics = fields[2].split(',').map(str::to_string).collect();
            ((fields[0].to_string(), fields[1].to_string()), topics)
        })
        .collect()
}

fn dotted(path: &SectionPath) -> String {
    let parts: Vec<String> = path.0.iter().map(ToString::to_string).collect();
    parts.join(".")
}

#[test]
fn every_section_of_the_real_reports_is_labelled() {
    let labels = labelled_topics();
    let reports = real_reports();
    let mut sections = 0;
    for report in &reports {
        for (path, section) in report.outline() {
            sections += 1;
            assert!(
                labels.contains_key(&(report.id.clone(), dotted(&path))),
                "topics.tsv has no line for {} {} {}",
                report.id,
                dotted(&path),
                section.heading
            );
        }
    }
    assert_eq!(
        sections,
        labels.len(),
        "topics.tsv labels sections no report has"
    );
}

#[test]
fn the_top_5_related_sections_are_on_the_persons_topic() {
    let labels = labelled_topics();
    let topics = |report: &Report, path: &SectionPath| {
        labels
            .get(&(report.id.clone(), dotted(path)))
            .map(Vec::as_slice)
            .unwrap_or_default()
    };
    // A topic only one report has cannot be judged: no list can be right.
    let mut reports_with: HashMap<String, usize> = HashMap::new();
    for report in real_reports() {
        let mut seen: Vec<String> = report
            .outline()
            .flat_map(|(path, _)| topics(&report, &path).to_vec())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for topic in seen {
            *reports_with.entry(topic).or_default() += 1;
        }
    }
    let score = score(
        |report, path| match topics(report, path) {
            [topic] if reports_with.get(topic.as_str()).copied().unwrap_or(0) > 1 => {
                Some(topic.clone())
            }
            _ => None,
        },
        |report, path, topic| topics(report, path).iter().any(|t| t == topic),
    );
    score.print("person");
    assert!(score.judged >= 100, "only {} sections judged", score.judged);
    // Precision is not bought by listing less: every judged section gets a
    // list, and lists stay as long as measured.
    assert_eq!(score.unlisted, 0, "sections with no related list");
    assert!(
        score.listed as f64 >= 3.0 * score.judged as f64,
        "{} listed for {} sections",
        score.listed,
        score.judged
    );
    assert!(
        score.share() >= 0.90,
        "{:.1} % of sections on topic",
        100.0 * score.share()
    );
}

#[test]
fn the_top_5_related_sections_stay_on_the_lexicons_topic_as_measured() {
    let score = score(
        |report, path| match topics_of(&report.section(path)?.heading).as_slice() {
            [topic] => Some((*topic).to_string()),
            _ => None,
        },
        |report, path, topic| topics_of(&judged_text(report, path)).contains(&topic),
    );
    score.print("lexicon");
    assert!(score.judged >= 40, "only {} sections judged", score.judged);
    assert!(
        score.share() >= 0.88,
        "{:.1} % of sections on topic",
        100.0 * score.share()
    );
    assert!(
        score.listed_share() >= 0.95,
        "{:.1} % of listed on topic",
        100.0 * score.listed_share()
    );
}

fn one_report(id: &str, sections: &[(&str, &str)]) -> Report {
    Report {
        sections: sections
            .iter()
            .map(|(heading, text)| baogao_report::model::Section {
                heading: (*heading).to_string(),
                paragraphs: vec![(*text).to_string()],
                sections: Vec::new(),
            })
            .collect(),
        ..Report::new(id, id)
    }
}

#[test]
fn sections_of_one_area_are_related_with_no_word_in_common() {
    let library = Library::new(vec![
        one_report(
            "a",
            &[
                ("一、回顾“十三五”发展成就", "五年来全镇经济总量稳步增长。"),
                (
                    "二、“十四五”的总体要求和目标任务",
                    "今后五年，全镇上下要坚持。",
                ),
            ],
        ),
        one_report(
            "b",
            &[
                ("一、2020年工作总结", "一年来全镇上下同心协力。"),
                ("二、2021年工作计划", "新的一年，我们将抓好以下工作。"),
            ],
        ),
        // Two more reports with no plan, so that the plan's term is rare
        // in the library, as in any real one.
        one_report(
            "c",
            &[
                ("一、招商引资成效明显", "全年引进项目十个。"),
                ("二、垃圾分类全面推进", "全镇垃圾分类覆盖率达到九成。"),
                ("三、社会事业持续发展", "新建幼儿园一所。"),
                ("四、党建引领作用凸显", "基层党组织全面进步。"),
            ],
        ),
        one_report(
            "d",
            &[
                ("（一）工业经济稳中有进", "规上工业产值增长。"),
                ("（二）人居环境持续改善", "完成改厕三百户。"),
                ("（三）平安建设扎实推进", "化解矛盾纠纷五十起。"),
                ("（四）作风建设常抓不懈", "驰而不息纠治四风。"),
            ],
        ),
    ]);
    let index = RelatedIndex::build(&library);
    let at = |id: &str| library.index_of(id).expect("in the library");
    let related = index.related(&library, at("a"), &SectionPath(vec![1]), 5);
    assert_eq!(
        related.first().map(|r| (r.report, r.path.clone())),
        Some((at("b"), SectionPath(vec![1]))),
        "{related:?}"
    );
}

/// A report a government site printed in traditional characters relates to
/// the others by the same words and areas, folded to simplified ones.
#[test]
fn a_report_in_traditional_characters_is_related_as_a_simplified_one() {
    let mut traditional = one_report(
        "t",
        &[
            ("一、招商引資成效明顯", "全年引進項目八個,完成投資三億元。"),
            (
                "二、黨的建設全面加強",
                "基層黨組織建設不斷加強,黨員隊伍持續壯大。",
            ),
        ],
    );
    traditional.title = "某鎮2021年工作總結".to_string();
    let library = Library::new(vec![
        traditional,
        one_report(
            "s",
            &[
                (
                    "一、经济发展稳中有进",
                    "全年新引进项目六个,完成固定资产投资两亿元。",
                ),
                (
                    "二、党建引领作用凸显",
                    "基层党组织全面进步,党员干部作风持续转变。",
                ),
            ],
        ),
        one_report(
            "u",
            &[
                ("一、社会事业持续发展", "新建幼儿园一所,改造村卫生室三个。"),
                ("二、垃圾分类全面推进", "全镇垃圾分类覆盖率达到九成。"),
            ],
        ),
    ]);
    let index = RelatedIndex::build(&library);
    let at = |id: &str| library.index_of(id).expect("in the library");
    let related = index.related(&library, at("t"), &SectionPath(vec![1]), 5);
    assert_eq!(
        related.first().map(|r| (r.report, r.path.clone())),
        Some((at("s"), SectionPath(vec![1]))),
        "{related:?}"
    );
}
