//! Layout facts in the DOCX of real fixtures: margins, header styles, rules,
//! numbering labels, footnotes, first-page header, fonts and language.

mod common;

use common::*;
use std::io::Read;
use vanban::{Format, RenderOptions};

fn docx_part(fixture: &str, part: &str) -> String {
    let json = std::fs::read(root().join("fixtures").join(fixture)).expect("read fixture");
    let out = vanban::render(&json, &[Format::Docx], &RenderOptions::default()).expect("render");
    let bytes = out.docx.expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut s = String::new();
    zip.by_name(part)
        .unwrap_or_else(|_| panic!("{part} missing"))
        .read_to_string(&mut s)
        .expect("utf-8 part");
    s
}

/// The `w:p` element holding `needle`.
fn para<'a>(xml: &'a str, needle: &str) -> &'a str {
    let at = xml.find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
    let start = xml[..at].rfind("<w:p>").expect("paragraph start");
    let end = at + xml[at..].find("</w:p>").expect("paragraph end");
    &xml[start..end]
}

#[test]
fn page_setup_fonts_and_language() {
    let doc = docx_part("bao-cao-ba-to.json", "word/document.xml");
    // A4, margins top 20 / right 15 / bottom 20 / left 30 mm in twips.
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(
        doc.contains(r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "margins"
    );
    assert!(doc.contains("<w:titlePg/>"), "different first page");
    let styles = docx_part("bao-cao-ba-to.json", "word/styles.xml");
    for slot in ["ascii", "hAnsi", "cs", "eastAsia"] {
        assert!(
            styles.contains(&format!(r#"w:{slot}="Times New Roman""#)),
            "Times New Roman in {slot}"
        );
    }
    assert!(styles.contains(r#"<w:lang w:val="vi-VN""#), "vi-VN");
}

#[test]
fn header_elements_have_their_styles() {
    let doc = docx_part("bao-cao-ba-to.json", "word/document.xml");
    // Within the margins the parent line does not fit on one line even at
    // 12 pt: it wraps at 13 pt ("ỦY BAN NHÂN DÂN" / "HUYỆN BA TƠ").
    let parent = para(&doc, "HUYỆN BA TƠ");
    assert!(!parent.contains("<w:b/>"), "parent body is regular");
    assert!(parent.contains(r#"<w:sz w:val="26"/>"#), "parent 13 pt");
    let issuer = para(&doc, "XÃ BA TÔ");
    assert!(issuer.contains("<w:b/>"), "issuer bold");
    let nation = para(&doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(nation.contains("<w:b/>") && nation.contains(r#"<w:sz w:val="26"/>"#));
    let motto = para(&doc, "Độc lập - Tự do - Hạnh phúc");
    assert!(motto.contains("<w:b/>") && motto.contains(r#"<w:sz w:val="28"/>"#));
    let date = para(&doc, "Ba Tô, ngày");
    assert!(
        date.contains("<w:i/>") && !date.contains("<w:b/>"),
        "date italic"
    );
    assert!(date.contains(r#"<w:jc w:val="center"/>"#));
    let number = para(&doc, "Số: ");
    assert!(!number.contains("<w:b/>") && number.contains(r#"<w:sz w:val="26"/>"#));
    let title = para(&doc, ">BÁO CÁO<");
    assert!(title.contains("<w:b/>") && title.contains(r#"<w:jc w:val="center"/>"#));
}

/// The rules are bottom-bordered empty paragraphs whose indents leave the
/// computed length: the motto rule is as long as the motto (≈ 60.5 mm at
/// 14 pt bold), the issuer's 1/3–1/2 of its line.
#[test]
fn rules_have_their_lengths() {
    let doc = docx_part("bao-cao-ba-to.json", "word/document.xml");
    let rules: Vec<&str> = doc
        .split("<w:p>")
        .filter(|p| p.contains("<w:pBdr><w:bottom"))
        .collect();
    assert!(
        rules.len() >= 3,
        "issuer, motto and title rules: {}",
        rules.len()
    );
    for r in &rules {
        assert!(
            !r.contains("<w:top") && !r.contains("<w:left"),
            "bottom border only"
        );
    }
    let twips = |p: &str, attr: &str| -> i64 {
        let k = format!(r#"w:{attr}=""#);
        let at = p.find(&k).expect(attr) + k.len();
        p[at..p[at..].find('"').map(|e| at + e).expect("end")]
            .parse()
            .expect("number")
    };
    // The header's right column: find the tcW of the cell holding the motto rule.
    let motto_cell_start = doc[..doc.find("Độc lập").expect("motto")]
        .rfind("<w:tc>")
        .expect("cell");
    let cell = &doc[motto_cell_start..];
    let cell_w = twips(cell, "w");
    let motto_rule = cell[cell.find("<w:pBdr>").expect("motto rule")..].to_string();
    let rule_para_start = cell[..cell.find("<w:pBdr>").expect("rule")]
        .rfind("<w:pPr>")
        .expect("pPr");
    let rp = &cell[rule_para_start..];
    let len_twips = cell_w - 2 * 108 - twips(rp, "left") - twips(rp, "right");
    let len_mm = len_twips as f64 / 56.69;
    assert!(
        (59.0..62.0).contains(&len_mm),
        "motto rule {len_mm:.1} mm ({motto_rule:.60})"
    );
}

/// A decision whose khoản has points past "đ": a b c d đ e g h i.
#[test]
fn legal_numbering_labels() {
    let doc = docx_part("quyet-dinh.json", "word/document.xml");
    let mut last = 0usize;
    for label in [
        "a) ", "b) ", "c) ", "d) ", "đ) ", "e) ", "g) ", "h) ", "i) ",
    ] {
        let needle = format!(">{label}<");
        let at = doc[last..]
            .find(&needle)
            .unwrap_or_else(|| panic!("label {label:?} missing or out of order"));
        last += at + needle.len();
    }
    assert!(!doc.contains(">f) <"), "no f in Vietnamese point letters");
    assert!(
        doc.contains(">Điều 1. <") || doc.contains(">Điều 1.<"),
        "Điều 1."
    );
    assert!(doc.contains(">QUYẾT ĐỊNH:<"));
}

#[test]
fn footnotes_are_real() {
    let doc = docx_part("to-trinh.json", "word/document.xml");
    assert!(doc.contains(r#"<w:footnoteReference w:id="1"/>"#));
    assert!(doc.contains(r#"<w:footnoteReference w:id="2"/>"#));
    let notes = docx_part("to-trinh.json", "word/footnotes.xml");
    assert!(notes.contains("<w:separator/>") && notes.contains("<w:continuationSeparator/>"));
    assert_eq!(notes.matches("<w:footnoteRef/>").count(), 2);
    assert!(notes.contains("Báo cáo số 112/BC"));
}

#[test]
fn page_number_field_not_on_page_one() {
    let doc = docx_part("bao-cao-ba-to.json", "word/document.xml");
    assert!(doc.contains(r#"<w:headerReference w:type="first""#));
    assert!(doc.contains(r#"<w:headerReference w:type="default""#));
    let h1 = docx_part("bao-cao-ba-to.json", "word/header1.xml");
    assert!(h1.contains(" PAGE "), "default header has the PAGE field");
    let h2 = docx_part("bao-cao-ba-to.json", "word/header2.xml");
    assert!(!h2.contains("PAGE"), "first-page header is empty");
}

#[test]
fn closing_block_stays_whole() {
    let doc = docx_part("bao-cao-ba-to.json", "word/document.xml");
    let at = doc.find("Nơi nhận:").expect("Nơi nhận");
    let row = &doc[doc[..at].rfind("<w:tr>").expect("row")..at];
    assert!(row.contains("<w:cantSplit/>"), "closing row cannot split");
    let p = para(&doc, "Nơi nhận:");
    assert!(p.contains("<w:b/>") && p.contains("<w:i/>") && p.contains(r#"<w:sz w:val="24"/>"#));
    let before = &doc[..doc[..at].rfind("<w:tbl>").expect("closing table")];
    let last_para = &before[before.rfind("<w:p>").expect("last body paragraph")..];
    assert!(
        last_para.contains("<w:keepNext/>"),
        "last body paragraph keeps with the closing"
    );
}
