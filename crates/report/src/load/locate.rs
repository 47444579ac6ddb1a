//! Where a value sits in a report file's text, for error positions.
//!
//! serde_json gives positions only with its errors. When the loader or
//! `validate` wants to point at a value that parsed fine (an unsupported
//! `schema`, a duplicate `id`, an empty heading), it re-reads the text as
//! borrowed [`RawValue`]s: each is a slice of the input, so its byte offset is
//! exact. This only runs for files that have a problem.
//!
//! Positions are 1-based lines and 1-based columns counted in characters, as
//! editors show them (serde_json's own columns count bytes).

use serde_json::value::RawValue;
use std::collections::HashMap;

/// One step of a path into a JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Step {
    Key(&'static str),
    Index(usize),
}

/// The raw text of the value at `path`, or `None` when there is no such
/// value or the text is not JSON.
pub(crate) fn raw_value_at<'t>(text: &'t str, path: &[Step]) -> Option<&'t str> {
    let mut current: &'t str = serde_json::from_str::<&'t RawValue>(text).ok()?.get();
    for step in path {
        current = match *step {
            Step::Key(key) => {
                let mut object: HashMap<String, &'t RawValue> =
                    serde_json::from_str(current).ok()?;
                object.remove(key)?.get()
            }
            Step::Index(index) => {
                let array: Vec<&'t RawValue> = serde_json::from_str(current).ok()?;
                array.get(index)?.get()
            }
        };
    }
    Some(current)
}

/// Line and column of the value at `path`, if there is one.
pub(crate) fn position_of_value(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    let raw = raw_value_at(text, path)?;
    // `raw` is a slice of `text`, so the pointer difference is its offset.
    let offset = raw.as_ptr() as usize - text.as_ptr() as usize;
    Some(position(text.as_bytes(), offset))
}

/// Line and column of the value at each of `paths`, or `None` where there
/// is no such value: [`position_of_value`] for many values of one file at
/// once. Asked one at a time, each value would cost a parse of the text and
/// a count of its lines, and a file with 50 000 empty headings would take
/// hours; here every array and object on the way is parsed once, however
/// many paths go through it, and the lines are counted in one pass.
pub(crate) fn positions_of_values(text: &str, paths: &[&[Step]]) -> Vec<Option<(usize, usize)>> {
    let Ok(root) = serde_json::from_str::<&RawValue>(text) else {
        return vec![None; paths.len()];
    };
    let mut parsed: HashMap<&[Step], Container<'_>> = HashMap::new();
    let offsets: Vec<Option<usize>> = paths
        .iter()
        .map(|path| {
            let mut current = root.get();
            for depth in 0..path.len() {
                let container = parsed
                    .entry(&path[..depth])
                    .or_insert_with(|| Container::parse(current));
                current = container.child(path[depth])?;
            }
            // `current` is a slice of `text`, so the pointer difference is its offset.
            Some(current.as_ptr() as usize - text.as_ptr() as usize)
        })
        .collect();
    let mut wanted: Vec<usize> = offsets.iter().flatten().copied().collect();
    wanted.sort_unstable();
    wanted.dedup();
    let found = positions(text.as_bytes(), &wanted);
    offsets
        .into_iter()
        .map(|offset| {
            let index = wanted.binary_search(&offset?).ok()?;
            Some(found[index])
        })
        .collect()
}

/// An array or object of a document, its members parsed as raw text.
enum Container<'t> {
    Object(HashMap<String, &'t RawValue>),
    Array(Vec<&'t RawValue>),
    Neither,
}

impl<'t> Container<'t> {
    fn parse(text: &'t str) -> Container<'t> {
        if let Ok(object) = serde_json::from_str(text) {
            Container::Object(object)
        } else if let Ok(array) = serde_json::from_str(text) {
            Container::Array(array)
        } else {
            Container::Neither
        }
    }

    fn child(&self, step: Step) -> Option<&'t str> {
        match (self, step) {
            (Container::Object(object), Step::Key(key)) => object.get(key).map(|raw| raw.get()),
            (Container::Array(array), Step::Index(index)) => array.get(index).map(|raw| raw.get()),
            _ => None,
        }
    }
}

/// Line and column of each of `offsets` (in ascending order) in `bytes`,
/// in one pass over the text.
fn positions(bytes: &[u8], offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut found = Vec::with_capacity(offsets.len());
    let (mut line, mut line_start, mut scanned) = (1, 0, 0);
    for &offset in offsets {
        let offset = offset.min(bytes.len());
        for (at, &byte) in bytes[scanned..offset].iter().enumerate() {
            if byte == b'\n' {
                line += 1;
                line_start = scanned + at + 1;
            }
        }
        scanned = offset.max(scanned);
        found.push((
            line,
            1 + count_chars(&bytes[line_start..offset.max(line_start)]),
        ));
    }
    found
}

/// Line and column of byte `offset` in `bytes`. Works on bytes so that it
/// also serves text that is only valid UTF-8 up to `offset`.
pub(crate) fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    (line, 1 + count_chars(&before[line_start..]))
}

/// Convert serde_json's (line, byte column) into (line, character column).
/// serde_json's column is the number of bytes of the line it has consumed,
/// so the offending character is the last one inside that span.
pub fn char_position(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        match bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
        {
            Some((newline, _)) => newline + 1,
            None => return (line, byte_column.max(1)),
        }
    };
    let end = (line_start + byte_column).min(bytes.len());
    (line, count_chars(&bytes[line_start..end]).max(1))
}

/// Characters in a UTF-8 byte run: every byte that is not a continuation byte
/// starts one.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"schema\": 2,\n  \"title\": \"南麂镇\",\n  \"sections\": [\n    {\"heading\": \"一\"},\n    {\"heading\": \"\"}\n  ]\n}\n";

    #[test]
    fn finds_top_level_values() {
        assert_eq!(
            position_of_value(TEXT, &[Step::Key("schema")]),
            Some((2, 13))
        );
        assert_eq!(
            raw_value_at(TEXT, &[Step::Key("title")]),
            Some("\"南麂镇\"")
        );
    }

    #[test]
    fn finds_nested_values_with_character_columns() {
        let path = [Step::Key("sections"), Step::Index(1), Step::Key("heading")];
        assert_eq!(position_of_value(TEXT, &path), Some((6, 17)));
    }

    #[test]
    fn missing_values_and_broken_json_give_none() {
        assert_eq!(position_of_value(TEXT, &[Step::Key("year")]), None);
        let past_end = [Step::Key("sections"), Step::Index(9)];
        assert_eq!(position_of_value(TEXT, &past_end), None);
        assert_eq!(position_of_value("{\"id\": ", &[Step::Key("id")]), None);
    }

    #[test]
    fn byte_columns_become_character_columns() {
        // "  \"title\": \"南麂镇\"," — the closing quote is byte 22, character 16.
        assert_eq!(char_position(TEXT, 3, 22), (3, 16));
        assert_eq!(char_position(TEXT, 1, 0), (1, 1));
    }

    #[test]
    fn many_positions_at_once_agree_with_one_at_a_time() {
        let heading = |index| {
            [
                Step::Key("sections"),
                Step::Index(index),
                Step::Key("heading"),
            ]
        };
        let (first, second, past) = (heading(0), heading(1), heading(9));
        let schema = [Step::Key("schema")];
        let missing = [Step::Key("title"), Step::Key("x")];
        let paths: [&[Step]; 5] = [&second, &schema, &past, &first, &missing];
        let expected: Vec<_> = paths
            .iter()
            .map(|path| position_of_value(TEXT, path))
            .collect();
        assert_eq!(positions_of_values(TEXT, &paths), expected);
        assert_eq!(expected[..2], [Some((6, 17)), Some((2, 13))]);
        assert_eq!(positions_of_values("{", &paths), vec![None; 5]);
    }

    #[test]
    fn position_counts_lines_and_characters() {
        assert_eq!(position("ab\n南x".as_bytes(), 6), (2, 2));
        assert_eq!(position(b"", 0), (1, 1));
    }
}
