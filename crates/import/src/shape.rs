//! Line shapes that tell a page's furniture from the report, by form alone:
//! stamps (a numeric date or clock time with no sentence), rows of buttons,
//! download boxes (file sizes), notes wrapped around a link, lines that talk
//! about the report's own title, and the page-chunk numbers of
//! document-sharing sites. None of them names a site's words: each holds
//! for pages never seen.

use super::text::{is_clause_end, is_han, is_sentence_end, page_width_str, trim};
use baogao_report::marker::marker;

/// No sentence in it: none of 。,;! ? (either width).
fn no_sentence(line: &str) -> bool {
    !line.contains([
        '。', ',', '\u{FF0C}', ';', '\u{FF1B}', '!', '\u{FF01}', '?', '\u{FF1F}',
    ])
}

/// `2023/8/7`, `2022-08-24`, `2013.8.11`, `03-03`: a date in digits with
/// separators. Returns whether one stands in `line`.
fn has_numeric_date(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let run = |from: usize| {
                chars[from..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count()
            };
            let a = run(i);
            let sep = chars.get(i + a).copied();
            if matches!(sep, Some('-' | '/' | '.'))
                && (a == 4 || a == 2)
                && let b = run(i + a + 1)
                && (1..=2).contains(&b)
                && (a == 4 || b == 2)
            {
                return true;
            }
            i += a;
        } else {
            i += 1;
        }
    }
    false
}

/// `06:43:12`, `15:22`: a clock time (hours and minutes in digits).
fn has_clock_time(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    chars.windows(5).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == ':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars
                .get(i + 5)
                .is_none_or(|c| !c.is_ascii_digit() || *c == ':')
    })
}

/// A page stamp: a short line with a numeric date or a clock time, no
/// sentence, and little Chinese besides (labels such as a time or a click
/// counter). "2023/8/7 23:36:09 点击:", "时间: 03-03 作者:某某 栏目:…".
pub(crate) fn is_stamp_line(line: &str) -> bool {
    // Most lines are paragraphs: too long to be a stamp, told by their bytes.
    if line.len() > 200 {
        return false;
    }
    let han = line.chars().filter(|c| is_han(*c)).count();
    page_width_str(line) <= 60
        && no_sentence(line)
        && han <= 16
        && marker(line).is_none()
        && (has_clock_time(line) || (has_numeric_date(line) && han > 0))
}

/// A row of buttons or links: two to six words of one to four characters
/// set apart by blanks, with no digits and no sentence ("收藏 分享(赏)").
pub(crate) fn is_menu_row(line: &str) -> bool {
    if line.len() > 120 || !line.contains(' ') {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && no_sentence(line)
        && !line.chars().any(|c| c.is_ascii_digit())
        && marker(line).is_none()
        && words.iter().all(|w| {
            let core: String = w
                .split(['(', '\u{FF08}'])
                .next()
                .unwrap_or_default()
                .to_string();
            let n = core.chars().count();
            (1..=4).contains(&n) && core.chars().all(is_han)
        })
        // A title or heading spaced out letter by letter is not a menu.
        && !words.iter().all(|w| w.chars().count() == 1)
}

/// A download box: a short line naming a file size ("大小:23.16KB",
/// "(128.5 KB)", "- 25.50 KB"), with no sentence.
pub(crate) fn is_file_line(line: &str) -> bool {
    if line.len() > 300 || page_width_str(line) > 100 || line.contains('。') {
        return false;
    }
    let upper = line.to_ascii_uppercase();
    let bytes = upper.as_bytes();
    ["KB", "MB", "GB", "K"].iter().any(|unit| {
        upper.match_indices(unit).any(|(at, _)| {
            let before = upper[..at].trim_end();
            let after_ok = bytes
                .get(at + unit.len())
                .is_none_or(|b| !b.is_ascii_alphabetic());
            after_ok && before.ends_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// A scrap of a page's widgets: a few characters with fewer than four
/// Chinese among them, no sentence, no numbering, not a label before a
/// colon ("顶 /踩", "赞(3)", "◎"). Report text is longer than that.
pub(crate) fn is_scrap(line: &str) -> bool {
    let han = line.chars().filter(|c| is_han(*c)).count();
    line.len() <= 40
        && han < 4
        && line.chars().count() <= 12
        && !line.ends_with([':', '\u{FF1A}', '。'])
        && marker(line).is_none()
        && !line.chars().all(|c| c.is_ascii_digit())
        && !super::fields::is_date_line(line)
}

/// A keyword line: a short label and a colon, then two or more short words
/// set apart by blanks, no sentence ("标签: 乡镇 总结 规划"). Words set
/// apart by commas are a report's own list.
pub(crate) fn is_keyword_line(line: &str) -> bool {
    if line.len() > 150 {
        return false;
    }
    let Some(at) = line.find([':', '\u{FF1A}']) else {
        return false;
    };
    let label = super::text::trim(&line[..at]);
    let rest = &line[at..];
    let rest = rest[rest.chars().next().map_or(0, char::len_utf8)..].trim();
    let words: Vec<&str> = rest
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    let n = label.chars().count();
    (2..=4).contains(&n)
        && label.chars().all(is_han)
        && words.len() >= 2
        && words.iter().all(|w| w.chars().count() <= 8)
        && !rest.contains('。')
}

/// A portal's name standing in the body ("某某区人民政府网站",
/// "某某门户"): all Chinese, short, ending on a word only a web site ends
/// on (not a bare 网, which ends 电网 and 管网 too).
pub(crate) fn is_portal_name(line: &str) -> bool {
    line.len() <= 120
        && line.chars().count() <= 30
        && line.chars().all(is_han)
        && ["网站", "门户", "政府网", "官网"]
            .iter()
            .any(|w| line.ends_with(w))
}

/// A note about the page wrapped around a link: "……(某网https://… 省略932字,
/// 正式会员可完整阅读)……". A sentence of the report does not hold a web
/// address inside ellipses or brackets.
pub(crate) fn is_site_note(line: &str) -> bool {
    if line.len() > 600 || !line.bytes().any(|b| matches!(b, b'h' | b'H' | b'w' | b'W')) {
        return false;
    }
    let lower = line.to_ascii_lowercase();
    let link = lower.contains("http") || lower.contains("www.");
    let wrapped = line.starts_with(['…', '(', '\u{FF08}', '[', '【', '〔']) || line.ends_with("……");
    link && wrapped && page_width_str(line) <= 200
}

/// A prompt to the reader standing between the title and the text: short,
/// with an exclamation but not a sentence of the report, or speaking to
/// "you" (您, 你, 亲, 请 at the start), or pointing at the page itself.
/// "您好!登录后即可查看全文", "亲,到这儿已超出…".
pub(crate) fn is_prompt(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let n = line.chars().count();
    let to_you =
        line.contains(['您', '你']) || line.starts_with(['亲', '请']) || talks_about_page(line);
    // An exclamation is the page's voice; a report's lead-in may lack its
    // end mark ("一年来,主要做了以下工作"), so a comma alone says nothing.
    let fragment = line.contains(['!', '\u{FF01}'])
        && !line.ends_with(['。', ':', '\u{FF1A}', ';', '\u{FF1B}']);
    n <= 50 && marker(line).is_none() && (to_you || fragment)
}

/// A short line that points at the page or document itself (本文, 本页,
/// 该文, 全文, 文档…) with no sentence end: a report does not speak of
/// itself so. "本文档只展示部分内容", "下载全文需…".
pub(crate) fn talks_about_page(line: &str) -> bool {
    line.len() <= 120
        && !line.ends_with(is_sentence_end)
        && ["本文", "本页", "该文", "此文", "全文", "文档"]
            .iter()
            .any(|w| line.contains(w))
}

/// A teaser under the title: a short label and a colon, then a sentence
/// about the page ("内容简介:本文…", "导语:…"). An address to the congress
/// (各位代表:) is not one.
pub(crate) fn is_teaser(line: &str, title: &str) -> bool {
    let Some(at) = line.find([':', '\u{FF1A}']) else {
        return false;
    };
    let label = &line[..at];
    let rest = &line[at..];
    let n = label.chars().count();
    (2..=5).contains(&n)
        && label.chars().all(is_han)
        && !label.starts_with("各位")
        && !label.starts_with("同志")
        && rest.chars().count() >= 10
        && marker(line).is_none()
        // About the page: it names the title, or points at the page or
        // its readers; a report's own label ("总体情况:今年以来…") does not.
        && (squash(rest).contains(&squash(title))
            || PAGE_WORDS.iter().any(|w| rest.contains(w)))
}

/// The report a sentence about the page names ("下面是小编为大家整理的
/// 街道工作总结及2023年工作思路,供大家参考。" → the words between the last 的
/// and the clause's end), when the sentence points at the page or its
/// readers and the name is a title.
pub(crate) fn title_named_by_page(line: &str) -> Option<String> {
    if line.chars().count() > 80 || !PAGE_WORDS.iter().any(|w| line.contains(w)) {
        return None;
    }
    line.split(|c: char| is_clause_end(c) || is_sentence_end(c))
        .find_map(|clause| {
            let name = clause.rsplit_once('的').map_or(clause, |(_, name)| name);
            let name = trim(name);
            crate::front::is_title_candidate(name).then(|| name.to_string())
        })
}

/// Words that point at a page or its readers, not at a township's work.
const PAGE_WORDS: &[&str] = &[
    "本文", "本篇", "本站", "该文", "此文", "全文", "文档", "网友", "小编", "读者",
];

/// Text without its blanks, to compare with a title.
pub(crate) fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How a line stands to the report's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TitleUse {
    /// Not about the title.
    None,
    /// The title again, perhaps twice or with a short label ("…计划一:…计划").
    Repeat,
    /// The title, then the report's text run on after it.
    RunOn,
    /// A sentence that names the title inside it: the page talking.
    Talk,
}

/// Does `line` repeat, run on from or talk about `title`? Titles shorter
/// than 8 characters are too common to tell.
pub(crate) fn title_use(line: &str, title: &str) -> TitleUse {
    // A line shorter than the title cannot hold it.
    if line.len() < title.len() / 2 {
        return TitleUse::None;
    }
    let (l, t) = (squash(line), squash(title));
    if t.chars().count() < 8 || !l.contains(&t) {
        return TitleUse::None;
    }
    let rest = l.replace(&t, "");
    if rest.chars().count() <= 4 {
        return TitleUse::Repeat;
    }
    if l.starts_with(&t) {
        let after = l[t.len()..].trim_start_matches(['…', '.', '.', ' ']);
        if after.starts_with(is_han) {
            return TitleUse::RunOn;
        }
    }
    // The report speaks in the first person (我代表…向大会作…政府工作报告);
    // a site speaks of the report in the third.
    if l.contains('我') {
        return TitleUse::None;
    }
    TitleUse::Talk
}

/// The text of a run-on line after the title (and the ellipsis or stray
/// stop a scraper left there).
pub(crate) fn after_title(line: &str, title: &str) -> String {
    let t = squash(title);
    let mut seen = String::new();
    for (at, c) in line.char_indices() {
        if !c.is_whitespace() {
            seen.push(c);
        }
        if seen == t {
            let rest = &line[at + c.len_utf8()..];
            return trim(rest.trim_start_matches(['…', '.', '.', ' '])).to_string();
        }
    }
    line.to_string()
}

/// Does the line stop in the middle of a sentence (no end mark, ends on a
/// character of text)?
pub(crate) fn stops_mid_sentence(line: &str) -> bool {
    line.chars()
        .last()
        .is_some_and(|c| is_han(c) || c.is_ascii_digit())
        && !line.ends_with(is_sentence_end)
}

/// How long a line before a chunk number is, at least, for the chunk to
/// go on with a word rather than a figure.
const LONG_CHUNK: usize = 150;

/// The length of a page-chunk number at the start of `line` ("2、", "12、"),
/// when the line continues the sentence the previous line broke off
/// (`previous` long and stopped mid-sentence; the chunk goes on with a
/// figure or a word), or the chunk holds the report's higher headings.
pub(crate) fn chunk_marker(line: &str, previous: Option<&str>) -> Option<usize> {
    // "2、", "12、": digits and a 、 (a chunk may start inside a figure, so
    // what follows is not checked the way numbering is).
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) || !line[digits..].starts_with('、') {
        return None;
    }
    let len = digits + '、'.len_utf8();
    let rest = &line[len..];
    let broke_off = previous.is_some_and(|p| p.chars().count() >= 60 && stops_mid_sentence(p));
    // The chunk goes on with a figure; or, after a chunk as long as a
    // sharing site's (no numbered item runs 150 characters without ending
    // its sentence), with the rest of a word (农|民人均纯收入).
    let long_chunk = previous.is_some_and(|p| p.chars().count() >= LONG_CHUNK);
    let continues =
        rest.starts_with(|c: char| c.is_ascii_digit()) || (long_chunk && rest.starts_with(is_han));
    // A chunk that holds 一、 or (一) after a sentence end is a page of text,
    // not one numbered item: items do not hold the chapters above them.
    let holds_chapters = line.chars().count() >= 200
        && line.char_indices().any(|(at, c)| {
            is_sentence_end(c) && {
                let after = &line[at + c.len_utf8()..];
                marker(after).is_some_and(|h| h.rank < baogao_report::marker::Rank::Item)
            }
        });
    ((broke_off && continues) || holds_chapters).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps() {
        assert!(is_stamp_line("2019/5/6 10:01:02 阅读:"));
        assert!(is_stamp_line("日期:2020-01-02 08:30 分类 我来投稿"));
        assert!(is_stamp_line("范文大全 更新于:2011/9/30"));
        assert!(!is_stamp_line("2024年1月18日"));
        assert!(!is_stamp_line("比例由22:35:43调整为20:40:40。"));
        assert!(!is_stamp_line("2021-06-08"));
    }

    #[test]
    fn menus_files_notes() {
        assert!(is_menu_row("点赞 转发 评论"));
        assert!(is_menu_row("打印 关闭(窗口)"));
        assert!(!is_menu_row("政 府 工 作 报 告"));
        assert!(!is_menu_row("一、 主要成绩"));
        assert!(is_file_line("(128.5 KB)"));
        assert!(is_file_line("格式:PDF 大小:1.2MB 页数:3"));
        assert!(is_file_line("文件大小:35.6K"));
        assert!(!is_file_line("建设15mw电站"));
        assert!(is_scrap("赞(3) / 踩"));
        assert!(is_keyword_line("标签: 乡镇 工作总结 乡村振兴"));
        assert!(is_portal_name("某某区人民政府网站"));
        assert!(!is_portal_name("加快建设农村电网"));
        assert!(is_keyword_line("热词: 防汛 安全生产 秸秆禁烧"));
        // Words a report lists after a label are its text.
        assert!(!is_keyword_line("工作思路:稳增长,促改革,惠民生"));
        assert!(!is_keyword_line("各位代表:"));
        assert!(!is_keyword_line(
            "主要任务:抓项目,促投资,全年完成投资5亿元。"
        ));
        assert!(!is_scrap("同志们:"));
        assert!(!is_scrap("2023"));
        assert!(!is_file_line("建成5G基站12个。"));
        assert!(is_site_note("……(见某某网 http://a.b/c 隐去500字)……"));
        assert!(!is_site_note("详见http://a.b"));
    }

    #[test]
    fn title_uses() {
        let t = "某某镇2020年工作总结";
        assert_eq!(title_use("某某镇2020年工作总结(2篇)", t), TitleUse::Repeat);
        assert_eq!(
            title_use("某某镇2020年工作总结二:某某镇2020年工作总结", t),
            TitleUse::Repeat
        );
        assert_eq!(
            title_use("某某镇2020年工作总结 ….今年以来,全镇上下", t),
            TitleUse::RunOn
        );
        assert_eq!(
            after_title("某某镇 2020 年工作总结 ….今年以来", t),
            "今年以来"
        );
        assert_eq!(
            title_use("本站为您精选了某某镇2020年工作总结,欢迎阅读。", t),
            TitleUse::Talk
        );
        assert_eq!(title_use("今年以来,全镇上下", t), TitleUse::None);
        assert_eq!(
            title_use(
                "现在,我代表镇人民政府向大会作某某镇2020年工作总结,请予审议。",
                t
            ),
            TitleUse::None
        );
    }

    #[test]
    fn a_sentence_about_the_page_names_the_report() {
        assert_eq!(
            title_named_by_page("下面是小编为大家整理的街道工作总结及2023年工作思路,供大家参考。")
                .as_deref(),
            Some("街道工作总结及2023年工作思路")
        );
        // About the work, or naming no report: nothing.
        assert_eq!(title_named_by_page("今年以来,全镇上下团结一心。"), None);
        assert_eq!(title_named_by_page("本文共3页,欢迎下载。"), None);
    }

    #[test]
    fn chunks() {
        let long = "全年完成地区生产总值".repeat(8);
        assert_eq!(chunk_marker("3、5亿元,同比增长", Some(&long)), Some(4));
        assert_eq!(chunk_marker("3、加强党建。", Some(&long)), None);
        assert_eq!(chunk_marker("3、5亿元", Some("上年。")), None);
        // After a sharing site's long chunk, a word broken across the seam.
        let chunk = "农民人均纯收入稳步增长全镇上下团结一心".repeat(8) + "中国晚";
        assert_eq!(
            chunk_marker("3、熟龙眼展示区项目建设", Some(&chunk)),
            Some(4)
        );
        assert_eq!(chunk_marker("3、熟龙眼展示区项目建设", Some(&long)), None);
    }
}
