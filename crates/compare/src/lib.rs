//! Reading across reports, with no terminal: which sections of two reports
//! speak of the same thing ([`mod@align`]), which sentences and long phrases
//! the two share ([`shared`]), and, over a whole library, which sections
//! elsewhere are on the topic of a given one ([`related`]).
//!
//! Chinese is compared without a word segmenter: texts become sets of
//! character bigrams ([`text`]), and headings lose their outline numbers and
//! years first, so `一、2020年工作总结` and `（二）2021年工作总结` read alike.
//! `baogao compare` and `baogao related` are built on this crate, and it
//! has what a compare view in the reader needs (pairs in reading order,
//! shared spans as byte ranges per paragraph); `docs/compare.md` states
//! the rules and the scores.

#![forbid(unsafe_code)]

pub mod align;
pub mod areas;
pub mod related;
pub mod shared;
pub mod text;

pub use align::{Alignment, Pair, align};
pub use related::{Kinship, Related, RelatedIndex};
pub use shared::{Shared, SpanAt, shared_text};
