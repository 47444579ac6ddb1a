//! The front of a page: everything before the report's first paragraph.
//!
//! Finds the title among site furniture, breadcrumbs, metadata blocks and
//! cover notices (关于印发…的通知), drops its repeats, and reads the title
//! block a 政府工作报告 carries (subtitle "——在…会议上", date line, the
//! speaker). What comes before the title is never report text.

use super::cruft;
use super::fields::{MetaFields, is_date_line, parse_date, parse_meta_line};
use super::place::is_org_name;
use super::rules::{self, Trace};
use super::shape;
use super::text::{
    COLONS, is_clause_end, is_han, is_sentence_end, page_width_str, simplified, trim,
};
use crate::declared::DeclaredHeadings;
use baogao_report::marker::marker;

/// What the front of a page holds.
#[derive(Debug, Default)]
pub(crate) struct Front {
    pub(crate) title: Option<String>,
    pub(crate) fields: MetaFields,
    /// Site names and breadcrumb items, which may name the county.
    pub(crate) site_names: Vec<String>,
    /// Subtitle, date line and speaker of a government work report.
    pub(crate) title_block: Vec<String>,
    /// A date the title block or the title itself carries.
    pub(crate) title_date: Option<String>,
    /// Index of the first line of the report body.
    pub(crate) body_start: usize,
}

/// Words a report title contains (simplified forms).
const TITLE_WORDS: &[&str] = &[
    "总结", "报告", "计划", "思路", "打算", "汇报", "要点", "规划", "纲要", "方案",
];

/// Does `text` end on a word naming a kind of report (`…政府工作报告`,
/// `…工作总结`), in simplified or traditional characters?
pub(crate) fn ends_naming_a_report(text: &str) -> bool {
    let key = simplified(text);
    TITLE_WORDS.iter().any(|w| key.ends_with(w))
}

/// How far into a page the title may stand, in non-blank lines.
const TITLE_WINDOW: usize = 40;

/// Read the front of a page; `declared` are the headings the document
/// itself marks (a web page's `<h2>`, a Word heading style).
pub(crate) fn read_front(
    lines: &[String],
    declared: &DeclaredHeadings,
    trace: &mut Trace,
) -> Front {
    let mut front = Front::default();
    let mut i = 0;
    let mut seen = 0;
    // Where the last metadata block ended: with no title line, the page's
    // header stops there.
    let mut after_meta = 0;
    while i < lines.len() && seen < TITLE_WINDOW {
        let line = lines[i].as_str();
        if line.is_empty() {
            i += 1;
            continue;
        }
        seen += 1;
        if let Some(next) = take_meta(lines, i, &mut front.fields) {
            trace.lines(i..next, rules::METADATA);
            i = next;
            after_meta = next;
            continue;
        }
        if cruft::is_breadcrumb(line) {
            trace.line(i, rules::BREADCRUMB);
            front.site_names.extend(cruft::breadcrumb_parts(line));
            i += 1;
            continue;
        }
        if is_site_name(line) {
            trace.line(i, rules::SITE_NAME);
            front.site_names.push(line.to_string());
            i += 1;
            continue;
        }
        // "沙 河 乡 2 0 2 1 年 工 作 总 结": a title spaced out letter by letter.
        let collapsed = collapse_spaced(line);
        if collapsed != line && is_title_candidate(&collapsed) {
            trace.line(i, rules::TITLE);
            front.title = Some(collapsed);
            front.body_start = read_title_block(lines, i + 1, &mut front, declared, trace);
            return front;
        }
        // A cover notice or cover letter (关于印发…的通知, 关于报送…的报告 with
        // an addressee line): the report's own title comes after it.
        if is_notice_title(line) || is_cover_letter(lines, i) {
            let end = notice_end(lines, i);
            trace.lines(i..end, rules::NOTICE);
            i = end;
            continue;
        }
        // "石桥镇人民政府" / "工作报告": a title set over two lines.
        let next = lines.get(i + 1).map_or("", String::as_str);
        if is_org_name(line) && !next.is_empty() && is_title_candidate(&format!("{line}{next}")) {
            trace.lines(i..i + 2, rules::TITLE);
            front.title = Some(format!("{line}{next}"));
            front.body_start = read_title_block(lines, i + 2, &mut front, declared, trace);
            return front;
        }
        if is_title_candidate(line) {
            trace.line(i, rules::TITLE);
            let next = set_title(&mut front, lines, i, trace);
            front.body_start = read_title_block(lines, next, &mut front, declared, trace);
            trace.lines(0..i, rules::BEFORE_TITLE);
            return front;
        }
        i += 1;
    }
    // No title line: the body starts after the metadata block, or at the
    // top; cruft rules still apply to it.
    front.body_start = after_meta;
    front
}

/// If line `i` is a metadata line, record it (and a value standing alone on
/// the next line, as bullet lists print them) and return the next index.
fn take_meta(lines: &[String], i: usize, fields: &mut MetaFields) -> Option<usize> {
    let mut pairs = parse_meta_line(&lines[i])?;
    let mut next = i + 1;
    let dangling = pairs.last().is_some_and(|p| p.value.is_empty());
    if dangling
        && let Some(value_line) = lines.get(i + 1)
        && !value_line.is_empty()
        && parse_meta_line(value_line).is_none()
        && page_width_str(value_line) <= 60
        && !value_line.contains('。')
        && !is_title_candidate(value_line)
        && marker(value_line).is_none()
    {
        let value = trim(value_line.trim_start_matches(['•', '·', '-', '|'])).to_string();
        if let Some(last) = pairs.last_mut() {
            last.value = value;
        }
        next += 1;
    }
    fields.add(pairs);
    Some(next)
}

/// A report title: short, names a kind of report, is not a sentence, a
/// list item, a heading or a breadcrumb.
pub(crate) fn is_title_candidate(line: &str) -> bool {
    let key = simplified(line);
    page_width_str(line) <= 120
        && line.chars().any(is_han)
        && !line.contains('。')
        && !line.ends_with(is_clause_end)
        && TITLE_WORDS.iter().any(|w| key.contains(w))
        && names_a_report(&key)
        && !key.contains("召开")
        && !cruft::is_dash_list_item(line)
        && !cruft::is_breadcrumb(line)
        && !is_navigation(line)
        && marker(line).is_none()
}

/// Site navigation that names report kinds: "首页 | 工作总结 | 工作计划",
/// "当前栏目:工作总结".
fn is_navigation(line: &str) -> bool {
    let label_shaped = line
        .split_once(COLONS)
        .is_some_and(|(label, _)| label.chars().count() <= 8 && label.chars().all(is_han));
    line.contains('|') || label_shaped
}

/// A title names the work, a year or a body: "工作", "2020年", 镇/乡/街道,
/// 政府. A bare category ("规划计划", "计划总结") is not a title.
fn names_a_report(key: &str) -> bool {
    key.chars().count() >= 6
        && (key.contains("工作")
            || key.contains('年')
            || ["镇", "乡", "街道", "政府"].iter().any(|w| key.contains(w)))
}

/// The title line of a cover notice: "…关于印发2024年政府工作报告的通知".
fn is_cover_letter(lines: &[String], at: usize) -> bool {
    let key = simplified(&lines[at]);
    let addressee = lines[at + 1..]
        .iter()
        .find(|l| !l.is_empty())
        .is_some_and(|l| l.chars().count() <= 30 && l.ends_with(COLONS));
    key.starts_with("关于") && (key.ends_with("报告") || key.ends_with("请示")) && addressee
}

fn is_notice_title(line: &str) -> bool {
    let key = simplified(line);
    page_width_str(line) <= 120
        && key.ends_with("通知")
        && (key.contains("印发") || key.contains("关于"))
}

/// The index after a cover notice that starts at `start`: past its
/// "(此件公开发布)" line, else past its date line, else just its title.
fn notice_end(lines: &[String], start: usize) -> usize {
    let window = (start + 1..lines.len().min(start + 30)).collect::<Vec<_>>();
    if let Some(&i) = window.iter().find(|&&i| {
        let l = &lines[i];
        l.contains("此件") && page_width_str(l) <= 30
    }) {
        return i + 1;
    }
    if let Some(&i) = window.iter().find(|&&i| is_date_line(&lines[i])) {
        return i + 1;
    }
    start + 1
}

/// Take line `at` as the title; returns the index after it (and after its
/// second line, when the title goes on).
fn set_title(front: &mut Front, lines: &[String], at: usize, trace: &mut Trace) -> usize {
    let mut title = lines[at].clone();
    let mut next = at + 1;
    // "某某镇2022年工作总结" / "暨2023年工作计划": a title broken over two
    // lines, the second going on with a connective (or the first ending on one).
    if let Some(second) = lines.get(at + 1)
        && continues_title(&title, second)
    {
        trace.line(at + 1, rules::TITLE_CONTINUED);
        title.push_str(second);
        next += 1;
    }
    // "美章网 资料文库 镇政府报告范文": a site's name and category, set
    // apart by blanks, in front of the title.
    if let Some((site, rest)) = split_site_words(&title) {
        front.site_names.push(site);
        title = rest;
    }
    // "永顺县人民政府-2016年上半年…报告": a site name in front of the title.
    if let Some((site, rest)) = split_site_prefix(&title) {
        front.site_names.push(site);
        title = rest;
    }
    // "…工作总结_高桥镇人民政府", "…工作总结_乡镇工作总结_精品文库": a page
    // title with the site's or category's names after the report's.
    if let Some((head, tail)) = title.split_once('_')
        && is_title_candidate(head)
    {
        front.site_names.push(tail.to_string());
        title = trim(head).to_string();
    }
    // "重庆市巴南区木洞镇人民政府" / "2024年政府工作报告": a title set on two lines.
    if at > 0 && is_org_name(&lines[at - 1]) {
        title = format!("{}{}", lines[at - 1], title);
    }
    // "2023年岱西镇政府工作报告(20230115)": a date in brackets after the title.
    // Only a bracket that holds nothing but the date, after some title text.
    if let Some(open) = title.rfind(['(', '\u{FF08}']) {
        let tail = &title[open..];
        if open > 0
            && tail.ends_with([')', '\u{FF09}'])
            && is_date_line(tail)
            && let Some(date) = parse_date(tail)
        {
            front.title_date = Some(date);
            title = trim(&title[..open]).to_string();
        }
    }
    front.title = Some(title);
    next
}

/// Do the lines from `at` on look like a PDF's, broken mid-sentence every
/// so many characters? Their first lines are then text, however short.
fn pdf_lines(lines: &[String], at: usize) -> bool {
    let window: Vec<&String> = lines[at..]
        .iter()
        .filter(|l| !l.is_empty())
        .take(30)
        .collect();
    super::reflow::looks_broken(&window)
}

/// A title a PDF's text broke at the blanks around its figures ("…2022
/// 年度政务公开工作总结和 2023 年工作思路 xxxx 年,x 镇在…" cut into "2022
/// 年度…工作总结和" and "2023 年工作思路 xxxx 年,…"), mended on the page's
/// first lines: a title ending on a connective takes the next line's words up
/// to the first word naming a report, when that line opens with a figure.
/// (A short fragment before such a title is not taken back: on other pages
/// it is a site's menu, `我的足迹`.)
pub(crate) fn mend_title_broken_at_figures(lines: &mut [String]) {
    const JOINS: &str = "和及暨与";
    let filled: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_empty())
        .take(TITLE_WINDOW)
        .collect();
    let Some(k) = filled.iter().position(|&i| is_title_candidate(&lines[i])) else {
        return;
    };
    let (at, Some(&next)) = (filled[k], filled.get(k + 1)) else {
        return;
    };
    if !lines[at].ends_with(|c: char| JOINS.contains(c))
        || !lines[next].starts_with(|c: char| c.is_ascii_digit())
    {
        return;
    }
    let key = simplified(&lines[next]);
    let end = TITLE_WORDS
        .iter()
        .filter_map(|w| key.find(w).map(|found| found + w.len()))
        .min()
        .filter(|&end| lines[next].is_char_boundary(end))
        .filter(|&end| {
            let words = &lines[next][..end];
            words.chars().count() <= 16
                && !words.contains(|c: char| is_sentence_end(c) || is_clause_end(c))
        });
    if let Some(end) = end {
        let words = lines[next][..end].to_string();
        lines[at].push(' ');
        lines[at].push_str(&words);
        lines[next] = trim(&lines[next][end..]).to_string();
    }
}

/// Does `second` go on with the title `first`: short, no sentence, no
/// numbering, joined by a connective at the seam (和, 及, 暨, 与, 的…)?
fn continues_title(first: &str, second: &str) -> bool {
    const JOINS: &str = "和及暨与并、";
    let n = second.chars().count();
    (2..=30).contains(&n)
        && !second.contains(['。', ',', '\u{FF0C}', ':', '\u{FF1A}'])
        && marker(second).is_none()
        && (second.starts_with(|c: char| JOINS.contains(c))
            || first.ends_with(|c: char| JOINS.contains(c) || c == '的')
            || first.ends_with("关于"))
}

/// A title after words set apart by blanks, the first a site's name
/// (`美章网`, `某某门户网站`): the site's words and the title from the first
/// word that is one on its own.
fn split_site_words(title: &str) -> Option<(String, String)> {
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() < 2 || !is_site_name(words[0]) {
        return None;
    }
    let from = (1..words.len()).find(|&i| is_title_candidate(words[i]))?;
    let site = words[..from].join(" ");
    Some((site, words[from..].join(" ")))
}

fn split_site_prefix(title: &str) -> Option<(String, String)> {
    let at = title.find(['-', '_', '|'])?;
    let (site, rest) = (trim(&title[..at]), trim(&title[at + 1..]));
    let site_key = simplified(site);
    let looks_like_site = ["政府", "网", "门户", "平台", "频道", "官网"]
        .iter()
        .any(|w| site_key.ends_with(w));
    (looks_like_site
        && is_title_candidate(rest)
        && !TITLE_WORDS.iter().any(|w| site_key.contains(w)))
    .then(|| (site.to_string(), rest.to_string()))
}

/// Walk the lines after the title: repeats of the title, metadata and site
/// furniture are dropped; a government work report's subtitle, date line and
/// speaker are kept for the preamble; a heading the document `declared`
/// is never taken for a display title. Returns where the body starts.
pub(crate) fn read_title_block(
    lines: &[String],
    from: usize,
    front: &mut Front,
    declared: &DeclaredHeadings,
    trace: &mut Trace,
) -> usize {
    let mut i = from;
    while i < lines.len() {
        let line = lines[i].as_str();
        if line.is_empty() {
            i += 1;
            continue;
        }
        if is_title_repeat(line, front) {
            trace.line(i, rules::TITLE_REPEAT);
            i += 1;
            continue;
        }
        if let Some(next) = take_meta(lines, i, &mut front.fields) {
            trace.lines(i..next, rules::METADATA);
            i = next;
            continue;
        }
        let furniture = if cruft::is_site_line(line) {
            Some(rules::SITE_LINE)
        } else if cruft::is_tag_line(line) {
            Some(rules::TAG)
        } else if cruft::is_breadcrumb(line) {
            Some(rules::BREADCRUMB)
        } else if cruft::is_page_number(line) {
            Some(rules::PAGE_NUMBER)
        } else if is_spaced_out(line)
            || (is_display_title(line, front) && declared.get(line).is_none())
        {
            Some(rules::DISPLAY_TITLE)
        } else if is_subtitle(line) || is_date_line(line) || is_speaker_line(line) {
            // The title block's own lines, read below.
            None
        } else if shape::is_stamp_line(line) {
            Some(rules::STAMP)
        } else if shape::is_menu_row(line) {
            Some(rules::MENU)
        } else if shape::is_file_line(line) {
            Some(rules::FILE_LINE)
        } else if shape::is_scrap(line) {
            Some(rules::SCRAP)
        } else if shape::is_keyword_line(line) {
            Some(rules::KEYWORDS)
        } else if is_site_name(line) {
            Some(rules::SITE_NAME)
        } else if shape::is_prompt(line) && !pdf_lines(lines, i) {
            Some(rules::PROMPT)
        } else if shape::is_teaser(line, front.title.as_deref().unwrap_or_default())
            && !pdf_lines(lines, i)
        {
            Some(rules::TEASER)
        } else {
            None
        };
        if let Some(rule) = furniture {
            trace.line(i, rule);
            i += 1;
            continue;
        }
        if is_subtitle(line) {
            let start = i;
            let mut subtitle = line.to_string();
            while !subtitle.ends_with('上')
                && let Some(next) = lines.get(i + 1)
                && !next.is_empty()
                && next.chars().count() <= 20
                && (next.ends_with('上') || simplified(next).contains("会议"))
            {
                subtitle.push_str(next);
                i += 1;
            }
            if front.title_date.is_none() {
                front.title_date = parse_date(&subtitle);
            }
            trace.lines(start..i + 1, rules::TITLE_BLOCK);
            front.title_block.push(subtitle);
            i += 1;
            continue;
        }
        if is_date_line(line) || is_speaker_line(line) {
            trace.line(i, rules::TITLE_BLOCK);
            if front.title_date.is_none() {
                front.title_date = parse_date(line);
            }
            front.title_block.push(line.to_string());
            i += 1;
            continue;
        }
        break;
    }
    i
}

/// The title again, or a fuller form of it ("〔…〕镇2023上半年…" after
/// "镇2023上半年…"), which then becomes the title.
fn is_title_repeat(line: &str, front: &mut Front) -> bool {
    let Some(title) = front.title.as_ref() else {
        return false;
    };
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let (l, t) = (squash(line), squash(title));
    // "镇政府报告" under "镇政府报告范文": the title without the page's note
    // (范文, 精选) after the words naming the report is the report's own.
    // The note names no report and joins nothing: "…工作总结和计划" is not
    // "…工作总结" with a note.
    let note = t.get(l.len()..).unwrap_or_default();
    if t.starts_with(&l)
        && l != t
        && t.chars().count() <= l.chars().count() + 4
        && l.chars().count() >= 4
        && ends_naming_a_report(&l)
        && !TITLE_WORDS.iter().any(|w| simplified(note).contains(w))
        && !note.starts_with(|c: char| "和及与暨并、".contains(c))
    {
        front.title = Some(line.to_string());
        return true;
    }
    if l == t || (t.contains(&l) && l.chars().count() * 2 >= t.chars().count()) {
        return true;
    }
    // "…工作总结范文（精选3篇）": the title again with a note after it.
    if l.starts_with(&t) && l.chars().count() <= t.chars().count() + 10 {
        return true;
    }
    if l.ends_with(&t) && is_title_candidate(line) && l.chars().count() <= t.chars().count() + 8 {
        front.title = Some(line.to_string());
        return true;
    }
    false
}

/// "石桥镇2022年工作总结2022年，石桥镇在…": a title run on into the text,
/// with no line break or space between. Returns the title and the rest.
pub(crate) fn split_run_on_title(line: &str) -> Option<(String, String)> {
    let furniture = line.contains(['>', '|', '»']) || parse_meta_line(line).is_some();
    if furniture || is_title_candidate(line) || line.chars().count() < 40 {
        return None;
    }
    let head: String = line
        .chars()
        .take(60)
        .take_while(|c| !is_sentence_end(*c) && !is_clause_end(*c))
        .collect();
    let key = simplified(&head);
    let mut ends: Vec<usize> = TITLE_WORDS
        .iter()
        .flat_map(|w| key.match_indices(w).map(|(at, _)| at + w.len()))
        .collect();
    ends.sort_unstable();
    // "…工作总结的报告", "…总结和计划": the title goes on, to the next
    // word naming a report ("…工作总结暨2021年工作计划 2020年是…").
    let goes_on = |rest: &str| {
        rest.starts_with(|c: char| "的和及与暨、".contains(c) || c == '(' || c == '\u{FF08}')
    };
    let mut end = *ends.first()?;
    while goes_on(&line[end..]) {
        end = *ends.iter().find(|&&e| e > end)?;
    }
    let rest = &line[end..];
    let title = &line[..end];
    (!trim(rest).is_empty() && is_title_candidate(title))
        .then(|| (title.to_string(), trim(rest).to_string()))
}

/// A site's name on its own line: "阿拉善左旗人民政府门户网站".
pub(crate) fn is_site_name(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let key = simplified(line);
    line.chars().count() <= 30
        && line.chars().all(is_han)
        && ["网站", "门户", "政府网", "官网", "网"]
            .iter()
            .any(|w| key.ends_with(w))
}

/// A line spaced out letter by letter, closed up ("2 0 2 1 年" → "2021年");
/// other lines come back as they are.
fn collapse_spaced(line: &str) -> String {
    let parts: Vec<&str> = line.split_whitespace().collect();
    if parts.len() >= 4 && parts.iter().all(|p| p.chars().count() == 1) {
        parts.concat()
    } else {
        line.to_string()
    }
}

/// "2021年政府工作报告政府工作报告": a second, shorter display title under
/// the title, made only of the title's characters.
fn is_display_title(line: &str, front: &Front) -> bool {
    let Some(title) = front.title.as_deref() else {
        return false;
    };
    line.chars().count() <= 30
        && is_title_candidate(line)
        && line.chars().all(|c| c.is_whitespace() || title.contains(c))
}

/// "政 府 工 作 报 告": a display title spaced out character by character.
fn is_spaced_out(line: &str) -> bool {
    let parts: Vec<&str> = line.split_whitespace().collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(is_han))
}

/// "——2021年2月27日在沙沟镇第十六届人民代表大会第六次会议上".
fn is_subtitle(line: &str) -> bool {
    line.starts_with("——")
        || line.starts_with('—')
        || line.starts_with("--")
        || line.starts_with("――")
}

/// "沙沟镇镇长 刘彦成", "重庆市巴南区木洞镇人民政府镇长 邓迎春".
pub(crate) fn is_speaker_line(line: &str) -> bool {
    let Some((office, name)) = line.rsplit_once(' ') else {
        return false;
    };
    let office = simplified(trim(office));
    let name_len = name.chars().count();
    line.chars().count() <= 40
        && (2..=4).contains(&name_len)
        && name.chars().all(is_han)
        && ["长", "主任", "书记"].iter().any(|w| office.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(|l| trim(l).to_string()).collect()
    }

    #[test]
    fn notice_wrapper_and_two_line_title() {
        let text = "[ 发布机构 ] | 巴南区木洞镇 | [ 有效性 ] | |\n重庆市巴南区木洞镇人民政府关于印发2024年政府工作报告的通知\n各村(居)民委员会:\n正文。\n重庆市巴南区木洞镇人民政府\n2024年2月22日\n(此件公开发布)\n重庆市巴南区木洞镇人民政府\n2024年政府工作报告\n——2024年1月23日在重庆市巴南区木洞镇第二十届\n人民代表大会第八次会议上\n重庆市巴南区木洞镇人民政府镇长 邓迎春\n各位代表:";
        let l = lines(text);
        let front = read_front(&l, &DeclaredHeadings::default(), &mut Trace::default());
        assert_eq!(
            front.title.as_deref(),
            Some("重庆市巴南区木洞镇人民政府2024年政府工作报告")
        );
        assert_eq!(front.title_block.len(), 2);
        assert_eq!(
            front.title_block[0],
            "——2024年1月23日在重庆市巴南区木洞镇第二十届人民代表大会第八次会议上"
        );
        assert_eq!(l[front.body_start], "各位代表:");
        assert_eq!(front.fields.publisher().as_deref(), Some("巴南区木洞镇"));
    }

    #[test]
    fn site_prefix_and_repeat() {
        let l = lines(
            "永顺县人民政府-2016年上半年润雅乡主要工作目标管理情况自查报告\n\n2016年上半年润雅乡主要工作目标管理情况自查报告\n\n来源: 发布时间:2016-11-03 14:59:50 字体大小:\n\n2016年,润雅乡在县委。",
        );
        let front = read_front(&l, &DeclaredHeadings::default(), &mut Trace::default());
        assert_eq!(
            front.title.as_deref(),
            Some("2016年上半年润雅乡主要工作目标管理情况自查报告")
        );
        assert_eq!(front.site_names, vec!["永顺县人民政府".to_string()]);
        assert_eq!(front.fields.published().as_deref(), Some("2016-11-03"));
        assert!(l[front.body_start].starts_with("2016年,润雅乡"));
    }

    #[test]
    fn a_shorter_repeat_is_the_title_only_without_a_note_naming_a_report() {
        let mut front = Front {
            title: Some("某镇2022年工作总结范文".to_string()),
            ..Front::default()
        };
        assert!(is_title_repeat("某镇2022年工作总结", &mut front));
        assert_eq!(front.title.as_deref(), Some("某镇2022年工作总结"));
        front.title = Some("某镇2022年工作总结和计划".to_string());
        is_title_repeat("某镇2022年工作总结", &mut front);
        assert_eq!(front.title.as_deref(), Some("某镇2022年工作总结和计划"));
    }

    #[test]
    fn site_words_before_the_title_go() {
        assert_eq!(
            split_site_words("美章网 资料文库 镇政府报告范文"),
            Some(("美章网 资料文库".to_string(), "镇政府报告范文".to_string()))
        );
        assert_eq!(split_site_words("某镇 2022年工作总结"), None);
        assert_eq!(split_site_words("某某网"), None);
    }

    #[test]
    fn heading_is_not_a_title() {
        assert!(!is_title_candidate("一、2020年工作总结"));
        assert!(is_title_candidate("乐园乡2018年工作总结"));
        assert!(!is_title_candidate(
            "- 1、本文档由用户上传,淘文库整理发布,可阅读全部内容。"
        ));
    }
}
