//! Place names: the reading order of names (for lists of places, as the
//! library sorts townships), and the distinct place names of a library —
//! township, county, city and province — that a query term may name
//! instead of matching a heading ("党建 平阳", "dj pingyang", "党建 浙江").

use pinyin::ToPinyin;
use std::borrow::Cow;

/// The toneless pinyin of each character of `name`, compared syllable by
/// syllable (西安 "xi an" before 先 "xian"): the order the library sorts
/// townships in, for other places. A character with no pinyin stands for
/// itself, lowercased, so Latin names fall among the pinyin ones.
pub fn reading_key(name: &str) -> Vec<Cow<'static, str>> {
    name.chars()
        .map(|character| match character.to_pinyin() {
            Some(pinyin) => Cow::Borrowed(pinyin.plain()),
            None => Cow::Owned(character.to_lowercase().collect()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_in_pinyin_order() {
        assert!(reading_key("乐清市") < reading_key("平阳县"));
        assert!(reading_key("台州市") < reading_key("温州市"));
    }
}
