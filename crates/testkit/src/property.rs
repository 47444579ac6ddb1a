//! proptest's configuration for baogao's property tests: failing cases are
//! kept beside the test's source file, in `<file>.proptest-regressions`,
//! and tried first on every later run.
//!
//! proptest's default (`SourceParallel`) would look for the crate's
//! `main.rs` or `lib.rs` above the source and write into a
//! `proptest-regressions/` directory beside that: with each test binary in
//! its own `tests/<name>/main.rs`, every binary's `props.rs` would share
//! `tests/proptest-regressions/props.txt`. `WithSource` keeps each file's
//! cases next to it.

use proptest::test_runner::{Config, FileFailurePersistence};

/// proptest's default configuration (which the `PROPTEST_*` environment
/// variables adjust), with failures kept beside the source file. Set the
/// case count with struct update: `Config { cases: 64, ..config() }`.
pub fn config() -> Config {
    Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
