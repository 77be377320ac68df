//! Issue 12: nothing accepted is lost, and what the new documents exposed.
//! Each test here failed before its fix.

mod common;

use common::*;
use serde_json::{Value, json};
use std::io::Read;
use vanban::{Format, RenderOptions};

/// Renders a JSON value to both formats.
fn render(doc: &Value) -> vanban::Rendered {
    let json = serde_json::to_vec_pretty(doc).expect("json");
    vanban::render(
        &json,
        &[Format::Pdf, Format::Docx],
        &RenderOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// pdftotext's text of a PDF (`None` when pdftotext is missing).
fn pdf_text(pdf: &[u8]) -> Option<String> {
    if !have("pdftotext") {
        eprintln!("skipped: pdftotext not installed (apt-get install poppler-utils)");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let p = temp_file(dir.path(), "x.pdf", pdf);
    Some(run(
        "pdftotext",
        &["-layout", p.to_str().expect("path"), "-"],
    ))
}

/// One part of a DOCX, as text.
fn docx_part(docx: &[u8], part: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut s = String::new();
    z.by_name(part)
        .expect("part")
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}

/// The text of the DOCX body's paragraphs, one line per `w:p`, with
/// non-breaking hyphens as "-".
fn docx_text(docx: &[u8]) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find('<') {
        let tag_end = rest[i..].find('>').map(|j| i + j).unwrap_or(rest.len() - 1);
        let tag = &rest[i..=tag_end];
        if tag.starts_with("<w:t>") || tag.starts_with("<w:t ") {
            let body = &rest[tag_end + 1..];
            let end = body.find("</w:t>").unwrap_or(body.len());
            out.push_str(&unescape(&body[..end]));
            rest = &body[end..];
            continue;
        }
        if tag.starts_with("<w:noBreakHyphen") {
            out.push('-');
        } else if tag.starts_with("<w:tab") || tag.starts_with("<w:br") {
            out.push(' ');
        } else if tag == "</w:p>" {
            out.push('\n');
        }
        rest = &rest[tag_end + 1..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Collapses white space to single spaces.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fixture(name: &str) -> Value {
    let bytes = std::fs::read(root().join("fixtures").join(name)).expect("fixture");
    serde_json::from_slice(&bytes).expect("fixture json")
}

fn eoffice(r: &vanban::Rendered, key: &str) -> Option<String> {
    r.eoffice
        .fields()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// Item 1: every type that accepts two signers prints both, in both
/// formats, and the metadata names both, the main (right-hand) signer first.
#[test]
fn two_signers_are_printed_for_every_type_that_accepts_them() {
    use vanban_model::DocType;
    let base = fixture("bien-ban.json");
    let mut pair_types = 0;
    for ty in DocType::ALL {
        let mut doc = base.clone();
        doc["type"] = json!(ty.key());
        if ty != DocType::BienBan {
            doc["place"] = json!("Tam Thành");
        }
        let bytes = serde_json::to_vec(&doc).expect("json");
        let accepted = vanban::check(&bytes).is_ok();
        assert_eq!(
            accepted,
            ty.max_signers() == 2,
            "{}: two signers accepted = {accepted}",
            ty.key()
        );
        if !accepted {
            continue;
        }
        pair_types += 1;
        let r = render(&doc);
        let docx = squash(&docx_text(r.docx.as_deref().expect("docx")));
        for (title, name) in [("THƯ KÝ", "Nguyễn Thị Lan"), ("CHỦ TỌA", "Trần Văn Bình")]
        {
            assert!(docx.contains(title), "{}: DOCX lacks {title}", ty.key());
            assert!(docx.contains(name), "{}: DOCX lacks {name}", ty.key());
        }
        if let Some(t) = pdf_text(r.pdf.as_deref().expect("pdf")) {
            // Side by side: one line holds both titles, the next both names.
            let titles = t
                .lines()
                .find(|l| l.contains("THƯ KÝ") && l.contains("CHỦ TỌA"));
            assert!(
                titles.is_some(),
                "{}: PDF titles not side by side\n{t}",
                ty.key()
            );
            assert!(
                t.lines()
                    .any(|l| l.contains("Nguyễn Thị Lan") && l.contains("Trần Văn Bình")),
                "{}: PDF names not side by side\n{t}",
                ty.key()
            );
        }
        // Both printed signers, the one with authority (right-hand) first.
        assert_eq!(r.eoffice.signers[0].full_name, "Trần Văn Bình");
        assert_eq!(
            eoffice(&r, "SignerInfo.FullName").as_deref(),
            Some("Trần Văn Bình; Nguyễn Thị Lan")
        );
        assert_eq!(
            eoffice(&r, "SignerInfo.Position").as_deref(),
            Some("CHỦ TỌA; THƯ KÝ")
        );
        let fields: Vec<&str> = r.signature_fields.iter().map(|f| f.name.as_str()).collect();
        assert!(fields.contains(&"ChuKy_NguoiKy"), "{fields:?}");
        assert!(fields.contains(&"ChuKy_NguoiKy_1"), "{fields:?}");
    }
    assert_eq!(pair_types, 4);
}

/// Item 2: a biên bản's place is refused with a message, not dropped (App.
/// III Mẫu 1.9 has no place-and-date line); its date reaches the metadata.
#[test]
fn bien_ban_place_is_an_error_and_date_reaches_metadata() {
    let mut doc = fixture("bien-ban.json");
    assert!(doc.get("place").is_none());
    let r = render(&doc);
    assert_eq!(eoffice(&r, "IssuedDate").as_deref(), Some("2024-11-20"));
    doc["place"] = json!("Tam Thành");
    let bytes = serde_json::to_vec(&doc).expect("json");
    let e = vanban::check(&bytes).expect_err("place accepted for a biên bản");
    let s = e.to_string();
    assert!(s.contains("place") && s.contains("Mẫu 1.9"), "{s}");
}

/// The typeset pages of a fixture.
fn pages_of(doc: &vanban_model::Document) -> vanban_layout::pages::Pages {
    let fonts = vanban_layout::fonts::FontSet::bundled();
    let flow = vanban_layout::style::style(doc, fonts).expect("style");
    vanban_layout::paginate::paginate(&flow, fonts).expect("paginate")
}

/// The faces of the PDF runs whose text (squashed) is within `needle`'s
/// paragraph: every run of the first paragraph whose text starts `needle`.
fn faces_of(pages: &vanban_layout::pages::Pages, needle: &str) -> Vec<(String, bool)> {
    use vanban_layout::fonts::FontId;
    use vanban_layout::pages::Item;
    let texts: Vec<_> = pages
        .pages
        .iter()
        .flat_map(|p| p.items.iter())
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    // The paragraph whose text, runs joined, contains the needle.
    let mut blocks: Vec<u32> = texts.iter().map(|t| t.block).collect();
    blocks.dedup();
    for b in blocks {
        let runs: Vec<_> = texts.iter().filter(|t| t.block == b).collect();
        let joined: String = runs.iter().map(|t| t.text.as_str()).collect();
        if squash(&joined).contains(needle) {
            return runs
                .iter()
                .map(|t| {
                    (
                        t.text.clone(),
                        matches!(t.font, FontId::Bold | FontId::BoldItalic),
                    )
                })
                .collect();
        }
    }
    panic!("no paragraph with {needle:?}");
}

/// The `w:p` of the DOCX body that holds `needle` (in one `w:t`).
fn docx_para(docx: &[u8], needle: &str) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let at = xml
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in DOCX"));
    let start = xml[..at]
        .rfind("<w:p>")
        .or_else(|| xml[..at].rfind("<w:p "))
        .expect("w:p");
    let end = at + xml[at..].find("</w:p>").expect("/w:p");
    xml[start..end].to_string()
}

/// Item 4: a khoản that introduces points (text ending ":" or
/// `"lead_in": true`) and an untitled Điều body are regular in both
/// formats ("Điều N." stays bold); titled headings stay bold.
#[test]
fn lead_in_khoan_and_untitled_dieu_are_regular() {
    let json = std::fs::read(root().join("fixtures/quyet-dinh-ra-soat.json")).expect("fixture");
    let doc = vanban::check(&json).expect("valid");
    let pages = pages_of(&doc);
    let r = vanban::render(&json, &[Format::Docx], &RenderOptions::default()).expect("render");
    let docx = r.docx.expect("docx");
    for lead in [
        "1. Tổ chức rà soát, thống kê toàn bộ",
        "2. Trưởng các thôn tổ chức rà soát",
    ] {
        let faces = faces_of(&pages, lead);
        assert!(
            faces.iter().all(|(_, b)| !b),
            "{lead}: PDF bold runs {faces:?}"
        );
        let p = docx_para(&docx, &lead[3..20]);
        assert!(!p.contains("<w:b/>"), "{lead}: DOCX bold\n{p}");
    }
    // The untitled Điều: bold label, regular text.
    let faces = faces_of(&pages, "Điều 2. Giao các cơ quan");
    assert!(
        faces
            .first()
            .is_some_and(|(t, b)| t.starts_with("Điều 2.") && *b),
        "{faces:?}"
    );
    assert!(faces[1..].iter().all(|(_, b)| !b), "{faces:?}");
    // A titled Điều stays bold.
    let faces = faces_of(&pages, "Điều 1. Rà soát, thống kê");
    assert!(faces.iter().all(|(_, b)| *b), "{faces:?}");
    let p = docx_para(&docx, "Rà soát, thống kê hộ gia đình sử dụng");
    assert!(p.contains("<w:b/>"), "{p}");
}

/// The text of each page, runs joined with spaces.
fn page_texts(pages: &vanban_layout::pages::Pages) -> Vec<String> {
    use vanban_layout::pages::Item;
    pages
        .pages
        .iter()
        .map(|p| {
            p.items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t) => Some(t.text.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The `w:tr` elements of the DOCX body.
fn docx_rows(docx: &[u8]) -> Vec<String> {
    let xml = docx_part(docx, "word/document.xml");
    xml.split("<w:tr>")
        .skip(1)
        .map(|r| r.split("</w:tr>").next().unwrap_or("").to_string())
        .collect()
}

/// Item 5: column titles repeat on every page a table runs onto, by
/// default, in the PDF and as `w:tblHeader` in the DOCX; `header_rows`
/// counts data rows made header rows besides the title row.
#[test]
fn table_titles_repeat_on_every_page_and_header_rows_means_rows() {
    let path = root().join("fixtures/bao-cao-giao-thong.json");
    let mut v: Value = serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
    for header_rows in [None, Some(1)] {
        if let Some(h) = header_rows {
            v["body"][1]["body"][1]["table"]["header_rows"] = json!(h);
        }
        let json = serde_json::to_vec(&v).expect("json");
        let doc = vanban::check(&json).expect("valid");
        let texts = page_texts(&pages_of(&doc));
        let with_rows: Vec<&String> = texts
            .iter()
            .filter(|t| t.contains("Đường từ thôn") && t.contains("Bê tông"))
            .collect();
        assert!(with_rows.len() >= 2, "the table should run onto page 2");
        for t in &with_rows {
            assert!(
                t.contains("Tên tuyến") && t.contains("Kết cấu mặt"),
                "no titles:\n{t}"
            );
            // The first data row repeats only when header_rows says so.
            assert_eq!(
                t.matches("trung tâm xã đi thôn Ba Khâm").count() >= 1,
                header_rows.is_some() || std::ptr::eq(*t, with_rows[0]),
                "{header_rows:?}"
            );
        }
        let r = vanban::render(&json, &[Format::Docx], &RenderOptions::default()).expect("render");
        let rows = docx_rows(&r.docx.expect("docx"));
        let title = rows
            .iter()
            .find(|r| r.contains("Tên tuyến"))
            .expect("title row");
        assert!(title.contains("<w:tblHeader/>"), "{title}");
        let first = rows
            .iter()
            .find(|r| r.contains("trung tâm xã đi thôn Ba Khâm"))
            .expect("row 1");
        assert_eq!(
            first.contains("<w:tblHeader/>"),
            header_rows.is_some(),
            "{first}"
        );
        let second = rows
            .iter()
            .find(|r| r.contains("Gò Mít đi xã Ba Vì"))
            .expect("row 2");
        assert!(!second.contains("<w:tblHeader/>"), "{second}");
    }
}

/// Item 7: the appendix reference line names the issuer in normal case
/// (App. III Mẫu 2.1: "của Ủy ban nhân dân xã Ba Tô"), derived from an
/// all-capitals name, or as the issuer's `normal_name` says.
#[test]
fn appendix_reference_names_the_issuer_in_normal_case() {
    let mut v = fixture("bao-cao-giao-thong.json");
    for (normal, want) in [
        (None, "của Phòng Kinh tế và Hạ tầng)"),
        (
            Some("Phòng Kinh tế và Hạ tầng huyện Ba Tơ"),
            "của Phòng Kinh tế và Hạ tầng huyện Ba Tơ)",
        ),
    ] {
        if let Some(n) = normal {
            v["issuer"]["normal_name"] = json!(n);
        }
        let r = render(&v);
        let docx = squash(&docx_text(r.docx.as_deref().expect("docx")));
        assert!(docx.contains(want), "DOCX lacks {want:?}");
        assert!(!docx.contains("của PHÒNG"), "DOCX keeps capitals");
        if let Some(t) = pdf_text(r.pdf.as_deref().expect("pdf")) {
            let t = squash(&t);
            assert!(t.contains(want), "PDF lacks {want:?}\n{t}");
        }
    }
}

fn vanban_cmd() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"));
    c.env_remove("SOURCE_DATE_EPOCH").env("VANBAN_LANG", "en");
    c
}

/// Item 13: `--format pdf -o x.docx` is a usage error (exit 2), nothing written.
#[test]
fn format_contradicting_the_extension_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = root().join("fixtures/cong-van.json");
    for (format, name) in [("pdf", "x.docx"), ("docx", "x.pdf")] {
        let out = dir.path().join(name);
        let o = vanban_cmd()
            .args([
                "render",
                input.to_str().expect("path"),
                "--format",
                format,
                "-o",
            ])
            .arg(&out)
            .output()
            .expect("run");
        assert_eq!(o.status.code(), Some(2), "{format} {name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("contradicts") && err.contains(name), "{err}");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert!(left.is_empty(), "{format} {name}: wrote {left:?}");
    }
    // Agreeing names still work.
    let o = vanban_cmd()
        .args([
            "render",
            input.to_str().expect("path"),
            "--format",
            "pdf",
            "-o",
        ])
        .arg(dir.path().join("y.pdf"))
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.path().join("y.pdf").exists());
}

/// Item 15: `batch -q` prints every error of every failed document, each
/// line naming its file.
#[test]
fn batch_quiet_error_lines_name_their_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).expect("mkdir");
    let mut v = fixture("cong-van.json");
    v["number"] = json!(0);
    v["date"] = json!("2023-02-30");
    std::fs::write(
        input.join("hai-loi.json"),
        serde_json::to_vec(&v).expect("json"),
    )
    .expect("w");
    std::fs::write(input.join("cut.json"), b"{\"type\": \"bao_cao\"").expect("w");
    std::fs::copy(root().join("fixtures/giay-moi.json"), input.join("ok.json")).expect("copy");
    let o = vanban_cmd()
        .args(["batch", "-q", "-o"])
        .arg(dir.path().join("out"))
        .arg(&input)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("failed:")).collect();
    assert!(lines.len() >= 3, "{err}");
    for l in &lines {
        assert!(l.contains("hai-loi.json") || l.contains("cut.json"), "{l}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("hai-loi.json") && l.contains("number")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("hai-loi.json") && l.contains("date")),
        "{err}"
    );
}

/// Item 16: "Như trên" in Nơi nhận becomes the Kính gửi recipients in the
/// metadata's `To`; what cannot be resolved ("Như Điều 4") is kept and named
/// in the sidecar.
#[test]
fn nhu_tren_resolves_to_the_kinh_gui_recipients() {
    let v = fixture("bao-cao-giao-thong.json");
    let r = render(&v);
    assert_eq!(
        eoffice(&r, "To").as_deref(),
        Some("Ủy ban nhân dân huyện Ba Tơ; Lãnh đạo UBND huyện; Phòng Tài chính - Kế hoạch huyện")
    );
    assert!(r.unresolved_to.is_empty());
    assert!(!r.meta_json().contains("unresolvedTo"));
    let v = fixture("quyet-dinh-ra-soat.json");
    let r = render(&v);
    let to = eoffice(&r, "To").expect("To");
    assert!(
        to.starts_with("Như Điều 4; UBND huyện Nghĩa Hành (b/c)"),
        "{to}"
    );
    assert_eq!(r.unresolved_to, ["Như Điều 4"]);
    let meta: Value = serde_json::from_str(&r.meta_json()).expect("sidecar json");
    assert_eq!(meta["unresolvedTo"], json!(["Như Điều 4"]));
}
