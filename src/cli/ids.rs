//! How commands speak of report ids they cannot find: where they looked,
//! and the command that lists every id, quoted so it can be pasted.

use super::describe_source;
use baogao_i18n::{t, tf};
use std::path::Path;

/// Why `id` names no report of `dir` (or the bundled reports): where it
/// was looked for, and the command that lists the ids.
pub(super) fn unknown_report(id: &str, dir: Option<&Path>) -> String {
    [
        tf(
            "show.unknown",
            &[("id", &id), ("source", &describe_source(dir))],
        ),
        list_hint(dir),
    ]
    .join(t("cli.sentence_gap"))
}

/// The sentence naming the command that lists every id of `dir`.
pub(super) fn list_hint(dir: Option<&Path>) -> String {
    let list = match dir {
        Some(dir) => format!("baogao list {}", shell_quote(&dir.display().to_string())),
        None => "baogao list".to_string(),
    };
    tf("show.list_hint", &[("list", &list)])
}

/// `word` as a shell reads it back: unchanged when it holds only characters
/// no shell treats specially, else in single quotes (a `'` inside becomes
/// `'\''`), so a suggested command can be pasted as it is.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./:@%+=,".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_quote_leaves_plain_words_and_quotes_the_rest() {
        assert_eq!(shell_quote("data/reports"), "data/reports");
        assert_eq!(shell_quote("报告/2020"), "报告/2020");
        assert_eq!(shell_quote("my reports"), "'my reports'");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("$HOME"), "'$HOME'");
        assert_eq!(shell_quote(""), "''");
    }
}
