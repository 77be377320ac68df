//! Archive: the embedded source round trip (`vanban extract`), the e-office
//! metadata in XMP, DOCX custom properties and the `--meta-json` sidecar,
//! and determinism across processes, time zones and locales.

mod common;

use common::*;
use std::io::Read;
use std::path::Path;
use std::process::Command;
use vanban::{Format, PdfStandard, RenderOptions};

fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_vanban")
}

fn a3b(json: &[u8]) -> Vec<u8> {
    let opts = RenderOptions {
        pdf_standard: PdfStandard::A3b,
        ..RenderOptions::default()
    };
    vanban::render(json, &[Format::Pdf], &opts)
        .expect("render a3b")
        .pdf
        .expect("pdf")
}

/// render(a3b) → extract → render(a3b) gives the same bytes, for every
/// fixture, in the library and through the CLI.
#[test]
fn extract_then_render_is_byte_identical() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in fixtures() {
        let what = f.display().to_string();
        let json = std::fs::read(&f).expect("read");
        let pdf = a3b(&json);
        let src = vanban::extract_source(&pdf).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(src.name, "source.json", "{what}");
        assert!(
            src.data == json,
            "{what}: extracted source differs from the input"
        );
        assert!(a3b(&src.data) == pdf, "{what}: re-rendered PDF differs");

        // CLI: render → extract -o → render.
        let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
        let p1 = dir.path().join(format!("{stem}.pdf"));
        let out = Command::new(exe())
            .env("VANBAN_LANG", "en")
            .args(["render", "--pdf-standard", "a3b", "--format", "pdf"])
            .arg(&f)
            .arg("-o")
            .arg(&p1)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let j2 = dir.path().join(format!("{stem}-again.json"));
        let out = Command::new(exe())
            .env("VANBAN_LANG", "en")
            .arg("extract")
            .arg(&p1)
            .arg("-o")
            .arg(&j2)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::read(&j2).expect("read") == json,
            "{what}: CLI extract"
        );
        let p2 = dir.path().join(format!("{stem}-again.pdf"));
        let out = Command::new(exe())
            .env("VANBAN_LANG", "en")
            .args(["render", "--pdf-standard", "a3b", "--format", "pdf"])
            .arg(&j2)
            .arg("-o")
            .arg(&p2)
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::read(&p1).expect("read") == std::fs::read(&p2).expect("read"),
            "{what}: CLI round trip differs"
        );
        // Standard output by default.
        let out = Command::new(exe())
            .env("VANBAN_LANG", "en")
            .arg("extract")
            .arg(&p1)
            .output()
            .expect("run");
        assert!(
            out.status.success() && out.stdout == json,
            "{what}: extract to stdout"
        );
    }
}

/// A PDF without a source, or not a PDF at all, is a clear error (exit 1),
/// never a panic; truncated and corrupted files neither.
#[test]
fn extract_without_source_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let json = std::fs::read(root().join("fixtures/cong-van.json")).expect("read");
    let a2b = vanban::render(&json, &[Format::Pdf], &RenderOptions::default())
        .expect("render")
        .pdf
        .expect("pdf");
    assert!(matches!(
        vanban::extract_source(&a2b),
        Err(vanban::ExtractError::NoSource)
    ));
    let p = temp_file(dir.path(), "a2b.pdf", &a2b);
    let out = Command::new(exe())
        .env("VANBAN_LANG", "en")
        .arg("extract")
        .arg(&p)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no embedded source"), "{err}");
    assert!(out.stdout.is_empty());

    let junk = temp_file(dir.path(), "junk.pdf", b"this is not a PDF");
    let out = Command::new(exe())
        .env("VANBAN_LANG", "en")
        .arg("extract")
        .arg(&junk)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a readable PDF"));

    let out = Command::new(exe())
        .env("VANBAN_LANG", "en")
        .args(["extract", "/nonexistent/x.pdf"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));

    // Truncated and corrupted copies of a real PDF/A-3b: Ok or Err, no panic.
    let pdf = a3b(&json);
    let step = (pdf.len() / 97).max(1);
    for cut in (0..pdf.len()).step_by(step) {
        let _ = vanban::extract_source(&pdf[..cut]);
        let mut bad = pdf.clone();
        bad[cut] ^= 0x5a;
        if let Ok(s) = vanban::extract_source(&bad) {
            // A flip outside the source's stream may leave it readable.
            assert!(
                s.data == json || s.data.len() <= vanban_pdf::extract::MAX_SOURCE_BYTES as usize
            );
        }
    }
}

/// Text between `<tag>` and `</tag>` after `from`, XML-unescaped.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#xD;", "\r")
        .replace("&amp;", "&")
}

fn xmp_value(xmp: &str, prop: &str) -> Option<String> {
    let open = format!("<vbd:{prop}>");
    let a = xmp.find(&open)? + open.len();
    let b = xmp[a..].find(&format!("</vbd:{prop}>"))? + a;
    Some(unescape(&xmp[a..b]))
}

fn custom_value(custom: &str, name: &str) -> Option<String> {
    let key = format!("name=\"{name}\"");
    let a = custom.find(&key)?;
    let a = custom[a..].find("<vt:lpwstr>")? + a + "<vt:lpwstr>".len();
    let b = custom[a..].find("</vt:lpwstr>")? + a;
    Some(unescape(&custom[a..b]))
}

fn docx_part(docx: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut f = z.by_name(name).expect("part");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 part");
    s
}

/// The Appendix VI fields are in the PDF's XMP and the DOCX custom
/// properties, with the same names and values, for every fixture.
#[test]
fn eoffice_metadata_in_xmp_and_docx() {
    for f in fixtures() {
        let what = f.display().to_string();
        let json = std::fs::read(&f).expect("read");
        let doc = vanban::check(&json).expect("valid");
        let r = vanban::render(
            &json,
            &[Format::Pdf, Format::Docx],
            &RenderOptions::default(),
        )
        .expect("render");
        let pdf = r.pdf.as_deref().expect("pdf");
        let s = String::from_utf8_lossy(pdf);
        let a = s.find("<?xpacket begin").expect("xmp");
        let b = s[a..].find("<?xpacket end").expect("xmp end") + a;
        let xmp = &s[a..b];
        assert!(xmp.contains("xmlns:vbd=\"https://vanban.invalid/ns/decree30/1.0/\""));
        let custom = docx_part(r.docx.as_deref().expect("docx"), "docProps/custom.xml");

        let fields = r.eoffice.fields();
        let get = |k: &str| fields.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
        let mut required = vec![
            "TypeName",
            "CodeNotation",
            "OrganName",
            "Subject",
            "Language",
            "PageAmount",
            "SignerInfo.Position",
            "SignerInfo.FullName",
        ];
        if doc.date.day.is_some() {
            required.push("IssuedDate");
        } else {
            assert!(
                get("IssuedDate").is_none(),
                "{what}: IssuedDate of an undated document"
            );
        }
        if doc.number.is_some() {
            required.push("CodeNumber");
        }
        for k in required {
            assert!(get(k).is_some_and(|v| !v.is_empty()), "{what}: no {k}");
        }
        assert_eq!(
            get("PageAmount"),
            r.page_count.map(|n| n.to_string()),
            "{what}: PageAmount"
        );
        assert_eq!(
            r.page_count,
            Some(count(pdf, "/Type/Page/")),
            "{what}: page count"
        );
        let issuer = doc
            .issuer
            .name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(get("OrganName"), Some(issuer), "{what}");
        assert_eq!(
            get("CodeNotation").as_deref(),
            Some(doc.symbol.as_str()),
            "{what}"
        );
        for (k, v) in &fields {
            let prop = vanban_pdf::xmp::property_name(k);
            assert_eq!(xmp_value(xmp, &prop).as_ref(), Some(v), "{what}: XMP {k}");
            assert_eq!(
                custom_value(&custom, k).as_ref(),
                Some(v),
                "{what}: DOCX {k}"
            );
        }
        // Decree order: PageAmount right after Language.
        let pos = |k: &str| fields.iter().position(|(n, _)| *n == k);
        assert_eq!(pos("PageAmount"), pos("Language").map(|p| p + 1), "{what}");
    }
}

fn count(hay: &[u8], needle: &str) -> usize {
    hay.windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

/// `--meta-json` writes `<stem>.meta.json` next to the outputs: the
/// e-office fields in the decree's order, the page count, the blanks and
/// signature rectangles.
#[test]
fn meta_json_sidecar() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = root().join("fixtures/bao-cao-ba-to.json");
    let out_dir = format!("{}/", dir.path().display());
    let out = Command::new(exe())
        .env("VANBAN_LANG", "en")
        .arg("render")
        .arg(&f)
        .args(["-o", &out_dir, "--meta-json"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("bao-cao-ba-to.meta.json")).expect("meta");
    let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let e = &v["eoffice"];
    assert_eq!(e["TypeName"], "Báo cáo");
    assert!(e["SignerInfo"]["FullName"].is_string());
    assert!(e["SignerInfo"]["Position"].is_string());
    assert!(
        e.get("CodeNumber").is_none(),
        "number is null in this fixture"
    );
    let pages = v["pageCount"].as_u64().expect("pageCount");
    assert_eq!(e["PageAmount"], pages);
    assert!(
        v["coordinates"]["origin"]
            .as_str()
            .is_some_and(|s| s.contains("bottom-left"))
    );
    // Keys in the decree's order in the file.
    let order = [
        "\"TypeName\"",
        "\"CodeNotation\"",
        "\"OrganName\"",
        "\"Subject\"",
        "\"Language\"",
        "\"PageAmount\"",
        "\"SignerInfo\"",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|k| text.find(k).unwrap_or_else(|| panic!("no {k}")))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "order: {text}");
    // The number blank on the first page, the day blank (the date has no day).
    let regions = v["regions"].as_array().expect("regions");
    let kinds: Vec<&str> = regions.iter().filter_map(|r| r["kind"].as_str()).collect();
    for k in ["NumberBlank", "DayBlank", "Signature", "Seal"] {
        assert!(kinds.contains(&k), "no {k} region: {kinds:?}");
    }
    let num = regions
        .iter()
        .find(|r| r["kind"] == "NumberBlank")
        .expect("number blank");
    assert_eq!(num["page"], 0);
    let rect: Vec<f64> = num["rect"]
        .as_array()
        .expect("rect")
        .iter()
        .filter_map(|x| x.as_f64())
        .collect();
    assert!(rect.len() == 4 && rect[0] < rect[2] && rect[1] < rect[3]);
    assert!(
        rect[1] > 600.0,
        "the number line is near the top of the page: {rect:?}"
    );
    let fields: Vec<&str> = v["signatureFields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["name"].as_str())
        .collect();
    assert_eq!(fields, ["ChuKy_NguoiKy", "ChuKy_CoQuan"]);
    // The same as the library's.
    let json = std::fs::read(&f).expect("read");
    let r = vanban::render(
        &json,
        &[Format::Pdf, Format::Docx],
        &RenderOptions::default(),
    )
    .expect("render");
    assert_eq!(r.meta_json(), text);

    // With -o - there is nowhere to put it: usage error.
    let out = Command::new(exe())
        .env("VANBAN_LANG", "en")
        .arg("render")
        .arg(&f)
        .args(["--format", "pdf", "-o", "-", "--meta-json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

fn render_in_process(input: &Path, out: &Path, env: &[(&str, &str)]) {
    let mut c = Command::new(exe());
    c.env("VANBAN_LANG", "en");
    c.arg("render")
        .arg(input)
        .arg("-o")
        .arg(out)
        .arg("--meta-json");
    c.env_remove("SOURCE_DATE_EPOCH");
    for (k, v) in env {
        c.env(k, v);
    }
    let o = c.output().expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Separate processes with different time zones and locales give the same
/// PDF (with fields), DOCX and sidecar; `SOURCE_DATE_EPOCH` changes only
/// documents without a full date.
#[test]
fn deterministic_across_processes_time_zones_and_locales() {
    let dir = tempfile::tempdir().expect("tempdir");
    let envs: [&[(&str, &str)]; 3] = [
        &[("TZ", "UTC"), ("LC_ALL", "C")],
        &[
            ("TZ", "Asia/Ho_Chi_Minh"),
            ("LC_ALL", "vi_VN.UTF-8"),
            ("LANG", "vi_VN.UTF-8"),
        ],
        &[("TZ", "America/New_York"), ("LC_ALL", "en_US.UTF-8")],
    ];
    for f in fixtures() {
        let what = f.display().to_string();
        let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
        let mut outs = Vec::new();
        for (i, env) in envs.iter().enumerate() {
            let d = dir.path().join(format!("{stem}-{i}"));
            std::fs::create_dir_all(&d).expect("mkdir");
            render_in_process(&f, &d.join("x"), env);
            let read = |ext: &str| std::fs::read(d.join(format!("x.{ext}"))).expect("read");
            outs.push((read("pdf"), read("docx"), read("meta.json")));
        }
        for o in &outs[1..] {
            assert!(o.0 == outs[0].0, "{what}: PDF differs between processes");
            assert!(o.1 == outs[0].1, "{what}: DOCX differs between processes");
            assert!(
                o.2 == outs[0].2,
                "{what}: sidecar differs between processes"
            );
        }
        assert!(contains(&outs[0].0, "/AcroForm"), "{what}: fields");

        // SOURCE_DATE_EPOCH: only for documents without a full date.
        let doc = vanban::check(&std::fs::read(&f).expect("read")).expect("valid");
        let d = dir.path().join(format!("{stem}-sde"));
        std::fs::create_dir_all(&d).expect("mkdir");
        render_in_process(&f, &d.join("x"), &[("SOURCE_DATE_EPOCH", "1700000000")]);
        let pdf = std::fs::read(d.join("x.pdf")).expect("read");
        let docx = std::fs::read(d.join("x.docx")).expect("read");
        if doc.date.day.is_some() {
            assert!(
                pdf == outs[0].0,
                "{what}: SOURCE_DATE_EPOCH changed a dated PDF"
            );
            assert!(
                docx == outs[0].1,
                "{what}: SOURCE_DATE_EPOCH changed a dated DOCX"
            );
        } else {
            assert!(pdf != outs[0].0, "{what}: SOURCE_DATE_EPOCH ignored (PDF)");
            assert!(
                docx != outs[0].1,
                "{what}: SOURCE_DATE_EPOCH ignored (DOCX)"
            );
            assert!(
                contains(&pdf, "2023-11-14"),
                "{what}: the epoch's date in the XMP"
            );
        }
    }
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}
