use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::get()
}

#[test]
fn counts_of_the_2023_edition() {
    let count = |level| g().units().iter().filter(|u| u.level == level).count();
    assert_eq!(count(Level::Province), 31);
    assert_eq!(count(Level::City), 342);
    assert_eq!(count(Level::County), 2978);
    assert_eq!(count(Level::Township), 41_352);
}

#[test]
fn names_codes_and_ancestors() {
    let nanji = g().by_name("南麂镇");
    assert_eq!(nanji.len(), 1);
    let nanji = nanji[0];
    assert_eq!(nanji.code(), "330326119");
    assert_eq!(g().by_code("330326119"), Some(nanji));
    let a = g().ancestors(nanji);
    assert_eq!(a.county.map(|u| u.name), Some("平阳县"));
    assert_eq!(a.city.map(|u| u.name), Some("温州市"));
    assert_eq!(a.province.map(|u| u.name), Some("浙江省"));
    assert_eq!(g().by_code("33").map(|u| u.name), Some("浙江省"));
    assert_eq!(g().count_named("南塘镇"), 4);
    assert_eq!(g().count_named("城关镇"), 88);
    assert!(
        g().by_name("市辖区").is_empty(),
        "placeholders are not places"
    );
}

#[test]
fn a_municipality_has_no_city() {
    let units = g().by_name("木洞镇");
    let a = g().ancestors(units[0]);
    assert_eq!(a.county.map(|u| u.name), Some("巴南区"));
    assert_eq!(a.city, None);
    assert_eq!(a.province.map(|u| u.name), Some("重庆市"));
}

#[test]
fn short_names() {
    assert_eq!(short_name("南麂镇", Level::Township), "南麂");
    assert_eq!(short_name("乐清市", Level::County), "乐清");
    assert_eq!(short_name("长阳土家族自治县", Level::County), "长阳");
    assert_eq!(
        short_name("积石山保安族东乡族撒拉族自治县", Level::County),
        "积石山"
    );
    assert_eq!(short_name("广西壮族自治区", Level::Province), "广西");
    assert_eq!(short_name("新疆维吾尔自治区", Level::Province), "新疆");
    assert_eq!(short_name("城区", Level::County), "城区");
    assert_eq!(
        g().by_short_name_unique("南麂", Level::Township)
            .map(|u| u.name),
        Some("南麂镇")
    );
    assert_eq!(
        g().by_short_name_unique("温州", Level::City)
            .map(|u| u.name),
        Some("温州市")
    );
    // 南塘 is four townships: not unique, so never read as one of them.
    assert_eq!(g().by_short_name_unique("南塘", Level::Township), None);
}

#[test]
fn pinyin_and_children() {
    let names: Vec<&str> = g().by_pinyin("pingyang").iter().map(|u| u.name).collect();
    assert!(names.contains(&"平阳县"), "{names:?}");
    let pingyang = g().by_code("330326").expect("平阳县");
    let towns = g().children(pingyang);
    assert!(towns.iter().any(|u| u.name == "南麂镇"));
    assert!(towns.iter().all(|u| u.level == Level::Township));
    assert_eq!(g().children(g().by_code("33").expect("浙江")).len(), 11);
}

#[test]
fn the_packed_tables_give_every_unit_of_the_text_table() {
    // The vendored text, read the plain way, against what build.rs packed.
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/places/divisions-2023.txt"
    ))
    .expect("the vendored table");
    let mut county = String::new();
    let mut codes = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let (code, name) = line.split_once(' ').expect("code and name");
        let code = if code.len() == 3 {
            format!("{county}{code}")
        } else {
            if code.len() == 6 {
                county = code.to_string();
            }
            code.to_string()
        };
        codes.push((code, name));
    }
    let units = g().units();
    assert_eq!(units.len(), codes.len());
    for (unit, (code, name)) in units.iter().zip(&codes) {
        assert_eq!((unit.code().as_str(), unit.name), (code.as_str(), *name));
    }
    // Every name finds its units, in code order.
    assert_eq!(g().count_named("南塘镇"), 4);
    let nantang: Vec<String> = g().by_name("南塘镇").iter().map(Unit::code).collect();
    let mut sorted = nantang.clone();
    sorted.sort();
    assert_eq!(nantang, sorted);
}
