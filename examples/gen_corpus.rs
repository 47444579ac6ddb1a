//! Write a synthetic report library to disk, for benchmarks and scale tests.
//!
//! `cargo run --release --example gen_corpus -- --reports 10000 --out /tmp/corpus`
//!
//! The reports come from `baogao_corpus` (built from the bundled reports,
//! the same bytes for the same seed) and are written as `<id>.json`,
//! pretty-printed like `data/reports`, each through a temporary file in the
//! output directory so that no reader sees half a file.

use anyhow::{Context, bail};
use baogao_corpus::{CorpusSpec, generate};
use clap::Parser;
use std::collections::HashSet;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Generate N schema-1 reports from the bundled ones into DIR.
#[derive(Debug, Parser)]
struct Args {
    /// How many reports to write.
    #[arg(long, value_name = "N")]
    reports: usize,

    /// Directory to write <id>.json files into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,

    /// Seed of the generator: the same seed gives the same files.
    #[arg(long, value_name = "S", default_value_t = 1)]
    seed: u64,

    /// Write into a directory that is not empty, replacing files of the
    /// same name (other files are left there, and counted).
    #[arg(long)]
    force: bool,
}

fn main() -> ExitCode {
    match run(&Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let started = Instant::now();
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    let before = entries(&args.out)?;
    if !before.is_empty() && !args.force {
        bail!(
            "{} is not empty ({} entries); use --force to write into it anyway",
            args.out.display(),
            before.len()
        );
    }
    let spec = CorpusSpec {
        reports: args.reports,
        seed: args.seed,
    };
    let mut bytes = 0u64;
    let mut written = HashSet::with_capacity(args.reports);
    for report in generate(&spec)? {
        let json = report.to_json_pretty();
        let name = format!("{}.json", report.id);
        write_atomically(&args.out, &name, json.as_bytes())
            .with_context(|| format!("cannot write {}", args.out.join(&name).display()))?;
        bytes += json.len() as u64;
        written.insert(OsString::from(name));
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "wrote {} reports, {bytes} bytes ({:.1} MB), to {} in {seconds:.2} s (seed {})",
        args.reports,
        bytes as f64 / 1e6,
        args.out.display(),
        args.seed
    );
    let others = before.difference(&written).count();
    if others > 0 {
        eprintln!(
            "note: {} also holds {others} other entries from before",
            args.out.display()
        );
    }
    Ok(())
}

/// The names in `dir`.
fn entries(dir: &Path) -> anyhow::Result<HashSet<OsString>> {
    let mut names = HashSet::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        names.insert(entry?.file_name());
    }
    Ok(names)
}

/// Write `bytes` to `dir/name` through a temporary file in `dir`. No fsync:
/// a corpus is made again from its seed, so a crash only costs a rerun,
/// and 10 000 syncs would dominate the run.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".gen-corpus-").suffix(".tmp");
    // Temporary files are private (0600); a report file gets the usual
    // permissions, narrowed by the umask.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(dir.join(name))?;
    Ok(())
}
