//! cargo-fuzz target: see `vanban_fuzz::render`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    vanban_fuzz::render(data);
});
