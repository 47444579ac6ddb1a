//! Real places for a corpus: counties and their townships drawn from China's
//! official divisions (`baogao-places`, the 2023 statistical codes).
//!
//! Counties are drawn at random, and townships (镇/乡/街道/苏木) from each
//! county's own list. On purpose, one township in [`SHARED_NAME_ONE_IN`]
//! is a name several units bear (城关镇, 太平镇…), taken with its namesakes
//! in other counties, so a library meets the real ambiguity: two rows of
//! one name that only the county tells apart. The draw depends on the seed
//! and the vendored table alone.

use super::rng::SplitMix64;
use baogao_places::{Gazetteer as Divisions, Level, Unit, short_name, to_pinyin};
use std::collections::HashSet;

/// A county-level unit.
#[derive(Debug, Clone)]
pub(crate) struct County {
    pub(crate) name: String,
    /// The name without its unit: 平阳县 → 平阳.
    pub(crate) place: String,
    /// The name without its unit in pinyin, for ids: pingyang.
    pub(crate) pinyin: String,
    pub(crate) city: Option<String>,
    pub(crate) province: Option<String>,
}

/// A township and where it is.
#[derive(Debug, Clone)]
pub(crate) struct Township {
    /// Full name as written: 石桥镇, 白沙乡, 东湖街道.
    pub(crate) name: String,
    /// The name without its unit: 石桥. Reports call the place by it.
    pub(crate) place: String,
    /// 镇, 乡, 街道 or 苏木.
    pub(crate) unit: &'static str,
    /// `place` in toneless pinyin, for ids: shiqiao.
    pub(crate) pinyin: String,
    /// The 9-digit division code.
    pub(crate) code: String,
    pub(crate) county: usize,
}

/// Every county and township of one corpus.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    pub(crate) counties: Vec<County>,
    pub(crate) townships: Vec<Township>,
}

/// One township in this many is a name other units bear too.
const SHARED_NAME_ONE_IN: usize = 25;

const UNITS: [&str; 4] = ["街道", "苏木", "镇", "乡"];

/// The unit a township's name ends with, when it is one of the four and
/// leaves a name of two characters or more (not 农场, 开发区…).
fn township_unit(name: &str) -> Option<&'static str> {
    let unit = UNITS.iter().find(|u| name.ends_with(*u))?;
    (name.chars().count() >= unit.chars().count() + 2).then_some(*unit)
}

impl Gazetteer {
    /// `township_count` townships in counties of about a dozen each.
    /// Places whose name (or name without its unit) is in `avoid` are not
    /// drawn: the sources' own places, which their text names.
    pub(crate) fn new(
        township_count: usize,
        avoid: &HashSet<String>,
        rng: &mut SplitMix64,
    ) -> Gazetteer {
        let divisions = Divisions::get();
        let allowed = |unit: &Unit| {
            !avoid.contains(unit.name) && !avoid.contains(short_name(unit.name, unit.level))
        };
        let all_counties: Vec<Unit> = divisions
            .units()
            .iter()
            .filter(|u| u.level == Level::County && u.name.ends_with(['县', '区', '市', '旗']))
            .filter(|u| allowed(u))
            .copied()
            .collect();
        let all_townships: Vec<Unit> = divisions
            .units()
            .iter()
            .filter(|u| u.level == Level::Township && township_unit(u.name).is_some())
            .filter(|u| allowed(u))
            .copied()
            .collect();
        let mut out = Gazetteer {
            counties: Vec::new(),
            townships: Vec::with_capacity(township_count),
        };
        let mut county_codes: Vec<String> = Vec::new();
        let mut taken: HashSet<String> = HashSet::new();
        let wanted_counties = (township_count / 12).max(3);
        let mut guard = 0;
        while out.townships.len() < township_count && guard < township_count * 100 {
            guard += 1;
            let drawn: Vec<Unit> = if rng.below(SHARED_NAME_ONE_IN) == 0 {
                // A name several units bear, with up to three of its units.
                let unit = *rng.pick(&all_townships);
                let namesakes = divisions.by_name(unit.name);
                if namesakes.len() < 2 {
                    continue;
                }
                namesakes.into_iter().filter(allowed).take(3).collect()
            } else {
                let county = if county_codes.len() < wanted_counties {
                    *rng.pick(&all_counties)
                } else {
                    let code = rng.pick(&county_codes).clone();
                    match divisions.by_code(&code) {
                        Some(county) => county,
                        None => continue,
                    }
                };
                let towns: Vec<Unit> = divisions
                    .children(county)
                    .into_iter()
                    .filter(|t| township_unit(t.name).is_some() && allowed(t))
                    .collect();
                if towns.is_empty() {
                    continue;
                }
                vec![*rng.pick(&towns)]
            };
            for unit in drawn {
                if out.townships.len() < township_count && taken.insert(unit.code()) {
                    out.add(unit, &mut county_codes);
                }
            }
        }
        out
    }

    fn add(&mut self, unit: Unit, county_codes: &mut Vec<String>) {
        let divisions = Divisions::get();
        let above = divisions.ancestors(unit);
        let Some(county) = above.county else { return };
        let Some(unit_word) = township_unit(unit.name) else {
            return;
        };
        let county_code = county.code();
        let index = match county_codes.iter().position(|c| *c == county_code) {
            Some(index) => index,
            None => {
                let place = short_name(county.name, Level::County).to_string();
                self.counties.push(County {
                    name: county.name.to_string(),
                    pinyin: to_pinyin(&place),
                    place,
                    city: above.city.map(|c| c.name.to_string()),
                    province: above.province.map(|p| p.name.to_string()),
                });
                county_codes.push(county_code);
                county_codes.len() - 1
            }
        };
        let place = unit.name.strip_suffix(unit_word).unwrap_or(unit.name);
        self.townships.push(Township {
            name: unit.name.to_string(),
            place: place.to_string(),
            unit: unit_word,
            pinyin: to_pinyin(place),
            code: unit.code(),
            county: index,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn townships_are_real_unique_and_some_names_recur() {
        let avoid: HashSet<String> = ["南麂".to_string()].into();
        let gazetteer = Gazetteer::new(600, &avoid, &mut SplitMix64::new(11));
        assert_eq!(gazetteer.townships.len(), 600);
        let divisions = Divisions::get();
        let mut codes = HashSet::new();
        for township in &gazetteer.townships {
            assert!(codes.insert(township.code.as_str()));
            let unit = divisions.by_code(&township.code).expect("a real code");
            assert_eq!(unit.name, township.name);
            assert_eq!(
                divisions.ancestors(unit).county.map(|c| c.name),
                Some(gazetteer.counties[township.county].name.as_str())
            );
            assert_eq!(
                township.name,
                format!("{}{}", township.place, township.unit)
            );
            assert_ne!(township.place, "南麂");
        }
        let names: HashSet<&str> = gazetteer
            .townships
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert!(names.len() > 400, "{}", names.len());
        assert!(names.len() < 600, "no name is shared across counties");
    }
}
