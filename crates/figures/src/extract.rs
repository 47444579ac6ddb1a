//! Finding the figures of one stretch of text: every number followed by a
//! unit, less the numbers the spec says are not figures (ordinals, the
//! indefinite 一, set phrases, schedules, thresholds), each given its
//! indicator, kind and qualifier.

use crate::indicator::{is_fall, split_growth, trim};
use crate::number::{self, Number, starts_number};
use crate::unit::{self, Class, Unit};
use crate::{Figure, Kind};

/// Marks that end a clause: the indicator never reaches back past one.
const CLAUSE_END: &str = "，,；;。：:！!？?\n（()）\u{3000}";
/// Marks that end a sentence.
const SENTENCE_END: &str = "。！!？?\n";

/// Qualifiers written before the number, longest first.
const BEFORE: &[&str] = &["超过", "将近", "大约", "不足", "约", "近", "超", "逾"];
/// Qualifiers written after the unit.
const AFTER: &[&str] = &["以上", "以下", "以内", "左右", "余", "多"];

/// Words that end the noun a classifier counts (§3 B): verbs, adverbs and
/// particles that follow a counted noun.
const NOUN_STOP: &[&str] = &[
    "的",
    "已",
    "均",
    "全",
    "都",
    "正",
    "在",
    "将",
    "被",
    "为",
    "是",
    "有",
    "等",
    "中",
    "共",
    "达",
    "入驻",
    "加快",
    "完成",
    "实现",
    "参加",
    "参与",
    "获得",
    "通过",
    "进行",
    "开展",
    "用于",
    "建成",
    "投产",
    "落户",
    "签约",
    "纳入",
    "得到",
    "累计",
    "合计",
    "总",
    "以",
    "于",
    "并",
    "且",
    "也",
    "还",
    "又",
    "到",
    "陆续",
    "顺利",
    "分别",
    "同比",
    "较",
    "比",
    "占",
    "基本",
    "目前",
    "实施",
    "覆盖",
    "涉及",
    "受益",
    "惠及",
    "和",
    "与",
    "计",
    "进",
    "得",
    "获",
    "项目建设",
];

/// Classifiers that, after a Chinese numeral, are mostly part of a set
/// phrase (三方, 两起, 五本) or sum up a list (三种, 四项) rather than count.
const CHINESE_ONLY_PHRASE: &[&str] = &[
    "方", "起", "对", "口", "部", "本", "片", "根", "届", "度", "种", "项", "套", "队", "组", "批",
    "轮",
];

pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn text_of(chars: &[char], from: usize, to: usize) -> String {
    chars[from.min(to)..to].iter().collect()
}

fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(k, w)| chars.get(at + k) == Some(&w))
}

fn ends_with_at(chars: &[char], end: usize, word: &str) -> bool {
    let n = word.chars().count();
    end >= n && starts_with_at(chars, end - n, word)
}

/// A figure found, with where it sits, before its indicator is settled.
struct Found {
    figure: Figure,
    /// Counted the noun after it (§3 B).
    noun_after: bool,
    sentence_start: usize,
    /// "A、B和C分别…x、y和z": the names, and which of them this figure took.
    list: Vec<String>,
    list_index: usize,
}

/// The figures of a stretch of text, in order.
pub fn extract(text: &str) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let mut found: Vec<Found> = Vec::new();
    let mut last_end = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let near_wan = c == '万' && i > 0 && "近超逾约".contains(chars[i - 1]);
        if !(starts_number(c) || near_wan) || continues_token(&chars, i) {
            i += 1;
            continue;
        }
        let number = if near_wan {
            Some(Number {
                value: 1.0,
                value_max: None,
                start: i,
                end: i,
                chinese: true,
            })
        } else {
            number::read(&chars, i)
        };
        let Some(number) = number else {
            i += 1;
            continue;
        };
        let next = number.end.max(i + 1);
        if let Some(f) = figure_at(&chars, &number, last_end, &found) {
            last_end = f.figure.end;
            found.push(f);
            i = last_end.max(next);
        } else {
            i = next;
        }
    }
    found.into_iter().map(|f| f.figure).collect()
}

/// Whether the char at `at` continues a word or code rather than starting
/// a number: after a digit, a Latin letter, a decimal point, or (for a
/// Chinese numeral) another numeral.
fn continues_token(chars: &[char], at: usize) -> bool {
    let Some(&prev) = at.checked_sub(1).and_then(|p| chars.get(p)) else {
        return false;
    };
    if number::digit(prev).is_some() || prev.is_ascii_alphabetic() || prev == '.' || prev == '/' {
        return true;
    }
    number::digit(chars[at]).is_none() && starts_number(prev)
}

#[allow(clippy::too_many_lines)]
fn figure_at(chars: &[char], number: &Number, last_end: usize, found: &[Found]) -> Option<Found> {
    let mut end = number.end;
    // 余 or 多 between the number and its unit.
    let mut qualifier = None;
    if matches!(chars.get(end), Some('余' | '多')) && unit::read(chars, end + 1).is_some() {
        qualifier = Some(chars[end].to_string());
        end += 1;
    }
    let (unit, gap) = unit::read(chars, end)?;
    if let Some((q, _)) = gap {
        qualifier = Some(chars[q].to_string());
    }
    end = unit::skip_spaces(chars, end) + unit.len;
    let after_unit = end;
    if qualifier.is_none()
        && let Some(q) = AFTER.iter().find(|q| starts_with_at(chars, end, q))
    {
        qualifier = Some((*q).to_string());
        end += q.chars().count();
    }
    // A qualifier before the number.
    let mut start = number.start;
    if let Some(q) = BEFORE.iter().find(|q| ends_with_at(chars, start, q)) {
        if qualifier.is_none() {
            qualifier = Some((*q).to_string());
        }
        start -= q.chars().count();
    }
    if !is_figure(chars, number, &unit, start, after_unit, end) {
        return None;
    }
    let clause_start = clause_start(chars, start, last_end);
    let sentence_start = sentence_start(chars, start);
    let clause = text_of(chars, clause_start, start);
    let mut phrase = trim(&clause);

    let mut kind = match unit.class {
        Class::Money | Class::Amount => Kind::Level,
        Class::Count => Kind::Count,
        Class::Percent => Kind::Share,
        Class::Points => Kind::Growth,
    };
    let mut value = number.value;
    let mut noun_after = false;
    let mut span_end = end;
    let percent = matches!(unit.class, Class::Percent | Class::Points);
    if !percent {
        let (noun, noun_end) = noun_after_unit(chars, end);
        let n = noun.chars().count();
        if n >= 2 || (n >= 1 && phrase.chars().count() <= 2) {
            phrase = noun;
            noun_after = true;
            span_end = noun_end;
        }
    }
    // A lone connector (…、y和z) names nothing.
    if phrase.chars().count() == 1 && "和与及、或".contains(phrase.as_str()) {
        phrase.clear();
    }
    let mut list = Vec::new();
    let mut list_index = 0;
    if let Some(i) = phrase.find("分别") {
        list = phrase[..i]
            .split(['、', '和', '与', '及'])
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        if list.len() >= 2 {
            // Keep what follows 分别 (同比下降) for the kind and sign.
            phrase = format!("{}{}", list[0], &phrase[i + "分别".len()..]);
        } else {
            list.clear();
        }
    }
    let mut borrow = phrase.is_empty();
    if percent && !noun_after {
        let (rest, growth) = split_growth(&phrase);
        if let Some(word) = growth {
            kind = Kind::Growth;
            if is_fall(word) {
                value = -value;
            }
            phrase = rest.to_string();
        } else if unit.class == Class::Points && clause.contains(['降', '减', '落']) {
            value = -value;
        }
        // 占全县40%, 完成年度目标的105%: a share of the figure before.
        if phrase.starts_with('占') || phrase.ends_with('的') {
            borrow = true;
        }
        borrow |= phrase.is_empty();
        // "A x, B y, 分别增长p和q": the names are the figures before.
        if phrase == "分别" {
            let names = names_before(found, sentence_start);
            if let Some(first) = names.first() {
                phrase.clone_from(first);
                list = names;
                list_index = 0;
                borrow = false;
            }
        }
    }
    let lone = borrow && borrowed(found, sentence_start).is_none();
    if lone {
        // Nothing before it to belong to: the phrase itself, less 占 and 的.
        phrase = phrase
            .trim_start_matches('占')
            .trim_end_matches('的')
            .to_string();
    } else if borrow {
        let from = borrowed(found, sentence_start)?;
        phrase.clone_from(&from.figure.indicator);
        // The rest of a list of values after one growth or share word
        // (同比下降50%、71.4%和52.9%) is of the same kind and sign.
        let between = text_of(chars, from.figure.end, start);
        if from.figure.unit == unit.text && between.chars().all(|c| "、和与及,， ".contains(c))
        {
            kind = from.figure.kind;
            if from.figure.value < 0.0 {
                value = -value.abs();
            }
            if from.list_index + 1 < from.list.len() {
                list.clone_from(&from.list);
                list_index = from.list_index + 1;
                phrase.clone_from(&list[list_index]);
            }
        }
    }
    if phrase.is_empty() || !phrase.chars().any(|c| is_cjk(c) || c.is_ascii_alphabetic()) {
        return None;
    }
    let span_start = if noun_after {
        start
    } else {
        find_in(chars, clause_start, start, &phrase).unwrap_or(start)
    };
    let figure = Figure {
        indicator: phrase,
        value,
        value_max: number.value_max,
        unit: unit.text.clone(),
        scale: unit.scale,
        base_unit: unit.base.clone(),
        kind,
        qualifier,
        text: text_of(chars, span_start, span_end),
        start: span_start,
        end: span_end,
        sentence: sentence(chars, sentence_start, start),
    };
    Some(Found {
        figure,
        noun_after,
        sentence_start,
        list,
        list_index,
    })
}

/// The spec's "not figures" that a unit does not rule out.
fn is_figure(
    chars: &[char],
    number: &Number,
    unit: &Unit,
    start: usize,
    after_unit: usize,
    end: usize,
) -> bool {
    let before = start.checked_sub(1).and_then(|p| chars.get(p)).copied();
    // A vague amount: 数十家, 几百人.
    if matches!(
        chars.get(number.start.wrapping_sub(1)),
        Some('数' | '几' | '若')
    ) {
        return false;
    }
    // Ordinals: 第二, 第15.
    if before == Some('第') || number.start.checked_sub(1).and_then(|p| chars.get(p)) == Some(&'第')
    {
        return false;
    }
    if number.chinese {
        let written = text_of(chars, number.start, number.end);
        // The indefinite 一 (一批, 一个新水平) and idioms.
        if written == "一" && unit.text == unit.base {
            return false;
        }
        // 千亩茶园, 百亩基地: a lone 十/百/千 with no qualifier describes
        // rather than counts (百余人 and 近千人 count).
        if matches!(written.as_str(), "十" | "百" | "千")
            && unit.text == unit.base
            && !matches!(chars.get(number.end), Some('余' | '多'))
            && !matches!(
                number.start.checked_sub(1).map(|p| chars[p]),
                Some('近' | '约' | '超' | '逾')
            )
        {
            return false;
        }
        // 二次整改: the second time, not two times.
        if written == "二" && unit.base == "次" {
            return false;
        }
        if CHINESE_ONLY_PHRASE.contains(&unit.base.as_str()) && unit.text == unit.base {
            return false;
        }
        // A numeral inside quotes is a slogan (“四个意识”); one right after
        // a quoted list sums it up (“保护、开发、提升”三个关键词).
        if matches!(before, Some('“' | '"' | '「' | '‘' | '”' | '」' | '’')) {
            return false;
        }
        if (after_unit..(after_unit + 4).min(chars.len()))
            .any(|k| matches!(chars[k], '”' | '"' | '」' | '’'))
        {
            return false;
        }
        // Inside an open quote (“…+三支队伍+X”): the nearest quote mark
        // before it opens one.
        let back = chars[..number.start]
            .iter()
            .rev()
            .take(30)
            .find(|&&c| matches!(c, '“' | '”' | '「' | '」'));
        if matches!(back, Some('“' | '「')) {
            return false;
        }
    }
    // 九届九次全会, 十届五次会议: a meeting's number.
    if unit.base == "次"
        && (before == Some('届')
            || ["全会", "会议", "会", "党代会", "代表大会"]
                .iter()
                .any(|w| starts_with_at(chars, after_unit, w)))
    {
        return false;
    }
    // 2个月, 三个月: a span of time.
    if unit.base == "个" && matches!(chars.get(after_unit), Some('月' | '季' | '工')) {
        return false;
    }
    // 10万元以上农户, 5亿元以上产业项目: a threshold naming a group.
    if end > after_unit
        && matches!(chars.get(after_unit), Some('以'))
        && chars.get(end).copied().is_some_and(is_cjk)
    {
        return false;
    }
    // 每月至少两次: a schedule.
    if unit.base == "次" {
        let from = start.saturating_sub(6);
        if chars[from..start].contains(&'每') {
            return false;
        }
    }
    // 年收入10万元以上的农户: a threshold that defines a group.
    if chars.get(end) == Some(&'的') && end > after_unit {
        return false;
    }
    // A number glued to a following digit or letter is a code.
    if chars.get(after_unit).is_some_and(char::is_ascii_alphabetic) && unit.class != Class::Percent
    {
        return false;
    }
    true
}

/// Where the clause holding the number at `at` starts: after the last
/// clause mark, or after the figure before it, whichever is nearer.
fn clause_start(chars: &[char], at: usize, last_end: usize) -> usize {
    let mut s = at;
    while s > last_end && !CLAUSE_END.contains(chars[s - 1]) {
        s -= 1;
    }
    s
}

fn sentence_start(chars: &[char], at: usize) -> usize {
    let mut s = at;
    while s > 0 && !SENTENCE_END.contains(chars[s - 1]) {
        s -= 1;
    }
    s
}

fn sentence(chars: &[char], from: usize, at: usize) -> String {
    let mut e = at;
    while e < chars.len() && !SENTENCE_END.contains(chars[e]) {
        e += 1;
    }
    if e < chars.len() && chars[e] != '\n' {
        e += 1;
    }
    text_of(chars, from, e).trim().to_string()
}

/// The noun a classifier counts (§3 B), from `at` to the next verb,
/// particle, digit or mark.
fn noun_after_unit(chars: &[char], at: usize) -> (String, usize) {
    let mut e = at;
    while e < chars.len() && e - at < 14 {
        let c = chars[e];
        if !(is_cjk(c) || "“”·".contains(c) || c.is_ascii_alphabetic()) {
            break;
        }
        if NOUN_STOP.iter().any(|w| starts_with_at(chars, e, w)) {
            break;
        }
        e += 1;
    }
    let noun: String = text_of(chars, at, e);
    if noun.starts_with(['”', '·', '及', '或', '和', '与']) {
        return (String::new(), at);
    }
    (noun, e)
}

/// The indicator a figure with no noun of its own takes (§3 C): the one
/// of the figure before it in the same sentence, passing over a figure
/// that counted a part (涵盖15个党支部500余人次 takes the event's).
fn borrowed(found: &[Found], sentence_start: usize) -> Option<&Found> {
    let same: Vec<&Found> = found
        .iter()
        .rev()
        .take_while(|f| f.sentence_start == sentence_start)
        .collect();
    let first = *same.first()?;
    Some(if first.noun_after {
        same.get(1).copied().unwrap_or(first)
    } else {
        first
    })
}

/// The indicators of the levels and counts of this sentence since its
/// last percentage, in order: what a 分别 after them refers to.
fn names_before(found: &[Found], sentence_start: usize) -> Vec<String> {
    let mut names: Vec<String> = found
        .iter()
        .rev()
        .take_while(|f| {
            f.sentence_start == sentence_start
                && !matches!(f.figure.kind, Kind::Share | Kind::Growth)
        })
        .map(|f| f.figure.indicator.clone())
        .collect();
    names.reverse();
    names
}

/// Where `phrase` starts within the chars `from..to`.
fn find_in(chars: &[char], from: usize, to: usize, phrase: &str) -> Option<usize> {
    let p: Vec<char> = phrase.chars().collect();
    (from..to)
        .rev()
        .find(|&s| s + p.len() <= to && chars[s..s + p.len()] == p[..])
}
