//! DOCX/PDF parity (docs/quality.md §5): for every fixture, our PDF and
//! LibreOffice's rendering of our DOCX have the same number of pages, and
//! every line breaks identically, word for word, and every page holds the
//! same lines (identical page breaks, issue 12 item 10). The documents of
//! tests/data/parity/ reproduce page breaks that once differed. Runs
//! `tools/parity.py` when LibreOffice, poppler-utils and python3 are
//! installed.

mod common;

use common::*;

#[test]
fn docx_and_pdf_agree_on_every_fixture() {
    for tool in ["soffice", "pdftotext", "python3"] {
        if !have(tool) {
            eprintln!("skipped: {tool} not installed (.ci/run installs it)");
            return;
        }
    }
    let mut docs = fixtures();
    let mut extra: Vec<_> = std::fs::read_dir(root().join("tests/data/parity"))
        .expect("tests/data/parity")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    extra.sort();
    assert!(
        extra.len() >= 2,
        "tests/data/parity holds the reproductions"
    );
    docs.extend(extra);
    let home = tempfile::tempdir().expect("tempdir");
    let out = std::process::Command::new("python3")
        .arg(root().join("tools/parity.py"))
        .args(["--json", "--vanban", env!("CARGO_BIN_EXE_vanban")])
        .args(&docs)
        .current_dir(root())
        .env("HOME", home.path())
        .output()
        .expect("run tools/parity.py");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "parity output: {e}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let fixtures = report.as_object().expect("object per fixture");
    assert!(fixtures.len() >= 8);
    for (name, r) in fixtures {
        println!("{name}: {r}");
        assert_eq!(
            r["pages_ours"], r["pages_libreoffice"],
            "{name}: page counts differ"
        );
        // The typesetter measures lines as Word documents are measured
        // (layout-device rounding, kerning at spaces, the italic
        // correction: vanban_layout::paginate), so every line agrees.
        let share = r["lines_identical_share"].as_f64().expect("share");
        assert!(
            share == 1.0,
            "{name}: only {share} of lines identical; first differences: {}",
            r["first_differences"]
        );
        assert_eq!(
            r["pages_identical"], r["pages_ours"],
            "{name}: page breaks differ; first page that differs: {}",
            r["first_page_difference"]
        );
    }
}
