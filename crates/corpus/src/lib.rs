//! Synthetic report libraries for benchmarks and scale tests, built from the
//! bundled reports.
//!
//! Performance is measured at 10 000 reports (`docs/performance.md`), and only five real ones
//! ship. [`generate`] makes any number of schema-1 reports from them: real
//! townships (镇/乡/街道/苏木) of real counties, drawn from the official
//! divisions (`baogao-places`), some on purpose a name that townships of
//! other counties bear too, years 2012–2025, both periods and every kind, titles that say
//! all that, and sections shuffled and recombined across the bundled reports
//! with paragraphs added or removed so each report is 7–28 KB of JSON (about
//! 10 KB on average: 10 000 reports are about 100 MB). Text that names the
//! source township, county or year is rewritten for the new one.
//!
//! The output depends on the seed alone: the same [`CorpusSpec`] gives the
//! same reports, byte for byte, on any machine and with any crate versions
//! (the PRNG is written out in `rng`). Every report passes
//! [`load::validate`](baogao_report::load::validate). Benchmarks build libraries in
//! memory with it; `cargo run --release --example gen_corpus` writes one to
//! disk.
//!
//! Submodules: `rng` (SplitMix64), `names` (counties and townships drawn
//! from the divisions),
//! `template` (source text with place and year left open), `marker`
//! (outline numbers), `outline` (recombining and sizing sections).

#![forbid(unsafe_code)]

mod marker;
mod names;
mod outline;
mod rng;
mod template;

use baogao_bundled::load_bundled;
use baogao_report::load::LoadError;
use baogao_report::model::{Kind, Period, Report, SCHEMA_VERSION};
use names::{County, Gazetteer, Township};
use outline::SectionPool;
use rng::SplitMix64;
use std::collections::HashSet;
use template::{Setting, SourceNames, Template};
use thiserror::Error;

/// What to generate: how many reports, from which seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusSpec {
    pub reports: usize,
    pub seed: u64,
}

/// Why a corpus cannot be generated: its sources are unusable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CorpusError {
    #[error("a bundled report does not load: {0}")]
    Bundled(#[from] LoadError),
    #[error("no source report has a section to build reports from")]
    NoSections,
}

/// The reports of `spec`, built from the bundled reports.
pub fn generate(spec: &CorpusSpec) -> Result<Corpus, CorpusError> {
    let loaded = load_bundled();
    if let Some(error) = loaded.errors.into_iter().next() {
        return Err(CorpusError::Bundled(error));
    }
    let sources: Vec<Report> = loaded.reports.into_iter().map(|r| r.report).collect();
    generate_from(spec, &sources)
}

/// The reports of `spec`, built from `sources` instead of the bundled reports.
pub fn generate_from(spec: &CorpusSpec, sources: &[Report]) -> Result<Corpus, CorpusError> {
    let mut pool = SectionPool::default();
    let mut preambles = Preambles::default();
    for report in sources {
        let names = source_names(report);
        pool.add(report, &names);
        for paragraph in &report.preamble {
            let template = Template::parse(paragraph, &names);
            if paragraph.starts_with("各位代表") {
                preambles.congress.push(template);
            } else {
                preambles.other.push(template);
            }
        }
    }
    if pool.is_empty() {
        return Err(CorpusError::NoSections);
    }
    // The sources' own places are not drawn: their text is rewritten away
    // from them, and a report must not name them by chance.
    let avoid: HashSet<String> = sources
        .iter()
        .flat_map(|r| {
            let names = source_names(r);
            names
                .township
                .into_iter()
                .chain(names.place)
                .chain(names.regions)
                .chain(names.region_places)
        })
        .collect();
    let mut rng = SplitMix64::new(spec.seed);
    // About a dozen reports per township: hundreds of townships at 10 000.
    let townships = (spec.reports / 12).clamp(12, 20_000);
    let gazetteer = Gazetteer::new(townships, &avoid, &mut rng);
    Ok(Corpus {
        spec: *spec,
        produced: 0,
        rng,
        gazetteer,
        pool,
        preambles,
        ids: HashSet::with_capacity(spec.reports),
    })
}

/// The generated reports, in generation order (not reading order).
#[derive(Debug, Clone)]
pub struct Corpus {
    spec: CorpusSpec,
    produced: usize,
    rng: SplitMix64,
    gazetteer: Gazetteer,
    pool: SectionPool,
    preambles: Preambles,
    ids: HashSet<String>,
}

#[derive(Debug, Clone, Default)]
struct Preambles {
    /// Addressed to the people's congress (各位代表…): government work reports.
    congress: Vec<Template>,
    other: Vec<Template>,
}

const UNITS: [&str; 3] = ["街道", "镇", "乡"];

fn source_names(report: &Report) -> SourceNames {
    let township = report.township.clone();
    let unit = township
        .as_deref()
        .and_then(|name| UNITS.iter().find(|unit| name.ends_with(*unit)))
        .copied()
        .unwrap_or("镇");
    let place = township
        .as_deref()
        .and_then(|name| without_unit(name, &UNITS))
        .map(str::to_string);
    let regions: Vec<String> = [&report.county, &report.city]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let region_places = regions
        .iter()
        .filter_map(|region| without_unit(region, &["县", "区", "市"]))
        .map(str::to_string)
        .collect();
    SourceNames {
        township,
        place,
        unit,
        regions,
        region_places,
        year: report.year.unwrap_or(2020),
    }
}

/// A name without its unit, when at least two characters are left: a
/// one-character place name is too common a character to replace in text.
fn without_unit<'a>(name: &'a str, units: &[&str]) -> Option<&'a str> {
    let place = units.iter().find_map(|unit| name.strip_suffix(unit))?;
    (place.chars().count() >= 2).then_some(place)
}

const FIRST_YEAR: i32 = 2012;
const LAST_YEAR: i32 = 2025;
const KINDS: [Kind; 3] = [Kind::WorkSummary, Kind::GovernmentWorkReport, Kind::Other];

impl Iterator for Corpus {
    type Item = Report;

    fn next(&mut self) -> Option<Report> {
        if self.produced == self.spec.reports {
            return None;
        }
        let index = self.produced;
        self.produced += 1;
        Some(self.report(index))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.spec.reports - self.produced;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Corpus {}

impl Corpus {
    fn report(&mut self, index: usize) -> Report {
        let rng = &mut self.rng;
        let township = rng.pick(&self.gazetteer.townships);
        let county = &self.gazetteer.counties[township.county];
        let (year, period, kind, id) = unique_identity(township, county, rng, &mut self.ids);
        let setting = Setting {
            township: &township.name,
            place: &township.place,
            unit: township.unit,
            county: &county.name,
            county_place: &county.place,
            year,
        };
        let title = title(&setting, period, kind, rng);
        let preamble = self.preambles.choose(kind, rng);
        let preamble: Vec<String> = preamble
            .map(|template| template.render(&setting, rng))
            .into_iter()
            .collect();
        let header_bytes = 400
            + title.len()
            + 3 * township.name.len()
            + 2 * county.name.len()
            + preamble.iter().map(String::len).sum::<usize>();
        let target = target_bytes(rng).saturating_sub(header_bytes);
        let sections = outline::build(&self.pool, &setting, period, target, rng);
        Report {
            schema: SCHEMA_VERSION,
            id,
            title,
            township: Some(township.name.clone()),
            county: Some(county.name.clone()),
            city: county.city.clone(),
            province: county.province.clone(),
            code: Some(township.code.clone()),
            year: Some(year),
            period,
            kind,
            published: published(year, period, kind, rng),
            publisher: publisher(&setting, rng),
            source: Some(format!(
                "baogao::corpus generator, seed {}, report {index}",
                self.spec.seed
            )),
            preamble,
            sections,
        }
    }
}

/// Year, period, kind and an id no earlier report has. The id reads like
/// the importer's (pingyang-shiqiao-2019-half-year-work-summary); when it is taken
/// (a township drawn twice for one year, or a namesake elsewhere) another
/// year, period and kind are tried, and then, like the importer, a suffix
/// of hex digits keeps it apart.
fn unique_identity(
    township: &Township,
    county: &County,
    rng: &mut SplitMix64,
    ids: &mut HashSet<String>,
) -> (i32, Period, Kind, String) {
    let mut attempt = 0;
    loop {
        let year = FIRST_YEAR + rng.below((LAST_YEAR - FIRST_YEAR + 1) as usize) as i32;
        let period = if rng.chance(250) {
            Period::HalfYear
        } else {
            Period::Annual
        };
        let kind = KINDS[rng.weighted(&[6, 3, 1])];
        let half = if period == Period::HalfYear {
            "half-year-"
        } else {
            ""
        };
        let mut id = format!(
            "{}-{}-{year}-{half}{}",
            county.pinyin,
            township.pinyin,
            kind.as_str()
        );
        if attempt >= 4 {
            id = format!("{id}-{:08x}", rng.next_u64() as u32);
        }
        if ids.insert(id.clone()) {
            return (year, period, kind, id);
        }
        attempt += 1;
    }
}

impl Preambles {
    /// A government work report opens by addressing the congress; other
    /// reports sometimes open with a paragraph before their first section.
    fn choose(&self, kind: Kind, rng: &mut SplitMix64) -> Option<&Template> {
        let (candidates, per_mille) = match kind {
            Kind::GovernmentWorkReport => (&self.congress, 1000),
            Kind::WorkSummary => (&self.other, 500),
            Kind::Other => (&self.other, 250),
        };
        (!candidates.is_empty() && rng.chance(per_mille)).then(|| rng.pick(candidates))
    }
}

/// A title that names the township, year, period and kind, in the wordings
/// the importer reads back to the same year, period and kind.
fn title(setting: &Setting, period: Period, kind: Kind, rng: &mut SplitMix64) -> String {
    let Setting {
        township,
        county,
        year,
        ..
    } = *setting;
    let next = year + 1;
    let wordings: &[String] = &match (kind, period) {
        (Kind::WorkSummary, Period::Annual) => vec![
            format!("{township}{year}年工作总结及{next}年工作思路"),
            format!("{township}{year}年工作总结"),
            format!("{township}{year}年工作总结和{next}年工作计划"),
            format!("({county}){township}{year}年工作总结和{next}年工作思路汇报"),
        ],
        (Kind::WorkSummary, Period::HalfYear) => vec![
            format!("{township}{year}年上半年工作总结及下半年工作思路"),
            format!("{township}{year}年上半年工作总结"),
        ],
        (Kind::GovernmentWorkReport, Period::Annual) => vec![
            format!("{year}年{township}政府工作报告"),
            format!("{township}{year}年政府工作报告"),
        ],
        (Kind::GovernmentWorkReport, Period::HalfYear) => {
            vec![format!("{township}{year}年上半年政府工作报告")]
        }
        (Kind::Other, Period::Annual) => vec![
            format!("{township}{year}年工作情况报告"),
            format!("{township}{year}年重点工作推进情况"),
        ],
        (Kind::Other, Period::HalfYear) => vec![
            format!("{township}{year}年上半年工作情况报告"),
            format!("{township}{year}年上半年重点工作推进情况"),
        ],
    };
    rng.pick(wordings).clone()
}

/// JSON size to aim for: mostly 7–10 KB, one in ten 10–26 KB, like
/// the bundled reports' spread and about 10 KB on average.
fn target_bytes(rng: &mut SplitMix64) -> usize {
    if rng.chance(900) {
        rng.between(7_000, 10_000)
    } else {
        rng.between(10_000, 26_000)
    }
}

/// When such a report comes out: a government work report early in its
/// year, a summary at the turn of the year, a half-year one in July. One in
/// seven gives no date.
fn published(year: i32, period: Period, kind: Kind, rng: &mut SplitMix64) -> Option<String> {
    if rng.chance(140) {
        return None;
    }
    let (year, month) = match (period, kind) {
        (Period::HalfYear, _) => (year, 7),
        (Period::Annual, Kind::GovernmentWorkReport) => (year, 1 + rng.below(2)),
        (Period::Annual, _) if rng.chance(300) => (year, 12),
        (Period::Annual, _) => (year + 1, 1 + rng.below(2)),
    };
    let day = 1 + rng.below(28);
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn publisher(setting: &Setting, rng: &mut SplitMix64) -> Option<String> {
    let Setting {
        township, county, ..
    } = *setting;
    let office = if setting.unit == "街道" {
        "办事处"
    } else {
        "人民政府"
    };
    match rng.weighted(&[5, 2, 3]) {
        0 => Some(format!("{county}{township}{office}")),
        1 => Some(format!("中共{county}{township}委员会")),
        _ => None,
    }
}
