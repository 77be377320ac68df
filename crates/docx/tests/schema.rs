//! Every XML part of a rich document validates against the ISO/IEC 29500
//! schemas (docs/quality.md §4), checked with `xmllint` when it is installed.
//!
//! WordprocessingML parts: `tests/schemas/ooxml/microsoft/wml-2010.xsd`
//! (which pulls in the transitional `wml.xsd`); `docProps/app.xml` and
//! `docProps/custom.xml`: the shared document-properties schemas. The
//! ISO/IEC 29500 schemas are kept in this crate (`tests/schemas/ooxml`, MIT,
//! see its `LICENSE-collection.txt`), so the test runs on a fresh clone. The
//! OPC parts (`[Content_Types].xml`, `*.rels`, `docProps/core.xml`) have no
//! schema there: they are checked against small schemas written for this
//! test after ECMA-376 Part 2 (`tests/schemas/`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use vanban_docx::{DocxOptions, write_docx};

fn xmllint() -> bool {
    Command::new("xmllint").arg("--version").output().is_ok()
}

fn ooxml_schemas() -> PathBuf {
    match std::env::var_os("VANBAN_OOXML_SCHEMAS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/ooxml"),
    }
}

/// The OOXML schema folder when xmllint and the schemas are there; else
/// says why the test is skipped.
fn validator() -> Option<PathBuf> {
    if !xmllint() {
        println!("skipped: xmllint not installed (apt-get install libxml2-utils)");
        return None;
    }
    let dir = ooxml_schemas();
    assert!(dir.is_dir(), "OOXML schemas missing at {}", dir.display());
    Some(dir)
}

/// Which schema validates a part, relative to the OOXML folder or, for
/// `local:` names, to this crate's `tests/schemas`.
fn schema_for(part: &str) -> &'static str {
    match part {
        "[Content_Types].xml" => "local:opc-content-types.xsd",
        p if p.ends_with(".rels") => "local:opc-relationships.xsd",
        "docProps/core.xml" => "local:opc-core-properties.xsd",
        "docProps/app.xml" => "ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd",
        "docProps/custom.xml" => "ISO-IEC29500-4_2016/shared-documentPropertiesCustom.xsd",
        _ => "microsoft/wml-2010.xsd",
    }
}

/// Validates every part of `flow`'s package; returns the failures.
fn validate(flow: &vanban_layout::flow::Flow, tag: &str, ooxml: &Path) -> Vec<String> {
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas");
    let bytes = write_docx(
        flow,
        &DocxOptions {
            timestamp: Some("2024-12-20T00:00:00Z".into()),
            pins: None,
        },
    )
    .expect("docx");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("schema-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tmp dir");
    std::fs::write(dir.join(format!("{tag}.docx")), &bytes).expect("write docx");
    let parts = common::unzip(&bytes);
    assert!(parts.len() >= 12, "parts: {}", parts.len());
    let mut failures = Vec::new();
    for (name, xml) in &parts {
        let path = dir.join("parts").join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, xml).expect("write part");
        let schema = match schema_for(name).strip_prefix("local:") {
            Some(file) => local.join(file),
            None => ooxml.join(schema_for(name)),
        };
        let out = Command::new("xmllint")
            .args(["--noout", "--nonet", "--schema"])
            .arg(&schema)
            .arg(&path)
            .output()
            .expect("run xmllint");
        let msg = String::from_utf8_lossy(&out.stderr).into_owned();
        println!("{tag} {name}: {}", msg.trim());
        if !out.status.success() {
            failures.push(format!("{tag} {name}:\n{msg}"));
        }
    }
    failures
}

#[test]
fn every_part_validates() {
    let Some(ooxml) = validator() else {
        return;
    };
    let rich = common::rich_flow();
    let mut plain = common::rich_flow();
    for s in &mut plain.sections {
        s.page_numbers = false;
        s.first_page_footer.clear();
    }
    plain.info = Default::default();
    let mut restart = common::rich_flow();
    restart.sections.swap(0, 1);
    let mut empty = common::rich_flow();
    empty.sections.clear();
    let mut failures = Vec::new();
    for (flow, tag) in [
        (&rich, "rich"),
        (&plain, "plain"),
        (&restart, "restart"),
        (&empty, "empty"),
    ] {
        failures.extend(validate(flow, tag, &ooxml));
    }
    assert!(
        failures.is_empty(),
        "schema errors:\n{}",
        failures.join("\n")
    );
}

/// Every fixture's DOCX (model → style → Flow → DOCX) validates with 0 errors.
#[test]
fn every_fixture_validates() {
    let Some(ooxml) = validator() else {
        return;
    };
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "fixtures: {}", files.len());
    let fonts = vanban_layout::fonts::FontSet::bundled();
    let mut failures = Vec::new();
    for f in &files {
        let json = std::fs::read(f).expect("read fixture");
        let doc = vanban_model::parse_bytes(&json).expect("valid fixture");
        let flow = vanban_layout::style::style(&doc, fonts).expect("style");
        let tag = f.file_stem().expect("stem").to_string_lossy().into_owned();
        failures.extend(validate(&flow, &tag, &ooxml));
        // Appendices issued as files of their own are documents too.
        for (i, a) in flow.attachments.iter().enumerate() {
            failures.extend(validate(a, &format!("{tag}.appendix{i}"), &ooxml));
        }
    }
    assert!(
        failures.is_empty(),
        "schema errors:\n{}",
        failures.join("\n")
    );
}
