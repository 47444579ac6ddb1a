//! Run a program once and measure it as a whole process: wall time from
//! spawn to exit, and its peak resident memory (from `wait4`'s rusage).
//!
//! Standard output goes through a pipe that is read to the end and counted,
//! never to `/dev/null`: ripgrep notices `/dev/null` and stops at the first
//! match, which would time a different job.

use anyhow::{Context, bail};
use std::ffi::OsStr;
use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run of a program took and gave.
#[derive(Debug, Clone, Copy)]
pub struct ProcessRun {
    pub wall: Duration,
    /// Peak resident set size, in bytes.
    pub peak_rss: u64,
    pub stdout_lines: u64,
}

/// Run `program ARGS` (stdin from `stdin`, or nothing) and measure it.
/// Exit status 0 and 1 are both fine (fzf and rg say "no match" with 1);
/// anything else is an error.
pub fn run(program: &Path, args: &[&OsStr], stdin: Option<&Path>) -> anyhow::Result<ProcessRun> {
    let input = match stdin {
        Some(path) => Stdio::from(File::open(path).with_context(|| path.display().to_string())?),
        None => Stdio::null(),
    };
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdin(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot start {}", program.display()))?;
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
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1) {
        bail!(
            "{} {args:?} failed (wait status {status})",
            program.display()
        );
    }
    Ok(ProcessRun {
        wall,
        // Linux gives ru_maxrss in KiB.
        peak_rss: usage.ru_maxrss as u64 * 1024,
        stdout_lines,
    })
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
