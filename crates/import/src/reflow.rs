//! Repair what text extraction did to the lines of a report.
//!
//! Two shapes come out of PDFs and careless scrapers: a whole report on one
//! giant line (the page's line breaks turned into spaces), and hard line
//! breaks every ~28 characters, inside words. Both are the same thing — a
//! page's physical lines — so a giant line is first cut back into its lines,
//! and then, if most lines stop mid-sentence, lines are joined into
//! paragraphs: a paragraph ends where a line ends a sentence short of the
//! full line width, or where a heading stands.

use super::text::{
    COLONS, COMMAS, SEMICOLONS, ends_sentence, is_ascii_cjk_stand_in, is_cjk, is_clause_end,
    is_han, is_sentence_end, page_width_str, remove_cjk_spaces, starts_chinese_word, trim,
};
use crate::declared::DeclaredHeadings;
use baogao_report::marker::{Rank, marker, shi_item};

/// A line at least this long (in chars and bytes) with Chinese-text spaces
/// in it is cut at those spaces; so is a shorter one with inline headings.
const GIANT_LINE: usize = 300;

/// Cut giant lines at the spaces that stand in Chinese text (not those
/// between Latin words). Other lines pass through.
pub(crate) fn split_giant_lines(lines: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let long = line.len() >= GIANT_LINE && line.chars().count() >= GIANT_LINE;
        if !long && inline_headings(&line) < 2 {
            out.extend(
                cut_before_run_in_headings(line, 2)
                    .into_iter()
                    .flat_map(cut_before_numbered_run),
            );
            continue;
        }
        // Cut at spaces below, the pieces may hold one run-in heading each:
        // counted over the whole line, two or more are a flattened outline.
        let run_in = run_in_heading_starts(&line).len();
        // A PDF page's lines also break before numbers ("资金 2.1亿元"); in
        // text that only lost its line breaks, a number inside a sentence
        // ("增长 12.3 %") is not a line start.
        let mut cuts = cut_at_chinese_spaces(&line, true);
        if broken_line_width(&cuts).is_none() {
            cuts = cut_at_chinese_spaces(&line, false);
        }
        if cuts.len() < 3 {
            cuts = vec![line];
        }
        let least = if run_in >= 2 { 1 } else { 2 };
        out.extend(
            cuts.into_iter()
                .flat_map(|cut| cut_before_run_in_headings(cut, least))
                .flat_map(cut_before_numbered_run),
        );
    }
    out
}

/// "…如下:1 .加强学习,…两万余字2 .狠抓发展,…": a body flattened into one
/// line whose numbered headings run on from the text before them, with no
/// sentence end or space to cut at. Where 1, 2, 3… stand in order inside a
/// long line, each followed by a separator and Chinese text, the line is cut
/// before each (and "1 ." closed up to "1.").
fn cut_before_numbered_run(line: String) -> Vec<String> {
    // The run starts at 1: a line without "1." (or "1 .", "1、") has none.
    let starts = ["1.", "1 .", "1、", "1．", "1 、"];
    if line.len() < 150 || !starts.iter().any(|s| line.contains(s)) {
        return vec![line];
    }
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut candidates: Vec<(usize, u32, usize)> = Vec::new();
    for k in 0..chars.len() {
        let (at, c) = chars[k];
        if !c.is_ascii_digit() || k == 0 {
            continue;
        }
        let before = chars[k - 1].1;
        if before.is_ascii_alphanumeric() || matches!(before, '.' | '．' | '-' | '/') {
            continue;
        }
        let mut j = k;
        while chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit()) {
            j += 1;
        }
        if j - k > 2 {
            continue;
        }
        let number: u32 = line[at..chars.get(j).map_or(line.len(), |(b, _)| *b)]
            .parse()
            .unwrap_or(0);
        let spaced = chars.get(j).is_some_and(|(_, c)| *c == ' ');
        let sep_at = if spaced { j + 1 } else { j };
        let separator = chars
            .get(sep_at)
            .is_some_and(|(_, c)| matches!(c, '.' | '．' | '、'));
        let text = chars.get(sep_at + 1).is_some_and(|(_, c)| is_han(*c));
        if separator && text {
            let space_at = if spaced { chars[j].0 } else { usize::MAX };
            candidates.push((at, number, space_at));
        }
    }
    let mut chain: Vec<(usize, usize)> = Vec::new();
    let mut next = 1;
    for &(at, number, space_at) in &candidates {
        if number == next {
            chain.push((at, space_at));
            next += 1;
        }
    }
    if chain.len() < 3 {
        return vec![line];
    }
    let mut pieces = Vec::with_capacity(chain.len() + 1);
    let mut from = 0;
    for (at, _) in &chain {
        pieces.push(line[from..*at].to_string());
        from = *at;
    }
    pieces.push(line[from..].to_string());
    // Each piece but the first starts with its number: "1 .加强" → "1.加强".
    for piece in pieces.iter_mut().skip(1) {
        let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
        if piece[digits..].starts_with(" .")
            || piece[digits..].starts_with(" ．")
            || piece[digits..].starts_with(" 、")
        {
            piece.remove(digits);
        }
    }
    pieces.retain(|p| !trim(p).is_empty());
    pieces
}

/// Where headings (down to `（一）`) follow a sentence end inside `line`.
fn run_in_heading_starts(line: &str) -> Vec<usize> {
    line.char_indices()
        .filter(|(_, c)| is_sentence_end(*c))
        .map(|(at, c)| at + c.len_utf8())
        .filter(|&at| marker(&line[at..]).is_some_and(|m| m.rank <= Rank::Section))
        .collect()
}

/// "…新成效。一、经济发展全镇…。二、社会事业…": a text that lost every line
/// break and space. Where `least` or more headings (two, unless the line is a
/// piece of one that had two) follow a sentence end inside one line, the
/// line is cut before each.
fn cut_before_run_in_headings(line: String, least: usize) -> Vec<String> {
    let mut starts = run_in_heading_starts(&line);
    if starts.is_empty() || starts.len() < least {
        return vec![line];
    }
    // "一、2020年工作总结(一)疫情防控…": a heading run on into its first child.
    let firsts: Vec<usize> = std::iter::once(0)
        .chain(starts.iter().copied())
        .filter_map(|at| first_child_start(&line[at..]).map(|child| at + child))
        .collect();
    starts.extend(firsts);
    starts.sort_unstable();
    starts.dedup();
    starts.retain(|&at| at > 0);
    let mut pieces = Vec::with_capacity(starts.len() + 1);
    let mut from = 0;
    for at in starts {
        pieces.push(line[from..at].to_string());
        from = at;
    }
    pieces.push(line[from..].to_string());
    pieces
}

/// Where the first child's marker starts inside a heading run on into it
/// (`一、2020年工作总结(一)疫情防控常态开展。`): a marker numbered 1, one rank
/// or more further in, after 2 to 30 characters of heading with no sentence
/// or clause end.
fn first_child_start(text: &str) -> Option<usize> {
    let outer = marker(text)?;
    let heading = &text[outer.len..];
    heading
        .char_indices()
        .take(31)
        .take_while(|(_, c)| !is_sentence_end(*c) && !is_clause_end(*c))
        .skip(2)
        .find(|(at, _)| {
            marker(&heading[*at..])
                .is_some_and(|child| child.rank > outer.rank && child.number == 1)
        })
        .map(|(at, _)| outer.len + at)
}

/// How many outline markers stand inside the line after a space
/// ("… 一、主要工作 … （一）抓产业"): two or more mean a flattened report.
fn inline_headings(line: &str) -> usize {
    line.match_indices(' ')
        .filter(|(at, _)| marker(line[at + 1..].trim_start()).is_some())
        .count()
}

/// Cut a line at each run of spaces where Chinese text stops and Chinese
/// text, a number or an outline marker starts; not around breadcrumb arrows,
/// table bars or inside Latin text.
fn cut_at_chinese_spaces(line: &str, before_numbers: bool) -> Vec<String> {
    // A list bullet (•) belongs to the item after it: never cut around it.
    let chinese = |c: char| (is_cjk(c) || is_ascii_cjk_stand_in(c)) && c != '•';
    let mut cuts = Vec::new();
    let mut piece_start = 0;
    let mut prev: Option<char> = None;
    let mut iter = line.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if c != ' ' {
            prev = Some(c);
            continue;
        }
        while iter.peek().is_some_and(|(_, c)| *c == ' ') {
            iter.next();
        }
        let Some(&(next_at, next)) = iter.peek() else {
            break;
        };
        let rest = &line[next_at..];
        // "政 府 工 作 报 告", "索 引 号:": text spaced out letter by letter.
        let single = |word: &str| word.trim_end_matches(COLONS).chars().count() == 1;
        let last_word = line[piece_start..at].rsplit(' ').next().unwrap_or("");
        if single(last_word) && rest.split(' ').next().is_some_and(single) {
            prev = Some(c);
            continue;
        }
        let starts_heading = || marker(rest).is_some();
        // Unless told otherwise, a number starts a new line only after a
        // clause ends or a title or heading: "截止 10 月底" is text that
        // writes numbers apart.
        let clause_end = prev.is_some_and(|p| is_sentence_end(p) || is_clause_end(p));
        let headline = || {
            let piece = &line[piece_start..at];
            !piece.contains(|c: char| is_sentence_end(c) || is_clause_end(c))
                && (marker(piece).is_some() || super::front::is_title_candidate(piece))
        };
        let number_starts = next.is_ascii_digit() && (clause_end || before_numbers || headline());
        let word_starts = !next.is_ascii_digit() && starts_chinese_word(rest);
        // "上传者:wk_1 日期:2020-07-15 今年上半年…": metadata ends where text starts.
        let after_metadata = || {
            prev.is_some_and(|p| p.is_ascii_digit())
                && is_han(next)
                && super::fields::parse_meta_line(&line[piece_start..at]).is_some()
        };
        if prev.is_some_and(chinese) && (chinese(next) || number_starts || word_starts)
            || prev.is_some_and(|p| !p.is_ascii_alphanumeric()) && starts_heading()
            || after_metadata()
        {
            cuts.push(line[piece_start..at].to_string());
            piece_start = next_at;
        }
        prev = Some(c);
    }
    cuts.push(trim(&line[piece_start..]).to_string());
    cuts.retain(|c| !c.is_empty());
    cuts
}

/// Does a line stop in the middle of a sentence?
fn stops_mid_sentence(line: &str) -> bool {
    !ends_sentence(line) && !line.ends_with(COLONS) && !line.ends_with(SEMICOLONS)
}

/// A PDF's full line is at least this wide (in cells: 20 Chinese
/// characters); shorter lines that stop mid-sentence are table rows or
/// labels, not evidence of broken text.
const MIN_PAGE_LINE: usize = 40;

/// If most full-width lines stop mid-sentence, the text is a PDF's (or a
/// page's) physical lines: the width of a full line. `None` for ordinary
/// text. Short lines (a paragraph's last line, a table row) and bare
/// headings say nothing either way; a run-in heading line with a sentence
/// in it counts like text ("（一）经济运行稳中向好。全年实现…同比增").
/// Do these lines look like a PDF's, broken every so many characters?
pub(crate) fn looks_broken<S: AsRef<str>>(lines: &[S]) -> bool {
    broken_line_width(lines).is_some()
}

fn broken_line_width<S: AsRef<str>>(lines: &[S]) -> Option<usize> {
    let full: Vec<&str> = lines
        .iter()
        .map(AsRef::as_ref)
        .filter(|l| {
            page_width_str(l) >= MIN_PAGE_LINE
                && (marker(l).is_none() || l.contains(is_sentence_end))
        })
        .collect();
    let broken: Vec<&str> = full
        .iter()
        .copied()
        .filter(|l| stops_mid_sentence(l))
        .collect();
    // Numbered items that end in a label ("…。牵头单位:经济发展办") are not
    // broken lines: plain text lines must be broken too.
    let plain_broken = broken.iter().filter(|l| marker(l).is_none()).count();
    let widths: Vec<usize> = broken.iter().map(|l| page_width_str(l)).collect();
    (broken.len() >= 3 && plain_broken >= 2 && broken.len() * 10 >= full.len() * 4)
        .then(|| median(widths))
}

/// Turn body lines into paragraphs: one per line, or, for text whose lines
/// were broken mid-sentence, joined back together, with the spaces the
/// extraction left inside Chinese text removed. Ordinary text keeps its
/// spaces (table cells, names side by side).
pub(crate) fn paragraphs(lines: &[String], declared: &DeclaredHeadings) -> Vec<String> {
    let non_empty: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).collect();
    let Some(full_width) = broken_line_width(lines) else {
        return non_empty.into_iter().cloned().collect();
    };
    let spaced_numbers = numbers_are_spaced(&non_empty);
    join_lines(lines, full_width, spaced_numbers, declared)
        .iter()
        .map(|p| remove_cjk_spaces(p, !spaced_numbers))
        .filter(|p| !p.is_empty())
        .collect()
}

fn median(mut widths: Vec<usize>) -> usize {
    widths.sort_unstable();
    widths[widths.len() / 2]
}

/// Does the text write numbers apart from Chinese ("2019 年", "1.3 亿元")?
/// Then a number broken from its unit at a line end is joined with a space.
fn numbers_are_spaced(lines: &[&String]) -> bool {
    let (mut spaced, mut tight) = (0usize, 0usize);
    for line in lines {
        let chars: Vec<char> = line.chars().collect();
        for w in chars.windows(2) {
            if w[0].is_ascii_digit() && is_han(w[1]) || is_han(w[0]) && w[1].is_ascii_digit() {
                tight += 1;
            }
        }
        for w in chars.windows(3) {
            if w[1] == ' '
                && (w[0].is_ascii_digit() && is_han(w[2]) || is_han(w[0]) && w[2].is_ascii_digit())
            {
                spaced += 1;
            }
        }
    }
    spaced > tight
}

fn join_lines(
    lines: &[String],
    full_width: usize,
    spaced_numbers: bool,
    declared: &DeclaredHeadings,
) -> Vec<String> {
    let short = full_width.saturating_sub(3);
    let mut out = Vec::new();
    let mut current = String::new();
    for line in lines {
        if line.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        // A heading the document declared is a paragraph of its own,
        // whatever its width says.
        if declared.get(line).is_some() {
            flush(&mut current, &mut out);
            out.push(line.clone());
            continue;
        }
        // So does a paragraph that opens with a declared bold lead-in start.
        if declared.lead_len(line).is_some() {
            flush(&mut current, &mut out);
        }
        // A line that starts a paragraph is indented, so shorter than a full
        // line, though it does not end one: after a sentence end, it starts
        // a new paragraph.
        let indented = page_width_str(line) < short && !ends_sentence(line);
        if indented && ends_sentence(&current) {
            flush(&mut current, &mut out);
        }
        let starts_item = marker(line).is_some() || shi_item(line).is_some();
        if starts_item
            && (current.is_empty() || ends_sentence(&current) || current.ends_with(COLONS))
        {
            flush(&mut current, &mut out);
        }
        if let (Some(a), Some(b)) = (current.chars().last(), line.chars().next()) {
            let latin = |c: char| c.is_ascii_alphanumeric() || c == '%';
            if (latin(a) && latin(b))
                || (spaced_numbers && (latin(a) && is_han(b) || is_han(a) && latin(b)))
            {
                current.push(' ');
            }
        }
        current.push_str(line);
        // A line that kept a space (before a number, around a Latin word)
        // may hold two physical lines: the last one tells where it ends.
        let width = page_width_str(line.rsplit(' ').next().unwrap_or(line));
        let ends_paragraph = ends_sentence(line) && width < short;
        // A bare heading line ends its paragraph; a run-in one goes on.
        let whole_heading = marker(line).is_some()
            && !line.contains(is_sentence_end)
            && width < short
            && stops_mid_sentence(line)
            && !line.ends_with(COMMAS)
            && !line.ends_with('、');
        // A short line with no punctuation at all, far from the full width,
        // stands alone: a part line (2016年工作总结) that a PDF sets apart by
        // space only, which the text extraction loses.
        let stands_alone = width * 2 < full_width
            && line.chars().count() <= 30
            && !line.contains(|c: char| is_sentence_end(c) || is_clause_end(c))
            && !line.ends_with(COMMAS)
            && !line.ends_with('、');
        if ends_paragraph || whole_heading || stands_alone {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owned(lines: &[&str]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn pdf_lines_are_joined() {
        let lines = owned(&[
            "2019 年,xx 镇党委、政府在市委、市政府的坚强领导下,",
            "围绕年初确定的目标任务,按照“一带一园五区”的发展布",
            "局,强化责任,狠抓落实,双招双引、特色亮点、乡村振兴、",
            "发展、社会进步、人民安居乐业、社会和谐稳定的良好态势。",
            "一、经济建设成效显著",
            "镇域经济发展迅猛,截止 10 月底,实现工业总产值 23",
            "亿元,同比增长 4.65%;工业增加值 1.2 亿元,同比增长 3.09%;",
            "7352 万元,同比增长 48.5%。",
        ]);
        let p = paragraphs(&lines, &DeclaredHeadings::default());
        assert_eq!(p.len(), 3, "{p:#?}");
        assert!(p[0].contains("发展布局,强化责任"));
        assert_eq!(p[1], "一、经济建设成效显著");
        assert!(p[2].contains("总产值 23 亿元"), "{}", p[2]);
    }

    #[test]
    fn ordinary_lines_stay_paragraphs() {
        let lines = owned(&[
            "一、工作回顾",
            "",
            "今年以来,我镇 坚持发展。",
            "(一)加强领导,落实责任。",
        ]);
        assert_eq!(
            paragraphs(&lines, &DeclaredHeadings::default()),
            // Ordinary text keeps its own spaces (table cells, names side by side).
            vec![
                "一、工作回顾",
                "今年以来,我镇 坚持发展。",
                "(一)加强领导,落实责任。"
            ]
        );
    }

    #[test]
    fn giant_line_is_cut_at_chinese_spaces() {
        let body = "现在,我代表镇人民政府向大会报告工作,请各位代 表审议。 ".repeat(20);
        let line = format!("各位代表: {body}一是 CFL 项目");
        let cut = split_giant_lines(vec![line]);
        assert!(cut.len() > 20);
        assert_eq!(cut[0], "各位代表:");
        assert_eq!(cut.last().map(String::as_str), Some("一是 CFL 项目"));
    }
}
#[cfg(test)]
mod numbered_run_tests {
    use super::*;

    #[test]
    fn a_flattened_numbered_body_is_cut_before_each_number() {
        let line = format!(
            "现将工作报告如下:1 .加强学习,提升能力{}2 .狠抓发展,推动增长{}3 .关注民生,办好实事{}",
            "本人坚持学习".repeat(10),
            "全年引进项目".repeat(10),
            "新建场所四处".repeat(10)
        );
        let pieces = cut_before_numbered_run(line);
        assert_eq!(pieces.len(), 4, "{pieces:#?}");
        // A figure just before the number ("增长7%3 .关注…") does not hide it.
        let line = format!(
            "如下:1 .甲项工作{}增长7%2 .乙项工作{}增长9%3 .丙项工作{}",
            "乙".repeat(60),
            "丙".repeat(60),
            "丁".repeat(60)
        );
        assert_eq!(cut_before_numbered_run(line).len(), 4);
        assert!(pieces[1].starts_with("1.加强学习"));
        assert!(pieces[3].starts_with("3.关注民生"));
    }
}
