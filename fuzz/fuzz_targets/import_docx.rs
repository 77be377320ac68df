//! cargo-fuzz target: see `vanban_fuzz::import_docx`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    vanban_fuzz::import_docx(data);
});
