//! The importer on arbitrary bytes: `baogao_import::import_bytes`, then the
//! imported report through its JSON, the loader and `validate`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    baogao_testkit::invariants::check_import(bytes);
});
