//! Reading across reports (`baogao-compare`), scored on sets with known
//! truth:
//!
//! - `truth`: the real reports (the bundled ones and the samples of
//!   tests/data/samples imported) and their transformed versions.
//! - `alignment`: section alignment against the truth of every transform
//!   (sections reordered, renamed with synonyms, split, merged, added,
//!   removed, condensed to first sentences,
//!   and all at once; a year's plan against the next year's
//!   summary). The bar is 95 % of sections paired as the truth says.
//! - `related`: top-5 related sections judged on topic for a set of
//!   sections (see the module for how judged and the level reached).
//! - `command`: `baogao compare` and `baogao related` through the binary.

mod alignment;
mod command;
mod related;
mod truth;
