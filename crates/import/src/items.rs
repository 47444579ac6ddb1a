//! 一是/二是/三是 items: a list written into paragraphs. Where such items
//! lead paragraphs of a section with no numbered children, each item
//! becomes a child section (as 芦浦镇's report is read); the heading is the
//! item's first sentence (or first clause, when the sentence is long).

use super::outline::split_heading;
use super::text::{SEMICOLONS, is_han, is_sentence_end, trim};
use baogao_report::marker::shi_item;
use baogao_report::model::Section;

/// A heading longer than this (in chars) is cut at its first clause.
const MAX_ITEM_HEADING: usize = 40;

/// Split `paragraphs` into those before the first item and one section per
/// item. Nothing changes unless a paragraph starts with 一是.
pub(crate) fn split_shi_items(paragraphs: Vec<String>) -> (Vec<String>, Vec<Section>) {
    let Some(first) = paragraphs
        .iter()
        .position(|p| shi_item(p).is_some_and(|(n, _)| n == 1))
    else {
        return (paragraphs, Vec::new());
    };
    let original = paragraphs.clone();
    let mut lead = paragraphs;
    let rest = lead.split_off(first);
    let mut sections: Vec<Section> = Vec::new();
    let mut expected = 1;
    for paragraph in rest {
        match shi_item(&paragraph) {
            Some((n, _)) if n == expected || (n == 1 && sections.is_empty()) => {
                for item in split_inline_items(&paragraph, n) {
                    let (heading, body) = item_heading(&item);
                    sections.push(Section {
                        heading,
                        paragraphs: body.into_iter().collect(),
                        sections: Vec::new(),
                    });
                    expected += 1;
                }
            }
            _ => match sections.last_mut() {
                Some(section) => section.paragraphs.push(paragraph),
                None => lead.push(paragraph),
            },
        }
    }
    // One "一是" is not a list, and the text stays as it was; unless the page
    // was cut inside it (its text stops mid-sentence), where 二是 is lost.
    let cut_short = original
        .last()
        .is_some_and(|p| super::shape::stops_mid_sentence(p));
    if sections.len() < 2 && !(sections.len() == 1 && cut_short) {
        return (original, Vec::new());
    }
    (lead, sections)
}

/// "一是…;二是…;三是…。" in one paragraph: cut before each next numeral
/// item that follows a sentence or clause end.
fn split_inline_items(paragraph: &str, first: u32) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut next = first + 1;
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    for (k, (at, c)) in chars.iter().enumerate() {
        let boundary = matches!(c, '。' | ';' | '\u{FF1B}' | '!' | '\u{FF01}')
            || (*c == '.' && k > 0 && is_han(chars[k - 1].1));
        if !boundary {
            continue;
        }
        let after = at + c.len_utf8();
        let rest = &paragraph[after..];
        // "二是…。一是…二是…": a list inside the item; its numbers are not
        // the outer list's, and the outer list goes on only after it.
        if first > 1 && shi_item(trim(rest)).is_some_and(|(n, _)| n == 1) {
            break;
        }
        if let Some((n, _)) = shi_item(trim(rest))
            && n == next
        {
            items.push(trim(&paragraph[start..after]).to_string());
            start = after;
            next += 1;
        }
    }
    items.push(trim(&paragraph[start..]).to_string());
    items.retain(|i| !i.is_empty());
    items
}

/// An item's heading and the rest of its text: its first sentence, or
/// clause when the sentence is long ("一是…;二是…" end at the semicolon).
fn item_heading(item: &str) -> (String, Option<String>) {
    let stop = |c: char| is_sentence_end(c) || SEMICOLONS.contains(&c);
    split_heading(item, 0, stop, MAX_ITEM_HEADING)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn leading_items_become_sections() {
        let (lead, sections) = split_shi_items(owned(&[
            "2020年,面对疫情。",
            "一是经济发展交出新答卷。经济指标逆势突围。",
            "补充说明。",
            "二是项目建设跑出新速度。招引项目落地见效。",
        ]));
        assert_eq!(lead, vec!["2020年,面对疫情。"]);
        assert_eq!(sections[0].heading, "一是经济发展交出新答卷。");
        assert_eq!(
            sections[0].paragraphs,
            vec!["经济指标逆势突围。", "补充说明。"]
        );
        assert_eq!(sections[1].heading, "二是项目建设跑出新速度。");
    }

    #[test]
    fn items_in_one_paragraph_split_on_semicolons() {
        let (_, sections) = split_shi_items(owned(&[
            "一是加快推进风力发电项目建设,6月份已启动升压站场内施工便道拓宽建设,配合做好征地工作;二是加快推进林下经济发展;三是启动创建工作。",
        ]));
        assert_eq!(sections.len(), 3);
        assert_eq!(sections[0].heading, "一是加快推进风力发电项目建设,");
        assert_eq!(sections[1].heading, "二是加快推进林下经济发展;");
        assert_eq!(sections[2].heading, "三是启动创建工作。");
    }

    #[test]
    fn items_mid_paragraph_stay_text() {
        let p = owned(&["产业开发有五项:一是完成县分烟叶任务.二是完成种植."]);
        let (lead, sections) = split_shi_items(p.clone());
        assert_eq!(lead, p);
        assert!(sections.is_empty());
    }
}
