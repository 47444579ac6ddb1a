//! China's administrative divisions: the 2023 statistical division codes of
//! the National Bureau of Statistics (31 provinces, 342 prefecture-level
//! units, 2 978 county-level units, 41 352 township-level units), vendored
//! in `data/places/` and embedded in the binary.
//!
//! The importer asks it which units bear a township's name and which of
//! them the rest of a page points at; the command line counts reports by
//! place. Nothing here reads a report: the loader never touches the
//! gazetteer, and the table is parsed only on the first call to
//! [`Gazetteer::get`].
//!
//! The table is embedded as `build.rs` prepares it: the names as text,
//! three bytes a unit (its level, its own digits, its name's length), and
//! an index sorted by name; nothing is
//! parsed, inflated or hashed at run time. The first call only lays the
//! units out (a pass over 44 703 names), and a look-up by name is a binary
//! search. See `build.rs` for the layout and its cost.
//!
//! Names are looked up as simplified characters, exactly as the official
//! list writes them (`南麂镇`), without their unit where that leaves one
//! unit only ([`Gazetteer::by_short_name`]: `南麂`), or by toneless pinyin
//! ([`Gazetteer::by_pinyin`]: `nanji`).

#![forbid(unsafe_code)]

mod short;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use short::short_name;

/// Every unit's name run together, in code order (`build.rs`).
const NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/names.txt"));
/// Per unit, its level and the digits it adds to its parent's code (two
/// bytes), and its name's length in bytes (one).
const CODES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/codes.bin"));
/// The units' indexes sorted by name, then code: two bytes each.
const BY_NAME: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/by_name.bin"));

/// The level of a unit in the hierarchy, outermost first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 省, 自治区, 直辖市: a 2-digit code.
    Province,
    /// 地级市, 地区, 自治州, 盟 (and the placeholders 市辖区, 县,
    /// 省直辖县级行政区划): a 4-digit code.
    City,
    /// 县, 区, 县级市, 旗: a 6-digit code.
    County,
    /// 镇, 乡, 街道, 苏木 and the like: a 9-digit code.
    Township,
}

impl Level {
    /// How many digits a code of this level has.
    pub fn digits(self) -> usize {
        match self {
            Level::Province => 2,
            Level::City => 4,
            Level::County => 6,
            Level::Township => 9,
        }
    }
}

/// One administrative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit {
    /// The code as a number; [`Unit::code`] writes it with its digits.
    number: u32,
    pub level: Level,
    /// The official name, simplified characters: `南麂镇`.
    pub name: &'static str,
}

impl Unit {
    /// The division code, with as many digits as its level has:
    /// `33`, `3303`, `330326`, `330326119`.
    pub fn code(&self) -> String {
        format!("{:0width$}", self.number, width = self.level.digits())
    }

    /// Whether the unit is a placeholder rather than a place: the 市辖区 or
    /// 县 that stand for a municipality's districts and counties, and
    /// 省直辖县级行政区划 (counties a province governs directly).
    pub fn is_placeholder(&self) -> bool {
        (self.level == Level::City && !self.name.ends_with(['市', '州', '盟', '区']))
            || self.name == "市辖区"
    }
}

/// The county, city and province above a unit (the unit itself included
/// at its own level). A placeholder city is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ancestors {
    pub province: Option<Unit>,
    pub city: Option<Unit>,
    pub county: Option<Unit>,
}

/// The whole table, with its indexes.
#[derive(Debug)]
pub struct Gazetteer {
    /// Every unit, in code order (a parent right before its children).
    units: Vec<Unit>,
    /// Name without its unit (镇, 县, 自治州…) → indexes. Built on the first
    /// look-up by short name: the importer never needs it.
    by_short: OnceLock<HashMap<&'static str, Vec<u32>>>,
    /// Built on the first pinyin look-up: most callers never need it.
    by_pinyin: OnceLock<HashMap<String, Vec<u32>>>,
}

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

/// An index that is none (a unit count never reaches it).
const NONE: u32 = u32::MAX;

impl Gazetteer {
    /// The embedded gazetteer, laid out on first use.
    pub fn get() -> &'static Gazetteer {
        GAZETTEER.get_or_init(|| Gazetteer::lay_out(NAMES, CODES))
    }

    /// The units from the names and the packed codes `build.rs` wrote.
    fn lay_out(names: &'static str, codes: &[u8]) -> Gazetteer {
        let mut units = Vec::with_capacity(codes.len() / 3);
        let (mut province, mut city, mut county) = (0u32, 0u32, 0u32);
        let mut start = 0;
        for code in codes.chunks_exact(3) {
            let packed = u16::from_le_bytes([code[0], code[1]]);
            let end = start + usize::from(code[2]);
            let name = names.get(start..end).unwrap_or_default();
            start = end;
            let own = u32::from(packed & 0x3FFF);
            let (number, level) = match packed >> 14 {
                0 => {
                    province = own;
                    (own, Level::Province)
                }
                1 => {
                    city = province * 100 + own;
                    (city, Level::City)
                }
                2 => {
                    county = city * 100 + own;
                    (county, Level::County)
                }
                _ => (county * 1000 + own, Level::Township),
            };
            units.push(Unit {
                number,
                level,
                name,
            });
        }
        Gazetteer {
            units,
            by_short: OnceLock::new(),
            by_pinyin: OnceLock::new(),
        }
    }

    /// Every unit, in code order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    fn pick(&self, indexes: Option<&Vec<u32>>) -> Vec<Unit> {
        indexes
            .into_iter()
            .flatten()
            .filter_map(|&i| self.units.get(i as usize).copied())
            .collect()
    }

    /// The indexes of the units named `name`, in code order; never a
    /// placeholder.
    fn named(&self, name: &str) -> impl Iterator<Item = u32> + '_ {
        let (entries, _) = BY_NAME.as_chunks::<2>();
        let index = |entry: &[u8; 2]| u32::from(u16::from_le_bytes(*entry));
        let name_of =
            |entry: &[u8; 2]| self.units.get(index(entry) as usize).map_or("", |u| u.name);
        let start = entries.partition_point(|e| name_of(e) < name);
        let end = start + entries[start..].partition_point(|e| name_of(e) == name);
        entries[start..end].iter().map(index).filter(|&i| {
            self.units
                .get(i as usize)
                .is_some_and(|u| !u.is_placeholder())
        })
    }

    /// Units whose official name is `name` (simplified characters): the
    /// four 南塘镇, the one 南麂镇. Placeholders are never found.
    pub fn by_name(&self, name: &str) -> Vec<Unit> {
        self.named(name)
            .filter_map(|i| self.units.get(i as usize).copied())
            .collect()
    }

    /// How many units bear the official name `name`.
    pub fn count_named(&self, name: &str) -> usize {
        self.named(name).count()
    }

    /// Units whose name without its unit is `short` (`南麂` → 南麂镇,
    /// `乐清` → 乐清市, `温州` → 温州市). All of them: the caller decides
    /// whether one is enough (see [`Gazetteer::by_short_name_unique`]).
    pub fn by_short_name(&self, short: &str) -> Vec<Unit> {
        let index = self.by_short.get_or_init(|| {
            let mut map: HashMap<&'static str, Vec<u32>> = HashMap::new();
            for (i, unit) in self.units.iter().enumerate() {
                let short = short_name(unit.name, unit.level);
                if !unit.is_placeholder() && short != unit.name {
                    map.entry(short)
                        .or_default()
                        .push(u32::try_from(i).unwrap_or(NONE));
                }
            }
            map
        });
        self.pick(index.get(short))
    }

    /// The one unit of `level` whose short name is `short`, when exactly
    /// one unit of the whole table has that short name.
    pub fn by_short_name_unique(&self, short: &str, level: Level) -> Option<Unit> {
        match self.by_short_name(short)[..] {
            [unit] if unit.level == level => Some(unit),
            _ => None,
        }
    }

    /// Units whose short name reads `pinyin` in toneless pinyin, syllables
    /// run together (`nanji`, `pingyang`, `zhejiang`).
    pub fn by_pinyin(&self, pinyin: &str) -> Vec<Unit> {
        let index = self.by_pinyin.get_or_init(|| {
            let mut map: HashMap<String, Vec<u32>> = HashMap::new();
            for (i, unit) in self.units.iter().enumerate() {
                if unit.is_placeholder() {
                    continue;
                }
                let key = to_pinyin(short_name(unit.name, unit.level));
                if !key.is_empty() {
                    map.entry(key)
                        .or_default()
                        .push(u32::try_from(i).unwrap_or(u32::MAX));
                }
            }
            map
        });
        self.pick(index.get(&pinyin.to_ascii_lowercase()))
    }

    /// The unit of a code (`330326119`, `330326`, `3303`, `33`).
    pub fn by_code(&self, code: &str) -> Option<Unit> {
        let level = match code.len() {
            2 => Level::Province,
            4 => Level::City,
            6 => Level::County,
            9 => Level::Township,
            _ => return None,
        };
        let number: u32 = code.parse().ok()?;
        self.find(number, level)
    }

    fn find(&self, number: u32, level: Level) -> Option<Unit> {
        let key = |u: &Unit| (padded(u.number, u.level), u.level);
        self.units
            .binary_search_by_key(&(padded(number, level), level), key)
            .ok()
            .and_then(|i| self.units.get(i).copied())
    }

    /// The unit one level up, placeholders included.
    pub fn parent(&self, unit: Unit) -> Option<Unit> {
        let (number, level) = match unit.level {
            Level::Province => return None,
            Level::City => (unit.number / 100, Level::Province),
            Level::County => (unit.number / 100, Level::City),
            Level::Township => (unit.number / 1000, Level::County),
        };
        self.find(number, level)
    }

    /// The county, city and province of `unit` (itself at its own level);
    /// a placeholder city is left out.
    pub fn ancestors(&self, unit: Unit) -> Ancestors {
        let mut out = Ancestors::default();
        let mut at = Some(unit);
        while let Some(u) = at {
            match u.level {
                Level::Province => out.province = Some(u),
                Level::City if !u.is_placeholder() => out.city = Some(u),
                Level::County => out.county = Some(u),
                Level::City | Level::Township => {}
            }
            at = self.parent(u);
        }
        out
    }

    /// The units one level below `unit`, in code order.
    pub fn children(&self, unit: Unit) -> Vec<Unit> {
        let Some(level) = (match unit.level {
            Level::Province => Some(Level::City),
            Level::City => Some(Level::County),
            Level::County => Some(Level::Township),
            Level::Township => None,
        }) else {
            return Vec::new();
        };
        let start = self.units.partition_point(|u| {
            (padded(u.number, u.level), u.level) <= (padded(unit.number, unit.level), unit.level)
        });
        let prefix = unit.code();
        self.units[start..]
            .iter()
            .take_while(|u| u.code().starts_with(&prefix))
            .filter(|u| u.level == level)
            .copied()
            .collect()
    }
}

/// A code padded to nine digits, so that every unit sorts after its parent
/// and before the next one.
fn padded(number: u32, level: Level) -> u32 {
    match level {
        Level::Province => number * 10_000_000,
        Level::City => number * 100_000,
        Level::County => number * 1000,
        Level::Township => number,
    }
}

/// Toneless pinyin, syllables run together; characters without a reading
/// are dropped, ü is `v` (as ids and pinyin input write it).
pub fn to_pinyin(text: &str) -> String {
    use pinyin::ToPinyin;
    let mut out = String::new();
    for (c, py) in text.chars().zip(text.to_pinyin()) {
        match py {
            Some(py) => out.extend(py.plain().chars().filter_map(|c| match c {
                '\u{FC}' => Some('v'),
                c if c.is_ascii_alphanumeric() => Some(c),
                _ => None,
            })),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests;
