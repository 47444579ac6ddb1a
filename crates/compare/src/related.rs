//! Related sections over a library: the same topic in other reports.
//!
//! Every section of every report is a document of two fields, as
//! character bigrams: its heading's core, and the same core with the start
//! of its text ([`TEXT_CHARS`] characters of its first paragraph; a
//! section with none, such as a part holding others, has its heading
//! alone). Kept apart, a bigram's rarity is counted among headings and
//! among text separately: a heading's stock phrases (不断优化, 新台阶) are
//! rare among headings of a small library but common in text. Each area of
//! work the heading names ([`crate::areas`]) is one more term of the
//! heading field, so that sections of one area share a term even when they
//! share no words; it does not count in the heading's length.
//!
//! Documents are ranked by BM25 against the section asked about, weighed
//! by how far the two agree on their areas of work (from [`DISAGREEING`]
//! to 1), the best section of each other report kept. Terms in more than a
//! quarter of all documents (and in at least three; 工作, 发展) are skipped
//! when querying: they rank nothing, and reading their long lists is most
//! of the time a query would take.
//!
//! The list puts the township's other years first, then the county's
//! other townships, then the rest, each group by score. Only sections
//! scoring at least [`FLOOR`] of the best one are listed, so a weak match
//! in the same township does not come before a strong one elsewhere.

use crate::areas::{self, Profile};
use crate::text::{Gram, heading_core, meaningful, pair};
use baogao_report::library::Library;
use baogao_report::model::{Report, SectionPath};
use std::collections::HashMap;

/// How many characters of a section's text join its heading.
pub const TEXT_CHARS: usize = 200;
/// The share of the best score a listed section must reach.
pub const FLOOR: f32 = 0.6;
/// The weight of a section whose areas of work share none with those of
/// the section asked about: words in common still count, for a heading
/// may name an area in words the lexicon lacks, but little.
pub const DISAGREEING: f32 = 0.3;
/// The agreement taken when either section names no area: half way, so
/// that it weighs [`DISAGREEING`] + (1 − [`DISAGREEING`]) / 2 = 0.65.
pub const UNKNOWN_AGREEMENT: f32 = 0.5;
const K1: f32 = 1.2;
/// Marks a bigram of the heading field (code points leave the top bit free).
const HEADING: Gram = 1 << 63;
const B: f32 = 0.75;

/// How a related section stands to the one asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kinship {
    /// Another report of the same township (another year, or period).
    SameTownship,
    /// A report of another township of the same county.
    SameCounty,
    Elsewhere,
}

/// One related section.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// The report's index in the library.
    pub report: usize,
    pub path: SectionPath,
    pub score: f32,
    pub kinship: Kinship,
}

/// The index of every section of a library.
#[derive(Debug, Clone, Default)]
pub struct RelatedIndex {
    /// Per document: its report and path.
    docs: Vec<(u32, SectionPath)>,
    /// Per document: its number of bigrams in each field (heading, text).
    lengths: Vec<[u16; 2]>,
    /// Per document: the areas of work it names.
    profiles: Vec<Profile>,
    /// Per field, the average over documents.
    average_length: [f32; 2],
    /// Per report: the range of its documents.
    report_docs: Vec<(u32, u32)>,
    /// Per report: its township and county, as interned numbers.
    places: Vec<(Option<u32>, Option<u32>)>,
    terms: HashMap<Gram, u32>,
    /// Term postings, all in one array: `starts[t]..starts[t + 1]`.
    starts: Vec<u32>,
    posting_docs: Vec<u32>,
    posting_counts: Vec<u8>,
}

/// What a section's score is multiplied by when its areas of work and
/// those of the section asked about agree as far as `agreement` (their
/// [`Profile::agreement`]): from [`DISAGREEING`] when they share none to 1
/// when they are the same; [`UNKNOWN_AGREEMENT`] when either names none.
fn area_weight(agreement: Option<f32>) -> f32 {
    DISAGREEING + (1.0 - DISAGREEING) * agreement.unwrap_or(UNKNOWN_AGREEMENT)
}

/// The high half of a term standing for an area of work: above every
/// bigram's, whose first code point stops at 0x10FFFF.
const AREA_TERMS: Gram = 0x11_0000 << 32;

/// The term standing for an area of work (its [`areas::AREAS`] index).
fn area_term(area: usize) -> Gram {
    AREA_TERMS | area as Gram
}

/// Whether a term of a document stands for an area, not a bigram.
fn is_area_term(gram: Gram) -> bool {
    gram & !HEADING & !0xFFFF_FFFF == AREA_TERMS
}

/// Which field a bigram of a document is in: 0 the heading, 1 the text.
fn field(gram: Gram) -> usize {
    usize::from(gram & HEADING == 0)
}

/// A section as the index sees it: its bigrams with their counts, and
/// the areas it names.
struct Document {
    grams: Vec<(Gram, u8)>,
    profile: Profile,
}

/// Whether a report was printed in traditional characters (工作總結), told by
/// its title: its sections are folded to simplified characters, one for one,
/// so that it relates to the others. Told once a report, as folding every
/// section's text would cost a third of the build for the few that need it.
fn in_traditional(report: &Report) -> bool {
    fast2s::convert(&report.title) != report.title
}

/// The document of a section (empty when the path is none of the report's),
/// folded to simplified characters when the report is `traditional`.
fn document(report: &Report, path: &SectionPath, traditional: bool) -> Document {
    let Some(section) = report.section(path) else {
        return Document {
            grams: Vec::new(),
            profile: Profile::default(),
        };
    };
    let mut grams: Vec<Gram> = Vec::new();
    let mut push = |text: &str, tag: Gram| {
        let mut previous = None;
        for c in text.chars() {
            if let Some(p) = previous {
                grams.push(pair(p, c) | tag);
            }
            previous = Some(c);
        }
    };
    let fold = |text: String| {
        if traditional {
            fast2s::convert(&text)
        } else {
            text
        }
    };
    let core = fold(
        meaningful(&heading_core(&section.heading))
            .take(64)
            .collect(),
    );
    // The heading twice: once as a heading, ranked by how rare its bigrams
    // are among headings, and once with the text, by how rare they are in
    // text (a heading's stock phrases, 不断优化, are common in text too).
    push(&core, HEADING);
    push(&core, 0);
    // A part holding sections is known by its heading alone: its opening
    // text sums up the whole year (economy, people, the party at once) and
    // would relate it to every topic.
    let mut text = String::new();
    if section.sections.is_empty()
        && let Some(paragraph) = section.paragraphs.first()
    {
        text = fold(meaningful(paragraph).take(TEXT_CHARS).collect());
        push(&text, 0);
    }
    // Each area the heading names is a term of the heading field too, so
    // that two sections of one area are related even when they share no
    // words (`“十四五”的总体要求和目标任务` and `2021年工作思路`, both plans).
    let named = areas::count(&core);
    for (area, &n) in named.0.iter().enumerate() {
        if n > 0 {
            grams.push(area_term(area) | HEADING);
        }
    }
    let profile = areas::weigh(named, areas::count(&text));
    grams.sort_unstable();
    let mut counted: Vec<(Gram, u8)> = Vec::with_capacity(grams.len());
    for gram in grams {
        match counted.last_mut() {
            Some((last, count)) if *last == gram => *count = count.saturating_add(1),
            _ => counted.push((gram, 1)),
        }
    }
    Document {
        grams: counted,
        profile,
    }
}

impl RelatedIndex {
    /// Index every section of `library`.
    pub fn build(library: &Library) -> RelatedIndex {
        Self::build_until(library, || false).unwrap_or_default()
    }

    /// [`RelatedIndex::build`], asking `stop` before each report and giving
    /// up (`None`) once it says so: a build on a thread of its own can be
    /// abandoned when the reader quits or its library is replaced.
    pub fn build_until<'a>(library: &'a Library, stop: impl Fn() -> bool) -> Option<RelatedIndex> {
        let mut index = RelatedIndex::default();
        let mut names: HashMap<&str, u32> = HashMap::new();
        let mut intern = |name: Option<&'a str>| {
            let name = name?;
            let next = u32::try_from(names.len()).unwrap_or(u32::MAX);
            Some(*names.entry(name).or_insert(next))
        };
        // Each document's bigrams are kept as term numbers in one flat
        // array while the lists' lengths are counted; then every posting
        // is written straight into its place in the index. Lists per
        // bigram, gathered then copied, held twice the index in many small
        // allocations at the peak, which the allocator kept after the build.
        let mut counts: Vec<u32> = Vec::new();
        let mut doc_terms: Vec<u32> = Vec::new();
        let mut doc_counts: Vec<u8> = Vec::new();
        let mut doc_ends: Vec<usize> = Vec::new();
        let mut total_length = [0u64; 2];
        for (r, report) in library.reports().iter().enumerate() {
            if stop() {
                return None;
            }
            let first = index.docs.len() as u32;
            let county = intern(report.county.as_deref());
            let township = intern(report.township.as_deref());
            index.places.push((township, county));
            let traditional = in_traditional(report);
            for (path, _) in report.outline() {
                let Document { grams, profile } = document(report, &path, traditional);
                index.profiles.push(profile);
                let mut length = [0u32; 2];
                // A heading's length is its bigrams: the areas it names
                // are not words, and do not make it longer.
                for &(gram, count) in grams.iter().filter(|(gram, _)| !is_area_term(*gram)) {
                    length[field(gram)] += u32::from(count);
                }
                for (total, &n) in total_length.iter_mut().zip(&length) {
                    *total += u64::from(n);
                }
                index
                    .lengths
                    .push(length.map(|n| u16::try_from(n).unwrap_or(u16::MAX)));
                for (gram, count) in grams {
                    let next = counts.len() as u32;
                    let term = *index.terms.entry(gram).or_insert(next);
                    if term == next {
                        counts.push(0);
                    }
                    counts[term as usize] += 1;
                    doc_terms.push(term);
                    doc_counts.push(count);
                }
                doc_ends.push(doc_terms.len());
                index.docs.push((r as u32, path));
            }
            index.report_docs.push((first, index.docs.len() as u32));
        }
        let documents = index.docs.len().max(1) as f32;
        index.average_length = total_length.map(|total| (total as f32 / documents).max(1.0));
        index.starts.reserve(counts.len() + 1);
        index.starts.push(0);
        let mut postings = 0u32;
        for count in &counts {
            postings += count;
            index.starts.push(postings);
        }
        // Where each term's next posting goes.
        let mut next: Vec<u32> = counts;
        let terms = next.len();
        next.copy_from_slice(&index.starts[..terms]);
        index.posting_docs = vec![0; postings as usize];
        index.posting_counts = vec![0; postings as usize];
        let mut start = 0;
        for (doc, end) in doc_ends.into_iter().enumerate() {
            for (&term, &count) in doc_terms[start..end].iter().zip(&doc_counts[start..end]) {
                let at = &mut next[term as usize];
                index.posting_docs[*at as usize] = doc as u32;
                index.posting_counts[*at as usize] = count;
                *at += 1;
            }
            start = end;
        }
        Some(index)
    }

    /// How many sections are indexed.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Bytes the index holds (its arrays, not the allocator's slack).
    pub fn heap_bytes(&self) -> usize {
        let paths: usize = self.docs.iter().map(|(_, p)| p.0.len() * 8).sum();
        self.docs.len() * size_of::<(u32, SectionPath)>()
            + paths
            + self.lengths.len() * 4
            + self.profiles.len() * size_of::<Profile>()
            + self.report_docs.len() * 8
            + self.places.len() * size_of::<(Option<u32>, Option<u32>)>()
            + self.terms.len() * (size_of::<Gram>() + 4 + 1)
            + self.starts.len() * 4
            + self.posting_docs.len() * 5
    }

    /// The sections related to `path` of the report at `report`, at most
    /// `limit`, in the order the module doc gives. Empty when the path is
    /// no section of that report.
    pub fn related(
        &self,
        library: &Library,
        report: usize,
        path: &SectionPath,
        limit: usize,
    ) -> Vec<Related> {
        let Some(asked) = library.reports().get(report) else {
            return Vec::new();
        };
        let Document {
            grams: query,
            profile: asked_profile,
        } = document(asked, path, in_traditional(asked));
        if query.is_empty() || self.docs.is_empty() {
            return Vec::new();
        }
        let total = self.docs.len() as f32;
        let common = (self.docs.len() / 4).max(2);
        // Dense: a hash map per posting costs more than zeroing one float
        // per section.
        let mut scores = vec![0.0_f32; self.docs.len()];
        let mut touched: Vec<u32> = Vec::new();
        for (gram, query_count) in query {
            let Some(&term) = self.terms.get(&gram) else {
                continue;
            };
            let (start, end) = (
                self.starts[term as usize] as usize,
                self.starts[term as usize + 1] as usize,
            );
            let df = end - start;
            if df > common {
                continue;
            }
            let idf = ((total - df as f32 + 0.5) / (df as f32 + 0.5) + 1.0).ln();
            let weight = idf * f32::from(query_count).sqrt();
            let field = field(gram);
            for k in start..end {
                let doc = self.posting_docs[k];
                let tf = f32::from(self.posting_counts[k]);
                // Each field against its own average (as in BM25F): a
                // section with no text is not short next to ones with.
                let length = f32::from(self.lengths[doc as usize][field]);
                let norm = K1 * (1.0 - B + B * length / self.average_length[field]);
                let score = &mut scores[doc as usize];
                if *score == 0.0 {
                    touched.push(doc);
                }
                *score += weight * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        let mut best: HashMap<u32, (u32, f32)> = HashMap::new();
        for doc in touched {
            let agreement = asked_profile.agreement(&self.profiles[doc as usize]);
            let score = scores[doc as usize] * area_weight(agreement);
            let (r, _) = self.docs[doc as usize];
            if r as usize == report {
                continue;
            }
            let entry = best.entry(r).or_insert((doc, f32::MIN));
            if score > entry.1 || (score.total_cmp(&entry.1).is_eq() && doc < entry.0) {
                *entry = (doc, score);
            }
        }
        let top = best.values().map(|&(_, s)| s).fold(0.0_f32, f32::max);
        let (township, county) = self.places.get(report).copied().unwrap_or_default();
        let mut found: Vec<Related> = best
            .into_iter()
            .filter(|&(_, (_, score))| score >= FLOOR * top)
            .map(|(r, (doc, score))| {
                let (other_township, other_county) = self.places[r as usize];
                let kinship = if county.is_some() && other_county == county {
                    if township.is_some() && other_township == township {
                        Kinship::SameTownship
                    } else {
                        Kinship::SameCounty
                    }
                } else if county.is_none() && township.is_some() && other_township == township {
                    Kinship::SameTownship
                } else {
                    Kinship::Elsewhere
                };
                Related {
                    report: r as usize,
                    path: self.docs[doc as usize].1.clone(),
                    score,
                    kinship,
                }
            })
            .collect();
        found.sort_by(|a, b| {
            a.kinship
                .cmp(&b.kinship)
                .then(b.score.total_cmp(&a.score))
                .then(a.report.cmp(&b.report))
        });
        found.truncate(limit);
        found
    }
}
