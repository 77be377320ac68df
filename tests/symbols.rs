//! Document symbols (#12 item 12): "12/KH-UBND" is searchable and copyable
//! with an ASCII hyphen-minus in the DOCX (LibreOffice's text export) and in
//! the PDF's text layer, and never splits at a line end in either format.
//! Paragraphs are built so that the symbol falls at every position around
//! the line end.

mod common;

use common::*;
use std::path::Path;

/// The cong-van fixture with paragraphs that push "12/KH-UBND" across the
/// line end one character at a time.
fn document(dir: &Path) -> std::path::PathBuf {
    let src = std::fs::read(root().join("fixtures/cong-van.json")).expect("fixture");
    let mut doc: serde_json::Value = serde_json::from_slice(&src).expect("json");
    let body: Vec<String> = (0..24)
        .map(|k| {
            format!(
                "Thực hiện kế hoạch của đơn vị trong năm về việc {} số 12/KH-UBND đã ban hành.",
                "x".repeat(k)
            )
        })
        .collect();
    doc["body"] = serde_json::json!(body);
    let p = dir.join("ky-hieu.json");
    std::fs::write(&p, serde_json::to_vec(&doc).expect("json")).expect("write");
    p
}

/// Lines of `pdftotext` (reading order, no layout).
fn lines(pdf: &Path) -> Vec<String> {
    run("pdftotext", &[pdf.to_str().expect("path"), "-"])
        .lines()
        .map(str::to_owned)
        .collect()
}

/// Asserts the symbol is never split and count whole occurrences.
fn whole_symbols(lines: &[String], who: &str) -> usize {
    for w in lines.windows(2) {
        assert!(
            !(w[0].ends_with("KH-") || w[0].ends_with("12/KH") || w[1].starts_with("UBND")),
            "{who}: the symbol splits between {:?} and {:?}",
            w[0],
            w[1]
        );
    }
    lines.iter().map(|l| l.matches("12/KH-UBND").count()).sum()
}

#[test]
fn symbols_are_plain_hyphens_and_never_split() {
    if !have("pdftotext") {
        eprintln!("skipped: pdftotext not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let json = document(dir.path());
    run(
        env!("CARGO_BIN_EXE_vanban"),
        &[
            "render",
            json.to_str().expect("path"),
            "-o",
            dir.path().to_str().expect("path"),
        ],
    );
    let pdf = dir.path().join("ky-hieu.pdf");
    let docx = dir.path().join("ky-hieu.docx");

    // Our PDF: every symbol whole, with an ASCII hyphen in the text layer,
    // and at least one pushed to the start of a line by the line end.
    let ours = lines(&pdf);
    assert_eq!(whole_symbols(&ours, "PDF"), 24, "{ours:#?}");
    assert!(
        ours.iter().any(|l| l.starts_with("12/KH-UBND")),
        "no paragraph puts the symbol at a line end: {ours:#?}"
    );
    assert!(!ours.iter().any(|l| l.contains('\u{2011}')));

    // The DOCX: the number line and the symbols that sit inside a line are
    // plain text; only those the line end would split are non-breaking.
    let xml = {
        use std::io::Read;
        let f = std::fs::File::open(&docx).expect("docx");
        let mut z = zip::ZipArchive::new(f).expect("zip");
        let mut s = String::new();
        z.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut s)
            .expect("read");
        s
    };
    assert!(xml.contains("125/UBND-VP"), "number line not plain text");
    let plain = xml.matches("12/KH-UBND").count();
    let pinned = xml.matches("12/KH</w:t><w:noBreakHyphen/>").count();
    assert!(plain > 0, "every symbol hyphen is non-breaking");
    assert_eq!(plain + pinned, 24, "plain {plain}, pinned {pinned}");
    let pushed = ours.iter().filter(|l| l.starts_with("12/KH-UBND")).count();
    assert_eq!(pinned, pushed, "pinned hyphens = symbols opening a line");

    if !have("soffice") {
        eprintln!("skipped: soffice not installed (.ci/run installs it)");
        return;
    }
    let home = tempfile::tempdir().expect("tempdir");
    let lo = dir.path().join("lo");
    for to in ["txt:Text", "pdf"] {
        let st = std::process::Command::new("soffice")
            .args(["--headless", "--convert-to", to, "--outdir"])
            .arg(&lo)
            .arg(&docx)
            .env("HOME", home.path())
            .output()
            .expect("soffice");
        assert!(st.status.success(), "soffice --convert-to {to}");
    }
    let txt = std::fs::read_to_string(lo.join("ky-hieu.txt")).expect("txt export");
    assert!(txt.contains("125/UBND-VP"), "number line: {txt}");
    assert_eq!(txt.matches("12/KH-UBND").count(), plain, "{txt}");
    let theirs = lines(&lo.join("ky-hieu.pdf"));
    assert_eq!(whole_symbols(&theirs, "LibreOffice"), 24, "{theirs:#?}");
    let body = |v: &[String]| -> Vec<String> {
        v.iter()
            .filter(|l| l.contains("UBND") || l.contains("xxx") || l.contains("Thực hiện"))
            .cloned()
            .collect()
    };
    assert_eq!(body(&ours), body(&theirs), "lines differ");
}
