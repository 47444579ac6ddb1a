//! The weights of heading ranking, in one place. Scores only order hits
//! within one tier ([`MatchKind`](crate::MatchKind)): a close match always
//! ranks above a homophone, a homophone above a typo, a typo above a weak
//! match, whatever their scores.
//!
//! One scale for every way a term matches: a matched query letter (pinyin)
//! or character (direct) is worth [`LETTER`], skim's own weight for a
//! matched character, so that the terms of a query add up fairly.

/// A query letter consumed by a pinyin piece, or a query character matched
/// in the text.
pub(crate) const LETTER: i32 = 16;
/// A pinyin piece that is a whole syllable ("zhao") rather than its start
/// ("zh").
pub(crate) const WHOLE_SYLLABLE: i32 = 4;
/// In a weak pinyin match, a piece followed by another that stops past its
/// syllable's initial but short of its end ("chu" of chuang): nobody types
/// half a syllable and goes on to the next (a close match may not).
pub(crate) const PARTIAL: i32 = -LETTER;
/// A character matched right after the previous matched one.
pub(crate) const CONSECUTIVE: i32 = 8;
/// Each character a pinyin match uses: more than [`CONSECUTIVE`], so that
/// the same letters on fewer characters win — "dangjian" is 党建 (dang +
/// jian), not 丹岗建 (dan + g + jian), though both run unbroken.
pub(crate) const PIECE: i32 = -10;
/// Skipping characters between two matched ones.
pub(crate) const GAP: i32 = -6;
/// The match begins the text or its body (after "一、").
pub(crate) const AT_START: i32 = 12;
/// The match begins a clause: right after punctuation or a space.
pub(crate) const CLAUSE_START: i32 = 6;
/// A direct match whose characters form one unbroken run, beyond
/// [`CONSECUTIVE`] per pair.
pub(crate) const UNBROKEN: i32 = 2 * LETTER;
/// A query character matched by a character with the same most common
/// reading (健 for 建, both jian), rather than by itself.
pub(crate) const SAME_SOUND: i32 = -LETTER / 2;
/// A query character matched by a character whose most common reading is
/// only alike under fuzzy pinyin (新 xin for 兴 xing).
pub(crate) const ALIKE_SOUND: i32 = -LETTER;
/// A query character matched by a character it shares only a rarer
/// reading with (告 read jú for 局): the pinyin crate lists obscure
/// readings too, and a run that fits only through one is seldom meant.
pub(crate) const RARE_SOUND: i32 = -2 * LETTER;
/// The one edit of a typo match (a letter transposed, missing or extra).
pub(crate) const EDIT: i32 = -LETTER;
/// A character matched through one of its rarer readings (以 read "si",
/// 半 "pan"), not the first the pinyin crate lists: as much as a letter, so
/// that "shpa" is 深化平安 before 上半 (shang + pan).
pub(crate) const RARE_READING: i32 = -LETTER;
/// Per doubling of the number of distinct headings that hold the rarest
/// pair of neighbouring characters a pinyin or homophone match covers:
/// among runs that fit the letters equally ("lsfz": 绿色发展, 力以赴抓), the
/// one the library writes most often is the word meant, and a run that
/// straddles two words (力以赴抓, from 全力以赴抓…) is rare as a pair
/// somewhere.
pub(crate) const COMMON_PAIR: i32 = 4;
/// [`COMMON_PAIR`] for a Latin term of at most [`SHORT_TERM`] letters
/// ("js", "jic"): so few letters fit a great many runs (建设, 加速, 吉山…),
/// and say nothing of which is meant; how widely the library uses the run
/// must then outweigh where it stands in the heading ([`AT_START`]: one
/// doubling is worth more).
pub(crate) const COMMON_PAIR_SHORT: i32 = 4 * COMMON_PAIR;
/// The longest Latin term that weighs its run's pairs by
/// [`COMMON_PAIR_SHORT`].
pub(crate) const SHORT_TERM: usize = 3;
