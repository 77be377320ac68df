//! Import (issue 15): Word files and typed text back into the model.

mod common;

use std::io::Write;

use common::{have, root};
use vanban::{Format, RenderOptions, SourceKind};
use vanban_import::{ImportError, Kind, Report};

fn pdf_lines(pdf: &[u8], dir: &std::path::Path, name: &str) -> Vec<String> {
    let p = dir.join(name);
    std::fs::write(&p, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&p)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn render(json: &[u8], formats: &[Format]) -> vanban::Rendered {
    vanban::render(json, formats, &RenderOptions::default()).expect("renders")
}

/// Render each fixture's DOCX, import it, render again: the PDF lines are
/// the original's. (The JSON differs from the fixture only in ways that
/// print the same: explicit vs counted numbers, upper-case titles of "I."
/// headings and appendices as printed, issuer names with the line breaks
/// the typesetter chose, `{"paragraph": …}` vs a string, relative column
/// widths in per cent, and a closing sentence attached to the last heading.
/// A separate-file appendix is another DOCX and is not in the main file.)
#[test]
fn round_trip_every_fixture() {
    if !have("pdftotext") {
        eprintln!("skipped: pdftotext not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for f in common::fixtures() {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let json = std::fs::read(&f).unwrap();
        let first = render(&json, &[Format::Pdf, Format::Docx]);
        let (imported, report) =
            vanban::import_json(first.docx.as_ref().unwrap(), SourceKind::Docx)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(imported.starts_with("{\n  \"$schema\""), "{name}");
        let second = render(imported.as_bytes(), &[Format::Pdf]);
        let a = pdf_lines(
            first.pdf.as_ref().unwrap(),
            dir.path(),
            &format!("{name}.a.pdf"),
        );
        let b = pdf_lines(
            second.pdf.as_ref().unwrap(),
            dir.path(),
            &format!("{name}.b.pdf"),
        );
        assert_eq!(
            a,
            b,
            "{name}: PDF lines differ after the round trip\n{}",
            report.render(vanban_model::lang::Lang::En)
        );
        // What the report says about the closing.
        assert!(report.mentions(Kind::Recognised, "người ký"), "{name}");
        assert!(report.mentions(Kind::Recognised, "quốc hiệu"), "{name}");
    }
}

/// The Ba Tô report typed as plain text (tests/data/bao-cao-ba-to.txt, the
/// fixture's wording, numbering typed, a typed "¹" footnote, the closing
/// typed in two columns) renders with the fixture's lines. Plain text has
/// no italics, so the reference is the fixture with its `*` markup removed.
#[test]
fn typed_ba_to_report_renders_as_the_fixture() {
    let text = std::fs::read(root().join("tests/data/bao-cao-ba-to.txt")).unwrap();
    let (json, report) = vanban::import_json(&text, SourceKind::Text).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["type"], "bao_cao");
    assert_eq!(v["issuer"]["parent"], "ỦY BAN NHÂN DÂN HUYỆN BA TƠ");
    assert_eq!(v["issuer"]["name"], "ỦY BAN NHÂN DÂN XÃ BA TÔ");
    assert_eq!(v["date"], "2023-06");
    assert_eq!(v["number"], serde_json::Value::Null);
    assert_eq!(v["signature"]["on_behalf_of"], "ỦY BAN NHÂN DÂN");
    assert_eq!(v["signature"]["name"], "Phạm Văn Hiền");
    assert_eq!(v["recipients"].as_array().unwrap().len(), 9);
    assert!(
        json.contains("06 điểm^[5 điểm tại các ngã ba"),
        "typed footnote"
    );
    assert!(report.mentions(Kind::Recognised, "chú thích gõ tay"));
    if !have("pdftotext") {
        eprintln!("skipped (PDF comparison): pdftotext not installed");
        return;
    }
    let fixture = std::fs::read_to_string(root().join("fixtures/bao-cao-ba-to.json")).unwrap();
    let plain = fixture.replace('*', "");
    let dir = tempfile::tempdir().unwrap();
    let a = pdf_lines(
        render(plain.as_bytes(), &[Format::Pdf])
            .pdf
            .as_ref()
            .unwrap(),
        dir.path(),
        "a.pdf",
    );
    let b = pdf_lines(
        render(json.as_bytes(), &[Format::Pdf])
            .pdf
            .as_ref()
            .unwrap(),
        dir.path(),
        "b.pdf",
    );
    assert_eq!(a, b);
}

/// The official model forms (Decree 30 Appendix III), split at their
/// "Mẫu x.y" captions: each imports; type, rules and closing recognised;
/// placeholders and superscript annotation numbers reported.
#[test]
fn model_forms_import() {
    let bytes = std::fs::read(root().join("tests/data/Phuluc3.docx")).unwrap();
    let mut report = Report::default();
    let (items, footers) = vanban_import::docx_items(&bytes, &mut report).unwrap();
    // Split at the caption paragraphs.
    let mut forms: Vec<(String, Vec<vanban_import::ir::Item>)> = Vec::new();
    for it in items {
        if let vanban_import::ir::Item::Para(p) = &it {
            let t = p.clean();
            if let Some(rest) = t.strip_prefix("Mẫu ")
                && rest.starts_with(|c: char| c.is_ascii_digit())
            {
                let code = rest.split_whitespace().next().unwrap_or("").to_string();
                forms.push((code, Vec::new()));
                continue;
            }
        }
        if let Some(f) = forms.last_mut() {
            f.1.push(it);
        }
    }
    let expect = [
        ("1.1", "nghi_quyet"),
        ("1.2", "quyet_dinh"),
        ("1.3", "quyet_dinh"),
        ("1.4", "bao_cao"),
        ("1.5", "cong_van"),
        ("1.6", "cong_dien"),
        ("1.7", "giay_moi"),
        ("1.8", "giay_gioi_thieu"),
        ("1.9", "bien_ban"),
        ("2.1", ""),
        ("2.2", ""),
    ];
    for (code, ty) in expect {
        let (_, items) = forms
            .iter()
            .find(|(c, _)| c == code)
            .unwrap_or_else(|| panic!("Mẫu {code} not found"));
        let r = vanban_import::recognise_items(items, &footers, Report::default())
            .unwrap_or_else(|e| panic!("Mẫu {code}: {e}"));
        let rep = &r.report;
        eprintln!(
            "Mẫu {code}: {}",
            rep.render(vanban_model::lang::Lang::Vi)
                .lines()
                .next()
                .unwrap_or("")
        );
        if ty.is_empty() {
            // Appendix forms: the "Phụ lục" head and its title are recognised.
            assert!(
                rep.mentions(Kind::Recognised, "phụ lục"),
                "Mẫu {code}: {}",
                rep.render(vanban_model::lang::Lang::Vi)
            );
            continue;
        }
        assert_eq!(r.json["type"], ty, "Mẫu {code}");
        assert!(
            rep.mentions(Kind::Recognised, "đường kẻ"),
            "Mẫu {code}: rules"
        );
        assert!(rep.mentions(Kind::Recognised, "quốc hiệu"), "Mẫu {code}");
        assert!(
            rep.mentions(Kind::Recognised, "người ký"),
            "Mẫu {code}: signer"
        );
        assert!(
            rep.mentions(Kind::Recognised, "Lưu") || rep.mentions(Kind::Recognised, "nơi lưu"),
            "Mẫu {code}: Lưu"
        );
        assert!(
            rep.mentions(Kind::Omitted, "chỉ số trên"),
            "Mẫu {code}: annotation numbers"
        );
        assert!(
            rep.mentions(Kind::Guessed, "chỗ trống của mẫu"),
            "Mẫu {code}: placeholders"
        );
        let signer = &r.json["signature"];
        let name = signer["name"].as_str().or(signer[1]["name"].as_str());
        assert_eq!(name, Some("Họ và tên"), "Mẫu {code}");
        assert!(
            rep.mentions(Kind::Omitted, "ghi chú của mẫu"),
            "Mẫu {code}: notes"
        );
        // The render works on the imported template.
        let text = serde_json::to_string(&r.json).unwrap();
        vanban::render(text.as_bytes(), &[Format::Pdf], &RenderOptions::default())
            .unwrap_or_else(|e| panic!("Mẫu {code} renders: {e}"));
    }
}

/// A DOCX written the way staff write, built here by hand.
fn docx(document_body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
        let o = zip::write::SimpleFileOptions::default();
        let mut put = |name: &str, text: &str| {
            z.start_file(name, o).unwrap();
            z.write_all(text.as_bytes()).unwrap();
        };
        put(
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        );
        put(
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
        );
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><w:body>{document_body}</w:body></w:document>"#
        );
        put("word/document.xml", &doc);
        for (n, t) in extra {
            put(n, t);
        }
        z.finish().unwrap();
    }
    buf
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn p_font(text: &str, font: &str) -> String {
    format!(
        r#"<w:p><w:r><w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// Every Vietnamese letter with every tone, both cases.
fn all_letters() -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut s = String::new();
    for b in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
        for t in ["", "\u{301}", "\u{300}", "\u{309}", "\u{303}", "\u{323}"] {
            let l: String = format!("{b}{t}").nfc().collect();
            s.push_str(&l);
        }
    }
    s.push('đ');
    s
}

/// DOCX files typed in TCVN3 (.VnTime, .VnTimeH) and VNI (VNI-Times): the
/// text comes back as the exact Unicode.
#[test]
fn legacy_fonts_come_back_as_unicode() {
    use vanban_import::legacy::{unicode_to_tcvn3, unicode_to_tcvn3_upper_face, unicode_to_vni};
    let letters = all_letters();
    let body_tcvn = format!("Các chữ: {letters}.");
    let body_vni = format!("Chữ VNI: {letters} {}.", letters.to_uppercase());
    let mut xml = String::new();
    xml += &p_font(
        &unicode_to_tcvn3_upper_face("ỦY BAN NHÂN DÂN HUYỆN BA TƠ").unwrap(),
        ".VnTimeH",
    );
    xml += &format!(
        r#"<w:p><w:r><w:rPr><w:b/><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
        esc(&unicode_to_tcvn3_upper_face("ỦY BAN NHÂN DÂN XÃ BA TÔ").unwrap())
    );
    xml += &p_font(&unicode_to_tcvn3("Số: 12/BC-UBND").unwrap(), ".VnTime");
    xml += &p_font(
        &unicode_to_tcvn3_upper_face("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").unwrap(),
        ".VnTimeH",
    );
    xml += &p_font(
        &unicode_to_tcvn3("Độc lập - Tự do - Hạnh phúc").unwrap(),
        ".VnTime",
    );
    xml += &p_font(
        &unicode_to_tcvn3("Ba Tô, ngày 05 tháng 6 năm 2023").unwrap(),
        ".VnTime",
    );
    xml += &p_font(&unicode_to_tcvn3_upper_face("BÁO CÁO").unwrap(), ".VnTimeH");
    xml += &p_font(&unicode_to_vni("Tình hình thực hiện").unwrap(), "VNI-Times");
    xml += &p_font(&unicode_to_tcvn3(&body_tcvn).unwrap(), ".VnTime");
    xml += &p_font(&unicode_to_vni(&body_vni).unwrap(), "VNI-Times");
    xml += &p_font(&unicode_to_vni("Nơi nhận:").unwrap(), "VNI-Times");
    xml += &p_font(&unicode_to_vni("- Lưu: VT.").unwrap(), "VNI-Times");
    xml += &p_font(
        &unicode_to_tcvn3_upper_face("TM. ỦY BAN NHÂN DÂN").unwrap(),
        ".VnTimeH",
    );
    xml += &p_font(
        &unicode_to_tcvn3_upper_face("CHỦ TỊCH").unwrap(),
        ".VnTimeH",
    );
    xml += &p_font(&unicode_to_vni("Phạm Văn Hiền").unwrap(), "VNI-Times");
    let bytes = docx(&xml, &[]);
    let (json, report) = vanban::import_json(&bytes, SourceKind::Docx).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["issuer"]["parent"], "ỦY BAN NHÂN DÂN HUYỆN BA TƠ");
    assert_eq!(v["issuer"]["name"], "ỦY BAN NHÂN DÂN XÃ BA TÔ");
    assert_eq!(v["type"], "bao_cao");
    assert_eq!(v["number"], 12);
    assert_eq!(v["date"], "2023-06-05");
    assert_eq!(v["title"], "Tình hình thực hiện");
    assert_eq!(v["body"][0], body_tcvn.as_str());
    assert_eq!(v["body"][1], body_vni.as_str());
    assert_eq!(v["signature"]["name"], "Phạm Văn Hiền");
    assert_eq!(v["signature"]["on_behalf_of"], "ỦY BAN NHÂN DÂN");
    assert!(report.mentions(Kind::Converted, ".VnTimeH"));
    assert!(report.mentions(Kind::Converted, "VNI-Times"));
}

/// A draft as staff make it: the header in two text boxes, typed numbering
/// ("I.", "1.", "a)", "-"), typed underscores as rules, bold and italic
/// runs, a typed superscript footnote with its note at the end, and a
/// closing table.
pub fn staff_draft() -> Vec<u8> {
    let r = |t: &str| format!(r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#, esc(t));
    let rb = |t: &str| {
        format!(
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(t)
        )
    };
    let ri = |t: &str| {
        format!(
            r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(t)
        )
    };
    let sup = |t: &str| {
        format!(r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>{t}</w:t></w:r>"#)
    };
    let p = |runs: &str| format!("<w:p>{runs}</w:p>");
    let pc = |runs: &str| format!(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{runs}</w:p>"#);
    let tb = |paras: &str| {
        format!(
            r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>{paras}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#
        )
    };
    let left = pc(&r("UBND HUYỆN NGHĨA HÀNH"))
        + &pc(&rb("ỦY BAN NHÂN DÂN XÃ HÀNH THIỆN"))
        + &pc(&r("_______"))
        + &pc(&r("Số: 27/BC-UBND"));
    let right = pc(&rb("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        + &pc(&rb("Độc lập - Tự do - Hạnh phúc"))
        + &pc(&r("_________________"))
        + &pc(&ri("Hành Thiện, ngày 12 tháng 3 năm 2024"));
    let line = r#"<w:r><w:drawing><wps:wsp><wps:spPr><a:prstGeom prst="line"/></wps:spPr></wps:wsp></w:drawing></w:r>"#;
    let mut b = String::new();
    b += &p(&(tb(&left) + &tb(&right)));
    b += &pc(&rb("BÁO CÁO"));
    b += &pc(&rb(
        "Kết quả phòng, chống dịch bệnh trên đàn gia súc quý I năm 2024",
    ));
    b += &pc(line);
    b += &p(&(r("\t")
        + &r("Thực hiện Kế hoạch số 15/KH-UBND của UBND huyện, UBND xã báo cáo như sau:")));
    b += &p(&rb("I. TÌNH HÌNH DỊCH BỆNH"));
    b += &p(&(r("Trong quý I, trên địa bàn xã phát hiện ")
        + &rb("03 ổ dịch")
        + &r(" tả lợn châu Phi")
        + &sup("1")
        + &r(" tại thôn ")
        + &ri("Phú Lâm")
        + &r(".")));
    b += &p(&rb("II. KẾT QUẢ THỰC HIỆN"));
    b += &p(&rb("1. Công tác tiêm phòng"));
    b += &p(&r(
        "a) Tiêm vắc-xin lở mồm long móng cho 1.250 con trâu, bò;",
    ));
    b += &p(&r("b) Tiêm vắc-xin dịch tả lợn cho 3.400 con lợn."));
    b += &p(&rb("2. Công tác tuyên truyền"));
    b += &p(&r(
        "- Phát thanh 12 buổi trên hệ thống loa truyền thanh xã;",
    ));
    b += &p(&r("- Phát 500 tờ rơi đến các hộ chăn nuôi."));
    b += &p(&r("UBND xã Hành Thiện báo cáo./."));
    b += &p(&(sup("1") + &r(" Tại các hộ ông Nguyễn Văn A, Trần Văn B và Lê Thị C.")));
    let cell = |paras: &str| format!("<w:tc>{paras}</w:tc>");
    let closing = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(
            &(p(&rb("Nơi nhận:"))
                + &p(&r("- UBND huyện;"))
                + &p(&r("- Phòng NN&amp;PTNT huyện;").replace("&amp;amp;", "&amp;"))
                + &p(&r("- Lưu: VT.")))
        ),
        cell(
            &(pc(&rb("TM. ỦY BAN NHÂN DÂN"))
                + &pc(&rb("CHỦ TỊCH"))
                + &pc(&ri("(Ký, đóng dấu)"))
                + &p("")
                + &pc(&rb("Nguyễn Văn Dũng")))
        )
    );
    b += &closing;
    docx(&b, &[])
}

#[test]
fn staff_draft_is_recognised() {
    let bytes = staff_draft();
    let (json, report) = vanban::import_json(&bytes, SourceKind::Docx).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["type"], "bao_cao");
    assert_eq!(v["issuer"]["parent"], "UBND HUYỆN NGHĨA HÀNH");
    assert_eq!(v["issuer"]["name"], "ỦY BAN NHÂN DÂN XÃ HÀNH THIỆN");
    assert_eq!(v["number"], 27);
    assert_eq!(v["place"], "Hành Thiện");
    assert_eq!(v["date"], "2024-03-12");
    assert_eq!(
        v["title"],
        "Kết quả phòng, chống dịch bệnh trên đàn gia súc quý I năm 2024"
    );
    let body = &v["body"];
    assert_eq!(body[1]["heading"], "TÌNH HÌNH DỊCH BỆNH");
    assert_eq!(
        body[1]["body"][0],
        "Trong quý I, trên địa bàn xã phát hiện **03 ổ dịch** tả lợn châu Phi^[Tại các hộ ông Nguyễn Văn A, Trần Văn B và Lê Thị C.] tại thôn *Phú Lâm*."
    );
    let ii = &body[2];
    assert_eq!(ii["body"][0]["heading"], "Công tác tiêm phòng");
    assert_eq!(
        ii["body"][0]["body"][0]["heading"],
        "Tiêm vắc-xin lở mồm long móng cho 1.250 con trâu, bò;"
    );
    assert!(
        ii["body"][0]["body"][0].get("body").is_none(),
        "run-in point"
    );
    assert_eq!(
        ii["body"][1]["body"][0]["list"][1],
        "Phát 500 tờ rơi đến các hộ chăn nuôi."
    );
    assert_eq!(v["signature"]["name"], "Nguyễn Văn Dũng");
    assert_eq!(
        v["recipients"],
        serde_json::json!(["UBND huyện", "Phòng NN&PTNT huyện"])
    );
    assert!(report.mentions(Kind::Recognised, "đường kẻ"));
    assert!(report.mentions(Kind::Omitted, "(Ký, đóng dấu)"));
    // Rendering works end to end.
    render(json.as_bytes(), &[Format::Pdf, Format::Docx]);
}

#[test]
fn bad_input_gives_clear_errors() {
    let err = |b: &[u8]| vanban::import(b, SourceKind::Docx).map(|_| ()).unwrap_err();
    assert!(matches!(err(b"hello"), ImportError::NotZip(_)));
    assert!(err(b"hello").to_string().contains("không phải DOCX"));
    // A zip that is not a DOCX.
    let mut buf = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
        z.start_file("a.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"x").unwrap();
        z.finish().unwrap();
    }
    assert_eq!(err(&buf), ImportError::NotDocx);
    // An old .doc and an encrypted file (both OLE compound files).
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend_from_slice(&[0; 512]);
    assert_eq!(err(&ole), ImportError::LegacyDoc);
    assert!(
        err(&ole)
            .to_string()
            .contains("soffice --headless --convert-to docx")
    );
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    ole.extend_from_slice(&name);
    assert_eq!(err(&ole), ImportError::Encrypted);
    // A zip bomb: 40 MiB of zeros compress to a few tens of kB; reading stops at the cap.
    let mut bomb = Vec::new();
    {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut bomb));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", o).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..40 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    assert!(bomb.len() < 1 << 20);
    assert!(
        matches!(err(&bomb), ImportError::TooLarge { .. }),
        "{:?}",
        err(&bomb)
    );
    // Too large a file.
    let big = vec![0u8; vanban_import::docx::MAX_DOCX_BYTES + 1];
    assert!(matches!(err(&big), ImportError::TooLarge { .. }));
    // Broken XML names the part, line and column.
    let broken = docx("<w:p><w:r><w:t>x</w:r></w:p>", &[]);
    let e = err(&broken);
    assert!(e.to_string().contains("word/document.xml, dòng 1"), "{e}");
    // Empty text.
    assert_eq!(
        vanban::import(b"  \n\n", SourceKind::Text)
            .map(|_| ())
            .unwrap_err(),
        ImportError::Empty
    );
}

/// `vanban import` writes pretty JSON with `$schema` and prints the report
/// in Vietnamese; `vanban render x.docx` imports and renders in one step.
#[test]
fn cli_import_and_render() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("du-thao.docx");
    std::fs::write(&src, staff_draft()).unwrap();
    let bin = env!("CARGO_BIN_EXE_vanban");
    let out = std::process::Command::new(bin)
        .args(["import"])
        .arg(&src)
        .arg("-o")
        .arg(dir.path().join("du-thao.json"))
        .env_remove("VANBAN_LANG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Báo cáo nhập văn bản"), "{err}");
    assert!(err.contains("người ký"), "{err}");
    let json = std::fs::read_to_string(dir.path().join("du-thao.json")).unwrap();
    assert!(json.starts_with("{\n  \"$schema\": \"vanban.schema.json\""));
    vanban::check(json.as_bytes()).unwrap();
    let out = std::process::Command::new(bin)
        .arg("render")
        .arg(&src)
        .arg("-o")
        .arg(dir.path().join("out/"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("out/du-thao.pdf").exists());
    assert!(dir.path().join("out/du-thao.docx").exists());
    // A broken file: error, exit 1, nothing written.
    let bad = dir.path().join("hong.docx");
    std::fs::write(&bad, b"not a zip").unwrap();
    let out = std::process::Command::new(bin)
        .arg("import")
        .arg(&bad)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("hong.json").exists());
}

/// Writes each model form's JSON and report to $VANBAN_FORMS_DUMP (a
/// folder) when set; used to look at the results by hand.
#[test]
fn model_forms_dump() {
    let Ok(dir) = std::env::var("VANBAN_FORMS_DUMP") else {
        return;
    };
    let bytes = std::fs::read(root().join("tests/data/Phuluc3.docx")).unwrap();
    let mut report = Report::default();
    let (items, footers) = vanban_import::docx_items(&bytes, &mut report).unwrap();
    let mut forms: Vec<(String, Vec<vanban_import::ir::Item>)> = Vec::new();
    for it in items {
        if let vanban_import::ir::Item::Para(p) = &it
            && let Some(rest) = p.clean().strip_prefix("Mẫu ")
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            forms.push((
                rest.split_whitespace().next().unwrap_or("").to_string(),
                Vec::new(),
            ));
            continue;
        }
        if let Some(f) = forms.last_mut() {
            f.1.push(it);
        }
    }
    for (code, items) in &forms {
        match vanban_import::recognise_items(items, &footers, Report::default()) {
            Ok(r) => {
                std::fs::write(
                    format!("{dir}/{code}.json"),
                    serde_json::to_string_pretty(&r.json).unwrap(),
                )
                .unwrap();
                std::fs::write(
                    format!("{dir}/{code}.txt"),
                    r.report.render(vanban_model::lang::Lang::Vi),
                )
                .unwrap();
            }
            Err(e) => std::fs::write(format!("{dir}/{code}.err"), e.to_string()).unwrap(),
        }
    }
}

fn staff_file(name: &str) -> serde_json::Value {
    let bytes = std::fs::read(root().join("tests/data/staff").join(name)).unwrap();
    let (json, report) = vanban::import_json(&bytes, SourceKind::Docx).unwrap();
    eprintln!("{name}:\n{}", report.render(vanban_model::lang::Lang::Vi));
    render(json.as_bytes(), &[Format::Pdf]);
    serde_json::from_str(&json).unwrap()
}

#[test]
fn staff_files_import() {
    let a = staff_file("cong-van-go-tay.docx");
    assert_eq!(a["type"], "cong_van");
    assert_eq!(a["issuer"]["abbr"], "PGDĐT");
    assert_eq!(a["issuer"]["unit"], "TH");
    assert_eq!(a["title"], "tổ chức ngày hội đọc sách năm 2024");
    assert_eq!(
        a["to"][0],
        "Hiệu trưởng các trường tiểu học trên địa bàn huyện"
    );
    assert_eq!(a["body"][2]["heading"], "Nội dung ngày hội gồm:");
    assert_eq!(a["body"][3]["list"][0], "Trưng bày sách theo chủ đề;");
    assert_eq!(a["signature"]["for"]["mode"], "KT");
    assert_eq!(a["archive"], serde_json::json!(["VT", "TH"]));

    let b = staff_file("ke-hoach-word-numbering.docx");
    assert_eq!(b["type"], "ke_hoach");
    assert_eq!(b["issuer"]["name"], "ỦY BAN NHÂN DÂN\nXÃ TỊNH HÀ");
    // Word numbering (List Number) read as "1.", "2."; bullets as a dash list.
    assert_eq!(
        b["body"][0]["body"][0]["list"][1],
        "Tạo cảnh quan sạch đẹp đón Tết."
    );
    assert_eq!(b["body"][1]["body"][0]["heading"], "Thời gian thực hiện");
    assert_eq!(b["body"][1]["body"][1]["heading"], "Phân công thực hiện");
    let cell =
        |r: usize, c: usize| b["body"][1]["body"][1]["body"][0]["table"]["rows"][r][c].clone();
    // A vertical merge in Word comes in as a rowspan (#12 item 6); the
    // row below lists only the cells that start in it.
    assert_eq!(cell(2, 2)["text"], "Thôn Thọ Lộc Tây");
    assert_eq!(cell(2, 2)["rowspan"], 2);
    let row = |r: usize| b["body"][1]["body"][1]["body"][0]["table"]["rows"][r].clone();
    assert_eq!(
        row(3).as_array().map(Vec::len),
        row(2).as_array().map(|r| r.len() - 1),
        "{}",
        row(3)
    );
    assert!(
        b["body"][1]["body"][0]["body"][0]
            .as_str()
            .unwrap()
            .ends_with("2024^[Các thôn tập trung lực lượng từ 06 giờ 30 phút.].")
    );
    assert_eq!(b["signature"]["name"], "Lê Văn Hùng");

    let c = staff_file("quyet-dinh-textbox.docx");
    assert_eq!(c["type"], "quyet_dinh");
    assert_eq!(c["number"], 7);
    assert_eq!(c["date"], "2024-02-08");
    assert_eq!(c["authority"], "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NGHĨA KỲ");
    assert_eq!(c["bases"].as_array().unwrap().len(), 3);
    assert_eq!(
        c["body"][0]["body"][2]["heading"],
        "Đoàn viên thanh niên các thôn, thành viên."
    );
    assert_eq!(
        c["body"][2]["heading"],
        "Quyết định này có hiệu lực kể từ ngày ký./."
    );
}

/// A .doc is converted with LibreOffice when `soffice` is present.
#[test]
fn cli_imports_a_doc_with_libreoffice() {
    if !have("soffice") {
        eprintln!("skipped: soffice not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("import")
        .arg(root().join("tests/data/Phuluc3.doc"))
        .arg("-o")
        .arg(dir.path().join("p.json"))
        .env_remove("VANBAN_LANG")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("LibreOffice"), "{err}");
    let json = std::fs::read_to_string(dir.path().join("p.json")).unwrap();
    vanban::check(json.as_bytes()).unwrap();
}

/// Typed text in VIQR (RFC 1456) and in Windows-1258 bytes comes back as
/// Unicode NFC.
#[test]
fn viqr_and_cp1258_text() {
    let viqr = "UY? BAN NHA^N DA^N XA~ BA TO^\tCO^.NG HO`A XA~ HO^.I CHU? NGHI~A VIE^.T NAM\n\
                So^': 5/TB-UBND\tBa To^, nga`y 05 tha'ng 6 na(m 2023\n\nTHO^NG BA'O\nLi.ch ho.p\n\n\
                Ca'c ddo^`ng chi' ddu'ng gio+`.\n\nNo+i nha^.n:\tCHU? TI.CH\n- Lu+u: VT.\tPha.m Va(n Hie^`n\n";
    let (json, report) = vanban::import_json(viqr.as_bytes(), SourceKind::Text).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["issuer"]["name"], "UỶ BAN NHÂN DÂN XÃ BA TÔ");
    assert_eq!(v["type"], "thong_bao");
    assert_eq!(v["date"], "2023-06-05");
    assert_eq!(v["title"], "Lịch họp");
    assert_eq!(v["body"][0], "Các đồng chí đúng giờ.");
    assert_eq!(v["signature"]["name"], "Phạm Văn Hiền");
    assert!(report.mentions(Kind::Guessed, "VIQR"));
    // Windows-1258: "Việt" is V i ê (0xEA) + combining dot below (0xF2) t.
    let mut cp = b"BAO CAO\nThu\n\nN\xF4\xECi dung: Vi\xEA\xF2t Nam.\n".to_vec();
    cp.extend_from_slice(b"\nCHU TICH\nNguyen Van A\n");
    let (json, report) = vanban::import_json(&cp, SourceKind::Text).unwrap();
    assert!(json.contains("Việt Nam."), "{json}");
    assert!(report.mentions(Kind::Converted, "Windows-1258"));
}
