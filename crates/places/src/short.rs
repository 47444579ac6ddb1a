//! Names without their unit: 南麂镇 → 南麂, 乐清市 → 乐清, 温州市 → 温州,
//! 长阳土家族自治县 → 长阳, 广西壮族自治区 → 广西. Texts drop the unit
//! ("乐清", "温州" in a body), so evidence is looked for in this form too.

use super::Level;

/// Unit words at the end of a name, longest first within each level.
fn units(level: Level) -> &'static [&'static str] {
    match level {
        Level::Province => &["自治区", "省", "市"],
        Level::City => &["自治州", "地区", "市", "盟"],
        Level::County => &["自治县", "自治旗", "林区", "特区", "县", "区", "市", "旗"],
        Level::Township => &["民族乡", "民族镇", "地区", "街道", "苏木", "镇", "乡"],
    }
}

/// The nationalities autonomous units name between the place and the unit
/// (`积石山保安族东乡族撒拉族自治县`): part of the unit, not of the place.
const NATIONALITIES: &[&str] = &[
    "柯尔克孜族",
    "维吾尔族",
    "达斡尔族",
    "鄂温克族",
    "鄂伦春族",
    "哈萨克族",
    "塔吉克族",
    "蒙古族",
    "布依族",
    "朝鲜族",
    "土家族",
    "哈尼族",
    "傈僳族",
    "拉祜族",
    "东乡族",
    "纳西族",
    "景颇族",
    "仫佬族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "普米族",
    "裕固族",
    "保安族",
    "独龙族",
    "维吾尔",
    "回族",
    "藏族",
    "苗族",
    "彝族",
    "壮族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "傣族",
    "黎族",
    "佤族",
    "畲族",
    "水族",
    "土族",
    "羌族",
    "怒族",
    "各族",
];

/// `name` without its unit (and the nationalities of an autonomous unit),
/// or `name` itself when that would leave fewer than two characters
/// (`城区`, `郊区` stay whole).
pub fn short_name(name: &str, level: Level) -> &str {
    let Some(mut short) = units(level).iter().find_map(|u| name.strip_suffix(u)) else {
        return name;
    };
    // Only an autonomous unit names nationalities: most names skip the list.
    while short.ends_with('族') || short.ends_with("维吾尔") {
        let Some(rest) = NATIONALITIES.iter().find_map(|n| short.strip_suffix(n)) else {
            break;
        };
        short = rest;
    }
    if short.chars().count() >= 2 {
        short
    } else {
        name
    }
}
