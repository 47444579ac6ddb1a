//! The words of baogao's interface, in English and in Chinese.
//!
//! Every string the reader draws and every line of the command line's human
//! output is looked up here by a key: [`t`] for a fixed string, [`tf`] for
//! one with `{name}` slots. Each language is one plain Rust table
//! (`en.rs`, `zh.rs`) of `(key, text)` rows; a test checks that both hold
//! the same keys and that every key the code asks for is in them. Plain
//! tables rather than `fluent` or `rust-i18n`: two languages, a few hundred
//! short strings, no plural rules Chinese needs, and a key missing from one
//! table is a test failure, not a runtime surprise.
//!
//! The language is chosen once per process ([`set_language`]) from `--lang`,
//! the settings file or the locale ([`from_locale`]); a thread may override
//! it ([`with_language`]), which is how tests draw both languages side by
//! side. JSON output never goes through here: it stays language-neutral.

#![forbid(unsafe_code)]

mod en;
mod zh;

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Language {
    /// English, the default.
    #[default]
    English,
    /// Simplified Chinese.
    Chinese,
}

impl Language {
    /// Every language, in the order `--lang` lists them.
    pub const ALL: [Language; 2] = [Language::English, Language::Chinese];

    /// The short code used by `--lang` and the settings file.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Chinese => "zh",
        }
    }

    /// The language a code names: `en`, `zh`, or a locale such as `zh_CN.UTF-8`.
    pub fn parse(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let base = code.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "zh" => Some(Language::Chinese),
            "en" | "c" | "posix" => Some(Language::English),
            _ => None,
        }
    }

    fn table(self) -> &'static HashMap<&'static str, &'static str> {
        static EN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
        static ZH: OnceLock<HashMap<&str, &str>> = OnceLock::new();
        match self {
            Language::English => EN.get_or_init(|| en::TABLE.iter().copied().collect()),
            Language::Chinese => ZH.get_or_init(|| zh::TABLE.iter().copied().collect()),
        }
    }
}

/// The language the locale asks for, as POSIX resolves it: the first of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides;
/// `zh_*` is Chinese, anything else (or nothing) English.
pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| var(name).filter(|value| !value.is_empty()))
        .map(|value| {
            if value.to_ascii_lowercase().starts_with("zh") {
                Language::Chinese
            } else {
                Language::English
            }
        })
        .next()
        .unwrap_or_default()
}

/// The language of the process environment's locale.
pub fn from_env() -> Language {
    from_locale(|name| std::env::var(name).ok())
}

static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// Set the language of the whole process (done once, at start-up).
pub fn set_language(language: Language) {
    PROCESS.store(u8::from(language == Language::Chinese), Ordering::Relaxed);
}

/// The language strings are looked up in on this thread.
pub fn language() -> Language {
    THREAD.with(Cell::get).unwrap_or_else(|| {
        if PROCESS.load(Ordering::Relaxed) == 1 {
            Language::Chinese
        } else {
            Language::English
        }
    })
}

/// Run `f` with this thread's strings in `language` (the process's choice
/// is left alone), so tests can draw in both languages in parallel.
pub fn with_language<T>(language: Language, f: impl FnOnce() -> T) -> T {
    let before = THREAD.with(|cell| cell.replace(Some(language)));
    let restore = Restore(before);
    let value = f();
    drop(restore);
    value
}

struct Restore(Option<Language>);

impl Drop for Restore {
    fn drop(&mut self) {
        THREAD.with(|cell| cell.set(self.0));
    }
}

/// The text of `key` in this thread's language. A key missing from the
/// language's table falls back to English, then to the key itself (the
/// catalogue test keeps that from happening).
pub fn t(key: &str) -> &'static str {
    lookup(language(), key)
}

/// The text of `key` in `language`.
pub fn lookup(language: Language, key: &str) -> &'static str {
    if let Some(text) = language.table().get(key) {
        return text;
    }
    if let Some(text) = Language::English.table().get(key) {
        return text;
    }
    // A key is 'static in every call site; leaking the rare miss keeps the
    // signature simple and is bounded by the number of distinct keys.
    Box::leak(key.to_string().into_boxed_str())
}

/// The text of `key` with each `{name}` slot filled from `args`.
pub fn tf(key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(t(key), args)
}

/// `template` with each `{name}` slot filled from `args`; a slot with no
/// argument stays as written.
pub fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(arg, _)| *arg == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every key of the catalogue (the English table's), for tests that draw
/// or measure them all.
pub fn keys() -> impl Iterator<Item = &'static str> {
    en::TABLE.iter().map(|(key, _)| *key)
}

/// Every `(key, text)` row of one language's table.
pub fn rows(language: Language) -> &'static [(&'static str, &'static str)] {
    match language {
        Language::English => en::TABLE,
        Language::Chinese => zh::TABLE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn both_tables_hold_the_same_keys_once_each() {
        for language in Language::ALL {
            let mut seen = HashSet::new();
            for (key, _) in rows(language) {
                assert!(seen.insert(*key), "{key} twice in {language:?}");
            }
        }
        let en: HashSet<_> = rows(Language::English).iter().map(|(k, _)| *k).collect();
        let zh: HashSet<_> = rows(Language::Chinese).iter().map(|(k, _)| *k).collect();
        let only_en: Vec<_> = en.difference(&zh).collect();
        let only_zh: Vec<_> = zh.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in zh.rs: {only_en:?}");
        assert!(only_zh.is_empty(), "missing in en.rs: {only_zh:?}");
    }

    #[test]
    fn both_tables_have_the_same_slots_per_key() {
        let slots = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|part| part.split_once('}').map(|(name, _)| name.to_string()))
                .collect();
            names.sort();
            names
        };
        for (key, en) in rows(Language::English) {
            let zh = lookup(Language::Chinese, key);
            assert_eq!(slots(en), slots(zh), "{key}: {en} / {zh}");
        }
    }

    #[test]
    fn the_locale_decides_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        assert_eq!(
            from_locale(env(&[("LANG", "zh_CN.UTF-8")])),
            Language::Chinese
        );
        assert_eq!(from_locale(env(&[("LANG", "C")])), Language::English);
        assert_eq!(from_locale(env(&[])), Language::English);
        assert_eq!(
            from_locale(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Language::English
        );
        assert_eq!(
            from_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "C")
            ])),
            Language::Chinese
        );
    }

    /// Every key the code asks for by a literal (`t("…")`, `tf("…"`,
    /// `lookup(…, "…")`) is in the catalogue: a string added to the code
    /// without its rows fails here, not on a user's screen.
    #[test]
    fn every_key_the_code_asks_for_is_in_the_catalogue() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        // This file names the openers in strings of its own: it is skipped.
        let mut dirs = vec![root.join("src"), root.join("crates"), root.join("tests")];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() && !path.ends_with("target") {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("i18n/src/lib.rs")
                {
                    files.push(path);
                }
            }
        }
        let known: HashSet<&str> = keys().collect();
        let mut asked = 0;
        for file in files {
            let Ok(source) = std::fs::read_to_string(&file) else {
                continue;
            };
            for opener in ["t(\"", "tf(\"", "zh(\""] {
                for (at, _) in source.match_indices(opener) {
                    // `t(` must be a call of its own, not the end of a name.
                    let before = source[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &source[at + opener.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let key = &rest[..end];
                    asked += 1;
                    assert!(
                        known.contains(key),
                        "{}: key {key:?} is in no catalogue",
                        file.display()
                    );
                }
            }
        }
        assert!(asked > 50, "only {asked} keys found: is the scan broken?");
    }

    #[test]
    fn slots_are_filled_by_name() {
        assert_eq!(fill("{n} of {m}", &[("n", &1), ("m", &"two")]), "1 of two");
        assert_eq!(fill("{x} {", &[]), "{x} {");
        assert_eq!(
            with_language(Language::Chinese, language),
            Language::Chinese
        );
    }
}
