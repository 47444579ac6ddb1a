//! Word's paragraph styles (`word/styles.xml`): what a paragraph's style
//! says of it.
//!
//! A Word heading is often plain text in a heading style: "Heading 1"
//! (`标题 1` in a Chinese Word, whose style ids are then `1`, `2`…), or any
//! style with an outline level. Its number, too, may come from the style: a
//! heading style linked to a list (`numPr` in the style) numbers every
//! paragraph in it without the paragraph saying so. Styles inherit
//! (`basedOn`), so each is read through its ancestors.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::HashMap;

/// Word's outline levels run 0–8; 9 is body text.
const BODY_LEVEL: u8 = 9;

/// How far `basedOn` is followed: Word's own chains are a few deep, and a
/// loop in a broken file must end.
const MAX_INHERITANCE: usize = 16;

/// One style as written, before inheritance.
#[derive(Debug, Clone, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    /// Outline level, 0 the outermost.
    outline: Option<u8>,
    num_id: Option<String>,
    num_level: Option<usize>,
    bold: Option<bool>,
}

/// What a paragraph style gives a paragraph, inheritance applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct StyleInfo {
    /// The heading level it declares, 1 the outermost.
    pub heading: Option<u8>,
    /// The list it numbers its paragraphs in, and the level (if it says).
    pub num_id: Option<String>,
    pub num_level: Option<usize>,
    /// Whether its text is bold.
    pub bold: bool,
}

/// The paragraph styles of a document.
#[derive(Debug, Default)]
pub(super) struct Styles(HashMap<String, Style>);

impl Styles {
    /// Reads `styles.xml`; what cannot be read is left out.
    pub(super) fn parse(xml: &[u8]) -> Styles {
        let mut styles = HashMap::new();
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut current: Option<(String, Style)> = None;
        // Inside the style's run properties (`rPr`): where its bold is.
        let mut in_run_properties = false;
        while let Ok(event) = reader.read_event_into(&mut buf) {
            let opens = matches!(event, Event::Start(_));
            match event {
                Event::Start(e) | Event::Empty(e) => {
                    let val = super::attr(&e, b"w:val");
                    match e.local_name().as_ref() {
                        b"style" => {
                            let paragraph =
                                super::attr(&e, b"w:type").is_none_or(|t| t == "paragraph");
                            current = super::attr(&e, b"w:styleId")
                                .filter(|_| paragraph)
                                .map(|id| (id, Style::default()));
                        }
                        // `<w:rPr/>` has no end to reset the flag.
                        b"rPr" => in_run_properties = opens,
                        name => {
                            if let Some((_, style)) = &mut current {
                                match name {
                                    b"name" => style.name = val.unwrap_or_default(),
                                    b"basedOn" => style.based_on = val,
                                    b"outlineLvl" => {
                                        style.outline = val.and_then(|v| v.parse().ok());
                                    }
                                    b"numId" => style.num_id = val,
                                    b"ilvl" => style.num_level = val.and_then(|v| v.parse().ok()),
                                    b"b" if in_run_properties => {
                                        style.bold = Some(super::is_on(val.as_deref()));
                                    }
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"style" => {
                        if let Some((id, style)) = current.take() {
                            styles.insert(id, style);
                        }
                    }
                    b"rPr" => in_run_properties = false,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Styles(styles)
    }

    /// What the style `id` gives its paragraphs, through its ancestors.
    pub(super) fn info(&self, id: &str) -> StyleInfo {
        let mut info = StyleInfo::default();
        let (mut outline, mut bold, mut named) = (None, None, None);
        let mut next = Some(id);
        for _ in 0..MAX_INHERITANCE {
            let Some(style) = next.and_then(|id| self.0.get(id)) else {
                break;
            };
            outline = outline.or(style.outline);
            bold = bold.or(style.bold);
            named = named.or_else(|| heading_name_level(&style.name));
            if info.num_id.is_none() {
                info.num_id.clone_from(&style.num_id);
            }
            info.num_level = info.num_level.or(style.num_level);
            next = style.based_on.as_deref();
        }
        info.heading = match outline {
            Some(level) if level < BODY_LEVEL => Some(level + 1),
            Some(_) => None,
            None => named,
        };
        info.bold = bold.unwrap_or(false);
        info
    }
}

/// The level in a built-in heading style's name: `heading 2` (the name
/// Word writes whatever the interface language) or `标题 2`.
fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?;
    let level: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&level).then_some(level)
}

/// An outline level written on a paragraph itself, as a heading level.
pub(super) fn outline_heading(level: u8) -> Option<u8> {
    (level < BODY_LEVEL).then_some(level + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:styles xmlns:w="x">
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
        <w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr>
        <w:rPr><w:b/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="mine"><w:name w:val="My Heading"/><w:basedOn w:val="1"/>
        <w:rPr><w:b w:val="0"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="t2"><w:name w:val="标题 2"/></w:style>
      <w:style w:type="paragraph" w:styleId="loop"><w:name w:val="x"/><w:basedOn w:val="loop"/></w:style>
      <w:style w:type="character" w:styleId="c"><w:name w:val="heading 1 char"/></w:style>
    </w:styles>"#;

    #[test]
    fn a_heading_style_gives_its_level_number_and_bold() {
        let styles = Styles::parse(XML.as_bytes());
        let h1 = styles.info("1");
        assert_eq!(h1.heading, Some(1));
        assert_eq!(h1.num_id.as_deref(), Some("3"));
        assert!(h1.bold);
        assert_eq!(styles.info("a"), StyleInfo::default());
    }

    #[test]
    fn styles_inherit_and_override() {
        let styles = Styles::parse(XML.as_bytes());
        let mine = styles.info("mine");
        assert_eq!(mine.heading, Some(1));
        assert_eq!(mine.num_id.as_deref(), Some("3"));
        assert!(!mine.bold, "its own w:b w:val=0 wins");
        assert_eq!(styles.info("t2").heading, Some(2));
    }

    #[test]
    fn a_loop_ends_and_a_character_style_is_no_paragraph_style() {
        let styles = Styles::parse(XML.as_bytes());
        assert_eq!(styles.info("loop"), StyleInfo::default());
        assert_eq!(styles.info("c"), StyleInfo::default());
        assert_eq!(styles.info("missing"), StyleInfo::default());
    }
}
