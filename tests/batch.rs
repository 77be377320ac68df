//! `vanban batch`: folders, manifests, a broken document among good ones,
//! ASCII-safe names, and no overwriting without `--force`.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output};

fn vanban() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.env_remove("SOURCE_DATE_EPOCH");
    // These tests check the English wording; tests/lang.rs checks Vietnamese.
    c.env("VANBAN_LANG", "en");
    c
}

fn batch(args: &[&str]) -> Output {
    vanban()
        .arg("batch")
        .args(args)
        .output()
        .expect("run vanban batch")
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Every file below `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).expect("prefix");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut v = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut v);
    }
    v.sort();
    v
}

/// A folder with the fixtures (one in a sub-folder) and a broken document;
/// returns the stems of the files expected out (separate-file appendices
/// included).
fn input_folder(dir: &Path) -> Vec<String> {
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).expect("mkdir");
    let mut stems = Vec::new();
    for (i, f) in fixtures().iter().enumerate() {
        let name = f.file_name().expect("name");
        let dest = if i == 0 {
            input.join("sub").join(name)
        } else {
            input.join(name)
        };
        std::fs::copy(f, &dest).expect("copy fixture");
        let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
        let stem = if i == 0 { format!("sub/{stem}") } else { stem };
        // Appendices issued as files of their own come out beside it.
        let doc = vanban::check(&std::fs::read(f).expect("read")).expect("valid fixture");
        let count = doc.appendices.len();
        for (j, a) in doc.appendices.iter().enumerate() {
            if a.separate_file {
                stems.push(format!("{stem}.{}", vanban::appendix_file_name(j, count)));
            }
        }
        stems.push(stem);
    }
    std::fs::write(
        input.join("hong.json"),
        "{\n  \"type\": \"bao_cao\",\n  \"title\": \"Thiếu cơ quan\"\n",
    )
    .expect("write broken");
    // Not a document: ignored by the folder walk.
    std::fs::write(input.join("README.txt"), "not json").expect("write txt");
    stems
}

#[test]
fn folder_with_a_broken_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stems = input_folder(dir.path());
    let out = dir.path().join("out");
    let o = batch(&[s(&dir.path().join("in")), "-o", s(&out)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "stderr: {stderr}");

    let mut want: Vec<String> = stems
        .iter()
        .flat_map(|s| [format!("{s}.docx"), format!("{s}.pdf")])
        .collect();
    want.sort();
    assert_eq!(files(&out), want, "stderr: {stderr}");
    for f in &want {
        let bytes = std::fs::read(out.join(f)).expect("output");
        let magic: &[u8] = if f.ends_with(".pdf") { b"%PDF-" } else { b"PK" };
        assert!(bytes.starts_with(magic), "{f} is not a {magic:?} file");
    }

    // The summary names the broken file with its first error.
    let rendered = format!("rendered {}, failed 1", fixtures().len());
    assert!(stderr.contains(&rendered), "stderr: {stderr}");
    let line = stderr
        .lines()
        .find(|l| l.starts_with("failed: ") && l.contains("hong.json"))
        .unwrap_or_else(|| panic!("no failure line for hong.json in: {stderr}"));
    assert!(
        line.len() > "failed: ".len() + "hong.json".len() + 10,
        "{line}"
    );
}

#[test]
fn no_overwrite_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("cong-van.json");
    std::fs::copy(root().join("fixtures/cong-van.json"), &input).expect("copy");
    let out = dir.path().join("out");

    let o = batch(&[s(&input), "-o", s(&out), "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // --quiet and nothing failed: nothing on stderr.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let pdf = out.join("cong-van.pdf");
    std::fs::write(&pdf, b"sentinel").expect("overwrite by hand");

    // A second run refuses, names the file, leaves it alone.
    let o = batch(&[s(&input), "-o", s(&out)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        stderr.contains("cong-van.pdf") && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&pdf).expect("pdf"), b"sentinel");

    // --force overwrites.
    let o = batch(&[s(&input), "-o", s(&out), "--force", "--quiet"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));
    assert_eq!(files(&out), ["cong-van.docx", "cong-van.pdf"]);
}

#[test]
fn manifest_with_ascii_safe_names_and_collisions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(&docs).expect("mkdir");
    std::fs::copy(
        root().join("fixtures/quyet-dinh.json"),
        docs.join("Quyết định số 5.json"),
    )
    .expect("copy");
    std::fs::copy(
        root().join("fixtures/to-trinh.json"),
        docs.join("tờ trình.json"),
    )
    .expect("copy");
    let manifest = dir.path().join("list.jsonl");
    std::fs::write(
        &manifest,
        concat!(
            "{\"input\": \"docs/Quyết định số 5.json\", \"output\": \"2023/Quyết định số 5\"}\n",
            "\n",
            "{\"input\": \"docs/tờ trình.json\", \"output\": \"2023/quyet-dinh-so-5.pdf\"}\n",
            "{\"input\": \"docs/tờ trình.json\"}\n",
        ),
    )
    .expect("manifest");
    let out = dir.path().join("out");
    let o = batch(&[s(&manifest), "-o", s(&out), "--format", "pdf"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    // Diacritics stripped, spaces → '-', the case-insensitive clash numbered
    // in input order, the extension in "output" dropped.
    assert_eq!(
        files(&out),
        [
            "2023/Quyet-dinh-so-5.pdf",
            "2023/quyet-dinh-so-5-2.pdf",
            "to-trinh.pdf"
        ],
        "{stderr}"
    );
    for f in files(&out) {
        assert!(
            f.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b)),
            "{f} is not ASCII-safe"
        );
    }
}

#[test]
fn manifest_bad_lines_fail_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        root().join("fixtures/giay-moi.json"),
        dir.path().join("g.json"),
    )
    .expect("copy");
    let manifest = dir.path().join("m.jsonl");
    std::fs::write(
        &manifest,
        "{\"input\": \"g.json\", \"output\": \"ok\"}\nnot json\n{\"input\": \"g.json\", \"output\": \"../escape\"}\n{\"input\": \"missing.json\"}\n",
    )
    .expect("manifest");
    let out = dir.path().join("out");
    let o = batch(&[s(&manifest), "-o", s(&out), "--quiet"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(stderr.contains("rendered 1, failed 3"), "{stderr}");
    assert!(stderr.contains("m.jsonl:2"), "{stderr}");
    assert!(stderr.contains("m.jsonl:3"), "{stderr}");
    assert!(stderr.contains("missing.json"), "{stderr}");
    assert_eq!(files(&out), ["ok.docx", "ok.pdf"]);
    assert!(!dir.path().join("escape.pdf").exists());
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = batch(&[
        s(&dir.path().join("nope")),
        "-o",
        s(&dir.path().join("out")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    // An empty folder has nothing to render.
    let o = batch(&[s(dir.path()), "-o", s(&dir.path().join("out"))]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn batch_output_matches_render() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = root().join("fixtures/bien-ban.json");
    let o = batch(&[s(&fixture), "-o", s(&dir.path().join("b")), "--jobs", "1"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let st = vanban()
        .args([
            "render",
            s(&fixture),
            "-o",
            &format!("{}/", s(&dir.path().join("r"))),
        ])
        .output()
        .expect("render");
    assert!(st.status.success());
    for ext in ["pdf", "docx"] {
        let b = std::fs::read(dir.path().join(format!("b/bien-ban.{ext}"))).expect("batch out");
        let r = std::fs::read(dir.path().join(format!("r/bien-ban.{ext}"))).expect("render out");
        assert!(b == r, "batch and render differ for {ext}");
    }
}

/// `--shard K/N`: the N shards of one batch render every document exactly
/// once, under the names an unsharded run gives, with the same bytes.
#[test]
fn shards_render_every_document_exactly_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let input = tmp.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    // Seven documents, two of them with the same name once made ASCII
    // (so the -2 suffix must be assigned before sharding).
    let fixture = std::fs::read(root().join("fixtures/cong-van.json")).expect("fixture");
    let names = [
        "a.json", "b.json", "c.json", "d.json", "e.json", "đ.json", "d2.json",
    ];
    for n in names {
        std::fs::write(input.join(n), &fixture).expect("write");
    }
    let whole = tmp.path().join("whole");
    let out = batch(&[s(&input), "-o", s(&whole), "--format", "pdf", "-q"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = files(&whole);
    assert_eq!(expected.len(), names.len(), "{expected:?}");

    let mut seen: Vec<String> = Vec::new();
    for k in 1..=3 {
        let dir = tmp.path().join(format!("shard{k}"));
        let shard = format!("{k}/3");
        let out = batch(&[
            s(&input),
            "-o",
            s(&dir),
            "--format",
            "pdf",
            "-q",
            "--shard",
            &shard,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for f in files(&dir) {
            let a = std::fs::read(dir.join(&f)).expect("shard output");
            let b = std::fs::read(whole.join(&f)).expect("same name in the whole run");
            assert!(a == b, "{f}: shard {k} bytes differ from the unsharded run");
            seen.push(f);
        }
    }
    seen.sort();
    assert_eq!(seen, expected, "every document once across the shards");

    for bad in ["0/3", "4/3", "x"] {
        let out = batch(&[s(&input), "-o", s(&whole), "--shard", bad]);
        assert_eq!(out.status.code(), Some(2), "--shard {bad}");
    }
}
