//! Reports made in code, for tests that need given places, years or
//! headings rather than what the bundled files say: a builder
//! (`report().township("南塘镇").county("乐清市")…`), and a small library
//! of placed reports with two townships of one name in different counties.

use baogao_report::library::Library;
use baogao_report::model::{Kind, Period, Report, Section};

/// A report to build: a work summary with no place, year or section until
/// told otherwise.
pub fn report() -> ReportBuilder {
    ReportBuilder {
        report: Report {
            kind: Kind::WorkSummary,
            ..Report::new("", "")
        },
    }
}

/// See [`report`].
#[derive(Debug, Clone)]
pub struct ReportBuilder {
    report: Report,
}

impl ReportBuilder {
    /// The id; without one, [`ReportBuilder::build`] makes one from the
    /// place, year and title.
    #[must_use]
    pub fn id(mut self, id: &str) -> Self {
        self.report.id = id.to_string();
        self
    }

    #[must_use]
    pub fn title(mut self, title: &str) -> Self {
        self.report.title = title.to_string();
        self
    }

    #[must_use]
    pub fn township(mut self, name: &str) -> Self {
        self.report.township = Some(name.to_string());
        self
    }

    #[must_use]
    pub fn county(mut self, name: &str) -> Self {
        self.report.county = Some(name.to_string());
        self
    }

    #[must_use]
    pub fn city(mut self, name: &str) -> Self {
        self.report.city = Some(name.to_string());
        self
    }

    #[must_use]
    pub fn province(mut self, name: &str) -> Self {
        self.report.province = Some(name.to_string());
        self
    }

    /// County, city and province at once.
    #[must_use]
    pub fn place(self, county: &str, city: &str, province: &str) -> Self {
        self.county(county).city(city).province(province)
    }

    #[must_use]
    pub fn year(mut self, year: i32) -> Self {
        self.report.year = Some(year);
        self
    }

    #[must_use]
    pub fn kind(mut self, kind: Kind) -> Self {
        self.report.kind = kind;
        self
    }

    #[must_use]
    pub fn half_year(mut self) -> Self {
        self.report.period = Period::HalfYear;
        self
    }

    /// A top-level section with its paragraphs.
    #[must_use]
    pub fn section(mut self, heading: &str, paragraphs: &[&str]) -> Self {
        self.report.sections.push(Section {
            heading: heading.to_string(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_string()).collect(),
            sections: Vec::new(),
        });
        self
    }

    /// A subsection of the last top-level section (a top-level one when
    /// there is none yet).
    #[must_use]
    pub fn subsection(mut self, heading: &str, paragraphs: &[&str]) -> Self {
        let section = Section {
            heading: heading.to_string(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_string()).collect(),
            sections: Vec::new(),
        };
        match self.report.sections.last_mut() {
            Some(last) => last.sections.push(section),
            None => self.report.sections.push(section),
        }
        self
    }

    /// The report. A title, when none was given, is the township's and
    /// year's as the importer writes one; an id, its place, year and kind.
    pub fn build(mut self) -> Report {
        let report = &mut self.report;
        if report.title.is_empty() {
            report.title = format!(
                "{}{}{}",
                report.township.as_deref().unwrap_or(""),
                report.year.map(|y| format!("{y}年")).unwrap_or_default(),
                report.kind.label_zh(report.period)
            );
        }
        if report.id.is_empty() {
            let words = [
                report.province.as_deref(),
                report.city.as_deref(),
                report.county.as_deref(),
                report.township.as_deref(),
                Some(report.title.as_str()),
            ];
            let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
            for byte in words.iter().flatten().flat_map(|w| w.bytes().chain([0])) {
                hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
            report.id = format!(
                "{}-{}-{hash:016x}",
                report
                    .year
                    .map_or_else(|| "undated".to_string(), |y| y.to_string()),
                report.kind.as_str()
            );
        }
        self.report
    }
}

/// A small library of placed reports: 城关镇 of 苍南县 (浙江省) and of
/// 宜君县 (陕西省); 芦浦镇 of 玉环市 in two years; 南塘镇 of 乐清市 (half a
/// year); 石门乡, whose report names its province only; and a report that
/// names no place. Each has a 党建 heading and one on the economy.
pub fn places_library() -> Library {
    let sections = |b: ReportBuilder| {
        b.section("一、加强党建引领", &["全面加强基层党组织建设。"])
            .subsection("（一）抓实党建责任", &["落实党建工作责任制。"])
            .section("二、推动经济发展", &["招商引资取得新进展。"])
    };
    let reports = vec![
        sections(
            report()
                .township("城关镇")
                .place("苍南县", "温州市", "浙江省")
                .year(2021),
        ),
        sections(
            report()
                .township("城关镇")
                .place("宜君县", "铜川市", "陕西省")
                .year(2022),
        ),
        sections(
            report()
                .township("芦浦镇")
                .place("玉环市", "台州市", "浙江省")
                .year(2020),
        ),
        sections(
            report()
                .township("芦浦镇")
                .place("玉环市", "台州市", "浙江省")
                .year(2021),
        ),
        sections(
            report()
                .township("南塘镇")
                .place("乐清市", "温州市", "浙江省")
                .year(2022)
                .half_year(),
        ),
        sections(report().township("石门乡").province("湖南省").year(2020)),
        sections(report().year(2019)),
    ];
    Library::new(reports.into_iter().map(ReportBuilder::build).collect())
}
