//! Shared by the fuzz targets: the invariants each target checks, which are
//! the very ones `cargo test`'s property tests (`tests/props.rs`) check, kept
//! in one file under `tests/` so the two cannot drift apart.

#[path = "../../tests/invariants/mod.rs"]
pub mod invariants;
