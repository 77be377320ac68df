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
/// `vanban extract`'s reader on any bytes (a PDF from elsewhere).
pub fn pdf_extract(data: &[u8]) {
    let _ = vanban::extract_source(data);
}

/// `vanban issue`'s reader and writer on any bytes: read the form, fill
/// the number and date; a filled result is read again.
pub fn pdf_issue(data: &[u8]) {
    let Some(date) = chrono::NaiveDate::from_ymd_opt(2023, 6, 15) else {
        return;
    };
    let req = vanban::IssueRequest { number: 58, date };
    if let Ok(out) = vanban::issue(data, &req) {
        let _ = vanban::issue(&out, &req);
    }
}

/// Seeds for the PDF targets: real outputs (every fixture in PDF/A-3b with
/// its source and the fields; the Ba Tô report issued) and hostile shapes
/// built from them: truncated files, a broken cross-reference table, an
/// object stream with a cross-reference stream, deep nesting, and a
/// compression bomb (64 MiB of zeros in an embedded file).
pub fn pdf_seeds(fixtures: &std::path::Path) -> Vec<Vec<u8>> {
    use std::io::Write;
    let mut out = Vec::new();
    let opts = vanban::RenderOptions {
        pdf_standard: vanban::PdfStandard::A3b,
        ..vanban::RenderOptions::default()
    };
    let mut paths: Vec<_> = std::fs::read_dir(fixtures)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let Ok(json) = std::fs::read(p) else { continue };
        let Ok(r) = vanban::render_with(
            &json,
            &[vanban::Format::Pdf],
            &opts,
            &vanban::OutputOptions { sign_fields: true },
        ) else {
            continue;
        };
        let Some(pdf) = r.pdf else { continue };
        if let Some(date) = chrono::NaiveDate::from_ymd_opt(2023, 6, 15)
            && let Ok(issued) = vanban::issue(&pdf, &vanban::IssueRequest { number: 58, date })
        {
            out.push(issued);
        }
        out.push(pdf[..pdf.len() / 2].to_vec());
        let mut broken = pdf.clone();
        if let Some(x) = broken.windows(5).rposition(|w| w == b"xref\n") {
            for b in broken.iter_mut().skip(x + 5).take(40) {
                if b.is_ascii_digit() {
                    *b = b'9';
                }
            }
        }
        out.push(broken);
        out.push(pdf);
    }
    out.push(
        b"%PDF-1.7\n1 0 obj\n<</Type/ObjStm/N 1/First 4/Length 20>>stream\n2 0 <</Type/Catalog>>\nendstream\nendobj\n3 0 obj\n<</Type/XRef/Size 4/W[1 2 1]/Root 2 0 R/Length 4>>stream\n\x01\x00\x09\x00\nendstream\nendobj\nstartxref\n70\n%%EOF\n"
            .to_vec(),
    );
    let mut deep = b"%PDF-1.7\n1 0 obj\n".to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend_from_slice(b"\nendobj\ntrailer\n<</Root 1 0 R>>\n");
    out.push(deep);
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        let _ = z.write_all(&zeros);
    }
    let bomb_data = z.finish().unwrap_or_default();
    let mut bomb = format!(
        "%PDF-1.7\n1 0 obj\n<</Type/Catalog/AF[2 0 R]>>\nendobj\n2 0 obj\n<</AFRelationship/Source/UF(a.json)/EF<</F 3 0 R>>>>\nendobj\n3 0 obj\n<</Length {}/Filter/FlateDecode>>stream\n",
        bomb_data.len()
    )
    .into_bytes();
    bomb.extend_from_slice(&bomb_data);
    bomb.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n");
    out.push(bomb);
    out
}
