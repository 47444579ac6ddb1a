//! Web-page and extraction cruft: what a scraper keeps that is not the report.
//!
//! Each rule looks at the shape of a line (short, made of site words, a
//! breadcrumb trail, a lone number…) rather than at any one site's text, so
//! it holds for pages we have not seen. Metadata blocks are handled by
//! [`super::fields`], because their values are kept.

use super::fields::{is_date_line, parse_date};
use super::marker::marker;
use super::place::is_org_name;
use super::text::{
    COLONS, ends_sentence, is_clause_end, is_closing, is_sentence_end, page_width_str, simplified,
    trim,
};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Words that mark a line as page furniture when the line is short:
/// download and membership prompts, sharing and tipping, navigation,
/// copyright and counters.
const SITE_WORDS: &[&str] = &[
    "下载",
    "购物车",
    "我的足迹",
    "vip",
    "打赏",
    "本文地址",
    "本文链接",
    "原文链接",
    "原文地址",
    "扫一扫",
    "浏览次数",
    "阅读次数",
    "字体大小",
    "字号",
    "客服",
    "分享到",
    "上一篇",
    "下一篇",
    "责任编辑",
    "版权声明",
    "版权所有",
    "免责声明",
    "无障碍",
    "长者模式",
    "导航菜单",
    "网站地图",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "收藏此文",
    "加入收藏",
    "返回顶部",
    "返回目录",
    "长按识别",
    "二维码",
    "点击蓝字",
    "点赞",
    "在看",
    "发表于",
    "责编",
    "相关附件",
    "文档为",
    "已影响",
    "本文来源",
    "展开阅读全文",
    "推荐度",
    "相关推荐",
    "猜你喜欢",
    "微信公众号",
];

/// Words that begin a site footer: after such a line near the end of the
/// page, nothing is report text any more.
const FOOTER_WORDS: &[&str] = &[
    "本站",
    "本文仅",
    "本文由",
    "版权",
    "打赏",
    "扫一扫",
    "转载",
    "免责",
    "上一篇",
    "下一篇",
    "相关阅读",
    "相关文章",
    "责任编辑",
    "原创",
    "ICP备",
    "公网安备",
    "网站标识码",
    "主办:",
    "主办\u{FF1A}",
    "技术支持",
    "猜你喜欢",
];

/// "篇一:", "篇二:": the number of a text on a page that collects several.
fn numbered_piece(line: &str) -> Option<u32> {
    let rest = line.strip_prefix('篇')?;
    let numeral: String = rest
        .chars()
        .take_while(|c| super::text::is_numeral_char(*c))
        .collect();
    let after = &rest[numeral.len()..];
    after
        .starts_with(COLONS)
        .then(|| super::text::chinese_numeral(&numeral))
        .flatten()
}

/// A short line of site furniture: navigation, download prompt, counters,
/// an attachment's file name ("…计划表.docx"), "篇一:" of a collection page.
pub fn is_site_line(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    // "本文链接:https://…": a link line, however long its address.
    if lower.contains("http") && !line.contains('。') && page_width_str(line) <= 200 {
        return true;
    }
    if page_width_str(line) > 60 {
        return false;
    }
    let file_name = [
        ".doc", ".docx", ".xls", ".xlsx", ".pdf", ".wps", ".zip", ".rar", ".ppt", ".pptx",
    ]
    .iter()
    .any(|ext| lower.ends_with(ext));
    if file_name || numbered_piece(line) == Some(1) {
        return true;
    }
    let key = simplified(line);
    let key = if line.is_ascii() || line.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(key.to_lowercase())
    } else {
        key
    };
    SITE_WORDS.iter().any(|w| key.contains(w))
}

/// A line that may open the site footer, or a second text on a page of
/// several ("篇二:…" after "篇一:…").
fn is_footer_start(line: &str) -> bool {
    if page_width_str(line) > 60 {
        return false;
    }
    if numbered_piece(line).is_some_and(|n| n >= 2) {
        return true;
    }
    let key = simplified(line);
    FOOTER_WORDS.iter().any(|w| key.contains(w))
}

/// Index of the first footer line, if the page has a footer: a footer line
/// in the second half of the text (by characters) after which the rest goes.
pub fn footer_start(lines: &[String]) -> Option<usize> {
    let total: usize = lines.iter().map(|l| l.len()).sum();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if seen * 2 >= total && is_footer_start(line) {
            return Some(i);
        }
        seen += line.len();
    }
    None
}

/// A breadcrumb trail: "您现在的位置:首页 > …", "首页 >> 部门目录 >> …",
/// " > 规划计划 > 计划总结", "找总结网 > 工作计划 > …".
pub fn is_breadcrumb(line: &str) -> bool {
    let key = simplified(line);
    if [
        "您现在的位置",
        "当前位置",
        "您的位置",
        "所在位置",
        "现在位置",
    ]
    .iter()
    .any(|w| key.starts_with(w))
    {
        return true;
    }
    let separators = ['>', '»', '›', '→'];
    let parts: Vec<&str> = line
        .split(|c| separators.contains(&c))
        .map(trim)
        .filter(|p| !p.is_empty())
        .collect();
    let count = line.chars().filter(|c| separators.contains(c)).count();
    !line.contains(['。', ',', '\u{FF0C}'])
        && (count >= 2 || line.trim_start().starts_with(separators) && count >= 1)
        && parts.len() >= 2
        && parts[..parts.len() - 1]
            .iter()
            .all(|p| p.chars().count() <= 12 && !ends_sentence(p))
}

/// The items of a breadcrumb trail (used to find the county it names).
pub fn breadcrumb_parts(line: &str) -> Vec<String> {
    line.split(['>', '»', '›', '→', ':', '\u{FF1A}'])
        .map(trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// An image caption or infographic link ("图片解读:…", "一图读懂…", "图为…").
pub fn is_caption(line: &str) -> bool {
    let line = line.trim_start_matches(|c: char| "◆■●▶►▲△▼★※ ".contains(c));
    let key = simplified(line);
    page_width_str(line) <= 100
        && (key.starts_with("图片")
            || key.starts_with("图为")
            || key.starts_with("图:")
            || key.starts_with("图\u{FF1A}")
            || key.contains("一图读懂"))
}

/// A stray page number or counter: "0", "12", "- 3 -", "第3页",
/// "3/12", "—5—", "第 3 页 共 12 页", "Page 3 of 12".
pub fn is_page_number(line: &str) -> bool {
    let furniture = |c: char| {
        matches!(c, ' ' | '-' | '—' | '–' | '第' | '页' | '/' | '共' | '·')
            || c.is_ascii_alphabetic()
    };
    let digit_runs: Vec<&str> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    let words_ok = line
        .split(|c: char| !c.is_ascii_alphabetic())
        .all(|w| w.is_empty() || ["page", "of"].contains(&w.to_ascii_lowercase().as_str()));
    line.chars().count() <= 20
        && (1..=2).contains(&digit_runs.len())
        && digit_runs.iter().all(|r| r.len() <= 3)
        && line.chars().all(|c| c.is_ascii_digit() || furniture(c))
        && words_ok
}

/// A table-of-contents entry: a heading, a dot leader and a page number
/// ("一、2023年工作总结 ……………… 1"), or the 目录 line itself.
pub fn is_toc_line(line: &str) -> bool {
    let squashed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if squashed == "目录" {
        return true;
    }
    let body = line.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    let leader = body
        .chars()
        .rev()
        .take_while(|c| matches!(c, '…' | '.' | '·' | '．' | '-'))
        .count();
    body.len() < line.len() && leader >= 3
}

/// Running heads and feet of a PDF: a short line that is not a sentence or
/// a heading and stands three times or more, identically, in the body
/// ("XX镇人民政府文件", the title on every page). Returns those lines.
pub fn running_lines(lines: &[String]) -> HashSet<&str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines {
        if !line.is_empty()
            && line.chars().count() <= 30
            && !ends_sentence(line)
            && marker(line).is_none()
        {
            *counts.entry(line.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(line, _)| line)
        .collect()
}

/// A "| author" tag or a short label with no Chinese ("| cwl2",
/// "- 19.09 KB"). Figures with no Chinese ("4.65%。", "23") are report text
/// that a PDF broke off, and stay.
pub fn is_tag_line(line: &str) -> bool {
    let has_han = line.chars().any(super::text::is_han);
    let tag_shaped =
        line.starts_with(['|', '#', '@']) || line.chars().any(|c| c.is_ascii_alphabetic());
    !has_han && tag_shaped && line.chars().count() <= 20
}

/// A disclaimer list item of a document-sharing site: "- 1、本文档由用户上传…".
pub fn is_dash_list_item(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("• ") || line.starts_with("· ")
}

/// "附件:…", "相关附件:", "名词解释": the start of a report's appendix, whose
/// numbered items are not outline headings.
pub fn is_attachment_note(line: &str) -> bool {
    let key = simplified(line);
    ["附件", "相关附件", "名词解释", "附录"]
        .iter()
        .any(|w| key.starts_with(w))
}

/// Decorations a social-media post puts before its headings ("◆一、…",
/// "■ (一)…"): dropped so the heading is seen.
pub fn strip_decoration(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| "◆◇■□●○▶►▷★☆▲△▼▽◎❖▪•·※→".contains(c) || c == ' ');
    if rest.len() < line.len() && super::marker::marker(rest).is_some() {
        rest
    } else {
        line
    }
}

/// Who wrote and checked a post or page: "编辑:王小丽", "审核:张明".
pub fn is_credit_line(line: &str) -> bool {
    let key = simplified(line);
    line.chars().count() <= 20
        && ["编辑", "审核", "校对", "责编", "摄影", "作者", "来源"]
            .iter()
            .any(|w| key.starts_with(w))
        && key.contains(COLONS)
}

/// The closing signature of a report: what it takes out of the body.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Signature {
    /// The signing body, when one alone signs.
    pub org: Option<String>,
    /// The date under the signature, as YYYY-MM-DD.
    pub date: Option<String>,
}

/// Take the signature off the end of the body: the signing bodies
/// ("中共石桥镇委员会 石桥镇人民政府") over a date line ("2022年12月20日"),
/// perhaps followed by an attachment note (附件:…), which stays. Without a
/// date line nothing is taken: a body name alone may be text.
pub fn take_signature(lines: &mut Vec<String>) -> Signature {
    let mut last: Vec<usize> = (0..lines.len())
        .rev()
        .filter(|&i| !lines[i].is_empty())
        .take(12)
        .collect();
    last.reverse();
    // An attachment list (附件:1.… 2.… 相关附件:…) may follow the signature.
    if let Some(at) = last.iter().position(|&i| is_attachment_note(&lines[i])) {
        last.truncate(at);
    }
    let Some(&date_at) = last.last().filter(|&&i| is_date_line(&lines[i])) else {
        return Signature::default();
    };
    last.pop();
    let mut signers = Vec::new();
    while let Some(&i) = last
        .last()
        .filter(|&&i| lines[i].split_whitespace().all(is_org_name))
    {
        signers.push(i);
        last.pop();
    }
    let signature = Signature {
        org: match signers.as_slice() {
            [only] if !lines[*only].contains(' ') => Some(lines[*only].clone()),
            _ => None,
        },
        date: parse_date(&lines[date_at]),
    };
    for i in std::iter::once(date_at).chain(signers) {
        lines.remove(i);
    }
    signature
}

/// Find a watermark repeated at the end of many lines (e.g. a site slogan
/// appended to every paragraph) and strip it. Returns the watermark found.
///
/// A candidate is a suffix of 4–40 characters that does not end a sentence,
/// ends at least three lines and at least a fifth of the lines long enough
/// to carry it. The longest such suffix wins.
pub fn strip_watermark(lines: &mut [String]) -> Option<String> {
    const MIN: usize = 4;
    const MAX: usize = 40;
    // Look for it in the first lines only: a watermark on every paragraph
    // shows there, and a one-line page cut into millions of lines stays fast.
    const SAMPLE: usize = 2000;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut eligible = 0usize;
    for line in lines.iter().take(SAMPLE) {
        let chars = line.char_indices().rev().take(MAX).map(|(i, _)| i);
        let n = line.chars().count();
        if n <= MIN {
            continue;
        }
        eligible += 1;
        for (k, start) in chars.enumerate() {
            let len = k + 1;
            if len >= MIN && len < n {
                *counts.entry(&line[start..]).or_default() += 1;
            }
        }
    }
    let threshold = 3.max(eligible / 5);
    let mut candidates: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|(suffix, count)| {
            *count >= threshold
                && (!suffix.chars().last().is_some_and(is_closing) || is_bracketed(suffix))
                && !suffix.starts_with(|c: char| is_sentence_end(c) || is_clause_end(c))
                && !suffix.ends_with([
                    '。', ',', '\u{FF0C}', ';', '\u{FF1B}', ':', '\u{FF1A}', '、',
                ])
                && looks_like_a_mark(suffix, *count, eligible)
        })
        .collect();
    candidates.sort_by_key(|(suffix, count)| std::cmp::Reverse((*count, suffix.chars().count())));
    let best = candidates
        .iter()
        .take(50)
        .find(|(suffix, _)| is_appended(&lines[..lines.len().min(SAMPLE)], suffix))
        .map(|(s, _)| s.to_string())?;
    for line in lines.iter_mut() {
        if line.ends_with(best.as_str()) {
            let keep = line.len() - best.len();
            line.truncate(keep);
            let trimmed = trim(line).to_string();
            *line = trimmed;
        }
    }
    Some(best)
}

/// A site mark carries Latin letters or web punctuation ("IsG…--…",
/// "www.…", "来源:…网"), or ends half of all lines; a phrase that a few list
/// items share ("牵头单位:经济发展办") is report text.
fn looks_like_a_mark(suffix: &str, count: usize, eligible: usize) -> bool {
    let webby = suffix
        .chars()
        .any(|c| c.is_ascii_alphabetic() || matches!(c, '-' | '_' | '|' | '@' | '—'));
    let url = ["www.", "http", ".com", ".cn", ".net"]
        .iter()
        .any(|w| suffix.contains(w));
    let labelled = suffix.contains(COLONS);
    (webby && (!labelled || url)) || count * 2 >= eligible
}

/// A whole bracketed tag: "【来源:范文网 www.fwwang.com】", "[来自网络]".
fn is_bracketed(text: &str) -> bool {
    let pairs = [
        ('【', '】'),
        ('[', ']'),
        ('〔', '〕'),
        ('(', ')'),
        ('\u{FF08}', '\u{FF09}'),
    ];
    pairs
        .iter()
        .any(|(open, close)| text.starts_with(*open) && text.ends_with(*close))
}

/// Is `suffix` appended to different texts, rather than the tail of one
/// repeated line (a title printed three times is not a watermark)? The
/// characters before it must differ between lines, and leave real text.
fn is_appended(lines: &[String], suffix: &str) -> bool {
    let mut before = std::collections::HashSet::new();
    for line in lines {
        if let Some(head) = line.strip_suffix(suffix) {
            if head.chars().count() < 2 {
                return false;
            }
            before.insert(head.chars().last());
        }
    }
    // The same character before every copy means the suffix is the tail of
    // a longer repeat, unless that character is the text's own full stop.
    before.len() >= 2 || before.iter().all(|c| c.is_some_and(is_sentence_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watermark_is_found_and_stripped() {
        let mut lines: Vec<String> = [
            "一、2020年工作总结IsG乡村百科--为乡村振兴助力",
            "",
            "2020年,面对疫情。IsG乡村百科--为乡村振兴助力",
            "一是经济发展交出新答卷。IsG乡村百科--为乡村振兴助力",
            "二是项目建设跑出新速度。IsG乡村百科--为乡村振兴助力",
            "三是没有水印的段落。",
        ]
        .map(String::from)
        .to_vec();
        let mark = strip_watermark(&mut lines);
        assert_eq!(mark.as_deref(), Some("IsG乡村百科--为乡村振兴助力"));
        assert_eq!(lines[0], "一、2020年工作总结");
        assert_eq!(lines[3], "一是经济发展交出新答卷。");
    }

    #[test]
    fn no_watermark_in_plain_text() {
        let mut lines: Vec<String> = [
            "一是加强领导。",
            "二是完善制度。",
            "三是强化考核。",
            "四是严格督查。",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(strip_watermark(&mut lines), None);
    }

    #[test]
    fn signature_and_date_are_taken_off_the_end() {
        let mut lines: Vec<String> = [
            "继续抓好项目建设。",
            "中共石桥镇委员会 石桥镇人民政府",
            "2022年12月20日",
            "附件:2022年重点项目清单",
        ]
        .map(String::from)
        .to_vec();
        let signature = take_signature(&mut lines);
        assert_eq!(signature.date.as_deref(), Some("2022-12-20"));
        assert_eq!(signature.org, None);
        assert_eq!(lines, vec!["继续抓好项目建设。", "附件:2022年重点项目清单"]);
        let mut lines: Vec<String> = ["正文。", "石桥镇党政办公室", "2022年12月20日"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            take_signature(&mut lines).org.as_deref(),
            Some("石桥镇党政办公室")
        );
        let mut lines: Vec<String> = ["正文。", "石桥镇人民政府"].map(String::from).to_vec();
        assert_eq!(take_signature(&mut lines), Signature::default());
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("您现在的位置:首页"));
        assert!(is_breadcrumb(" > 规划计划  > 计划总结"));
        assert!(is_breadcrumb("首页 >> 部门目录 >> 南华县一街乡"));
        assert!(is_breadcrumb(
            "找总结网 > 工作计划 > 年度工作计划 > 镇政府2019年工作总结和2020年工作计划"
        ));
        assert!(!is_breadcrumb("产值增长>10%,利润增长>5%。"));
    }

    #[test]
    fn site_lines_and_numbers() {
        assert!(is_site_line("加入Vip免费下载 立即下载"));
        assert!(is_site_line("购物车"));
        assert!(is_site_line("收藏此文 赞一个 打赏本站"));
        assert!(!is_site_line("资金来源更加多元。"));
        assert!(is_page_number("0"));
        assert!(is_page_number("- 3 -"));
        assert!(!is_page_number("2020"));
        assert!(is_page_number("第 3 页 共 12 页"));
        assert!(is_page_number("Page 3 of 12"));
        assert!(!is_page_number("3亿元"));
        assert!(is_caption("图片解读:一图读懂南塘镇2022年上半年做了什么"));
    }
}
