//! The report model: schema 1 of the report JSON, as `docs/report-format.md` describes it.
//!
//! These are plain serde types with no behaviour beyond small accessors; the
//! importer produces them, the loader reads them back, and everything else
//! (library, search, reader) only reads them. Field order here is the field
//! order of the JSON files, so `serde_json::to_string_pretty` writes the
//! documented layout.

use serde::{Deserialize, Serialize};

/// The only schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One report: a township's work summary or government work report for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub schema: u32,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub township: Option<String>,
    #[serde(default)]
    pub county: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub province: Option<String>,
    /// The township's 9-digit statistical division code (2023 edition),
    /// when the importer placed it in the official list; files written
    /// before the field existed lack it and read as `None`. Written only
    /// when known, so a report the list does not place is the same file
    /// it was before the field existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default)]
    pub year: Option<i32>,
    pub period: Period,
    pub kind: Kind,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub preamble: Vec<String>,
    pub sections: Vec<Section>,
}

/// A section of the outline: its heading as written, its own paragraphs, and
/// its child sections (the next outline level down).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    #[serde(default)]
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

/// Whether a report covers the whole year or its first half (上半年).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Annual,
    HalfYear,
}

/// What sort of document a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// 工作总结 / 工作思路 / 工作计划
    WorkSummary,
    /// 政府工作报告, addressed to the township people's congress (各位代表…)
    GovernmentWorkReport,
    Other,
}

impl Period {
    /// The JSON spelling, also used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Annual => "annual",
            Period::HalfYear => "half-year",
        }
    }
}

impl Kind {
    /// The JSON spelling, also used on the command line and in ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::WorkSummary => "work-summary",
            Kind::GovernmentWorkReport => "government-work-report",
            Kind::Other => "other",
        }
    }

    /// How a reader names this kind of report in Chinese, with its period.
    pub fn label_zh(self, period: Period) -> &'static str {
        match (self, period) {
            (Kind::WorkSummary, Period::Annual) => "工作总结",
            (Kind::WorkSummary, Period::HalfYear) => "上半年工作总结",
            (Kind::GovernmentWorkReport, Period::Annual) => "政府工作报告",
            (Kind::GovernmentWorkReport, Period::HalfYear) => "上半年政府工作报告",
            (Kind::Other, Period::Annual) => "其他报告",
            (Kind::Other, Period::HalfYear) => "上半年报告",
        }
    }
}

/// Whether `id` is a valid report id: lowercase ASCII letters, digits and
/// hyphens, not starting with a hyphen, and not a name Windows reserves for
/// a device (con, prn, aux, nul, com1…com9, lpt1…lpt9). Such an id is also a
/// safe file name: no separator, `..`, NUL or drive letter can be in it, so
/// `<id>.json` stays inside its directory on every system.
pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    let well_formed = matches!(bytes.next(), Some(b'a'..=b'z' | b'0'..=b'9'))
        && bytes.all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-'));
    well_formed && !is_windows_device_name(id)
}

fn is_windows_device_name(id: &str) -> bool {
    matches!(id, "con" | "prn" | "aux" | "nul")
        || (id.len() == 4
            && (id.starts_with("com") || id.starts_with("lpt"))
            && id.as_bytes()[3].is_ascii_digit())
}

/// Where a section sits in its report: child indexes from the top level
/// down (`[0, 2]` is the third child of the first top-level section). The
/// empty path is the report's front: title and preamble.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SectionPath(pub Vec<usize>);

impl SectionPath {
    /// The report's front (no section).
    pub fn front() -> SectionPath {
        SectionPath(Vec::new())
    }

    /// How deep the section is: 1 for a top-level section, 0 for the front.
    pub fn depth(&self) -> usize {
        self.0.len()
    }

    /// The path of this section's `index`th child.
    pub fn child(&self, index: usize) -> SectionPath {
        let mut path = self.0.clone();
        path.push(index);
        SectionPath(path)
    }
}

impl Report {
    /// A report of schema 1 with an id and a title and nothing else known:
    /// an annual report of kind other, no place, no sections. Fields are
    /// public, so a caller sets what it knows after.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Report {
        Report {
            schema: SCHEMA_VERSION,
            id: id.into(),
            title: title.into(),
            township: None,
            county: None,
            city: None,
            province: None,
            code: None,
            year: None,
            period: Period::Annual,
            kind: Kind::Other,
            published: None,
            publisher: None,
            source: None,
            preamble: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// The section at `path`; `None` for the front or a path that leads nowhere.
    pub fn section(&self, path: &SectionPath) -> Option<&Section> {
        let (first, rest) = path.0.split_first()?;
        let mut section = self.sections.get(*first)?;
        for &index in rest {
            section = section.sections.get(index)?;
        }
        Some(section)
    }

    /// Number of sections at every level of the outline.
    pub fn section_count(&self) -> usize {
        // Counted without the paths `outline` builds: this runs for every
        // report of a library when the tree and `baogao list` are made.
        let mut count = 0;
        let mut stack = vec![self.sections.as_slice()];
        while let Some(sections) = stack.pop() {
            count += sections.len();
            stack.extend(sections.iter().map(|section| section.sections.as_slice()));
        }
        count
    }

    /// Every section in reading order (depth first), with its path.
    pub fn outline(&self) -> Outline<'_> {
        let stack = self
            .sections
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (SectionPath(vec![i]), s))
            .collect();
        Outline { stack }
    }

    /// Serialise as the pretty-printed JSON of a report file, with a final newline.
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain strings, numbers and enums cannot fail.
        let mut text = serde_json::to_string_pretty(self).expect("a Report always serialises");
        text.push('\n');
        text
    }
}

/// The sections of a report in reading order, from [`Report::outline`]. An
/// explicit stack, not recursion: an outline is as deep as its file says.
#[derive(Debug, Clone)]
pub struct Outline<'a> {
    stack: Vec<(SectionPath, &'a Section)>,
}

impl<'a> Iterator for Outline<'a> {
    type Item = (SectionPath, &'a Section);

    fn next(&mut self) -> Option<Self::Item> {
        let (path, section) = self.stack.pop()?;
        let children = section.sections.iter().enumerate().rev();
        self.stack
            .extend(children.map(|(i, child)| (path.child(i), child)));
        Some((path, section))
    }
}

/// Days in a month of the Gregorian calendar; `None` for a month that is
/// not 1–12. Shared by the importer's date reading and the validator.
pub fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids_are_plain_lowercase_slugs() {
        for id in [
            "nanji-2020-work-summary",
            "2020",
            "a",
            "a-",
            "com",
            "lpt10",
            "console",
        ] {
            assert!(is_valid_id(id), "{id:?}");
        }
    }

    #[test]
    fn ids_that_could_leave_the_directory_or_misbehave_are_invalid() {
        let invalid = [
            "",
            "-a",
            "-rf",
            "..",
            ".hidden",
            "../etc/passwd",
            "a/b",
            "a\\b",
            "c:",
            "C:report",
            "a\0b",
            "Nanji",
            "nan ji",
            "南麂镇",
            "a_b",
            "con",
            "prn",
            "aux",
            "nul",
            "com1",
            "lpt9",
        ];
        for id in invalid {
            assert!(!is_valid_id(id), "{id:?}");
        }
    }

    #[test]
    fn round_trips_the_design_example() {
        let json = r#"{
  "schema": 1,
  "id": "pingyang-nanji-2020-work-summary",
  "title": "南麂镇2020年工作总结及2021年工作思路",
  "township": "南麂镇",
  "county": "平阳县",
  "city": "温州市",
  "province": "浙江省",
  "code": "330326119",
  "year": 2020,
  "period": "annual",
  "kind": "work-summary",
  "published": "2022-02-16",
  "publisher": "中共平阳县南麂镇委员会",
  "source": "000_175a739be12c0440.txt",
  "preamble": [
    "今年以来,我镇在县委、县政府的正确领导下,……"
  ],
  "sections": [
    {
      "heading": "一、2020年工作总结",
      "paragraphs": [],
      "sections": [
        {
          "heading": "(一)千方百计促发展,生态产业转型加快。",
          "paragraphs": [
            "一年来,我们始终把经济发展作为工作重点,……"
          ],
          "sections": []
        }
      ]
    }
  ]
}
"#;
        let report: Report = serde_json::from_str(json).unwrap();
        assert_eq!(report.section_count(), 2);
        assert_eq!(report.kind, Kind::WorkSummary);
        assert_eq!(report.to_json_pretty(), json);
        // A file written before the division code existed still reads.
        let old = json.replace("  \"code\": \"330326119\",\n", "");
        let report: Report = serde_json::from_str(&old).unwrap();
        assert_eq!(report.code, None);
    }
}
