//! The DOCX facts of docs/quality.md §4 and the mapping of every `Flow` item,
//! asserted on the written XML.

mod common;

use common::{part, rich_flow, unzip};
use vanban_docx::{DocxError, DocxOptions, write_docx};
use vanban_layout::flow::*;

fn opts() -> DocxOptions {
    DocxOptions {
        timestamp: Some("2025-01-02T03:04:05Z".into()),
        pins: None,
    }
}

fn parts_of(flow: &Flow) -> Vec<(String, String)> {
    unzip(&write_docx(flow, &opts()).expect("docx"))
}

/// The `w:p` element that contains `needle`.
fn para_with<'a>(xml: &'a str, needle: &str) -> &'a str {
    let at = xml.find(needle).unwrap_or_else(|| panic!("no {needle}"));
    let start = xml[..at].rfind("<w:p>").expect("paragraph start");
    let end = at + xml[at..].find("</w:p>").expect("paragraph end");
    &xml[start..end]
}

#[test]
fn part_order_is_fixed() {
    let names: Vec<String> = parts_of(&rich_flow()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/footnotes.xml",
            "word/header1.xml",
            "word/header2.xml",
            "word/footer1.xml",
            "word/footer2.xml",
            "word/_rels/document.xml.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "docProps/custom.xml",
        ]
    );
}

#[test]
fn same_flow_same_bytes() {
    let flow = rich_flow();
    let a = write_docx(&flow, &opts()).expect("docx");
    // Another document in between must not change anything (no global ids).
    let mut other = rich_flow();
    other.sections.truncate(1);
    write_docx(&other, &opts()).expect("docx");
    let b = write_docx(&flow, &opts()).expect("docx");
    assert_eq!(a, b);
}

#[test]
fn zip_entries_are_dated_1980() {
    let bytes = write_docx(&rich_flow(), &opts()).expect("docx");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    for i in 0..zip.len() {
        let f = zip.by_index(i).expect("entry");
        assert_eq!(
            f.last_modified(),
            Some(zip::DateTime::default()),
            "{}",
            f.name()
        );
        assert_eq!(f.compression(), zip::CompressionMethod::Deflated);
    }
}

#[test]
fn page_geometry_and_sections() {
    let p = parts_of(&rich_flow());
    let doc = part(&p, "word/document.xml");
    let pg_mar = r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="1132" w:gutter="0"/>"#;
    assert_eq!(doc.matches(pg_mar).count(), 2);
    assert_eq!(
        doc.matches(r#"<w:pgSz w:w="11906" w:h="16838"/>"#).count(),
        2
    );
    assert_eq!(doc.matches(r#"<w:pgNumType w:start="1"/>"#).count(), 2);
    assert_eq!(doc.matches("<w:titlePg/>").count(), 2);
    // The first section's sectPr sits in the pPr of a paragraph; the last is
    // the body's.
    assert!(doc.contains("</w:rPr><w:sectPr>"));
    assert!(doc.ends_with("</w:sectPr></w:body></w:document>"));
    // rId5 = page-number header, rId6 = empty header, rId7 = empty footer,
    // rId8 = the appendix's first-page footer.
    let rels = part(&p, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml""#));
    assert!(rels.contains(r#"Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml""#));
    assert!(rels.contains(r#"Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml""#));
    assert!(rels.contains(r#"Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml""#));
    let refs = |first_footer: &str| {
        format!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId6"/><w:footerReference w:type="default" r:id="rId7"/><w:footerReference w:type="first" r:id="{first_footer}"/><w:type w:val="nextPage"/>"#
        )
    };
    assert!(doc.contains(&refs("rId7")));
    assert!(doc.contains(&refs("rId8")));
}

#[test]
fn page_number_header_and_empty_first_header() {
    let p = parts_of(&rich_flow());
    let h1 = part(&p, "word/header1.xml");
    assert!(h1.contains(r#"<w:fldChar w:fldCharType="begin"/>"#));
    assert!(h1.contains(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#));
    assert!(h1.contains(r#"<w:fldChar w:fldCharType="end"/>"#));
    assert!(h1.contains(r#"<w:jc w:val="center"/>"#));
    assert!(
        h1.contains(r#"<w:spacing w:before="0" w:after="0" w:line="340" w:lineRule="exact"/>"#)
    );
    assert!(h1.contains(r#"<w:sz w:val="28"/>"#));
    let h2 = part(&p, "word/header2.xml");
    assert!(
        !h2.contains("<w:r>"),
        "first-page header must be empty: {h2}"
    );
    let f1 = part(&p, "word/footer1.xml");
    assert!(!f1.contains("<w:r>"));
    let f2 = part(&p, "word/footer2.xml");
    assert!(f2.contains("Hùng Vương"));
    assert!(f2.contains(r#"<w:bottom w:val="single""#));
}

#[test]
fn sections_without_numbers_use_the_empty_header() {
    let mut flow = rich_flow();
    for s in &mut flow.sections {
        s.page_numbers = false;
    }
    let p = parts_of(&flow);
    assert!(p.iter().all(|(n, _)| n != "word/header2.xml"));
    let doc = part(&p, "word/document.xml");
    assert!(doc.contains(r#"<w:headerReference w:type="default" r:id="rId5"/><w:headerReference w:type="first" r:id="rId5"/>"#));
    assert!(!part(&p, "word/header1.xml").contains("PAGE"));
}

#[test]
fn fonts_language_kerning_and_compat() {
    let p = parts_of(&rich_flow());
    let styles = part(&p, "word/styles.xml");
    assert!(styles.contains(r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#));
    assert!(styles.contains(r#"<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="vi-VN"/>"#));
    assert!(styles.contains(r#"<w:kern w:val="2"/><w:sz w:val="28"/>"#));
    assert!(part(&p, "word/fontTable.xml").contains(r#"<w:font w:name="Times New Roman">"#));
    let settings = part(&p, "word/settings.xml");
    assert!(settings.contains("<w:compat><w:doNotExpandShiftReturn/>"));
    assert!(settings.contains(
        r#"w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15""#
    ));
}

#[test]
fn footnotes_are_real_with_separators() {
    let p = parts_of(&rich_flow());
    let settings = part(&p, "word/settings.xml");
    assert!(
        settings.contains(
            r#"<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>"#
        )
    );
    let notes = part(&p, "word/footnotes.xml");
    assert!(notes.contains(r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="140" w:lineRule="exact"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"#));
    assert!(notes.contains(r#"<w:footnote w:type="continuationSeparator" w:id="0">"#));
    assert!(notes.contains("<w:continuationSeparator/>"));
    let doc = part(&p, "word/document.xml");
    let mark_rpr = r#"<w:rPr><w:rStyle w:val="FootnoteReference"/><w:kern w:val="2"/><w:position w:val="9"/><w:sz w:val="16"/><w:szCs w:val="16"/><w:vertAlign w:val="baseline"/></w:rPr>"#;
    for id in 1..=3 {
        assert!(doc.contains(&format!(
            r#"<w:r>{mark_rpr}<w:footnoteReference w:id="{id}"/></w:r>"#
        )));
        let start = notes
            .find(&format!(r#"<w:footnote w:id="{id}">"#))
            .expect("note");
        let note = &notes[start..start + notes[start..].find("</w:footnote>").expect("end")];
        assert!(
            note.contains(&format!("<w:r>{mark_rpr}<w:footnoteRef/></w:r>")),
            "{note}"
        );
        assert!(note.contains(r#"<w:pStyle w:val="FootnoteText"/>"#));
    }
    // An inner hyphen is a non-breaking hyphen (lines break at spaces only).
    assert!(notes.contains("Nghị quyết số 12/NQ</w:t><w:noBreakHyphen/><w:t>HĐND"));
    // Numbers run on across the sections: no restart.
    assert!(!doc.contains("<w:footnotePr>"));
    // Issue 12 item 11: the styles are Word's (reference superscript, text
    // at the notes' size); LibreOffice draws marks at 58 % of the reference
    // style's size, so that size is the mark's (8 pt) / 0.58.
    let styles = part(&p, "word/styles.xml");
    assert!(styles.contains(r#"<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/><w:vertAlign w:val="superscript"/></w:rPr>"#), "{styles}");
    assert!(styles.contains(r#"<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>"#), "{styles}");
}

#[test]
fn footnote_numbers_that_restart_restart_in_word() {
    let mut flow = rich_flow();
    let Block::Para(p) = &mut flow.sections[1].blocks[1] else {
        panic!("appendix paragraph")
    };
    let Run::FootnoteRef(f) = &mut p.runs[1] else {
        panic!("note")
    };
    f.mark.number = 1;
    let doc = part(&parts_of(&flow), "word/document.xml").to_owned();
    assert_eq!(doc.matches("<w:footnotePr>").count(), 1);
    assert!(doc.contains(r#"<w:footnotePr><w:numStart w:val="1"/><w:numRestart w:val="eachSect"/></w:footnotePr><w:type w:val="nextPage"/>"#));
}

#[test]
fn tables_have_fixed_grids() {
    let p = parts_of(&rich_flow());
    let doc = part(&p, "word/document.xml");
    // Header grid: borderless, shifted left by 10 pt.
    assert!(doc.contains(r#"<w:tblW w:w="9754" w:type="dxa"/><w:tblInd w:w="-200" w:type="dxa"/><w:tblBorders><w:top w:val="nil"/>"#));
    assert!(
        doc.contains(r#"<w:tblGrid><w:gridCol w:w="3800"/><w:gridCol w:w="5954"/></w:tblGrid>"#)
    );
    assert!(doc.contains(r#"<w:tcW w:w="3800" w:type="dxa"/><w:vAlign w:val="top"/>"#));
    // Data table: ruled, padded, with a repeated header row.
    assert!(doc.contains(r#"<w:tblGrid><w:gridCol w:w="800"/><w:gridCol w:w="5354"/><w:gridCol w:w="1600"/><w:gridCol w:w="1600"/></w:tblGrid>"#));
    assert!(doc.contains(r#"<w:insideV w:val="single" w:color="000000" w:sz="4" w:space="0"/>"#));
    assert!(doc.contains(r#"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>"#));
    assert_eq!(
        doc.matches("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            .count(),
        1
    );
    assert!(doc.matches("<w:trPr><w:cantSplit/></w:trPr>").count() >= 4);
    assert!(doc.contains(r#"<w:vAlign w:val="center"/>"#));
    // A table that opens the document gets the filler paragraph first.
    assert!(doc.contains(r#"<w:body><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="2" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p><w:tbl>"#));
    // The closing grid ends section 1: a filler paragraph carries the break.
    assert!(doc.contains(r#"</w:tbl><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="2" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr><w:sectPr>"#));
}

#[test]
fn rules_are_bottom_borders_between_indents() {
    let p = parts_of(&rich_flow());
    let doc = part(&p, "word/document.xml");
    // Under "SỞ Y TẾ": 60 pt in a 190 pt cell, 4 pt tall, 0.5 pt thick.
    let rule = r#"<w:p><w:pPr><w:keepNext/><w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="4" w:space="0"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="70" w:lineRule="exact"/><w:ind w:left="1300" w:right="1300"/><w:jc w:val="left"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>"#;
    assert!(doc.contains(rule), "rule paragraph not found");
    for side in ["<w:top ", "<w:left ", "<w:right ", "<w:between "] {
        let in_pbdr = doc
            .split("<w:pBdr>")
            .skip(1)
            .any(|s| s[..s.find("</w:pBdr>").unwrap_or(0)].contains(side));
        assert!(!in_pbdr, "pBdr has {side}");
    }
}

#[test]
fn paragraphs_map_every_property() {
    let p = parts_of(&rich_flow());
    let doc = part(&p, "word/document.xml");
    let title = para_with(doc, "BÁO CÁO</w:t>");
    assert!(title.contains(r#"<w:pPr><w:keepNext/><w:widowControl/><w:spacing w:before="480" w:after="0" w:line="340" w:lineRule="exact"/><w:ind w:left="0" w:right="0"/><w:jc w:val="center"/>"#), "{title}");
    let summary = para_with(doc, "và phương hướng");
    assert!(summary.contains("<w:r><w:br/></w:r>"));
    let heading = para_with(doc, "I. KẾT QUẢ");
    assert!(heading.contains(r#"<w:widowControl w:val="0"/>"#));
    assert!(heading.contains(
        r#"<w:ind w:left="709" w:right="0"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>"#
    ));
    let body = para_with(doc, "ngành y tế");
    assert!(body.contains(r#"<w:spacing w:before="0" w:after="120" w:line="340" w:lineRule="exact"/><w:ind w:left="0" w:right="0" w:firstLine="709"/><w:jc w:val="both"/>"#));
    assert!(body.contains(r#"<w:rPr><w:i/><w:iCs/><w:kern w:val="2"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>đã hoàn thành</w:t>"#));
    assert!(body.contains(r#"<w:rPr><w:b/><w:bCs/><w:kern w:val="2"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t>Kết quả</w:t>"#));
    assert!(body.contains(r#"<w:t xml:space="preserve">  cụ thể:</w:t>"#));
    let item = para_with(doc, "Khám chữa bệnh");
    assert!(item.contains(r#"<w:ind w:left="709" w:right="0" w:hanging="280"/>"#));
    let number = para_with(doc, "/BC</w:t><w:noBreakHyphen/><w:t>SYT");
    assert!(number.contains(
        r#"<w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr><w:t xml:space="preserve">        </w:t>"#
    ));
    let recipients = para_with(doc, "Nơi nhận:");
    assert!(recipients.contains("<w:b/><w:bCs/><w:i/><w:iCs/><w:kern"));
    assert!(doc.contains("&amp; &lt;mục tiêu&gt; \"chính\""));
    // The page break is a property of the next paragraph.
    assert!(para_with(doc, "II. PHƯƠNG HƯỚNG").contains("<w:pageBreakBefore/>"));
    assert!(!doc.contains(r#"w:type="page""#));
    // The signature room: four exact 17 pt lines.
    assert!(doc.matches(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="340" w:lineRule="exact"/></w:pPr></w:p>"#).count() >= 4);
}

/// ECMA-376 order of the run properties this writer uses.
const RPR_ORDER: [&str; 12] = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "kern",
    "position",
    "sz",
    "szCs",
    "vertAlign",
    "lang",
];

#[test]
fn run_properties_follow_the_schema_sequence() {
    let p = parts_of(&rich_flow());
    for name in [
        "word/document.xml",
        "word/footnotes.xml",
        "word/styles.xml",
        "word/header1.xml",
    ] {
        let xml = part(&p, name);
        for chunk in xml.split("<w:rPr>").skip(1) {
            let body = &chunk[..chunk.find("</w:rPr>").expect("closed")];
            let order: Vec<usize> = body
                .split("<w:")
                .skip(1)
                .map(|t| {
                    let tag = t.split([' ', '/', '>']).next().unwrap_or("");
                    RPR_ORDER
                        .iter()
                        .position(|o| *o == tag)
                        .unwrap_or_else(|| panic!("unexpected {tag}"))
                })
                .collect();
            assert!(order.windows(2).all(|w| w[0] < w[1]), "{name}: {body}");
        }
    }
}

#[test]
fn properties() {
    let p = parts_of(&rich_flow());
    let core = part(&p, "docProps/core.xml");
    assert!(core.contains("<dc:title>BÁO CÁO Kết quả công tác y tế năm 2024</dc:title>"));
    assert!(core.contains("<dc:creator>Sở Y tế tỉnh Quảng Ngãi</dc:creator>"));
    assert!(core.contains("<cp:keywords>y tế; báo cáo</cp:keywords>"));
    assert!(core.contains("<dc:language>vi-VN</dc:language>"));
    // The document's date wins over the option.
    assert!(core.contains(
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-20T00:00:00Z</dcterms:created>"#
    ));
    assert!(core.contains(
        r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2024-12-20T00:00:00Z</dcterms:modified>"#
    ));
    let custom = part(&p, "docProps/custom.xml");
    // The decree's order; a field without a value (no number yet) is left out.
    assert!(custom.contains(r#"<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="TypeName"><vt:lpwstr>Báo cáo</vt:lpwstr></property>"#));
    assert!(custom.contains(r#"pid="3" name="CodeNotation"><vt:lpwstr>BC-SYT</vt:lpwstr>"#));
    assert!(!custom.contains("CodeNumber"));
    assert!(part(&p, "docProps/app.xml").contains("<Application>vanban</Application>"));
}

#[test]
fn timestamp_option_when_the_document_has_no_date() {
    let mut flow = rich_flow();
    flow.info.date = None;
    let core = part(&parts_of(&flow), "docProps/core.xml").to_owned();
    assert!(core.contains(">2025-01-02T03:04:05Z</dcterms:created>"));
    let none = write_docx(&flow, &DocxOptions::default()).expect("docx");
    assert!(!part(&unzip(&none), "docProps/core.xml").contains("dcterms:created"));
    let bad = write_docx(
        &flow,
        &DocxOptions {
            timestamp: Some("now".into()),
            pins: None,
        },
    );
    assert!(matches!(bad, Err(DocxError::Timestamp(_))));
}

#[test]
fn repeated_fields_are_one_property_joined_like_the_xmp() {
    let mut flow = rich_flow();
    flow.info.eoffice.signers = vec![
        SignerInfo {
            position: Some("CHỦ TỌA".into()),
            full_name: "Trần Văn B".into(),
        },
        SignerInfo {
            position: Some("THƯ KÝ".into()),
            full_name: "Lê Thị C".into(),
        },
    ];
    flow.info.eoffice.to = vec!["Sở Nội vụ".into(), "Lưu: VT".into()];
    let custom = part(&parts_of(&flow), "docProps/custom.xml").to_owned();
    assert!(
        custom.contains(r#"name="SignerInfo.Position"><vt:lpwstr>CHỦ TỌA; THƯ KÝ</vt:lpwstr>"#)
    );
    assert!(
        custom
            .contains(r#"name="SignerInfo.FullName"><vt:lpwstr>Trần Văn B; Lê Thị C</vt:lpwstr>"#)
    );
    assert!(custom.contains(r#"name="To"><vt:lpwstr>Sở Nội vụ; Lưu: VT</vt:lpwstr>"#));
    assert_eq!(custom.matches(r#"name="SignerInfo.FullName""#).count(), 1);
}

#[test]
fn a_row_wider_than_the_grid_is_an_error() {
    let mut flow = rich_flow();
    let Block::Table(t) = &mut flow.sections[0].blocks[0] else {
        panic!("header grid")
    };
    t.rows[0].cells.push(common::cell(vec![]));
    let err = write_docx(&flow, &opts()).expect_err("too many cells");
    assert!(matches!(
        err,
        DocxError::TableShape {
            cells: 3,
            columns: 2,
            ..
        }
    ));
}

#[test]
fn degenerate_flows_still_make_a_package() {
    let mut flow = rich_flow();
    flow.sections.clear();
    let p = parts_of(&flow);
    let doc = part(&p, "word/document.xml");
    assert!(doc.contains("<w:body><w:p>"));
    assert!(doc.contains("<w:sectPr>"));
    // Short rows are padded with empty cells ending in a paragraph.
    let mut flow = rich_flow();
    let Block::Table(t) = &mut flow.sections[0].blocks[0] else {
        panic!("header grid")
    };
    t.rows[0].cells.pop();
    let doc = part(&parts_of(&flow), "word/document.xml").to_owned();
    assert!(
        doc.contains(r#"<w:tcW w:w="5954" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr><w:p>"#)
    );
}
