//! The sections of a generated report: recombined from the source reports
//! and grown or cut to a target size.
//!
//! Every source section is a "review" (the first top-level section: what
//! was done) or a "plan" (the later ones: what comes next). A generated
//! report opens with a review and goes on with plans drawn from other
//! reports, so it reads in the usual order. Under each, the children come
//! with their parent or are drawn afresh from all sources' children of the
//! same role. Paragraphs are then added (from the same role) or removed
//! until the report is about the size asked for, and the headings are
//! numbered again.

use super::marker::{MarkerStyle, split_marker};
use super::rng::SplitMix64;
use super::template::{Setting, SourceNames, Template};
use baogao_report::model::{Period, Report, Section};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Review = 0,
    Plan = 1,
}

/// A source section with its number taken off and its text made a template.
#[derive(Debug, Clone)]
struct SourceSection {
    style: Option<MarkerStyle>,
    heading: Template,
    paragraphs: Vec<Template>,
    children: Vec<SourceSection>,
}

impl SourceSection {
    fn new(section: &Section, names: &SourceNames) -> SourceSection {
        let (style, heading) = match split_marker(&section.heading) {
            Some((style, rest)) => (Some(style), rest),
            None => (None, section.heading.as_str()),
        };
        SourceSection {
            style,
            heading: Template::parse(heading, names),
            paragraphs: templates(&section.paragraphs, names),
            children: section
                .sections
                .iter()
                .map(|child| SourceSection::new(child, names))
                .collect(),
        }
    }
}

fn templates(texts: &[String], names: &SourceNames) -> Vec<Template> {
    texts
        .iter()
        .map(|text| Template::parse(text, names))
        .collect()
}

/// Everything the generator draws sections from, by role.
#[derive(Debug, Clone, Default)]
pub(crate) struct SectionPool {
    tops: [Vec<SourceSection>; 2],
    children: [Vec<SourceSection>; 2],
    paragraphs: [Vec<Template>; 2],
}

impl SectionPool {
    pub(crate) fn add(&mut self, report: &Report, names: &SourceNames) {
        for (index, section) in report.sections.iter().enumerate() {
            let role = (if index == 0 { Role::Review } else { Role::Plan }) as usize;
            let source = SourceSection::new(section, names);
            self.children[role].extend(source.children.iter().cloned());
            collect_paragraphs(&source, &mut self.paragraphs[role]);
            self.tops[role].push(source);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.tops.iter().all(Vec::is_empty)
    }
}

fn collect_paragraphs(section: &SourceSection, out: &mut Vec<Template>) {
    out.extend(section.paragraphs.iter().cloned());
    for child in &section.children {
        collect_paragraphs(child, out);
    }
}

/// A section being built: text filled in, number not yet given.
#[derive(Debug, Clone)]
struct Draft {
    style: Option<MarkerStyle>,
    heading: String,
    paragraphs: Vec<String>,
    children: Vec<Draft>,
    role: Role,
}

/// Roughly what pretty-printed JSON adds around a section and a paragraph;
/// sizes only need to land near their target.
const SECTION_OVERHEAD: usize = 100;
const PARAGRAPH_OVERHEAD: usize = 14;

/// Sections for one report in `setting`, about `target_bytes` of JSON.
/// The pool must not be empty.
pub(crate) fn build(
    pool: &SectionPool,
    setting: &Setting,
    period: Period,
    target_bytes: usize,
    rng: &mut SplitMix64,
) -> Vec<Section> {
    let mut drafts = recombine(pool, setting, period, rng);
    let mut size = drafts.iter().map(Draft::size).sum::<usize>();
    shrink(&mut drafts, &mut size, target_bytes, rng);
    grow(pool, setting, &mut drafts, &mut size, target_bytes, rng);
    drafts
        .into_iter()
        .enumerate()
        .map(|(index, draft)| draft.finish(Some(MarkerStyle::top()), index + 1))
        .collect()
}

fn recombine(
    pool: &SectionPool,
    setting: &Setting,
    period: Period,
    rng: &mut SplitMix64,
) -> Vec<Draft> {
    let count = 1 + rng.weighted(&[1, 10, 6, 2]);
    let (first_role, rest_role) = match (pool.tops[0].is_empty(), pool.tops[1].is_empty()) {
        (true, _) => (Role::Plan, Role::Plan),
        (false, true) => (Role::Review, Role::Review),
        (false, false) => (Role::Review, Role::Plan),
    };
    let mut drafts = vec![top_draft(
        rng.pick(&pool.tops[first_role as usize]),
        first_role,
        pool,
        setting,
        period,
        rng,
    )];
    let plans = &pool.tops[rest_role as usize];
    let mut order: Vec<usize> = (0..plans.len()).collect();
    rng.shuffle(&mut order);
    for index in order.into_iter().cycle().take(count - 1) {
        drafts.push(top_draft(
            &plans[index],
            rest_role,
            pool,
            setting,
            period,
            rng,
        ));
    }
    drafts
}

fn top_draft(
    source: &SourceSection,
    role: Role,
    pool: &SectionPool,
    setting: &Setting,
    period: Period,
    rng: &mut SplitMix64,
) -> Draft {
    let others = &pool.children[role as usize];
    let recombined = !source.children.is_empty() && !others.is_empty() && rng.chance(500);
    let mut draft = Draft::without_children(source, role, setting, rng);
    draft.heading = fit_period(draft.heading, period, setting.year);
    if recombined {
        let wanted = (source.children.len() + rng.below(4))
            .saturating_sub(1)
            .max(2);
        let mut chosen: Vec<usize> = (0..others.len()).collect();
        rng.shuffle(&mut chosen);
        draft.children = chosen
            .into_iter()
            .take(wanted)
            .map(|index| Draft::new(&others[index], role, setting, rng))
            .collect();
    } else {
        draft.children = Draft::children_of(source, role, setting, rng);
        if rng.chance(300) {
            rng.shuffle(&mut draft.children);
        }
    }
    draft
}

/// A top-level heading made to match the report's period: a half-year
/// section in an annual report loses its 上半年, and the reverse.
fn fit_period(heading: String, period: Period, year: i32) -> String {
    let this_year = format!("{year}年");
    let next_year = format!("{}年", year + 1);
    match period {
        Period::Annual if heading.contains("半年") => {
            heading.replace("上半年", "").replace("下半年", &next_year)
        }
        Period::HalfYear if !heading.contains("半年") => {
            let heading = heading.replacen(&next_year, "下半年", 1);
            match heading.strip_prefix(&this_year) {
                Some(rest) => format!("{this_year}上半年{rest}"),
                None => heading,
            }
        }
        _ => heading,
    }
}

impl Draft {
    fn new(source: &SourceSection, role: Role, setting: &Setting, rng: &mut SplitMix64) -> Draft {
        let mut draft = Draft::without_children(source, role, setting, rng);
        draft.children = Draft::children_of(source, role, setting, rng);
        draft
    }

    fn without_children(
        source: &SourceSection,
        role: Role,
        setting: &Setting,
        rng: &mut SplitMix64,
    ) -> Draft {
        Draft {
            style: source.style,
            heading: source.heading.render(setting, rng),
            paragraphs: source
                .paragraphs
                .iter()
                .map(|paragraph| paragraph.render(setting, rng))
                .collect(),
            children: Vec::new(),
            role,
        }
    }

    fn children_of(
        source: &SourceSection,
        role: Role,
        setting: &Setting,
        rng: &mut SplitMix64,
    ) -> Vec<Draft> {
        source
            .children
            .iter()
            .map(|child| Draft::new(child, role, setting, rng))
            .collect()
    }

    fn size(&self) -> usize {
        SECTION_OVERHEAD
            + self.heading.len()
            + self
                .paragraphs
                .iter()
                .map(|p| paragraph_size(p))
                .sum::<usize>()
            + self.children.iter().map(Draft::size).sum::<usize>()
    }

    /// The section, numbered `number` in `style` (its own style when the
    /// siblings have none).
    fn finish(self, style: Option<MarkerStyle>, number: usize) -> Section {
        let mut heading = String::with_capacity(self.heading.len() + 12);
        if let Some(style) = style.or(self.style) {
            style.render(number, &mut heading);
        }
        heading.push_str(&self.heading);
        // Siblings from different reports take the first one's style.
        let sibling_style = self.children.iter().find_map(|child| child.style);
        let mut numbered = 0;
        let sections = self
            .children
            .into_iter()
            .map(|child| {
                if child.style.is_some() {
                    numbered += 1;
                }
                let style = child.style.and(sibling_style);
                child.finish(style, numbered)
            })
            .collect();
        Section {
            heading,
            paragraphs: self.paragraphs,
            sections,
        }
    }
}

fn paragraph_size(paragraph: &str) -> usize {
    paragraph.len() + PARAGRAPH_OVERHEAD
}

/// Child indexes from the top-level drafts down.
type DraftPath = Vec<usize>;

fn draft_at<'a>(drafts: &'a mut [Draft], path: &[usize]) -> &'a mut Draft {
    let (first, rest) = path.split_first().expect("a draft path is never empty");
    rest.iter().fold(&mut drafts[*first], |draft, &index| {
        &mut draft.children[index]
    })
}

fn walk(drafts: &[Draft], path: &mut DraftPath, visit: &mut impl FnMut(&Draft, &DraftPath)) {
    for (index, draft) in drafts.iter().enumerate() {
        path.push(index);
        visit(draft, path);
        walk(&draft.children, path, visit);
        path.pop();
    }
}

/// Remove paragraphs (keeping one where a section has nothing else) and
/// child sections (keeping two siblings) until the size is within target.
fn shrink(drafts: &mut Vec<Draft>, size: &mut usize, target: usize, rng: &mut SplitMix64) {
    while *size > target {
        // (path, true) removes a paragraph there, (path, false) a child.
        let mut choices: Vec<(DraftPath, bool)> = Vec::new();
        walk(drafts, &mut Vec::new(), &mut |draft, path| {
            let keep = if draft.children.is_empty() { 1 } else { 0 };
            if draft.paragraphs.len() > keep {
                choices.push((path.clone(), true));
            }
            if draft.children.len() > 2 {
                choices.push((path.clone(), false));
            }
        });
        if drafts.len() > 2 {
            choices.push((Vec::new(), false));
        }
        if choices.is_empty() {
            return;
        }
        let (path, paragraph) = rng.pick(&choices).clone();
        let removed = if path.is_empty() {
            // The opening review stays: a report starts with what was done.
            let index = 1 + rng.below(drafts.len() - 1);
            drafts.remove(index).size()
        } else {
            let draft = draft_at(drafts, &path);
            if paragraph {
                let index = rng.below(draft.paragraphs.len());
                paragraph_size(&draft.paragraphs.remove(index))
            } else {
                let index = rng.below(draft.children.len());
                draft.children.remove(index).size()
            }
        };
        *size -= removed;
    }
}

/// Add paragraphs of the same role to sections that have paragraphs (or,
/// when none has, to sections without children) until the size reaches target.
fn grow(
    pool: &SectionPool,
    setting: &Setting,
    drafts: &mut [Draft],
    size: &mut usize,
    target: usize,
    rng: &mut SplitMix64,
) {
    let mut with_text = Vec::new();
    let mut leaves = Vec::new();
    walk(drafts, &mut Vec::new(), &mut |draft, path| {
        let source_has_text = !pool.paragraphs[draft.role as usize].is_empty();
        if source_has_text && !draft.paragraphs.is_empty() {
            with_text.push(path.clone());
        } else if source_has_text && draft.children.is_empty() {
            leaves.push(path.clone());
        }
    });
    let places = if with_text.is_empty() {
        leaves
    } else {
        with_text
    };
    if places.is_empty() {
        return;
    }
    while *size < target {
        let path: &DraftPath = rng.pick(&places);
        let draft = draft_at(drafts, path);
        let paragraph = rng
            .pick(&pool.paragraphs[draft.role as usize])
            .render(setting, rng);
        *size += paragraph_size(&paragraph);
        let at = rng.below(draft.paragraphs.len() + 1);
        draft.paragraphs.insert(at, paragraph);
    }
}
