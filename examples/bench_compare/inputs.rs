//! What the compared programs read: the generated corpus, and the same
//! text as fzf and ripgrep take it (headings one per line; paragraphs one
//! per line, a file per report).

use crate::Tools;
use crate::process::{self, Success};
use baogao_report::library::Library;
use baogao_search::Searcher;
use baogao_search::fulltext::for_each_paragraph_list;
use std::ffi::OsStr;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Write `n` generated reports (seed 1) into `dir`, emptied first (files
/// of an earlier generator would stay), and return their size on disk in
/// bytes (the generator writes no subdirectories).
pub fn generate(tools: &Tools, dir: &Path, n: usize) -> anyhow::Result<u64> {
    let _ = std::fs::remove_dir_all(dir);
    let count = n.to_string();
    let args = [
        OsStr::new("--reports"),
        OsStr::new(&count),
        OsStr::new("--out"),
        dir.as_os_str(),
        OsStr::new("--force"),
    ];
    let generated = process::run(&tools.gen_corpus, &args, None, Success::Zero)?;
    anyhow::ensure!(generated.stdout_lines > 0, "gen_corpus wrote nothing");
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.path().extension().is_some_and(|ext| ext == "json") {
            total += entry.metadata()?.len();
        }
    }
    Ok(total)
}

/// The library in this process, for the in-process figures.
pub fn load(dir: &Path, n: usize) -> anyhow::Result<Library> {
    let loaded = baogao_report::load::load_dir(dir)?;
    anyhow::ensure!(loaded.errors.is_empty(), "the corpus has broken files");
    let library = Library::from_loaded(loaded.reports);
    let loaded = library.len();
    anyhow::ensure!(loaded == n, "{loaded} reports loaded, not {n}");
    Ok(library)
}

/// Every entry the heading search matches against, one per line: fzf's input.
pub fn write_headings(searcher: &Searcher, path: &Path) -> anyhow::Result<()> {
    let index = searcher.index();
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    for entry in index.entries() {
        writeln!(out, "{}", index.text(entry))?;
    }
    out.flush()?;
    Ok(())
}

/// Every paragraph the full-text search reads, one per line, as ripgrep
/// takes it: a file per report in `per_report/`, and all in one file
/// (`one`), which ripgrep reads with less overhead (but on one thread).
pub fn write_paragraphs(library: &Library, per_report: &Path, one: &Path) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(per_report);
    std::fs::create_dir_all(per_report)?;
    let mut all = BufWriter::new(std::fs::File::create(one)?);
    for (index, report) in library.reports().iter().enumerate() {
        let mut text = String::new();
        for_each_paragraph_list(report, |_, paragraphs| {
            for paragraph in paragraphs {
                text.push_str(paragraph);
                text.push('\n');
            }
        });
        // Named by place, not id: two reports may share an id.
        std::fs::write(per_report.join(format!("{index:06}.txt")), &text)?;
        all.write_all(text.as_bytes())?;
    }
    all.flush()?;
    Ok(())
}
