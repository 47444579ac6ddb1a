//! Word's automatic numbering (`word/numbering.xml`), rendered as text.
//!
//! A numbered paragraph names a `numId` and a level; the `numId` points at
//! an abstract numbering whose level says the format (`chineseCounting`
//! 一, `decimal` 1, `upperLetter` A…), the start and the text around the
//! number (`lvlText`, `%1、`, `（%2）`). Counters run per abstract
//! numbering; a level's counter restarts when a level above it counts.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::HashMap;

/// One level of an abstract numbering.
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: usize,
    /// The paragraph style this level numbers (`pStyle`), if linked.
    style: Option<String>,
}

/// The numbering definitions and the counters as the document is read.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// Abstract numbering id → its levels by `ilvl`.
    abstracts: HashMap<String, Vec<Level>>,
    /// `numId` → abstract numbering id.
    nums: HashMap<String, String>,
    /// Abstract numbering id → the counter of each level.
    counters: HashMap<String, Vec<usize>>,
}

/// Levels Word allows.
const LEVELS: usize = 9;

impl Numbering {
    /// Reads `numbering.xml`; what cannot be read is left out.
    pub(super) fn parse(xml: &[u8]) -> Self {
        let mut out = Self::default();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        while let Ok(event) = reader.read_event_into(&mut buf) {
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let val = || super::attr(&e, b"w:val");
                    match e.local_name().as_ref() {
                        b"abstractNum" => {
                            abstract_id = super::attr(&e, b"w:abstractNumId");
                            if let Some(id) = &abstract_id {
                                out.abstracts
                                    .insert(id.clone(), vec![Level::default(); LEVELS]);
                            }
                        }
                        b"lvl" => {
                            level = super::attr(&e, b"w:ilvl")
                                .and_then(|v| v.parse().ok())
                                .filter(|&l| l < LEVELS);
                        }
                        b"num" => num_id = super::attr(&e, b"w:numId"),
                        b"abstractNumId" => {
                            if let (Some(num), Some(target)) = (&num_id, val()) {
                                out.nums.insert(num.clone(), target);
                            }
                        }
                        name @ (b"numFmt" | b"lvlText" | b"start" | b"pStyle") => {
                            let slot = abstract_id
                                .as_ref()
                                .zip(level)
                                .and_then(|(id, l)| out.abstracts.get_mut(id)?.get_mut(l));
                            if let (Some(slot), Some(v)) = (slot, val()) {
                                match name {
                                    b"numFmt" => slot.format = v,
                                    b"lvlText" => slot.text = v,
                                    b"pStyle" => slot.style = Some(v),
                                    _ => slot.start = v.parse().unwrap_or(1),
                                }
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = None,
                    b"lvl" => level = None,
                    b"num" => num_id = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        out
    }

    /// The level of `num_id` linked to the paragraph style `style`: where a
    /// heading style numbers its paragraphs without naming a level.
    pub(super) fn level_of_style(&self, num_id: &str, style: &str) -> Option<usize> {
        let levels = self.abstracts.get(self.nums.get(num_id)?)?;
        levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))
    }

    /// The number of the next paragraph of `num_id` at `level`, as text
    /// to put before it (`一、`, `（二）`, `3.`); `None` for a bullet or
    /// an unknown numbering.
    pub(super) fn next(&mut self, num_id: &str, level: usize) -> Option<String> {
        let abstract_id = self.nums.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let this = levels.get(level)?;
        if this.format == "bullet" || this.format == "none" || this.text.is_empty() {
            return None;
        }
        let counters = self
            .counters
            .entry(abstract_id.clone())
            .or_insert_with(|| vec![0; LEVELS]);
        counters[level] = if counters[level] == 0 {
            this.start.max(1)
        } else {
            counters[level] + 1
        };
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let mut text = this.text.clone();
        for (l, def) in levels.iter().enumerate().take(level + 1) {
            let value = counters[l].max(def.start.max(1));
            text = text.replace(&format!("%{}", l + 1), &format_number(value, &def.format));
        }
        Some(text)
    }
}

/// A counter in one of Word's number formats.
fn format_number(n: usize, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "taiwaneseCounting" => chinese(n),
        "upperLetter" => letter(n).to_ascii_uppercase(),
        "lowerLetter" => letter(n),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_ascii_lowercase(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n as u32 - 1).map_or_else(|| n.to_string(), String::from)
        }
        _ => n.to_string(),
    }
}

/// 一 … 九十九, as Word's chineseCounting writes them (十, 十一, 二十).
fn chinese(n: usize) -> String {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                String::new()
            } else {
                DIGITS[n - 10].to_string()
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                String::new()
            } else {
                DIGITS[n % 10].to_string()
            }
        ),
        _ => n.to_string(),
    }
}

fn letter(n: usize) -> String {
    let n = n.max(1) - 1;
    let c = char::from(b'a' + (n % 26) as u8);
    c.to_string().repeat(n / 26 + 1)
}

fn roman(mut n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in TABLE {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting() {
        assert_eq!(chinese(1), "一");
        assert_eq!(chinese(10), "十");
        assert_eq!(chinese(12), "十二");
        assert_eq!(chinese(20), "二十");
        assert_eq!(chinese(35), "三十五");
    }

    #[test]
    fn levels_restart_under_a_new_parent() {
        let xml = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;
        let mut n = Numbering::parse(xml.as_bytes());
        assert_eq!(n.next("1", 0).as_deref(), Some("一、"));
        assert_eq!(n.next("1", 1).as_deref(), Some("（一）"));
        assert_eq!(n.next("1", 1).as_deref(), Some("（二）"));
        assert_eq!(n.next("1", 0).as_deref(), Some("二、"));
        assert_eq!(n.next("1", 1).as_deref(), Some("（一）"));
        assert_eq!(n.next("9", 0), None);
    }
}
