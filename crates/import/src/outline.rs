//! Outline detection: paragraphs → preamble and a tree of sections.
//!
//! Each paragraph is either body text or a heading with a [`Rank`]. Numbered
//! headings rank by their marker; two unnumbered kinds are recognised by
//! shape: a short line with no sentence punctuation (a part heading such as
//! "2020年工作回顾") and a one-sentence slogan line standing alone inside a
//! section ("一年来,我们…,经济建设取得新成效。"). The tree is built by rank
//! alone, so skipped levels and missing outer levels still give a tree.
//! A heading the document itself declared (a web page's `<h2>`, a Word
//! heading style, a paragraph wholly in bold; `declared.rs`) is a heading
//! even unnumbered, ranked against the numbered ones of its level.
//! Paragraph-leading 一是/二是 items then become child sections where a
//! section has no numbered children.

mod declared;

use super::items::split_shi_items;
use super::text::{
    COLONS, COMMAS, SEMICOLONS, is_clause_end, is_han, is_sentence_end, starts_chinese_word, trim,
};
use crate::declared::{Declared, DeclaredHeadings};
use baogao_report::marker::{Rank, marker, shi_item};
use baogao_report::model::Section;
use declared::{LevelRanks, rank_bold, rank_declared};
use std::collections::{HashMap, HashSet};

/// A paragraph after classification.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// A heading, with the number its marker carries (none when unnumbered).
    Heading(Rank, Option<u32>, String),
    Text(String),
}

/// The preamble and top-level sections of a report body.
pub(crate) fn build_outline(
    paragraphs: Vec<String>,
    declared: &DeclaredHeadings,
) -> (Vec<String>, Vec<Section>) {
    let pieces = classify(paragraphs, declared);
    let (mut preamble, mut sections) = assemble(pieces);
    for section in &mut sections {
        apply_items(section);
    }
    if sections.is_empty() {
        let (lead, items) = split_shi_items(std::mem::take(&mut preamble));
        preamble = lead;
        sections = items;
    }
    (preamble, sections)
}

fn classify(paragraphs: Vec<String>, declared: &DeclaredHeadings) -> Vec<Piece> {
    let mut pieces = Vec::with_capacity(paragraphs.len());
    // Headings the document declared with no number: their piece, and what
    // was declared; ranked once all numbered ones are known.
    let mut unnumbered: Vec<(usize, Declared)> = Vec::new();
    let mut level_ranks = LevelRanks::default();
    // The items of an attachment list ("附件:1.… 2.…") are not headings.
    let mut in_attachments = false;
    let mut paragraphs = paragraphs.into_iter().peekable();
    while let Some(paragraph) = paragraphs.next() {
        // "一是经济发展稳中向好。" alone, with "1.…" items under it: a heading
        // one level above its items.
        if let Some((number, _)) = shi_item(&paragraph)
            && let Some(child) = paragraphs
                .peek()
                .and_then(|next| marker(next))
                .filter(|m| m.number == 1)
            && paragraph.chars().count() <= 30
            && paragraph.chars().filter(|c| is_sentence_end(*c)).count() <= 1
        {
            pieces.push(Piece::Heading(
                rank_above(child.rank),
                Some(number),
                paragraph,
            ));
            continue;
        }
        let appendix = super::cruft::is_attachment_note(&paragraph);
        in_attachments |= appendix;
        // "名词解释", "附件" standing alone head an appendix of their own.
        if appendix && is_part_line(&paragraph) {
            pieces.push(Piece::Heading(Rank::Part, None, paragraph));
            continue;
        }
        let said = declared.get(&paragraph);
        match marker(&paragraph).filter(|_| !in_attachments) {
            Some(m) => {
                if let Some(Declared::Level(level)) = said {
                    level_ranks.numbered(level, m.rank);
                }
                let (heading, rest) = split_run_in(&paragraph, m.len);
                pieces.push(Piece::Heading(m.rank, Some(m.number), heading));
                if let Some(rest) = rest {
                    pieces.push(Piece::Text(rest));
                }
            }
            None if in_attachments || shi_item(&paragraph).is_some() => {
                pieces.push(Piece::Text(paragraph));
            }
            None => {
                if let Some(said) = said {
                    unnumbered.push((pieces.len(), said));
                    pieces.push(Piece::Heading(Rank::Part, None, paragraph));
                } else if let Some(end) = declared.lead_len(&paragraph) {
                    // A bold lead-in: a run-in heading, the rest its text.
                    unnumbered.push((pieces.len(), Declared::Bold));
                    pieces.push(Piece::Heading(
                        Rank::Part,
                        None,
                        paragraph[..end].to_string(),
                    ));
                    pieces.push(Piece::Text(trim(&paragraph[end..]).to_string()));
                } else {
                    pieces.push(Piece::Text(paragraph));
                }
            }
        }
    }
    rank_declared(&mut pieces, &unnumbered, &level_ranks);
    // Unnumbered headings need their neighbours to be recognised. `open` is
    // the rank of the innermost heading so far, and whether it was numbered.
    let mut open: Option<(Rank, bool)> = None;
    let mut parts = 0;
    for i in 0..pieces.len() {
        let rank = match &pieces[i] {
            Piece::Heading(rank, number, _) => {
                open = Some((*rank, number.is_some()));
                continue;
            }
            // "【经济发展】": a label in brackets is a part heading of its own accord.
            Piece::Text(text)
                if is_part_line(text)
                    && (part_fits(pieces.get(i + 1), open, parts + usize::from(text.starts_with('【') && text.ends_with('】')))
                        || opens_numbering_after_lead_in(&pieces[i + 1..])) =>
            {
                parts += 1;
                Rank::Part
            }
            Piece::Text(text)
                // A slogan follows its section's opening text and leads text.
                if i > 0
                    && matches!(pieces[i - 1], Piece::Text(_))
                    && matches!(pieces.get(i + 1), Some(Piece::Text(next)) if opens_with_topic(next))
                    && open.is_some_and(|(r, _)| r < Rank::Section)
                    && is_slogan_line(text) =>
            {
                Rank::Section
            }
            // "农业生产稳中提质" standing alone between two paragraphs inside a
            // numbered chapter: an unnumbered heading one level further in.
            Piece::Text(text)
                if i > 0
                    && text.chars().count() <= 20
                    && is_part_line(text)
                    && matches!(&pieces[i - 1], Piece::Text(prev) if prev.ends_with(is_sentence_end))
                    && matches!(pieces.get(i + 1), Some(Piece::Text(next))
                        if next.chars().count() >= 40 && next.ends_with(is_sentence_end))
                    && open.is_some_and(|(r, numbered)| numbered && r <= Rank::Chapter) =>
            {
                open.map_or(Rank::Section, |(r, _)| rank_below(r))
            }
            // "抗疫情,奋力保障群众安全" right under "一、…", whose numbered
            // children start at "(二)": their first, its "(一)" lost by the
            // page.
            Piece::Text(text)
                if i > 0
                    && matches!(&pieces[i - 1], Piece::Heading(_, Some(_), _))
                    && is_headline(text)
                    && open.is_some_and(|(r, _)| first_child_is_second(&pieces[i + 1..], r)) =>
            {
                open.map_or(Rank::Section, |(r, _)| rank_below(r))
            }
            Piece::Text(_) => continue,
        };
        if let Piece::Text(text) = std::mem::replace(&mut pieces[i], Piece::Text(String::new())) {
            pieces[i] = Piece::Heading(rank, None, text);
        }
        if rank == Rank::Part {
            open = Some((rank, false));
        }
    }
    // Bold says no level: ranked against the headings around it, the
    // unnumbered ones found by shape just above included.
    rank_bold(&mut pieces, &unnumbered);
    promote_parallel_slogans(&mut pieces);
    pieces
}

/// "过去的五年,是我镇…的五年。" twice in a section, one taken as a slogan
/// heading: a slogan line standing alone that opens with the same words as a
/// slogan heading is its sibling, whatever text follows it.
fn promote_parallel_slogans(pieces: &mut [Piece]) {
    // Two or more slogan lines standing alone between paragraphs, opening
    // with the same words ("一年来,我们…。" twice): parallel headings, even
    // when the text under them opens with no short topic sentence.
    let standing: Vec<(usize, String, String)> = (1..pieces.len().saturating_sub(1))
        .filter_map(|i| {
            // After a heading or a whole sentence: not the tail of a
            // sentence a PDF broke.
            let after_whole = match &pieces[i - 1] {
                Piece::Text(prev) => prev.ends_with(is_sentence_end),
                Piece::Heading(..) => true,
            };
            match (&pieces[i], &pieces[i + 1]) {
                (Piece::Text(text), Piece::Text(_)) if after_whole && is_slogan_line(text) => {
                    Some((i, text.chars().take(4).collect(), text.clone()))
                }
                _ => None,
            }
        })
        .collect();
    // Two different lines per opening: a page printed twice is not a
    // parallel. Counted in one pass, so a long page stays linear.
    let mut texts_by_head: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (_, head, text) in &standing {
        texts_by_head.entry(head).or_default().insert(text);
    }
    let promote: Vec<usize> = standing
        .iter()
        .filter(|(_, head, _)| {
            texts_by_head
                .get(head.as_str())
                .is_some_and(|t| t.len() >= 2)
        })
        .map(|(i, _, _)| *i)
        .collect();
    for i in promote {
        if let Piece::Text(text) = std::mem::replace(&mut pieces[i], Piece::Text(String::new())) {
            pieces[i] = Piece::Heading(Rank::Section, None, text);
        }
    }
    let slogans: HashMap<String, Rank> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Heading(rank, None, text) if is_slogan_line(text) => {
                Some((text.chars().take(4).collect(), *rank))
            }
            _ => None,
        })
        .collect();
    if slogans.is_empty() {
        return;
    }
    for i in 1..pieces.len() {
        let Piece::Text(text) = &pieces[i] else {
            continue;
        };
        if !is_slogan_line(text) || !matches!(pieces[i - 1], Piece::Text(_)) {
            continue;
        }
        let head: String = text.chars().take(4).collect();
        if let Some(rank) = slogans.get(&head) {
            let text = text.clone();
            pieces[i] = Piece::Heading(*rank, None, text);
        }
    }
}

/// Record every heading of the outline in the trace, with the rule that
/// made it (numbering, an unnumbered part or slogan line, a 一是 item).
pub(crate) fn trace_outline(
    sections: &[Section],
    level: usize,
    declared: &DeclaredHeadings,
    trace: &mut super::rules::Trace,
) {
    use super::rules;
    if !trace.is_on() {
        return;
    }
    for section in sections {
        let rule = if shi_item(&section.heading).is_some() {
            rules::HEADING_ITEM
        } else if marker(&section.heading).is_some() {
            rules::HEADING_NUMBERED
        } else if declared.get(&section.heading).is_some() || declared.is_lead(&section.heading) {
            rules::HEADING_DECLARED
        } else if section.heading.ends_with(is_sentence_end) {
            rules::HEADING_SLOGAN
        } else if section.heading.contains(COMMAS) {
            // Part lines have no comma: a headline found by its place.
            rules::HEADING_FIRST
        } else {
            rules::HEADING_PART
        };
        trace.heading(level, &section.heading, rule);
        trace_outline(&section.sections, level + 1, declared, trace);
    }
}

/// The rank one level further in.
fn rank_below(rank: Rank) -> Rank {
    match rank {
        Rank::Part => Rank::Chapter,
        Rank::Chapter => Rank::Section,
        Rank::Section => Rank::Item,
        Rank::Item => Rank::SubItem,
        Rank::SubItem | Rank::Circled => Rank::Circled,
    }
}

/// The rank one level further out.
fn rank_above(rank: Rank) -> Rank {
    match rank {
        Rank::Part | Rank::Chapter => Rank::Part,
        Rank::Section => Rank::Chapter,
        Rank::Item => Rank::Section,
        Rank::SubItem => Rank::Item,
        Rank::Circled => Rank::SubItem,
    }
}

/// Split a heading that runs into its body. It ends at a space set between
/// Chinese text (one-line pages), else at its first sentence end, else the
/// whole paragraph is the heading if it is short.
fn split_run_in(paragraph: &str, marker_len: usize) -> (String, Option<String>) {
    // "一、以项目为支撑,做强财税,经济形势稳中向好 打破山区…"
    let after = &paragraph[marker_len..];
    for (at, c) in after.char_indices().take(60) {
        if is_sentence_end(c) {
            break;
        }
        let before = after[..at].chars().last();
        // A blank inside quotes ("“十三 五”") is a PDF's, not the heading's end.
        let quoted = after[..at].matches('“').count() > after[..at].matches('”').count();
        if c == ' '
            && !quoted
            && before.is_some_and(is_han)
            && starts_chinese_word(after[at..].trim_start())
        {
            let body = trim(&after[at..]);
            return (
                trim(&paragraph[..marker_len + at]).to_string(),
                Some(body.to_string()),
            );
        }
    }
    if let Some(end) = closing_word_end(after) {
        let cut = marker_len + end;
        return (
            trim(&paragraph[..cut]).to_string(),
            Some(trim(&paragraph[cut..]).to_string()),
        );
    }
    // "(一)脱贫攻坚成效显著:全乡…0.62%.": with no sentence end to stop
    // at, a colon ends the heading. So does one after a short name with no
    // clause in it, when what follows is a sentence of several clauses
    // ("(一)中药材种植产业园项目:该项目位于…,总投资…。"), not a short
    // second half of the heading ("（一）聚焦项目建设：全力推进重点项目
    // 落地见效。").
    let sentence_end = after.chars().take(MAX_HEADING).any(is_sentence_end);
    let colon = after
        .char_indices()
        .take(40)
        .find(|(_, c)| COLONS.contains(c));
    let names_a_topic = |at: usize| {
        let head = &after[..at];
        let sentence: String = after[at..]
            .chars()
            .skip(1)
            .take_while(|c| !is_sentence_end(*c))
            .collect();
        (2..=SHORT_NAME).contains(&head.chars().count())
            && !head.contains(|c: char| is_clause_end(c) || is_sentence_end(c))
            && sentence.contains(is_clause_end)
    };
    if let Some((at, c)) = colon.filter(|(at, _)| !sentence_end || names_a_topic(*at))
        && !trim(&after[at + c.len_utf8()..]).is_empty()
    {
        let end = marker_len + at + c.len_utf8();
        return (
            trim(&paragraph[..end]).to_string(),
            Some(trim(&paragraph[end..]).to_string()),
        );
    }
    split_heading(paragraph, marker_len, is_sentence_end, MAX_HEADING)
}

/// Words a heading of a report ends on: 情况, 回顾, 总结…
const CLOSING_WORDS: &[&str] = &[
    "情况", "回顾", "总结", "成就", "成效", "计划", "打算", "思路", "措施", "安排", "目标", "要点",
];

/// "一、乡基本情况乡位于…", "一、2021年工作回顾2021年是…": a heading run into
/// its text with nothing between. When the first clause is long (a run-on)
/// and a word headings end on stands in it, not followed by a connective or
/// another such word, with a clause's worth of text after it, the heading
/// ends after that word. Returns the byte offset in `after`.
fn closing_word_end(after: &str) -> Option<usize> {
    let clause_end = after
        .char_indices()
        .find(|(_, c)| is_sentence_end(*c) || is_clause_end(*c) || *c == ' ')
        .map_or(after.len(), |(at, _)| at);
    let clause = &after[..clause_end];
    if clause.chars().count() <= 12 || clause.contains(['“', '"', '《']) {
        return None;
    }
    let connective = |c: char| "及和与暨、的并".contains(c);
    let mut best = None;
    for word in CLOSING_WORDS {
        for (at, _) in clause.match_indices(word) {
            let end = at + word.len();
            let rest = &clause[end..];
            let ok = at >= 2 * 3
                && rest.chars().count() >= 8
                && !rest.starts_with(connective)
                && !CLOSING_WORDS.iter().any(|w| rest.starts_with(w));
            if ok && best.is_none_or(|b| end < b) {
                best = Some(end);
            }
        }
    }
    best
}

/// How long (in chars) a heading's name before a colon may be for the
/// colon to end the heading though a sentence ends soon after.
const SHORT_NAME: usize = 16;

/// A heading longer than this (in chars) with no sentence end is cut at its
/// first clause.
const MAX_HEADING: usize = 80;

/// Split a heading that runs into its body, looking from byte `from` on: it
/// ends at its first `stop` mark (and closing quotes after it) within `max`
/// chars; else the whole text is the heading if it is no longer than `max`;
/// else it ends after its first clause.
pub(super) fn split_heading(
    text: &str,
    from: usize,
    stop: impl Fn(char) -> bool,
    max: usize,
) -> (String, Option<String>) {
    let chars: Vec<(usize, char)> = text[from..]
        .char_indices()
        .map(|(b, c)| (from + b, c))
        .collect();
    let after = |k: usize| chars.get(k + 1).map_or(text.len(), |(b, _)| *b);
    let cut = match chars.iter().take(max).position(|(_, c)| stop(*c)) {
        Some(mut k) => {
            while chars
                .get(k + 1)
                .is_some_and(|(_, c)| matches!(c, '”' | '’' | '」'))
            {
                k += 1;
            }
            after(k)
        }
        None if chars.len() <= max => text.len(),
        None => chars
            .iter()
            .position(|(_, c)| is_clause_end(*c) && *c != '、')
            .map_or(text.len(), after),
    };
    let body = trim(&text[cut..]);
    (
        trim(&text[..cut]).to_string(),
        (!body.is_empty()).then(|| body.to_string()),
    )
}

/// Does an unnumbered part line stand as a part heading here? It must open
/// a new run of numbering ("一、" or "(一)" after it), or, while no numbered
/// section is open, lead real text (or any text, once the report has such
/// parts, or a 一是 list). A short line inside "二、" that is
/// followed by "三、" (a table row, a signature, a slogan) is text.
fn part_fits(next: Option<&Piece>, open: Option<(Rank, bool)>, parts_so_far: usize) -> bool {
    let numbered_open = open.is_some_and(|(_, numbered)| numbered);
    match next {
        Some(Piece::Heading(_, Some(1), _)) => true,
        // Once the report has shown it uses such headings, a sibling needs
        // only text after it ("存在的问题" / "一是…;二是…").
        Some(Piece::Text(text)) => {
            !numbered_open
                && (text.chars().count() >= 40 || parts_so_far > 0 || shi_item(text).is_some())
        }
        _ => false,
    }
}

/// "2020年工作回顾" / "一年来,主要抓了以下工作:" / "一、…": a part line whose
/// numbering starts again after a short lead-in (one sentence or a colon).
fn opens_numbering_after_lead_in(after: &[Piece]) -> bool {
    match after {
        [Piece::Text(lead), Piece::Heading(_, Some(1), _), ..] => {
            lead.chars().count() <= 60
                && (lead.ends_with(COLONS) || lead.ends_with(is_sentence_end))
        }
        _ => false,
    }
}

/// A part heading without number: short, Chinese, no sentence punctuation
/// ("2020年工作回顾", "2020年主要工作措施、亮点及成效", "上半年工作回顾").
fn is_part_line(text: &str) -> bool {
    let n = text.chars().count();
    let han = text.chars().filter(|c| is_han(*c)).count();
    n <= 30
        && han >= 4
        && han * 2 >= n
        && !text.contains(|c: char| {
            "。,\u{FF0C};\u{FF1B}:\u{FF1A}!?\u{FF01}\u{FF1F}()\u{FF08}\u{FF09}".contains(c)
        })
        && !text.starts_with("各位")
        && !text.starts_with("同志")
        && !super::fields::is_date_line(text)
        && !super::place::is_org_name(text)
}

/// A headline: short, one sentence at most, ending the line (commas may
/// join its two halves, as in `抗疫情,奋力保障群众安全` or
/// `镇域经济平稳增长,综合实力明显提升。`), mostly Chinese, no figures, and no
/// 一是.
fn is_headline(text: &str) -> bool {
    let n = text.chars().count();
    let han = text.chars().filter(|c| is_han(*c)).count();
    let inside = text.strip_suffix(is_sentence_end).unwrap_or(text);
    (4..=26).contains(&n)
        && han * 4 >= n * 3
        && !inside.contains(|c: char| {
            is_sentence_end(c)
                || c.is_ascii_digit()
                || SEMICOLONS.contains(&c)
                || COLONS.contains(&c)
        })
        && shi_item(text).is_none()
}

/// Is the first numbered heading in `rest` one level inside `rank`, and
/// numbered 2, before any heading at `rank` or further out?
fn first_child_is_second(rest: &[Piece], rank: Rank) -> bool {
    rest.iter()
        .find_map(|piece| match piece {
            Piece::Heading(r, Some(n), _) if *r > rank => Some(*r == rank_below(rank) && *n == 2),
            Piece::Heading(r, _, _) if *r <= rank => Some(false),
            _ => None,
        })
        .unwrap_or(false)
}

/// Does a paragraph open with a short topic sentence ("经济总量持续增长。
/// 全镇…")? The text under a slogan heading does; an ordinary paragraph
/// after an ordinary one-sentence line does not.
fn opens_with_topic(text: &str) -> bool {
    let first: String = text.chars().take_while(|c| !is_sentence_end(*c)).collect();
    let n = first.chars().count();
    (4..=14).contains(&n)
        && !first.contains(is_clause_end)
        && text[first.len()..].starts_with(is_sentence_end)
}

/// A one-sentence slogan heading standing alone: "一年来,我们一心一意谋发展,
/// 经济建设取得新成效。" — two or more clauses, one sentence end, no figures.
fn is_slogan_line(text: &str) -> bool {
    let n = text.chars().count();
    let ends = text.chars().filter(|c| is_sentence_end(*c)).count();
    n <= 45
        && text.ends_with('。')
        && ends == 1
        && text.contains(COMMAS)
        && shi_item(text).is_none()
        && !text.contains(|c: char| c.is_ascii_digit() || c == '%' || SEMICOLONS.contains(&c))
}

/// Build the tree by rank: a heading closes every open section of the same
/// or a deeper rank and opens under the nearest shallower one.
fn assemble(pieces: Vec<Piece>) -> (Vec<String>, Vec<Section>) {
    let mut preamble = Vec::new();
    let mut roots: Vec<Section> = Vec::new();
    // Open sections, outermost first, with their ranks.
    let mut stack: Vec<(Rank, Section)> = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(text) => match stack.last_mut() {
                Some((_, section)) => section.paragraphs.push(text),
                None => preamble.push(text),
            },
            Piece::Heading(rank, _, heading) => {
                while stack.last().is_some_and(|(r, _)| *r >= rank) {
                    close(&mut stack, &mut roots);
                }
                stack.push((
                    rank,
                    Section {
                        heading,
                        paragraphs: Vec::new(),
                        sections: Vec::new(),
                    },
                ));
            }
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    (preamble, roots)
}

fn close(stack: &mut Vec<(Rank, Section)>, roots: &mut Vec<Section>) {
    if let Some((_, section)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.sections.push(section),
            None => roots.push(section),
        }
    }
}

/// Turn paragraph-leading 一是/二是 items into child sections, depth first,
/// in every section that has no numbered children.
fn apply_items(section: &mut Section) {
    // Iterative walk: reports can nest deeply and must not overflow the stack.
    let mut pending: Vec<&mut Section> = vec![section];
    while let Some(s) = pending.pop() {
        if s.sections.is_empty() {
            let (lead, items) = split_shi_items(std::mem::take(&mut s.paragraphs));
            s.paragraphs = lead;
            s.sections = items;
        } else {
            pending.extend(s.sections.iter_mut());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(paragraphs: &[&str]) -> (Vec<String>, Vec<Section>) {
        build_outline(
            paragraphs.iter().map(|p| p.to_string()).collect(),
            &DeclaredHeadings::default(),
        )
    }

    fn headings(sections: &[Section]) -> Vec<String> {
        sections.iter().map(|s| s.heading.clone()).collect()
    }

    #[test]
    fn run_in_heading_ends_at_first_sentence_end() {
        let (_, s) = outline(&[
            "一、工作回顾",
            "(一)千方百计促发展,生态产业转型加快。一年来,我们始终把经济发展作为工作重点。",
        ]);
        assert_eq!(
            s[0].sections[0].heading,
            "(一)千方百计促发展,生态产业转型加快。"
        );
        assert_eq!(
            s[0].sections[0].paragraphs,
            vec!["一年来,我们始终把经济发展作为工作重点。"]
        );
    }

    #[test]
    fn heading_ends_at_a_space_on_one_line_pages() {
        let (_, s) = outline(&[
            "一、以项目为支撑,做强财税,经济形势稳中向好 打破山区乡镇无法招好商大商的传统观念束缚。",
        ]);
        assert_eq!(s[0].heading, "一、以项目为支撑,做强财税,经济形势稳中向好");
        assert_eq!(
            s[0].paragraphs[0],
            "打破山区乡镇无法招好商大商的传统观念束缚。"
        );
    }

    #[test]
    fn skipped_and_missing_levels_still_make_a_tree() {
        let (pre, s) = outline(&[
            "引言。",
            "(一)第一",
            "1.细项一。正文。",
            "(二)第二",
            "一、后来的大标题",
            "1.直接在一下面",
        ]);
        assert_eq!(pre, vec!["引言。"]);
        assert_eq!(
            headings(&s),
            vec!["(一)第一", "(二)第二", "一、后来的大标题"]
        );
        assert_eq!(headings(&s[0].sections), vec!["1.细项一。"]);
        assert_eq!(headings(&s[2].sections), vec!["1.直接在一下面"]);
    }

    #[test]
    fn unnumbered_part_and_slogan_headings() {
        let (_, s) = outline(&[
            "各位代表:",
            "现在,我代表镇政府向大会报告工作,请予审议。",
            "上半年工作回顾",
            "今年上半年,我镇以习近平新时代中国特色社会主义思想为指导,坚持稳中求进工作总基调,较好地完成了各项工作任务。",
            "半年来,我们聚焦经济发展,全面提质增效,综合实力有力提升。",
            "经济指标实现新跃升。完成规上工业增加值。",
        ]);
        assert_eq!(headings(&s), vec!["上半年工作回顾"]);
        assert_eq!(
            headings(&s[0].sections),
            vec!["半年来,我们聚焦经济发展,全面提质增效,综合实力有力提升。"]
        );
    }

    #[test]
    fn short_lines_inside_numbered_sections_are_text() {
        let (_, s) = outline(&[
            "一、经济发展",
            "全镇完成财政收入5000万元,同比增长10%。",
            "“十四五”开局良好",
            "全年实施项目10个,完成投资2亿元。",
            "二、社会事业",
            "全镇新增城镇就业500人。",
            "石桥镇党政办公室",
        ]);
        assert_eq!(headings(&s), vec!["一、经济发展", "二、社会事业"]);
        assert_eq!(s[0].paragraphs[1], "“十四五”开局良好");
    }

    #[test]
    fn part_line_opens_new_numbering() {
        let (_, s) = outline(&[
            "一、回顾",
            "正文。",
            "2021年工作计划",
            "一、抓项目",
            "正文。",
        ]);
        assert_eq!(headings(&s), vec!["一、回顾", "2021年工作计划"]);
        assert_eq!(headings(&s[1].sections), vec!["一、抓项目"]);
    }

    #[test]
    fn lead_sentence_before_numbered_heading_is_text() {
        let (_, s) = outline(&[
            "二、工作开展情况",
            "2018年,我们攻坚克难,较好地完成了任务。",
            "(一)求真务实,综合实力显著提升",
            "正文。",
        ]);
        assert_eq!(
            s[0].paragraphs,
            vec!["2018年,我们攻坚克难,较好地完成了任务。"]
        );
        assert_eq!(
            headings(&s[0].sections),
            vec!["(一)求真务实,综合实力显著提升"]
        );
    }

    #[test]
    fn no_headings_means_all_preamble() {
        let (pre, s) = outline(&["第一段。", "第二段。"]);
        assert_eq!(pre.len(), 2);
        assert!(s.is_empty());
    }
}
