//! Made-up places for a corpus: counties and the townships in them.
//!
//! Names are built from syllable characters that place names use, each with
//! its pinyin written beside it, so ids never depend on a pinyin table that
//! may change. A county has townships (镇/乡, and 街道 mostly in a 区 or
//! 市); a few townships share a name with one in another county, as real
//! ones do, so a library has to tell them apart by county.

use super::rng::SplitMix64;
use std::collections::HashSet;

/// Characters that start place names: directions, colours, qualities.
const LEADING: &[(&str, &str)] = &[
    ("东", "dong"),
    ("西", "xi"),
    ("南", "nan"),
    ("北", "bei"),
    ("大", "da"),
    ("小", "xiao"),
    ("新", "xin"),
    ("古", "gu"),
    ("清", "qing"),
    ("白", "bai"),
    ("金", "jin"),
    ("龙", "long"),
    ("凤", "feng"),
    ("安", "an"),
    ("永", "yong"),
    ("福", "fu"),
    ("吉", "ji"),
    ("青", "qing"),
    ("红", "hong"),
    ("黄", "huang"),
    ("高", "gao"),
    ("太", "tai"),
    ("双", "shuang"),
    ("三", "san"),
    ("万", "wan"),
    ("仙", "xian"),
    ("玉", "yu"),
    ("瑞", "rui"),
    ("泰", "tai"),
    ("富", "fu"),
    ("丹", "dan"),
    ("紫", "zi"),
    ("云", "yun"),
    ("桃", "tao"),
    ("梅", "mei"),
    ("松", "song"),
    ("芦", "lu"),
    ("茶", "cha"),
    ("银", "yin"),
    ("马", "ma"),
];

/// Characters that end place names: landforms, waters, settlements.
const TRAILING: &[(&str, &str)] = &[
    ("山", "shan"),
    ("河", "he"),
    ("湖", "hu"),
    ("溪", "xi"),
    ("江", "jiang"),
    ("塘", "tang"),
    ("桥", "qiao"),
    ("港", "gang"),
    ("田", "tian"),
    ("林", "lin"),
    ("沙", "sha"),
    ("岭", "ling"),
    ("坪", "ping"),
    ("岗", "gang"),
    ("洲", "zhou"),
    ("湾", "wan"),
    ("泉", "quan"),
    ("峰", "feng"),
    ("岩", "yan"),
    ("潭", "tan"),
    ("浦", "pu"),
    ("埠", "bu"),
    ("渡", "du"),
    ("庄", "zhuang"),
    ("坝", "ba"),
    ("口", "kou"),
    ("门", "men"),
    ("城", "cheng"),
    ("关", "guan"),
    ("店", "dian"),
    ("寨", "zhai"),
    ("营", "ying"),
    ("阳", "yang"),
    ("平", "ping"),
    ("宁", "ning"),
    ("兴", "xing"),
    ("和", "he"),
    ("丰", "feng"),
    ("华", "hua"),
    ("源", "yuan"),
];

/// A county-level unit: its full name (…县/…区/…市).
#[derive(Debug, Clone)]
pub(crate) struct County {
    pub(crate) name: String,
    /// The name without its unit: 青江县 → 青江.
    pub(crate) place: String,
    /// A 区 or 市: urban, where 街道 are common.
    urban: bool,
}

/// A township and where it is.
#[derive(Debug, Clone)]
pub(crate) struct Township {
    /// Full name as written: 石桥镇, 白沙乡, 东湖街道.
    pub(crate) name: String,
    /// The name without its unit: 石桥. Reports call the place by it.
    pub(crate) place: String,
    /// 镇, 乡 or 街道.
    pub(crate) unit: &'static str,
    /// `place` in toneless pinyin, for ids: shiqiao.
    pub(crate) pinyin: String,
    pub(crate) county: usize,
}

/// Every county and township of one corpus.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    pub(crate) counties: Vec<County>,
    pub(crate) townships: Vec<Township>,
}

/// One township in this many takes the name of a township elsewhere.
const SHARED_NAME_ONE_IN: usize = 25;

impl Gazetteer {
    /// `township_count` townships spread over counties of about a dozen each.
    pub(crate) fn new(township_count: usize, rng: &mut SplitMix64) -> Gazetteer {
        let county_count = (township_count / 12).max(3);
        let mut county_names = HashSet::new();
        let mut counties = Vec::with_capacity(county_count);
        while counties.len() < county_count {
            let (place, _) = place_name(rng);
            let (unit, urban) = match rng.weighted(&[6, 2, 2]) {
                0 => ("县", false),
                1 => ("区", true),
                _ => ("市", true),
            };
            let name = format!("{place}{unit}");
            if county_names.insert(name.clone()) {
                counties.push(County { name, place, urban });
            }
        }
        let mut taken: HashSet<(usize, String)> = HashSet::new();
        let mut townships: Vec<Township> = Vec::with_capacity(township_count);
        while townships.len() < township_count {
            let county = rng.below(county_count);
            let township = if !townships.is_empty() && rng.below(SHARED_NAME_ONE_IN) == 0 {
                Township {
                    county,
                    ..rng.pick(&townships).clone()
                }
            } else {
                let (place, pinyin) = place_name(rng);
                let unit = township_unit(counties[county].urban, rng);
                Township {
                    name: format!("{place}{unit}"),
                    place,
                    unit,
                    pinyin,
                    county,
                }
            };
            if taken.insert((county, township.name.clone())) {
                townships.push(township);
            }
        }
        Gazetteer {
            counties,
            townships,
        }
    }
}

/// Two syllables, now and then three: (石桥, shiqiao).
fn place_name(rng: &mut SplitMix64) -> (String, String) {
    let mut name = String::new();
    let mut pinyin = String::new();
    let leading = if rng.chance(120) { 2 } else { 1 };
    for _ in 0..leading {
        let (character, reading) = rng.pick(LEADING);
        name.push_str(character);
        pinyin.push_str(reading);
    }
    let (character, reading) = rng.pick(TRAILING);
    name.push_str(character);
    pinyin.push_str(reading);
    (name, pinyin)
}

fn township_unit(urban: bool, rng: &mut SplitMix64) -> &'static str {
    let weights: &[usize] = if urban { &[4, 1, 5] } else { &[7, 3, 1] };
    ["镇", "乡", "街道"][rng.weighted(weights)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_have_plain_lowercase_pinyin() {
        for (character, reading) in LEADING.iter().chain(TRAILING) {
            assert_eq!(character.chars().count(), 1, "{character}");
            assert!(
                !reading.is_empty() && reading.bytes().all(|b| b.is_ascii_lowercase()),
                "{character}: {reading}"
            );
        }
    }

    #[test]
    fn townships_are_unique_within_a_county_and_some_names_recur() {
        let gazetteer = Gazetteer::new(600, &mut SplitMix64::new(11));
        assert_eq!(gazetteer.townships.len(), 600);
        let mut seen = HashSet::new();
        for township in &gazetteer.townships {
            assert!(seen.insert((township.county, township.name.as_str())));
            assert_eq!(
                township.name,
                format!("{}{}", township.place, township.unit)
            );
        }
        let names: HashSet<&str> = gazetteer
            .townships
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert!(names.len() > 500, "{}", names.len());
        assert!(names.len() < 600, "no name is shared across counties");
    }
}
