//! Signature fields: an incremental update that keeps PDF/A-2b, at the
//! right places, and signable by a real signing tool (pyHanko) for every
//! fixture.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;
use vanban::{Format, OutputOptions, PdfStandard, RenderOptions, Rendered};

fn render(path: &Path, sign_fields: bool, standard: PdfStandard) -> Rendered {
    let json = std::fs::read(path).expect("read fixture");
    let opts = RenderOptions {
        pdf_standard: standard,
        ..RenderOptions::default()
    };
    vanban::render_with(&json, &[Format::Pdf], &opts, &OutputOptions { sign_fields })
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

fn count(hay: &[u8], needle: &str) -> usize {
    hay.windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

/// The dictionary after the last `trailer` keyword.
fn last_trailer(pdf: &[u8]) -> String {
    let s = String::from_utf8_lossy(pdf);
    let t = s.rfind("trailer").expect("trailer");
    let e = s[t..].find("startxref").expect("startxref") + t;
    s[t..e].to_owned()
}

/// The `/ID [...]` array of a trailer, without white space.
fn id_of(trailer: &str) -> String {
    let a = trailer.find("/ID").expect("/ID in the trailer");
    let b = trailer[a..].find(']').expect("end of /ID") + a;
    trailer[a..=b]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// PDF/A structure: pdfaid in the XMP, the sRGB output intent, /ID, and
/// (with poppler/qpdf) every font embedded and a clean `qpdf --check`.
fn assert_pdfa_structure(pdf: &[u8], what: &str, (part, level): (&str, &str), dir: &Path) {
    assert!(pdf.starts_with(b"%PDF-1.7\n%"), "{what}: header");
    assert!(
        contains(pdf, &format!("<pdfaid:part>{part}</pdfaid:part>")),
        "{what}: XMP pdfaid:part {part}"
    );
    assert!(
        contains(
            pdf,
            &format!("<pdfaid:conformance>{level}</pdfaid:conformance>")
        ),
        "{what}: XMP pdfaid:conformance"
    );
    assert!(contains(pdf, "/OutputIntents"), "{what}: OutputIntents");
    assert!(contains(pdf, "/S/GTS_PDFA1"), "{what}: GTS_PDFA1 intent");
    assert!(contains(pdf, "(sRGB)"), "{what}: sRGB output condition");
    assert!(contains(pdf, "/ICCBased"), "{what}: ICC profile");
    assert!(last_trailer(pdf).contains("/ID"), "{what}: /ID");
    assert!(!contains(pdf, "NeedAppearances"), "{what}: NeedAppearances");
    let file = temp_file(dir, "check.pdf", pdf);
    let file = file.to_str().expect("utf-8 path");
    if have("qpdf") {
        let out = Command::new("qpdf")
            .args(["--check", file])
            .output()
            .expect("qpdf");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains("No syntax or stream encoding errors"),
            "{what}: qpdf --check: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    if have("pdffonts") {
        let out = run("pdffonts", &[file]);
        let fonts: Vec<&str> = out.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{what}: no fonts");
        for line in fonts {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name type... encoding emb sub uni object-id
            let n = cols.len();
            assert!(
                n >= 6 && cols[n - 5] == "yes" && cols[n - 4] == "yes" && cols[n - 3] == "yes",
                "{what}: font not embedded/subset/ToUnicode: {line}"
            );
        }
    }
}

/// Adding the fields appends to krilla's bytes (incremental update) and
/// keeps the PDF/A structure, for every fixture and every PDF/A level.
#[test]
fn fields_are_an_incremental_update_that_keeps_pdfa() {
    let dir = tempfile::tempdir().expect("tempdir");
    if !have("qpdf") || !have("pdffonts") {
        eprintln!("note: qpdf/pdffonts not installed; checking the bytes only");
    }
    for f in fixtures() {
        for (standard, part) in [
            (PdfStandard::A2b, ("2", "B")),
            (PdfStandard::A3b, ("3", "B")),
            (PdfStandard::A2a, ("2", "A")),
        ] {
            let what = format!("{} {}", f.display(), standard.name());
            let without = render(&f, false, standard).pdf.expect("pdf");
            let with = render(&f, true, standard).pdf.expect("pdf");
            assert!(
                with.len() > without.len() && with.starts_with(&without),
                "{what}: the fields are not an incremental update of krilla's bytes"
            );
            assert_pdfa_structure(
                &without,
                &format!("{what} without fields"),
                part,
                dir.path(),
            );
            assert_pdfa_structure(&with, &format!("{what} with fields"), part, dir.path());
            // The update: one more xref section, /Prev to the first, same /ID.
            assert_eq!(count(&with, "startxref"), 2, "{what}");
            let t = last_trailer(&with);
            assert!(t.contains("/Prev"), "{what}: {t}");
            assert_eq!(
                id_of(&t),
                id_of(&last_trailer(&without)),
                "{what}: /ID changed"
            );
            let update = &with[without.len()..];
            for needle in [
                "/AcroForm",
                "/FT /Sig",
                "/Subtype /Widget",
                "/T (ChuKy_NguoiKy)",
                "/T (ChuKy_CoQuan)",
                "/F 4",
                "/AP <</N",
                "/Annots",
            ] {
                assert!(
                    contains(update, needle),
                    "{what}: no {needle} in the update"
                );
            }
            // A plain PDF, for tools: same fields.
            let plain = render(&f, true, PdfStandard::None).pdf.expect("pdf");
            assert!(contains(&plain, "/T (ChuKy_NguoiKy)"), "{what}");
        }
    }
}

/// Field places: the signer's field is the empty room between the title
/// and the name (text above it, the signer's name just below, nothing
/// inside); the seal field overlaps the left third of the signature.
#[test]
fn fields_sit_between_title_and_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    for f in fixtures() {
        let r = render(&f, true, PdfStandard::A2b);
        let what = f.display().to_string();
        let field = |name: &str| {
            r.signature_fields
                .iter()
                .find(|x| x.name == name)
                .unwrap_or_else(|| panic!("{what}: no field {name}: {:?}", r.signature_fields))
        };
        let sig = field(vanban::FIELD_SIGNER);
        let seal = field(vanban::FIELD_ORGANISATION);
        assert_eq!(sig.page, seal.page, "{what}");
        let (w, h) = r.page_size.expect("page size");
        for x in [sig, seal] {
            let [x1, y1, x2, y2] = x.rect;
            assert!(
                0.0 <= x1 && x1 < x2 && x2 <= w && 0.0 <= y1 && y1 < y2 && y2 <= h,
                "{what}: {} off the page: {:?}",
                x.name,
                x.rect
            );
            assert!(
                x2 - x1 >= 40.0 && y2 - y1 >= 30.0,
                "{what}: {} too small",
                x.name
            );
        }
        // The seal overlaps the signature's left part, not its right part.
        let sig_w = sig.rect[2] - sig.rect[0];
        assert!(
            seal.rect[2] > sig.rect[0] && seal.rect[2] < sig.rect[0] + sig_w / 2.0,
            "{what}: seal {:?} vs signature {:?}",
            seal.rect,
            sig.rect
        );
        // A square of the seal's real size (36 mm), centred vertically on
        // the signature room (so it overlaps the title and name lines).
        let mm36 = 36.0 * 72.0 / 25.4;
        let (sw, sh) = (seal.rect[2] - seal.rect[0], seal.rect[3] - seal.rect[1]);
        assert!(
            (sw - mm36).abs() < 0.5 && (sh - mm36).abs() < 0.5,
            "{what}: seal {sw}x{sh}"
        );
        assert!(
            ((seal.rect[1] + seal.rect[3]) - (sig.rect[1] + sig.rect[3])).abs() < 1.0,
            "{what}"
        );
        // The fields equal the typesetter's regions.
        for x in &r.signature_fields {
            assert!(
                r.regions
                    .iter()
                    .any(|g| g.kind == x.region && g.page == x.page && g.rect == x.rect),
                "{what}: field {} has no region",
                x.name
            );
        }
        if !have("pdftotext") {
            continue;
        }
        let pdf = temp_file(dir.path(), "f.pdf", r.pdf.as_deref().expect("pdf"));
        let text_in = |x1: f32, top: f32, w: f32, hh: f32| -> String {
            let page = (sig.page + 1).to_string();
            run(
                "pdftotext",
                &[
                    "-f",
                    &page,
                    "-l",
                    &page,
                    "-x",
                    &format!("{}", x1.floor() as i32),
                    "-y",
                    &format!("{}", top.floor() as i32),
                    "-W",
                    &format!("{}", w.ceil() as i32),
                    "-H",
                    &format!("{}", hh.ceil() as i32),
                    pdf.to_str().expect("utf-8"),
                    "-",
                ],
            )
        };
        let [x1, y1, x2, y2] = sig.rect;
        // pdftotext crops in top-left coordinates.
        let (top, bottom) = (h - y2, h - y1);
        let inside = text_in(x1 + 1.0, top + 2.0, x2 - x1 - 2.0, bottom - top - 4.0);
        assert!(
            inside.trim().is_empty(),
            "{what}: text inside the room: {inside:?}"
        );
        let above = text_in(x1, top - 22.0, x2 - x1, 20.0);
        assert!(
            !above.trim().is_empty(),
            "{what}: no title line above the room"
        );
        let below = text_in(x1, bottom, x2 - x1, 22.0);
        // The main signer (ChuKy_NguoiKy), first in SignerInfo.
        let name = r
            .eoffice
            .signers
            .first()
            .map(|s| s.full_name.clone())
            .expect("signer name");
        assert_eq!(
            below.split_whitespace().collect::<Vec<_>>().join(" "),
            name,
            "{what}: the signer's name is not right under ChuKy_NguoiKy"
        );
    }
}

/// A two-signer biên bản: THƯ KÝ left (ChuKy_NguoiKy_1), CHỦ TỌA right
/// (ChuKy_NguoiKy, the main signer), one organisation field on the chair.
#[test]
fn bien_ban_names_both_signers() {
    let r = render(
        &root().join("fixtures/bien-ban.json"),
        true,
        PdfStandard::A2b,
    );
    let names: Vec<&str> = r.signature_fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["ChuKy_NguoiKy_1", "ChuKy_NguoiKy", "ChuKy_CoQuan"]);
    let x = |n: &str| {
        r.signature_fields
            .iter()
            .find(|f| f.name == n)
            .map(|f| f.rect[0])
            .expect("field")
    };
    assert!(x("ChuKy_NguoiKy_1") < x("ChuKy_NguoiKy"));
    assert!(x("ChuKy_CoQuan") >= x("ChuKy_NguoiKy") - 1.0);
}

/// `--no-sign-fields` leaves krilla's file as it was; `--sign-fields` is the default.
#[test]
fn cli_flag_turns_fields_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = env!("CARGO_BIN_EXE_vanban");
    let input = root().join("fixtures/cong-van.json");
    let out = |name: &str, extra: &[&str]| -> Vec<u8> {
        let p = dir.path().join(name);
        let st = Command::new(exe)
            .arg("render")
            .arg(&input)
            .arg("-o")
            .arg(&p)
            .args(extra)
            .output()
            .expect("run vanban");
        assert!(
            st.status.success(),
            "{}",
            String::from_utf8_lossy(&st.stderr)
        );
        std::fs::read(&p).expect("read pdf")
    };
    let default = out("a.pdf", &[]);
    let on = out("b.pdf", &["--sign-fields"]);
    let off = out("c.pdf", &["--no-sign-fields"]);
    let last = out("d.pdf", &["--no-sign-fields", "--sign-fields"]);
    assert_eq!(default, on);
    assert_eq!(default, last);
    assert!(!contains(&off, "/AcroForm"));
    assert!(default.starts_with(&off) && contains(&default, "/AcroForm"));
}

fn pyhanko(args: &[&str]) -> (bool, String) {
    let out = Command::new("pyhanko")
        .args(args)
        .output()
        .expect("pyhanko");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// pyHanko lists the fields as empty, signs `ChuKy_NguoiKy` with a
/// self-signed certificate, validates it as intact and covering the whole
/// file, for every fixture; on two fixtures it then signs `ChuKy_CoQuan`
/// on top (both signatures stay intact).
#[test]
fn pyhanko_signs_every_fixture() {
    if !have("pyhanko") || !have("openssl") {
        eprintln!(
            "skipped: pyhanko and openssl are needed (python3 -m pip install pyhanko pyhanko-cli)"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let (key, cert) = self_signed(d);
    let fixtures = fixtures();
    std::thread::scope(|s| {
        let handles: Vec<_> = fixtures
            .iter()
            .map(|f| {
                let (key, cert) = (&key, &cert);
                s.spawn(move || {
                    let what = f.display().to_string();
                    let stem = f.file_stem().expect("stem").to_string_lossy().into_owned();
                    let r = render(f, true, PdfStandard::A2b);
                    let pdf = temp_file(d, &format!("{stem}.pdf"), r.pdf.as_deref().expect("pdf"));
                    let pdf = pdf.to_str().expect("utf-8").to_owned();
                    let signed = d.join(format!("{stem}-signed.pdf"));
                    let signed = signed.to_str().expect("utf-8").to_owned();
                    let signed2 = d.join(format!("{stem}-signed2.pdf"));
                    let signed2 = signed2.to_str().expect("utf-8").to_owned();

                    let (ok, list) = pyhanko(&["sign", "list", &pdf]);
                    assert!(ok, "{what}: pyhanko sign list: {list}");
                    for field in &r.signature_fields {
                        assert!(
                            list.lines()
                                .any(|l| l.trim() == format!("{}:EMPTY", field.name)),
                            "{what}: {} not listed as empty: {list}",
                            field.name
                        );
                    }

                    let sign = |field: &str, input: &str, output: &str| {
                        addsig((key, cert), field, input, output, &what);
                    };
                    let validate = |file: &str, pretty: bool| validate(cert, file, pretty, &what);

                    sign(vanban::FIELD_SIGNER, &pdf, &signed);
                    let summary = validate(&signed, false);
                    let line = summary
                        .lines()
                        .find(|l| l.starts_with("ChuKy_NguoiKy:"))
                        .unwrap_or_else(|| panic!("{what}: no validation line: {summary}"));
                    assert!(
                        line.ends_with(":INTACT:TRUSTED,UNTOUCHED"),
                        "{what}: {line}"
                    );
                    let pretty = validate(&signed, true);
                    for needle in [
                        "The signature is cryptographically sound.",
                        "The signature covers the entire file.",
                        "The signature is judged VALID.",
                    ] {
                        assert!(pretty.contains(needle), "{what}: no {needle:?} in {pretty}");
                    }
                    let (_, list) = pyhanko(&["sign", "list", &signed]);
                    assert!(list.contains("ChuKy_NguoiKy:FILLED"), "{what}: {list}");
                    assert!(list.contains("ChuKy_CoQuan:EMPTY"), "{what}: {list}");

                    // The organisation signs after the signer (two fixtures
                    // suffice: pyHanko takes seconds per call).
                    if !["bien-ban", "cong-van"].contains(&stem.as_str()) {
                        return;
                    }
                    sign(vanban::FIELD_ORGANISATION, &signed, &signed2);
                    let summary = validate(&signed2, false);
                    for field in [vanban::FIELD_SIGNER, vanban::FIELD_ORGANISATION] {
                        let line = summary
                            .lines()
                            .find(|l| l.starts_with(&format!("{field}:")))
                            .unwrap_or_else(|| panic!("{what}: {field} not validated: {summary}"));
                        assert!(line.contains(":INTACT:TRUSTED"), "{what}: {line}");
                    }

                    // The signed file still carries everything before the signatures.
                    let bytes = std::fs::read(&signed2).expect("read signed");
                    assert!(bytes.starts_with(r.pdf.as_deref().expect("pdf")), "{what}");
                })
            })
            .collect();
        for h in handles {
            if let Err(e) = h.join() {
                std::panic::resume_unwind(e);
            }
        }
    });
}

/// A self-signed test certificate and its key (PEM paths) in `d`.
fn self_signed(d: &Path) -> (String, String) {
    let (key, cert) = (d.join("key.pem"), d.join("cert.pem"));
    let st = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .args(["-days", "365", "-subj", "/CN=vanban test signer"])
        .output()
        .expect("openssl");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    (
        key.to_str().expect("utf-8").to_owned(),
        cert.to_str().expect("utf-8").to_owned(),
    )
}

/// `pyhanko sign addsig --field FIELD pemder` with the test certificate.
fn addsig((key, cert): (&str, &str), field: &str, input: &str, output: &str, what: &str) {
    let (ok, out) = pyhanko(&[
        "sign",
        "addsig",
        "--field",
        field,
        "pemder",
        "--key",
        key,
        "--cert",
        cert,
        "--no-pass",
        input,
        output,
    ]);
    assert!(ok, "{what}: pyhanko sign addsig {field}: {out}");
}

/// `pyhanko sign validate`, trusting the test certificate.
fn validate(cert: &str, file: &str, pretty: bool, what: &str) -> String {
    let mut args = vec![
        "sign",
        "validate",
        "--trust",
        cert,
        "--trust-replace",
        "--no-revocation-check",
    ];
    if pretty {
        args.push("--pretty-print");
    }
    args.push(file);
    let (ok, out) = pyhanko(&args);
    assert!(ok, "{what}: pyhanko sign validate: {out}");
    out
}

/// An appendix issued as its own file (Mẫu 2.2) has one field,
/// `ChuKy_CoQuan`, at the top right of its first page: in the top margin,
/// right edge on the text block's, no text inside; the file keeps PDF/A,
/// and pyHanko signs it.
#[test]
fn separate_appendix_file_has_the_organisation_field_top_right() {
    let f = root().join("fixtures/quyet-dinh-danh-sach.json");
    let what = f.display().to_string();
    let json = std::fs::read(&f).expect("read fixture");
    let r = vanban::render(&json, &[Format::Pdf], &RenderOptions::default()).expect("render");
    assert_eq!(r.appendix_files.len(), 1, "{what}");
    let a = &r.appendix_files[0];
    assert_eq!(a.name, "phu-luc");
    // The main file keeps its two fields; the appendix file has only one.
    let names = |r: &Rendered| -> Vec<String> {
        r.signature_fields.iter().map(|x| x.name.clone()).collect()
    };
    assert_eq!(
        names(&r),
        [vanban::FIELD_SIGNER, vanban::FIELD_ORGANISATION]
    );
    assert_eq!(names(&a.rendered), [vanban::FIELD_ORGANISATION]);
    let field = &a.rendered.signature_fields[0];
    assert_eq!(field.page, 0);
    assert_eq!(field.region, vanban::RegionKind::AttachmentSignature);
    let (w, h) = a.rendered.page_size.expect("page size");
    let [x1, y1, x2, y2] = field.rect;
    let mm = 72.0 / 25.4;
    // Right edge on the text block's (15 mm right margin), above the text
    // block (20 mm top margin), on the page, big enough for three 10 pt lines.
    assert!(
        (x2 - (w - 15.0 * mm)).abs() < 0.5,
        "{what}: {:?}",
        field.rect
    );
    assert!(y1 >= h - 20.0 * mm && y2 <= h, "{what}: {:?}", field.rect);
    assert!(
        x2 - x1 >= 60.0 * mm && y2 - y1 >= 36.0,
        "{what}: {:?}",
        field.rect
    );
    assert!(x1 > w / 2.0, "{what}: not on the right: {:?}", field.rect);

    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let pdf_bytes = a.rendered.pdf.as_deref().expect("appendix pdf");
    assert_pdfa_structure(pdf_bytes, &format!("{what} appendix"), ("2", "B"), d);
    let pdf = temp_file(d, "phu-luc.pdf", pdf_bytes);
    let pdf = pdf.to_str().expect("utf-8").to_owned();
    if have("pdftotext") {
        let all = run("pdftotext", &[&pdf, "-"]);
        assert!(all.starts_with("Phụ lục"), "{what}: {all}");
        let inside = run(
            "pdftotext",
            &[
                "-f",
                "1",
                "-l",
                "1",
                "-x",
                &format!("{}", x1.floor() as i32),
                "-y",
                "0",
                "-W",
                &format!("{}", (x2 - x1).ceil() as i32),
                "-H",
                &format!("{}", (h - y1).ceil() as i32),
                &pdf,
                "-",
            ],
        );
        assert!(
            inside.trim().is_empty(),
            "{what}: text in the box: {inside:?}"
        );
    }
    if !have("pyhanko") || !have("openssl") {
        eprintln!("skipped the pyHanko part: pyhanko and openssl are needed");
        return;
    }
    let (key, cert) = self_signed(d);
    let (ok, list) = pyhanko(&["sign", "list", &pdf]);
    assert!(ok, "{what}: {list}");
    assert_eq!(list.trim(), "ChuKy_CoQuan:EMPTY", "{what}");
    let signed = d.join("phu-luc-signed.pdf");
    let signed = signed.to_str().expect("utf-8");
    addsig(
        (&key, &cert),
        vanban::FIELD_ORGANISATION,
        &pdf,
        signed,
        &what,
    );
    let summary = validate(&cert, signed, false, &what);
    assert!(
        summary
            .lines()
            .any(|l| l.starts_with("ChuKy_CoQuan:") && l.ends_with(":INTACT:TRUSTED,UNTOUCHED")),
        "{what}: {summary}"
    );
}
