//! Web-page and extraction cruft: what a scraper keeps that is not the report.
//!
//! Each rule looks at the shape of a line (short, made of site words, a
//! breadcrumb trail, a lone number…) rather than at any one site's text, so
//! it holds for pages we have not seen. Metadata blocks are handled by
//! [`super::fields`], because their values are kept. A watermark repeated
//! on every paragraph is found by [`strip_watermark`], the closing signature
//! by [`take_signature`].

use super::text::{COLONS, ends_sentence, page_width_str, simplified, trim};
use baogao_report::marker::marker;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

mod signature;
mod watermark;

pub(crate) use signature::take_signature;
pub(crate) use watermark::strip_watermark;

/// Words that mark a line as page furniture when the line is short:
/// download and membership prompts, sharing and tipping, navigation,
/// copyright and counters.
const SITE_WORDS: &[&str] = &[
    "立即下载",
    "免费下载",
    "下载文档",
    "点击下载",
    "下载附件",
    "下载本文",
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
    "字号:",
    "字号\u{FF1A}",
    "客服qq",
    "在线客服",
    "网站客服",
    "分享到",
    "上一篇",
    "下一篇",
    "责任编辑",
    "版权声明",
    "版权所有",
    "免责声明",
    "无障碍浏览",
    "无障碍阅读",
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
    "识别二维码",
    "扫描二维码",
    "二维码关注",
    "点击蓝字",
    "点赞 在看",
    "分享 收藏",
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
pub(crate) fn is_site_line(line: &str) -> bool {
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
pub(crate) fn footer_start(lines: &[String]) -> Option<usize> {
    let total: usize = lines.iter().map(|l| l.len()).sum();
    let mut seen = 0;
    for (i, line) in lines.iter().enumerate() {
        if seen * 2 >= total
            && is_footer_start(line)
            && stands_apart(lines, i)
            && !lines[i + 1..].iter().any(|l| marker(l).is_some())
        {
            return Some(i);
        }
        seen += line.len();
    }
    None
}

/// Does line `i` stand apart from the report's sentences: not a heading,
/// not a sentence broken off mid-way, not the continuation of one?
pub(crate) fn stands_apart(lines: &[String], i: usize) -> bool {
    let line = &lines[i];
    let previous = lines[..i].iter().rev().find(|l| !l.is_empty());
    marker(line).is_none()
        && !line.ends_with(|c: char| super::text::is_clause_end(c) && c != ':' && c != '\u{FF1A}')
        && previous.is_none_or(|p| {
            ends_sentence(p)
                || !p.ends_with(|c: char| super::text::is_clause_end(c) || super::text::is_han(c))
                || page_width_str(p) < 40
        })
}

/// A breadcrumb trail: "您现在的位置:首页 > …", "首页 >> 部门目录 >> …",
/// " > 规划计划 > 计划总结", "找总结网 > 工作计划 > …".
pub(crate) fn is_breadcrumb(line: &str) -> bool {
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
pub(crate) fn breadcrumb_parts(line: &str) -> Vec<String> {
    line.split(['>', '»', '›', '→', ':', '\u{FF1A}'])
        .map(trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// An image caption or infographic link ("图片解读:…", "一图读懂…", "图为…").
pub(crate) fn is_caption(line: &str) -> bool {
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
pub(crate) fn is_page_number(line: &str) -> bool {
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
pub(crate) fn is_toc_line(line: &str) -> bool {
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

/// The lines of a table of contents that gives page numbers after a blank
/// ("1.某某2022年工作总结 3", "2.… 13"): three or more lines in a row
/// ending so, the numbers counting up. Returns their indexes.
pub(crate) fn numbered_toc_lines(lines: &[String]) -> HashSet<usize> {
    let page = |line: &str| -> Option<u32> {
        let (head, number) = line.rsplit_once(' ')?;
        let digits =
            number.len() <= 4 && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
        // One entry and its page: a table row has more cells than that.
        let entry = head.split_whitespace().count() <= 2;
        (digits && entry && !head.trim().is_empty() && !ends_sentence(head.trim()))
            .then(|| number.parse().ok())
            .flatten()
    };
    let mut out = HashSet::new();
    let mut run: Vec<usize> = Vec::new();
    let mut last = 0;
    let mut flush = |run: &mut Vec<usize>| {
        if run.len() >= 3 {
            out.extend(run.iter().copied());
        }
        run.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        match page(line) {
            Some(n) if run.is_empty() || n >= last => {
                run.push(i);
                last = n;
            }
            Some(n) => {
                flush(&mut run);
                run.push(i);
                last = n;
            }
            None => flush(&mut run),
        }
    }
    flush(&mut run);
    out
}

/// Running heads and feet of a PDF: a short line that is not a sentence or
/// a heading and stands three times or more, identically, in the body
/// ("XX镇人民政府文件", the title on every page). Returns those lines.
pub(crate) fn running_lines(lines: &[String]) -> HashSet<&str> {
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
pub(crate) fn is_tag_line(line: &str) -> bool {
    let has_han = line.chars().any(super::text::is_han);
    let tag_shaped =
        line.starts_with(['|', '#', '@']) || line.chars().any(|c| c.is_ascii_alphabetic());
    !has_han && tag_shaped && line.chars().count() <= 20
}

/// A disclaimer list item of a document-sharing site: "- 1、本文档由用户上传…".
pub(crate) fn is_dash_list_item(line: &str) -> bool {
    line.starts_with("- ") || line.starts_with("• ") || line.starts_with("· ")
}

/// "附件:…", "相关附件:", "名词解释": the start of a report's appendix, whose
/// numbered items are not outline headings.
pub(crate) fn is_attachment_note(line: &str) -> bool {
    let key = simplified(line);
    ["附件", "相关附件", "名词解释", "附录"]
        .iter()
        .any(|w| key.starts_with(w))
}

/// Decorations a social-media post puts before its headings ("◆一、…",
/// "■ (一)…"): dropped so the heading is seen.
pub(crate) fn strip_decoration(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| "◆◇■□●○▶►▷★☆▲△▼▽◎❖▪•·※→".contains(c) || c == ' ');
    if rest.len() < line.len() && baogao_report::marker::marker(rest).is_some() {
        rest
    } else {
        line
    }
}

/// Who wrote and checked a post or page: "编辑:王小丽", "审核:张明".
pub(crate) fn is_credit_line(line: &str) -> bool {
    let key = simplified(line);
    line.chars().count() <= 20
        && ["编辑", "审核", "校对", "责编", "摄影", "作者", "来源"]
            .iter()
            .any(|w| key.starts_with(w))
        && key.contains(COLONS)
}

#[cfg(test)]
mod tests {
    use super::*;

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
