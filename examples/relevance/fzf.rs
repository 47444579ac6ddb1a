//! What a user would otherwise use: `fzf --filter QUERY` over the same
//! headings, one per line (fzf's own ranking, best first), in two forms:
//!
//! - **Chinese**: each entry's text as the engine shows it;
//! - **pinyin**: the same line with every Chinese character as its usual
//!   toneless syllable, a space between syllables
//!   ([`transliterate`](crate::forms::transliterate)). fzf matches a query
//!   as a subsequence, so full pinyin, initials and a mix all match this one
//!   form, and its bonus at word starts favours initials on syllable starts.
//!
//! For a place-narrowed query each line also carries its report's township
//! and year ("一、党建工作 南麂镇 2020"), as a listing made for narrowing
//! would; the other queries read the bare headings, where a township's
//! characters would only add false matches.
//!
//! fzf's output lines are mapped back to entries. fzf lists equal lines in
//! the order it read them (its last tiebreak), so each output line takes
//! the next entry with that line. (A pinyin line may stand for two texts
//! that read alike; fzf cannot tell them apart either.)

use crate::forms::transliterate;
use anyhow::Context;
use baogao_report::library::Library;
use baogao_search::SearchIndex;
use std::collections::HashMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The fzf program found on `PATH`.
#[derive(Debug)]
pub struct Fzf {
    program: PathBuf,
    /// Its `--version`, for the report.
    pub version: String,
}

impl Fzf {
    /// fzf from `PATH`, or `None` when it is not installed.
    pub fn find() -> Option<Fzf> {
        let program = std::env::var_os("PATH")
            .iter()
            .flat_map(std::env::split_paths)
            .map(|dir| dir.join("fzf"))
            .find(|path| path.is_file())?;
        let version = Command::new(&program)
            .arg("--version")
            .output()
            .ok()
            .and_then(|out| {
                let text = String::from_utf8_lossy(&out.stdout).into_owned();
                text.lines().next().map(str::to_string)
            })
            .unwrap_or_else(|| "?".into());
        Some(Fzf { program, version })
    }

    /// The entries `fzf --filter query` lists from `input`, best first.
    /// fzf's user settings (`FZF_DEFAULT_OPTS`) are left out.
    pub fn filter(&self, input: &Input, query: &str) -> anyhow::Result<Vec<u32>> {
        let stdin = std::fs::File::open(&input.path)
            .with_context(|| format!("cannot read {}", input.path.display()))?;
        let output = Command::new(&self.program)
            .arg("--filter")
            .arg(query)
            .env_remove("FZF_DEFAULT_OPTS")
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .context("cannot run fzf")?;
        // 0: matches, 1: no match; anything else is an error.
        if !matches!(output.status.code(), Some(0 | 1)) {
            anyhow::bail!(
                "fzf --filter {query:?}: {}: {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            );
        }
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut used: HashMap<&str, usize> = HashMap::new();
        let mut ranked = Vec::new();
        for line in stdout.lines() {
            let Some(entries) = input.entries_of.get(line) else {
                anyhow::bail!("fzf printed a line it was not given: {line:?}");
            };
            let next = used.entry(line).or_default();
            if let Some(&entry) = entries.get(*next) {
                ranked.push(entry);
                *next += 1;
            }
        }
        Ok(ranked)
    }
}

/// One input file for fzf, and the entries behind each of its lines.
#[derive(Debug)]
pub struct Input {
    path: PathBuf,
    /// Per distinct line, its entries in file order.
    entries_of: HashMap<String, Vec<u32>>,
}

impl Input {
    fn write(path: PathBuf, lines: impl Iterator<Item = String>) -> anyhow::Result<Input> {
        let file = std::fs::File::create(&path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        let mut out = BufWriter::new(file);
        let mut entries_of: HashMap<String, Vec<u32>> = HashMap::new();
        for (entry, line) in lines.enumerate() {
            writeln!(out, "{line}")?;
            entries_of.entry(line).or_default().push(entry as u32);
        }
        out.flush()?;
        Ok(Input { path, entries_of })
    }
}

/// The four inputs: Chinese and pinyin, bare and with the place.
#[derive(Debug)]
pub struct Inputs {
    pub chinese: Input,
    pub pinyin: Input,
    pub chinese_placed: Input,
    pub pinyin_placed: Input,
}

impl Inputs {
    /// Every entry of `index`, in entry order, into files in `dir`.
    pub fn write(dir: &Path, library: &Library, index: &SearchIndex) -> anyhow::Result<Inputs> {
        let reports = library.reports();
        let bare: Vec<String> = index
            .entries()
            .iter()
            .map(|entry| one_line(index.text(entry)))
            .collect();
        let placed: Vec<String> = index
            .entries()
            .iter()
            .zip(&bare)
            .map(|(entry, text)| {
                let report = &reports[entry.report as usize];
                let mut line = text.clone();
                if let Some(township) = &report.township {
                    line.push(' ');
                    line.push_str(&one_line(township));
                }
                if let Some(year) = report.year {
                    line.push_str(&format!(" {year}"));
                }
                line
            })
            .collect();
        let pinyin = |lines: &[String]| lines.iter().map(|l| transliterate(l)).collect::<Vec<_>>();
        Ok(Inputs {
            chinese: Input::write(dir.join("chinese.txt"), bare.iter().cloned())?,
            pinyin: Input::write(dir.join("pinyin.txt"), pinyin(&bare).into_iter())?,
            chinese_placed: Input::write(dir.join("chinese-placed.txt"), placed.iter().cloned())?,
            pinyin_placed: Input::write(
                dir.join("pinyin-placed.txt"),
                pinyin(&placed).into_iter(),
            )?,
        })
    }
}

/// Text as one line of fzf's input.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}
