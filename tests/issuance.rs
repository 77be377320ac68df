//! Issuance (Decree 30 Art. 15.3): the leader signs, the clerk gives the
//! number and date with `vanban issue`, the organisation seals; every
//! signature stays valid (pyHanko's verdict), the page shows the number and
//! date on their lines (pdftotext -bbox), and the file stays PDF/A
//! (pikepdf structure checks).

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use vanban::{Format, OutputOptions, PdfStandard, RenderOptions};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_vanban")
}

fn data(name: &str) -> PathBuf {
    root().join("tests/data/issuance").join(name)
}

/// Renders `json` to a PDF with fields.
fn render_json(json: &[u8], standard: PdfStandard) -> vanban::Rendered {
    let opts = RenderOptions {
        pdf_standard: standard,
        ..RenderOptions::default()
    };
    vanban::render_with(
        json,
        &[Format::Pdf],
        &opts,
        &OutputOptions { sign_fields: true },
    )
    .expect("render")
}

/// The Ba Tô report (number and day blank).
fn ba_to() -> Vec<u8> {
    std::fs::read(root().join("fixtures/bao-cao-ba-to.json")).expect("fixture")
}

/// The công văn with its number left blank and the date 2023-06-15.
fn cong_van() -> Vec<u8> {
    let raw = std::fs::read(root().join("fixtures/cong-van.json")).expect("fixture");
    let mut v: serde_json::Value = serde_json::from_slice(&raw).expect("json");
    v["number"] = serde_json::Value::Null;
    v["date"] = serde_json::Value::String("2023-06-15".into());
    serde_json::to_vec(&v).expect("json")
}

/// Runs `vanban issue`; (success, stderr).
fn issue(input: &Path, output: &Path, number: &str, date: &str, lang: &str) -> (bool, String) {
    let out = Command::new(bin())
        .args(["issue"])
        .arg(input)
        .args(["--number", number, "--date", date, "--lang", lang, "-o"])
        .arg(output)
        .output()
        .expect("vanban issue");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// pdftotext -bbox words of page `page` (1-based): (text, xMin, yMin, xMax, yMax).
fn words(pdf: &Path, page: usize) -> Vec<(String, f32, f32, f32, f32)> {
    bbox_words(pdf)
        .into_iter()
        .filter(|w| w.page + 1 == page)
        .map(|w| (w.text, w.x1, w.y1, w.x2, w.y2))
        .collect()
}

/// "58" sits between "Số:" and "/BC-…" (or "/…"), touching the "/", on
/// their baseline (same yMax); with `day`, "15" sits after "ngày" and
/// before "tháng" on the date line's baseline.
fn assert_number_and_day(pdf: &Path, number_word: &str, day: bool, what: &str) {
    let w = words(pdf, 1);
    let so = w
        .iter()
        .position(|x| x.0 == "Số:")
        .unwrap_or_else(|| panic!("{what}: no Số:"));
    let n = &w[so + 1];
    let sym = &w[so + 2];
    assert_eq!(n.0, number_word, "{what}: word after Số: is {:?}", n.0);
    assert!(sym.0.starts_with('/'), "{what}: symbol {:?}", sym.0);
    assert!(n.1 > w[so].3, "{what}: number left of Số:");
    assert!(
        (sym.1 - n.3).abs() < 0.05,
        "{what}: number ends at {} but the / starts at {}",
        n.3,
        sym.1
    );
    assert!(
        (n.4 - w[so].4).abs() < 0.05 && (n.4 - sym.4).abs() < 0.05,
        "{what}: number not on the baseline of its line: {n:?} {:?}",
        w[so]
    );
    if day {
        let ng = w
            .iter()
            .position(|x| x.0 == "ngày")
            .unwrap_or_else(|| panic!("{what}: no ngày"));
        let d = &w[ng + 1];
        assert_eq!(d.0, "15", "{what}: day {:?}", d.0);
        assert_eq!(w[ng + 2].0, "tháng", "{what}");
        assert!(
            d.1 > w[ng].3 && d.3 < w[ng + 2].1,
            "{what}: day outside its blank"
        );
        assert!((d.4 - w[ng].4).abs() < 0.05, "{what}: day off the baseline");
    }
}

/// pikepdf structure checks (see tests/data/issuance/check.py), PDF/A-2b.
fn check_structure(pdf: &Path, what: &str) {
    check_structure_as(pdf, ("2", "B"), what);
}

/// pikepdf structure checks for PDF/A part and conformance level.
fn check_structure_as(pdf: &Path, (part, level): (&str, &str), what: &str) {
    let out = Command::new("python3")
        .arg(data("check.py"))
        .arg(pdf)
        .args([part, level])
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{what}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A test CA and two certificates it issued (leader, organisation).
struct Pki {
    dir: PathBuf,
}

impl Pki {
    fn new(dir: &Path) -> Pki {
        let sh = format!(
            "set -e; cd '{}'; \
             openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
               -subj '/CN=vanban test CA' -addext 'basicConstraints=critical,CA:TRUE' \
               -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null; \
             printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature,nonRepudiation\\n' > ext.cnf; \
             for who in leader org; do \
               openssl req -newkey rsa:2048 -nodes -keyout $who.key -out $who.csr -subj \"/CN=vanban test $who\" 2>/dev/null; \
               openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out $who.pem \
                 -days 365 -extfile ext.cnf 2>/dev/null; \
             done; \
             python3 '{}' --png blue.png blue 200; python3 '{}' --png red.png red 400",
            dir.display(),
            data("sign.py").display(),
            data("sign.py").display()
        );
        let st = Command::new("sh").args(["-c", &sh]).output().expect("sh");
        assert!(
            st.status.success(),
            "test CA: {}",
            String::from_utf8_lossy(&st.stderr)
        );
        Pki {
            dir: dir.to_path_buf(),
        }
    }

    fn p(&self, n: &str) -> String {
        self.dir.join(n).to_str().expect("utf-8").to_owned()
    }

    /// Signs `field` as `who` with `image`; mode `certify` or `approve`.
    fn sign(&self, input: &Path, output: &Path, field: &str, who: &str, image: &str, mode: &str) {
        let out = Command::new("python3")
            .arg(data("sign.py"))
            .arg(input)
            .arg(output)
            .arg(field)
            .arg(self.p(&format!("{who}.key")))
            .arg(self.p(&format!("{who}.pem")))
            .arg(self.p("ca.pem"))
            .arg(self.p(image))
            .arg(mode)
            .output()
            .expect("python3");
        assert!(
            out.status.success(),
            "sign {field}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `pyhanko sign validate` summary lines, trusting the test CA.
    fn validate(&self, file: &Path) -> String {
        let out = Command::new("pyhanko")
            .args(["sign", "validate", "--trust"])
            .arg(self.p("ca.pem"))
            .args(["--trust-replace", "--no-revocation-check"])
            .arg(file)
            .output()
            .expect("pyhanko");
        assert!(
            out.status.success(),
            "pyhanko sign validate {}: {}{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

fn line<'a>(summary: &'a str, field: &str, what: &str) -> &'a str {
    summary
        .lines()
        .find(|l| l.starts_with(&format!("{field}:")))
        .unwrap_or_else(|| panic!("{what}: {field} not validated: {summary}"))
}

fn tools() -> bool {
    for t in ["pyhanko", "openssl", "pdftotext", "python3"] {
        if !have(t) {
            eprintln!("skipped: {t} is needed (.ci/run installs it)");
            return false;
        }
    }
    let ok = Command::new("python3")
        .args(["-c", "import pikepdf, PIL, pyhanko"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: python3 modules pikepdf, Pillow and pyhanko are needed");
    }
    ok
}

/// The whole chain on the Ba Tô report and on a công văn with a blank
/// number, with a certifying and with an approving leader.
#[test]
fn leader_clerk_seal_chain_keeps_every_signature_valid() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let pki = Pki::new(dir.path());
    for (doc, json, day) in [("ba-to", ba_to(), true), ("cong-van", cong_van(), false)] {
        for mode in ["certify", "approve"] {
            let what = format!("{doc} ({mode})");
            let r = render_json(&json, PdfStandard::A2b);
            let p = |s: &str| dir.path().join(format!("{doc}-{mode}.{s}.pdf"));
            let original = temp_file(
                dir.path(),
                &format!("{doc}-{mode}.pdf"),
                r.pdf.as_deref().expect("pdf"),
            );
            check_structure(&original, &what);

            // 1. The leader signs (blue image stamp).
            pki.sign(
                &original,
                &p("leader"),
                vanban::FIELD_SIGNER,
                "leader",
                "blue.png",
                mode,
            );
            check_structure(&p("leader"), &what);
            let s = pki.validate(&p("leader"));
            assert!(
                line(&s, vanban::FIELD_SIGNER, &what).contains(":INTACT:TRUSTED,UNTOUCHED"),
                "{what}: {s}"
            );

            // 2. The clerk gives number and date.
            let (ok, err) = issue(&p("leader"), &p("issued"), "58", "2023-06-15", "vi");
            assert!(ok, "{what}: vanban issue: {err}");
            check_structure(&p("issued"), &what);
            assert_number_and_day(&p("issued"), "58", day, &what);
            let s = pki.validate(&p("issued"));
            let l = line(&s, vanban::FIELD_SIGNER, &what);
            assert!(
                l.contains(":INTACT:TRUSTED,EXTENDED_WITH_FORM_FILLING"),
                "{what}: after issue: {l}"
            );
            // The issued file is the signed one plus one update.
            let signed = std::fs::read(p("leader")).expect("read");
            let issued = std::fs::read(p("issued")).expect("read");
            assert!(issued.starts_with(&signed), "{what}");
            assert_eq!(count_eof(&issued), count_eof(&signed) + 1, "{what}");

            // 3. The organisation seals (red 36 mm image).
            pki.sign(
                &p("issued"),
                &p("sealed"),
                vanban::FIELD_ORGANISATION,
                "org",
                "red.png",
                "approve",
            );
            check_structure(&p("sealed"), &what);
            assert_number_and_day(&p("sealed"), "58", day, &what);
            let s = pki.validate(&p("sealed"));
            let l = line(&s, vanban::FIELD_SIGNER, &what);
            assert!(
                l.contains(":INTACT:TRUSTED,EXTENDED_WITH_FORM_FILLING"),
                "{what}: leader after the seal: {l}"
            );
            let l = line(&s, vanban::FIELD_ORGANISATION, &what);
            assert!(l.contains(":INTACT:TRUSTED,UNTOUCHED"), "{what}: seal: {l}");

            // Issuing again is refused.
            let (ok, err) = issue(&p("sealed"), &p("again"), "59", "2023-06-15", "vi");
            assert!(!ok && err.contains("đã được cấp số"), "{what}: {err}");
            assert!(!p("again").exists(), "{what}: no output on refusal");
        }
    }
}

fn count_eof(pdf: &[u8]) -> usize {
    pdf.windows(5).filter(|w| w == b"%%EOF").count()
}

/// Each refusal, with its message (Vietnamese by default, English on
/// request), and nothing written.
#[test]
fn issue_refuses_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = render_json(&ba_to(), PdfStandard::A2b);
    let pdf = temp_file(dir.path(), "ba-to.pdf", r.pdf.as_deref().expect("pdf"));
    let out = dir.path().join("out.pdf");
    for (number, date, lang, needle) in [
        ("58", "2023-07-15", "vi", "tháng in sẵn là 6"),
        ("58", "2023-07-15", "en", "the printed month is 6"),
        ("58", "2024-06-15", "vi", "năm in sẵn là 2023"),
        ("12345", "2023-06-15", "vi", "không vừa chỗ trống"),
        ("12345", "2023-06-15", "en", "does not fit"),
        ("0", "2023-06-15", "vi", "từ 1 trở lên"),
        ("58", "2023-02-30", "vi", "không phải một ngày có thật"),
        ("58", "15/06/2023", "en", "not a real date"),
    ] {
        let (ok, err) = issue(&pdf, &out, number, date, lang);
        assert!(!ok, "{number} {date}: accepted");
        assert!(err.contains(needle), "{number} {date} {lang}: {err}");
        assert!(!out.exists(), "{number} {date}: wrote a file");
    }
    // No fields: rendered with --no-sign-fields.
    let plain = vanban::render_with(
        &ba_to(),
        &[Format::Pdf],
        &RenderOptions::default(),
        &OutputOptions { sign_fields: false },
    )
    .expect("render");
    let plain = temp_file(dir.path(), "plain.pdf", plain.pdf.as_deref().expect("pdf"));
    let (ok, err) = issue(&plain, &out, "58", "2023-06-15", "vi");
    assert!(
        !ok && err.contains("không có trường số và ngày ban hành"),
        "{err}"
    );
    let (ok, err) = issue(&plain, &out, "58", "2023-06-15", "en");
    assert!(
        !ok && err.contains("has no number and date fields"),
        "{err}"
    );
    // Not a PDF.
    let junk = temp_file(dir.path(), "junk.pdf", b"hello");
    let (ok, err) = issue(&junk, &out, "58", "2023-06-15", "vi");
    assert!(!ok && err.contains("không đọc được tệp PDF"), "{err}");
    // A printed date is checked: the công văn prints 15/06/2023.
    let cv = render_json(&cong_van(), PdfStandard::A2b);
    let cv = temp_file(dir.path(), "cv.pdf", cv.pdf.as_deref().expect("pdf"));
    let (ok, err) = issue(&cv, &out, "7", "2023-06-16", "en");
    assert!(!ok && err.contains("the printed day is 15"), "{err}");
    // Issued once, refused the second time; a number below 10 gets its zero.
    let (ok, err) = issue(&cv, &out, "7", "2023-06-15", "vi");
    assert!(ok, "{err}");
    if have("pdftotext") {
        assert_number_and_day(&out, "07", false, "công văn number 7");
    }
    let again = dir.path().join("again.pdf");
    let (ok, err) = issue(&out, &again, "8", "2023-06-15", "en");
    assert!(
        !ok && err.contains("already issued") && err.contains("\"07\""),
        "{err}"
    );
}

/// The fields: names, alignment, max length, font sizes and styles, the
/// font in /DR embedded; the day field is centred in its blank; PDF/A-3b
/// and 2a files get them too; the library function fills the same way.
#[test]
fn text_fields_are_placed_and_filled() {
    for standard in [PdfStandard::A2b, PdfStandard::A3b, PdfStandard::A2a] {
        let r = render_json(&ba_to(), standard);
        let pdf = r.pdf.as_deref().expect("pdf");
        let fields = vanban_pdf::issue::text_fields_in(pdf).expect("fields");
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["SoKyHieu", "NgayBanHanh"], "{standard:?}");
        let (n, d) = (&fields[0], &fields[1]);
        assert_eq!(n.font, Some(("VbR".into(), 13.0)));
        assert_eq!(d.font, Some(("VbI".into(), 14.0)));
        assert_eq!((n.max_len, d.max_len), (Some(4), Some(2)));
        assert_eq!(n.align, vanban_pdf::form::FieldAlign::Right);
        assert_eq!(d.align, vanban_pdf::form::FieldAlign::Centre);
        assert_eq!(d.label.as_deref(), Some("Ba Tô, ngày … tháng 6 năm 2023"));
        let req = vanban::IssueRequest {
            number: 58,
            date: chrono::NaiveDate::from_ymd_opt(2023, 6, 5).expect("date"),
        };
        let issued = vanban::issue(pdf, &req).expect("issue");
        let filled = vanban_pdf::issue::text_fields_in(&issued).expect("fields");
        assert_eq!(filled[0].value.as_deref(), Some("58"));
        assert_eq!(
            filled[1].value.as_deref(),
            Some("05"),
            "day 5 is written 05"
        );
        assert!(issued.starts_with(pdf));
        if tools() {
            let dir = tempfile::tempdir().expect("tempdir");
            let level = match standard {
                PdfStandard::A3b => ("3", "B"),
                PdfStandard::A2a => ("2", "A"),
                _ => ("2", "B"),
            };
            let what = format!("{standard:?}");
            check_structure_as(&temp_file(dir.path(), "a.pdf", pdf), level, &what);
            check_structure_as(&temp_file(dir.path(), "i.pdf", &issued), level, &what);
        }
    }
}

/// The sidecar of documents with blanks, two signers and a separate-file
/// appendix validates against docs/meta.schema.json (Python jsonschema).
#[test]
fn sidecar_follows_its_schema() {
    let ok = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        eprintln!("skipped: python3 jsonschema is needed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let mut sidecars = Vec::new();
    for f in ["bao-cao-ba-to", "bien-ban", "quyet-dinh-danh-sach"] {
        let json = std::fs::read(root().join(format!("fixtures/{f}.json"))).expect("fixture");
        let r = render_json(&json, PdfStandard::A2b);
        sidecars.push(r.meta_json());
        for a in &r.appendix_files {
            sidecars.push(a.rendered.meta_json());
        }
    }
    let mut paths = Vec::new();
    for (i, s) in sidecars.iter().enumerate() {
        paths.push(temp_file(
            dir.path(),
            &format!("{i}.meta.json"),
            s.as_bytes(),
        ));
    }
    let script = "import json, sys, jsonschema\n\
                  schema = json.load(open(sys.argv[1]))\n\
                  for p in sys.argv[2:]:\n    jsonschema.validate(json.load(open(p)), schema)\n\
                  print('ok')";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(root().join("docs/meta.schema.json"))
        .args(&paths)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The Ba Tô sidecar names its fields and the signer's anchors.
    let v: serde_json::Value = serde_json::from_str(&sidecars[0]).expect("json");
    assert_eq!(v["textFields"][0]["name"], "SoKyHieu");
    assert_eq!(v["textFields"][0]["alignment"], "right");
    assert_eq!(v["textFields"][0]["maxLength"], 4);
    assert_eq!(v["textFields"][1]["name"], "NgayBanHanh");
    assert_eq!(v["textFields"][1]["style"], "italic");
    assert_eq!(v["textFields"][1]["size"], 14.0);
    assert_eq!(
        v["signers"][0]["titleLines"][0]["text"],
        "TM. ỦY BAN NHÂN DÂN"
    );
    assert_eq!(v["signers"][0]["nameLine"]["text"], "Phạm Văn Hiền");
    assert_eq!(
        v["pageSizes"].as_array().map(Vec::len),
        v["pageCount"].as_u64().map(|n| n as usize)
    );
}

/// A separate-file appendix keeps its ChuKy_CoQuan box at the top right and
/// gets no number or date field (its reference line stays unfilled, App. I
/// §III.1.c).
#[test]
fn separate_appendix_gets_no_number_field() {
    let json = std::fs::read(root().join("fixtures/quyet-dinh-danh-sach.json")).expect("fixture");
    let r = render_json(&json, PdfStandard::A2b);
    assert!(!r.appendix_files.is_empty());
    for a in &r.appendix_files {
        let pdf = a.rendered.pdf.as_deref().expect("pdf");
        let fields = vanban_pdf::issue::text_fields_in(pdf).expect("fields");
        assert!(fields.is_empty(), "{}: {fields:?}", a.name);
        let sig = &a.rendered.signature_fields;
        assert_eq!(sig.len(), 1);
        assert_eq!(sig[0].name, vanban::FIELD_ORGANISATION);
        let (w, h) = a.rendered.page_size.expect("size");
        assert!(
            sig[0].rect[2] > w / 2.0 && sig[0].rect[3] > h * 0.85,
            "{:?}",
            sig[0].rect
        );
        let req = vanban::IssueRequest {
            number: 58,
            date: chrono::NaiveDate::from_ymd_opt(2023, 6, 15).expect("date"),
        };
        assert_eq!(vanban::issue(pdf, &req), Err(vanban::IssueError::NoFields));
    }
}

/// `signature.seal_mm` sets the seal box: a square of that many mm; out of
/// 30–45 it is an error naming the field.
#[test]
fn seal_box_takes_the_seal_size() {
    let mut v: serde_json::Value = serde_json::from_slice(&ba_to()).expect("json");
    v["signature"]["seal_mm"] = serde_json::json!(42);
    let r = render_json(&serde_json::to_vec(&v).expect("json"), PdfStandard::A2b);
    let seal = r
        .signature_fields
        .iter()
        .find(|f| f.name == vanban::FIELD_ORGANISATION)
        .expect("seal field");
    let side = 42.0 * 72.0 / 25.4;
    let [x1, y1, x2, y2] = seal.rect;
    assert!(
        ((x2 - x1) - side).abs() < 0.1 && ((y2 - y1) - side).abs() < 0.1,
        "{:?}",
        seal.rect
    );
    // Centred on the signature room, which stays between title and name.
    let sig = r
        .signature_fields
        .iter()
        .find(|f| f.name == vanban::FIELD_SIGNER)
        .expect("signer field");
    assert!(((y1 + y2) - (sig.rect[1] + sig.rect[3])).abs() < 0.1);
    let anchors = &r.signers[0];
    let title = anchors.title_lines.last().expect("title line");
    let name = anchors.name_line.as_ref().expect("name line");
    assert_eq!(title.text, "CHỦ TỊCH");
    assert_eq!(name.text, "Phạm Văn Hiền");
    assert!(
        title.rect[1] >= f64::from(sig.rect[3]) - 0.5,
        "title above the room"
    );
    assert!(
        name.rect[3] <= f64::from(sig.rect[1]) + 0.5,
        "name below the room"
    );
    // The seal overlaps both lines, as a seal does on paper.
    assert!(f64::from(y2) > title.rect[1] && f64::from(y1) < name.rect[3]);

    v["signature"]["seal_mm"] = serde_json::json!(50);
    let e = vanban::render(
        &serde_json::to_vec(&v).expect("json"),
        &[Format::Pdf],
        &RenderOptions::default(),
    )
    .expect_err("seal_mm 50");
    assert!(e.to_string().contains("signature.seal_mm"), "{e}");
}

/// A document whose whole date is blank (every starter: `"date": null`)
/// takes a four-digit year and a two-digit month in its blanks: the clerk
/// can issue it on any day of any year.
#[test]
fn a_fully_blank_date_takes_any_date() {
    let starter = vanban::starter(vanban_model::DocType::ToTrinh);
    let v: serde_json::Value = serde_json::from_str(starter).expect("starter");
    assert!(
        v["date"].is_null() && v["number"].is_null(),
        "the starter leaves both blank"
    );
    let r = render_json(starter.as_bytes(), PdfStandard::A2b);
    let pdf = r.pdf.as_deref().expect("pdf");
    let fields = vanban_pdf::issue::text_fields_in(pdf).expect("fields");
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["SoKyHieu", "NgayBanHanh", "ThangBanHanh", "NamBanHanh"]
    );
    for (n, y, m, d) in [(7, 2026, 12, 7), (1234, 2030, 11, 28)] {
        let req = vanban::IssueRequest {
            number: n,
            date: chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date"),
        };
        let issued = vanban::issue(pdf, &req).unwrap_or_else(|e| panic!("{y}-{m}-{d}: {e}"));
        let filled = vanban_pdf::issue::text_fields_in(&issued).expect("fields");
        let values: Vec<Option<&str>> = filled.iter().map(|f| f.value.as_deref()).collect();
        let want = [
            vanban_model::format::number_text(n),
            vanban_model::format::day_text(d),
            vanban_model::format::month_text(m),
            y.to_string(),
        ];
        let want: Vec<Option<&str>> = want.iter().map(|s| Some(s.as_str())).collect();
        assert_eq!(values, want, "{y}-{m}-{d}");
    }
}
