//! The bytes every fixture and every starter renders to (PDF, DOCX and the
//! `--meta-json` sidecar), as a hash per file, against
//! `tests/data/output-hashes.txt`.
//!
//! A refactoring must not change a byte: this test says which outputs moved.
//! A deliberate change (a layout fix, a different but valid compression)
//! rewrites the list with `VANBAN_BLESS=1 cargo test --test output_hashes`,
//! and the commit says why the bytes changed.

mod common;

use common::*;
use std::fmt::Write as _;
use vanban::{Format, RenderOptions};
use vanban_model::DocType;

/// FNV-1a, 64 bits: stable across Rust versions and platforms (unlike
/// `DefaultHasher`), and enough to tell that bytes moved.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn line(out: &mut String, name: &str, json: &[u8]) {
    let opts = RenderOptions {
        source_date_epoch: Some(1_748_736_000),
        ..RenderOptions::default()
    };
    let r = vanban::render(json, &[Format::Pdf, Format::Docx], &opts)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    record(out, name, &r);
}

fn record(out: &mut String, name: &str, r: &vanban::Rendered) {
    for (ext, bytes) in [("pdf", &r.pdf), ("docx", &r.docx)] {
        if let Some(b) = bytes {
            writeln!(out, "{name}.{ext} {:016x} {}", fnv1a(b), b.len()).unwrap();
        }
    }
    // The --meta-json sidecar, byte for byte too.
    let meta = r.meta_json();
    writeln!(
        out,
        "{name}.meta.json {:016x} {}",
        fnv1a(meta.as_bytes()),
        meta.len()
    )
    .unwrap();
    for a in &r.appendix_files {
        record(out, &format!("{name}/{}", a.name), &a.rendered);
    }
}

#[test]
fn outputs_are_the_recorded_bytes() {
    let mut got = String::new();
    for f in fixtures() {
        let name = f.file_stem().expect("stem").to_string_lossy().into_owned();
        line(
            &mut got,
            &format!("fixtures/{name}"),
            &std::fs::read(&f).expect("read"),
        );
    }
    for t in DocType::ALL {
        line(
            &mut got,
            &format!("starters/{}", t.key()),
            vanban::starter(t).as_bytes(),
        );
    }
    let path = root().join("tests/data/output-hashes.txt");
    if std::env::var_os("VANBAN_BLESS").is_some() {
        std::fs::write(&path, &got).expect("write the hash list");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("tests/data/output-hashes.txt");
    let moved: Vec<String> = want
        .lines()
        .zip(got.lines())
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("  recorded {w}\n  now      {g}"))
        .collect();
    assert!(
        moved.is_empty() && want.lines().count() == got.lines().count(),
        "{} output(s) changed bytes (VANBAN_BLESS=1 rewrites the list when the change is deliberate):\n{}",
        moved.len(),
        moved.join("\n")
    );
}
