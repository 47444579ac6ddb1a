//! Run a program once and measure it as a whole process: wall time from
//! spawn to exit, and its peak resident memory (from `wait4`'s rusage).
//!
//! Standard output goes through a pipe that is read to the end and counted,
//! never to `/dev/null`: ripgrep notices `/dev/null` and stops at the first
//! match, which would time a different job. Standard error is kept for the
//! message of a run that fails.
//!
//! A child's peak memory on Linux starts from its parent's peak at the fork
//! (`ru_maxrss` carries over `exec`), so a figure is only the child's own when
//! it is above this program's own peak: [`ProcessRun::own_peak_rss`] says.

use anyhow::{Context, bail};
use std::ffi::OsStr;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Which exit statuses are a successful run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Success {
    /// Only 0.
    Zero,
    /// 0, or 1 for "nothing matched" (fzf, grep, rg).
    ZeroOrNoMatch,
}

/// What one run of a program took and gave.
#[derive(Debug, Clone, Copy)]
pub struct ProcessRun {
    pub wall: Duration,
    /// Peak resident set size, in bytes, as `wait4` gives it.
    pub peak_rss: u64,
    /// This program's own peak when the child started, in bytes.
    parent_peak: u64,
    pub stdout_lines: u64,
}

impl ProcessRun {
    /// The child's peak memory, or an error when it cannot be told from the
    /// peak it inherited from this program.
    pub fn own_peak_rss(&self, what: &str) -> anyhow::Result<u64> {
        if self.peak_rss <= self.parent_peak {
            bail!(
                "the peak memory of {what} ({} bytes) is not above this program's own ({} bytes), \
                 from which it cannot be told apart",
                self.peak_rss,
                self.parent_peak
            );
        }
        Ok(self.peak_rss)
    }
}

/// Run `program ARGS` (stdin from `stdin`, or nothing) and measure it.
pub fn run(
    program: &Path,
    args: &[&OsStr],
    stdin: Option<&Path>,
    success: Success,
) -> anyhow::Result<ProcessRun> {
    let input = match stdin {
        Some(path) => Stdio::from(File::open(path).with_context(|| path.display().to_string())?),
        None => Stdio::null(),
    };
    let parent_peak = own_peak_rss()?;
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        // The tools' own configuration could change the work done.
        .env_remove("FZF_DEFAULT_OPTS")
        .env_remove("FZF_DEFAULT_OPTS_FILE")
        .env_remove("RIPGREP_CONFIG_PATH")
        .stdin(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", program.display()))?;
    let mut stderr = child.stderr.take().context("the child's stderr")?;
    let errors = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stderr.read_to_end(&mut text);
        text
    });
    let mut stdout = child.stdout.take().context("the child's stdout")?;
    let mut chunk = vec![0u8; 1 << 16];
    let mut stdout_lines = 0;
    loop {
        let n = stdout.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        stdout_lines += memchr::memchr_iter(b'\n', &chunk[..n]).count() as u64;
    }
    let (status, usage) = wait4(child.id())?;
    let wall = start.elapsed();
    let errors = errors.join().unwrap_or_default();
    let exited = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let ok = matches!(
        (exited, success),
        (Some(0), _) | (Some(1), Success::ZeroOrNoMatch)
    );
    if !ok {
        let errors = String::from_utf8_lossy(&errors);
        let tail: Vec<&str> = errors.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "{} {args:?} failed (wait status {status}):\n{}",
            program.display(),
            tail.join("\n")
        );
    }
    Ok(ProcessRun {
        wall,
        // Linux gives ru_maxrss in KiB.
        peak_rss: usage.ru_maxrss as u64 * 1024,
        parent_peak,
        stdout_lines,
    })
}

/// This process's peak resident set size so far, in bytes.
pub fn own_peak_rss() -> anyhow::Result<u64> {
    peak_rss_of("self")
}

/// A process's peak resident set size so far (`VmHWM`), in bytes; `pid` is
/// a number or `self`.
pub fn peak_rss_of(pid: &str) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let line = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .context("no VmHWM in /proc/PID/status")?;
    let kib: u64 = line.trim().trim_end_matches("kB").trim().parse()?;
    Ok(kib * 1024)
}

/// Reap `pid` and return its wait status and resource usage. The `Child`
/// handle is never waited on afterwards, so std does not race for the pid.
fn wait4(pid: u32) -> anyhow::Result<(i32, libc::rusage)> {
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value to be overwritten by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pointers to two live locals; pid is our own child.
        let reaped = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
        if reaped == pid as libc::pid_t {
            return Ok((status, usage));
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error).context("wait4");
        }
    }
}
