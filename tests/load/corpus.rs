//! The corpus generator: deterministic, valid for the loader, varied the way
//! a real county's library is.

use baogao_corpus::{CorpusError, CorpusSpec, generate, generate_from};
use baogao_import::{kind_of, period_from_title, year_from_title};
use baogao_report::load::{Loaded, LoadedReport, load_dir, parse_report, validate};
use baogao_report::model::{Kind, Period, Report, is_valid_id};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

fn reports(count: usize, seed: u64) -> Vec<Report> {
    let spec = CorpusSpec {
        reports: count,
        seed,
    };
    generate(&spec).unwrap().collect()
}

fn bytes(reports: &[Report]) -> Vec<u8> {
    reports
        .iter()
        .flat_map(|report| report.to_json_pretty().into_bytes())
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    assert_eq!(bytes(&reports(300, 42)), bytes(&reports(300, 42)));
}

#[test]
fn another_seed_gives_other_reports() {
    let first = reports(300, 42);
    let second = reports(300, 43);
    assert_ne!(bytes(&first), bytes(&second));
    let first_ids: HashSet<&str> = first.iter().map(|r| r.id.as_str()).collect();
    let shared = second
        .iter()
        .filter(|r| first_ids.contains(r.id.as_str()))
        .count();
    assert!(shared < 30, "{shared} of 300 ids recur under another seed");
}

#[test]
fn the_iterator_gives_exactly_the_count_asked_for() {
    let spec = CorpusSpec {
        reports: 17,
        seed: 5,
    };
    let corpus = generate(&spec).unwrap();
    assert_eq!(corpus.len(), 17);
    assert_eq!(corpus.count(), 17);
    let none = CorpusSpec {
        reports: 0,
        seed: 5,
    };
    assert_eq!(generate(&none).unwrap().count(), 0);
}

#[test]
fn ids_are_valid_and_unique_even_when_townships_repeat() {
    let reports = reports(3000, 7);
    let mut seen = HashSet::new();
    for report in &reports {
        assert!(is_valid_id(&report.id), "{}", report.id);
        assert!(
            seen.insert(report.id.as_str()),
            "duplicate id {}",
            report.id
        );
    }
}

#[test]
fn two_hundred_reports_round_trip_through_the_loader_and_validate_clean() {
    let reports = reports(200, 1);
    let mut loaded = Loaded::default();
    for report in &reports {
        let path = PathBuf::from(format!("{}.json", report.id));
        let parsed = parse_report(&report.to_json_pretty(), &path).unwrap();
        assert_eq!(&parsed, report);
        loaded.reports.push(LoadedReport {
            path,
            report: parsed,
        });
    }
    assert_eq!(validate(&loaded), Vec::new());
}

#[test]
fn written_to_a_directory_they_load_and_validate_clean() {
    let dir = tempfile::tempdir().unwrap();
    let reports = reports(60, 9);
    for report in &reports {
        let path = dir.path().join(format!("{}.json", report.id));
        std::fs::write(path, report.to_json_pretty()).unwrap();
    }
    let loaded = load_dir(dir.path()).unwrap();
    assert_eq!(loaded.errors, Vec::new());
    assert_eq!(loaded.reports.len(), 60);
    assert_eq!(validate(&loaded), Vec::new());
}

#[test]
fn townships_vary_and_every_unit_occurs() {
    let reports = reports(1000, 3);
    let townships: HashSet<&str> = reports
        .iter()
        .filter_map(|r| r.township.as_deref())
        .collect();
    assert!(townships.len() >= 50, "{} townships", townships.len());
    for unit in ["镇", "乡", "街道"] {
        assert!(
            townships.iter().any(|t| t.ends_with(unit)),
            "no township ends with {unit}"
        );
    }
    let counties: HashSet<&str> = reports.iter().filter_map(|r| r.county.as_deref()).collect();
    assert!(counties.len() >= 5, "{counties:?}");
    assert!(
        counties.iter().all(|c| ["县", "区", "市", "旗"]
            .iter()
            .any(|unit| c.ends_with(unit))),
        "{counties:?}"
    );
}

#[test]
fn places_are_real_and_complete() {
    let divisions = baogao_places::Gazetteer::get();
    for report in reports(300, 5) {
        let code = report
            .code
            .as_deref()
            .expect("every corpus report is placed");
        let unit = divisions.by_code(code).expect("a real division code");
        assert_eq!(report.township.as_deref(), Some(unit.name));
        let above = divisions.ancestors(unit);
        assert_eq!(report.county.as_deref(), above.county.map(|u| u.name));
        assert_eq!(report.city.as_deref(), above.city.map(|u| u.name));
        assert_eq!(report.province.as_deref(), above.province.map(|u| u.name));
    }
}

#[test]
fn some_township_names_are_shared_across_counties() {
    let mut counties_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    let reports = reports(3000, 3);
    for report in &reports {
        if let (Some(township), Some(county)) = (&report.township, &report.county) {
            counties_of.entry(township).or_default().insert(county);
        }
    }
    assert!(counties_of.values().any(|counties| counties.len() > 1));
}

#[test]
fn years_periods_and_kinds_cover_the_whole_range() {
    let reports = reports(1000, 11);
    let years: Vec<i32> = reports.iter().filter_map(|r| r.year).collect();
    assert_eq!(years.len(), reports.len());
    assert_eq!(years.iter().min(), Some(&2012));
    assert_eq!(years.iter().max(), Some(&2025));
    let distinct: HashSet<i32> = years.into_iter().collect();
    assert_eq!(distinct.len(), 14);
    for period in [Period::Annual, Period::HalfYear] {
        assert!(reports.iter().any(|r| r.period == period), "{period:?}");
    }
    for kind in [Kind::WorkSummary, Kind::GovernmentWorkReport, Kind::Other] {
        assert!(reports.iter().any(|r| r.kind == kind), "{kind:?}");
    }
}

#[test]
fn titles_say_the_township_year_period_and_kind_as_the_importer_reads_them() {
    for report in reports(500, 13) {
        let township = report.township.as_deref().unwrap();
        assert!(report.title.contains(township), "{}", report.title);
        assert_eq!(
            year_from_title(&report.title),
            report.year,
            "{}",
            report.title
        );
        assert_eq!(
            period_from_title(&report.title),
            report.period,
            "{}",
            report.title
        );
        let to_congress = report
            .preamble
            .first()
            .is_some_and(|p| p.starts_with("各位代表"));
        assert_eq!(
            kind_of(&report.title, to_congress),
            report.kind,
            "{}",
            report.title
        );
    }
}

#[test]
fn text_is_rewritten_for_the_new_township_and_year() {
    let bundled_places = ["南麂", "芦浦", "南塘", "岱西", "平阳县", "玉环市"];
    for report in reports(200, 17) {
        let json = report.to_json_pretty();
        for place in bundled_places {
            assert!(!json.contains(place), "{} still names {place}", report.id);
        }
        assert!(!json.contains("xx"), "{} is still anonymised", report.id);
        let year = report.year.unwrap();
        let first = &report.sections[0].heading;
        assert!(
            first.starts_with("一\u{3001}"),
            "{}: first heading {first}",
            report.id
        );
        let years_named = (year - 1..=year + 1).any(|y| first.contains(&format!("{y}年")));
        assert!(
            years_named || !first.chars().any(|c| c.is_ascii_digit()),
            "{}: {first} for {year}",
            report.id
        );
        for section in &report.sections {
            let heading = &section.heading;
            let fits = match report.period {
                Period::Annual => !heading.contains("半年"),
                Period::HalfYear => !heading.contains(&format!("{}年", year + 1)),
            };
            assert!(
                fits,
                "{}: {heading} in a {:?} report",
                report.id, report.period
            );
        }
    }
}

#[test]
fn sections_are_recombined_and_numbered_again() {
    let reports = reports(300, 19);
    let outlines: HashSet<Vec<&str>> = reports
        .iter()
        .map(|r| r.sections.iter().map(|s| s.heading.as_str()).collect())
        .collect();
    assert!(outlines.len() > 100, "{} distinct outlines", outlines.len());
    let numerals = ["一", "二", "三", "四", "五", "六"];
    for report in &reports {
        for (index, section) in report.sections.iter().enumerate() {
            let expected = format!("{}\u{3001}", numerals[index]);
            assert!(
                section.heading.starts_with(&expected),
                "{}: {}",
                report.id,
                section.heading
            );
        }
    }
}

#[test]
fn sizes_stay_in_the_range_of_the_real_reports() {
    let sizes: Vec<usize> = reports(1000, 23)
        .iter()
        .map(|r| r.to_json_pretty().len())
        .collect();
    let smallest = *sizes.iter().min().unwrap();
    let largest = *sizes.iter().max().unwrap();
    let mean = sizes.iter().sum::<usize>() / sizes.len();
    assert!(smallest >= 6_000, "smallest {smallest}");
    assert!(largest <= 32_000, "largest {largest}");
    assert!((9_000..=11_500).contains(&mean), "mean {mean}");
    assert!(largest >= 18_000, "no large report: largest {largest}");
}

#[test]
fn sources_without_sections_are_refused() {
    let spec = CorpusSpec {
        reports: 3,
        seed: 1,
    };
    let mut bare = generate(&spec).unwrap().next().unwrap();
    bare.sections.clear();
    assert!(matches!(
        generate_from(&spec, &[bare]),
        Err(CorpusError::NoSections)
    ));
    assert!(matches!(
        generate_from(&spec, &[]),
        Err(CorpusError::NoSections)
    ));
}

#[test]
fn generated_reports_can_themselves_be_sources() {
    let spec = CorpusSpec {
        reports: 40,
        seed: 2,
    };
    let sources = reports(5, 29);
    let generated: Vec<Report> = generate_from(&spec, &sources).unwrap().collect();
    assert_eq!(generated.len(), 40);
    let loaded = Loaded {
        reports: generated
            .into_iter()
            .map(|report| LoadedReport {
                path: Path::new(&format!("{}.json", report.id)).to_path_buf(),
                report,
            })
            .collect(),
        errors: Vec::new(),
    };
    assert_eq!(validate(&loaded), Vec::new());
}
