//! Every fixture renders to PDF and DOCX, deterministically, with a real text layer.

mod common;

use common::*;
use unicode_normalization::UnicodeNormalization;
use vanban::{Format, RenderOptions};

fn render_both(path: &std::path::Path) -> vanban::Rendered {
    let json = std::fs::read(path).expect("read fixture");
    vanban::render(
        &json,
        &[Format::Pdf, Format::Docx],
        &RenderOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_fixture_checks() {
    for f in fixtures() {
        let json = std::fs::read(&f).expect("read");
        vanban::check(&json).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
}

#[test]
fn every_fixture_renders_byte_identically_twice() {
    for f in fixtures() {
        let a = render_both(&f);
        let b = render_both(&f);
        let (pa, da) = (a.pdf.expect("pdf"), a.docx.expect("docx"));
        assert!(pa.starts_with(b"%PDF-"), "{}", f.display());
        assert!(da.starts_with(b"PK"), "{}", f.display());
        assert_eq!(
            pa,
            b.pdf.expect("pdf"),
            "{}: PDF differs between runs",
            f.display()
        );
        assert_eq!(
            da,
            b.docx.expect("docx"),
            "{}: DOCX differs between runs",
            f.display()
        );
    }
}

/// pdftotext gives every word of the body, in order, NFC, and the header's
/// fixed upper-case lines exactly.
#[test]
fn pdf_text_layer_has_every_word_in_order() {
    if !have("pdftotext") {
        eprintln!("skipped: pdftotext not installed (apt-get install poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for f in fixtures() {
        let json = std::fs::read(&f).expect("read");
        let doc = vanban::check(&json).expect("valid");
        let pdf = render_both(&f).pdf.expect("pdf");
        let p = temp_file(dir.path(), "t.pdf", &pdf);
        // -raw: content order, and no de-hyphenation of a line ending in " -".
        let text = run("pdftotext", &["-raw", p.to_str().expect("path"), "-"]);
        assert_eq!(
            text,
            text.nfc().collect::<String>(),
            "{}: text layer not NFC",
            f.display()
        );
        assert!(
            text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "{}",
            f.display()
        );
        assert!(
            text.contains("Độc lập - Tự do - Hạnh phúc"),
            "{}",
            f.display()
        );
        if let Some(name) = doc.doc_type.printed_name() {
            assert!(
                text.contains(name),
                "{}: type name {name} missing",
                f.display()
            );
        }
        // Every body word appears, in order (footnote text may interleave).
        let pdf_words: Vec<&str> = text.split_whitespace().collect();
        let mut at = 0usize;
        for w in body_words(&doc) {
            let found = (at..pdf_words.len())
                .find_map(|i| words_matching(&pdf_words, i, &w).map(|n| i + n));
            match found {
                Some(next) => at = next,
                None => panic!(
                    "{}: word {w:?} missing or out of order after PDF word #{at} ({:?})",
                    f.display(),
                    pdf_words.get(at.saturating_sub(3)..(at + 3).min(pdf_words.len()))
                ),
            }
        }
    }
}

#[test]
fn pdf_fonts_are_embedded_and_subset() {
    if !have("pdffonts") {
        eprintln!("skipped: pdffonts not installed (apt-get install poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for f in fixtures() {
        let pdf = render_both(&f).pdf.expect("pdf");
        let p = temp_file(dir.path(), "f.pdf", &pdf);
        let out = run("pdffonts", &[p.to_str().expect("path")]);
        let rows: Vec<&str> = out.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{}: no fonts", f.display());
        for r in rows {
            let cols: Vec<&str> = r.split_whitespace().collect();
            // name type encoding emb sub uni object ID
            let n = cols.len();
            assert!(n >= 7, "{r}");
            assert_eq!(
                &cols[n - 5..n - 2],
                &["yes", "yes", "yes"],
                "{}: {r}",
                f.display()
            );
        }
    }
}

#[test]
fn pdf_passes_qpdf_check() {
    if !have("qpdf") {
        eprintln!("skipped: qpdf not installed");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for f in fixtures() {
        let pdf = render_both(&f).pdf.expect("pdf");
        let p = temp_file(dir.path(), "q.pdf", &pdf);
        let out = std::process::Command::new("qpdf")
            .args(["--check", p.to_str().expect("path")])
            .output()
            .expect("qpdf");
        let s = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}: qpdf --check: {s}", f.display());
        assert!(
            s.contains("No syntax or stream encoding errors"),
            "{}: {s}",
            f.display()
        );
    }
}
