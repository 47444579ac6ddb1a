//! Placing a report in the official divisions: a unique name, a name several
//! units bear and what the page says to tell them apart, names not in the
//! 2023 list, the units 街道/苏木/乡, a 乡 or 镇 inside an ordinary word, and
//! traditional characters.

use crate::import_file;
use baogao_import::import_text;
use baogao_report::model::Report;
use std::time::{Duration, Instant};

fn import(text: &str) -> Report {
    import_text(text, "test.txt").expect("imports")
}

/// A report of `title` whose body is `body`, with a heading and a paragraph.
fn report(title: &str, body: &str) -> Report {
    import(&format!(
        "{title}\n{body}\n一、工作回顾\n（一）经济平稳发展。全年完成各项目标任务。\n"
    ))
}

fn places(r: &Report) -> [Option<&str>; 5] {
    [
        r.township.as_deref(),
        r.county.as_deref(),
        r.city.as_deref(),
        r.province.as_deref(),
        r.code.as_deref(),
    ]
}

#[test]
fn the_seeds_are_placed() {
    let expect = [
        ("000_", "南麂镇", "平阳县", "温州市", "330326119"),
        ("002_", "岱西镇", "岱山县", "舟山市", "330921103"),
        // 南塘镇 is four townships; the text names 乐清 and 温州.
        ("003_", "南塘镇", "乐清市", "温州市", "330382122"),
        ("004_", "芦浦镇", "玉环市", "台州市", "331083106"),
    ];
    for (seed, township, county, city, code) in expect {
        let r = import_file("data/raw", seed);
        assert_eq!(
            places(&r),
            [
                Some(township),
                Some(county),
                Some(city),
                Some("浙江省"),
                Some(code)
            ],
            "{seed}"
        );
    }
    let anonymous = import_file("data/raw", "001_");
    assert_eq!(places(&anonymous), [None; 5]);
}

#[test]
fn a_unique_name_fills_every_level() {
    let r = report("霞云岭乡2021年工作总结", "今年以来，全乡上下团结一心。");
    // 北京市's districts have no city between them and the province.
    assert_eq!(
        places(&r),
        [
            Some("霞云岭乡"),
            Some("房山区"),
            None,
            Some("北京市"),
            Some("110111208")
        ]
    );
    assert_eq!(r.id, "fangshan-xiayunling-2021-work-summary");
}

#[test]
fn a_county_before_the_name_settles_it() {
    let r = report("五河县城关镇2021年工作总结", "今年以来，全镇上下团结一心。");
    assert_eq!(
        places(&r),
        [
            Some("城关镇"),
            Some("五河县"),
            Some("蚌埠市"),
            Some("安徽省"),
            Some("340322100")
        ]
    );
    assert_eq!(r.id, "wuhe-chengguan-2021-work-summary");
}

#[test]
fn the_publisher_or_the_body_settles_it() {
    // The publisher a metadata block names.
    let r = import(
        "发布机构：乐清市人民政府 成文日期：2022-07-15\n\
         南塘镇2022年上半年工作总结\n\
         今年以来，全镇上下团结一心。\n一、工作回顾\n（一）经济平稳发展。全年完成目标。\n",
    );
    assert_eq!(r.county.as_deref(), Some("乐清市"));
    // A county in the body, by its full name.
    let r = report(
        "南塘镇2022年工作总结",
        "在高州市委、市政府的正确领导下，全镇取得新成绩。",
    );
    assert_eq!(r.county.as_deref(), Some("高州市"));
    assert_eq!(r.city.as_deref(), Some("茂名市"));
    assert_eq!(r.province.as_deref(), Some("广东省"));
    // A city by its short name is enough when one candidate is in it.
    let r = report("南塘镇2022年工作总结", "全力融入温州都市区建设。");
    assert_eq!(r.county.as_deref(), Some("乐清市"));
    assert_eq!(r.code.as_deref(), Some("330382122"));
}

#[test]
fn an_ambiguous_name_with_no_evidence_stays_unplaced() {
    let r = report("城关镇2021年工作总结", "今年以来，全镇上下团结一心。");
    assert_eq!(places(&r), [Some("城关镇"), None, None, None, None]);
    assert_eq!(r.id, "chengguan-2021-work-summary");
    // A province names several of them: it is filled, the county is not.
    let r = report(
        "城关镇2021年工作总结",
        "在安徽省委的正确领导下，全镇团结一心。",
    );
    assert_eq!(
        places(&r),
        [Some("城关镇"), None, None, Some("安徽省"), None]
    );
    // 柳河县's short name is the township's own: no evidence of 柳河县.
    let r = report("柳河镇2021年工作总结", "柳河镇地处平原，交通便利。");
    assert_eq!(places(&r), [Some("柳河镇"), None, None, None, None]);
}

#[test]
fn names_not_in_the_2023_list_are_kept_as_written() {
    let r = import(
        "发布机构：中共青山县青江镇委员会\n\
         青江镇2013年工作总结\n\
         今年以来，全镇上下团结一心。\n一、工作回顾\n（一）经济平稳发展。全年完成目标。\n",
    );
    assert_eq!(
        places(&r),
        [Some("青江镇"), Some("青山县"), None, None, None]
    );
    assert_eq!(r.id, "qingshan-qingjiang-2013-work-summary");
}

#[test]
fn streets_sumu_and_xiang() {
    let r = report(
        "吉忽伦图苏木2021年工作总结",
        "今年以来，全苏木上下团结一心。",
    );
    assert_eq!(r.county.as_deref(), Some("石拐区"));
    assert_eq!(r.city.as_deref(), Some("包头市"));
    // 东城街道 names 39 units; 高平 settles it.
    let r = report(
        "东城街道2021年工作总结",
        "在高平市委的正确领导下，街道各项工作稳步推进。",
    );
    assert_eq!(r.township.as_deref(), Some("东城街道"));
    assert_eq!(r.county.as_deref(), Some("高平市"));
    assert_eq!(r.code.as_deref(), Some("140581002"));
    assert_eq!(r.id, "gaoping-dongcheng-2021-work-summary");
}

#[test]
fn a_unit_inside_an_ordinary_word_is_no_township() {
    for title in [
        "2000字乡镇工作总结范文",
        "全面推进乡村振兴工作总结",
        "统筹城乡发展2021年工作总结",
    ] {
        let r = report(title, "今年以来，各项工作稳步推进。");
        assert_eq!(r.township, None, "{title}");
    }
}

#[test]
fn traditional_characters_fold() {
    let r = report(
        "南塘鎮2022年工作總結",
        "在樂清市委、市政府的正確領導下，全鎮取得新成績。",
    );
    assert_eq!(
        places(&r),
        [
            Some("南塘镇"),
            Some("乐清市"),
            Some("温州市"),
            Some("浙江省"),
            Some("330382122")
        ]
    );
}

/// The body of a page that names `n` different counties, none of them one
/// a 城关镇 is in, `times` times over.
fn many_counties(times: usize) -> String {
    let gazetteer = baogao_places::Gazetteer::get();
    let counties: Vec<&str> = gazetteer
        .units()
        .iter()
        .filter(|u| u.level == baogao_places::Level::County && u.name.ends_with('区'))
        .map(|u| u.name)
        .take(50)
        .collect();
    let sentence = format!("本镇与{}开展交流合作。", counties.join("、"));
    sentence.repeat(times)
}

fn time_import(body: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            report("城关镇2021年工作总结", body);
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn a_text_naming_fifty_counties_imports_in_linear_time() {
    let small = time_import(&many_counties(40));
    let large = time_import(&many_counties(320));
    // Eight times the text: linear is about 8×; allow for a noisy machine,
    // a quadratic step would be about 64×.
    assert!(
        large < small * 24,
        "8× the text took {large:?} against {small:?}"
    );
}

#[test]
fn a_township_named_without_its_unit_only_when_one_unit_has_that_name() {
    let r = report("南麂2020年工作总结", "今年以来，全镇上下团结一心。");
    assert_eq!(r.township.as_deref(), Some("南麂镇"));
    assert_eq!(r.county.as_deref(), Some("平阳县"));
    // 平阳 is a county and several towns: no township.
    let r = report("平阳2020年工作总结", "今年以来，各项工作稳步推进。");
    assert_eq!(r.township, None);
}

#[test]
fn a_full_name_outweighs_a_short_one_that_is_also_a_word() {
    // 三里屯街道 is in 朝阳区 and in 正定县; the body's 朝阳 is the ordinary
    // word (sunrise industries), 正定县 the place.
    let r = report(
        "三里屯街道2021年工作总结",
        "大力发展朝阳产业，在正定县委的正确领导下取得新成绩。",
    );
    assert_eq!(r.county.as_deref(), Some("正定县"));
}
