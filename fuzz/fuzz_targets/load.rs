//! The JSON loader on arbitrary bytes: `baogao_report::load::parse_bytes`, then
//! `baogao_report::load::validate` on what loads.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    baogao_testkit::invariants::check_load(bytes);
});
