//! The JSON loader on arbitrary bytes: `baogao::load::parse_bytes`, then
//! `baogao::load::validate` on what loads.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    baogao_fuzz::invariants::check_load(bytes);
});
