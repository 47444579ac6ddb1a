//! One report file's text → a [`Report`], or one precise [`LoadError`].
//!
//! The happy path is a single `serde_json::from_str::<Report>`: loading
//! 10 000 files must stay close to plain serde_json speed. Only when that
//! fails (or reads a schema other than 1) is the text looked at again, to
//! explain the failure well: an unsupported `schema` first (a schema-2 file
//! should not be reported as "missing field"), then the serde error with the
//! path of the field it happened in and a character column.
//!
//! Every report that parses is sanitised here ([`sanitise_report`]), the one
//! place that files on disk, bundled reports, `validate`'s second reading and
//! `import`'s look at an existing file all pass through: no report text
//! leaves the loader with a control character or escape sequence in it.

use super::locate::{self, Step};
use super::variants::variant_names;
use super::{LoadError, depth};
use crate::model::{Kind, Period, Report, SCHEMA_VERSION};
use crate::sanitise::sanitise_report;
use serde::de::{self, Unexpected};
use serde_json::error::Category;
use serde_path_to_error::Segment;
use std::path::Path;

/// Parse one report file's text. `path` is only used in errors.
pub fn parse_report(json: &str, path: &Path) -> Result<Report, LoadError> {
    // Editors hide a byte-order mark and count columns after it, so do we.
    let text = json.strip_prefix('\u{feff}').unwrap_or(json);
    // serde would also read a struct from an array, positionally; a report
    // file is one object, and an array (say, of reports) deserves a plain
    // message rather than "[0]: invalid type: map".
    let start = text.len() - text.trim_start_matches([' ', '\t', '\n', '\r']).len();
    if text[start..]
        .chars()
        .next()
        .is_some_and(|first| first != '{')
    {
        let (line, column) = locate::position(text.as_bytes(), start);
        let message = "expected `{`: a report file holds one JSON object";
        return Err(LoadError::at(path, line, column, message));
    }
    match serde_json::from_str::<Report>(text) {
        Ok(mut report) if report.schema == SCHEMA_VERSION => {
            if let Some(sections) = depth::first_too_deep(&report) {
                return Err(depth::too_deep(text, path, &sections));
            }
            sanitise_report(&mut report);
            Ok(report)
        }
        Ok(report) => Err(unsupported_schema(text, path)
            .unwrap_or_else(|| schema_error(path, 1, 1, &report.schema.to_string()))),
        Err(_) => Err(explain_failure(text, path)),
    }
}

/// Parse one report file's bytes, which must be UTF-8; invalid UTF-8 is an
/// error placed at the first bad byte. `path` is only used in errors.
pub fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Report, LoadError> {
    // The fast check says only whether the bytes are UTF-8; std's, run
    // when they are not, says where they stop being so.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return parse_report(text, path);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_report(text, path),
        Err(error) => {
            let offset = error.valid_up_to();
            let (line, column) = locate::position(bytes, offset);
            let byte = bytes.get(offset).copied().unwrap_or_default();
            let message = format!("invalid UTF-8 (byte 0x{byte:02X}); report files must be UTF-8");
            Err(LoadError::at(path, line, column, message))
        }
    }
}

fn explain_failure(text: &str, path: &Path) -> LoadError {
    if let Some(error) = unsupported_schema(text, path) {
        return error;
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = match serde_path_to_error::deserialize::<_, Report>(&mut deserializer) {
        Err(error) => {
            let field = known_path(error.path());
            let sections = depth::section_indexes(error.path());
            let error = error.into_inner();
            if is_recursion_limit(&error) {
                return nested_too_deeply(text, path, &error, &field, &sections);
            }
            // An empty path is the report itself, which a message need not name.
            if field.is_empty() {
                return serde_error(text, path, &error, None);
            }
            if let Some(reason) = wrong_enum_type(text, &field, &error) {
                return placed(text, path, &error, format!("{field}: {reason}"));
            }
            return serde_error(text, path, &error, Some(&field));
        }
        Ok(_) => match deserializer.end() {
            Err(error) => error,
            // The first parse failed, so this one cannot succeed; should it
            // anyway, say so rather than invent a reason.
            Ok(()) => return LoadError::at(path, 1, 1, "not a valid schema-1 report"),
        },
    };
    serde_error(text, path, &error, None)
}

/// serde_json's error for more than 128 nested arrays and objects. The
/// error has no public kind for it, only its message.
fn is_recursion_limit(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}

/// Too deep for serde_json: in the outline, the same error as for sections
/// past [`depth::MAX_SECTION_DEPTH`]; elsewhere (an extra field), a short
/// message naming the field where the path would run to hundreds of
/// characters.
fn nested_too_deeply(
    text: &str,
    path: &Path,
    error: &serde_json::Error,
    field: &str,
    sections: &[usize],
) -> LoadError {
    if sections.len() > depth::MAX_SECTION_DEPTH {
        return depth::too_deep(text, path, sections);
    }
    let top = field.split(['.', '[']).next().unwrap_or_default();
    let message = format!("{top}: arrays and objects nested more than 127 deep");
    placed(text, path, error, message)
}

/// The error for a `schema` that is a number other than 1, placed at that
/// number; `None` when the schema is 1, missing, not a number, or the text
/// is not a JSON object.
fn unsupported_schema(text: &str, path: &Path) -> Option<LoadError> {
    let raw = locate::raw_value_at(text, &[Step::Key("schema")])?;
    let number: serde_json::Number = serde_json::from_str(raw).ok()?;
    if number.as_u64() == Some(u64::from(SCHEMA_VERSION)) {
        return None;
    }
    let (line, column) = locate::position_of_value(text, &[Step::Key("schema")])?;
    Some(schema_error(path, line, column, &number.to_string()))
}

fn schema_error(path: &Path, line: usize, column: usize, schema: &str) -> LoadError {
    let message = format!("unsupported schema {schema} (this build reads schema {SCHEMA_VERSION})");
    LoadError::at(path, line, column, message)
}

/// The field path as people write it (`sections[0].heading`), up to the
/// first step serde_path_to_error could not name: between two fields of an
/// object it knows it is in the object, not which key comes next.
fn known_path(path: &serde_path_to_error::Path) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => text.push_str(&format!("[{index}]")),
            Segment::Map { key: name } | Segment::Enum { variant: name } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Segment::Unknown => break,
        }
    }
    text
}

/// serde_json reads an enum only from a string (or a map), and reports any
/// other value there as the syntax error "expected value". When the value at
/// `field` is well-formed JSON of the wrong type for one of the report's enum
/// fields, say what it is and what would do.
fn wrong_enum_type(text: &str, field: &str, error: &serde_json::Error) -> Option<String> {
    if error.classify() != Category::Syntax {
        return None;
    }
    let (key, names) = match field {
        "kind" => ("kind", variant_names::<Kind>()?),
        "period" => ("period", variant_names::<Period>()?),
        _ => return None,
    };
    let raw = locate::raw_value_at(text, &[Step::Key(key)])?;
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    let expected = format!("one of {}", names.join(", "));
    let reason: serde_json::Error = de::Error::invalid_type(unexpected(&value), &expected.as_str());
    Some(reason.to_string())
}

/// How serde names a JSON value's type in "invalid type" messages.
fn unexpected(value: &serde_json::Value) -> Unexpected<'_> {
    use serde_json::Value;
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(value) => Unexpected::Bool(*value),
        Value::Number(number) => {
            if let Some(value) = number.as_u64() {
                Unexpected::Unsigned(value)
            } else if let Some(value) = number.as_i64() {
                Unexpected::Signed(value)
            } else {
                Unexpected::Float(number.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(value) => Unexpected::Str(value),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// Reword a serde_json error as `path:line:col: [field: ]message`.
fn serde_error(
    text: &str,
    path: &Path,
    error: &serde_json::Error,
    field: Option<&str>,
) -> LoadError {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let reason = full.strip_suffix(&suffix).unwrap_or(&full);
    let message = match field {
        Some(field) => format!("{field}: {reason}"),
        None => reason.to_string(),
    };
    placed(text, path, error, message)
}

/// `message` at the place of `error` in `text`.
fn placed(text: &str, path: &Path, error: &serde_json::Error, message: String) -> LoadError {
    if error.line() == 0 {
        return LoadError::whole_file(path, message);
    }
    let (line, column) = locate::char_position(text, error.line(), error.column());
    LoadError::at(path, line, column, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{
  "schema": 1,
  "id": "nanji-2020-work-summary",
  "title": "南麂镇2020年工作总结",
  "township": "南麂镇",
  "year": 2020,
  "period": "annual",
  "kind": "work-summary",
  "sections": [
    { "heading": "一、2020年工作总结", "paragraphs": ["一年来……"], "sections": [] }
  ],
  "an_extra_field": {"ignored": true}
}
"#;

    fn parse(text: &str) -> Result<Report, LoadError> {
        parse_report(text, Path::new("r.json"))
    }

    #[test]
    fn parses_a_report_and_ignores_unknown_fields() {
        let report = parse(GOOD).unwrap();
        assert_eq!(report.id, "nanji-2020-work-summary");
        assert_eq!(report.county, None);
        assert_eq!(report.sections[0].paragraphs, ["一年来……"]);
    }

    #[test]
    fn accepts_a_byte_order_mark() {
        assert!(parse(&format!("\u{feff}{GOOD}")).is_ok());
    }

    #[test]
    fn unsupported_schema_wins_over_missing_fields() {
        let error = parse("{\n  \"schema\": 2,\n  \"name\": \"x\"\n}").unwrap_err();
        assert_eq!(
            error.to_string(),
            "r.json:2:13: unsupported schema 2 (this build reads schema 1)"
        );
    }

    #[test]
    fn unsupported_schema_of_an_otherwise_valid_report() {
        let error = parse(&GOOD.replace("\"schema\": 1", "\"schema\": 7")).unwrap_err();
        assert_eq!((error.line, error.column), (2, 13));
        assert!(error.message.starts_with("unsupported schema 7"));
    }

    #[test]
    fn nested_errors_name_the_field_path() {
        let text = GOOD.replace("\"heading\": \"一、2020年工作总结\", ", "");
        let error = parse(&text).unwrap_err();
        assert_eq!(error.message, "sections[0]: missing field `heading`");
        assert_eq!(error.line, 10);

        let text = GOOD.replace("[\"一年来……\"]", "[\"一年来……\", 5]");
        let error = parse(&text).unwrap_err();
        assert_eq!(
            error.message,
            "sections[0].paragraphs[1]: invalid type: integer `5`, expected a string"
        );
        // Column in characters: the 5 sits after CJK text.
        let line = text.lines().nth(9).unwrap();
        let five = line.char_indices().position(|(_, c)| c == '5').unwrap() + 1;
        assert_eq!((error.line, error.column), (10, five));
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let error = parse(&format!("{GOOD}x")).unwrap_err();
        assert_eq!(error.message, "trailing characters");
        assert_eq!((error.line, error.column), (14, 1));
    }

    #[test]
    fn empty_text_and_non_objects() {
        let error = parse("").unwrap_err();
        assert_eq!(error.message, "EOF while parsing a value");
        assert_eq!((error.line, error.column), (1, 1));
        let error = parse("\n  [1, 2]").unwrap_err();
        assert_eq!(
            error.to_string(),
            "r.json:2:3: expected `{`: a report file holds one JSON object"
        );
    }

    #[test]
    fn invalid_utf8_is_placed() {
        let bytes = b"{\n  \"id\": \"\xe5\x8d\x97\xff\"\n}";
        let error = parse_bytes(bytes, Path::new("r.json")).unwrap_err();
        assert_eq!((error.line, error.column), (2, 11));
        assert!(error.message.contains("0xFF"), "{error}");
    }
}
