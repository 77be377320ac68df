//! cargo-fuzz target: see `vanban_fuzz::pdf_extract`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    vanban_fuzz::pdf_extract(data);
});
