//! Raw reports in a library folder: `.txt`, web pages, `.docx` and PDFs
//! found beside (or instead of) report JSON files are imported in memory,
//! so `baogao DIR`, `list --dir DIR` and `search --dir DIR` read a folder
//! of raw reports directly.
//!
//! Each import is cached under `$XDG_CACHE_HOME/baogao/raw/` (else
//! `~/.cache/baogao/raw/`) as report JSON, named by a hash of the file's
//! bytes and the importer's version, and written atomically (a temporary
//! file renamed), so the second open reads JSON like an imported library.
//! A raw file the importer refuses as not a report (a site's other page)
//! is left out; one it cannot read at all is a load error naming it.

use baogao_import::formats::{is_raw_file_name, is_saved_page_folder};
use baogao_import::{Trace, import_checked};

use baogao_report::load::{LoadError, Loaded, LoadedReport, parse_report};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a cached import depends on besides the file's bytes: the
/// importer's version and its rule table, which changes when its rules do.
fn importer_version() -> String {
    format!("{}-{}", baogao_import::VERSION, baogao_import::RULES.len())
}

/// Adds the raw reports under `dir` to `loaded`, in path order.
pub(super) fn add_raw_reports(dir: &Path, loaded: &mut Loaded) {
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    if files.is_empty() {
        return;
    }
    let cache = cache_dir();
    // In parallel, as the loader reads JSON: the second open reads a cached
    // report per file, the first imports each.
    let results: Vec<_> = files
        .into_par_iter()
        .map(|path| {
            let result = import_one(&path, cache.as_deref());
            (path, result)
        })
        .collect();
    for (path, result) in results {
        match result {
            Ok(Some(report)) => loaded.reports.push(LoadedReport { path, report }),
            Ok(None) => {}
            Err(message) => loaded.errors.push(LoadError {
                path,
                line: 0,
                column: 0,
                message,
            }),
        }
    }
}

/// One raw file changed in a library folder, imported as at start
/// (through the cache): its report, `Ok(None)` when it is not a report.
/// A file below a browser's saved-page folder under `dir` is none.
pub(super) fn load_raw_file(
    dir: &Path,
    path: &Path,
) -> Option<Result<Option<baogao_report::model::Report>, String>> {
    let below = path.strip_prefix(dir).unwrap_or(path);
    let in_saved_page = below.ancestors().skip(1).any(is_saved_page_folder);
    if !is_raw_file_name(path) || in_saved_page {
        return None;
    }
    Some(import_one(path, cache_dir().as_deref()))
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(kind) if kind.is_dir() && !is_saved_page_folder(&path) => walk(&path, found),
            Ok(_) if is_raw_file_name(&path) => found.push(path),
            _ => {}
        }
    }
}

/// The cache folder, created; `None` when there is none to be had (the
/// imports are then done on every open).
fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    let dir = base.join("baogao").join("raw");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir)
}

/// A stable hash of the file's bytes for the cache key: FNV-1a's
/// multiply-and-xor over eight bytes at a time (a byte at a time was most
/// of the second open of a raw folder), the tail zero-padded; the length
/// is in the key beside it.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        hash ^= u64::from_le_bytes(eight);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        hash ^= hash >> 29;
    }
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    hash ^= u64::from_le_bytes(tail);
    hash = hash.wrapping_mul(0x0100_0000_01b3);
    hash ^ (hash >> 29)
}

/// One raw file's report: from the cache, else imported and cached.
/// `Ok(None)`: not a report.
fn import_one(
    path: &Path,
    cache: Option<&Path>,
) -> Result<Option<baogao_report::model::Report>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the raw file: {e}"))?;
    let key = format!(
        "{:016x}-{}-{}",
        content_hash(&bytes),
        bytes.len(),
        importer_version()
    );
    let cached = cache.map(|c| {
        (
            c.join(format!("{key}.json")),
            c.join(format!("{key}.refused")),
        )
    });
    if let Some((json, refused)) = &cached {
        if let Ok(text) = std::fs::read_to_string(json)
            && let Ok(report) = parse_report(&text, json)
        {
            return Ok(Some(report));
        }
        if refused.exists() {
            return Ok(None);
        }
    }
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = import_checked(&bytes, &source, &mut Trace::default())
        .map_err(|e| format!("cannot import the raw file: {e}"))?;
    let refused = imported.assessment.refusal().is_some();
    if let (Some((json, refused_mark)), Some(dir)) = (&cached, cache) {
        // A cache that cannot be written only costs the next open time.
        let (target, content) = if refused {
            (refused_mark, String::new())
        } else {
            (json, imported.report.to_json_pretty())
        };
        let _ = write_atomically(dir, target, content.as_bytes());
    }
    Ok((!refused).then_some(imported.report))
}

fn write_atomically(dir: &Path, target: &Path, content: &[u8]) -> std::io::Result<()> {
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(content)?;
    file.persist(target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    #[test]
    fn the_content_hash_is_stable_and_tells_bytes_apart() {
        // Stable across runs and versions: a cached import is found again.
        assert_eq!(content_hash(b"baogao"), content_hash(b"baogao"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert_ne!(content_hash(b"abcdefgh1"), content_hash(b"abcdefgh2"));
        assert_ne!(content_hash(b"abcdefgh"), content_hash(b"abcdefgi"));
    }
}
