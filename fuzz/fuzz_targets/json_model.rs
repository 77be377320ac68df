//! cargo-fuzz target: see `vanban_fuzz::json_model`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    vanban_fuzz::json_model(data);
});
