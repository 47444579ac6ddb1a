//! The real reports the scores are measured on, and transforms of them that
//! keep track of where each section came from.

use baogao_import::import_bytes;
use baogao_report::model::{Report, Section, SectionPath};
use baogao_testkit::fixtures::{bundled_library, repo_path};
use std::fs;

/// The bundled reports and the samples imported, in a fixed order.
pub fn real_reports() -> Vec<Report> {
    let mut reports: Vec<Report> = bundled_library().reports().to_vec();
    let dir = repo_path("tests/data/samples");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("the samples directory")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for file in files {
        let bytes = fs::read(&file).expect("a readable sample");
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        if let Ok(report) = import_bytes(&bytes, &name.unwrap_or_default())
            && report.section_count() > 0
        {
            reports.push(report);
        }
    }
    reports
}

/// A section of a transformed report, with the sections of the original
/// it came from (none for one added from elsewhere).
#[derive(Debug, Clone)]
pub struct Node {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub children: Vec<Node>,
    pub origin: Vec<SectionPath>,
}

pub fn nodes(sections: &[Section], parent: &SectionPath) -> Vec<Node> {
    sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = parent.child(i);
            Node {
                heading: s.heading.clone(),
                paragraphs: s.paragraphs.clone(),
                children: nodes(&s.sections, &path),
                origin: vec![path],
            }
        })
        .collect()
}

/// Nodes with no origin: a section brought in from another report.
pub fn foreign(sections: &[Section]) -> Vec<Node> {
    let mut found = nodes(sections, &SectionPath::front());
    strip(&mut found);
    found
}

fn strip(nodes: &mut [Node]) {
    for node in nodes {
        node.origin.clear();
        strip(&mut node.children);
    }
}

/// The report of `nodes` (the original's front kept), and per section of
/// it, in reading order, its origins.
pub fn rebuild(
    original: &Report,
    nodes: &[Node],
) -> (Report, Vec<(SectionPath, Vec<SectionPath>)>) {
    fn sections(nodes: &[Node]) -> Vec<Section> {
        nodes
            .iter()
            .map(|n| Section {
                heading: n.heading.clone(),
                paragraphs: n.paragraphs.clone(),
                sections: sections(&n.children),
            })
            .collect()
    }
    fn origins(
        nodes: &[Node],
        parent: &SectionPath,
        out: &mut Vec<(SectionPath, Vec<SectionPath>)>,
    ) {
        for (i, n) in nodes.iter().enumerate() {
            let path = parent.child(i);
            out.push((path.clone(), n.origin.clone()));
            origins(&n.children, &path, out);
        }
    }
    let mut report = original.clone();
    report.id = format!("{}-transformed", original.id);
    report.sections = sections(nodes);
    let mut out = Vec::new();
    origins(nodes, &SectionPath::front(), &mut out);
    (report, out)
}

/// A small deterministic generator (xorshift64*).
#[derive(Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (x >> 33) as usize % n.max(1)
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Synonyms a writer of another year or township might use for words of a
/// report's headings, written for this test (both directions are tried).
const SYNONYMS: [(&str, &str); 32] = [
    ("工作总结", "工作回顾"),
    ("工作计划", "工作安排"),
    ("工作思路", "工作打算"),
    ("坚持", "始终"),
    ("推进", "推动"),
    ("加强", "强化"),
    ("全面", "全力"),
    ("加快", "加速"),
    ("提升", "提高"),
    ("深化", "深入"),
    ("不断", "持续"),
    ("完善", "健全"),
    ("建设", "打造"),
    ("发展", "振兴"),
    ("保障", "保证"),
    ("改善", "优化"),
    ("新", "更"),
    ("突出", "聚焦"),
    ("扎实", "切实"),
    ("抓好", "做好"),
    ("治理", "管理"),
    ("环境", "环保"),
    ("民生", "百姓生活"),
    ("经济", "产业经济"),
    ("党的建设", "党建工作"),
    ("基层党建", "党组织建设"),
    ("社会事业", "社会民生事业"),
    ("城乡", "城镇乡村"),
    ("生态", "绿色生态"),
    ("项目", "重点项目"),
    ("稳定", "安定"),
    ("成效", "成果"),
];

/// The heading said with other words and another number style: every
/// synonym that fits is used, the numbering `一、` becomes `（一）` or the
/// reverse, and a year goes.
pub fn rename(heading: &str) -> String {
    let mut renamed = heading.to_string();
    for (a, b) in SYNONYMS {
        if renamed.contains(a) {
            renamed = renamed.replace(a, b);
        } else if renamed.contains(b) {
            renamed = renamed.replace(b, a);
        }
    }
    renamed
}

/// Rename every heading of `nodes` and below.
pub fn rename_all(nodes: &mut [Node]) {
    for node in nodes {
        node.heading = rename(&node.heading);
        rename_all(&mut node.children);
    }
}

/// Every sibling list, as the index path of its parent.
pub fn lists(nodes: &[Node], parent: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    out.push(parent.clone());
    for (i, node) in nodes.iter().enumerate() {
        if !node.children.is_empty() {
            parent.push(i);
            lists(&node.children, parent, out);
            parent.pop();
        }
    }
}

pub fn list_at<'a>(nodes: &'a mut Vec<Node>, at: &[usize]) -> &'a mut Vec<Node> {
    match at.split_first() {
        None => nodes,
        Some((&i, rest)) => list_at(&mut nodes[i].children, rest),
    }
}
