//! The command line: exit codes, outputs, atomic writes, stdin/stdout.

mod common;

use common::*;
use std::process::{Command, Stdio};

fn vanban() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.env_remove("SOURCE_DATE_EPOCH");
    // These tests check the English wording; tests/lang.rs checks Vietnamese.
    c.env("VANBAN_LANG", "en");
    c
}

fn fixture(name: &str) -> String {
    root().join("fixtures").join(name).display().to_string()
}

#[test]
fn render_writes_both_files_into_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = format!("{}/", dir.path().join("out").display());
    let st = vanban()
        .args(["render", &fixture("bao-cao-ba-to.json"), "-o", &out])
        .status()
        .expect("run");
    assert!(st.success());
    let pdf = std::fs::read(dir.path().join("out/bao-cao-ba-to.pdf")).expect("pdf written");
    let docx = std::fs::read(dir.path().join("out/bao-cao-ba-to.docx")).expect("docx written");
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(docx.starts_with(b"PK"));
    // Nothing else (no temp files) is left in the folder.
    assert_eq!(
        listing(&dir.path().join("out")),
        ["bao-cao-ba-to.docx", "bao-cao-ba-to.pdf"]
    );
}

#[test]
fn render_single_format_by_extension_and_flag() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("x.pdf");
    let st = vanban()
        .args([
            "render",
            &fixture("cong-van.json"),
            "-o",
            pdf.to_str().expect("p"),
        ])
        .status()
        .expect("run");
    assert!(st.success());
    assert!(pdf.exists());
    assert!(!dir.path().join("x.docx").exists());
    let stem = dir.path().join("y");
    let st = vanban()
        .args([
            "render",
            &fixture("cong-van.json"),
            "--format",
            "docx",
            "-o",
            stem.to_str().expect("p"),
        ])
        .status()
        .expect("run");
    assert!(st.success());
    assert!(dir.path().join("y.docx").exists());
    assert!(!dir.path().join("y.pdf").exists());
}

#[test]
fn stdin_to_stdout() {
    let json = std::fs::read(fixture("giay-moi.json")).expect("read");
    let mut child = vanban()
        .args(["render", "-", "--format", "pdf", "-o", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(&json).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"%PDF-"));
}

#[test]
fn bad_document_exits_1_names_the_path_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = temp_file(
        dir.path(),
        "bad.json",
        br#"{"type":"bao_cao","issuer":{"name":"UBND XA A","abbr":"UBND"},"place":"A","date":"2023-02-30",
            "title":"T","body":["x", {"heading":"h","body":[{"headng":"typo"}]}],
            "signature":{"title":"CHU TICH","name":"A"}}"#,
    );
    let out_dir = dir.path().join("out");
    let out = vanban()
        .args([
            "render",
            bad.to_str().expect("p"),
            "-o",
            &format!("{}/", out_dir.display()),
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("body[1].body[0]"), "{err}");
    assert!(err.contains("headng"), "{err}");
    assert!(!out_dir.join("bad.pdf").exists());
    assert!(!out_dir.join("bad.docx").exists());
}

#[test]
fn syntax_error_has_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = temp_file(
        dir.path(),
        "syn.json",
        b"{\n  \"type\": \"bao_cao\",\n  \"issuer\": }\n",
    );
    let out = vanban()
        .args(["check", bad.to_str().expect("p")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("column"), "{err}");
}

#[test]
fn usage_and_io_errors_exit_2() {
    let out = vanban()
        .args(["render", "/nonexistent/x.json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = vanban().args(["render"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = vanban()
        .args(["render", &fixture("cong-van.json"), "-o", "-"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "two formats cannot go to stdout"
    );
}

#[test]
fn check_accepts_every_fixture() {
    let files: Vec<String> = fixtures().iter().map(|p| p.display().to_string()).collect();
    let out = vanban().arg("check").args(&files).output().expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).matches(": ok").count(),
        files.len()
    );
}

#[test]
fn schema_is_json() {
    let out = vanban().arg("schema").output().expect("run");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    assert!(v.get("properties").is_some() || v.get("$defs").is_some());
}

#[test]
fn fonts_lists_the_bundled_faces() {
    let out = vanban().arg("fonts").output().expect("run");
    assert!(out.status.success());
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("LiberationSerif-BoldItalic.ttf"), "{s}");
    assert!(s.contains("Times New Roman"), "{s}");
}

#[test]
fn source_date_epoch_changes_only_undated_metadata_and_is_deterministic() {
    let run = |epoch: &str, tz: &str| {
        let out = vanban()
            .env("SOURCE_DATE_EPOCH", epoch)
            .env("TZ", tz)
            .env("LC_ALL", "C")
            .args([
                "render",
                &fixture("bao-cao-ba-to.json"),
                "--format",
                "pdf",
                "-o",
                "-",
            ])
            .output()
            .expect("run");
        assert!(out.status.success());
        out.stdout
    };
    let a = run("1700000000", "UTC");
    let b = run("1700000000", "Asia/Ho_Chi_Minh");
    assert_eq!(a, b, "time zone must not change the bytes");
    let c = run("1600000000", "UTC");
    assert_ne!(
        a, c,
        "the Ba Tô report has no full date: SOURCE_DATE_EPOCH sets it"
    );
}

/// Files in `dir`, sorted.
fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// An appendix with `"separate_file": true` (Decree 30 App. III Mẫu 2.2)
/// comes out as its own PDF, DOCX and sidecar beside the main files, and
/// is not in the main file; its reference line stays unfilled even when
/// the document has its number and date.
#[test]
fn separate_file_appendix_is_written_beside_the_main_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture("quyet-dinh-danh-sach.json")).expect("read"))
            .expect("json");
    doc["number"] = serde_json::json!(12);
    doc["date"] = serde_json::json!("2024-12-20");
    let input = dir.path().join("qd.json");
    std::fs::write(&input, serde_json::to_vec(&doc).expect("json")).expect("write");
    let out = dir.path().join("out");
    let o = vanban()
        .args(["render", input.to_str().expect("p"), "--meta-json", "-o"])
        .arg(format!("{}/", out.display()))
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        listing(&out),
        [
            "qd.docx",
            "qd.meta.json",
            "qd.pdf",
            "qd.phu-luc.docx",
            "qd.phu-luc.meta.json",
            "qd.phu-luc.pdf"
        ]
    );
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("qd.phu-luc.meta.json")).expect("meta"))
            .expect("meta json");
    assert_eq!(meta["signatureFields"][0]["name"], "ChuKy_CoQuan");
    assert_eq!(meta["signatureFields"].as_array().map(Vec::len), Some(1));
    assert_eq!(meta["regions"][0]["kind"], "AttachmentSignature");
    assert_eq!(meta["eoffice"]["CodeNumber"], "12");
    if !have("pdftotext") {
        return;
    }
    let text = |f: &str| {
        // -raw: content order (the blanks' wide gaps confuse the layout
        // analysis of plain pdftotext).
        run(
            "pdftotext",
            &["-raw", out.join(f).to_str().expect("p"), "-"],
        )
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
    };
    let main = text("qd.pdf");
    let appendix = text("qd.phu-luc.pdf");
    assert!(main.contains("Số: 12/QĐ-UBND"), "{main}");
    assert!(main.contains("ngày 20 tháng 12 năm 2024"), "{main}");
    assert!(
        !main.contains("Phụ lục"),
        "the appendix is in the main file: {main}"
    );
    assert!(
        appendix.starts_with("Phụ lục DANH SÁCH HỘ NGHÈO"),
        "{appendix}"
    );
    assert!(
        appendix.contains(
            "(Kèm theo Quyết định số /QĐ-UBND ngày tháng năm của Ủy ban nhân dân xã Ba Điền)"
        ),
        "the reference line is filled: {appendix}"
    );
    assert!(appendix.contains("Phạm Văn Lâm"), "{appendix}");
}

/// Standard output holds one file: a document with a separate-file
/// appendix cannot go there, and nothing is written.
#[test]
fn separate_file_appendix_refuses_stdout() {
    let o = vanban()
        .args([
            "render",
            &fixture("quyet-dinh-danh-sach.json"),
            "--format",
            "pdf",
            "-o",
            "-",
        ])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("separate_file") && err.contains("-o -"),
        "{err}"
    );
}
