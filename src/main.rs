//! The `baogao` binary: the command line over the library crate.
//!
//! All the work is in [`cli`]; this file only hands the process exit code back.

#![forbid(unsafe_code)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
