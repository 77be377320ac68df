//! The fuzz targets' bodies, shared by the cargo-fuzz targets
//! (`fuzz_targets/`) and the stable driver (`src/bin/stable_driver.rs`).
//! Each must return normally for every input: a panic, an abort, a stack
//! overflow or a hang is a bug.

/// The inline-markup parser on any text; also checks that parsing the
/// plain text of a result again does not panic.
pub fn markup(data: &[u8]) {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(inlines) = vanban_model::markup::parse_inline(s) {
        let plain = vanban_model::markup::plain_text(&inlines);
        let _ = vanban_model::markup::parse_inline(&plain);
    }
}

/// Bytes → validated model (encoding guess, depth pre-scan, serde, validation).
pub fn json_model(data: &[u8]) {
    match vanban_model::parse_bytes(data) {
        Ok(_) => {}
        Err(errors) => {
            // Every error renders and names a place.
            for e in errors.iter() {
                let _ = e.to_string();
            }
        }
    }
}

/// The whole pipeline to PDF and DOCX. Input that is a document renders as
/// it is; other input becomes the body of a fixed report (paragraphs split
/// at blank lines), so that the typesetter and the writers see arbitrary
/// text, markup and lengths.
pub fn render(data: &[u8]) {
    let opts = vanban::RenderOptions::default();
    let formats = [vanban::Format::Pdf, vanban::Format::Docx];
    if vanban_model::parse_bytes(data).is_ok() {
        let _ = vanban::render(data, &formats, &opts);
        return;
    }
    let text = String::from_utf8_lossy(data);
    let body: Vec<&str> = text.split("\n\n").collect();
    let doc = serde_json::json!({
        "type": "bao_cao",
        "issuer": { "name": "ỦY BAN NHÂN DÂN XÃ BA TÔ", "abbr": "UBND" },
        "number": 1,
        "place": "Ba Tô",
        "date": "2023-06-05",
        "title": "Thử",
        "body": body,
        "signature": { "title": "CHỦ TỊCH", "name": "Phạm Văn Hiền" }
    });
    let _ = vanban::render(doc.to_string().as_bytes(), &formats, &opts);
}

/// A DOCX package around `document_xml` (the fuzz input), so that the XML
/// walker and the recogniser see arbitrary WordprocessingML.
pub fn wrap_docx(document_xml: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut buf = Vec::new();
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(&mut buf));
    let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, data: &[u8]| {
        let _ = z.start_file(name, o);
        let _ = z.write_all(data);
    };
    put(
        "_rels/.rels",
        br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
    );
    put("word/document.xml", document_xml);
    let _ = z.finish();
    buf
}

/// The DOCX reader and recogniser: the input as a whole file, and as the
/// document part of a valid package. An import either fails with a clear
/// error or gives JSON the model accepts: `Invalid` (the importer wrote
/// JSON the model rejects) is a bug.
pub fn import_docx(data: &[u8]) {
    for bytes in [data.to_vec(), wrap_docx(data)] {
        match vanban_import::import(&bytes, vanban_import::SourceKind::Docx) {
            Err(vanban_import::ImportError::Invalid(m)) => panic!("importer wrote invalid JSON: {m}"),
            Err(e) => {
                let _ = e.to_string();
            }
            Ok(i) => {
                let _ = i.report.render(vanban_model::lang::Lang::Vi);
            }
        }
    }
}

/// The typed-text recogniser (the paste box) on any bytes.
pub fn import_text(data: &[u8]) {
    match vanban_import::import(data, vanban_import::SourceKind::Text) {
        Err(vanban_import::ImportError::Invalid(m)) => panic!("importer wrote invalid JSON: {m}"),
        Err(e) => {
            let _ = e.to_string();
        }
        Ok(i) => {
            let _ = i.report.render(vanban_model::lang::Lang::En);
        }
    }
}
