//! Pages whose text a PDF converter broke into fragments: every run of Latin
//! letters or figures, and every change of font, on a line of its own
//! (`XX` / `镇` / `2023` / `年政府工作报告`, `请` / `予审` / `议，…`). Their
//! fragments are too short for the short-line rules that drop a page's
//! scraps, and too uneven for the line joining of `reflow.rs`, which expects
//! lines of one width: they are joined back first, before any other stage
//! sees them.

use super::text::{COLONS, ends_sentence, is_sentence_end};
use baogao_report::marker::marker;

/// How short a fragment is, at most, in characters.
const FRAGMENT: usize = 4;

/// Whether `lines` look broken into fragments: 20 lines or more, at least
/// three in ten of them fragments, and at most four in ten ending a sentence.
fn fragmented(lines: &[String]) -> bool {
    let filled: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).collect();
    let n = filled.len();
    let short = filled
        .iter()
        .filter(|l| l.chars().count() <= FRAGMENT)
        .count();
    let ended = filled.iter().filter(|l| ends_sentence(l)).count();
    n >= 20 && short * 10 >= n * 3 && ended * 10 <= n * 4
}

/// Does a line stand on its own: it ends a sentence or opens a list (a
/// colon), or it is a numbered heading (a marker with some text, short and
/// with no sentence in it)?
fn stands_alone(line: &str) -> bool {
    let heading = marker(line).is_some_and(|m| {
        let text = &line[m.len..];
        !text.is_empty() && line.chars().count() <= 30 && !text.contains(is_sentence_end)
    });
    ends_sentence(line) || line.ends_with(COLONS) || heading
}

/// The page's lines with its fragments joined back into lines; a page that
/// does not look fragmented comes back as it was.
pub(crate) fn join_fragments(lines: Vec<String>) -> Vec<String> {
    if !fragmented(&lines) {
        return lines;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut open = false;
    let mut first = true;
    for line in lines.into_iter().filter(|l| !l.is_empty()) {
        // A numbered heading starts a line of its own.
        let starts_heading = marker(&line).is_some_and(|m| line.len() > m.len);
        match out.last_mut() {
            Some(last) if open && !starts_heading => {
                last.push_str(&line);
                // A line made of fragments goes on to its sentence's end,
                // though it opens with a marker ("1." then "特色农业提");
                // the page's first line, to the word naming the report.
                let title_ends = first && super::front::ends_naming_a_report(last);
                open = !(ends_sentence(last) || last.ends_with(COLONS) || title_ends);
            }
            _ => {
                open = !stands_alone(&line);
                out.push(line);
            }
        }
        first = out.len() == 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn fragments_are_joined_and_headings_stand_alone() {
        let page = "XX\n镇\n2023\n年政府工作报告\n各位代表：\n现在，我代表\nXX\n镇人民政府向大会报告工作，请\n予审\n议。\n一、2023年工作回顾\n今年以来，\nXX\n镇经济平稳\n发展\n。\n（一）经济运行稳中有升\n前三季度，完成产值\nXX\n亿元，增长\n5%\n；\n1—10\n月份，完成投资\nXX\n万元。\n（二）乡村振兴固本强基\n1.\n特色农业提\n质扩量\n。";
        assert_eq!(
            join_fragments(lines(page)),
            [
                "XX镇2023年政府工作报告",
                "各位代表：",
                "现在，我代表XX镇人民政府向大会报告工作，请予审议。",
                "一、2023年工作回顾",
                "今年以来，XX镇经济平稳发展。",
                "（一）经济运行稳中有升",
                "前三季度，完成产值XX亿元，增长5%；1—10月份，完成投资XX万元。",
                "（二）乡村振兴固本强基",
                "1.特色农业提质扩量。",
            ]
        );
    }

    #[test]
    fn a_page_of_whole_lines_is_left_alone() {
        let page: Vec<String> = (0..30)
            .map(|i| format!("第{i}段，全镇各项工作稳步推进，取得新的成效。"))
            .collect();
        assert_eq!(join_fragments(page.clone()), page);
    }
}
