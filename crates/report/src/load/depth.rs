//! How deep a report's sections may nest, and the error for a file whose
//! sections go deeper.
//!
//! Real outlines are at most seven levels deep (第一部分 → 一、 → (一) → 1. →
//! (1) → ① → 一是…). A file can claim any depth, and much of what handles a
//! report recurses once a level (serde's derived code, `Clone`, `Drop`,
//! `validate`'s heading check), so the loader refuses a file nested deeper
//! than [`MAX_SECTION_DEPTH`] with one short error at the first section too
//! deep, and the rest of the library loads. serde_json gives up by itself
//! at 128 nested arrays and objects (about 63 section levels), with an error
//! whose field path is one `sections[0].` per level: that is reworded to the
//! same error.

use super::LoadError;
use super::locate::{self, Step};
use crate::model::{Report, Section};
use std::path::Path;

/// The deepest a section may sit: 1 is a top-level section.
pub const MAX_SECTION_DEPTH: usize = 32;

/// The child indexes of the first section, depth first in file order,
/// that sits deeper than [`MAX_SECTION_DEPTH`]; `None` when none does.
pub(crate) fn first_too_deep(report: &Report) -> Option<Vec<usize>> {
    // Each level's sections, and the iterator over those not yet visited:
    // a stack, not recursion, and nothing allocated per section.
    let mut stack: Vec<(&[Section], std::slice::Iter<'_, Section>)> =
        vec![(&report.sections, report.sections.iter())];
    while let Some((_, remaining)) = stack.last_mut() {
        let Some(section) = remaining.next() else {
            stack.pop();
            continue;
        };
        if stack.len() > MAX_SECTION_DEPTH {
            let path = stack
                .iter()
                .map(|(level, remaining)| level.len() - remaining.len() - 1)
                .collect();
            return Some(path);
        }
        stack.push((&section.sections, section.sections.iter()));
    }
    None
}

/// The error for sections nested too deeply, at the section with child
/// indexes `path` (at least [`MAX_SECTION_DEPTH`] + 1 of them: the first is
/// named in the message, the section at the depth past the limit is where
/// the error points). When `path` cannot be found in `text`, the error has
/// no position.
pub(crate) fn too_deep(text: &str, file: &Path, path: &[usize]) -> LoadError {
    let message = format!(
        "sections[{}]: sections nested deeper than {MAX_SECTION_DEPTH} levels",
        path.first().copied().unwrap_or_default()
    );
    let steps: Vec<Step> = path
        .iter()
        .take(MAX_SECTION_DEPTH + 1)
        .flat_map(|&index| [Step::Key("sections"), Step::Index(index)])
        .collect();
    match locate::position_of_value(text, &steps) {
        Some((line, column)) => LoadError::at(file, line, column, message),
        None => LoadError::whole_file(file, message),
    }
}

/// The section indexes a serde field path goes through from the report
/// down, as long as it goes from section to child section
/// (`sections[2].sections[0]…` → `[2, 0, …]`).
pub(crate) fn section_indexes(path: &serde_path_to_error::Path) -> Vec<usize> {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    segments
        .chunks_exact(2)
        .map_while(|pair| match pair {
            [Segment::Map { key }, Segment::Seq { index }] if key == "sections" => Some(*index),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> Vec<Section> {
        let mut sections = Vec::new();
        for _ in 0..depth {
            sections = vec![
                Section {
                    heading: "旁".into(),
                    paragraphs: Vec::new(),
                    sections: Vec::new(),
                },
                Section {
                    heading: "层".into(),
                    paragraphs: Vec::new(),
                    sections,
                },
            ];
        }
        sections
    }

    fn report(sections: Vec<Section>) -> Report {
        Report {
            sections,
            ..Report::new("r", "t")
        }
    }

    #[test]
    fn finds_the_first_section_past_the_limit_by_its_indexes() {
        assert_eq!(first_too_deep(&report(nested(MAX_SECTION_DEPTH))), None);
        let path = first_too_deep(&report(nested(MAX_SECTION_DEPTH + 3))).expect("too deep");
        let mut expected = vec![1; MAX_SECTION_DEPTH];
        expected.push(0);
        assert_eq!(path, expected);
        assert_eq!(first_too_deep(&report(Vec::new())), None);
    }
}
