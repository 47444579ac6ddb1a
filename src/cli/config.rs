//! The settings file and `baogao config`.
//!
//! `$XDG_CONFIG_HOME/baogao/config.toml` (else `~/.config/baogao/config.toml`)
//! may say: `language` (zh, en), `theme` (dark, light, auto), `indent`
//! (true, false), `punctuation` (full-width, as-written), `measure` (the
//! text column's widest, in Chinese characters), `ambiguous_width` (narrow,
//! wide), and a `[keys]` table that rebinds actions (`down = ["e", "↓"]`,
//! every scope binding the action; `[keys.reader]` one scope). What the file
//! cannot say (a syntax error, a wrong value) is named with its line and
//! column, and the default stands for it: the reader still opens.
//!
//! Each setting comes from the first of: a flag, the environment, the
//! file, the default. The language is the exception: the locale is always
//! set to something, so the file's choice comes before it.

use super::Outcome;
use baogao_i18n::{Language, t, tf};
use baogao_layout::AmbiguousWidth;
use baogao_tui::settings::{Look, Rebinding};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use toml::{Spanned, Value};

/// `baogao config`: print the effective settings and where each came from.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {}

/// Where a setting's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    Environment,
    Flag,
}

impl Source {
    fn label(self) -> &'static str {
        match self {
            Source::Default => t("config.source.default"),
            Source::File => t("config.source.file"),
            Source::Environment => t("config.source.environment"),
            Source::Flag => t("config.source.flag"),
        }
    }
}

/// A value and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Setting<T> {
    fn default(value: T) -> Setting<T> {
        Setting {
            value,
            source: Source::Default,
        }
    }
}

/// The theme as the settings say it: a background, or ask the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
    Auto,
}

impl Theme {
    fn parse(text: &str) -> Option<Theme> {
        match text {
            "dark" => Some(Theme::Dark),
            "light" => Some(Theme::Light),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::Auto => "auto",
        }
    }
}

/// A problem with the settings file, at a line and column when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub at: Option<(usize, usize)>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.at {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every setting of this run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub file: Option<PathBuf>,
    pub file_found: bool,
    pub language: Setting<Language>,
    pub theme: Setting<Theme>,
    pub indent: Setting<bool>,
    pub full_width: Setting<bool>,
    pub measure: Setting<u16>,
    pub ambiguous: Setting<AmbiguousWidth>,
    pub keys: Vec<Rebinding>,
    pub problems: Vec<Problem>,
}

/// What the command line and the environment said, for [`Settings::load`].
#[derive(Debug, Clone, Default)]
pub struct Given {
    pub language: Option<Language>,
    pub theme: Option<(Theme, Source)>,
    pub ambiguous_wide: Option<Source>,
}

impl Settings {
    /// The default path of the settings file.
    pub fn default_path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
        let absolute =
            |value: Option<String>| value.map(PathBuf::from).filter(|path| path.is_absolute());
        absolute(var("XDG_CONFIG_HOME"))
            .or_else(|| absolute(var("HOME")).map(|home| home.join(".config")))
            .map(|config| config.join("baogao").join("config.toml"))
    }

    /// The settings from the file at `path` (if any), `given` and the
    /// locale `var` reads.
    pub fn load(
        path: Option<&Path>,
        given: &Given,
        var: impl Fn(&str) -> Option<String>,
    ) -> Settings {
        let mut settings = Settings {
            file: path.map(Path::to_path_buf),
            file_found: false,
            language: Setting::default(Language::English),
            theme: Setting::default(Theme::Auto),
            indent: Setting::default(true),
            full_width: Setting::default(true),
            measure: Setting::default(Look::default().measure),
            ambiguous: Setting::default(AmbiguousWidth::Narrow),
            keys: Vec::new(),
            problems: Vec::new(),
        };
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .any(|name| var(name).is_some_and(|value| !value.is_empty()));
        if locale {
            settings.language = Setting {
                value: baogao_i18n::from_locale(&var),
                source: Source::Environment,
            };
        }
        if let Some(path) = path
            && let Ok(text) = std::fs::read_to_string(path)
        {
            settings.file_found = true;
            settings.read_file(path, &text);
        }
        if let Some(language) = given.language {
            settings.language = Setting {
                value: language,
                source: Source::Flag,
            };
        }
        if let Some((theme, source)) = given.theme {
            settings.theme = Setting {
                value: theme,
                source,
            };
        }
        if let Some(source) = given.ambiguous_wide {
            settings.ambiguous = Setting {
                value: AmbiguousWidth::Wide,
                source,
            };
        }
        settings
    }

    fn read_file(&mut self, path: &Path, text: &str) {
        let problem = |span: Option<std::ops::Range<usize>>, message: String| Problem {
            path: path.to_path_buf(),
            at: span.map(|span| line_column(text, span.start)),
            message,
        };
        // A syntax error costs its line, not the file: the line is blanked
        // (so every other keeps its place) and the rest read again.
        let mut readable = text.to_string();
        let table: toml::Table = loop {
            match toml::from_str(&readable) {
                Ok(table) => break table,
                Err(error) => {
                    let span = error.span();
                    self.problems
                        .push(problem(span.clone(), error.message().trim().to_string()));
                    let Some(span) = span.filter(|_| self.problems.len() < 20) else {
                        return;
                    };
                    let start = readable[..span.start.min(readable.len())]
                        .rfind('\n')
                        .map_or(0, |i| i + 1);
                    let end = readable[start..]
                        .find('\n')
                        .map_or(readable.len(), |i| start + i);
                    if readable[start..end].trim().is_empty() {
                        return;
                    }
                    let blank = " ".repeat(end - start);
                    readable.replace_range(start..end, &blank);
                }
            }
        };
        let spanned: std::collections::BTreeMap<String, Spanned<Value>> =
            toml::from_str(&readable).unwrap_or_default();
        for (name, value) in &spanned {
            let span = Some(value.span());
            let wrong = |expected: &str| {
                problem(
                    span.clone(),
                    tf(
                        "config.wrong_value",
                        &[("name", name), ("expected", &expected)],
                    ),
                )
            };
            match (name.as_str(), value.get_ref()) {
                ("language", Value::String(code)) => match Language::parse(code) {
                    Some(language) if matches!(code.as_str(), "zh" | "en") => {
                        self.language = file(language);
                    }
                    _ => self.problems.push(wrong("zh, en")),
                },
                ("theme", Value::String(name)) => match Theme::parse(name) {
                    Some(theme) => self.theme = file(theme),
                    None => self.problems.push(wrong("dark, light, auto")),
                },
                ("indent", Value::Boolean(on)) => self.indent = file(*on),
                ("punctuation", Value::String(how)) => match how.as_str() {
                    "full-width" => self.full_width = file(true),
                    "as-written" => self.full_width = file(false),
                    _ => self.problems.push(wrong("full-width, as-written")),
                },
                ("measure", Value::Integer(n)) => match u16::try_from(*n) {
                    Ok(n) if (10..=200).contains(&n) => self.measure = file(n),
                    _ => self.problems.push(wrong("10–200")),
                },
                ("ambiguous_width", Value::String(how)) => match how.as_str() {
                    "narrow" => self.ambiguous = file(AmbiguousWidth::Narrow),
                    "wide" => self.ambiguous = file(AmbiguousWidth::Wide),
                    _ => self.problems.push(wrong("narrow, wide")),
                },
                ("keys", Value::Table(_)) => {
                    if let Some(Value::Table(keys)) = table.get("keys") {
                        self.read_keys(keys, &|message| problem(span.clone(), message));
                    }
                }
                ("language", _) => self.problems.push(wrong("zh, en")),
                ("theme", _) => self.problems.push(wrong("dark, light, auto")),
                ("indent", _) => self.problems.push(wrong("true, false")),
                ("punctuation", _) => self.problems.push(wrong("full-width, as-written")),
                ("measure", _) => self.problems.push(wrong("10–200")),
                ("ambiguous_width", _) => self.problems.push(wrong("narrow, wide")),
                ("keys", _) => self.problems.push(wrong("[keys]")),
                _ => self
                    .problems
                    .push(problem(span, tf("config.unknown", &[("name", name)]))),
            }
        }
    }

    fn read_keys(&mut self, keys: &toml::Table, problem: &dyn Fn(String) -> Problem) {
        let list = |value: &Value| -> Option<Vec<String>> {
            match value {
                Value::String(key) => Some(vec![key.clone()]),
                Value::Array(keys) => keys
                    .iter()
                    .map(|key| key.as_str().map(str::to_string))
                    .collect(),
                _ => None,
            }
        };
        for (name, value) in keys {
            if let Value::Table(scoped) = value {
                for (action, value) in scoped {
                    match list(value) {
                        Some(keys) => self.keys.push(Rebinding {
                            scope: Some(name.clone()),
                            action: action.clone(),
                            keys,
                        }),
                        None => self.problems.push(problem(tf(
                            "config.bad_keys",
                            &[("name", &format!("keys.{name}.{action}"))],
                        ))),
                    }
                }
            } else {
                match list(value) {
                    Some(keys) => self.keys.push(Rebinding {
                        scope: None,
                        action: name.clone(),
                        keys,
                    }),
                    None => self.problems.push(problem(tf(
                        "config.bad_keys",
                        &[("name", &format!("keys.{name}"))],
                    ))),
                }
            }
        }
    }

    /// The reader's look of these settings.
    pub fn look(&self) -> Look {
        Look {
            indent: self.indent.value,
            full_width: self.full_width.value,
            measure: self.measure.value,
        }
    }
}

/// A value the settings file gave.
fn file<T>(value: T) -> Setting<T> {
    Setting {
        value,
        source: Source::File,
    }
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// `baogao config`: each setting, its value and its source; then what the
/// file could not say.
pub fn run(settings: &Settings, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let file = match &settings.file {
        None => t("config.no_path").to_string(),
        Some(path) if settings.file_found => path.display().to_string(),
        Some(path) => tf("config.not_found", &[("file", &path.display())]),
    };
    writeln!(out, "{}{file}", t("config.file"))?;
    let rows: [(&str, String, Source); 6] = [
        (
            "language",
            settings.language.value.code().to_string(),
            settings.language.source,
        ),
        (
            "theme",
            settings.theme.value.name().to_string(),
            settings.theme.source,
        ),
        (
            "indent",
            settings.indent.value.to_string(),
            settings.indent.source,
        ),
        (
            "punctuation",
            if settings.full_width.value {
                "full-width"
            } else {
                "as-written"
            }
            .to_string(),
            settings.full_width.source,
        ),
        (
            "measure",
            settings.measure.value.to_string(),
            settings.measure.source,
        ),
        (
            "ambiguous_width",
            match settings.ambiguous.value {
                AmbiguousWidth::Narrow => "narrow",
                AmbiguousWidth::Wide => "wide",
            }
            .to_string(),
            settings.ambiguous.source,
        ),
    ];
    for (name, value, source) in rows {
        writeln!(out, "{name:<16} {value:<12} ({})", source.label())?;
    }
    for rebinding in &settings.keys {
        let name = match &rebinding.scope {
            Some(scope) => format!("keys.{scope}.{}", rebinding.action),
            None => format!("keys.{}", rebinding.action),
        };
        writeln!(
            out,
            "{name:<16} {:<12} ({})",
            rebinding.keys.join(" "),
            Source::File.label()
        )?;
    }
    for problem in &settings.problems {
        eprintln!("{}{problem}", t("cli.warning"));
    }
    Ok(if settings.problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Problems
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Settings {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).expect("written");
        Settings::load(Some(&path), &Given::default(), |_| None)
    }

    #[test]
    fn a_file_sets_what_it_says_and_the_defaults_stand_for_the_rest() {
        let settings = load(
            "language = \"zh\"\ntheme = \"light\"\nindent = false\n\
             punctuation = \"as-written\"\nmeasure = 40\nambiguous_width = \"wide\"\n\
             [keys.reader]\ndown = [\"e\", \"Down\"]\n[keys]\nup = \"y\"\n",
        );
        assert!(settings.problems.is_empty(), "{:?}", settings.problems);
        assert_eq!(settings.language.value, Language::Chinese);
        assert_eq!(settings.language.source, Source::File);
        assert_eq!(settings.theme.value, Theme::Light);
        assert!(!settings.indent.value && !settings.full_width.value);
        assert_eq!(settings.measure.value, 40);
        assert_eq!(settings.ambiguous.value, AmbiguousWidth::Wide);
        assert_eq!(settings.keys.len(), 2);
        let empty = load("");
        assert_eq!(empty.theme, Setting::default(Theme::Auto));
    }

    #[test]
    fn a_broken_file_is_named_with_line_and_column() {
        let settings = load("theme = \"dark\"\nmeasure = = 3\nindent = false\n");
        let problem = &settings.problems[0];
        assert_eq!(problem.at.map(|(line, _)| line), Some(2), "{problem}");
        // The lines around the broken one still count.
        assert_eq!(settings.theme.value, Theme::Dark);
        assert!(!settings.indent.value);
        assert_eq!(settings.measure.source, Source::Default);
        let wrong = load("theme = \"dark\"\nmeasure = 3\nindent = \"yes\"\n");
        assert_eq!(wrong.theme.value, Theme::Dark);
        assert_eq!(wrong.measure.source, Source::Default);
        let at: Vec<_> = wrong.problems.iter().map(|p| p.at).collect();
        assert_eq!(
            at,
            vec![Some((3, 10)), Some((2, 11))],
            "{:?}",
            wrong.problems
        );
    }

    #[test]
    fn a_flag_beats_the_file_and_the_file_beats_the_locale() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "language = \"en\"\ntheme = \"light\"\n").expect("written");
        let zh_locale = |name: &str| (name == "LANG").then(|| "zh_CN.UTF-8".to_string());
        let settings = Settings::load(Some(&path), &Given::default(), zh_locale);
        assert_eq!(settings.language.value, Language::English);
        let flagged = Given {
            language: Some(Language::Chinese),
            theme: Some((Theme::Dark, Source::Flag)),
            ambiguous_wide: None,
        };
        let settings = Settings::load(Some(&path), &flagged, zh_locale);
        assert_eq!(settings.language.source, Source::Flag);
        assert_eq!(settings.theme.value, Theme::Dark);
        let no_file = Settings::load(None, &Given::default(), zh_locale);
        assert_eq!(no_file.language.value, Language::Chinese);
        assert_eq!(no_file.language.source, Source::Environment);
    }
}
