//! The checks measure with the fonts the pages were set with (`--font-dir`),
//! not the bundled ones: a document set in Liberation Sans (system
//! fonts-liberation2, whose ascender and descender differ from the bundled
//! Liberation Serif) is measured with Liberation Sans's metrics and keeps
//! every rule.

use std::path::{Path, PathBuf};
use vanban_conformance::{Expectations, check};
use vanban_layout::fonts::{FontId, FontSet};

/// Liberation Sans copied under the file names `FontSet::from_dir` looks
/// for; `None` when fonts-liberation2 is not installed.
fn sans_dir() -> Option<PathBuf> {
    let src = Path::new("/usr/share/fonts/truetype/liberation2");
    if !src.join("LiberationSans-Regular.ttf").exists() {
        return None;
    }
    let dir = std::env::temp_dir().join(format!("vanban-conformance-fonts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (from, to) in [
        ("LiberationSans-Regular.ttf", "times.ttf"),
        ("LiberationSans-Bold.ttf", "timesbd.ttf"),
        ("LiberationSans-Italic.ttf", "timesi.ttf"),
        ("LiberationSans-BoldItalic.ttf", "timesbi.ttf"),
    ] {
        std::fs::copy(src.join(from), dir.join(to)).expect("copy font");
    }
    Some(dir)
}

#[test]
fn a_font_dir_document_is_measured_with_its_own_fonts() {
    let Some(dir) = sans_dir() else {
        println!("skipped: fonts-liberation2 (Liberation Sans) is not installed");
        return;
    };
    let sans = FontSet::from_dir(&dir).expect("load Liberation Sans");
    let _ = std::fs::remove_dir_all(&dir);
    let bundled = FontSet::bundled();
    // The premise: the two sets' line metrics differ.
    assert_ne!(
        sans.ascender(FontId::Regular),
        bundled.ascender(FontId::Regular)
    );

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/cong-van.json");
    let bytes = std::fs::read(&path).expect("read fixture");
    let doc = vanban_model::parse_bytes(&bytes).expect("parse");
    let flow = vanban_layout::style::style(&doc, &sans).expect("style");
    let pages = vanban_layout::paginate::paginate(&flow, &sans).expect("paginate");

    let e = Expectations::from_flow(&flow, &sans);
    assert_eq!(e.ascent_em, sans.ascender(FontId::Regular));
    assert_eq!(e.descent_em, sans.descender(FontId::Regular));
    let report = check(&pages, &e);
    assert!(report.ok(), "{report}");
}
